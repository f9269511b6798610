"""Re-aligning around fixed beads: what fixing gold beads gains, and how fast a re-alignment is.

    python -m tests.bench.bench_realign [--seeds 41-60] [--cases small,book] [--percents 1,2,5,10]
                                        [--speed-runs 5] [--no-speed] [--no-accuracy]
    python -m tests.bench.bench_realign --first [--speed-runs 3]

Accuracy: on each case and seed, the gold beads of p % of the paragraphs (both sides, chosen at
random) are fixed and the rest re-aligned; strict F1 against the alignment without them, and
whether every fixed bead came out unchanged. Speed, on `large`: a full alignment against
"re-align selection" (the beads outside ±20 beads around an edit fixed) and "re-align
unconfirmed" (half the beads confirmed), each on a prepared pair (what the window holds).
"""

from __future__ import annotations

import argparse
import gc
import logging
import random
import statistics
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import replace

from reader.core.align.aligner import align_prepared
from reader.core.align.beads import Alignment, Bead
from reader.core.align.edits import apply_edit, merge_next
from reader.core.align.prepared import PreparedPair
from reader.core.align.realign import realign
from reader.core.anchors.glossary import Glossary
from reader.core.diverge.finder import find_divergences
from reader.core.pair import open_pair
from reader.core.text.document import load_text
from tests.bench.cases import case_dir, gold, scorer

GoldBeads = list[tuple[tuple[int, ...], tuple[int, ...]]]


def seeds_of(text: str) -> list[int]:
    out: list[int] = []
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        out += list(range(int(lo), int(hi or lo) + 1))
    return out


def gold_fixed(beads: GoldBeads, n: int, m: int, percent: float, rng: random.Random) -> list[Bead]:
    """The gold beads holding `percent` % of the paragraphs of both sides, chosen at random."""
    chosen = set(rng.sample(range(n + m), max(1, round(percent / 100 * (n + m)))))
    return [Bead(s, t, 1.0, "confirmed") for s, t in beads
            if any(i in chosen for i in s) or any(n + j in chosen for j in t)]


def strict_f1(g: GoldBeads, alignment: Alignment) -> float:
    sc = scorer()
    return float(sc.score(g, [(b.src, b.tgt) for b in alignment])["strict_f1"])


def accuracy(cases: Sequence[str], seeds: Sequence[int], percents: Sequence[float]) -> None:
    print(f"{'case':14s} {'seed':>4s} {'base':>6s} " + " ".join(f"{p:>5g}%" for p in percents)
          + "  fixed beads kept")
    table: dict[tuple[str, float], list[float]] = {}
    # per case and share fixed: wrong beads the fixed ones corrected, and beads right beyond
    # them that were wrong before (the gaps re-aligned), summed over the seeds
    mended: dict[tuple[str, float], list[int]] = {}
    for case in cases:
        for seed in seeds:
            d = case_dir(seed, case)
            source, target = load_text(d / "src.txt"), load_text(d / "tgt.txt")
            g = gold(seed, case)
            pair = PreparedPair.of_texts(source, target)
            automatic = align_prepared(pair)
            base = strict_f1(g, automatic)
            before = {(b.src, b.tgt) for b in automatic}
            right = set(g)
            row, kept = [], True
            for p in percents:
                fixed = gold_fixed(g, pair.n_source, pair.n_target, p,
                                   random.Random(f"{seed}-{case}-{p}"))
                alignment = align_prepared(pair, fixed)
                kept &= all(b in alignment.beads for b in fixed)
                f1 = strict_f1(g, alignment)
                row.append(f1)
                table.setdefault((case, p), []).append(f1 - base)
                pinned = {(b.src, b.tgt) for b in fixed}
                now = {(b.src, b.tgt) for b in alignment} & right
                count = mended.setdefault((case, p), [0, 0])
                count[0] += len(pinned - before)
                count[1] += len(now - pinned - before)
            print(f"{case:14s} {seed:4d} {base:6.3f} " + " ".join(f"{x:6.3f}" for x in row)
                  + f"  {'yes' if kept else 'NO'}", flush=True)
    print("\nstrict F1 gained over the alignment without fixed beads, over the seeds")
    print("(corrected: wrong beads replaced by the fixed ones; mended: beads right beyond the")
    print(" fixed ones that were wrong before, summed over the seeds)")
    print(f"{'case':14s} {'fixed':>6s} {'median':>7s} {'min':>7s} {'lower':>6s} {'per 1 %':>8s} "
          f"{'corrected':>9s} {'mended':>7s}")
    for case in cases:
        for p in percents:
            gains = table[(case, p)]
            lower = sum(x < -1e-9 for x in gains)
            fixed_wrong, extra = mended[(case, p)]
            print(f"{case:14s} {p:5g}% {statistics.median(gains):+7.4f} {min(gains):+7.4f} "
                  f"{lower:6d} {statistics.median(gains) / p:+8.4f} {fixed_wrong:9d} {extra:7d}")


def _timed(runs: int, make: Callable[[], tuple[PreparedPair, list[Bead]]]) -> float:
    """Median time of `align_prepared` on what `make` returns (made outside the clock)."""
    times = []
    for _ in range(runs):
        pair, fixed = make()
        t0 = time.perf_counter()
        align_prepared(pair, fixed)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def speed(seed: int, runs: int) -> None:
    d = case_dir(seed, "large")
    source, target = load_text(d / "src.txt"), load_text(d / "tgt.txt")
    t0 = time.perf_counter()
    pair = PreparedPair.of_texts(source, target)
    pair.vectors()
    prepare = time.perf_counter() - t0
    beads = align_prepared(pair).beads
    automatic, translation = pair.automatic, pair.translation
    g = gold(seed, "large")
    gold_set = set(g)
    rng = random.Random(seed)

    def fresh() -> PreparedPair:
        """The prepared pair without its automatic alignment: every gap is aligned."""
        return replace(pair, automatic=None, translation=None)

    def held() -> PreparedPair:
        return replace(pair, automatic=automatic, translation=translation)

    def selection() -> list[Bead]:
        k = rng.randrange(20, len(beads) - 20)
        return beads[: k - 20] + beads[k + 21 :]

    def corrected_selection() -> list[Bead]:
        """±20 beads around a bead the aligner got wrong, with the right bead confirmed
        inside: the gap the window re-aligns after a correction."""
        k = rng.choice([k for k, b in enumerate(beads[20:-20], 20)
                        if b.src and b.tgt and (b.src, b.tgt) not in gold_set])
        free_src = {i for b in beads[k - 20 : k + 21] for i in b.src}
        free_tgt = {j for b in beads[k - 20 : k + 21] for j in b.tgt}
        automatic = {(b.src, b.tgt) for b in beads}
        inside = [Bead(s, t, 1.0, "confirmed") for s, t in g if s and t
                  and set(s) <= free_src and set(t) <= free_tgt and (s, t) not in automatic]
        at = (beads[k].src or beads[k].tgt)[0]
        right = min(inside, key=lambda b: abs((b.src if beads[k].src else b.tgt)[0] - at))
        return [*beads[: k - 20], right, *beads[k + 21 :]]

    def gold_half() -> list[Bead]:
        return gold_fixed(g, pair.n_source, pair.n_target, 50, rng)

    print(f"large, seed {seed}: {len(source.paragraphs)} / {len(target.paragraphs)} paragraphs, "
          f"{len(beads)} beads; medians of {runs} runs")
    print(f"  preparing the pair (anchors, features, vector space), once:  {prepare:6.2f} s")
    print(f"  full alignment of the prepared pair:                         "
          f"{_timed(runs, lambda: (fresh(), [])):6.2f} s")
    for name, make in (("re-align selection (41 beads around an edit)", selection),
                       ("re-align selection, a correction confirmed in it", corrected_selection),
                       ("re-align unconfirmed (gold beads of 50 % confirmed)", gold_half)):
        t_held = _timed(runs, lambda make=make: (held(), make()))  # type: ignore[misc]
        # what every gap costs: the programme over all of them, with no alignment to keep
        times = []
        for _ in range(runs):
            bare, fixed = fresh(), make()
            t0 = time.perf_counter()
            realign(bare, bare.inward(fixed), None, None, logging.DEBUG)
            times.append(time.perf_counter() - t0)
        t_all = statistics.median(times)
        print(f"  {name + ':':52s} {t_held:6.2f} s (every gap aligned: {t_all:.2f} s)")


def _held_mb(seed: int) -> float:
    """What the window holds more, once `large` is open, for keeping its PreparedPair: the
    memory traced (numpy's arrays included) that letting it go frees."""
    d = case_dir(seed, "large")
    tracemalloc.start()
    try:
        pair = open_pair(d / "src.txt", d / "tgt.txt", keep_prepared=True)
        gc.collect()
        held = tracemalloc.get_traced_memory()[0]
        pair.prepared = None
        gc.collect()
        return (held - tracemalloc.get_traced_memory()[0]) / 2**20
    finally:
        tracemalloc.stop()


def first_realign(seed: int, runs: int) -> None:
    """The window's first re-alignment after opening `large`: preparing the pair and aligning
    it again (what the editor did before the open job kept its PreparedPair) against re-aligning
    the prepared pair the open job kept (`open_pair(..., keep_prepared=True)`)."""
    d = case_dir(seed, "large")
    held = _held_mb(seed)
    pair = open_pair(d / "src.txt", d / "tgt.txt", keep_prepared=True)
    kept = pair.prepared
    assert kept is not None
    beads = pair.alignment.beads
    rng = random.Random(seed)

    def selection() -> list[Bead]:
        k = rng.randrange(20, len(beads) - 20)
        return beads[: k - 20] + beads[k + 21 :]

    def unconfirmed() -> list[Bead]:
        return [replace(b, state="confirmed") for b in sorted(rng.sample(beads, 30),
                                                              key=beads.index)]

    print(f"large, seed {seed}: first re-alignment after opening, medians of {runs} runs")
    for name, make in (("re-align selection (41 beads around an edit)", selection),
                       ("re-align unconfirmed (30 beads confirmed)", unconfirmed)):
        before, after = [], []
        for _ in range(runs):
            fixed = make()
            t0 = time.perf_counter()
            fresh = PreparedPair.of_texts(pair.source, pair.target)
            align_prepared(fresh, fixed)
            before.append(time.perf_counter() - t0)
            del fresh
            t0 = time.perf_counter()
            align_prepared(kept, fixed)
            after.append(time.perf_counter() - t0)
        print(f"  {name + ':':48s} preparing again {statistics.median(before):6.2f} s, "
              f"on the kept pair {statistics.median(after):6.2f} s")
    print(f"  memory the open pair holds for its PreparedPair: {held:.0f} MB")
    # the divergences found again after an edit (a merge at a random bead), as the window's
    # refresher does: from scratch, and with the memo opening the pair filled
    glossary = Glossary.load()
    scratch, memo = [], []
    for _ in range(runs):
        k = rng.randrange(len(beads) - 1)
        merged = apply_edit(pair.alignment, merge_next(pair.alignment, k))
        t0 = time.perf_counter()
        plain = find_divergences(pair.source, pair.target, merged, glossary=glossary)
        scratch.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        kept_found = find_divergences(pair.source, pair.target, merged, glossary=glossary,
                                      memo=pair.detection)
        memo.append(time.perf_counter() - t0)
        assert kept_found == plain
    print(f"  divergences after a merge: from scratch {statistics.median(scratch):.2f} s, "
          f"with the pair's memo {statistics.median(memo):.2f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seeds", default="41-60", help="e.g. 41-60 or 1,2,3 (tune on 1-20)")
    ap.add_argument("--cases", default="small,small-coupled,book,book-coupled")
    ap.add_argument("--percents", default="1,2,5,10")
    ap.add_argument("--speed-seed", type=int, default=41)
    ap.add_argument("--speed-runs", type=int, default=5)
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--no-accuracy", action="store_true")
    ap.add_argument("--first", action="store_true",
                    help="only the window's first re-alignment after opening `large`")
    args = ap.parse_args()
    if args.first:
        first_realign(args.speed_seed, args.speed_runs)
        return
    if not args.no_accuracy:
        accuracy(args.cases.split(","), seeds_of(args.seeds),
                 [float(p) for p in args.percents.split(",")])
    if not args.no_speed:
        print()
        speed(args.speed_seed, args.speed_runs)


if __name__ == "__main__":
    main()
