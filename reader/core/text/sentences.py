"""Sentence splitting for Arabic and English, with code-point offsets into the paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations whose final dot does not end a sentence (compared case-insensitively,
# without the dot). Multi-dot forms like "U.S." and single initials are handled by rule.
ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt",
        "maj", "cmdr", "adm", "gov", "sen", "rep", "pres", "rev", "hon", "mt", "ft",
        "no", "nos", "vol", "vols", "pp", "p", "fig", "ch", "sec", "art", "para",
        "inc", "ltd", "co", "corp", "bros", "dept", "univ", "assn",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "vs", "etc", "cf", "approx", "est", "al", "ca", "viz",
        # Arabic: د. (doctor), م. (engineer / AD), هـ. (Hijri year), ص. (page)
        "د", "م", "هـ", "ه", "ص", "ج",
    }
)
# Terminators: a run of them ends a sentence ("...", "?!" too), with any closing quotes or
# brackets after it. (The pattern starts with a character class so that the regex engine skips
# ahead to terminators instead of trying a match at every character.)
_TERMINATORS = ".!?؟؛…"
_CLOSERS = "\"'”’»)]}›"
_BOUNDARY = re.compile(
    r"[" + re.escape(_TERMINATORS) + r"]+[" + re.escape(_CLOSERS) + r"]*(?=\s|$)"
)
# "U.S.", "e.g.", "U.K." (letters and dots alternating)
_DOTTED = re.compile(r"(?:\w\.){2,}$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: `text` is `paragraph[start:end]`, without surrounding white space."""

    start: int
    end: int
    text: str


def _is_abbreviation(paragraph: str, dot: int) -> bool:
    """Whether the '.' at `dot` closes an abbreviation or an initial rather than a sentence."""
    # the word before the dot: a window is enough (abbreviations are short), and searching
    # from the paragraph's start would make long paragraphs quadratic
    words = paragraph[max(0, dot - 40) : dot + 1].split()
    if not words:
        return False
    token = words[-1]
    # strip opening punctuation before the word: ("Dr.  -> Dr.
    token = token.lstrip("\"'“‘«([{")
    if _DOTTED.search(token):
        return True
    word = token[:-1]
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. K. Rowling", "د. محمد"
    return word.casefold() in ABBREVIATIONS


def _next_visible(paragraph: str, pos: int) -> str:
    while pos < len(paragraph) and paragraph[pos].isspace():
        pos += 1
    return paragraph[pos] if pos < len(paragraph) else ""


def _make(paragraph: str, start: int, end: int) -> Sentence | None:
    while start < end and paragraph[start].isspace():
        start += 1
    while end > start and paragraph[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    return Sentence(start, end, paragraph[start:end])


def split_sentences(paragraph: str, lang: str = "en") -> list[Sentence]:
    """Split a paragraph into sentences; offsets are code points of `paragraph`.

    A sentence ends at . ! ? ؟ ؛ … (or "...") followed by white space, after any closing
    quotes. A dot does not end one after an abbreviation ("Dr.", "U.S.", "e.g."), an initial,
    or inside a number ("2.5": no white space follows). In English a terminator followed by
    a lower-case word ("Really?" he asked) does not end the sentence either; Arabic has no
    case, so there every terminator before white space does.
    """
    sentences: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(paragraph):
        run = m.group(0).rstrip(_CLOSERS)
        if run == "." and _is_abbreviation(paragraph, m.start()):
            continue
        if lang != "ar" and _next_visible(paragraph, m.end()).islower():
            continue
        sentence = _make(paragraph, start, m.end())
        if sentence is not None:
            sentences.append(sentence)
        start = m.end()
    last = _make(paragraph, start, len(paragraph))
    if last is not None:
        sentences.append(last)
    return sentences
