"""Key word in context: every occurrence of a label, family or free term, with its context."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from reader.core.arabic.normalise import fold_for_search, tokens
from reader.core.lens.documents import LensDocument
from reader.core.lens.families import Label, TermFamily
from reader.core.lens.matching import Matcher, Occurrence, find_occurrences

SortKey = Literal["left", "right", "doc"]
SORT_KEYS: tuple[SortKey, ...] = ("left", "right", "doc")
DEFAULT_CONTEXT = 60  # characters of context each side
FREE_TERM = "term"  # the family and label id of a free term's occurrences


@dataclass(frozen=True, slots=True)
class KwicLine:
    """One concordance line.

    `left` is the text BEFORE the match and `right` the text AFTER it, both in logical
    (reading) order, whatever the script: in an Arabic paragraph `left` is what a reader
    reads first, which a right-to-left display puts on the right of the match. Each is cut
    to the context width at a word boundary, within the paragraph.
    """

    document: str
    paragraph: int
    start: int  # code points of the paragraph's text
    end: int
    left: str
    match: str
    right: str
    family: str
    label: str
    form: str

    @property
    def occurrence(self) -> Occurrence:
        return Occurrence(self.document, self.paragraph, self.start, self.end, self.family,
                          self.label, self.form, self.match)


def free_term_family(term: str) -> TermFamily:
    """A one-label family holding `term` (in the list of its script), for a free search that
    matches as a family's form does (whole words, clitics, plurals)."""
    arabic = any("\u0600" <= c <= "\u06ff" for c in term)
    forms = (term,)
    label = Label(FREE_TERM, term, "a free search", forms if arabic else (),
                  () if arabic else forms)
    return TermFamily(FREE_TERM, term, "a free search", (label,))


def concordance(
    documents: Sequence[LensDocument],
    matcher: Matcher,
    *,
    family: str | None = None,
    label: str | None = None,
    context: int = DEFAULT_CONTEXT,
) -> list[KwicLine]:
    """The lines of `label` of `family` (every label of it with `label` None; everything the
    matcher finds with `family` None), in document and reading order.

    Every paragraph is searched, duplicates included: a concordance shows every place."""
    occurrences = find_occurrences(documents, matcher, all_paragraphs=True,
                                   families=None if family is None else {family})
    texts = {d.id: d.text for d in documents}
    return [
        kwic_line(texts[o.document].paragraphs[o.paragraph].text, o, context)
        for o in occurrences if label is None or o.label == label
    ]


def term_concordance(
    documents: Sequence[LensDocument], term: str, *, context: int = DEFAULT_CONTEXT
) -> list[KwicLine]:
    """The lines of a free term, matched as a form (see matching.py)."""
    return concordance(documents, Matcher([free_term_family(term)]), context=context)


def kwic_line(paragraph: str, occurrence: Occurrence, context: int) -> KwicLine:
    """The line of one occurrence in its paragraph's text."""
    o = occurrence
    left_start = max(0, o.start - context)
    if left_start > 0:  # start at a word: skip the part of a word the cut fell into
        space = paragraph.find(" ", left_start, o.start)
        left_start = space + 1 if space >= 0 else left_start
    right_end = min(len(paragraph), o.end + context)
    if right_end < len(paragraph):
        space = paragraph.rfind(" ", o.end, right_end)
        right_end = space if space > o.end else right_end
    left = " ".join(paragraph[left_start:o.start].split())
    right = " ".join(paragraph[o.end:right_end].split())
    return KwicLine(o.document, o.paragraph, o.start, o.end, left, paragraph[o.start:o.end],
                    right, o.family, o.label, o.form)


def _words(text: str) -> list[str]:
    folded = fold_for_search(text)[0]
    return [w for _, _, w in tokens(folded)]


def sort_lines(
    lines: Sequence[KwicLine], key: SortKey, documents: Sequence[str] = ()
) -> list[KwicLine]:
    """Lines sorted as concordancers do: `left` by the words before the match read backwards
    from it (the nearest word first), `right` by the words after it, `doc` by document (in
    the order of `documents`, ids else) and place. Words compare folded (no diacritics, no
    case); ties fall back on the match, then the document and place."""
    rank = {d: n for n, d in enumerate(documents)}

    def place(line: KwicLine) -> tuple[int, str, int, int]:
        return (rank.get(line.document, len(rank)), line.document, line.paragraph, line.start)

    if key == "doc":
        return sorted(lines, key=place)
    if key == "left":
        return sorted(lines, key=lambda ln: (_words(ln.left)[::-1], _words(ln.match),
                                             place(ln)))
    if key == "right":
        return sorted(lines, key=lambda ln: (_words(ln.right), _words(ln.match), place(ln)))
    raise ValueError(f"unknown sort key {key!r} (known: {', '.join(SORT_KEYS)})")
