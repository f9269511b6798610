"""TMX 1.4b of a report's aligned pairs: one <tu> per bead, notes as <note>, dates on each unit.

A bead with both sides is a two-language <tu>; a paragraph left untranslated (a 1:0 or 0:1
bead) gets a one-language <tu> only when notes sit on it, so that no note is lost and no
empty translation enters a memory. Each side is one <seg> without a raw line end: the
paragraphs of an n:m bead are separated by `<ph type="x-paragraph-break"/>`. A bead is the
unit the alignment vouches for; cutting a 1:3 bead into sentence-level units would invent an
alignment it does not have, while a placeholder keeps the unit and says where each paragraph
ended (tools count a seg as one line, and a tag-aware tool can restore the breaks). The text
between two paragraphs holds one space, so a reader that drops tags still sees two words.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from xml.sax.saxutils import escape, quoteattr

from reader import __version__
from reader.core.annotate.annotations import Annotation
from reader.core.export.escaping import xml_text
from reader.core.export.report import Document, Report, ReportBead

PARAGRAPH_BREAK = '<ph x="{n}" type="x-paragraph-break"/>'


def note_text(a: Annotation, report: Report) -> str:
    """An annotation as one line of plain text for a <note>."""
    parts = [f"{a.side} ¶{a.paragraph + 1} “{a.quote}”"]
    if a.link is not None:
        parts.append(f"↔ {a.link.side} ¶{a.link.paragraph + 1} “{a.link.quote}”")
    if a.tags:
        parts.append("[" + ", ".join(report.labels.tag(t) for t in a.tags) + "]")
    if a.severity:
        parts.append(f"({a.severity})")
    if a.comment:
        parts.append(a.comment)
    if a.author:
        parts.append(f"— {a.author}")
    return " ".join(parts)


def tmx_date(iso: str) -> str | None:
    """An ISO 8601 time as TMX wants it (YYYYMMDDThhmmssZ, UTC), None if it is not one."""
    try:
        when = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    return when.strftime("%Y%m%dT%H%M%SZ")


def _attr(value: str) -> str:
    return quoteattr(xml_text(value))


def _seg(document: Document, paragraphs: Sequence[int]) -> str:
    parts = []
    for n, i in enumerate(paragraphs):
        text = escape(xml_text(document.paragraphs[i].text))
        # a line end inside one paragraph (there is none in a paragraph of a .txt file, but a
        # block of --blocks may hold one) is written as a character reference, never raw
        text = text.replace("\r", "&#13;").replace("\n", "&#10;")
        parts.append(text if n == 0 else " " + PARAGRAPH_BREAK.format(n=n) + text)
    return "".join(parts)


def _tu(
    report: Report, k: int, bead: ReportBead, notes: Sequence[Annotation], generated: str
) -> list[str]:
    created = min((a.created for a in notes if tmx_date(a.created)), default="")
    changed = max((a.modified for a in notes if tmx_date(a.modified)), default="")
    attrs = f'tuid="{k + 1}" creationdate="{tmx_date(created) or generated}"'
    authors = [a.author for a in notes if a.author]
    if authors:
        attrs += f" creationid={_attr(authors[0])}"
    attrs += f' changedate="{tmx_date(changed) or generated}"'
    if authors:
        attrs += f" changeid={_attr(authors[-1])}"
    lines = [f"    <tu {attrs}>"]
    # TMX orders a <tu>'s children: notes and props first, then the variants.
    lines += [f"      <note>{escape(xml_text(note_text(a, report)))}</note>" for a in notes]
    lines.append(f'      <prop type="x-confidence">{bead.confidence:.3f}</prop>')
    for document, paras in ((report.source, bead.src), (report.target, bead.tgt)):
        if paras:
            lines += [
                f"      <tuv xml:lang={_attr(document.language)}>",
                f"        <seg>{_seg(document, paras)}</seg>",
                "      </tuv>",
            ]
    lines.append("    </tu>")
    return lines


def render_tmx(report: Report) -> str:
    """One <tu> per bead that has both sides, and per untranslated bead that has notes, with
    the notes on its paragraphs, its confidence as a prop, and xml:lang from each document."""
    notes: dict[int, list[Annotation]] = {}
    for a in report.annotations:
        where = report.bead_of(a.side, a.paragraph)
        if where is not None:
            notes.setdefault(where, []).append(a)
    generated = tmx_date(report.generated) or "19800101T000000Z"
    header = (
        f'  <header creationtool="Parallel Reader" creationtoolversion={_attr(__version__)} '
        f'datatype="plaintext" segtype="paragraph" adminlang="en" '
        f"srclang={_attr(report.source.language)} o-tmf=\"ParallelReader\" "
        f'creationdate="{generated}"/>'
    )
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
        '<tmx version="1.4">',
        header,
        "  <body>",
    ]
    for k, bead in enumerate(report.beads):
        if bead.is_null and k not in notes:
            continue
        lines += _tu(report, k, bead, notes.get(k, ()), generated)
    lines += ["  </body>", "</tmx>", ""]
    return "\n".join(lines)
