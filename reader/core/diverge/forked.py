"""The sentence check shared with a forked second process running beside the other detectors."""

# On a long pair the sentence check (diverge.sentences: a sentence alignment of hundreds of
# beads) is two thirds of detection, and needs nothing the other detectors make. On the command
# line, with a core to spare (as for align.side_process), a child forked once the context and
# the check's candidate beads are found checks some of the candidates while this process runs
# the other detectors and then checks the rest; the child's records come back pickled (a few
# kB) and take their place among the candidates' in order, so the output is that of one
# process. The candidates are cut along the groups the batch aligns apart from one another
# (sentences.candidate_groups), so each part finds what the whole check finds there. Should the
# child fail in any way, this process checks its candidates too.

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.diverge.context import Context
from reader.core.diverge.records import Divergence
from reader.core.diverge.sentences import (
    Candidate,
    candidate_groups,
    check_candidates,
    sentence_candidates,
)
from reader.core.second_process import Child, core_to_spare
from reader.core.text.document import Text

# Below this many characters in the shorter text the check takes a few milliseconds: forking
# costs more than it saves
MIN_CHARS = 64 * 1024
# What the other detectors and the check cost, in microseconds per character: of both texts
# for the detectors, of the candidates' sentences for the check (measured on the bench's case
# `large`: ~200 ms of other detectors for 2.8 M characters, ~560 ms of check for 0.58 M; a
# group's check costs in proportion to its characters within 10 %)
OTHERS_PER_CHAR = 0.07
CHECK_PER_CHAR = 1.0


def second_core(mode: str, source: Text, target: Text) -> bool:
    """Whether a second process pays for the pair: `mode` "no", "auto" (when a core is idle)
    or "yes" (even on a busy machine), as `reader align` and `reader diverge` say; Linux
    (fork is safe there with numpy loaded), more than one core, texts long enough."""
    if mode not in ("auto", "yes") or not core_to_spare(idle_core=mode == "auto"):
        return False
    return min(len(source.content), len(target.content)) >= MIN_CHARS


@dataclass(slots=True)
class SharedCheck:
    """The sentence check under way in two processes: the child's candidates and ours."""

    candidates: list[Candidate]
    away: list[int]  # the candidates the child checks
    here: list[int]  # those this process checks
    child: Child[list[list[Divergence]]]
    read: bool = False  # whether the child's result was read (the child is gone)

    @classmethod
    def start(cls, ctx: Context) -> SharedCheck | None:
        """The child checking its share of the candidates, or None when there are none or
        it cannot be forked (then this process runs the whole check)."""
        candidates = sentence_candidates(ctx)
        if not candidates:
            return None
        away = child_share(candidate_groups(ctx, candidates), _weights(candidates),
                           _others_weight(ctx))
        chosen = [candidates[k] for k in away]
        child = Child.start(lambda: check_candidates(ctx, chosen))
        if child is None:
            return None
        here = sorted(set(range(len(candidates))) - set(away))
        return cls(candidates, away, here, child)

    def finish(self, ctx: Context) -> list[Divergence]:
        """Our candidates checked, the child's read back (or checked here if it failed): the
        records of the whole check, in its order."""
        found: dict[int, list[Divergence]] = dict(zip(
            self.here, check_candidates(ctx, [self.candidates[k] for k in self.here]),
            strict=True))
        self.read = True
        sent = self.child.result(lambda x: are_checked(x, len(self.away)))
        if sent is None:  # the child failed
            sent = check_candidates(ctx, [self.candidates[k] for k in self.away])
        found.update(zip(self.away, sent, strict=True))
        return [d for k in range(len(self.candidates)) for d in found[k]]

    def stop(self) -> None:
        """End the child, unless its result was read (this process failed meanwhile)."""
        if not self.read:
            self.read = True
            self.child.stop()


def child_share(groups: Sequence[int], weights: Sequence[float], others: float) -> list[int]:
    """The candidates the child checks: whole groups, their weight as near as may be to half
    of all the work (the check's and the other detectors' `others`), the heaviest groups
    first; at least one group."""
    by_group: dict[int, float] = {}
    for g, w in zip(groups, weights, strict=True):
        by_group[g] = by_group.get(g, 0.0) + w
    target = (sum(weights) + others) / 2
    taken: set[int] = set()
    load = 0.0
    for g, w in sorted(by_group.items(), key=lambda gw: (-gw[1], gw[0])):
        if not taken or abs(load + w - target) < abs(load - target):
            taken.add(g)
            load += w
    return [k for k, g in enumerate(groups) if g in taken]


def _weights(candidates: Sequence[Candidate]) -> list[float]:
    return [CHECK_PER_CHAR * sum(len(x.sentence.text) for x in (*s, *t))
            for _, s, t in candidates]


def _others_weight(ctx: Context) -> float:
    return OTHERS_PER_CHAR * (len(ctx.src.text.content) + len(ctx.tgt.text.content))


def are_checked(found: object, n: int) -> bool:
    """Whether what a child sent back is the check of its n candidates."""
    return isinstance(found, list) and len(found) == n and all(
        isinstance(x, list) and all(isinstance(d, Divergence) for d in x) for x in found)


def are_divergences(found: object) -> bool:
    """Whether what a child sent back is a detector's result."""
    return isinstance(found, list) and all(isinstance(d, Divergence) for d in found)
