"""Fitting the score's logistic curve to a gold, and choosing the threshold that suits it best."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.optimize import minimize


def fit_logistic(raw: Sequence[float], linked: Sequence[bool]) -> tuple[float, float]:
    """(slope, centre) of the curve P(linked) = 1 / (1 + exp(-slope * (raw - centre))) that
    best explains which candidate pairs a reader linked (maximum likelihood, a little
    shrinkage of the slope so that a gold with a clean cut does not give a step)."""
    x = np.asarray(raw, dtype=float)
    y = np.asarray(linked, dtype=float)
    if not len(x) or y.min() == y.max():
        raise ValueError("the gold must hold linked and unlinked candidates")

    def loss(theta: np.ndarray) -> float:
        slope, centre = theta
        z = slope * (x - centre)
        # log(1 + exp(-z)) for the linked, log(1 + exp(z)) for the others, computed stably
        return float(np.sum(np.logaddexp(0.0, -z) * y + np.logaddexp(0.0, z) * (1 - y))
                     + 0.5 * slope**2)

    start = np.array([1.0, float(np.percentile(x, 95))])
    found = minimize(loss, start, method="Nelder-Mead",
                     options={"xatol": 1e-4, "fatol": 1e-6, "maxiter": 4000})
    slope, centre = (float(v) for v in found.x)
    return slope, centre
