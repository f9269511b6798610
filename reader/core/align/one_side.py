"""What the aligner reads of one side alone, made with the side: stem readings, sentences."""

# The vector space reads every source stem through the lexicon (space.pair_space), and the
# sentence pass cuts every paragraph into sentences (unit_pieces.sentence_pieces). Both depend
# on one side only, so they are made where the side is made (align.prepared.prepare_side): on
# a long pair in the process that prepares that side, beside the other side's process
# (align.side_process), instead of in the serial alignment after both. Both are kept small to
# move between processes: the readings as tuples (0.26 MB for 11,000 stems), the sentences as
# arrays of offsets.

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path

import numpy as np

from reader.core.align.colon_cuts import _CUT, MIN_WORDS
from reader.core.align.readings import Readings, forms_by_stem, stem_forms
from reader.core.align.side_tokens import SideTokens
from reader.core.anchors.features import Features
from reader.core.anchors.lexicon import Lexicon
from reader.core.anchors.side_features import arabic_words
from reader.core.text.sentences import keep_places, sentence_places


@dataclass(slots=True)
class StemReadings:
    """The lexicon's readings of a side's stems, as `space.pair_space` reads a source side:
    each distinct stem's translations in order of first occurrence (`distinct_stems`), and the
    stems the lexicon holds as written (`space.read_as_written`)."""

    lexicon: tuple[object, ...]  # which lexicon read them (`lexicon_key`)
    translations: list[tuple[str, ...]]
    written: frozenset[str]


def lexicon_key(lexicon: Lexicon) -> tuple[object, ...]:
    """What tells one lexicon from another here and in a forked process (which shares this
    one's objects at the same addresses): the object, its files and its size."""
    return (id(lexicon), lexicon.paths, len(lexicon))


def distinct_stems(features: Sequence[Features]) -> list[str]:
    """A side's distinct stems in order of first occurrence (the space's source vocabulary)."""
    return list(dict.fromkeys(chain.from_iterable(f.words for f in features)))


def stem_pairs_of(features: Sequence[Features]) -> dict[str, list[str]]:
    """The distinct (stem, written form) pairs of a side, as each stem's forms."""
    for f in features:
        if len(f.words) != len(f.forms):
            raise ValueError(f"features with {len(f.words)} words and {len(f.forms)} forms")
    return stem_forms(list(chain.from_iterable(f.words for f in features)),
                      list(chain.from_iterable(f.forms for f in features)))


def translations_of(
    vocab: Sequence[str], forms: dict[str, list[str]], readings: Readings
) -> list[tuple[str, ...]]:
    """Each stem's translations (`space.stem_translations`), in the order of `vocab`."""
    none: tuple[str, ...] = ()
    return readings.stems(vocab, [forms.get(word, none) for word in vocab])


def written_of(
    vocab: Sequence[str], forms: dict[str, list[str]], readings: Readings
) -> set[str]:
    """The stems the lexicon holds as written (`space.read_as_written`)."""
    entries = readings.entries
    # (a stem with a form among the entries; `Readings.known_as_written` of each stem, inline)
    if isinstance(entries, dict):
        keys = entries.keys()
        written = {stem for stem, found in forms.items() if not keys.isdisjoint(found)}
    else:
        written = {stem for stem, found in forms.items() for f in found if f in entries}
    return written | {word for word in vocab if word in entries or word + "ه" in entries}


@dataclass(slots=True)
class StemWork:
    """Reading a side's stems, begun: its stems and their forms (`read_stems` ends it)."""

    key: tuple[object, ...]
    vocab: list[str]
    forms: dict[str, list[str]]
    readings: Readings
    _written: frozenset[str] | None = None

    def written(self) -> frozenset[str]:
        """The stems the lexicon holds as written (`written_of`; worked out once: a second
        process's share of the readings is awaited at the end, this is not)."""
        if self._written is None:
            self._written = frozenset(written_of(self.vocab, self.forms, self.readings))
        return self._written


def begin_stems(features: Sequence[Features], lexicon: Lexicon,
                tokens: SideTokens | None = None) -> StemWork:
    """A side's stems and each one's written forms (what is read of them is left to
    `read_stems`, or to two processes: align.shared_readings); from the side's `tokens` if
    they hold each form's stem (the stems in the order each first occurs are their words)."""
    if tokens is not None and tokens.stem_of is not None and tokens.fits(features):
        vocab, forms = list(tokens.words), forms_by_stem(tokens.stem_of)
    else:
        vocab, forms = stems_and_forms(features)
    return StemWork(lexicon_key(lexicon), vocab, forms, Readings.of(lexicon))


def stems_and_forms(features: Sequence[Features]) -> tuple[list[str], dict[str, list[str]]]:
    """`distinct_stems` and `stem_pairs_of` of a side, in one pass over its words."""
    for f in features:
        if len(f.words) != len(f.forms):
            raise ValueError(f"features with {len(f.words)} words and {len(f.forms)} forms")
    words = list(chain.from_iterable(f.words for f in features))
    written = list(chain.from_iterable(f.forms for f in features))
    stem_of = dict(zip(written, words, strict=True))
    if list(map(stem_of.__getitem__, written)) != words:  # a form of two stems: counted
        return list(dict.fromkeys(words)), stem_forms(words, written)
    # each form of one stem: a stem first comes with the first of its forms, so the stems of
    # the distinct forms in order are the stems in order (a fifth as many to go through)
    return list(dict.fromkeys(stem_of.values())), forms_by_stem(stem_of)


def read_stems(work: StemWork) -> StemReadings:
    """The lexicon's readings of the stems (the long part: a word at a time)."""
    return StemReadings(work.key, translations_of(work.vocab, work.forms, work.readings),
                        work.written())


def stem_readings(features: Sequence[Features], lexicon: Lexicon,
                  tokens: SideTokens | None = None) -> StemReadings:
    """A side's stems read by `lexicon`, as `space.pair_space` reads its source side."""
    return read_stems(begin_stems(features, lexicon, tokens))


# A text's words are its Arabic words as the features find them in its normalized paragraphs
# (side_features.arabic_words): what the lexicon reads of it, near enough to be read ahead
# elsewhere.


def file_words(path: str | Path, limit: int = 50_000, part: int = 1 << 20) -> list[str]:
    """The first `limit` distinct Arabic words of a UTF-8 text file, normalized, in order
    (those before a part it cannot decode; none when it cannot be read: loading it says why).
    `part` characters at a time: a 100 MB file must not be held here a second time."""
    return list(islice(chain.from_iterable(file_word_parts(path, limit, part)), limit))


def file_word_parts(path: str | Path, limit: int = 50_000, part: int = 1 << 20
                    ) -> Iterator[list[str]]:
    """`file_words`, a part of the file at a time, each part's new words as it is read (a
    reader told to stop between them reads no further)."""
    seen: dict[str, None] = {}
    try:
        with open(path, encoding="utf-8") as text:
            while len(seen) < limit and (chunk := text.read(part)):
                chunk += text.readline()  # to the end of its line: no word cut in two
                new = [w for w in dict.fromkeys(arabic_words(chunk))
                       if w not in seen]
                seen.update(dict.fromkeys(new))
                yield new
    except (OSError, UnicodeDecodeError):
        return


def file_word_parts_back(path: str | Path, limit: int = 50_000, part: int = 1 << 17
                         ) -> Iterator[list[str]]:
    """`file_word_parts` from the file's end back: `part` bytes at a time (cut after a line's
    end, or a space), each part's new words, the last first. A second process reads a side's
    stems from the last one back (align.shared_readings): the words it reads ahead are the
    last ones (none when the file cannot be read or decoded as UTF-8: loading it says why)."""
    seen: dict[str, None] = {}
    try:
        with open(path, "rb") as text:
            end = text.seek(0, os.SEEK_END)
            head = b""  # the start of the part read last, before its first cut
            while len(seen) < limit and end > 0:
                start = max(0, end - part)
                text.seek(start)
                chunk = text.read(end - start) + head
                end = start
                cut = 0
                if start > 0:
                    cut = chunk.find(b"\n") + 1 or chunk.find(b" ") + 1
                    if not cut:  # no place to cut yet: the part before is added to it
                        head = chunk
                        continue
                head, chunk = chunk[:cut], chunk[cut:]
                found = arabic_words(chunk.decode("utf-8"))
                new = [w for w in dict.fromkeys(reversed(found)) if w not in seen]
                seen.update(dict.fromkeys(new))
                yield new
    except (OSError, UnicodeDecodeError):
        return


def words_read(lexicon: Lexicon, words: Iterable[str], stop: Callable[[], bool]
               ) -> dict[str, tuple[str, ...]]:
    """`Lexicon.translations` of each word, in order, until `stop` says so (asked before each
    256 words, and before the first): read ahead in a second process for the side this one
    stems (`Lexicon.keep_translations`), the answers it would find itself."""
    read = lexicon.translations_of
    found: dict[str, tuple[str, ...]] = {}
    them = iter(words)
    while not stop() and (batch := list(islice(them, 256))):
        found.update(zip(batch, read(batch), strict=True))
    return found


@dataclass(slots=True)
class SentenceCuts:
    """Each paragraph's units as the sentence pass cuts them (`colon_cuts.unit_sentences`),
    for the paragraphs it cuts: unit k of paragraph i is [start, end) at first[i] + k, with its
    share of the paragraph's length (used when it has two or more); and the sentences the
    splitter gave (`split_sentences`: divergence detection reads those), likewise."""

    first: np.ndarray  # paragraph -> its first unit; n + 1 entries
    start: np.ndarray
    end: np.ndarray
    length: np.ndarray  # float64: exactly the float unit_pieces.sentence_pieces works out
    split: np.ndarray  # paragraph -> the splitter read it (else it stays whole)
    said_first: np.ndarray  # paragraph -> its first sentence as the splitter gave them
    said_start: np.ndarray
    said_end: np.ndarray


def sentence_cuts(texts: Sequence[str], features: Sequence[Features], null_bonus: np.ndarray,
                  lang: str) -> SentenceCuts:
    """The sentences of every paragraph the sentence pass cuts (unit_pieces.sentence_pieces): posts,
    duplicates and boilerplate stay whole, and so do paragraphs whose words have no places."""
    # made from places alone, not from sentences (`sentence_places`: the splitter keeps them
    # for detection); tests/core/align/test_one_side_cuts.py holds the code this replaces
    first = [0]
    start: list[int] = []
    end: list[int] = []
    split: list[bool] = []
    said_first = [0]
    said: list[int] = []
    null = null_bonus.tolist()
    cased = lang != "ar"  # Arabic's colons stay uncut (colon_cuts.cut_at_colons)
    for i, (text, para) in enumerate(zip(texts, features, strict=True)):
        cut = not null[i] and len(para.offsets) == len(para.words)
        split.append(cut)
        if cut:
            places = sentence_places(text, lang)
            said += places
            if cased and may_cut(text, 0, len(text)):
                places = colon_places(text, places)
            start += places[0::2]
            end += places[1::2]
        first.append(len(start))
        said_first.append(len(said) >> 1)
    flat = np.array(said, dtype=np.int64)
    firsts = np.array(first, dtype=np.int64)
    starts, ends = np.array(start, dtype=np.int64), np.array(end, dtype=np.int64)
    return SentenceCuts(firsts, starts, ends, _lengths(texts, features, firsts, starts, ends),
                        np.array(split, dtype=bool), np.array(said_first, dtype=np.int64),
                        flat[0::2].copy(), flat[1::2].copy())


def _lengths(texts: Sequence[str], features: Sequence[Features], first: np.ndarray,
             start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Each sentence's length: its share of its paragraph's (which counts normalized text)
    by its characters but spaces, of the paragraph's; 0.0 for a paragraph's only sentence.
    (The spaces of the paragraphs of two sentences or more counted at once, by numpy: the
    very float unit_pieces.sentence_pieces works out, `whole * ((end - start - spaces) /
    visible)` in float64, as Python computes it one sentence at a time.)"""
    counts = np.diff(first)
    many = counts > 1
    length = np.zeros(len(start), dtype=np.float64)
    if not many.any():
        return length
    rows = many.nonzero()[0].tolist()
    chosen = [texts[i] for i in rows]
    sizes = np.fromiter(map(len, chosen), dtype=np.int64, count=len(chosen))
    codes = np.frombuffer("\n".join(chosen).encode("utf-32-le", "surrogatepass"),
                          dtype=np.uint32)
    spaces = np.zeros(len(codes) + 1, dtype=np.int64)
    np.cumsum(codes == 32, out=spaces[1:])
    base = np.zeros(len(chosen), dtype=np.int64)
    np.cumsum(sizes[:-1] + 1, out=base[1:])
    visible = np.maximum(1, sizes - (spaces[base + sizes] - spaces[base]))
    whole = np.fromiter((features[i].length for i in rows), dtype=np.int64, count=len(rows))
    row = np.repeat(np.arange(len(rows)), counts[rows])
    sentence = np.repeat(many, counts)
    a, b, at = start[sentence], end[sentence], base[row]
    within = (b - a) - (spaces[at + b] - spaces[at + a])
    length[sentence] = whole[row] * (within / visible[row])
    return length


# Where `colon_places` may cut: a colon or semicolon before white space whose first visible
# character after it, among the 8 after it, may be a capital (an ASCII one, or any character
# beyond ASCII). A sentence's characters are the paragraph's, so a paragraph without one
# keeps its sentences as they are: most colons and semicolons of an English book go on in
# lower case, and walking its sentences cost ~25 ms on the bench's large English.
_MAY_CUT = re.compile(r"[:;]\s{1,7}[^\x00-\x40\x5b-\x7f]")


def may_cut(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` holds a place `_MAY_CUT` finds. (Tried at each colon and
    semicolon, which `str.find` finds: the pattern's search, which tries every character,
    cost as much as the walk it spares.)"""
    match, find = _MAY_CUT.match, text.find
    for mark in ":;":
        at = find(mark, start, end)
        while at >= 0:
            if match(text, at, end) is not None:
                return True
            at = find(mark, at + 1, end)
    return False


def colon_places(text: str, places: Sequence[int]) -> list[int]:
    """The places of `colon_cuts.cut_at_colons` of the sentences at `places` (flat) in a
    paragraph of a cased language: each also cut after a colon or semicolon before a capital."""
    out: list[int] = []
    for k in range(0, len(places), 2):
        a, b = places[k], places[k + 1]
        if not may_cut(text, a, b):  # (no place to cut at in this sentence)
            out += (a, b)
            continue
        sentence = text[a:b]
        start = 0
        for m in _CUT.finditer(sentence):
            at = m.end()
            if (sentence[at:at + 8].lstrip()[:1].isupper()
                    and len(sentence[start:at].split()) >= MIN_WORDS
                    and len(sentence[at:].split()) >= MIN_WORDS):
                _add_place(out, sentence, a, start, at)
                start = at
        if start:
            _add_place(out, sentence, a, start, len(sentence))
        else:  # (uncut: the sentence is already without white space at its ends)
            out += (a, b)
    return out


def _add_place(out: list[int], sentence: str, at: int, start: int, end: int) -> None:
    """Add where the part [start, end) of the sentence at `at` stands without its white space
    (colon_cuts._add)."""
    piece = sentence[start:end]
    text = piece.strip()
    if text:
        first = at + start + len(piece) - len(piece.lstrip())
        out += (first, first + len(text))


def keep_cut_sentences(texts: Sequence[str], lang: str, cuts: SentenceCuts) -> None:
    """Let the sentence splitter answer for these paragraphs without splitting them again
    (cuts made in another process: divergence detection splits the same paragraphs)."""
    flat = np.empty(2 * len(cuts.said_start), dtype=np.int64)
    flat[0::2], flat[1::2] = cuts.said_start, cuts.said_end
    places, first = flat.tolist(), (2 * cuts.said_first).tolist()
    for i, cut in enumerate(cuts.split.tolist()):
        if cut:
            keep_places(texts[i], lang, tuple(places[first[i]:first[i + 1]]))
