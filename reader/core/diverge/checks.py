"""The user's checks (rules.py) run over both texts: one divergence per match."""

from __future__ import annotations

from reader.core.diverge.context import Context, clip
from reader.core.diverge.records import Divergence, DivergenceKind, Severity, Span


def find_user_checks(ctx: Context) -> list[Divergence]:
    out: list[Divergence] = []
    for side, _ in ctx.sides():
        checks = [c for c in ctx.checks if c.applies(side.name, side.lang)]
        if not checks:
            continue
        for p in side.text.paragraphs:
            for check in checks:
                for m in check.pattern.finditer(p.text):
                    if m.start() == m.end():
                        continue
                    shown = m.group()
                    shown = clip(shown, 40) if shown.strip() else repr(shown)
                    out.append(
                        Divergence(
                            kind=DivergenceKind.USER_CHECK,
                            severity=Severity.WARNING,
                            side=side.name,
                            paragraphs=(p.index,),
                            detail=f"{check.message}: ‘{shown}’",
                            bead=ctx.alignment.bead_of(side.name, p.index),
                            spans=(Span(side.name, p.index, m.start(), m.end()),),
                            values=(m.group(),),
                        )
                    )
    return out
