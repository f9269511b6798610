"""TMX 1.4b of a workspace's aligned pairs: one <tu> per bead with both sides, notes as <note>."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence

from reader import __version__
from reader.core.align.beads import Alignment
from reader.core.annotate.annotations import Annotation
from reader.core.annotate.codebooks import Codebook, tag_label
from reader.core.store.workspace import Workspace
from reader.core.text.document import Text

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def note_text(a: Annotation, codebooks: Mapping[str, Codebook]) -> str:
    """An annotation as one line of plain text for a <note>."""
    parts = [f"{a.side} ¶{a.paragraph + 1} “{a.quote}”"]
    if a.link is not None:
        parts.append(f"↔ {a.link.side} ¶{a.link.paragraph + 1} “{a.link.quote}”")
    if a.tags:
        parts.append("[" + ", ".join(tag_label(codebooks, t.codebook, t.tag) for t in a.tags) + "]")
    if a.severity:
        parts.append(f"({a.severity})")
    if a.comment:
        parts.append(a.comment)
    if a.author:
        parts.append(f"— {a.author}")
    return xml_text(" ".join(parts))


def alignment_tmx(
    source: Text,
    target: Text,
    alignment: Alignment,
    notes: Mapping[int, Sequence[str]] | None = None,
) -> str:
    """TMX 1.4b of an aligned pair: one <tu> per bead that has both sides, with the notes
    given for it (by bead index), its confidence as a prop, and xml:lang from each text."""
    tmx = ET.Element("tmx", version="1.4")
    header = {
        "creationtool": "Parallel Reader", "creationtoolversion": __version__,
        "datatype": "plaintext", "segtype": "paragraph", "adminlang": "en",
        "srclang": source.language, "o-tmf": "ParallelReader",
    }
    ET.SubElement(tmx, "header", header)
    body = ET.SubElement(tmx, "body")
    for k, bead in enumerate(alignment):
        if bead.is_null:
            continue
        tu = ET.SubElement(body, "tu", tuid=str(k + 1))
        # TMX orders a <tu>'s children: notes and props first, then the variants.
        for note in (notes or {}).get(k, ()):
            ET.SubElement(tu, "note").text = xml_text(note)
        ET.SubElement(tu, "prop", type="x-confidence").text = f"{bead.confidence:.3f}"
        for text, paras in ((source, bead.src), (target, bead.tgt)):
            tuv = ET.SubElement(tu, "tuv", {XML_LANG: text.language})
            ET.SubElement(tuv, "seg").text = xml_text(
                "\n".join(text.paragraphs[i].text for i in paras)
            )
    ET.indent(tmx, space="  ")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
        + ET.tostring(tmx, encoding="unicode")
        + "\n"
    )


def render_tmx(workspace: Workspace, codebooks: Mapping[str, Codebook]) -> str:
    """The workspace's aligned pairs, each annotation a <note> on the bead holding it."""
    source, target = workspace.text("source"), workspace.text("target")
    alignment = workspace.alignment()
    notes: dict[int, list[str]] = {}
    for a in workspace.annotations():
        if 0 <= a.paragraph < len(source if a.side == "source" else target):
            bead = alignment.bead_of(a.side, a.paragraph)
            notes.setdefault(bead, []).append(note_text(a, codebooks))
    return alignment_tmx(source, target, alignment, notes)
