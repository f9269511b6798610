"""Links rendered for `reader link`: JSON for tools, TSV for spreadsheets, a table for people."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from reader.core.export.escaping import terminal_text, tsv_cell
from reader.core.link.records import PassageLink
from reader.core.text.bidi_display import display_lines
from reader.core.text.document import Text

EXCERPT_CHARS = 160
FORMATS = ("json", "table", "tsv")


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The start of a paragraph on one line, cut at a word, with … when cut."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return flat[: cut if cut > limit // 2 else limit].rstrip() + "…"


def _document(doc: Text) -> dict[str, Any]:
    return {"path": str(doc.path) if doc.path else None, "language": doc.language,
            "paragraphs": len(doc)}


def links_json(doc_a: Text, doc_b: Text, links: Sequence[PassageLink], threshold: float
               ) -> dict[str, Any]:
    """The JSON object of `reader link --format json` (0-based paragraph indices)."""
    return {
        "a": _document(doc_a),
        "b": _document(doc_b),
        "threshold": threshold,
        "links": [
            {
                "a": k.a,
                "b": k.b,
                "score": k.score,
                "evidence": [
                    {"kind": e.kind, "key": e.key, "a": e.a_text, "b": e.b_text,
                     "weight": e.weight, "a_span": list(e.a_span), "b_span": list(e.b_span)}
                    for e in k.evidence
                ],
                "a_excerpt": excerpt(doc_a.paragraphs[k.a].text),
                "b_excerpt": excerpt(doc_b.paragraphs[k.b].text),
            }
            for k in links
        ],
    }


def render_json(doc_a: Text, doc_b: Text, links: Sequence[PassageLink], threshold: float) -> str:
    return json.dumps(links_json(doc_a, doc_b, links, threshold), ensure_ascii=False,
                      indent=1) + "\n"


def evidence_summary(link: PassageLink, most: int = 6) -> str:
    """The heaviest evidence as `a-word = b-word` pairs (a word shared as written once)."""
    parts = [e.a_text if e.a_text == e.b_text else f"{e.a_text} = {e.b_text}"
             for e in link.evidence[:most]]
    more = len(link.evidence) - most
    return "; ".join(parts) + (f" (+{more})" if more > 0 else "")


def render_tsv(doc_a: Text, doc_b: Text, links: Sequence[PassageLink]) -> str:
    """One link a line; paragraph numbers from 1, as people count them."""
    out = ["a_paragraph\tb_paragraph\tscore\tevidence\ta_text\tb_text\n"]
    for k in links:
        out.append(f"{k.a + 1}\t{k.b + 1}\t{k.score:.3f}\t{tsv_cell(evidence_summary(k))}\t"
                   f"{tsv_cell(excerpt(doc_a.paragraphs[k.a].text))}\t"
                   f"{tsv_cell(excerpt(doc_b.paragraphs[k.b].text))}\n")
    return "".join(out)


def render_table(doc_a: Text, doc_b: Text, links: Sequence[PassageLink], width: int = 100,
                 logical: bool = False) -> str:
    """Each link: the paragraphs (from 1) and score, the evidence, and both excerpts wrapped;
    Arabic shaped and reordered for the terminal unless `logical`, every text from a file
    through terminal_text."""
    out = [f"{terminal_text(doc_a.name)} ({terminal_text(doc_a.language)}, {len(doc_a)} "
           f"paragraphs) ~ {terminal_text(doc_b.name)} ({terminal_text(doc_b.language)}, "
           f"{len(doc_b)} paragraphs): {len(links)} links\n"]
    body = max(20, width - 4)
    for k in links:
        out.append(f"\na {k.a + 1} ~ b {k.b + 1}  score {k.score:.2f}\n")
        # the evidence is a list read left to right; each excerpt in its text's direction
        for label, text, base in (
            ("by", evidence_summary(k), "L"),
            ("a", excerpt(doc_a.paragraphs[k.a].text), "R" if doc_a.direction == "rtl" else "L"),
            ("b", excerpt(doc_b.paragraphs[k.b].text), "R" if doc_b.direction == "rtl" else "L"),
        ):
            lines = display_lines(terminal_text(text), body - len(label) - 2, logical, base)
            out.append(f"  {label}: {lines[0]}\n")
            out.extend(f"  {' ' * len(label)}  {line}\n" for line in lines[1:])
    return "".join(out)
