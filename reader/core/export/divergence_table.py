"""The divergences of a report as a table for people at a terminal (`reader diverge`)."""

from __future__ import annotations

from reader.core.diverge.records import Divergence
from reader.core.export.escaping import terminal_text
from reader.core.export.report import Report
from reader.core.text.bidi_display import display_lines, display_width, pad


def paragraph_label(d: Divergence) -> str:
    """Paragraph numbers as people count them (from 1), runs shortened: 5-8."""
    if not d.paragraphs:
        return ""
    numbers = [i + 1 for i in d.paragraphs]
    if numbers == list(range(numbers[0], numbers[-1] + 1)) and len(numbers) > 1:
        body = f"{numbers[0]}-{numbers[-1]}"
    else:
        body = ",".join(str(n) for n in numbers)
    return f"{'src' if d.side == 'source' else 'tgt'} {body}"


def render_table(report: Report, width: int = 100, logical: bool = False) -> str:
    """One row per divergence, its label in `kind`, the explanation wrapped in the last column;
    Arabic shaped and reordered for the terminal unless `logical`. Every text from a file
    goes through terminal_text: no control character or escape sequence reaches the
    terminal raw."""
    source, target = report.source, report.target
    src_name, tgt_name = terminal_text(source.name), terminal_text(target.name)
    out = [
        f"{src_name} ({terminal_text(source.language)}, {len(source)} paragraphs) -> "
        f"{tgt_name} ({terminal_text(target.language)}, {len(target)} paragraphs): "
        f"{len(report.divergences)} divergences\n"
    ]
    if not report.divergences:
        return "".join(out)
    headers = ("#", "kind", "severity", "where", "detail")
    rows = [
        (str(n), terminal_text(report.labels.kind(r.divergence.kind)),
         str(r.divergence.severity), paragraph_label(r.divergence),
         terminal_text(r.divergence.detail))
        for n, r in enumerate(report.divergences, 1)
    ]
    widths = [max(display_width(r[k]) for r in [headers, *rows]) for k in range(4)]
    detail_width = max(20, width - sum(widths) - 2 * 4 - 1)
    out.append("  ".join(pad(h, w) for h, w in zip(headers[:4], widths, strict=True)))
    out.append("  detail\n")
    out.append("  ".join("-" * w for w in widths) + "  " + "-" * min(detail_width, 40) + "\n")
    indent = " " * (sum(widths) + 2 * 4)
    for row in rows:
        # explanations are English sentences that may quote Arabic: left to right
        lines = display_lines(row[4], detail_width, logical, base_dir="L")
        first = "  ".join(pad(c, w) for c, w in zip(row[:4], widths, strict=True))
        out.append(f"{first}  {lines[0]}\n")
        out.extend(f"{indent}{line}\n" for line in lines[1:])
    return "".join(out)
