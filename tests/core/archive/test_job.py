"""One pair of a batch: `reader align`'s bytes with the same options, resume records, failures."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.archive.inputs import PairJob
from reader.core.archive.job import run_pair
from reader.core.archive.stamps import STAMP_DIR, stamp_path, sweep_temporary
from reader.resources import CORPUS
from tests.paths import DATA

AR = CORPUS / "iraq-assad-lesson.ar.txt"
EN = CORPUS / "iraq-assad-lesson.en.txt"
GLOSSARY = DATA / "iraq-assad-lesson.user-glossary.tsv"


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> PairJob:
    """The corpus pair copied into tmp_path, which is the working folder."""
    shutil.copy(AR, tmp_path / "a.ar.txt")
    shutil.copy(EN, tmp_path / "a.en.txt")
    shutil.copy(GLOSSARY, tmp_path / "g.tsv")
    monkeypatch.chdir(tmp_path)
    return PairJob("a", "a.ar.txt", "a.en.txt")


@pytest.mark.parametrize(
    ("options", "flags"),
    [
        ({}, []),
        ({"original": "target", "glossary": "g.tsv"}, ["--original", "target", "--glossary",
                                                       "g.tsv"]),
        ({"blocks": "true"}, ["--blocks"]),
    ],
)
def test_the_output_is_reader_aligns(
    pair: PairJob, options: dict[str, str], flags: list[str]
) -> None:
    job = PairJob("a", pair.source, pair.target, options)
    outcome = run_pair(job, "out")
    assert outcome.status == "done" and outcome.error is None
    assert main(["align", "a.ar.txt", "a.en.txt", "--format", "json", "-o", "single.json",
                 *flags]) == 0
    written = Path("out/a.json").read_bytes()
    assert written == Path("single.json").read_bytes()
    data = json.loads(written)
    assert outcome.paragraphs == (data["source"]["paragraphs"], data["target"]["paragraphs"])
    assert outcome.beads == len(data["beads"])
    assert outcome.divergences == len(data["divergences"])
    assert outcome.is_translation is data["pair"]["is_translation"]
    assert outcome.translation_score == data["pair"]["translation_score"]
    assert outcome.source == "a.ar.txt" and outcome.seconds > 0
    assert len(outcome.input_sha256[0]) == 64


def test_resume_skips_only_a_current_output(pair: PairJob) -> None:
    first = run_pair(pair, "out")
    kept = run_pair(pair, "out", resume=True)
    assert kept.status == "skipped"
    assert kept.beads == first.beads and kept.divergences_by_kind == first.divergences_by_kind
    # without --resume it is aligned again
    assert run_pair(pair, "out").status == "done"

    def again(job: PairJob = pair) -> str:
        return run_pair(job, "out", resume=True).status

    Path("a.en.txt").write_text(EN.read_text("utf-8") + "One more paragraph.\n", "utf-8")
    assert again() == "done"  # an input changed
    assert again() == "skipped"
    assert again(PairJob("a", "a.ar.txt", "a.en.txt", {"original": "source"})) == "done"
    assert again(PairJob("a", "a.ar.txt", "a.en.txt", {"original": "source"})) == "skipped"
    assert again() == "done"  # options back as they were
    Path("out/a.json").write_text("{}")  # an output damaged by hand
    assert again() == "done"
    stamp_path(Path("out"), "a").unlink()  # killed between the output and its record
    assert again() == "done"
    stamp_path(Path("out"), "a").write_text("not json")
    assert again() == "done"
    job = PairJob("a", "a.ar.txt", "a.en.txt", {"glossary": "g.tsv"})
    assert again(job) == "done"
    with Path("g.tsv").open("a", encoding="utf-8") as fh:
        fh.write("الجيش\tarmy\n")
    assert again(job) == "done"  # a glossary changed


def test_a_failed_pair_leaves_no_stale_output(pair: PairJob) -> None:
    assert run_pair(pair, "out").status == "done"
    Path("a.en.txt").write_bytes(b"\x00\x00binary\x00")
    outcome = run_pair(pair, "out", resume=True)
    assert outcome.status == "failed"
    assert outcome.error is not None and outcome.error.startswith("a.en.txt: ")
    assert not Path("out/a.json").exists() and not stamp_path(Path("out"), "a").exists()


@pytest.mark.parametrize(
    ("job", "error"),
    [
        (PairJob("m", "missing.txt", "a.en.txt"), "missing.txt: no such file"),
        # a URL is read through fsspec (reading.read_input); one that is not there says so
        (PairJob("u", "file:///nowhere/a.txt", "a.en.txt"), "file:///nowhere/a.txt: no such file"),
        (PairJob("v", "memory://none/a.txt", "a.en.txt"), "memory://none/a.txt: no such file"),
        (PairJob("g", "a.ar.txt", "a.en.txt", {"glossary": "none.tsv"}), "none.tsv"),
        (PairJob("d", ".", "a.en.txt"), "is a directory"),
    ],
)
def test_a_bad_pair_is_a_failed_outcome_never_an_exception(
    pair: PairJob, job: PairJob, error: str
) -> None:
    outcome = run_pair(job, "out")
    assert outcome.status == "failed"
    assert outcome.error is not None and error in outcome.error and "\n" not in outcome.error


def test_an_output_may_not_replace_an_input(pair: PairJob) -> None:
    shutil.copy("a.en.txt", "b.json")
    outcome = run_pair(PairJob("b", "a.ar.txt", "b.json"), ".")
    assert outcome.status == "failed" and "is an input of this command" in (outcome.error or "")
    assert Path("b.json").read_bytes() == EN.read_bytes()


def test_temporary_files_of_killed_writers_are_swept(tmp_path: Path) -> None:
    (tmp_path / STAMP_DIR).mkdir()
    left = [tmp_path / ".a.json.k3j_x9.tmp", tmp_path / STAMP_DIR / ".a.json.zz1.tmp",
            tmp_path / ".summary.csv.q1.tmp"]
    kept = [tmp_path / "a.json", tmp_path / "notes.tmp", tmp_path / ".b.txt.x.tmp"]
    for path in left + kept:
        path.write_text("x")
    assert sweep_temporary(tmp_path) == 3
    assert [p.exists() for p in left + kept] == [False] * 3 + [True] * 3


def test_a_damaged_record_means_aligning_again(pair: PairJob) -> None:
    assert run_pair(pair, "out").status == "done"
    record = json.loads(stamp_path(Path("out"), "a").read_text())
    record["outcome"]["paragraphs"] = "many"
    stamp_path(Path("out"), "a").write_text(json.dumps(record))
    assert run_pair(pair, "out", resume=True).status == "done"
    assert run_pair(pair, "out", resume=True).status == "skipped"
