"""Turn a markdown or plain-text source file into one paragraph a line (tests/data/real/)."""

# Minimal conversion, so that what the aligner reads is the published text:
# - a front matter block (`---` or `+++` fenced, at the top) is dropped, except its `title:` line;
# - `--plain`: everything up to the first line holding only `---` is a header and is dropped
#   (the UDHR in Unicode text files), every line is a paragraph, indentation is stripped;
# - otherwise (markdown) blank lines separate blocks; inside a block a line starting a heading,
#   a list item, a quote, an HTML tag, an image or a link definition starts a paragraph of its
#   own and any other line continues the paragraph before it (joined with one space), unless
#   that is a heading (a heading is one line); a fenced
#   code block is one paragraph, its lines joined with one space.
# Markdown markers (`#`, `*`, `1.`, `>`) are kept: they are structure a reader sees.
# - `--markup-lines` (markdown only): a line holding nothing but HTML tags (`<p dir="rtl">`,
#   `</p>`) or a thematic break (`-----`) is markup with no text a reader sees, and ends the
#   paragraph like a blank line (the OONI report's Arabic wraps every paragraph in `<p dir=...>`
#   lines, its English has rules around a note); tags inside a line of text are kept.
# - `--ftl PREFIX`: a Fluent file (mozilla.org's translations): each message whose id starts
#   with PREFIX is a paragraph, its value as written (an indented continuation line joined with
#   one space, `{ -brand-name-mozilla }` term references kept); comments, blank lines and the
#   other messages (the page's buttons and links) are dropped. The messages of a page's text
#   come in the page's order in these files.

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

_STARTS = re.compile(r"^(#{1,6}\s|[*+-]\s|\d+[.)]\s|>|<|!\[|\[[^\]]+\]:\s)")
_MARKUP = re.compile(r"^\s*((<[^<>]*>\s*)+|([-*_])(\s*\3){2,}\s*)$")


def _front_matter(lines: list[str]) -> list[str]:
    if not lines or lines[0].strip() not in ("---", "+++"):
        return lines
    fence = lines[0].strip()
    for k in range(1, len(lines)):
        if lines[k].strip() == fence:
            kept = [ln for ln in lines[1:k] if ln.startswith("title:")]
            return [*kept, "", *lines[k + 1 :]]
    return lines


def plain(text: str) -> list[str]:
    lines = text.splitlines()
    if "---" in (ln.strip() for ln in lines):
        lines = lines[[ln.strip() for ln in lines].index("---") + 1 :]
    return [ln.strip() for ln in lines if ln.strip()]


def ftl(text: str, prefix: str) -> list[str]:
    out: list[str] = []
    keep = False
    for raw in text.splitlines():
        if raw[:1] in (" ", "\t") and raw.strip() and keep:
            out[-1] = f"{out[-1]} {raw.strip()}"
            continue
        keep = False
        ident, eq, value = raw.partition("=")
        if eq and not raw.startswith("#") and ident.strip().startswith(prefix):
            out.append(value.strip())
            keep = True
    return [ln for ln in out if ln]


def markdown(text: str, markup_lines: bool = False) -> list[str]:
    out: list[str] = []
    open_paragraph = False
    code: list[str] | None = None
    for raw in _front_matter(text.splitlines()):
        line = raw.rstrip()
        if code is not None:
            code.append(line.strip())
            if line.strip().startswith("```"):
                out.append(" ".join(x for x in code if x))
                code = None
            continue
        if line.strip().startswith("```"):
            code = [line.strip()]
            open_paragraph = False
            continue
        if not line.strip() or (markup_lines and _MARKUP.match(line)):
            open_paragraph = False
            continue
        if open_paragraph and not _STARTS.match(line.strip()):
            out[-1] = f"{out[-1]} {line.strip()}"
            continue
        out.append(line.strip())
        # a heading is one line: the line after it starts a paragraph
        open_paragraph = not line.strip().startswith("#")
    if code is not None:
        out.append(" ".join(x for x in code if x))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("source", type=Path)
    ap.add_argument("--plain", action="store_true")
    ap.add_argument("--markup-lines", action="store_true")
    ap.add_argument("--ftl", metavar="PREFIX")
    args = ap.parse_args()
    text = args.source.read_text(encoding="utf-8")
    if args.ftl:
        lines = ftl(text, args.ftl)
    else:
        lines = plain(text) if args.plain else markdown(text, args.markup_lines)
    sys.stdout.write("".join(f"{ln}\n" for ln in lines))


if __name__ == "__main__":
    main()
