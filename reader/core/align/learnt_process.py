"""The sentence pass's learnt word pairs found in a forked child while this process makes units."""

# Model 1 (reader.core.align.model_one) needs only the last paragraph pass's beads and the
# vector space; the sentence pass needs its word pairs only once its units are made (sentences
# cut, their features and space: reader.core.align.units.align_by_units), and making them needs
# no word pair. On the command line, with a core to spare, a child forked when the paragraph
# passes end learns the pairs while this process makes the units: on the 4,350-paragraph bench
# case 0.35-1.0 s of Model 1 (its first call in a process pays for ~130 MB of fresh memory) hidden
# behind the units. The pairs come back pickled (a few thousand cells, ~50 kB). Model 1 is a
# pure function of what both processes share, so the child finds what this process would; should
# it fail in any way, this process learns them itself.
#
# Forked when the paragraph passes end, that child is a copy of a process of ~200 MB: the fork
# copies its page tables, and every page this process writes while the child lives is copied
# first (copy-on-write faults, ~0.1 s of this process's time on the bench's large pair, the wait
# for the pairs 0.1-0.5 s). So the command line starts a spare (second_process.Spare) as the
# texts are read (`start_learner`, past the side's fork: pair.open_pair), when this process is
# small, and hands it Model 1's input, pickled (model_one.SpaceWords, the beads as tuples:
# ~2 MB); without a spare (one process, a short pair, a fork that failed, a spare that died)
# the child is forked as before.

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial

import scipy.sparse as sp

from reader.core.align.beads import Bead
from reader.core.align.model_one import (
    SpaceWords,
    learnt_pairs,
    matching_beads,
    model_one_of_words,
)
from reader.core.align.params import AlignerParams
from reader.core.align.space import Space
from reader.core.second_process import Child, core_to_spare, drop_spare, start_spare, take_spare
from reader.core.timing import stage

log = logging.getLogger(__name__)

# Below this many paragraph beads Model 1 takes a few tens of milliseconds: forking a process
# of a few hundred megabytes and reading its answer back costs about as much
MIN_BEADS = 1_000

# the heap Model 1 takes on the bench's 4,350-paragraph pair (~110 MB at its peak): laid out
# by the spare while it waits (spare_memory.reserve_memory), its pages cost no fault later
MODEL_ONE_MEMORY = 128 << 20


def start_learner(mode: str) -> None:
    """Fork the spare that may learn the sentence pass's word pairs, while this process is
    small: `mode` as `learn_in_child` has it ("no": none). For the command line, once it
    knows the pair is long enough for a second process (align.side_process); the window and
    batch workers never call it. `drop_learner` ends it if it is never used."""
    if mode in ("auto", "yes") and core_to_spare(idle_core=mode == "auto"):
        start_spare(MODEL_ONE_MEMORY)


def drop_learner() -> None:
    """End the spare `start_learner` forked, if it was not given the pairs to learn, and
    wait for it."""
    drop_spare()


def learn_in_child(mode: str, beads: Sequence[Bead]) -> bool:
    """Whether Model 1 on `beads` pays in a second process: `mode` "no", "auto" (when a core
    is idle) or "yes" (even on a busy machine), as the command line says; Linux, more than
    one core, a pair long enough."""
    if mode not in ("auto", "yes") or not core_to_spare(idle_core=mode == "auto"):
        return False
    return len(beads) >= MIN_BEADS


@dataclass(slots=True)
class Translation:
    """The sentence pass's translation, `base` and the word pairs `learn` finds: learnt by a
    forked child (`start` with `fork`), or here. Call it for the sum."""

    base: sp.csr_matrix
    learn: Callable[[], sp.csr_matrix]
    child: Child[sp.csr_matrix] | None = None
    level: int = logging.INFO  # of the stage that times the wait for them
    _sum: sp.csr_matrix | None = field(default=None, repr=False)

    @classmethod
    def start(cls, space: Space, beads: Sequence[Bead], base: sp.csr_matrix,
              params: AlignerParams, fork: bool, level: int = logging.INFO) -> Translation:
        """`base` with `model_one.learnt_pairs(space, beads, base, params)` to come, learnt
        in a child if `fork` and one can be forked."""
        def learn() -> sp.csr_matrix:
            return learnt_pairs(space, beads, base, params)

        spare = take_spare() if fork and params.model_one else None
        if spare is None:
            # not wanted: its pages no longer cost this process copies (waited for later)
            drop_spare(wait=False)
            return cls.of(base, learn, fork, level)
        # what Model 1 reads, made here (a few ms): the spare has none of it
        work = partial(model_one_of_words, SpaceWords.of(space), matching_beads(beads, params),
                       base[:, : space.n_tgt_words], params)
        child = spare.hand(work)
        log.debug("Model 1 %s", "handed to the spare" if child else "not taken by the spare")
        return cls.of(base, learn, fork, level, child)

    @classmethod
    def of(cls, base: sp.csr_matrix, learn: Callable[[], sp.csr_matrix], fork: bool,
           level: int = logging.INFO, child: Child[sp.csr_matrix] | None = None
           ) -> Translation:
        """`base` with what `learn` finds to come, found by `child` if given (the spare at
        work), else by a child forked now if `fork` (and one can be), else at once: before
        the units are made, so that their memory and Model 1's temporaries (~100 MB on the
        bench's large pair) are never held together."""
        if child is None and fork:
            child = Child.start(learn)
        translation = cls(base, learn, child, level)
        if translation.child is None:
            translation()
        return translation

    def __call__(self) -> sp.csr_matrix:
        """`base` + the learnt pairs (CSR), waiting for the child if it is still at work."""
        if self._sum is None:
            learnt = None
            if self.child is not None:
                child, self.child = self.child, None
                with stage(log, "learnt word pairs from the second process", self.level):
                    learnt = child.result(self._valid)
            if learnt is None:  # no child, or it failed: learnt here, as one process does
                with stage(log, "learnt word pairs", self.level):
                    learnt = self.learn()
            self._sum = (self.base + learnt).tocsr()
        return self._sum

    def stop(self) -> None:
        """End the child, if any, unread (this process failed before it needed the pairs)."""
        if self.child is not None:
            self.child.stop()
            self.child = None

    def _valid(self, found: object) -> bool:
        return isinstance(found, sp.csr_matrix) and found.shape == self.base.shape
