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

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import scipy.sparse as sp

from reader.core.align.beads import Bead
from reader.core.align.model_one import learnt_pairs
from reader.core.align.params import AlignerParams
from reader.core.align.space import Space
from reader.core.second_process import Child, core_to_spare
from reader.core.timing import stage

log = logging.getLogger(__name__)

# Below this many paragraph beads Model 1 takes a few tens of milliseconds: forking a process
# of a few hundred megabytes and reading its answer back costs about as much
MIN_BEADS = 1_000


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

        return cls.of(base, learn, fork, level)

    @classmethod
    def of(cls, base: sp.csr_matrix, learn: Callable[[], sp.csr_matrix], fork: bool,
           level: int = logging.INFO) -> Translation:
        """`base` with what `learn` finds to come, found by a child if `fork` (and one can
        be forked), else at once: before the units are made, so that their memory and
        Model 1's temporaries (~100 MB on the bench's large pair) are never held together."""
        translation = cls(base, learn, Child.start(learn) if fork else None, level)
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
