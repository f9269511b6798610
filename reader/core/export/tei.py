"""TEI XML of a report's alignment as InterText writes it: a `linkGrp` and the two documents.

InterText (the Czech National Corpus's alignment editor) keeps an alignment as three files: each
text version as XML whose alignable elements carry ids (`<p id="3"><s id="3:1">`, container
number, colon, element number), and one stand-off `<linkGrp toDoc=… fromDoc=…>` holding a
`<link>` per bead. A link's `xtargets` lists the toDoc ids, a semicolon, then the fromDoc ids;
its `type` counts them in that order ("2-1"); its `status` is `man` (checked by a person),
`auto` (aligned by a program) or `plain` (not aligned yet). Here a paragraph is one container
holding one alignable element, so paragraph k (0-based) is `<p id="k+1"><s id="k+1:1">`; the
source is the fromDoc (InterText's first version), the target the toDoc.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from reader import __version__
from reader.core.export.escaping import xml_text
from reader.core.export.report import Document, Report, ReportBead
from reader.core.files import atomic_write_bytes

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# edited beads were made by a person too: InterText has no word between `man` and `auto`
STATUS_OF_STATE = {"confirmed": "man", "edited": "man", "automatic": "auto"}
_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>\n"


@dataclass(frozen=True, slots=True)
class TeiNames:
    """The three file names InterText expects: `text.version.xml` for each document and
    `text.fromversion.toversion.alignment.xml` for the links."""

    text: str
    source_version: str
    target_version: str

    @property
    def source(self) -> str:
        return f"{self.text}.{self.source_version}.xml"

    @property
    def target(self) -> str:
        return f"{self.text}.{self.target_version}.xml"

    @property
    def alignment(self) -> str:
        return f"{self.text}.{self.source_version}.{self.target_version}.alignment.xml"


def tei_names(report: Report, alignment_file: str | Path | None = None) -> TeiNames:
    """Names for the pair: the versions are the languages (or `source`/`target` if the two
    are written in the same one); the text is the alignment file's name without its suffixes,
    else the source file's name without its language and extension."""
    src, tgt = report.source.language or "source", report.target.language or "target"
    if src == tgt:
        src, tgt = "source", "target"
    if alignment_file is not None:
        # the suffixes write_tei's own name has; a document's name can then never be the
        # alignment file's
        stem = Path(alignment_file).name.removesuffix(".xml").removesuffix(".alignment")
        stem = stem.removesuffix(f".{src}.{tgt}")
    else:
        stem = Path(report.source.name).name.split(".")[0]
    return TeiNames(stem or "pair", src, tgt)


def paragraph_id(k: int) -> str:
    """The id of paragraph k's alignable element, InterText's `container:element` form."""
    return f"{k + 1}:1"


def _link(bead: ReportBead) -> str:
    tgt = " ".join(paragraph_id(j) for j in bead.tgt)
    src = " ".join(paragraph_id(i) for i in bead.src)
    status = STATUS_OF_STATE.get(bead.state, "auto")
    return (
        f"<link type='{len(bead.tgt)}-{len(bead.src)}' xtargets='{tgt};{src}' "
        f"status='{status}'/>\n"
    )


def render_tei_links(report: Report, names: TeiNames | None = None) -> str:
    """The `linkGrp` file: one link per bead, in order, as InterText writes it."""
    names = names or tei_names(report)
    head = f"<linkGrp toDoc='{names.target}' fromDoc='{names.source}'>\n"
    return _DECLARATION + head + "".join(_link(b) for b in report.beads) + "</linkGrp>\n"


def render_tei_document(document: Document) -> str:
    """One text as TEI: a header naming it, then each paragraph as `<p><s>` with its ids."""
    tei = ET.Element("TEI", xmlns=TEI_NS)
    header = ET.SubElement(tei, "teiHeader")
    file_desc = ET.SubElement(header, "fileDesc")
    title = ET.SubElement(ET.SubElement(file_desc, "titleStmt"), "title")
    title.text = xml_text(document.name)
    ET.SubElement(ET.SubElement(file_desc, "publicationStmt"), "p").text = (
        f"Exported by Parallel Reader {__version__}"
    )
    ET.SubElement(ET.SubElement(file_desc, "sourceDesc"), "p").text = xml_text(
        document.path or document.name
    )
    text = ET.SubElement(tei, "text", {XML_LANG: xml_text(document.language)})
    body = ET.SubElement(text, "body")
    for k, paragraph in enumerate(document.paragraphs):
        p = ET.SubElement(body, "p", id=str(k + 1))
        ET.SubElement(p, "s", id=paragraph_id(k)).text = xml_text(paragraph.text)
    ET.indent(tei, space=" ")
    return _DECLARATION + ET.tostring(tei, encoding="unicode") + "\n"


def write_tei(report: Report, path: str | Path) -> list[Path]:
    """Write the links to `path` and the two documents beside it, named as the links' toDoc
    and fromDoc say (each file atomically); return the three paths, links first."""
    path = Path(path)
    names = tei_names(report, path)
    files = [
        (path, render_tei_links(report, names)),
        (path.with_name(names.source), render_tei_document(report.source)),
        (path.with_name(names.target), render_tei_document(report.target)),
    ]
    for file, content in files:
        atomic_write_bytes(file, content.encode("utf-8"))
    return [file for file, _ in files]
