"""Reading the beads to keep from a file of the command-line contract (`reader align --fix`)."""

# DESIGN.md: from a bare {"beads": [...]} every bead is kept; from the full output of an earlier
# `reader align` (it has "source" and "target"), only the beads marked "confirmed": true or
# "state": "confirmed". Kept beads come out as "state": "confirmed": a person vouched for them,
# and the output given back to --fix keeps the same beads.

from __future__ import annotations

import logging
import math
from pathlib import Path

from reader.core.align.beads import AlignmentError, Bead
from reader.core.align.fixed import check_fixed
from reader.core.errors import InputError
from reader.core.files import read_json

log = logging.getLogger(__name__)

MAX_BYTES = 200 * 1024 * 1024  # the texts' own limit: a contract file is smaller than its pair


def read_fixed(path: str | Path) -> list[Bead]:
    """The beads of `path` to keep, in order, each "confirmed" (confidence as written, else 1).
    Raises InputError naming the file: not JSON, not the contract's shape."""
    data = read_json(path, what="file of beads", max_bytes=MAX_BYTES)
    if not isinstance(data, dict) or not isinstance(data.get("beads"), list):
        raise InputError('is not a file of beads: give {"beads": [{"src": [...], "tgt": [...]}, '
                         "...]} or the output of reader align", path)
    full = "source" in data and "target" in data
    out = []
    for k, item in enumerate(data["beads"]):
        bead = _bead(item, k, path)
        if not full or _marked(item):
            out.append(bead)
    if full and not out and data["beads"]:
        log.warning('%s: no bead is marked "confirmed": true; nothing is kept', path)
    return out


def check_fixed_file(fixed: list[Bead], n_src: int, n_tgt: int, path: str | Path) -> None:
    """`check_fixed`, its error naming the file."""
    try:
        check_fixed(fixed, n_src, n_tgt)
    except AlignmentError as exc:
        raise InputError(str(exc), path) from None


def _marked(item: dict[str, object]) -> bool:
    return item.get("confirmed") is True or item.get("state") == "confirmed"


def _bead(item: object, k: int, path: str | Path) -> Bead:
    if not isinstance(item, dict):
        raise InputError(f'bead {k} is not an object with "src" and "tgt"', path)
    runs = []
    for key in ("src", "tgt"):
        run = item.get(key)
        if not isinstance(run, list) or not all(
            isinstance(p, int) and not isinstance(p, bool) for p in run
        ):
            raise InputError(f'bead {k}: "{key}" is not a list of paragraph numbers', path)
        runs.append(tuple(run))
    if not runs[0] and not runs[1]:
        raise InputError(f"bead {k} is empty", path)
    confidence = item.get("confidence", 1.0)
    if (isinstance(confidence, bool) or not isinstance(confidence, int | float)
            or not math.isfinite(confidence) or not 0.0 <= confidence <= 1.0):
        raise InputError(f'bead {k}: "confidence" is not a number from 0 to 1', path)
    return Bead(runs[0], runs[1], float(confidence), "confirmed")
