"""`reader lens` (counts, shifts) and `reader concord` on the built-in corpus; bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.lens.counts import count_labels
from reader.core.lens.documents import corpus_documents
from reader.core.lens.families import builtin_families
from reader.core.lens.matching import Matcher
from reader.resources import CORPUS

AR = str(CORPUS / "iraq-assad-lesson.ar.txt")
EN = str(CORPUS / "iraq-assad-lesson.en.txt")


@pytest.fixture(autouse=True)
def _no_user_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # the commands read the user's lens folder: point it (and settings) at nothing
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_counts_json_on_the_corpus_equal_the_core(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "lens", "--corpus", "--format", "json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert [d["id"] for d in data["documents"]] == [
        "iraq-assad-lesson-ar", "iraq-assad-lesson-en", "iraq-adapts-to-new-syria-en",
        "iraq-resistance-and-fall-of-assad-en", "iraq-spectator-axis-of-resistance-en"]
    families = builtin_families()
    counts = count_labels(corpus_documents(), families, matcher=Matcher(families))
    got = {(c["document"], c["family"], c["label"]): c["count"] for c in data["counts"]}
    assert got == {(r.document, r.family, r.label): r.count for r in counts.rows}
    assert got[("iraq-assad-lesson-ar", "actors", "regime")] >= 40
    assert got[("iraq-spectator-axis-of-resistance-en", "armed-groups", "faction")] >= 10
    assert got[("iraq-resistance-and-fall-of-assad-en", "armed-groups", "pmf")] >= 3


def test_counts_csv_of_files_and_one_family(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lens", AR, EN, "--family", "actors", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 2 * 7  # two documents, six labels and the family's total
    assert {r["document"] for r in rows} == {"iraq-assad-lesson.ar.txt",
                                             "iraq-assad-lesson.en.txt"}
    total = next(r for r in rows if r["document"].endswith("ar.txt") and r["label"] == "")
    parts = [int(r["count"]) for r in rows if r["document"].endswith("ar.txt") and r["label"]]
    assert int(total["count"]) == sum(parts)
    assert float(total["per_1000_words"]) == pytest.approx(
        1000 * int(total["count"]) / int(total["words"]), abs=0.001)


def test_counts_table_takes_corpus_ids(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lens", "iraq-assad-lesson-en", "--family", "events")
    assert code == 0
    assert "D1  iraq-assad-lesson-en (en," in out
    assert "Events: the end of Assad's rule" in out and "liberation" in out
    assert "Actors" not in out


def test_shifts_of_the_built_in_pair(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lens", AR, EN, "--shifts", "--family", "actors", "--format",
                       "json")
    assert code == 0
    data = json.loads(out)
    rows = {(r["form"], r["counterpart_form"]): r for r in data["rows"]}
    assert rows[("النظام العراقي", "Iraq")]["count"] >= 3
    assert rows[("النظام العراقي", "Iraq")]["changed"] is True
    assert ("النظام العراقي", "Iraq's leadership") in rows
    pairing = rows[("النظام العراقي", "Iraq's leadership")]["pairings"][0]
    assert pairing["occurrence"]["text"] == "النظام العراقي"
    assert pairing["counterpart"]["text"] == "Iraq’s leadership"
    code, out, _ = run(capsys, "lens", "--corpus", "--shifts", "--family", "actors",
                       "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert any(r["form"] == "النظام العراقي" and r["counterpart_form"] == "Iraq"
               and r["changed"] == "yes" for r in rows)
    code, out, _ = run(capsys, "lens", "iraq-assad-lesson-ar", "iraq-assad-lesson-en",
                       "--shifts", "--family", "actors", "--logical")
    assert "* regime «النظام العراقي» → state or capital named for its government «Iraq»" in out
    assert "  regime «النظام العراقي» → regime «Iraqi regime»" in out
    code, out, _ = run(capsys, "lens", AR, EN, "--shifts", "--family", "actors", "--changed",
                       "--logical")
    assert "* regime «النظام العراقي» → state or capital named for its government «Iraq»" in out
    assert all(line.startswith("* ") for line in out.splitlines()[1:] if line)


def test_concord_of_a_label_sorted(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "concord", "pmf", "--corpus", "--format", "json",
                       "--sort", "left")
    assert code == 0
    lines = json.loads(out)
    assert {ln["label"] for ln in lines} == {"pmf"}
    assert {"PMF", "Hashd", "بالحشد الشعبي"} <= {ln["match"] for ln in lines}
    for ln in lines:
        doc = next(d for d in corpus_documents() if d.id == ln["document"])
        assert doc.text.paragraphs[ln["paragraph"]].text[ln["start"]:ln["end"]] == ln["match"]


def test_concord_of_a_free_term_and_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "concord", "المالكي", AR, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) >= 10 and {r["family"] for r in rows} == {"term"}
    assert rows[0]["paragraph"] == "10"  # counted from 1 in CSV
    code, out, _ = run(capsys, "concord", "Iraq's leadership", "--corpus", "--logical")
    assert code == 0
    assert "[Iraq’s leadership] made a fatal error" in out
    code, out, _ = run(capsys, "concord", "النظام العراقي", AR, "--free")
    assert code == 0 and "\u0627" not in out  # shaped for the terminal: presentation forms
    assert any("\ufe70" <= c <= "\ufeff" for c in out)


def test_outputs_to_a_file_and_never_over_an_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "counts.csv"
    code, out, _ = run(capsys, "lens", EN, "--format", "csv", "-o", str(target))
    assert code == 0 and out == "" and target.read_text(encoding="utf-8").startswith("document,")
    copy = tmp_path / "en.txt"
    copy.write_text(Path(EN).read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = run(capsys, "concord", "regime", str(copy), "-o", str(copy))
    assert code == 2 and "is an input of this command" in err
    assert copy.read_text(encoding="utf-8") == Path(EN).read_text(encoding="utf-8")


def test_csv_cells_a_spreadsheet_would_compute_are_neutralised(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = tmp_path / "t.txt"
    text.write_text("=HYPERLINK(1) the regime +1-2 said\n", encoding="utf-8")
    code, out, _ = run(capsys, "concord", "regime", str(text), "--format", "csv")
    assert code == 0
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert row["left"].startswith("'=") and row["right"] == "'+1-2 said"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["lens"], "give one or more text files"),
        (["lens", "--corpus", "--family", "nope"], "no term family 'nope'"),
        (["lens", EN, "--shifts"], "--shifts takes two files"),
        (["lens", "no-such-file.txt"], "no such file"),
        (["concord", "militia", EN, "--family", "actors"], "has no label 'militia'"),
        (["concord", "regime", EN, "--context", "-1"], "--context"),
        (["concord", " ", EN], "TERM must hold a letter"),
    ],
)
def test_bad_input_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_a_bad_family_file_is_one_line_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": "x", "name": "X", "labels": []}', encoding="utf-8")
    for command in (["lens", EN], ["concord", "regime", EN]):
        code, out, err = run(capsys, *command, "--family-file", str(bad))
        assert code == 2 and out == "" and err.count("\n") == 1
        assert str(bad) in err and "'labels' must be a non-empty list" in err


def test_a_broken_user_family_is_skipped_with_a_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "data" / "parallel-reader" / "lenses"
    folder.mkdir(parents=True)
    (folder / "broken.json").write_text("{", encoding="utf-8")
    mine = {"id": "mine", "name": "Mine", "labels": [
        {"id": "maliki", "name": "Maliki", "note": "the man himself",
         "forms": {"ar": ["المالكي"], "en": ["Maliki"]}}]}
    (folder / "mine.json").write_text(json.dumps(mine), encoding="utf-8")
    code, out, err = run(capsys, "lens", AR, EN, "--family", "mine", "--format", "json")
    assert code == 0 and "warning: skipped" in err and "broken.json" in err
    counts = {c["document"]: c["count"] for c in json.loads(out)["counts"] if c["label"]}
    assert counts["iraq-assad-lesson.ar.txt"] >= 10 and counts["iraq-assad-lesson.en.txt"] >= 10


def test_the_parser_builds_without_the_core(capsys: pytest.CaptureFixture[str]) -> None:
    import subprocess
    import sys

    from reader.commands import lens_inputs
    from reader.core.lens import concord, output

    assert lens_inputs.FORMATS == output.FORMATS
    assert (lens_inputs.SORT_KEYS, lens_inputs.DEFAULT_CONTEXT) == (concord.SORT_KEYS,
                                                                    concord.DEFAULT_CONTEXT)
    # other commands' parsers may import more; the lens's import none of its core
    code = ("import sys, reader.cli; reader.cli.build_parser(); "
            "print(any(m.startswith('reader.core.lens') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_an_empty_or_binary_text_is_one_line_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty, binary = tmp_path / "empty.txt", tmp_path / "binary.txt"
    empty.write_bytes(b"")
    binary.write_bytes(bytes(range(256)) * 8)
    for path in (empty, binary):
        for command in (["lens", str(path)], ["concord", "regime", EN, str(path)]):
            code, out, err = run(capsys, *command)
            assert code == 2 and out == "" and err.count("\n") == 1
            assert str(path) in err


def test_files_may_follow_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    """`reader concord TERM --family X FILES`: argparse alone called the files unrecognised."""
    after = run(capsys, "concord", "regime", AR, EN, "--family", "actors", "--format", "csv")
    before = run(capsys, "concord", "regime", "--family", "actors", "--format", "csv", AR, EN)
    split = run(capsys, "concord", "regime", AR, "--family", "actors", "--format", "csv", EN)
    assert after[0] == 0 and after[1].count("\n") > 3
    assert before == after == split
    counts = run(capsys, "lens", "--format", "json", AR, EN)
    assert counts[0] == 0 and counts == run(capsys, "lens", AR, "--format", "json", EN)
    with pytest.raises(SystemExit) as stop:  # argparse's own exit, as before
        main(["concord", "regime", AR, "--bogus"])
    assert stop.value.code == 2 and "unrecognized arguments: --bogus" in capsys.readouterr().err
