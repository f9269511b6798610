"""The sentence pass's priors lean towards the bead types the pair's sentence counts call for."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from reader.core.align.params import DEFAULT_PARAMS, UNIT_TYPES, prior_tilt, unit_scoring


def test_more_sentences_on_one_side_make_its_longer_beads_likelier() -> None:
    params = replace(DEFAULT_PARAMS, unit_prior_tilt=1.0, unit_prior_tilt_cap=3.0)
    assert abs(prior_tilt(params, 1.0)) < 1e-6
    more = prior_tilt(params, 1.15)
    assert more > 0 > prior_tilt(params, 0.85)
    priors = unit_scoring(params, more).log_prior
    assert priors[(1, 2)] > DEFAULT_PARAMS.log_prior[(1, 2)] > priors[(2, 1)]
    assert priors[(1, 0)] == DEFAULT_PARAMS.log_prior[(1, 0)]  # left-out units as they were
    # under the tilted priors, the expected target sentences per source sentence is the ratio
    w = {t: np.exp(priors[t]) for t in UNIT_TYPES}
    expected = sum(w[t] * t[1] for t in w) / sum(w[t] * t[0] for t in w)
    assert abs(expected - 1.15) < 1e-3


def test_the_tilt_is_capped_and_can_be_turned_off() -> None:
    assert prior_tilt(replace(DEFAULT_PARAMS, unit_prior_tilt_cap=0.2), 2.0) == 0.2
    assert prior_tilt(replace(DEFAULT_PARAMS, unit_prior_tilt=0.0), 2.0) == 0.0
    assert prior_tilt(DEFAULT_PARAMS, 0.0) == 0.0  # no sentences matched: nothing to lean on
