"""Sentence splitting for Arabic and English, with code-point offsets into the paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

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
# brackets after it. (The pattern starts with a character class, written once before the rest
# of the run: only a pattern whose first item is a class, not a repeat of one, lets the regex
# engine skip ahead to terminators instead of trying a match at every character, ~40 % of the
# time of splitting a side.)
_TERMINATORS = ".!?؟؛…"
_CLOSERS = "\"'”’»)]}›"
_TERMINATOR = r"[" + re.escape(_TERMINATORS) + r"]"
_BOUNDARY = re.compile(
    _TERMINATOR + _TERMINATOR + r"*[" + re.escape(_CLOSERS) + r"]*(?=\s|$)"
)
# what may open a word before its abbreviation's dot: ("Dr.
_OPENERS = "\"'“‘«([{"
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
    words = paragraph[max(0, dot - 40) : dot + 1].rsplit(None, 1)
    if not words:
        return False
    token = words[-1]
    # strip opening punctuation before the word: ("Dr.  -> Dr.
    token = token.lstrip(_OPENERS)
    if token.count(".") >= 2 and _DOTTED.search(token):  # (a dotted form has two dots)
        return True
    word = token[:-1]
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. K. Rowling", "د. محمد"
    return word.casefold() in ABBREVIATIONS


def split_sentences(paragraph: str, lang: str = "en") -> list[Sentence]:
    """Split a paragraph into sentences; offsets are code points of `paragraph`.

    A sentence ends at . ! ? ؟ ؛ … (or "...") followed by white space, after any closing
    quotes. A dot does not end one after an abbreviation ("Dr.", "U.S.", "e.g."), an initial,
    or inside a number ("2.5": no white space follows). In English a terminator followed by
    a lower-case word ("Really?" he asked) does not end the sentence either; Arabic has no
    case, so there every terminator before white space does. (The last few paragraphs'
    sentences are kept: the aligner's sentence pass and divergence detection split the same
    paragraphs in turn. Each call returns a list of its own.)
    """
    key = (paragraph, lang)
    sentences = _recent.get(key)
    if sentences is None:
        sentences = _split(paragraph, lang)
        _keep(key, sentences)
    elif isinstance(sentences, tuple):  # kept as places (`sentence_places`, `keep_sentences`)
        places = iter(sentences)
        sentences = _recent[key] = [Sentence(a, b, paragraph[a:b])
                                    for a, b in zip(places, places, strict=True)]
    return list(sentences)


def sentence_places(paragraph: str, lang: str = "en") -> Sequence[int]:
    """Where `split_sentences` puts the paragraph's sentences, flat (start and end of each in
    turn): kept as places, so that `split_sentences` answers from them later without splitting
    again. (Not to be changed by the caller.)"""
    key = (paragraph, lang)
    kept = _recent.get(key)
    if kept is None:
        places = tuple(sentence_spans(paragraph, lang))
        _keep(key, places)
        return places
    if isinstance(kept, tuple):
        return kept
    return [place for s in kept for place in (s.start, s.end)]


def keep_sentences(paragraph: str, lang: str, spans: Iterable[tuple[int, int]]) -> None:
    """Remember that `paragraph`'s sentences are at `spans` (what `split_sentences` gave for it
    in another process): asked for later, they are made from their places, not split again."""
    keep_places(paragraph, lang, tuple(chain.from_iterable(spans)))


def keep_places(paragraph: str, lang: str, places: tuple[int, ...]) -> None:
    """`keep_sentences` with the sentences' places flat (start and end of each in turn)."""
    key = (paragraph, lang)
    if key not in _recent:
        _keep(key, places)


def _keep(key: tuple[str, str], sentences: list[Sentence] | tuple[int, ...]) -> None:
    global _recent_chars
    if _recent_chars + len(key[0]) > _RECENT_CHARS:
        _recent.clear()
        _recent_chars = 0
    _recent[key] = sentences
    _recent_chars += len(key[0])


# Paragraphs' sentences kept, up to this many characters of paragraphs (a large pair of texts
# fits; the sentences' texts are copies, so a 100 MB file must not be kept whole).
_RECENT_CHARS = 8_000_000
# (kept as sentences, or as their places: start and end of each in turn)
_recent: dict[tuple[str, str], list[Sentence] | tuple[int, ...]] = {}
_recent_chars = 0


def _split(paragraph: str, lang: str) -> list[Sentence]:
    spans = sentence_spans(paragraph, lang)
    return [Sentence(spans[k], spans[k + 1], paragraph[spans[k]:spans[k + 1]])
            for k in range(0, len(spans), 2)]


def sentence_spans(paragraph: str, lang: str = "en") -> list[int]:
    """Where `split_sentences` puts the paragraph's sentences, as one flat list: start and end
    of the first, of the second, ... (no sentence made: the sentence pass reads places only)."""
    # (tests/core/text/test_fast_sentences.py holds the code this replaces: per boundary it
    # took the run of terminators from the match and walked to the next visible character)
    spans: list[int] = []
    start = 0
    cased = lang != "ar"
    for m in (_BOUNDARY_CASED if cased else _BOUNDARY).finditer(paragraph):
        dot, end = m.span()
        # a run of terminators that is one dot (closers may follow it): an abbreviation's?
        if (paragraph[dot] == "." and (end == dot + 1 or paragraph[dot + 1] not in _TERMINATORS)
                and not (dot >= _LONG and _LONG_WORD.match(paragraph, dot - _LONG, dot))
                and _is_abbreviation(paragraph, dot)):
            continue
        # the first visible character after it (found by the pattern), lower case: no end
        if cased and m.group(1).islower():
            continue
        # the sentence without its white space at both ends, unless nothing is left
        # (`_append_span`, inline: a call per sentence was a fifth of the time)
        piece = paragraph[start:end]
        text = piece.strip()
        if text:
            first = start + piece.find(text[0])
            spans += (first, first + len(text))
        start = end
    _append_span(spans, paragraph, start, len(paragraph))
    return spans


# A dot after this many characters of one word (no white space, opening punctuation or dot
# among them) closes no abbreviation: it is longer than every one (a case fold never makes a
# word shorter), no initial, and no dotted form ("U.S.": a dot before its last letter). Most
# of a vocalised Arabic text's words are (their marks count).
_LONG = max(map(len, ABBREVIATIONS)) + 1
_LONG_WORD = re.compile("[^\\s." + re.escape(_OPENERS) + f"]{{{_LONG}}}")

# `_BOUNDARY`, and the first visible character after the match in group 1 ("" at the end):
# a look-ahead, so the match and where the next search starts are `_BOUNDARY`'s
_BOUNDARY_CASED = re.compile(_BOUNDARY.pattern + r"(?=\s*(\S?))")


def _append_span(spans: list[int], paragraph: str, start: int, end: int) -> None:
    """Add where `paragraph[start:end]` stands without its white space at both ends, unless
    nothing is left (str.strip drops exactly the characters str.isspace accepts)."""
    piece = paragraph[start:end]
    text = piece.strip()
    if text:
        # the white space before it ends where its first character first stands (a search
        # for one character, not a copy of the piece)
        first = start + piece.find(text[0])
        spans.append(first)
        spans.append(first + len(text))
