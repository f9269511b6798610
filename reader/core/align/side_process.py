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

import contextlib
import logging
import os
import pickle
import signal
import sys
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.align.params import DEFAULT_PARAMS, AlignerParams
from reader.core.align.prepared import PreparedPair
from reader.core.align.space import Side, side_features
from reader.core.anchors.features import Anchors, keep_anchors, text_anchors
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.core.arabic.stemmer import Stemmer
from reader.core.text.document import Text, load_text
from reader.core.timing import stage

log = logging.getLogger(__name__)

# Below this many bytes in the smaller file, forking and moving the side back cost more than
# the second core saves (a 40-paragraph article prepares in ~30 ms).
MIN_BYTES = 64 * 1024
_LOGGER = "reader"  # whose records the child sends back, to be logged here in order


def second_process_pays(source: str | Path, target: str | Path, *, idle_core: bool = True
                        ) -> bool:
    """Whether preparing the target in a second process is worth it here: Linux (fork is
    safe there with numpy loaded), more than one core, both files large enough, and (with
    `idle_core`) a core to spare: on a machine already busy the second process gains no wall
    time and adds the cost of moving the side (load 3-20 on the project's 2-core machine)."""
    cores = _cores()
    if not sys.platform.startswith("linux") or cores < 2:
        return False
    if idle_core and os.getloadavg()[0] > cores - 0.5:  # this process takes one core
        return False
    try:
        return min(os.stat(source).st_size, os.stat(target).st_size) >= MIN_BYTES
    except OSError:
        return False  # loading it here says what is wrong with it


def _cores() -> int:
    """The cores this process may run on (its affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


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
        stemmer = words.stemmer  # made before the fork: both processes use it

    def target() -> _Prepared:
        return _prepare(target_path, "target", blocks, glossary, stemmer, params)

    child = _Child.start(target)
    try:
        src = _prepare(source_path, "source", blocks, glossary, stemmer, params)
    except BaseException:
        child.stop()
        raise
    with stage(log, "target from the second process"):
        tgt = child.result()
    if tgt is None:  # the child failed: made here, as one process makes it
        tgt = target()
    else:
        keep_anchors(tgt.text, glossary, tgt.anchors)  # detection reads them again
    return src.text, tgt.text, PreparedPair.of_sides(src.side, tgt.side, words, params)


def _prepare(path: str | Path, name: str, blocks: bool, glossary: Glossary, stemmer: Stemmer,
             params: AlignerParams) -> _Prepared:
    with stage(log, f"load {name} {path}"):
        text = load_text(path, blocks=blocks)
    with stage(log, f"anchors {name}"):
        anchors = text_anchors(text, glossary)
    with stage(log, f"features {name} ({len(text)} paragraphs)"):
        side = side_features([p.text for p in text.paragraphs], [p.kind for p in text.paragraphs],
                             text.language, glossary, params, anchors, None, stemmer)
    return _Prepared(text, anchors, side)


class _Keep(logging.Handler):
    """The child's log records, kept to be sent back with its result."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args, record.exc_info = record.getMessage(), None, None
        self.records.append(record)


@dataclass(slots=True)
class _Child:
    pid: int
    fd: int

    @classmethod
    def start(cls, work: Callable[[], _Prepared]) -> _Child:
        read, write = os.pipe()
        # Python 3.12+ warns about forking with threads: the only others here are OpenBLAS's
        # idle workers, which its own fork handlers stop and restart
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
        if pid == 0:  # the child: never returns into the caller's stack
            os.close(read)
            _run_child(work, write)
        os.close(write)
        return cls(pid, read)

    def result(self) -> _Prepared | None:
        """The child's side (its log records logged here), or None if it failed."""
        chunks = []
        try:
            while chunk := os.read(self.fd, 1 << 20):
                chunks.append(chunk)
        finally:
            os.close(self.fd)
            _, status = os.waitpid(self.pid, 0)
        if status != 0 or not chunks:
            return None
        try:
            prepared, records = pickle.loads(b"".join(chunks))
        except Exception:
            return None
        for record in records:
            logger = logging.getLogger(record.name)
            if logger.isEnabledFor(record.levelno):
                logger.handle(record)
        return prepared if isinstance(prepared, _Prepared) else None

    def stop(self) -> None:
        os.close(self.fd)
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)


def _run_child(work: Callable[[], _Prepared], fd: int) -> None:
    code = 1  # whatever goes wrong, the parent prepares the side itself and says why
    try:
        keep = _Keep()
        logger = logging.getLogger(_LOGGER)
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        logger.addHandler(keep)
        logger.propagate = False
        data = pickle.dumps((work(), keep.records), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        code = 0
    finally:
        os._exit(code)
