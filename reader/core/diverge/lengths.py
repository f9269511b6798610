"""Length anomalies: beads whose target is far shorter or longer than the pair's ratio predicts."""

from __future__ import annotations

import math

from reader.core.diverge.context import SOURCE, TARGET, Context, length_sample, median, whole
from reader.core.diverge.records import Divergence, DivergenceKind, Severity


def find_length_anomalies(ctx: Context) -> list[Divergence]:
    src, tgt, th = ctx.src, ctx.tgt, ctx.thresholds
    rows = ctx.length_model.rows
    sample = length_sample(rows, th)
    if len(sample) < th.length_min_beads:
        return []
    middle = median(sample)
    mad = median(abs(x - middle) for x in sample)
    spread = max(1.4826 * mad, th.length_min_spread)
    out: list[Divergence] = []
    for row in rows:
        b, ls, lt = row.bead, row.src_chars, row.tgt_chars
        if max(ls, lt) < th.length_min_chars:
            continue
        z = (row.log_ratio - middle) / spread
        if abs(z) <= th.length_robust_z:
            continue
        bead = ctx.alignment[b]
        share = math.exp(row.log_ratio - middle)
        # the side that holds more is the longer one; "condensed" or "expanded" is said of the
        # translation, as the original's reader sees it
        side, paragraphs = (SOURCE, bead.src) if z < 0 else (TARGET, bead.tgt)
        if ctx.original == TARGET:
            share, translation, chars, of = 1 / share, "source", ls, lt
        else:
            translation, chars, of = "target", lt, ls
        detail = (
            f"the {translation} is {share:.0%} of the length the pair's ratio predicts "
            f"({chars} characters for {of}): {'condensed' if share < 1 else 'expanded'}"
        )
        spans = tuple(whole(SOURCE, src.paragraph(i)) for i in bead.src) + tuple(
            whole(TARGET, tgt.paragraph(j)) for j in bead.tgt
        )
        out.append(
            Divergence(
                kind=DivergenceKind.LENGTH_ANOMALY,
                severity=Severity.SERIOUS if abs(z) > th.length_serious_z else Severity.WARNING,
                side=side,
                paragraphs=tuple(paragraphs),
                detail=detail,
                bead=b,
                spans=spans,
                values=(f"{share:.2f}",),
            )
        )
    return out
