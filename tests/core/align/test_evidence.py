"""Bead support: each matched bead's lexical match against shifted control runs."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from reader.core.align.aligner import align_texts
from reader.core.align.beads import Bead
from reader.core.align.evidence import SHIFTS, measure
from reader.core.text.document import load_text
from reader.resources import CORPUS


def _vectors(rows: list[list[float]]) -> sp.csr_matrix:
    return sp.csr_matrix(np.array(rows, dtype=np.float32))


def test_a_bead_beats_controls_that_share_nothing() -> None:
    n = 12
    # paragraph i of each side holds word i only: the diagonal matches, every shift does not
    eye = np.eye(n).tolist()
    beads = [Bead((i,), (i,)) for i in range(n)]
    ev = measure(beads, _vectors(eye), _vectors(eye), np.ones(n), np.full(n, 2.0))
    assert ev.cosine == (1.0,) * n
    assert max(ev.control_best) == 0.0
    assert ev.src_len == (1.0,) * n and ev.tgt_len == (2.0,) * n
    assert (ev.matched_src, ev.matched_tgt, ev.src_paragraphs, ev.tgt_paragraphs) == (n, n, n, n)


def test_null_beads_are_not_measured_and_runs_leaving_the_text_have_no_control() -> None:
    vec = _vectors([[1.0, 0.0], [0.0, 1.0]])
    beads = [Bead((0,), (0,)), Bead((1,), ())]
    ev = measure(beads, vec, _vectors([[1.0, 0.0], [1.0, 1.0]])[:1], np.ones(2), np.ones(1))
    assert len(ev.cosine) == 1 and ev.control_best == (0.0,)  # no shift fits in one paragraph
    assert (ev.matched_src, ev.matched_tgt) == (1, 1)
    assert all(abs(d) >= 3 for d in SHIFTS)  # neighbours of a split bead are not controls


def test_no_matched_bead_gives_empty_evidence() -> None:
    vec = _vectors([[1.0]])
    ev = measure([Bead((0,), ()), Bead((), (0,))], vec, vec, np.ones(1), np.ones(1))
    assert ev.cosine == () and ev.matched_src == 0 and ev.src_paragraphs == 1


def test_the_aligner_measures_its_own_beads_in_both_directions() -> None:
    ar, en = load_text(CORPUS / "iraq-assad-lesson.ar.txt"), load_text(
        CORPUS / "iraq-assad-lesson.en.txt")
    forward = align_texts(ar, en)
    backward = align_texts(en, ar)  # the English as source: aligned Arabic-first, swapped back
    assert forward.evidence is not None and backward.evidence is not None
    matched = [b for b in forward if b.src and b.tgt]
    assert len(forward.evidence.cosine) == len(matched)
    assert forward.evidence.src_paragraphs == 46 and backward.evidence.src_paragraphs == 39
    assert forward.evidence.matched_src == backward.evidence.matched_tgt
    # an alignment's equality ignores its evidence
    assert forward == type(forward)(forward.beads, forward.n_src, forward.n_tgt)
