"""XLIFF 2.0 of a report: one bilingual <unit> per bead, the notes on its paragraphs as <note>s.

The source side is the source document, the target side the target document, as translation
tools expect (srcLang/trgLang, srcDir/trgDir from each document). Each unit holds one
<segment>: a bead is the unit the alignment vouches for, so an n:m bead is not cut into
segments it cannot match; its paragraphs are separated by a line-break placeholder
(`<ph type="fmt" subType="xlf:lb"/>`, ids `s1`… on the source side, `t1`… on the target side),
and no raw line end is written inside <source> or <target>. A paragraph left untranslated is
a unit with a source and no target (or, for text only the target has, an empty source). The
segment's state is `translated` when both sides are there (`reviewed` for a bead a person
confirmed), `initial` otherwise; the bead's own state is in subState (`pr:edited`), its
confidence in the `pr:confidence` attribute of the unit (namespace NAMESPACE).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from reader.core.annotate.annotations import Annotation
from reader.core.export.escaping import xml_text
from reader.core.export.report import Document, Report, ReportBead
from reader.core.export.tmx import note_text

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"
NAMESPACE = "urn:x-parallel-reader:ns#"
# xs:language, which srcLang and trgLang must be
_LANGUAGE = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")


def _language(doc: Document) -> str:
    return doc.language if _LANGUAGE.fullmatch(doc.language) else "und"


def _attr(value: str) -> str:
    return quoteattr(xml_text(value), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def _content(document: Document, paragraphs: Sequence[int], prefix: str) -> str:
    parts = []
    for n, i in enumerate(paragraphs):
        text = escape(xml_text(document.paragraphs[i].text))
        text = text.replace("\r", "&#13;").replace("\n", "&#10;")
        if n:
            parts.append(f'<ph id="{prefix}{n}" type="fmt" subType="xlf:lb" disp="¶"/>')
        parts.append(text)
    return "".join(parts)


def _state(bead: ReportBead) -> str:
    state = "reviewed" if bead.state == "confirmed" else "translated"
    if bead.is_null:
        state = "initial"
    return f'state="{state}" subState="pr:{bead.state}"'


def _unit(report: Report, k: int, bead: ReportBead, notes: Sequence[Annotation]) -> list[str]:
    lines = [f'    <unit id="u{k + 1}" pr:confidence="{bead.confidence:.4f}">']
    if notes:
        lines.append("      <notes>")
        for n, a in enumerate(notes, 1):
            lines.append(
                f'        <note id="n{n}" appliesTo="{a.side}" category="annotation">'
                f"{escape(xml_text(note_text(a, report)))}</note>"
            )
        lines.append("      </notes>")
    source = _content(report.source, bead.src, "s")
    lines += [
        f'      <segment id="g{k + 1}" {_state(bead)}>',
        f'        <source xml:space="preserve">{source}</source>',
    ]
    if bead.tgt:
        target = _content(report.target, bead.tgt, "t")
        lines.append(f'        <target xml:space="preserve">{target}</target>')
    lines += ["      </segment>", "    </unit>"]
    return lines


def render_xliff(report: Report) -> str:
    """The report as an XLIFF 2.0 document: one <file>, one <unit> per bead."""
    notes: dict[int, list[Annotation]] = {}
    for a in report.annotations:
        where = report.bead_of(a.side, a.paragraph)
        if where is not None:
            notes.setdefault(where, []).append(a)
    source, target = report.source, report.target
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<xliff xmlns="{XLIFF_NS}" xmlns:pr="{NAMESPACE}" version="2.0" '
        f'srcLang="{_language(source)}" trgLang="{_language(target)}">',
        f"  <file id=\"f1\" original={_attr(source.name)} srcDir=\"{source.direction}\" "
        f'trgDir="{target.direction}">',
    ]
    for k, bead in enumerate(report.beads):
        lines += _unit(report, k, bead, notes.get(k, ()))
    if not report.beads:  # a <file> needs one unit at least
        lines += [
            '    <unit id="u0">',
            '      <segment id="g0"><source/></segment>',
            "    </unit>",
        ]
    lines += ["  </file>", "</xliff>", ""]
    return "\n".join(lines)
