"""Reading InterText alignments: files as InterText writes them open; broken ones are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.align.beads import Bead
from reader.core.errors import InputError
from reader.core.export.tei_import import (
    import_tei,
    looks_like_tei,
    paragraph_of,
    read_tei_alignment,
)
from reader.core.store.workspace import Workspace
from tests.core.workspace_helpers import BEADS, small_workspace

# Written by hand after InterText's documentation and its example files: the toDoc's ids come
# first in xtargets; ids are `paragraph:sentence`; the Arabic paragraph 2 has two sentences.
INTERTEXT = """<?xml version='1.0' encoding='utf-8'?>
<linkGrp toDoc='pair.en-00.xml' fromDoc='pair.ar-00.xml'>
<link type='1-1' xtargets='1:1;1:1' status='man'/>
<link type='1-2' xtargets='2:1;2:1 2:2' status='man'/>
<link type='0-1' xtargets=';3:1' status='man'/>
<link type='1-1' xtargets='3:1;4:1' status='auto'/>
</linkGrp>
"""


def write(tmp_path: Path, text: str, name: str = "pair.alignment.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def links(*rows: str, to_doc: str = "pair.en.xml", from_doc: str = "pair.ar.xml") -> str:
    body = "".join(f"<link xtargets='{r}' status='man'/>\n" for r in rows)
    return f"<linkGrp toDoc='{to_doc}' fromDoc='{from_doc}'>\n{body}</linkGrp>\n"


def test_a_file_in_intertext_shape_opens_with_its_alignment(tmp_path: Path) -> None:
    path = write(tmp_path, INTERTEXT)
    with small_workspace(tmp_path) as ws:
        alignment = import_tei(ws, path)
    assert [(b.src, b.tgt) for b in alignment] == BEADS
    assert [b.state for b in alignment] == ["confirmed"] * 3 + ["automatic"]
    with Workspace.open(tmp_path / "w.prw", read_only=True) as ws:
        assert ws.alignment().beads == alignment.beads


def test_a_file_aligned_the_other_way_round_is_read_by_its_document_names(
    tmp_path: Path,
) -> None:
    # English as InterText's first version: xtargets list the Arabic (toDoc) ids first
    path = write(tmp_path, links("1:1;1:1", "2:1;2:1", "3:1;", "4:1;3:1",
                                 to_doc="pair.ar.xml", from_doc="pair.en.xml"))
    got = read_tei_alignment(path, 4, 3, source_language="ar", target_language="en")
    assert [(b.src, b.tgt) for b in got] == BEADS


def test_sentence_links_become_paragraph_beads(tmp_path: Path) -> None:
    # target 1:1 and 1:2 answer source paragraphs 1 and 3; source 2 between is left out, so
    # the paragraph bead holds all three; the last source paragraph no link names comes in alone
    path = write(tmp_path, links("1:1;1:1", ";2:1", "1:2;3:1", "2:1 3:1;", "3:2;"))
    got = read_tei_alignment(path, 4, 3)
    assert [(b.src, b.tgt) for b in got] == [((0, 1, 2), (0,)), ((), (1, 2)), ((3,), ())]


def test_versions_are_read_from_document_names_with_dots(tmp_path: Path) -> None:
    path = write(tmp_path, links("1:1;1:1", "2:1;2:1", "3:1;", "4:1;3:1",
                                 to_doc="Obama.Speech.ar-00.xml",
                                 from_doc="Obama.Speech.en-00.xml"))
    got = read_tei_alignment(path, 4, 3, source_language="ar", target_language="en")
    assert [(b.src, b.tgt) for b in got] == BEADS


def test_long_and_prefixed_ids() -> None:
    assert paragraph_of("12:3") == 11
    assert paragraph_of("cs:Obama:0:12:3") == 11
    assert paragraph_of("s7") == 6
    assert paragraph_of("7") == 6
    assert paragraph_of("intro") is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (links("1:1;1:1", "1:1;2:1", "2:1 3:1;3:1 4:1"), "id '1:1' is already in link 1"),
        (links("2:1;2:1", "1:1;1:1", "3:1;3:1 4:1"), "out of order"),
        (links("1:1;1:1", "2:1 3:1;2:1 3:1 9:1"), "id '9:1' names no paragraph of the source"),
        (links("1:1;1:1", "2:1 3:1;intro 2:1"), "names no paragraph"),
        (links("1:1 3:1;1:1", "2:1;2:1 3:1 4:1"), "out of order or not consecutive"),
        (links("1:1;1:1", "2:1 3:1"), "xtargets must be 'ids;ids'"),
        ("<linkGrp><link xtargets='1:1;1:1'", "is not well-formed XML (line 1"),
        ("<TEI><text/></TEI>", "holds no linkGrp element"),
        ("<linkGrp toDoc='a' fromDoc='b'></linkGrp>", "holds no link elements"),
        ("<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaa'>]><linkGrp/>", "entities"),
    ],
)
def test_bad_files_are_one_line_errors_and_change_nothing(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = write(tmp_path, text)
    with small_workspace(tmp_path) as ws:
        before = ws.alignment().beads
        with pytest.raises(InputError) as info:
            import_tei(ws, path)
        assert ws.alignment().beads == before
    message = str(info.value)
    assert problem in message and message.startswith(str(path)) and "\n" not in message


def test_missing_file_and_what_looks_like_an_alignment(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_tei_alignment(tmp_path / "none.xml", 1, 1)
    assert looks_like_tei(write(tmp_path, "\ufeff  <?xml version='1.0'?><linkGrp/>", "a.xml"))
    assert not looks_like_tei(write(tmp_path, '{"type": "Annotation"}', "a.json"))
    assert not looks_like_tei(tmp_path / "none.xml")


def test_man_links_come_in_confirmed(tmp_path: Path) -> None:
    path = write(tmp_path, links("1:1;1:1", "2:1;2:1", ";3:1", "3:1;4:1"))
    got = read_tei_alignment(path, 4, 3)
    assert got[0] == Bead((0,), (0,), 1.0, "confirmed")
