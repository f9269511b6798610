"""Both texts of a pair made ready at once: the target's side in a forked second process."""

# Loading a text, finding its anchors and its features is a third of a long pair's work, and
# each side is independent of the other. On a machine with a core to spare the command line
# forks after the glossary and the lexicon are read (the child inherits them, compiled and
# parsed) and the child prepares the target while this process prepares the source; the
# target's side comes back pickled (5.8 MB and ~0.15 s of CPU both ways on the 4,150-paragraph
# bench case, against ~1.3 s of work). Every step is a pure function of the file and of what
# both processes share, so the sides are those one process makes; should the child fail in any
# way, this process prepares the target itself (and raises what preparing it raises).

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.align.one_side import keep_cut_sentences
from reader.core.align.params import DEFAULT_PARAMS, AlignerParams
from reader.core.align.prepared import PreparedPair, SideInput, prepare_side
from reader.core.align.space import Side
from reader.core.anchors.features import Anchors, keep_anchors, text_anchors
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.core.second_process import Child, core_to_spare
from reader.core.text.document import Text, load_text
from reader.core.timing import stage

log = logging.getLogger(__name__)

# Below this many bytes in the smaller file, forking and moving the side back cost more than
# the second core saves (a 40-paragraph article prepares in ~30 ms).
MIN_BYTES = 64 * 1024


def second_process_pays(source: str | Path, target: str | Path, *, idle_core: bool = True
                        ) -> bool:
    """Whether preparing the target in a second process is worth it here: Linux (fork is
    safe there with numpy loaded), more than one core, both files large enough, and (with
    `idle_core`) a core to spare: on a machine already busy the second process gains no wall
    time and adds the cost of moving the side (load 3-20 on the project's 2-core machine)."""
    if not core_to_spare(idle_core):
        return False
    try:
        return min(os.stat(source).st_size, os.stat(target).st_size) >= MIN_BYTES
    except OSError:
        return False  # loading it here says what is wrong with it


@dataclass(slots=True)
class _Prepared:
    """One side made ready: the text, its anchors and its features."""

    text: Text
    anchors: list[Anchors]
    side: Side


def prepare_in_two(
    source_path: str | Path,
    target_path: str | Path,
    blocks: bool = False,
    glossaries: Sequence[Path] = (),
    params: AlignerParams = DEFAULT_PARAMS,
) -> tuple[Text, Text, PreparedPair]:
    """Both texts loaded and the pair prepared as `PreparedPair.of_texts` prepares it, the
    target's side in a forked process. Raises the InputError loading either file raises."""
    with stage(log, "glossary"):
        glossary = Glossary.load(glossaries)
        # both languages' matchers built before the fork (a search of nothing builds one):
        # detection, here, searches the target's language too, and would build its own again
        for language in ("ar", "en"):
            glossary.find_terms("", language)
    with stage(log, "lexicon"):
        words = Lexicon.load()
        words.stemmer  # made before the fork: both processes use it  # noqa: B018

    def target() -> _Prepared:
        return _prepare(target_path, "target", blocks, glossary, words, params)

    child = Child.start(target)
    try:
        src = _prepare(source_path, "source", blocks, glossary, words, params)
    except BaseException:
        if child is not None:
            child.stop()
        raise
    with stage(log, "target from the second process"):
        tgt = child.result(lambda x: isinstance(x, _Prepared)) if child is not None else None
    if tgt is None:  # the child failed: made here, as one process makes it
        tgt = target()
    else:
        keep_anchors(tgt.text, glossary, tgt.anchors)  # detection reads them again
        if tgt.side.cuts is not None:  # and splits its paragraphs' sentences again
            keep_cut_sentences(tgt.side.texts, tgt.side.lang, tgt.side.cuts)
    return src.text, tgt.text, PreparedPair.of_sides(src.side, tgt.side, words, params)


def _prepare(path: str | Path, name: str, blocks: bool, glossary: Glossary, words: Lexicon,
             params: AlignerParams) -> _Prepared:
    with stage(log, f"load {name} {path}"):
        text = load_text(path, blocks=blocks)
    with stage(log, f"anchors {name}"):
        anchors = text_anchors(text, glossary)
    paragraphs = text.paragraphs
    side = prepare_side(
        SideInput([p.text for p in paragraphs], [p.kind for p in paragraphs], text.language,
                  anchors),
        name, glossary, params, words.stemmer, words if text.language == "ar" else None)
    return _Prepared(text, anchors, side)
