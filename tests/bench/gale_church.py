"""The peer method: Gale and Church's length-only aligner (1993), written from the paper.

The length ratio and variance are estimated from the pair (total lengths), and the search is
restricted to a band around the diagonal so that book-length pairs finish.
"""

from __future__ import annotations

import math

# bead types and their prior probabilities, from Gale and Church (1993), table 5
PRIORS = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089, (2, 2): 0.011}


def _norm_logsf(z: float) -> float:
    """log(2 * (1 - Phi(|z|))), computed without underflow in the tail."""
    z = abs(z)
    p = math.erfc(z / math.sqrt(2.0))
    if p > 0:
        return math.log(p)
    # asymptotic tail: erfc(x) ~ exp(-x^2)/(x sqrt(pi))
    x = z / math.sqrt(2.0)
    return -x * x - math.log(x * math.sqrt(math.pi))


def align(
    src_lengths: list[int], tgt_lengths: list[int], band: int | None = None
) -> list[tuple[list[int], list[int]]]:
    n, m = len(src_lengths), len(tgt_lengths)
    c = sum(tgt_lengths) / max(1, sum(src_lengths))
    s2 = 6.8
    band = band or max(50, int(0.06 * max(n, m)), abs(n - m) + 10)
    cost_prior = {t: -math.log(p) for t, p in PRIORS.items()}

    def match_cost(ls: int, lt: int) -> float:
        if ls == 0 and lt == 0:
            return 0.0
        mean = (ls + lt / c) / 2.0
        z = (lt - ls * c) / math.sqrt(s2 * c * max(mean, 1.0))
        return -_norm_logsf(z)

    inf = float("inf")
    cost: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int]] = {}
    for i in range(n + 1):
        centre = round(i * m / max(n, 1))
        for j in range(max(0, centre - band), min(m, centre + band) + 1):
            if i == 0 and j == 0:
                continue
            best, arg = inf, None
            for (k, kt), pc in cost_prior.items():
                if i < k or j < kt:
                    continue
                prev = cost.get((i - k, j - kt))
                if prev is None:
                    continue
                ls = sum(src_lengths[i - k : i])
                lt = sum(tgt_lengths[j - kt : j])
                total = prev + pc + match_cost(ls, lt)
                if total < best:
                    best, arg = total, (k, kt)
            if arg is not None:
                cost[(i, j)] = best
                back[(i, j)] = arg
    beads = []
    i, j = n, m
    while i > 0 or j > 0:
        k, kt = back[(i, j)]
        beads.append((list(range(i - k, i)), list(range(j - kt, j))))
        i, j = i - k, j - kt
    beads.reverse()
    return beads
