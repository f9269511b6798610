"""Words left out inside a translated sentence: a run of words whose translations are absent."""

from __future__ import annotations

import functools
import re
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
from reader.core.text.sentences import split_sentences

# An Arabic word: a letter, then letters, marks and tatweel (the Bible is fully vowelled).
_AR_WORD = re.compile(
    r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3][\u0621-\u063a\u0640-\u065f\u0670-\u06d3]*"
)
_EN_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
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
    """Inside a bead whose sentences are translated, runs of words none of whose translations
    (lexicon words, word pairs learnt from the pair's beads, glossary terms, numbers) the other
    side holds, with translated words around them: a list item, a phrase or a clause left out
    of an otherwise translated sentence."""
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
    for b, s, t in beads:
        for side, other in ctx.sides():
            ours, theirs = (s, t) if side is ctx.src else (t, s)
            there = _There([(other.paragraph(j).text, judged(other, words[other.name][j]))
                            for j in theirs], other.lang)
            for i in ours:
                out += _paragraph_runs(side, other, b, i, judged(side, words[side.name][i]),
                                       there, th)
    return out


class _There:
    """The other side of a bead as the check reads it: where each key is (the place of a
    word among its content words), and where each of those words' sentence starts and ends."""

    def __init__(self, paragraphs: Sequence[tuple[str, Sequence[Word]]], lang: str) -> None:
        self.at: dict[str, list[int]] = {}
        self.first: list[int] = []  # of each place, the first place of its sentence
        self.last: list[int] = []  # ... and the last
        for text, words in paragraphs:
            ends = [x.end for x in split_sentences(text, lang)]
            k = 0
            for n, sentence_end in enumerate(ends):
                begin = len(self.first)
                while k < len(words) and (words[k].start < sentence_end or n == len(ends) - 1):
                    for key in words[k].keys:
                        self.at.setdefault(key, []).append(len(self.first))
                    self.first.append(begin)
                    k += 1
                self.last += [len(self.first) - 1] * (len(self.first) - begin)

    def __contains__(self, key: str) -> bool:
        return key in self.at

    def places(self, word: Word) -> list[int]:
        return sorted({p for key in word.keys for p in self.at.get(key, ())})

    def gap(self, left: Word | None, right: Word | None) -> int | None:
        """How many words the other side has between the translations of the words on
        either side of a run (to the end or the start of the sentence when the run ends or
        starts one): none or one where the run was left out, more where it was rendered
        by other words. None when there is no such pair of places."""
        if left is not None and right is not None:
            gaps = [r - p - 1 for p in self.places(left) for r in self.places(right) if r > p]
        elif left is not None:
            gaps = [self.last[p] - p for p in self.places(left)]
        elif right is not None:
            gaps = [p - self.first[p] for p in self.places(right)]
        else:
            gaps = []
        return min(gaps) if gaps else None


def _paragraph_runs(
    side: Side, other: Side, b: int, i: int, words: list[Word], there: _There,
    th: Thresholds,
) -> list[Divergence]:
    p = side.paragraph(i)
    out: list[Divergence] = []
    for sentence in split_sentences(p.text, side.lang):
        inside = [w for w in words if sentence.start <= w.start < sentence.end and w.keys]
        for run in _runs(inside, there, th):
            start, end = run[0].start, run[-1].end
            shown = p.text[start:end]
            out.append(
                Divergence(
                    kind=DivergenceKind.PHRASE_OMISSION,
                    severity=Severity.WARNING,
                    side=side.name,
                    paragraphs=(i,),
                    detail=f"‘{clip(shown, 80)}’: not in {other.the_paragraph()}",
                    bead=b,
                    spans=(Span(side.name, i, start, end),),
                    values=tuple(p.text[w.start : w.end] for w in run),
                )
            )
    return out


def _runs(words: Sequence[Word], there: _There, th: Thresholds) -> list[list[Word]]:
    """The runs of judged words of one sentence whose keys the other side lacks, when the
    sentence is translated around them (enough of its words found there) and the other side
    puts the run's neighbours' translations side by side."""
    present = [any(k in there for k in w.keys) for w in words]
    if len(words) < th.phrase_min_words + 2 or sum(present) < 2:
        return []
    if sum(present) / len(words) < th.phrase_min_coverage:
        return []
    out: list[list[Word]] = []
    k = 0
    while k < len(words):
        if present[k]:
            k += 1
            continue
        stop = k
        while stop < len(words) and not present[stop]:
            stop += 1
        # the sentence's coverage without the run: what is left must read as translated
        rest = len(words) - (stop - k)
        if (stop - k >= th.phrase_min_words and rest
                and sum(present) / rest >= th.phrase_rest_coverage):
            gap = there.gap(words[k - 1] if k else None,
                            words[stop] if stop < len(words) else None)
            if gap is not None and gap <= th.phrase_max_gap:
                out.append(list(words[k:stop]))
        k = stop
    return out


def _words(side: Side, i: int, lexicon: Lexicon) -> list[Word]:
    """The content words of paragraph `i` with their keys (cached per paragraph text)."""
    p = side.paragraph(i)
    return _paragraph_words(p.text, side.lang, _anchor_keys(side.anchors[i]), lexicon)


def _anchor_keys(anchors: Anchors) -> tuple[tuple[int, int, str], ...]:
    """(start, end, key) of the paragraph's numbers and glossary terms."""
    out = [(n.start, n.end, f"n:{number_key(n.value)}") for n in anchors.numbers]
    out += [(t.start, t.end, f"g:{t.term_id}") for t in anchors.terms]
    return tuple(out)


@functools.lru_cache(maxsize=4096)
def _paragraph_words(
    text: str, lang: str, anchors: tuple[tuple[int, int, str], ...], lexicon: Lexicon
) -> list[Word]:
    out: list[Word] = []
    pattern = _AR_WORD if lang == "ar" else _EN_WORD
    for m in pattern.finditer(text):
        start, end = m.span()
        keys = {k for s, e, k in anchors if s < end and start < e}
        if lang == "ar":
            word = normalize(m.group())
            if len(word) < 2 or word in stopwords("ar"):
                continue
            stem = "a:" + lexicon.stemmer(word)
            keys |= _arabic_keys(word, lexicon)
        else:
            lw = m.group().lower()
            if len(lw) < 2 or lw in stopwords("en"):
                continue
            stem = _key(lw)
            keys |= _english_keys(lw, lexicon)
        out.append(Word(start, end, stem, frozenset(keys)))
    return out


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
