"""TMX 1.4b of a report's aligned pairs: one <tu> per bead with both sides, notes as <note>."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from reader import __version__
from reader.core.annotate.annotations import Annotation
from reader.core.export.escaping import xml_text
from reader.core.export.report import Report

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


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


def render_tmx(report: Report) -> str:
    """One <tu> per bead that has both sides, with the notes on its paragraphs, its confidence
    as a prop, and xml:lang from each document."""
    notes: dict[int, list[str]] = {}
    for a in report.annotations:
        where = report.bead_of(a.side, a.paragraph)
        if where is not None:
            notes.setdefault(where, []).append(note_text(a, report))
    source, target = report.source, report.target
    tmx = ET.Element("tmx", version="1.4")
    header = {
        "creationtool": "Parallel Reader", "creationtoolversion": __version__,
        "datatype": "plaintext", "segtype": "paragraph", "adminlang": "en",
        "srclang": xml_text(source.language), "o-tmf": "ParallelReader",
    }
    ET.SubElement(tmx, "header", header)
    body = ET.SubElement(tmx, "body")
    for k, bead in enumerate(report.beads):
        if bead.is_null:
            continue
        tu = ET.SubElement(body, "tu", tuid=str(k + 1))
        # TMX orders a <tu>'s children: notes and props first, then the variants.
        for note in notes.get(k, ()):
            ET.SubElement(tu, "note").text = xml_text(note)
        ET.SubElement(tu, "prop", type="x-confidence").text = f"{bead.confidence:.3f}"
        for document, paras in ((source, bead.src), (target, bead.tgt)):
            tuv = ET.SubElement(tu, "tuv", {XML_LANG: xml_text(document.language)})
            ET.SubElement(tuv, "seg").text = xml_text(
                "\n".join(document.paragraphs[i].text for i in paras)
            )
    ET.indent(tmx, space="  ")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
        + ET.tostring(tmx, encoding="unicode")
        + "\n"
    )
