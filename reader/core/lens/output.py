"""The lens's tables for people (terminal), and as CSV and JSON for tools."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from reader.core.export.csv_export import csv_table
from reader.core.export.escaping import terminal_text
from reader.core.export.tables import Row
from reader.core.lens.concord import KwicLine
from reader.core.lens.counts import LensCounts
from reader.core.lens.families import TermFamily
from reader.core.lens.matching import Occurrence
from reader.core.lens.shifts import ShiftRow
from reader.core.text.bidi_display import display_width, has_rtl, pad, to_display

FORMATS = ("table", "csv", "json")


def _label_names(families: Sequence[TermFamily]) -> dict[tuple[str, str | None], str]:
    names: dict[tuple[str, str | None], str] = {}
    for f in families:
        names[(f.id, None)] = f"{f.name} (all)"
        for label in f.labels:
            names[(f.id, label.id)] = label.name
    return names


def _rate(value: float) -> float:
    return round(value, 3)


# --- counts -----------------------------------------------------------------------------------

COUNT_COLUMNS = ("document", "language", "words", "family", "label", "label_name", "count",
                 "per_1000_words")
# the label's name comes from a family file a person wrote; ids are checked by the format
COUNT_FREE = (False, False, False, False, False, True, False, False)


def counts_csv(counts: LensCounts) -> str:
    """One row per document, family and label (label empty: the family's total)."""
    names = _label_names(counts.families)
    lang = {d.id: d.language for d in counts.documents}
    rows: list[Row] = [[r.document, lang[r.document], r.words, r.family, r.label or "",
                        names[(r.family, r.label)], r.count, _rate(r.per_thousand)]
                       for r in counts.rows]
    return csv_table(COUNT_COLUMNS, rows, COUNT_FREE, "\n")


def counts_json(counts: LensCounts) -> str:
    data = {
        "documents": [{"id": d.id, "title": d.title, "language": d.language, "role": d.role,
                       "words": counts.words[d.id]} for d in counts.documents],
        "families": [{"id": f.id, "name": f.name,
                      "labels": [{"id": lab.id, "name": lab.name} for lab in f.labels]}
                     for f in counts.families],
        "counts": [{"document": r.document, "family": r.family, "label": r.label,
                    "count": r.count, "per_1000_words": _rate(r.per_thousand)}
                   for r in counts.rows],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def counts_table(counts: LensCounts) -> str:
    """Per family, a row per label and a column per document: count and rate per 1,000 words
    ("12 5.1"); the documents are numbered D1, D2 … in a legend above."""
    docs = counts.documents
    out = ["documents (count, then per 1,000 words):"]
    for n, d in enumerate(docs, 1):
        out.append(f"  D{n}  {terminal_text(d.id)} ({d.language}, {counts.words[d.id]:,} words)")
    for family in counts.families:
        out.append("")
        out.append(terminal_text(family.name))
        rows: list[tuple[str, str | None]] = [(terminal_text(label.name), label.id)
                                              for label in family.labels]
        rows.append(("all", None))
        cells = [[f"{counts.row(d.id, family.id, lid).count} "
                  f"{counts.row(d.id, family.id, lid).per_thousand:.1f}" for d in docs]
                 for _, lid in rows]
        first = max(display_width(name) for name, _ in rows)
        widths = [max(len(f"D{n}"), *(len(c[n - 1]) for c in cells))
                  for n in range(1, len(docs) + 1)]
        out.append("  ".join([pad("", first), *(f"D{n}".rjust(w) for n, w in
                                                 zip(range(1, len(docs) + 1), widths,
                                                     strict=True))]).rstrip())
        for (name, _), row in zip(rows, cells, strict=True):
            out.append("  ".join([pad(name, first),
                                  *(c.rjust(w) for c, w in zip(row, widths, strict=True))]))
    return "\n".join(out) + "\n"


# --- concordance ------------------------------------------------------------------------------

KWIC_COLUMNS = ("document", "paragraph", "start", "end", "left", "match", "right", "family",
                "label", "form")
KWIC_FREE = (False, False, False, False, True, True, True, False, False, True)


def kwic_csv(lines: Sequence[KwicLine]) -> str:
    """One row per line; paragraphs counted from 1, offsets in code points of the paragraph."""
    rows: list[Row] = [[ln.document, ln.paragraph + 1, ln.start, ln.end, ln.left, ln.match,
                        ln.right, ln.family, ln.label, ln.form] for ln in lines]
    return csv_table(KWIC_COLUMNS, rows, KWIC_FREE, "\n")


def kwic_json(lines: Sequence[KwicLine]) -> str:
    """Lines as JSON objects; `paragraph` is the 0-based index, as in `reader align`'s JSON."""
    data = [{"document": ln.document, "paragraph": ln.paragraph, "start": ln.start,
             "end": ln.end, "left": ln.left, "match": ln.match, "right": ln.right,
             "family": ln.family, "label": ln.label, "form": ln.form} for ln in lines]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _tail(text: str, width: int) -> str:
    """The last `width` columns of a display string."""
    while display_width(text) > width:
        text = text[1:]
    return text


def _head(text: str, width: int) -> str:
    while display_width(text) > width:
        text = text[:-1]
    return text


def kwic_table(lines: Sequence[KwicLine], *, width: int = 40, logical: bool = False) -> str:
    """A line per occurrence, the matches in one column: `where  before [match] after`.

    Arabic lines are shaped and laid out right to left (unless `logical`): the text before
    the match then stands on its right, as a reader of Arabic expects."""
    out: list[str] = []
    wheres = [f"{terminal_text(ln.document)}:{ln.paragraph + 1}" for ln in lines]
    first = max((display_width(w) for w in wheres), default=0)
    for where, ln in zip(wheres, lines, strict=True):
        left, match, right = (terminal_text(ln.left), terminal_text(ln.match),
                              terminal_text(ln.right))
        rtl = has_rtl(ln.match) and not logical
        if rtl:
            # visual order: after-context, match, before-context
            before = _tail(to_display(right, base_dir="R"), width)
            after = _head(to_display(left, base_dir="R"), width)
            match = to_display(match, base_dir="R")
        else:
            before, after = _tail(to_display(left, logical), width), _head(
                to_display(right, logical), width)
        out.append(f"{pad(where, first)}  {' ' * (width - display_width(before))}{before} "
                   f"[{match}] {after}".rstrip())
    return "\n".join(out) + ("\n" if out else "")


# --- shifts -----------------------------------------------------------------------------------

SHIFT_COLUMNS = ("family", "label", "form", "counterpart_label", "counterpart_form", "count",
                 "changed", "beads")
SHIFT_FREE = (False, False, True, False, True, False, False, False)


def shifts_csv(rows: Sequence[ShiftRow]) -> str:
    """One row per (label, form) → (counterpart label, form); beads counted from 1, space
    separated; an empty counterpart: the counterpart bead has no label of the family for it."""
    table: list[Row] = [[r.family, r.label, r.form, r.counterpart_label or "",
                         r.counterpart_form or "", r.count, "yes" if r.changed else "no",
                         " ".join(str(b + 1) for b in r.beads)] for r in rows]
    return csv_table(SHIFT_COLUMNS, table, SHIFT_FREE, "\n")


def _occurrence_json(o: Occurrence | None) -> dict[str, Any] | None:
    if o is None:
        return None
    return {"paragraph": o.paragraph, "start": o.start, "end": o.end, "label": o.label,
            "form": o.form, "text": o.text}


def shifts_json(rows: Sequence[ShiftRow], *, side: str = "source") -> str:
    """Rows with every pairing behind them (0-based bead and paragraph indices)."""
    data = {"side": side, "rows": [
        {"family": r.family, "label": r.label, "form": r.form,
         "counterpart_label": r.counterpart_label, "counterpart_form": r.counterpart_form,
         "count": r.count, "changed": r.changed,
         "pairings": [{"bead": p.bead, "occurrence": _occurrence_json(p.occurrence),
                       "counterpart": _occurrence_json(p.counterpart)} for p in r.pairings]}
        for r in rows]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def shifts_table(rows: Sequence[ShiftRow], families: Sequence[TermFamily], *,
                 logical: bool = False) -> str:
    """`label «form» → counterpart label «form»  N×  beads`, by family; * marks a change."""
    names = _label_names(families)
    fam_names = {f.id: f.name for f in families}
    out: list[str] = []
    family = None
    for r in rows:
        if r.family != family:
            family = r.family
            out.append(("" if not out else "\n") + terminal_text(fam_names.get(family, family)))
        ours = f"{names.get((r.family, r.label), r.label)} «{r.form}»"
        theirs = ("none" if r.counterpart_label is None else
                  f"{names.get((r.family, r.counterpart_label), r.counterpart_label)} "
                  f"«{r.counterpart_form}»")
        beads = ",".join(str(b + 1) for b in r.beads)
        line = (f"{'*' if r.changed else ' '} {to_display(terminal_text(ours), logical, 'L')} → "
                f"{to_display(terminal_text(theirs), logical, 'L')}  {r.count}×  beads {beads}")
        out.append(line)
    return "\n".join(out) + ("\n" if out else "")
