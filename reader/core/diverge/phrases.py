"""Words left out inside a translated sentence: a run of words whose translations are absent."""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.anchors.features import Anchors, number_key
from reader.core.anchors.lexicon import Lexicon
from reader.core.anchors.words import english_stem, stopwords
from reader.core.arabic.normalise import normalize
from reader.core.diverge.context import COMPARED, Context, Side, clip
from reader.core.diverge.learnt import learn_pairs
from reader.core.diverge.records import Divergence, DivergenceKind, Severity, Span
from reader.core.diverge.thresholds import Thresholds

# An Arabic word: a letter, then letters, marks and tatweel (the Bible is fully vowelled).
_AR_WORD = re.compile(
    r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3][\u0621-\u063a\u0640-\u065f\u0670-\u06d3]*"
    r"|[0-9\u0660-\u0669][0-9\u0660-\u0669,.\u066b\u066c]*"
)
_EN_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|[0-9][0-9,.]*")
_DIGIT = re.compile(r"[0-9\u0660-\u0669]")
# Stems are compared on their first letters: "leadership" meets "leader", "governed" "govern";
# a few unrelated words meet too, which only makes the check more cautious.
_KEY_CHARS = 6


@dataclass(frozen=True, slots=True)
class Word:
    """A content word of a sentence: where it is, its stem (what pairs are learnt on), and
    the keys its meaning is matched by (English stems, `g:` glossary terms, `n:` numbers).
    No keys: a word the check cannot judge (not in the lexicon, or only function words)."""

    start: int
    end: int
    stem: str
    keys: frozenset[str]


def find_phrase_omissions(ctx: Context) -> list[Divergence]:
    """Inside a translated bead, runs of words of the original whose translations (lexicon
    words, word pairs learnt from the pair's beads, glossary terms, numbers) are not where
    they should be, between two words whose translations the translation puts side by side:
    a list item, a phrase or a clause left out of an otherwise translated sentence."""
    lexicon = _lexicon()
    if lexicon is None:
        return []
    th = ctx.thresholds
    beads = [
        (b, [i for i in ctx.src.of(bead) if ctx.src.paragraph(i).kind in COMPARED],
         [j for j in ctx.tgt.of(bead) if ctx.tgt.paragraph(j).kind in COMPARED])
        for b, bead in enumerate(ctx.alignment)
    ]
    beads = [(b, s, t) for b, s, t in beads if s and t]
    words = {
        side.name: {i: _words(side, i, lexicon) for _, *members in beads
                    for i in members[0 if side is ctx.src else 1]}
        for side in (ctx.src, ctx.tgt)
    }
    learnt = learn_pairs(
        [[w.stem for i in s for w in words[ctx.src.name][i]] for _, s, _ in beads],
        [[w.stem for j in t for w in words[ctx.tgt.name][j]] for _, _, t in beads],
    )
    learnt_en = frozenset(e for es in learnt.values() for e in es)
    known = _known_keys(lexicon) | learnt_en

    def judged(side: Side, ws: list[Word]) -> list[Word]:
        if side.lang == "ar":
            return [Word(w.start, w.end, w.stem, w.keys | learnt.get(w.stem, frozenset()))
                    for w in ws]
        return [w if w.keys or w.stem not in known else
                Word(w.start, w.end, w.stem, frozenset({w.stem})) for w in ws]

    out: list[Divergence] = []
    # from the original (the source) only: what the translation leaves out; words the
    # translation adds are free renderings far more often than content (the bench's
    # English-side findings are all of that kind)
    side, other = ctx.src, ctx.tgt
    for b, s, t in beads:
        mine = [(i, w) for i in s for w in judged(side, words[side.name][i])]
        there = [w for j in t for w in judged(other, words[other.name][j])]
        for i, run in _gaps(mine, there, th):
            out.append(_finding(side, other, b, i, run))
    return out


def _finding(side: Side, other: Side, b: int, i: int, run: Sequence[Word]) -> Divergence:
    text = side.paragraph(i).text
    start, end = run[0].start, run[-1].end
    return Divergence(
        kind=DivergenceKind.PHRASE_OMISSION,
        severity=Severity.WARNING,
        side=side.name,
        paragraphs=(i,),
        detail=f"‘{clip(text[start:end], 80)}’: not in {other.the_paragraph()}",
        bead=b,
        spans=(Span(side.name, i, start, end),),
        values=tuple(text[w.start : w.end] for w in run),
    )


def _chain(mine: Sequence[tuple[int, Word]], there: Sequence[Word]) -> list[tuple[int, int]]:
    """The longest chain of word pairs (place here, place there) in the same order on both
    sides, each pair a word and one of its translations: the bead's word alignment, as far as
    the lexicon sees it (a word that turns up in several places keeps the one in order)."""
    at: dict[str, list[int]] = {}
    for e, w in enumerate(there):
        for key in w.keys:
            at.setdefault(key, []).append(e)
    pairs = [(a, e) for a, (_, w) in enumerate(mine)
             for e in sorted({e for key in w.keys for e in at.get(key, ())}, reverse=True)]
    # longest strictly increasing run of `e` over pairs sorted by `a` (e descending within an
    # `a`, so one word takes one place): patience sorting
    tails: list[int] = []  # smallest last `e` of a chain of each length
    ends: list[int] = []  # ... the pair it ends with
    back: list[int] = []
    for n, (_, e) in enumerate(pairs):
        k = bisect_left(tails, e)
        if k == len(tails):
            tails.append(e)
            ends.append(n)
        else:
            tails[k] = e
            ends[k] = n
        back.append(ends[k - 1] if k else -1)
    chain: list[tuple[int, int]] = []
    n = ends[-1] if ends else -1
    while n >= 0:
        chain.append(pairs[n])
        n = back[n]
    return chain[::-1]


def _gaps(
    mine: Sequence[tuple[int, Word]], there: Sequence[Word], th: Thresholds
) -> list[tuple[int, list[Word]]]:
    """Runs of judged words between two links of the chain where the other side has (almost)
    nothing between the two links' translations: what stood there was left out. A run does
    not cross paragraphs, nor count a word whose translation stands near the gap."""
    judged = [n for n, (_, w) in enumerate(mine) if w.keys]
    chain = _chain(mine, there)
    if not judged or len(chain) < max(2, th.phrase_min_coverage * len(judged)):
        return []
    out: list[tuple[int, list[Word]]] = []
    for (a1, e1), (a2, e2) in itertools.pairwise(chain):
        if a2 - a1 - 1 < th.phrase_min_words or e2 - e1 - 1 > th.phrase_max_gap:
            continue
        near = {k for w in there[max(0, e1 - 3) : e2 + 4] for k in w.keys}
        run: list[tuple[int, Word]] = [
            (i, w) for i, w in mine[a1 + 1 : a2] if w.keys and not w.keys & near
        ]
        for i in dict.fromkeys(i for i, _ in run):
            words = [w for j, w in run if j == i]
            if len(words) >= th.phrase_min_words:
                out.append((i, words))
    return out


def _words(side: Side, i: int, lexicon: Lexicon) -> list[Word]:
    """The content words of paragraph `i` with their keys (cached per paragraph text)."""
    p = side.paragraph(i)
    return _paragraph_words(p.text, side.lang, _anchor_keys(side.anchors[i]), lexicon)


def _anchor_keys(anchors: Anchors) -> tuple[tuple[int, int, str], ...]:
    """(start, end, key) of the paragraph's numbers, glossary terms and dates."""
    out = [(n.start, n.end, f"n:{number_key(n.value)}") for n in anchors.numbers]
    out += [(t.start, t.end, f"g:{t.term_id}") for t in anchors.terms]
    out += [(d.start, d.end, f"d:{d.year or 0}-{d.month or 0}-{d.day or 0}")
            for d in anchors.dates if d.month]
    return tuple(out)


@functools.lru_cache(maxsize=16384)
def _paragraph_words(
    text: str, lang: str, anchors: tuple[tuple[int, int, str], ...], lexicon: Lexicon
) -> list[Word]:
    out: list[Word] = []
    pattern = _AR_WORD if lang == "ar" else _EN_WORD
    spans = sorted(anchors)
    first = 0  # the first anchor that may still overlap a word (words come in order)
    for m in pattern.finditer(text):
        start, end = m.span()
        while first < len(spans) and spans[first][1] <= start:
            first += 1
        keys = ({k for s, e, k in spans[first:first + 8] if s < end and start < e}
                if first < len(spans) and spans[first][0] < end else None)
        read = _read_word(m.group(), lang, lexicon)
        if read is None:
            continue
        stem, own = read
        out.append(Word(start, end, stem, own | keys if keys else own))
    return out


@functools.lru_cache(maxsize=200_000)
def _read_word(token: str, lang: str, lexicon: Lexicon) -> tuple[str, frozenset[str]] | None:
    """A word's stem and keys as written (texts repeat their words: read once each); None
    for a stopword or a single letter."""
    if _DIGIT.match(token):
        return token, frozenset()  # a number: judged by its value (its anchor's key) alone
    if lang == "ar":
        word = normalize(token)
        if len(word) < 2 or word in stopwords("ar"):
            return None
        return "a:" + lexicon.stemmer(word), _arabic_keys(word, lexicon)
    lw = token.lower()
    if len(lw) < 2 or lw in stopwords("en"):
        return None
    return _key(lw), _english_keys(lw, lexicon)


def _key(word: str) -> str:
    return english_stem(word)[:_KEY_CHARS]


@functools.lru_cache(maxsize=100_000)
def _arabic_keys(word: str, lexicon: Lexicon) -> frozenset[str]:
    """The keys of an Arabic word's translations; none for a stopword or an unknown word."""
    if len(word) < 2 or word in stopwords("ar"):
        return frozenset()
    return frozenset(_translation_keys(lexicon.translations(word)))


def _translation_keys(translations: Iterable[str]) -> set[str]:
    stops = stopwords("en")
    return {
        _key(w) for t in translations for w in _EN_WORD.findall(t)
        if w.lower() not in stops and len(w) > 1
    }


@functools.lru_cache(maxsize=100_000)
def _english_keys(word: str, lexicon: Lexicon) -> frozenset[str]:
    """An English word's key, when some Arabic word of the lexicon translates to it."""
    lw = word.lower()
    if len(lw) < 2 or lw in stopwords("en"):
        return frozenset()
    key = _key(lw)
    return frozenset({key}) if key in _known_keys(lexicon) else frozenset()


@functools.lru_cache(maxsize=4)
def _known_keys(lexicon: Lexicon) -> frozenset[str]:
    """Every key a translation in the lexicon has."""
    return frozenset(_translation_keys(t for ts in lexicon.entries.values() for t in ts))


@functools.lru_cache(maxsize=1)
def _lexicon() -> Lexicon | None:
    try:
        return Lexicon.load()
    except Exception:  # a missing or broken built-in lexicon only costs this check
        return None
