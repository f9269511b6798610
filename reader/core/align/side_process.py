"""Both texts of a pair made ready at once: one side in a forked second process."""

# Loading a text, finding its anchors and its features, cutting its sentences and reading its
# stems in the lexicon is half of a long pair's work, and each side is independent of the
# other. On a machine with a core to spare the command line forks after the glossary and the
# lexicon are read (the child inherits them, compiled and parsed) and the child prepares the
# English side while this process prepares the Arabic one, the longer (its stems' readings);
# the child's side comes back pickled (6 MB and ~0.15 s of CPU both ways on the 4,150-paragraph
# bench case, against ~1 s of work). Every step is a pure function of the file and of what
# both processes share, so the sides are those one process makes; should the child fail in any
# way, this process prepares that side itself (and raises what preparing it raises).

from __future__ import annotations

import logging
import os
import pickle
import re
import select
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from reader.core.align.one_side import (
    begin_stems,
    file_word_parts_back,
    keep_cut_sentences,
    words_read,
)
from reader.core.align.params import DEFAULT_PARAMS, AlignerParams
from reader.core.align.prepared import PreparedPair, SideInput, add_sentences, prepare_side
from reader.core.align.readings import Readings
from reader.core.align.shared_readings import SharedStems, merged, read_back, read_front
from reader.core.align.side_pickle import packed_prepared, unpacked_prepared
from reader.core.align.space import Side
from reader.core.align.sparse_import import import_past_the_fork
from reader.core.anchors.features import Anchors, keep_anchors, text_anchors
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.core.errors import InputError
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

    def __reduce__(self) -> tuple[object, ...]:
        # by columns (align.side_pickle): a third of the CPU of pickling it object by object
        if type(self.side) is not Side:
            return _Prepared, (self.text, self.anchors, self.side)
        return _unpacked, (packed_prepared(self.text, self.anchors, self.side),)


def _unpacked(packed: tuple[object, ...]) -> _Prepared:
    return _Prepared(*unpacked_prepared(packed))


@dataclass(slots=True)
class _Theirs:
    """What the child sends back: its side (pickled before it read ahead), words of this
    process's side read by the lexicon, and that side's stems it read from the last: where
    they start, and their readings to the end (`shared_readings.read_back`)."""

    prepared: bytes
    words: dict[str, tuple[str, ...]]
    start: int = 0
    back: list[tuple[str, ...]] | None = None


def prepare_in_two(
    source_path: str | Path,
    target_path: str | Path,
    blocks: bool = False,
    glossaries: Sequence[Path] = (),
    params: AlignerParams = DEFAULT_PARAMS,
    after_fork: Callable[[], object] | None = None,
) -> tuple[Text, Text, PreparedPair]:
    """Both texts loaded and the pair prepared as `PreparedPair.of_texts` prepares it, one
    side in a forked process; `after_fork` is called once that process is forked and what it
    never reads is imported here (such as forking another child that reads it). Raises the
    InputError loading either file raises."""
    with stage(log, "glossary"):
        glossary = Glossary.load(glossaries)
        # both languages' matchers built before the fork (a search of nothing builds one):
        # detection, here, searches the target's language too, and would build its own again
        for language in ("ar", "en"):
            glossary.find_terms("", language)
    with stage(log, "lexicon"):
        words = Lexicon.load()
        words.stemmer  # made before the fork: both processes use it  # noqa: B018
    # both processes load a text, whose paragraphs' kinds import this (its patterns compiled:
    # ~10 ms of CPU): imported once here, not once in each (text.kinds leaves it to its first
    # use, for the window's start)
    import reader.core.text.posts  # noqa: F401

    # this process makes the Arabic side, the child the other: the Arabic side is the longer
    # work (its stems' readings), and a child's side costs the moving back besides
    sides = [(source_path, "source"), (target_path, "target")]
    if _looks_arabic(target_path) and not _looks_arabic(source_path):
        sides.reverse()
    (here_path, here), (there_path, there) = sides
    # the lexicon reads the stems of the pair's one Arabic side (of two, neither is read)
    here_ar, there_ar = _looks_arabic(here_path), _looks_arabic(there_path)

    def other() -> _Prepared:
        return _prepare(there_path, there, blocks, glossary, words, params, not here_ar)

    # the child reads ahead until this process offers it its side's stems (a few bytes on a
    # pipe, the stems in shared memory), then reads them from the last one back while this
    # process reads them from the first (align.shared_readings); its side, in shared memory
    # too, is read here first if it is there by then (a pipe says when)
    ready = _pipe() if here_ar and not there_ar else None
    sent = _pipe() if ready is not None else None
    shared = SharedStems.make() if sent is not None else None

    def other_and_words() -> _Theirs:
        for fd in (ready[1] if ready else None, sent[0] if sent else None):
            if fd is not None:
                os.close(fd)
        made = other()
        side = pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)
        if ready is None or made.side.lang == "ar":
            return _Theirs(side, {})
        if shared is not None and sent is not None and shared.put_side(side, sent[1]):
            side = b""  # this process reads it there
        # while this process still makes its Arabic side, that side's words read ahead (the
        # lexicon's answers are the same in both; they are sent back for later stages, and
        # those of the stems it reads from the last are then at hand)
        with stage(log, f"words of the {here} read ahead"):
            # a part of the file at a time: told to stop, it reads no further part; from the
            # file's end back, as this process reads that side's stems (`read_back`): the
            # words it reads ahead are those its own stems' readings ask for
            parts = file_word_parts_back(here_path, part=_READ_AHEAD_PART)
            found = words_read(words, chain.from_iterable(parts), lambda: _closed(ready[0]))
            log.info("%d words read ahead", len(found))
        offered = shared.offered(ready[0]) if shared is not None else None
        if offered is None or shared is None:
            return _Theirs(side, found)
        vocab, forms = offered
        with stage(log, f"readings {here} from the last stem"):
            start, back = read_back(words, shared, vocab, forms)
            log.info("%d of %d stems read from the last", len(back), len(vocab))
        return _Theirs(side, found | Readings.of(words).forms_read(), start, back)

    child = Child.start(other_and_words)
    for fd in (ready[0] if ready else None, sent[1] if sent else None):
        if fd is not None:
            os.close(fd)
    # scipy.sparse and rapidfuzz, which the child never reads, imported here once it is forked
    # (the command line leaves them to this point: commands.align.quick_imports)
    import_past_the_fork()
    if after_fork is not None:
        after_fork()
    try:
        # its sentences after its stems are offered: cut here while the child reads stems
        mine = _prepare(here_path, here, blocks, glossary, words, params, False, False)
        work, offered = None, False
        if mine.side.lang == "ar" and not there_ar:
            with stage(log, f"stem forms {here}"):
                work = begin_stems(mine.side.features, words, mine.side.tokens)
                offered = (child is not None and ready is not None and shared is not None
                           and shared.offer(work, ready[1]))
                # while the other process reads the stems too: not after both are read
                work.written()
        add_sentences(mine.side, here, params)
    except BaseException as error:
        if child is not None:
            child.stop()
        if sent is not None:
            os.close(sent[0])
            sent = None
        if here == "target" and isinstance(error, InputError):
            load_text(there_path, blocks=blocks)  # one process fails on a bad source first
        raise
    finally:
        if ready is not None:
            os.close(ready[1])  # the child stops reading ahead
    theirs = None
    try:
        if offered and shared is not None and sent is not None:
            # its side first, while the child reads stems: what this process reads of them
            # is what is left once the side is read
            early = shared.take_side(sent[0], wait=False)
            if early is not None:
                with stage(log, f"{there} from the second process"):
                    theirs = _side_of(early, glossary)
        if work is not None:
            with stage(log, f"readings {here}"):
                front = read_front(work, shared if offered else None)
        with stage(log, "the rest from the second process" if theirs else
                   f"{there} from the second process"):
            got = child.result(lambda x: isinstance(x, _Theirs)) if child is not None else None
            if theirs is None and got is not None:
                late = (got.prepared if got.prepared or shared is None or sent is None
                        else shared.take_side(sent[0], wait=True))
                theirs = _side_of(late, glossary) if late is not None else None
            if got is not None and theirs is not None:
                words.keep_translations(got.words)
            if work is not None:
                mine.side.readings = merged(work, front, _back(got))
    finally:
        if sent is not None:
            os.close(sent[0])
    if theirs is None:  # the child failed: made here, as one process makes it
        theirs = other()
    src, tgt = (mine, theirs) if here == "source" else (theirs, mine)
    return src.text, tgt.text, PreparedPair.of_sides(src.side, tgt.side, words, params)


def _side_of(data: bytes, glossary: Glossary) -> _Prepared | None:
    """The child's side, its anchors and sentences kept for detection; None if it is not
    one."""
    try:
        theirs = pickle.loads(data)
    except Exception:
        return None
    if not isinstance(theirs, _Prepared):
        return None
    keep_anchors(theirs.text, glossary, theirs.anchors)  # detection reads them again
    if theirs.side.cuts is not None:  # and splits its paragraphs' sentences again
        keep_cut_sentences(theirs.side.texts, theirs.side.lang, theirs.side.cuts)
    return theirs


def _back(got: _Theirs | None) -> tuple[int, list[tuple[str, ...]]] | None:
    """The stems' readings the child made from the last one: where they start, and them."""
    if got is None or got.back is None or not isinstance(got.start, int):
        return None
    return got.start, got.back


def _pipe() -> tuple[int, int] | None:
    try:
        return os.pipe()
    except OSError:
        return None  # no reading ahead: this process reads every word itself


def _closed(fd: int) -> bool:
    """Whether the other end of a pipe was closed (reading it would not wait; poll, not
    select: any descriptor number)."""
    waiting = select.poll()
    waiting.register(fd, select.POLLIN | select.POLLHUP)
    return bool(waiting.poll(0))


def _looks_arabic(path: str | Path) -> bool:
    """Whether a file's first few KB hold more Arabic letters than Latin ones (a guess that
    only decides which process reads it: loading it says what it is)."""
    try:
        with open(path, "rb") as f:
            head = f.read(_SNIFF_BYTES)
    except OSError:
        return False
    # in UTF-8, Arabic letters are two bytes led by D8-DB; Latin ones are single bytes
    return len(_ARABIC_LEAD.findall(head)) > len(_LATIN.findall(head))


_SNIFF_BYTES = 8192
_READ_AHEAD_PART = 1 << 17  # bytes (of Arabic, ~64 K characters): ~5 ms of finding words
_ARABIC_LEAD = re.compile(b"[\xd8-\xdb]")
_LATIN = re.compile(b"[A-Za-z]")


def _prepare(path: str | Path, name: str, blocks: bool, glossary: Glossary, words: Lexicon,
             params: AlignerParams, stems: bool, sentences: bool = True) -> _Prepared:
    """One side made ready (`prepare_side`), and, with `stems`, if it is Arabic, its stems
    read by the lexicon; without `sentences`, its sentences left to `add_sentences`."""
    with stage(log, f"load {name} {path}"):
        text = load_text(path, blocks=blocks)
    with stage(log, f"anchors {name}"):
        anchors = text_anchors(text, glossary)
    paragraphs = text.paragraphs
    side = prepare_side(
        SideInput([p.text for p in paragraphs], [p.kind for p in paragraphs], text.language,
                  anchors),
        name, glossary, params, words.stemmer, words if stems and text.language == "ar" else None,
        sentences=sentences)
    return _Prepared(text, anchors, side)
