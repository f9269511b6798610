"""What the passes computed before they shared work (norms of runs, a pass's dot band, bead
lengths): the reference the faster code (reader.core.align.model, .memo, .band) must match
bit for bit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from reader.core.align.beads import Bead
from reader.core.align.colon_cuts import unit_sentences
from reader.core.align.params import MATCH_TYPES
from reader.core.align.space import Side
from reader.core.align.unit_band import _beside_full_bead
from reader.core.align.unit_pieces import Piece, _null_runs
from reader.core.anchors.features import Features
from reader.core.text.kinds import Kind


def self_dots(vec: sp.csr_matrix, longest: int) -> dict[int, np.ndarray]:
    """SelfDots.of as it was: the lags from sliced copies of the rows."""
    n = vec.shape[0]
    pad = longest
    lag = [np.asarray(vec.multiply(vec).sum(axis=1)).ravel()]
    for d in range(1, longest):
        dots = np.zeros(n)
        if n > d:
            dots[:-d] = np.asarray(vec[:-d].multiply(vec[d:]).sum(axis=1)).ravel()
        lag.append(dots)
    run: dict[int, np.ndarray] = {}
    total = np.zeros(n + pad)
    for k in range(1, longest + 1):
        grown = np.zeros(n + pad)
        if n >= k:
            last = np.arange(k - 1, n)
            grown[: n - k + 1] = lag[0][last] + 2 * sum(
                (lag[d][last - d] for d in range(1, k)), np.zeros(n - k + 1)
            )
        total = total + grown if k > 1 else grown
        if n >= k:
            total[n - k + 1 :] = 0.0
        run[k] = total.copy()
    return run


def bead_lengths(src_len: np.ndarray, tgt_len: np.ndarray, beads: Sequence[Bead]) -> tuple[
        np.ndarray, np.ndarray]:
    """estimate_model's lengths of the matched beads, as it summed them."""
    ls = np.array([src_len[list(b.src)].sum() for b in beads if b.src and b.tgt], dtype=float)
    lt = np.array([tgt_len[list(b.tgt)].sum() for b in beads if b.src and b.tgt], dtype=float)
    return ls, lt


# the sentence pass's units as they were built: pieces as one list, grouped afterwards


def sentence_pieces(side: Side) -> list[Piece]:
    """Each paragraph cut into its sentences. Posts, duplicates and boilerplate stay whole (their
    kind already says they may be left out), and so do paragraphs whose words have no places."""
    pieces: list[Piece] = []
    for i, text in enumerate(side.texts):
        para = side.features[i]
        sentences = []
        if not side.null_bonus[i] and len(para.offsets) == len(para.words):
            sentences = unit_sentences(text, side.lang)
        if len(sentences) <= 1:
            pieces.append(_whole(side, i))
            continue
        # a sentence's length is its share of the paragraph's (which counts normalized text)
        visible = max(1, len(text) - text.count(" "))
        for sentence in sentences:
            share = (len(sentence.text) - sentence.text.count(" ")) / visible
            pieces.append(Piece(i, sentence.start, sentence.end, para.length * share))
    return pieces

@dataclass(slots=True)
class Units:
    """The sentence pass's units as they were: a Features record each."""

    features: list[Features]
    paragraph: np.ndarray
    first: np.ndarray
    null_score: np.ndarray
    posts: np.ndarray


def side_units(side: Side, pieces: Sequence[Piece], null_prior: float) -> Units:
    feats: list[Features] = []
    for piece in pieces:
        para = side.features[piece.paragraph]
        if piece.start == 0 and piece.end == len(side.texts[piece.paragraph]):
            feats.append(para)
        else:
            feats.append(para.within(piece.start, piece.end, max(1, round(piece.length))))
    paragraph = np.array([p.paragraph for p in pieces], dtype=np.int64)
    first = np.searchsorted(paragraph, np.arange(len(side.texts) + 1)).astype(np.int64)
    null_score = (null_prior + side.null_bonus[paragraph]).astype(np.float32)
    posts = np.array([k is Kind.EMBEDDED_POST for k in side.kinds], dtype=bool)
    return Units(feats, paragraph, first, null_score, posts)

def balanced_pieces(
    src: Side, tgt: Side, beads: Sequence[Bead], band: int
) -> tuple[list[Piece], list[Piece]]:
    """Both sides' sentences, as units for the sentence pass.

    Where a bead has on one side far more sentences than the band and the 1:3 beads can absorb
    (a 1 MB paragraph against one line), that side's paragraphs stay whole. A run of paragraphs
    left out with more sentences than the band holds would widen the band everywhere: those
    paragraphs get no units (they stay left out, their corners pinned).
    """
    src_of = _by_paragraph(sentence_pieces(src), len(src.texts))
    tgt_of = _by_paragraph(sentence_pieces(tgt), len(tgt.texts))
    skip_s = np.zeros(len(src.texts), dtype=bool)
    skip_t = np.zeros(len(tgt.texts), dtype=bool)
    for side, run in _null_runs(beads):
        pieces_of, skip = (src_of, skip_s) if side == 0 else (tgt_of, skip_t)
        if sum(len(pieces_of[p]) for p in run) > band:
            skip[run] = True
    src_out: list[Piece] = []
    tgt_out: list[Piece] = []
    for b in beads:
        sp = [p for i in b.src if not skip_s[i] for p in src_of[i]]
        tp = [p for j in b.tgt if not skip_t[j] for p in tgt_of[j]]
        if len(tp) > 3 * len(sp) + band:
            tp = [_whole(tgt, j) for j in b.tgt]
        elif len(sp) > 3 * len(tp) + band:
            sp = [_whole(src, i) for i in b.src]
        src_out.extend(sp)
        tgt_out.extend(tp)
    return src_out, tgt_out

def _by_paragraph(pieces: Sequence[Piece], n: int) -> list[list[Piece]]:
    out: list[list[Piece]] = [[] for _ in range(n)]
    for piece in pieces:
        out[piece.paragraph].append(piece)
    return out

def _whole(side: Side, i: int) -> Piece:
    return Piece(i, 0, len(side.texts[i]), float(side.features[i].length))


# the sentence pass's walks over the beads as they read the unit arrays


def unit_path(beads: Sequence[Bead], src: Units, tgt: Units) -> list[tuple[int, int]]:
    """The paragraph path in unit coordinates, interpolated inside each bead."""
    points = [(0, 0)]
    for b in beads:
        i0, j0 = points[-1]
        i1 = int(src.first[b.src[-1] + 1]) if b.src else i0
        j1 = int(tgt.first[b.tgt[-1] + 1]) if b.tgt else j0
        ks, kt = i1 - i0, j1 - j0
        if ks > 1 and kt > 0:
            points.extend((i0 + k, j0 + round(k * kt / ks)) for k in range(1, ks))
        points.append((i1, j1))
    return points


def null_corners(
    beads: Sequence[Bead], src: Units, tgt: Units, threshold: float
) -> list[tuple[int, int]]:
    """Both ends, in unit coordinates, of every paragraph the first programme left out and is
    at least `threshold` sure of (unless it sits beside a bead as long as that programme
    allows), or that is an embedded post, or that has no units: the sentence path must pass
    through them."""
    corners: list[tuple[int, int]] = []
    full = _beside_full_bead(beads, max(t[0] for t in MATCH_TYPES))
    i = j = 0
    for k, b in enumerate(beads):
        i1, j1 = i + len(b.src), j + len(b.tgt)
        units = src if b.src else tgt
        p = i if b.src else j
        keep = units.posts[p] or units.first[p] == units.first[p + 1]
        if b.is_null and ((b.confidence >= threshold and not full[k]) or keep):
            corners.append((int(src.first[i]), int(tgt.first[j])))
            corners.append((int(src.first[i1]), int(tgt.first[j1])))
        i, j = i1, j1
    return corners


def _matched_ratio(beads: Sequence[Bead], src: Units, tgt: Units) -> float:
    """Target units per source unit in the beads that match paragraphs (paragraphs left out
    do not say how sentences pair up)."""
    ks = sum(int(src.first[b.src[-1] + 1] - src.first[b.src[0]]) for b in beads if not b.is_null)
    kt = sum(int(tgt.first[b.tgt[-1] + 1] - tgt.first[b.tgt[0]]) for b in beads if not b.is_null)
    return kt / ks if ks and kt else 1.0
