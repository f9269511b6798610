"""Resume records: what each pair's output was made from, kept beside OUTDIR's JSON files."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

from reader import __version__
from reader.core import files
from reader.core.archive.inputs import PairJob

# `OUTDIR/.reader-batch/<id>.json`: the pair's own JSON stays byte for byte `reader align`'s
STAMP_DIR = ".reader-batch"
_FORMAT = 1
# what files.atomic_write_bytes leaves behind when its process is killed mid-write
_TEMPORARY = re.compile(r"\..+\.(?:json|csv|html)\.[A-Za-z0-9_]+\.tmp")


def output_path(outdir: str | Path, job_id: str) -> Path:
    """Where a pair's JSON goes."""
    return Path(outdir) / f"{job_id}.json"


def stamp_path(outdir: Path, job_id: str) -> Path:
    return outdir / STAMP_DIR / f"{job_id}.json"


def record(
    job: PairJob, outdir: Path, inputs: tuple[str, str], glossaries: tuple[str, ...],
    output_sha256: str, outcome: dict[str, Any],
) -> None:
    """Written after the output, so that a run killed in between leaves no record and the
    pair is aligned again."""
    data = {
        "format": _FORMAT, **_made_from(job, inputs, glossaries),
        "output_sha256": output_sha256, "outcome": outcome,
    }
    files.atomic_write_bytes(stamp_path(outdir, job.id),
                             json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def current(
    job: PairJob, outdir: Path, inputs: tuple[str, str], glossaries: tuple[str, ...]
) -> dict[str, Any] | None:
    """The recorded outcome of `job` when its output is there, unchanged, and was made from
    these very inputs, options and reader version; else None (it must be aligned again)."""
    try:
        data = json.loads(stamp_path(outdir, job.id).read_bytes())
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            return None
        if any(data.get(k) != v for k, v in _made_from(job, inputs, glossaries).items()):
            return None
        output = output_path(outdir, job.id).read_bytes()
        if hashlib.sha256(output).hexdigest() != data.get("output_sha256"):
            return None
        outcome = data["outcome"]
        return outcome if isinstance(outcome, dict) else None
    except (OSError, ValueError, KeyError):
        return None


def forget(outdir: Path, job_id: str) -> None:
    """A pair that failed: its earlier output no longer answers its inputs, so neither the
    record nor the output stays to be mistaken for it. Only an output the record vouches for
    (its SHA-256) is removed: a file of that name that is not ours, an input, stays."""
    stamp = stamp_path(outdir, job_id)
    output = output_path(outdir, job_id)
    with contextlib.suppress(OSError, ValueError, AttributeError):
        ours = json.loads(stamp.read_bytes()).get("output_sha256")
        if ours and hashlib.sha256(output.read_bytes()).hexdigest() == ours:
            output.unlink()
    with contextlib.suppress(OSError):
        stamp.unlink(missing_ok=True)


def sweep_temporary(outdir: Path) -> int:
    """Remove the temporary files a killed worker left half written (they never replaced an
    output); returns how many."""
    removed = 0
    for folder in (outdir, outdir / STAMP_DIR):
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            if _TEMPORARY.fullmatch(name):
                try:
                    (folder / name).unlink()
                    removed += 1
                except OSError:
                    pass
    return removed


def _made_from(job: PairJob, inputs: tuple[str, str], glossaries: tuple[str, ...]) -> dict:
    return {
        "reader": __version__, "source": job.source, "target": job.target,
        "options": dict(sorted(job.options.items())),
        "source_sha256": inputs[0], "target_sha256": inputs[1],
        "glossary_sha256": list(glossaries),
    }
