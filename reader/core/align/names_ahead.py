"""The names that sound alike and the target's shapes found by a child while the space is built."""

# The vector space's name pairs (space.name_pairs: sound_alike over the names of both sides)
# need only the names of both sides and the source stems the lexicon holds as written, which
# the source side was prepared with (align.one_side). On the bench's 4,350-paragraph pair they
# cost ~50 ms of the stage's ~170, and the pair's structure (align.structure: headings, list
# items, short lines), which needs the sides alone, ~25 ms, while the vocabulary, the idf, the
# lexicon's matrix and the vectors take ~90 ms that need neither: a child forked as the stage
# starts finds both meanwhile and sends back a few arrays (a few hundred kB). In a forked child
# the names and the structure took ~70 and ~60 ms of CPU, the longer side of the stage (this
# process waited ~35 ms for it): now the child reads the target's shapes and this process the
# source's meanwhile (structure.side_shapes: the lexicon's readings of its words, which this
# process read for the side), joined once both are read, and the child sends back the name
# lists it scored, which this process no longer makes too. Its names are used only if they
# were listed from the very features and stems this process reads; else, or should the child
# fail, the names are listed and scored and the shapes read here.

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np

from reader.core.align.one_side import lexicon_key
from reader.core.align.sound_alike import sound_alike
from reader.core.align.structure import SideShapes
from reader.core.anchors.features import Features
from reader.core.second_process import Child, core_to_spare

if TYPE_CHECKING:
    from reader.core.align.params import AlignerParams
    from reader.core.align.space import Side
    from reader.core.anchors.lexicon import Lexicon

Found = tuple[np.ndarray, np.ndarray, np.ndarray]
Answer = tuple[Found | None, tuple[list[str], list[str]] | None, SideShapes | None]

# Below this many paragraphs a side the names take a few milliseconds: less than a fork of a
# process of a few hundred megabytes and reading its answer back
MIN_PARAGRAPHS = 1_000


def names_in_child(mode: str, paragraphs: int) -> bool:
    """Whether the names pay in a second process: `mode` "no", "auto" (when a core is idle)
    or "yes" (even on a busy machine), as the command line says; a pair long enough."""
    if mode not in ("auto", "yes") or paragraphs < MIN_PARAGRAPHS:
        return False
    return core_to_spare(idle_core=mode == "auto")


def start_ahead(src: Side, tgt: Side, lexicon: Lexicon | None, params: AlignerParams,
                shapes: Callable[[], SideShapes] | None = None) -> NamesAhead:
    """A child forked to score space.pair_space's names (if the source was prepared with the
    lexicon's readings) and to read `shapes` (the target's) while this process builds the
    space."""
    kept = src.readings
    known = None
    if lexicon is not None and kept is not None and kept.lexicon == lexicon_key(lexicon):
        known = kept.written
    return NamesAhead.start(src.features, tgt.features, known, params.name_threshold, shapes)


def name_lists(src: list[Features], tgt: list[Features], known: Collection[str]
               ) -> tuple[list[str], list[str]]:
    """The Arabic names not in `known` and the English names, sorted, as name_pairs reads them."""
    ar_names = sorted(set(chain.from_iterable(f.names for f in src)).difference(known))
    en_names = sorted(set(chain.from_iterable(f.names for f in tgt)))
    return ar_names, en_names


@dataclass(slots=True)
class NamesAhead:
    """`sound_alike(*name_lists(src, tgt, known), threshold)` (when `known` is not None) and the
    target's shapes (when asked for) being found by a forked child."""

    listing: bool  # whether the child lists and scores the names
    threshold: float
    child: Child[Answer] | None = None
    answer: Answer | None = None  # read from the child
    shapes: bool = False  # whether the child reads the target's shapes
    # the features and known stems the names were listed from (`names_of`)
    made_of: tuple[object, object, object] | None = None

    @classmethod
    def start(cls, src: list[Features], tgt: list[Features], known: Collection[str] | None,
              threshold: float, shapes: Callable[[], SideShapes] | None = None
              ) -> NamesAhead:
        """The child at work on the names of `src` and `tgt` (`known`: the source stems the
        lexicon holds as written; None: the names are left to this process) and on `shapes`,
        if given."""
        ahead = cls(known is not None, threshold, shapes=shapes is not None,
                    made_of=(src, tgt, known))

        def work() -> Answer:
            found, lists = None, None
            if known is not None:
                lists = name_lists(src, tgt, known)
                found = sound_alike(*lists, threshold)
            return found, lists, None if shapes is None else shapes()

        if known is not None or shapes is not None:
            ahead.child = Child.start(work)
        return ahead

    def names_of(self, src: list[Features], tgt: list[Features], known: Collection[str]
                 ) -> tuple[list[str], list[str]]:
        """`name_lists(src, tgt, known)`: the child's lists when made of these very lists and
        stems (~15 ms on `large` not spent here, where the child is now the shorter side of
        the stage: it sends them back, a few hundred kB), else made here."""
        made_of = self.made_of
        if made_of is not None and all(a is b for a, b in zip(made_of, (src, tgt, known),
                                                              strict=True)):
            self.settle()
            if self.answer is not None and self.answer[1] is not None:
                return self.answer[1]
        return name_lists(src, tgt, known)

    def found(self, ar_names: list[str], en_names: list[str], threshold: float) -> Found:
        """`sound_alike(ar_names, en_names, threshold)`: the child's answer if it listed the
        same and answered, else found here."""
        self.settle()
        answer = self.answer
        if (answer is not None and answer[0] is not None and answer[1] is not None
                and threshold == self.threshold and (ar_names, en_names) == answer[1]):
            return answer[0]
        return sound_alike(ar_names, en_names, threshold)

    def side_shapes(self, here: Callable[[], SideShapes]) -> SideShapes:
        """The (target's) shapes the child read, else `here()`."""
        self.settle()
        if self.answer is not None and self.answer[2] is not None:
            return self.answer[2]
        return here()

    def settle(self) -> None:
        """Read the child's answer, if any is still to come."""
        child, self.child = self.child, None
        if child is not None:
            # the child is done, or nearly, by the time the space needs it: detection's work
            # kept for a wait (idle_work) is left for Model 1's, where the core would be idle
            self.answer = child.result(self._valid, idle=False)

    def stop(self) -> None:
        """End the child, if any, unread."""
        if self.child is not None:
            self.child.stop()
            self.child = None

    def _valid(self, answer: object) -> bool:
        if not (isinstance(answer, tuple) and len(answer) == 3):
            return False
        found, lists, shapes = answer
        if self.listing:
            names = (isinstance(lists, tuple) and len(lists) == 2
                     and all(isinstance(x, list) for x in lists)
                     and _valid(found, len(lists[0]), len(lists[1])))
        else:
            names = found is None and lists is None
        return names and (isinstance(shapes, SideShapes) if self.shapes else shapes is None)


def _valid(found: object, n_ar: int, n_en: int) -> bool:
    if not (isinstance(found, tuple) and len(found) == 3
            and all(isinstance(x, np.ndarray) and x.ndim == 1 for x in found)):
        return False
    a_i, e_i, score = found
    return (len(a_i) == len(e_i) == len(score) and a_i.dtype.kind == "i"
            and e_i.dtype.kind == "i" and bool(np.all((a_i >= 0) & (a_i < n_ar)))
            and bool(np.all((e_i >= 0) & (e_i < n_en))))
