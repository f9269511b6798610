"""One pair of a batch: aligned as `reader align --format json` does, written to OUTDIR."""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, cast

from reader.core import files
from reader.core.archive import stamps
from reader.core.archive.inputs import PairJob, is_url
from reader.core.archive.reading import pair_json_at, read_input, text_from_bytes
from reader.core.errors import InputError, ReaderError
from reader.core.pair import Pair, PairOptions, align_pair
from reader.core.text.document import MAX_FILE_BYTES

Status = Literal["done", "failed", "skipped"]
STATUSES: tuple[Status, ...] = ("done", "failed", "skipped")
_MAX_ERROR = 500


@dataclass(frozen=True, slots=True)
class PairOutcome:
    """What became of one pair: its status, the one-line error of a failed pair, and the
    figures of the summary table. `skipped`: its output was already current (--resume)."""

    id: str
    status: Status
    error: str | None = None
    paragraphs: tuple[int, int] = (0, 0)  # source, target
    beads: int = 0
    divergences_by_kind: dict[str, int] = field(default_factory=dict)
    is_translation: bool | None = None
    translation_score: float | None = None
    seconds: float = 0.0  # wall time of the pair in its worker
    input_sha256: tuple[str, str] = ("", "")  # of the files' bytes
    source: str = ""
    target: str = ""

    @property
    def divergences(self) -> int:
        return sum(self.divergences_by_kind.values())


def run_pair(job: PairJob, outdir: str | Path, *, resume: bool = False) -> PairOutcome:
    """Align `job`'s pair, write `OUTDIR/<id>.json` atomically (byte for byte what
    `reader align SRC TGT --format json` prints for the same paths and options) and its
    resume record. With `resume`, a pair whose output is current is skipped. Never raises
    for a bad pair: it comes back failed, with a one-line error."""
    start = time.perf_counter()
    outdir = Path(outdir)
    try:
        # each input read once, wherever it is (a path, or a URL read here, on the worker)
        texts = (read_input(job.source), read_input(job.target))
        digests = (hashlib.sha256(texts[0]).hexdigest(), hashlib.sha256(texts[1]).hexdigest())
        glossaries = tuple(_sha256(g) for g in job.glossaries)
        if resume:
            kept = _kept(job, outdir, digests, glossaries)
            if kept is not None:
                return kept
        options = pair_options(job)
        pair = align_pair(text_from_bytes(texts[0], job.source, blocks=options.blocks),
                          text_from_bytes(texts[1], job.target, blocks=options.blocks), options)
        data = pair_json_at(pair, job.source, job.target).encode("utf-8")
        target = stamps.output_path(outdir, job.id)
        files.write_output(target, data, [job.source, job.target, *job.glossaries])
        outcome = _done(job, pair, digests, time.perf_counter() - start)
        stamps.record(job, outdir, digests, glossaries, hashlib.sha256(data).hexdigest(),
                      outcome_json(outcome))
        return outcome
    except Exception as exc:  # a bad pair must not stop the batch: it is reported instead
        stamps.forget(outdir, job.id)
        return PairOutcome(job.id, "failed", one_line(exc), seconds=time.perf_counter() - start,
                           source=job.source, target=job.target)


# Two short paragraphs a side: enough for every lazily loaded table (lexicon, glossary, stems)
_WARM_SOURCE = ("قال الرئيس إن 25 شخصا قتلوا في بغداد يوم الاثنين.\n"
                "وأضاف أن الحكومة ستحقق في الأمر.\n")
_WARM_TARGET = ("The president said 25 people were killed in Baghdad on Monday.\n"
                "He added that the government would investigate.\n")


def warm_up() -> None:
    """Make a fresh worker process ready: the aligner imported and the tables it loads on
    first use loaded (0.4 s of CPU), so that the first pair's time is its own."""
    from reader.core.pair import align_pair
    from reader.core.text.document import text_from_string

    align_pair(text_from_string(_WARM_SOURCE), text_from_string(_WARM_TARGET))


def _kept(
    job: PairJob, outdir: Path, digests: tuple[str, str], glossaries: tuple[str, ...]
) -> PairOutcome | None:
    """The pair's recorded outcome, as skipped, when its output is current; a record that
    cannot be read is no record (the pair is aligned again)."""
    recorded = stamps.current(job, outdir, digests, glossaries)
    if recorded is None:
        return None
    try:
        return replace(outcome_from_json(recorded), status="skipped")
    except (KeyError, IndexError, TypeError, ValueError, AttributeError):
        return None


def pair_options(job: PairJob) -> PairOptions:
    """The options `reader align` builds from --glossary, --blocks and --original."""
    original = job.options.get("original") or None
    return PairOptions(
        glossaries=[Path(g) for g in job.glossaries],
        blocks=job.options.get("blocks") == "true",
        original=cast(Any, original),
    )


def one_line(exc: BaseException) -> str:
    """An error as the summary shows it: the user's problem as phrased, anything else with
    its type (a bug in the reader, not in the pair)."""
    text = str(exc) if isinstance(exc, ReaderError) else f"{type(exc).__name__}: {exc}"
    text = " ".join(text.split()) or type(exc).__name__
    return text if len(text) <= _MAX_ERROR else text[: _MAX_ERROR - 1] + "…"


def _sha256(location: str) -> str:
    """A glossary's digest: glossaries are read from files, by the aligner as by `reader
    align`."""
    if is_url(location):
        raise InputError(f"{location}: is a URL; a glossary is read from a file")
    return hashlib.sha256(
        files.read_bytes(location, what="text file", max_bytes=MAX_FILE_BYTES)
    ).hexdigest()


def _done(job: PairJob, pair: Pair, digests: tuple[str, str], seconds: float) -> PairOutcome:
    kinds = Counter(str(d.kind) for d in pair.divergences)
    verdict = pair.verdict
    return PairOutcome(
        job.id, "done", None, (len(pair.source), len(pair.target)), len(pair.alignment.beads),
        dict(sorted(kinds.items())),
        None if verdict is None else verdict.is_translation,
        None if verdict is None else round(verdict.translation_score, 3),
        seconds, digests, job.source, job.target,
    )


def outcome_json(outcome: PairOutcome) -> dict[str, Any]:
    return asdict(outcome)


def outcome_from_json(data: dict[str, Any]) -> PairOutcome:
    """An outcome written by outcome_json; KeyError, TypeError or ValueError when it is not."""
    status = data["status"]
    if status not in STATUSES:
        raise ValueError(status)
    score = data["translation_score"]
    verdict = data["is_translation"]
    return PairOutcome(
        id=str(data["id"]), status=status,
        error=None if data["error"] is None else str(data["error"]),
        paragraphs=(int(data["paragraphs"][0]), int(data["paragraphs"][1])),
        beads=int(data["beads"]),
        divergences_by_kind={str(k): int(v) for k, v in data["divergences_by_kind"].items()},
        is_translation=None if verdict is None else bool(verdict),
        translation_score=None if score is None else float(score),
        seconds=float(data["seconds"]),
        input_sha256=(str(data["input_sha256"][0]), str(data["input_sha256"][1])),
        source=str(data["source"]), target=str(data["target"]),
    )
