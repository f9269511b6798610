"""`paragraph_features` of a whole side at once: its words found, placed and stemmed in bulk."""

# `paragraph_features` walks each paragraph's words one match at a time (a match object, a
# dict look-up and three appends per word: ~1.5 µs a word, 110,000 words a side on the bench's
# `large`). Here the paragraphs of a run are joined one a line and read at once: the words by
# one `findall`, their places from numpy arrays of the code points (a word is a run of the
# pattern's characters, or, in English, two runs across an apostrophe), each distinct word's
# stem once, and each paragraph's lists cut out of the run's by slicing. Paragraphs this
# cannot read the same way (Arabic presentation forms: normalising expands them) take
# `paragraph_features`. tests/core/anchors/test_side_features.py compares the two.

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from reader.core.anchors.features import (
    _ADDRESS_PARTS,
    _AR_WORD,
    _EN_WORD,
    _PLAIN_STEMMER,
    Anchors,
    Features,
    _content_stems,
    _english_content_word,
    _has_latin,
    find_anchors,
    mask_spans,
    paragraph_features,
    placed_keys,
)
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.side_words import SideWords
from reader.core.anchors.words import stopwords
from reader.core.arabic.normalise import _KEPT, _NORMALIZE_CODES, _PRESENTATION, normalize
from reader.core.arabic.stemmer import Stemmer
from reader.core.errors import Cancelled

# A run of paragraphs read at once: bounded in characters (a 100 MB text is not held four
# bytes a character at once) and in paragraphs (how often `cancelled` is asked).
_RUN_CHARS = 1 << 17
_RUN_PARAGRAPHS = 2048


def side_paragraph_features(
    texts: Sequence[str],
    lang: str,
    glossary: Glossary | None,
    anchors: Sequence[Anchors] | None = None,
    stemmer: Stemmer | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Features]:
    """`paragraph_features(texts[i], lang, glossary, anchors[i], stemmer)` of every paragraph."""
    return _side(texts, lang, glossary, anchors, stemmer, cancelled, None)


def side_paragraph_words(
    texts: Sequence[str],
    lang: str,
    glossary: Glossary | None,
    anchors: Sequence[Anchors] | None = None,
    stemmer: Stemmer | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[Features], SideWords | None]:
    """`side_paragraph_features`, and the side's words numbered as they were read
    (`SideWords`; None when a paragraph was read alone: Arabic presentation forms)."""
    words = SideWords({} if lang == "ar" else None)
    out = _side(texts, lang, glossary, anchors, stemmer, cancelled, words)
    return out, words if words.whole else None


def _side(
    texts: Sequence[str],
    lang: str,
    glossary: Glossary | None,
    anchors: Sequence[Anchors] | None,
    stemmer: Stemmer | None,
    cancelled: Callable[[], bool] | None,
    words: SideWords | None,
) -> list[Features]:
    out: list[Features] = []
    start = 0
    while start < len(texts):
        if cancelled is not None and cancelled():
            raise Cancelled()
        end, chars = start, 0
        while end < len(texts) and end - start < _RUN_PARAGRAPHS and (
                end == start or chars + len(texts[end]) <= _RUN_CHARS):
            chars += len(texts[end]) + 1
            end += 1
        run = list(texts[start:end])
        found = (list(anchors[start:end]) if anchors is not None
                 else [find_anchors(t, lang, glossary) for t in run])
        if lang == "ar":
            out += _arabic_run(run, found, stemmer if stemmer is not None else _PLAIN_STEMMER,
                               words)
        else:
            out += _english_run(run, found, words)
        start = end
    return out


def _masked(texts: list[str], anchors: list[Anchors]) -> list[str]:
    """Each paragraph with its glossary terms blanked, as `paragraph_features` reads it."""
    return [mask_spans(t, [(m.start, m.end) for m in a.terms]) if a.terms else t
            for t, a in zip(texts, anchors, strict=True)]


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _starts_of(lines: list[str]) -> np.ndarray:
    """Where each of `lines` starts in them joined by one separator (not found by looking for
    it: a paragraph may hold a line break)."""
    lengths = np.fromiter(map(len, lines), dtype=np.int64, count=len(lines))
    starts = np.zeros(len(lengths), dtype=np.int64)
    np.cumsum(lengths[:-1] + 1, out=starts[1:])
    return starts


def _features(
    texts: list[str], anchors: list[Anchors], lengths: list[int], words: _Words,
    offsets: list[int],
) -> list[Features]:
    """Each paragraph's features cut out of its run's (`words`, `offsets`)."""
    out = []
    stems, forms, names = words.stems, words.forms, words.names
    bounds, name_bounds = words.bounds, words.name_bounds
    for i, a in enumerate(anchors):
        lo, hi = bounds[i], bounds[i + 1]
        f = Features(lengths[i], stems[lo:hi], [], names[name_bounds[i]:name_bounds[i + 1]],
                     forms[lo:hi], offsets[lo:hi], [])
        if (a.numbers or a.dates or a.terms or a.handles or a.hashtags or a.urls):
            f.keys, f.key_offsets = placed_keys(a, texts[i])
        out.append(f)
    return out


@dataclass(slots=True)
class _Words:
    """A run's content words: their stems, forms and places (`at`), the names among them, and
    where each paragraph's start in those lists (n + 1 entries each)."""

    stems: list[str]
    forms: list[str]
    at: np.ndarray
    bounds: list[int]
    names: list[str]
    name_bounds: list[int]


def _content(
    words: list[str], starts: np.ndarray, line_starts: np.ndarray,
    describe: Callable[[list[str]], tuple[list[str], list[str], list[str | None]]],
    distinct: list[str] | None = None,
    side: SideWords | None = None,
    ordered: int | None = None,
) -> _Words:
    """The content words of a run from its words (`starts`: where each stands), described
    once per distinct word: its stem ("" leaves it out), its form, and its name or None
    (`distinct`: the distinct words, if the caller has them, the first `ordered` of them in
    the order each first occurs, all by default), added to `side`."""
    if distinct is None:
        distinct = list(dict.fromkeys(words))
    index = dict(zip(distinct, range(len(distinct)), strict=False))
    ids = np.fromiter(map(index.__getitem__, words), dtype=np.int64, count=len(words))
    stems, forms, names = describe(distinct)
    columns = np.empty((3, len(distinct)), dtype=object)
    columns[0], columns[1], columns[2] = stems, forms, names
    content = np.fromiter(map(bool, stems), dtype=bool, count=len(distinct))
    keep = content.take(ids)
    kept = ids[keep]
    if side is not None:
        side.add(columns[0], columns[1], content, kept,
                 len(distinct) if ordered is None else ordered)
    named = np.fromiter((n is not None for n in names), dtype=bool, count=len(distinct)
                        ).take(kept)
    at = starts[keep]
    bounds = [*np.searchsorted(at, line_starts).tolist(), len(kept)]
    name_bounds = np.concatenate(([0], np.cumsum(named)))
    return _Words(columns[0].take(kept).tolist(), columns[1].take(kept).tolist(), at, bounds,
                  columns[2].take(kept[named]).tolist(), name_bounds[bounds].tolist())


def _visible_lengths(codes: np.ndarray, line_starts: np.ndarray) -> list[int]:
    """The characters of each line but white space (`features._visible_length` of each)."""
    space_before = np.concatenate(([0], np.cumsum(_in_table(codes, _SPACE))))
    ends = np.append(line_starts[1:] - 1, len(codes))
    return ((ends - line_starts) - (space_before[ends] - space_before[line_starts])).tolist()


# --- Arabic -----------------------------------------------------------------------------------

# The characters of `features._AR_WORD`, and white space as `str.split` reads it (code points
# past the table are neither)
_AR_LETTER = np.zeros(0x06D5, dtype=bool)
for _lo, _hi in ((0x0621, 0x063A), (0x0641, 0x064A), (0x0671, 0x06D3)):
    _AR_LETTER[_lo:_hi + 1] = True
SPACES = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
          "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_SPACE = np.zeros(0x3002, dtype=bool)
_SPACE[[ord(c) for c in SPACES]] = True


def _in_table(codes: np.ndarray, table: np.ndarray) -> np.ndarray:
    """table[code] for each code: the table's last entry (False) for those past its end."""
    return table.take(np.minimum(codes, len(table) - 1))


def arabic_words(text: str) -> list[str]:
    """The Arabic words of `text` normalized, in order: `features._AR_WORD.findall(normalize(
    text))`, read as `_arabic_run` reads them (a third of the time of the pattern's scan: a
    second process reads a long side's words ahead, align.one_side.file_word_parts)."""
    raw = _codes(text)
    if _presentation(raw):  # (normalising expands them: the pattern's)
        return _AR_WORD.findall(normalize(text))
    codes = _NORMALIZE_CODES.take(raw.take(_KEPT.take(raw).nonzero()[0]))
    return _words_at(codes, _in_table(codes, _AR_LETTER))


def _presentation(codes: np.ndarray) -> bool:
    """Whether the code points hold a presentation form (`normalise._PRESENTATION`'s search,
    a fifth of its time on a long text)."""
    return bool(((codes - _FIRST_PRESENTATION) <= _PRESENTATION_SPAN).any())


# (`_PRESENTATION`'s range: code points below it wrap around past it, as unsigned)
_FIRST_PRESENTATION = np.uint32(0xFB50)
_PRESENTATION_SPAN = np.uint32(0xFEFF - 0xFB50)


def _arabic_run(texts: list[str], anchors: list[Anchors], stemmer: Stemmer,
                side: SideWords | None = None) -> list[Features]:
    """`paragraph_features` of a run of Arabic paragraphs."""
    masked = _masked(texts, anchors)
    joined = "\n".join(masked)
    raw = _codes(joined)
    if _presentation(raw):  # those paragraphs alone, as before
        if side is not None:
            side.whole = False
        slow = [_PRESENTATION.search(m) is not None for m in masked]
        return _mixed(texts, anchors, slow, lambda t, a: _arabic_run(t, a, stemmer),
                      lambda t, a: paragraph_features(t, "ar", None, a, stemmer))
    # normalize_with_offsets of the whole run (each character maps or drops alone)
    kept = _KEPT.take(raw).nonzero()[0]
    codes = _NORMALIZE_CODES.take(raw.take(kept))
    line_starts = _starts_of(masked)
    norm_starts = np.searchsorted(kept, line_starts)  # (the separators are kept)
    letter = _in_table(codes, _AR_LETTER)
    first = letter.copy()
    first[1:] &= ~letter[:-1]
    words = _words_at(codes, letter)
    starts = first.nonzero()[0]
    if len(words) != len(starts):  # (cannot be: both are the runs of `letter`)
        raise AssertionError("Arabic words and their places disagree")
    starts = kept.take(starts)  # in the paragraphs as written
    stems = _content_stems(stemmer)
    # (the distinct words, which `_content` reads too: the words not stemmed yet among them,
    # not among every word again)
    distinct = list(dict.fromkeys(words))
    new = [w for w in distinct if w not in stems]
    stops = stopwords("ar")
    # `_arabic_content_stem` of each: a stopword or a single letter has none, nor a word whose
    # stem is a stopword
    content = [w for w in new if len(w) >= 2 and w not in stops]
    stems.update(dict.fromkeys(new, ""))
    stems.update(zip(content, ["" if s in stops else s
                               for s in stemmer.stems_of_normalized(content)], strict=True))
    # the words written in Latin letters (`features._with_latin_words`), among the others in
    # the order of the text: read with them
    latin_at, latin = _latin_words(raw, masked, line_starts)
    if latin:
        # each put before the first Arabic word after it (the rest of the list copied in
        # slices); they are no Arabic word, so the distinct words are the Arabic ones and them
        where = np.searchsorted(starts, latin_at).tolist()
        merged: list[str] = []
        done = 0
        for at, word in zip(where, latin, strict=True):
            merged += words[done:at]
            merged.append(word)
            done = at
        words = merged + words[done:]
        starts = np.insert(starts, where, latin_at)
    ordered = len(distinct)
    distinct += dict.fromkeys(latin)

    def describe(distinct: list[str]) -> tuple[list[str], list[str], list[str | None]]:
        if not latin:
            of = list(map(stems.__getitem__, distinct))
            return of, distinct, [s if len(s) >= 3 else None for s in of]
        of, forms, names = [], [], []
        for w in distinct:
            stem = stems.get(w)
            if stem is not None:
                of.append(stem)
                forms.append(w)
                names.append(stem if len(stem) >= 3 else None)
                continue
            english = _english_content_word(w)  # (a Latin word: no name)
            if english is None or english[1] in _ADDRESS_PARTS:
                english = ("", "", False)
            of.append(english[0])
            forms.append(english[1])
            names.append(None)
        return of, forms, names

    found = _content(words, starts, line_starts, describe, distinct, side, ordered)
    line = np.searchsorted(line_starts, found.at, side="right") - 1
    offsets = (found.at - line_starts.take(line)).tolist()
    return _features(texts, anchors, _visible_lengths(codes, norm_starts), found, offsets)


def _latin_words(raw: np.ndarray, masked: list[str], line_starts: np.ndarray
                 ) -> tuple[np.ndarray, list[str]]:
    """The words in Latin letters of the paragraphs of a run that `_has_latin` (those
    `_with_latin_words` adds), as written, and where each starts in the run."""
    ascii_letter = ((raw | 0x20) - 0x61) < 26
    at: list[int] = []
    words: list[str] = []
    lines = np.searchsorted(line_starts, ascii_letter.nonzero()[0], side="right") - 1
    for i in np.unique(lines).tolist():
        if _has_latin(masked[i]):
            base = int(line_starts[i])
            for m in _EN_WORD.finditer(masked[i]):
                at.append(base + m.start())
                words.append(m[0])
    return np.array(at, dtype=np.int64), words


def _mixed(texts: list[str], anchors: list[Anchors], slow: list[bool],
           fast_run: Callable[[list[str], list[Anchors]], list[Features]],
           one: Callable[[str, Anchors], Features]) -> list[Features]:
    """A run whose `slow` paragraphs are read one at a time (`one`), the rest by `fast_run`."""
    fast = iter(fast_run([t for t, s in zip(texts, slow, strict=True) if not s],
                         [a for a, s in zip(anchors, slow, strict=True) if not s]))
    return [one(t, a) if s else next(fast)
            for t, a, s in zip(texts, anchors, slow, strict=True)]


# --- English ----------------------------------------------------------------------------------


def _english_run(texts: list[str], anchors: list[Anchors], side: SideWords | None = None
                 ) -> list[Features]:
    """`paragraph_features` of a run of paragraphs of a language other than Arabic."""
    masked = _masked(texts, anchors)
    joined = "\n".join(masked)
    codes = _codes(joined)
    starts, inword = _english_words(codes)
    words = _words_at(codes, inword)
    if len(starts) != len(words):  # (cannot be: see `_english_words`)
        raise AssertionError("English words and their places disagree")
    line_starts = _starts_of(masked)
    found = _content(words, starts, line_starts, _describe_english, None, side)
    line = np.searchsorted(line_starts, found.at, side="right") - 1
    offsets = (found.at - line_starts.take(line)).tolist()
    # the length is the paragraph's, its terms not blanked
    whole = codes if masked == texts else _codes("\n".join(texts))
    return _features(texts, anchors, _visible_lengths(whole, line_starts), found, offsets)


def _describe_english(distinct: list[str]) -> tuple[list[str], list[str], list[str | None]]:
    """Each word's stem, lower-case form and name, if it may be one (`_content`)."""
    known = _ENGLISH_WORDS
    if len(known) > _ENGLISH_WORDS_KEPT:
        known.clear()
    # (the function under its memory: each word is described here once, and kept here)
    describe = _english_content_word.__wrapped__
    for w in set(distinct).difference(known):
        content = describe(w)
        known[w] = ("", "", None) if content is None else (
            content[0], content[1], w if content[2] else None)
    if not distinct:
        return [], [], []
    stems, forms, names = zip(*map(known.__getitem__, distinct), strict=True)
    return list(stems), list(forms), list(names)


# each English word as written described (`_describe_english`), kept for the next runs
_ENGLISH_WORDS: dict[str, tuple[str, str, str | None]] = {}
_ENGLISH_WORDS_KEPT = 200_000


def _words_at(codes: np.ndarray, inword: np.ndarray) -> list[str]:
    """The runs of characters `inword` marks, in order (the rest made spaces, then split)."""
    return np.where(inword, codes, np.uint32(32)).tobytes().decode(
        "utf-32-le", "surrogatepass").split()


def _english_words(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each match of `features._EN_WORD` (`[A-Za-z]+(?:['’][A-Za-z]+)?`) starts, and
    which characters the matches hold: each run of ASCII letters starts one, but a run after a
    single apostrophe that ends a run which began one (the pattern takes it along, and the
    apostrophe)."""
    letter = ((codes | 0x20) - 0x61) < 26
    first = letter.copy()
    first[1:] &= ~letter[:-1]
    last = letter.copy()
    last[:-1] &= ~letter[1:]
    run_start, run_end = first.nonzero()[0], last.nonzero()[0] + 1
    # runs one apostrophe after the run before them: taken along unless that one was
    joinable = (run_start[1:] - run_end[:-1] == 1).nonzero()[0]
    if len(joinable):
        mark = codes.take(run_end.take(joinable))
        joinable = joinable[(mark == 0x27) | (mark == 0x2019)] + 1  # run indices
    if not len(joinable):
        return run_start, letter
    taken = np.zeros(len(run_start), dtype=bool)
    for k in joinable.tolist():
        taken[k] = not taken[k - 1]
    inword = letter.copy()
    inword[run_start[taken] - 1] = True
    return run_start[~taken], inword
