"""Rows of the workspace's tables to and from the core's records."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from reader.core.align.beads import Bead
from reader.core.annotate.annotations import Annotation, SpanRef, Status, TagRef
from reader.core.text.document import Text

ANNOTATION_COLUMNS = (
    'id, side, paragraph, start, "end", abs_start, abs_end, quote, prefix, suffix, comment, '
    "severity, author, created, modified, status, link"
)


def insert_document(
    conn: sqlite3.Connection, side: str, text: Text, *, replace: bool = False
) -> None:
    values = {
        "path": str(text.path.resolve()) if text.path else None,
        "name": text.path.name if text.path else f"{side}.txt",
        "sha256": text.sha256,
        "language": text.language,
        "encoding": text.encoding,
        "blocks": int(split_in_blocks(text)),
        "paragraphs": len(text.paragraphs),
        "content": text.content,
    }
    if replace:
        # UPDATE, not DELETE + INSERT: the annotations' foreign keys point at this row.
        assignments = ", ".join(f"{k} = ?" for k in values)
        conn.execute(
            f"UPDATE documents SET {assignments} WHERE side = ?", [*values.values(), side]
        )
    else:
        columns = ", ".join(["side", *values])
        marks = ", ".join("?" * (len(values) + 1))
        conn.execute(
            f"INSERT INTO documents ({columns}) VALUES ({marks})", [side, *values.values()]
        )


def split_in_blocks(text: Text) -> bool:
    """Whether `text` was split in blank-line blocks (a paragraph spans a line end)."""
    return any("\n" in p.text for p in text.paragraphs)


def insert_beads(conn: sqlite3.Connection, beads: Sequence[Bead], first: int = 0) -> None:
    """Store beads[first:] at their positions, with their states (none stored there yet)."""
    conn.executemany(
        "INSERT INTO beads (position, src_start, src_count, tgt_start, tgt_count, confidence, "
        "state) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                k,
                b.src[0] if b.src else _run_start(beads, k, "src"),
                len(b.src),
                b.tgt[0] if b.tgt else _run_start(beads, k, "tgt"),
                len(b.tgt),
                float(b.confidence),
                b.state,
            )
            for k, b in enumerate(beads[first:], first)
        ],
    )


def bead_from_row(row: tuple) -> Bead:
    """A bead from (src_start, src_count, tgt_start, tgt_count, confidence, state)."""
    s, sc, t, tc, confidence, state = row
    return Bead(tuple(range(s, s + sc)), tuple(range(t, t + tc)), confidence, state)


def _run_start(beads: Sequence[Bead], k: int, attr: str) -> int:
    """Where an empty side of bead k would start: after the last paragraph before it."""
    for b in reversed(beads[:k]):
        run: tuple[int, ...] = getattr(b, attr)
        if run:
            return run[-1] + 1
    return 0


def _span_json(span: SpanRef) -> str:
    return json.dumps(
        {
            "side": span.side, "paragraph": span.paragraph, "start": span.start,
            "end": span.end, "abs_start": span.abs_start, "abs_end": span.abs_end,
            "quote": span.quote, "prefix": span.prefix, "suffix": span.suffix,
        },
        ensure_ascii=False,
    )


def insert_annotation(conn: sqlite3.Connection, r: Annotation) -> None:
    conn.execute(
        f"INSERT INTO annotations ({ANNOTATION_COLUMNS}) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            r.id, r.side, r.paragraph, r.start, r.end, r.abs_start, r.abs_end, r.quote,
            r.prefix, r.suffix, r.comment, r.severity, r.author, r.created, r.modified,
            str(r.status), _span_json(r.link) if r.link else None,
        ),
    )
    conn.executemany(
        "INSERT INTO annotation_tags (annotation_id, position, codebook, tag) VALUES (?, ?, ?, ?)",
        [(r.id, n, t.codebook, t.tag) for n, t in enumerate(r.tags)],
    )


def annotation_from_row(row: tuple, tags: tuple[TagRef, ...]) -> Annotation:
    link = None
    if row[16]:
        d = json.loads(row[16])
        link = SpanRef(
            d["side"], d["paragraph"], d["start"], d["end"], d["abs_start"], d["abs_end"],
            d["quote"], d.get("prefix", ""), d.get("suffix", ""),
        )
    return Annotation(
        id=row[0], side=row[1], paragraph=row[2], start=row[3], end=row[4], abs_start=row[5],
        abs_end=row[6], quote=row[7], prefix=row[8], suffix=row[9], comment=row[10],
        severity=row[11], author=row[12], created=row[13], modified=row[14],
        status=Status(row[15]), tags=tags, link=link,
    )
