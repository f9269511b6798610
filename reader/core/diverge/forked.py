"""The sentence check shared with a forked second process running beside the other detectors."""

# On a long pair the sentence check (diverge.sentences: a sentence alignment of hundreds of
# beads) is two thirds of detection, and needs nothing the other detectors make. On the command
# line, with a core to spare (as for align.side_process), a child forked once the context is
# built finds the check's candidate beads, sends this process the beads of its share (when it
# has one) and checks the others, while this process runs the other detectors and then checks
# its share; the child's records come back pickled (a few kB) and take their place among the
# candidates' in order, so the output is that of one process. The candidates are cut along the
# groups the batch aligns apart from one another (sentences.bead_groups), so each part
# finds what the whole check finds there, and weighed so that both processes finish together
# (of the few unions of whole groups, the one whose longer process is shortest).
# Should the child fail in any way, this process checks its candidates too.
# The child also runs a detector of this process's (TAKEN), after its share, and sends back
# its records: the candidates' groups are few, so the shares cannot weigh the same, and on
# `large` this process (its other detectors, its share, then the JSON head) was the longer by
# some 30 ms; a detector of ~17 ms that reads neither the verdict nor the beads' confidence
# (the child's alignment is that of the beads before the pair is judged) evens them out.

from __future__ import annotations

import contextlib
import os
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reader.core.diverge.context import Context
from reader.core.diverge.records import Divergence
from reader.core.diverge.registry import DETECTORS, Detector
from reader.core.diverge.sentences import (
    bead_groups,
    candidate_beads,
    candidates_of,
    check_candidates,
    sentence_candidates,
)
from reader.core.diverge.terms import find_inconsistent_terms
from reader.core.diverge.thresholds import Thresholds
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
FINDING_PER_CHAR = 0.025  # the candidates, found by the child: ~70 ms there
SHARE_COST = 60_000.0  # what checking a share here costs beyond its weight: ~60 ms
# Started as soon as the beads are final (finder.start_check), the child makes its context
# while this process measures the beads' support, judges the pair and makes its own (~50 ms
# on `large` before its other detectors, the paragraphs' lengths counted ahead: diverge.ahead)
HEAD_PER_CHAR = 0.018
# The detectors the child runs for this process (see above): ~17 ms on `large`. The shares
# are weighed as before, the detector left in OTHERS_PER_CHAR: weighed as the child's, it
# tipped `large`'s plan to the union that gives this process the heavier share (~20 ms more
# check here, the detector's gain gone), the weights being rough at that grain
TAKEN = (find_inconsistent_terms,)


def taken_detectors(th: Thresholds) -> list[Detector]:
    """The detectors, of those these thresholds let run, that the child runs (in its own
    context: made of the same texts, anchors, beads and thresholds as this process's)."""
    return [d for d in DETECTORS if d.find in TAKEN and d.enabled(th)]


def second_core(mode: str, source: Text, target: Text) -> bool:
    """Whether a second process pays for the pair: `mode` "no", "auto" (when a core is idle)
    or "yes" (even on a busy machine), as `reader align` and `reader diverge` say; Linux
    (fork is safe there with numpy loaded), more than one core, texts long enough."""
    if mode not in ("auto", "yes") or not core_to_spare(idle_core=mode == "auto"):
        return False
    return min(len(source.content), len(target.content)) >= MIN_CHARS


@dataclass(slots=True)
class SharedCheck:
    """The sentence check under way in two processes. The child finds the candidates, keeps
    its share and sends this process the beads of the others (a few bytes each) before it
    checks its own: this process reads them once its other detectors are done and makes
    just those candidates again."""

    child: Child[tuple[list[list[Divergence]], list[list[Divergence]]]]
    plan: int  # where the child's plan comes from: the candidates' count, and ours
    read: bool = False  # whether the child's result was read (the child is gone)
    here: list[int] = field(default_factory=list)  # the candidates this process checked
    away: list[int] = field(default_factory=list)  # those the child checked
    # what each of `taken_detectors` found (by `finish`: in the child, or here if it failed)
    taken: list[list[Divergence]] = field(default_factory=list)

    @classmethod
    def start(cls, ctx: Context) -> SharedCheck | None:
        """The child finding the candidates and checking its share of them, or None when it
        cannot be forked (then this process runs the whole check)."""
        return cls.start_with(lambda: ctx, early=False)

    @classmethod
    def start_with(cls, make: Callable[[], Context], early: bool) -> SharedCheck | None:
        """`start` with the context the child makes itself (`make`): `early`, before this
        process has made its own (finder.start_check: its work before the other detectors
        is weighed with them)."""
        try:
            plan, plan_out = os.pipe()
        except OSError:
            return None
        child = Child.start(lambda: _child_share(make(), plan_out, early))
        os.close(plan_out)
        if child is None:
            os.close(plan)
            return None
        return cls(child, plan)

    def finish(self, ctx: Context) -> list[Divergence]:
        """Our candidates checked, the child's read back (or checked here if it failed): the
        records of the whole check, in its order."""
        taken = taken_detectors(ctx.thresholds)
        plan = _read_plan(self.plan)
        if plan is None:  # the child failed before it sent its plan: the whole check here
            self.stop()
            self.taken = [d.find(ctx) for d in taken]
            return [d for found in check_candidates(ctx, sentence_candidates(ctx))
                    for d in found]
        n, beads = plan
        self.here = [k for k, _ in beads]
        mine = check_candidates(ctx, candidates_of(ctx, [b for _, b in beads]))
        self.away = sorted(set(range(n)) - set(self.here))
        self.read = True
        back = self.child.result(lambda x: is_share(x, len(self.away), len(taken)))
        if back is None:  # the child failed: its candidates are found and checked here
            candidates = sentence_candidates(ctx)
            sent = check_candidates(ctx, [candidates[k] for k in self.away])
            self.taken = [d.find(ctx) for d in taken]
        else:
            sent, self.taken = back
        found: dict[int, list[Divergence]] = dict(zip(self.here, mine, strict=True))
        found.update(zip(self.away, sent, strict=True))
        return [d for k in range(n) for d in found[k]]

    def stop(self) -> None:
        """End the child, unless its result was read (this process failed meanwhile)."""
        if not self.read:
            self.read = True
            with contextlib.suppress(OSError):
                os.close(self.plan)
            self.child.stop()


def _child_share(ctx: Context, plan: int, early: bool = False
                 ) -> tuple[list[list[Divergence]], list[list[Divergence]]]:
    """In the child: the candidates' beads, the plan sent (their count, and the place and bead
    of those left to the parent), then the check of the child's own (only their sentences
    made: each paragraph's sentences made here are pages copied from this process's), and
    what the detectors it takes find."""
    beads = candidate_beads(ctx)
    chars = len(ctx.src.text.content) + len(ctx.tgt.text.content)
    away = child_share(bead_groups(ctx, beads), [CHECK_PER_CHAR * c for *_, c in beads],
                       _others_weight(ctx) + (HEAD_PER_CHAR * chars if early else 0.0),
                       _finding_weight(ctx))
    chosen = set(away)
    left = [(k, b[0]) for k, b in enumerate(beads) if k not in chosen]
    with os.fdopen(plan, "wb") as out:
        out.write(pickle.dumps((len(beads), left), protocol=pickle.HIGHEST_PROTOCOL))
    checked = check_candidates(ctx, candidates_of(ctx, [beads[k][0] for k in away]))
    return checked, [d.find(ctx) for d in taken_detectors(ctx.thresholds)]


def _read_plan(fd: int) -> tuple[int, list[tuple[int, int]]] | None:
    """The child's plan, or None if it failed before sending one."""
    chunks = []
    try:
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
    except OSError:
        return None
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)
    try:
        n, beads = pickle.loads(b"".join(chunks))
    except Exception:
        return None
    if not isinstance(n, int) or not isinstance(beads, list):
        return None
    return n, beads


def child_share(groups: Sequence[int], weights: Sequence[float], others: float,
                finding: float = 0.0) -> list[int]:
    """The candidates the child checks: whole groups, chosen so that the longer of the two
    processes' work is as short as may be (the child's: `finding` the candidates and its
    share; this process's: the other detectors' `others`, and the rest with its SHARE_COST
    when there is a rest); at least one group."""
    by_group: dict[int, float] = {}
    for g, w in zip(groups, weights, strict=True):
        by_group[g] = by_group.get(g, 0.0) + w
    if not by_group:
        return []
    names = sorted(by_group)
    if len(names) > MOST_SEARCHED:
        taken = _greedy_share(by_group, others, finding)
    else:
        best = _best_subset([by_group[g] for g in names], others, finding)
        taken = {g for k, g in enumerate(names) if best >> k & 1}
    return [k for k, g in enumerate(groups) if g in taken]


# Groups are the batch's bands (batch.batch_group: a handful); up to this many, every union
# of them is weighed (2**n of them, a few milliseconds at most)
MOST_SEARCHED = 12


def _best_subset(loads: Sequence[float], others: float, finding: float) -> int:
    """The non-empty set of groups (a bit mask over `loads`) that the child best takes: the
    one whose longer process is shortest, then the one leaving the least here."""
    n = len(loads)
    full = (1 << n) - 1
    total = sum(loads)
    sums = [0.0] * (full + 1)
    best, best_key = full, (max(finding + total, others), -total)
    for mask in range(1, full):
        low = mask & -mask
        sums[mask] = load = sums[mask ^ low] + loads[low.bit_length() - 1]
        key = (max(finding + load, others + total - load + SHARE_COST), -load)
        if key < best_key:
            best, best_key = mask, key
    return best


def _greedy_share(by_group: dict[int, float], others: float, finding: float) -> set[int]:
    """`_best_subset` approached for many groups: the heaviest first, each taken when it
    brings the child's work nearer to half of all; all of them when a share here does not
    shorten the longer process."""
    total = sum(by_group.values())
    target = (total + others - finding) / 2
    taken: set[int] = set()
    load = 0.0
    for g, w in sorted(by_group.items(), key=lambda gw: (-gw[1], gw[0])):
        if not taken or abs(load + w - target) < abs(load - target):
            taken.add(g)
            load += w
    if len(taken) < len(by_group) and max(finding + total, others) <= max(
            finding + load, others + total - load + SHARE_COST):
        taken = set(by_group)
    return taken


def _others_weight(ctx: Context) -> float:
    return OTHERS_PER_CHAR * (len(ctx.src.text.content) + len(ctx.tgt.text.content))


def _finding_weight(ctx: Context) -> float:
    return FINDING_PER_CHAR * (len(ctx.src.text.content) + len(ctx.tgt.text.content))


def is_share(sent: object, n: int, taken: int) -> bool:
    """Whether what the child sent back is the check of its n candidates and what the
    `taken` detectors it runs found."""
    return (isinstance(sent, tuple) and len(sent) == 2 and are_checked(sent[0], n)
            and isinstance(sent[1], list) and len(sent[1]) == taken
            and all(are_divergences(x) for x in sent[1]))


def are_checked(found: object, n: int) -> bool:
    """Whether what a child sent back is the check of its n candidates."""
    return isinstance(found, list) and len(found) == n and all(
        isinstance(x, list) and all(isinstance(d, Divergence) for d in x) for x in found)


def are_divergences(found: object) -> bool:
    """Whether what a child sent back is a detector's result."""
    return isinstance(found, list) and all(isinstance(d, Divergence) for d in found)
