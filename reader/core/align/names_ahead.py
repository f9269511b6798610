"""The names that sound alike found by a forked child while this process builds the vector space."""

# The vector space's name pairs (space.name_pairs: sound_alike over the names of both sides)
# need only the names of both sides and the source stems the lexicon holds as written, which
# the source side was prepared with (align.one_side). On the bench's 4,350-paragraph pair they
# cost ~50 ms of the stage's ~170, while the vocabulary, the idf and the lexicon's matrix take
# ~75 ms that need no name: a child forked as the stage starts scores the names meanwhile and
# sends back three arrays (a few hundred kB). The child is read only if the names it was given
# are the very lists this process finds; else, or should it fail, the names are scored here.

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from itertools import chain

import numpy as np

from reader.core.align.sound_alike import sound_alike
from reader.core.anchors.features import Features
from reader.core.second_process import Child, core_to_spare

Found = tuple[np.ndarray, np.ndarray, np.ndarray]

# Below this many paragraphs a side the names take a few milliseconds: less than a fork of a
# process of a few hundred megabytes and reading its answer back
MIN_PARAGRAPHS = 1_000


def names_in_child(mode: str, paragraphs: int) -> bool:
    """Whether the names pay in a second process: `mode` "no", "auto" (when a core is idle)
    or "yes" (even on a busy machine), as the command line says; a pair long enough."""
    if mode not in ("auto", "yes") or paragraphs < MIN_PARAGRAPHS:
        return False
    return core_to_spare(idle_core=mode == "auto")


def name_lists(src: list[Features], tgt: list[Features], known: Collection[str]
               ) -> tuple[list[str], list[str]]:
    """The Arabic names not in `known` and the English names, sorted, as name_pairs reads them."""
    ar_names = sorted(set(chain.from_iterable(f.names for f in src)).difference(known))
    en_names = sorted(set(chain.from_iterable(f.names for f in tgt)))
    return ar_names, en_names


@dataclass(slots=True)
class NamesAhead:
    """`sound_alike(ar_names, en_names, threshold)` being found by a forked child."""

    ar_names: list[str]
    en_names: list[str]
    threshold: float
    child: Child[Found] | None

    @classmethod
    def start(cls, src: list[Features], tgt: list[Features], known: Collection[str],
              threshold: float) -> NamesAhead:
        ar_names, en_names = name_lists(src, tgt, known)
        ahead = cls(ar_names, en_names, threshold, None)
        ahead.child = Child.start(lambda: sound_alike(ar_names, en_names, threshold))
        return ahead

    def found(self, ar_names: list[str], en_names: list[str], threshold: float) -> Found:
        """`sound_alike(ar_names, en_names, threshold)`: the child's answer if it was given
        the same and answered, else found here."""
        child, self.child = self.child, None
        same = (threshold == self.threshold and ar_names == self.ar_names
                and en_names == self.en_names)
        if child is not None:
            if same:
                answer = child.result(lambda found: _valid(found, len(ar_names),
                                                           len(en_names)))
                if answer is not None:
                    return answer
            else:
                child.stop()
        return sound_alike(ar_names, en_names, threshold)

    def stop(self) -> None:
        """End the child, if any, unread."""
        if self.child is not None:
            self.child.stop()
            self.child = None


def _valid(found: object, n_ar: int, n_en: int) -> bool:
    if not (isinstance(found, tuple) and len(found) == 3
            and all(isinstance(x, np.ndarray) and x.ndim == 1 for x in found)):
        return False
    a_i, e_i, score = found
    return (len(a_i) == len(e_i) == len(score) and a_i.dtype.kind == "i"
            and e_i.dtype.kind == "i" and bool(np.all((a_i >= 0) & (a_i < n_ar)))
            and bool(np.all((e_i >= 0) & (e_i < n_en))))
