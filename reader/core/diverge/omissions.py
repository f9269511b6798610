"""Omissions and additions: paragraphs the alignment leaves without counterpart (null beads)."""

from __future__ import annotations

from reader.core.diverge.context import (
    COMPARED,
    Context,
    clip,
    content_length,
    has_content,
    whole,
)
from reader.core.diverge.records import Divergence, DivergenceKind, Severity
from reader.core.text.kinds import Kind


def find_null_beads(ctx: Context) -> list[Divergence]:
    th = ctx.thresholds
    out: list[Divergence] = []
    for b, bead in enumerate(ctx.alignment):
        if not bead.is_null:
            continue
        side, other = (ctx.src, ctx.tgt) if bead.src else (ctx.tgt, ctx.src)
        members = bead.src or bead.tgt
        paragraphs = [side.paragraph(i) for i in members]
        kept = [p for p in paragraphs if p.kind in COMPARED and has_content(p.text)]
        if not kept:
            continue  # posts, duplicates, boilerplate, or a line of only emoji or links
        chars = sum(content_length(p.text) for p in kept)
        heading = all(p.kind is Kind.HEADING for p in kept)
        if heading or chars < th.omission_min_chars:
            severity = Severity.INFO
        elif chars >= th.omission_serious_chars:
            severity = Severity.SERIOUS
        else:
            severity = Severity.WARNING
        # left out of the translation (an omission) or added by it, as the original tells
        kind = DivergenceKind.OMISSION if ctx.is_original(side) else DivergenceKind.ADDITION
        if kind is DivergenceKind.ADDITION and not th.addition:
            continue
        what = "heading" if heading else "paragraph"
        if len(kept) > 1:
            what += "s"
        if kind == DivergenceKind.OMISSION:
            detail = f"{what} ‘{clip(kept[0].text, 50)}’ is left out of {other.the_text()}"
        else:
            detail = f"{what} ‘{clip(kept[0].text, 50)}’ has no counterpart in {other.the_text()}"
        out.append(
            Divergence(
                kind=kind,
                severity=severity,
                side=side.name,
                paragraphs=tuple(p.index for p in kept),
                detail=detail,
                bead=b,
                spans=tuple(whole(side.name, p) for p in kept),
            )
        )
    return out
