"""TEI export in InterText's shape, and reading it back: the same beads, any alignment."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align.beads import BEAD_STATES, Alignment, Bead
from reader.core.export.formats import export
from reader.core.export.report import Report, report_from_pair, report_from_workspace
from reader.core.export.tei import (
    paragraph_id,
    render_tei_document,
    render_tei_links,
    tei_names,
)
from reader.core.export.tei_import import read_tei_alignment
from reader.core.pair import Pair
from reader.core.text.document import text_from_string
from tests.core.workspace_helpers import small_workspace

TEI = "{http://www.tei-c.org/ns/1.0}"


def report_of(alignment: Alignment) -> Report:
    source = text_from_string("\n".join(f"مقطع {i}" for i in range(alignment.n_src)),
                              path=Path("pair.ar.txt"), language="ar")
    target = text_from_string("\n".join(f"Paragraph {j}" for j in range(alignment.n_tgt)),
                              path=Path("pair.en.txt"), language="en")
    return report_from_pair(Pair(source, target, alignment, []))


@st.composite
def alignments(draw: st.DrawFn) -> Alignment:
    """Any alignment: beads of 0–3 paragraphs a side (never both empty), each with a state."""
    beads = []
    i = j = 0
    for _ in range(draw(st.integers(1, 25))):
        a, b = draw(st.sampled_from([(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1),
                                     (1, 3), (4, 3)]))
        state = draw(st.sampled_from(BEAD_STATES))
        beads.append(Bead(tuple(range(i, i + a)), tuple(range(j, j + b)), 1.0, state))
        i, j = i + a, j + b
    return Alignment(beads, i, j)


def imported_state(state: str) -> str:
    # InterText has one word, `man`, for an edited and a confirmed link
    return "confirmed" if state in ("edited", "confirmed") else "automatic"


@settings(max_examples=60, deadline=None)
@given(alignments())
def test_round_trip_gives_the_same_beads(tmp_path_factory: pytest.TempPathFactory,
                                         alignment: Alignment) -> None:
    path = tmp_path_factory.mktemp("tei") / "pair.ar.en.alignment.xml"
    path.write_text(render_tei_links(report_of(alignment)), "utf-8")
    back = read_tei_alignment(path, alignment.n_src, alignment.n_tgt,
                              source_language="ar", target_language="en")
    assert [(b.src, b.tgt) for b in back] == [(b.src, b.tgt) for b in alignment]
    assert [b.state for b in back] == [imported_state(b.state) for b in alignment]


def test_links_follow_intertext_order_target_first() -> None:
    alignment = Alignment([Bead((0,), (0, 1), 1.0, "confirmed"), Bead((1, 2), (), 0.5),
                           Bead((), (2,), 0.5, "edited")], 3, 3)
    text = render_tei_links(report_of(alignment))
    group = ET.fromstring(text.encode("utf-8"))
    assert (group.tag, group.get("fromDoc"), group.get("toDoc")) == (
        "linkGrp", "pair.ar.xml", "pair.en.xml")
    assert [(link.get("type"), link.get("xtargets"), link.get("status")) for link in group] == [
        ("2-1", "1:1 2:1;1:1", "man"), ("0-2", ";2:1 3:1", "auto"), ("1-0", "3:1;", "man")]
    assert text.startswith("<?xml version='1.0' encoding='utf-8'?>\n<linkGrp ")


def test_documents_are_tei_with_p_and_s_ids_the_links_name() -> None:
    report = report_of(Alignment([Bead((0, 1), (0,))], 2, 1))
    doc = ET.fromstring(render_tei_document(report.source).encode("utf-8"))
    assert doc.tag == f"{TEI}TEI"
    text = doc.find(f"{TEI}text")
    assert text is not None
    assert text.get("{http://www.w3.org/XML/1998/namespace}lang") == "ar"
    paragraphs = text.findall(f"{TEI}body/{TEI}p")
    assert [p.get("id") for p in paragraphs] == ["1", "2"]
    assert [(s.get("id"), s.text) for p in paragraphs for s in p] == [
        (paragraph_id(0), "مقطع 0"), (paragraph_id(1), "مقطع 1")]
    assert doc.findtext(f"{TEI}teiHeader/{TEI}fileDesc/{TEI}titleStmt/{TEI}title") == (
        "pair.ar.txt")


def test_export_writes_the_links_and_both_documents_beside_them(tmp_path: Path) -> None:
    with small_workspace(tmp_path) as ws:
        ws.replace_beads(2, 4, [Bead((2, 3), (2,), 1.0, "confirmed")])
        report = report_from_workspace(ws)
        edited = ws.alignment()
    written = export(report, "tei", tmp_path / "out" / "pair.ar.en.alignment.xml")
    names = tei_names(report, written)
    assert (names.source, names.target) == ("pair.ar.xml", "pair.en.xml")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        ["pair.ar.en.alignment.xml", "pair.ar.xml", "pair.en.xml"])
    target_doc = ET.parse(tmp_path / "out" / "pair.en.xml").getroot()
    assert [s.text for s in target_doc.iter(f"{TEI}s")] == [
        p.text for p in report.target.paragraphs]
    back = read_tei_alignment(written, 4, 3, source_language="ar", target_language="en")
    assert [(b.src, b.tgt) for b in back] == [(b.src, b.tgt) for b in edited]
    assert back[-1].state == "confirmed"


def test_a_name_never_overwrites_a_document(tmp_path: Path) -> None:
    report = report_of(Alignment([Bead((0,), (0,))], 1, 1))
    for name in ("pair.ar.xml", "pair.en.xml", "x.xml", "x"):
        names = tei_names(report, tmp_path / name)
        assert name not in (names.source, names.target)
