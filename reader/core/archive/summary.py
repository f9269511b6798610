"""The batch's summary table: OUTDIR/summary.csv (read back by the window) and summary.html."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Sequence
from pathlib import Path

from reader.core import files
from reader.core.archive.inputs import PairJob, is_url
from reader.core.archive.job import STATUSES, PairOutcome, Status
from reader.core.archive.stamps import STAMP_DIR
from reader.core.diverge.records import DivergenceKind
from reader.core.errors import InputError
from reader.core.export.escaping import is_armed, neutralise

CSV_NAME = "summary.csv"
RUN_NAME = ".run.json"  # in STAMP_DIR (an id never starts with a dot): where the batch ran
HTML_NAME = "summary.html"
HEAD = ["id", "source", "target", "status", "error", "source_paragraphs", "target_paragraphs",
        "beads", "divergences"]
TAIL = ["is_translation", "translation_score", "seconds", "source_sha256", "target_sha256"]
_FREE_TEXT = {"id", "source", "target", "error"}  # may come from a file name: neutralised
MAX_SUMMARY_BYTES = 1024 * 1024 * 1024


def kinds_of(outcomes: Sequence[PairOutcome]) -> list[str]:
    """Every known kind, so that the columns are the same from run to run, then any other."""
    known = [str(k) for k in DivergenceKind]
    extra = sorted({k for o in outcomes for k in o.divergences_by_kind} - set(known))
    return known + extra


def write_summary(outdir: str | Path, outcomes: Sequence[PairOutcome]) -> tuple[Path, Path]:
    """Both files, each written atomically; returns their paths. The working folder is
    recorded beside them: the paths in the table are as given, relative to it."""
    from reader.core.archive.summary_html import render_summary_html

    outdir = Path(outdir)
    csv_path, html_path = outdir / CSV_NAME, outdir / HTML_NAME
    run = {"working_folder": os.getcwd()}
    files.atomic_write_bytes(outdir / STAMP_DIR / RUN_NAME, json.dumps(run).encode("utf-8"))
    # a BOM, as the project's other CSV files: spreadsheets then read the Arabic as UTF-8
    files.atomic_write_bytes(csv_path, render_csv(outcomes).encode("utf-8-sig"))
    files.atomic_write_bytes(html_path, render_summary_html(outcomes).encode("utf-8"))
    return csv_path, html_path


def render_csv(outcomes: Sequence[PairOutcome]) -> str:
    kinds = kinds_of(outcomes)
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(HEAD + kinds + TAIL)
    for o in outcomes:
        verdict = "" if o.is_translation is None else "yes" if o.is_translation else "no"
        done = o.status != "failed"
        writer.writerow([
            neutralise(o.id), neutralise(o.source), neutralise(o.target), o.status,
            neutralise(o.error or ""),
            *((o.paragraphs[0], o.paragraphs[1], o.beads, o.divergences) if done
              else ("", "", "", "")),
            *((o.divergences_by_kind.get(k, 0) for k in kinds) if done else ("" for _ in kinds)),
            verdict, "" if o.translation_score is None else f"{o.translation_score:.3f}",
            f"{o.seconds:.3f}", o.input_sha256[0], o.input_sha256[1],
        ])
    return out.getvalue()


def read_summary(path: str | Path) -> list[PairOutcome]:
    """The outcomes of a summary.csv (or of the OUTDIR holding one). InputError, one line
    naming the file, when it is not a batch summary."""
    path = Path(path)
    if path.is_dir():
        path = path / CSV_NAME
    raw = files.read_bytes(path, what="batch summary", max_bytes=MAX_SUMMARY_BYTES)
    try:
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    except (UnicodeDecodeError, csv.Error):
        raise InputError("is not a batch summary (not UTF-8 CSV)", path) from None
    if not rows or rows[0][: len(HEAD)] != HEAD or rows[0][-len(TAIL):] != TAIL:
        raise InputError("is not a batch summary (its header is not reader batch's)", path)
    kinds = rows[0][len(HEAD) : -len(TAIL)]
    out = []
    for line, row in enumerate(rows[1:], 2):
        if not row:
            continue
        try:
            out.append(_outcome(dict(zip(rows[0], row, strict=True)), kinds))
        except (ValueError, KeyError):
            raise InputError(f"line {line}: is not a row of a batch summary", path) from None
    return out


def pair_paths(outcome: PairOutcome, summary: str | Path) -> tuple[str, str]:
    """The pair's source and target as the window opens them: a relative path is taken from
    the folder the batch ran in (recorded beside the summary), or else from the summary's
    parent folder; absolute paths and URLs as they are."""
    summary = Path(summary)
    outdir = summary if summary.is_dir() else summary.parent
    try:
        base = Path(json.loads((outdir / STAMP_DIR / RUN_NAME).read_bytes())["working_folder"])
    except (OSError, ValueError, KeyError, TypeError):
        base = outdir.parent

    def placed(location: str) -> str:
        if is_url(location) or Path(location).is_absolute():
            return location
        return str(base / location)

    return placed(outcome.source), placed(outcome.target)


def _outcome(cells: dict[str, str], kinds: list[str]) -> PairOutcome:
    status = cells["status"]
    if status not in STATUSES:
        raise ValueError(status)
    text = {k: _original(cells[k]) for k in _FREE_TEXT}
    done = status != "failed"
    verdict = cells["is_translation"]
    score = cells["translation_score"]
    return PairOutcome(
        id=text["id"], status=_status(status), error=text["error"] or None,
        paragraphs=(int(cells["source_paragraphs"]), int(cells["target_paragraphs"]))
        if done else (0, 0),
        beads=int(cells["beads"]) if done else 0,
        divergences_by_kind={k: int(cells[k]) for k in kinds if done and int(cells[k])},
        is_translation=None if not verdict else verdict == "yes",
        translation_score=float(score) if score else None,
        seconds=float(cells["seconds"]),
        input_sha256=(cells["source_sha256"], cells["target_sha256"]),
        source=text["source"], target=text["target"],
    )


def _status(value: str) -> Status:
    return next(s for s in STATUSES if s == value)


def _original(cell: str) -> str:
    """A cell as it was before `neutralise` (which puts one `'` before a live cell, including
    one that already began with `'`, so this is its exact inverse)."""
    return cell[1:] if cell.startswith("'") and is_armed(cell.lstrip("'")) else cell


def in_job_order(outcomes: Sequence[PairOutcome], jobs: Sequence[PairJob]) -> list[PairOutcome]:
    """The outcomes in the order of the jobs (engines give them in the order they finish)."""
    rank = {job.id: n for n, job in enumerate(jobs)}
    return sorted(outcomes, key=lambda o: rank.get(o.id, len(rank)))
