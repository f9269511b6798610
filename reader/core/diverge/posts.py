"""Embedded posts (tweets and the like quoted in a text) that the other side leaves out."""

from __future__ import annotations

from reader.core.align.beads import Alignment
from reader.core.diverge.context import Context, Side, whole
from reader.core.diverge.records import Divergence, DivergenceKind, Severity
from reader.core.text.kinds import Kind
from reader.core.text.posts import parse_attribution


def find_embedded_posts(ctx: Context) -> list[Divergence]:
    """The source's posts the target lacks, then the target's the source lacks."""
    out: list[Divergence] = []
    for side, other in ctx.sides():
        out += _embedded_posts(side, other, ctx.alignment)
    return out


def _post_records(side: Side) -> dict[int, list[int]]:
    """Post number -> its paragraphs, for one text."""
    groups: dict[int, list[int]] = {}
    for p in side.text.paragraphs:
        if p.kind is Kind.EMBEDDED_POST:
            groups.setdefault(p.post if p.post is not None else -1 - p.index, []).append(p.index)
    return groups


def _embedded_posts(side: Side, other: Side, alignment: Alignment) -> list[Divergence]:
    out: list[Divergence] = []
    for members in _post_records(side).values():
        # A post the translation carries has beads joining its lines (and only them) to
        # paragraphs on the other side, for most of its lines; a lone line matched
        # by chance (the aligner is told posts are cheap to leave out, not that they must
        # be) does not count. Otherwise it is reported, all its lines together.
        beads = {alignment.bead_of(side.name, i) for i in members}
        carried = 0
        for b in beads:
            bead = alignment[b]
            mine = side.of(bead)
            theirs = other.of(bead)
            if theirs and set(mine) <= set(members):
                carried += len(mine)
        if 2 * carried > len(members):
            continue
        platform, name, handle, date = _post_identity(side, members)
        who = f"@{handle}" if handle else (name or "an unnamed account")
        where = "" if platform in ("x", "") else f" on {platform.capitalize()}"
        when = f", {date}" if date else ""
        single = alignment.bead_of(side.name, members[0])
        out.append(
            Divergence(
                kind=DivergenceKind.EMBEDDED_POST,
                severity=Severity.WARNING,  # the post's content is left out
                side=side.name,
                paragraphs=tuple(members),
                detail=f"post by {who}{where}{when}, not in the {other.word}",
                bead=single if len(beads) == 1 else None,
                spans=tuple(whole(side.name, side.paragraph(i)) for i in members),
                values=tuple(v for v in (f"@{handle}" if handle else name, date) if v),
            )
        )
    return out


def _post_identity(side: Side, members: list[int]) -> tuple[str, str, str | None, str | None]:
    """Who posted and when, read from the post's last line. `text.posts.find_posts` (which
    made the post when the text was read) takes a post's identity from that very line, so
    this is what running it again over the whole text would give, at the cost of one line."""
    parsed = parse_attribution(side.paragraph(members[-1]).text)
    return parsed if parsed is not None else ("", "", None, None)
