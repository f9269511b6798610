"""What every detector reads: both sides with their anchors and lengths, and shared helpers."""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from reader.core.align.beads import Alignment, Bead
from reader.core.anchors.features import URL, Anchors, Features
from reader.core.anchors.glossary import Glossary
from reader.core.diverge.memo import DetectionMemo
from reader.core.diverge.records import Span
from reader.core.diverge.rules import UserCheck
from reader.core.diverge.scan import holding
from reader.core.diverge.thresholds import Thresholds
from reader.core.text.document import Paragraph, Text
from reader.core.text.kinds import Kind

SOURCE = "source"
TARGET = "target"
# Paragraph kinds that are compared for numbers, dates, names, length and sentences (posts,
# duplicates and boilerplate are reported, if at all, as what they are).
COMPARED = frozenset({Kind.BODY, Kind.HEADING})
CONTENT_CHAR = re.compile(r"[^\W_]")
_LANGUAGE_NAMES = {"ar": "Arabic", "en": "English", "fr": "French", "fa": "Persian"}


@dataclass(slots=True)
class Side:
    """One text as the detectors see it: paragraphs, their anchors, and helpers."""

    name: str  # SOURCE or TARGET
    text: Text
    anchors: list[Anchors]
    lengths: list[int]  # each paragraph's content length (content_length)
    links: frozenset[int]  # the paragraphs that may hold a link (may_link)
    # the compared paragraphs' lengths before each paragraph (one more than paragraphs): what
    # a run of paragraphs compares is a difference of two (`run_length`)
    compared_before: list[int]
    # each paragraph's features as the aligner made them from `anchors` (if given)
    features: Sequence[Features] | None = None

    @property
    def lang(self) -> str:
        return self.text.language

    @property
    def word(self) -> str:
        """The side as explanations name it: source or target."""
        return "target" if self.name == TARGET else "source"

    def paragraph(self, i: int) -> Paragraph:
        return self.text.paragraphs[i]

    def run_length(self, members: Sequence[int]) -> int:
        """`compared_length` of a run of consecutive paragraphs (a bead's side), not empty."""
        before = self.compared_before
        return before[members[-1] + 1] - before[members[0]]

    def of(self, bead: Bead) -> tuple[int, ...]:
        """This side's paragraphs of a bead."""
        return bead.src if self.name == SOURCE else bead.tgt

    @property
    def language(self) -> str:
        """The side as a paragraph number's prefix names it: English, Arabic (or target)."""
        return _LANGUAGE_NAMES.get(self.lang) or self.word

    def the_text(self) -> str:
        """As explanations name the text: the English text (or the target, unnamed here)."""
        name = _LANGUAGE_NAMES.get(self.lang)
        return f"the {name} text" if name else f"the {self.word}"

    def the_paragraph(self) -> str:
        """As explanations name a paragraph: the English (or the target) paragraph."""
        name = _LANGUAGE_NAMES.get(self.lang)
        return f"the {name} paragraph" if name else f"the {self.word} paragraph"


def make_side(name: str, text: Text, anchors: Sequence[Anchors],
              features: Sequence[Features] | None = None) -> Side:
    # the caller's list itself (detectors only read it): a copy touches every paragraph's
    # anchors, and in a forked process each page they lie on is copied for it (~10 ms)
    lengths, links = _known_lengths(text) or _lengths(text)
    compared = [n if p.kind in COMPARED else 0 for p, n in zip(text.paragraphs, lengths,
                                                               strict=True)]
    return Side(name, text, anchors if isinstance(anchors, list) else list(anchors),
                lengths, links, list(itertools.accumulate(compared, initial=0)), features)


# What detection made of a text ahead of time (diverge.ahead), by what it is and the text's
# identity: the text itself is kept with it, so that another text at the same address never
# takes it; each taken once (a text's paragraphs may be changed in place after)
_KEPT: dict[tuple[str, int], tuple[Text, object]] = {}
_KEPT_MOST = 8


def keep(what: str, text: Text, value: object) -> None:
    """Keep `value`, made of `text` ahead of time, for the next `take` of it (a few kept)."""
    _KEPT.pop((what, id(text)), None)
    while len(_KEPT) >= _KEPT_MOST:
        _KEPT.pop(next(iter(_KEPT)))
    _KEPT[(what, id(text))] = (text, value)


def take(what: str, text: Text) -> object | None:
    """What `keep` kept of this very text, or None."""
    kept = _KEPT.pop((what, id(text)), None)
    return kept[1] if kept is not None and kept[0] is text else None


def same_objects(a: Sequence[object] | None, b: Sequence[object] | None) -> bool:
    """Whether two lists hold the same objects, in order (what was made of one fits the
    other)."""
    if a is None or b is None or a is b:
        return a is b
    return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))


def keep_lengths(text: Text) -> None:
    """Count the text's paragraph lengths now, for the next `make_side` of it."""
    keep("lengths", text, _lengths(text))


def _known_lengths(text: Text) -> tuple[list[int], frozenset[int]] | None:
    kept = take("lengths", text)
    if not isinstance(kept, tuple) or len(kept) != 2:
        return None
    lengths = kept[0]
    return kept if isinstance(lengths, list) and len(lengths) == len(text.paragraphs) else None


@dataclass(frozen=True, slots=True)
class BeadLength:
    """One non-null bead's compared letters on each side, and the log of their ratio."""

    bead: int
    src_chars: int
    tgt_chars: int
    log_ratio: float


@dataclass(frozen=True, slots=True)
class LengthModel:
    """The pair's typical length ratio (target letters per source letter) and the beads'
    lengths it was estimated from; the length and sentence detectors both read it."""

    ratio: float
    rows: list[BeadLength]


@dataclass
class Context:
    """Everything a detector is given: the two sides, the alignment, the thresholds, the
    glossary (None when the caller gave anchors and no glossary), which side is the original
    (messages are phrased from it), the user's checks, and the length model."""

    src: Side
    tgt: Side
    alignment: Alignment
    thresholds: Thresholds
    glossary: Glossary | None
    original: str = SOURCE
    checks: tuple[UserCheck, ...] = ()
    memo: DetectionMemo | None = None  # what an earlier run on the pair found and may reuse

    def is_original(self, side: Side) -> bool:
        return side.name == self.original

    def sides(self) -> tuple[tuple[Side, Side], tuple[Side, Side]]:
        """(side, other) both ways round, source first."""
        return (self.src, self.tgt), (self.tgt, self.src)

    @functools.cached_property
    def length_model(self) -> LengthModel:
        th = self.thresholds
        rows: list[BeadLength] = []
        # the beads' sides are runs of paragraphs (finder checks them): each side's compared
        # length is a difference of two counts, not a sum over its paragraphs
        src, tgt = self.src.compared_before, self.tgt.compared_before
        log = math.log
        for b, bead in enumerate(self.alignment):
            s, t = bead.src, bead.tgt
            if not s or not t:
                continue
            ls = src[s[-1] + 1] - src[s[0]]
            lt = tgt[t[-1] + 1] - tgt[t[0]]
            if ls and lt:
                rows.append(BeadLength(b, ls, lt, log(lt / ls)))
        sample = length_sample(rows, th)
        if len(sample) < th.length_min_beads:
            # too few beads to learn from (and they may be the very ones that diverge)
            return LengthModel(th.default_length_ratio, rows)
        return LengthModel(math.exp(median(sample)), rows)


def length_sample(rows: Sequence[BeadLength], th: Thresholds) -> list[float]:
    """The log ratios of the beads long enough to be judged on length."""
    return [r.log_ratio for r in rows if max(r.src_chars, r.tgt_chars) >= th.length_min_chars]


def median(values: Iterable[float]) -> float:
    """The median, as `statistics.median` gives it (the mean of the middle two of an even
    count), without importing that module (and `fractions` and `decimal` with it) for it."""
    data = sorted(values)
    n = len(data)
    if not n:
        raise ValueError("no median of no values")
    return data[n // 2] if n % 2 else (data[n // 2 - 1] + data[n // 2]) / 2


def compared_length(side: Side, members: Sequence[int]) -> int:
    """Content length of the members whose kind is compared."""
    return sum(side.lengths[i] for i in members if side.paragraph(i).kind in COMPARED)


def builtin_glossary() -> Glossary | None:
    try:
        return Glossary.load()
    except Exception:  # a missing or broken built-in glossary only costs the names
        return None


def has_content(text: str) -> bool:
    """Whether a paragraph holds letters or digits once links are removed (not only emoji)."""
    return bool(CONTENT_CHAR.search(URL.sub(" ", text)))


def content_length(text: str) -> int:
    """Letters and digits (not spaces, marks or punctuation), links left out."""
    if may_link(text):
        text = URL.sub(" ", text)
    return sum(map(str.isalnum, text))


def _lengths(text: Text) -> tuple[list[int], frozenset[int]]:
    """`content_length` of every paragraph, counted for all of them at once (then again,
    one by one, for the few that may hold a link), and those few."""
    texts = [p.text for p in text.paragraphs]
    counts = alnum_counts(texts)
    links = holding(texts, LINK_MARKS)
    for k in links:
        counts[k] = content_length(texts[k])
    return counts, frozenset(links)


def alnum_counts(texts: Sequence[str], chunk: int = 1 << 20) -> list[int]:
    """`sum(map(str.isalnum, t))` for each of `texts`: the characters of about `chunk` of them
    at a time looked up in a table (in a third of the time of asking each character)."""
    out: list[int] = []
    table = _bmp_alnum()
    for part in _chunks(texts, chunk):
        joined = "".join(part)
        data = joined.encode("utf-16-le", "surrogatepass")
        if len(data) == 2 * len(joined):  # one unit a character: nothing beyond the BMP
            alnum = table[np.frombuffer(data, np.uint16)]
        else:
            codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), np.uint32)
            alnum = table[np.minimum(codes, 0xFFFF)]
            beyond = np.flatnonzero(codes > 0xFFFF)  # emoji, rarer scripts: asked one by one
            alnum[beyond] = [chr(c).isalnum() for c in codes[beyond].tolist()]
        sizes = np.fromiter(map(len, part), np.int64, len(part))
        counts = np.zeros(len(part), dtype=np.int64)
        filled = np.flatnonzero(sizes)  # reduceat reads an empty text as its next character
        if filled.size:
            starts = (np.cumsum(sizes) - sizes)[filled]
            counts[filled] = np.add.reduceat(alnum.view(np.uint8), starts, dtype=np.int64)
        out += counts.tolist()
    return out


def _chunks(texts: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    """Runs of consecutive texts of about `size` characters (a longer text alone)."""
    start = 0
    while start < len(texts):
        stop, total = start + 1, len(texts[start])
        while stop < len(texts) and total + len(texts[stop]) <= size:
            total += len(texts[stop])
            stop += 1
        yield texts[start:stop]
        start = stop


@functools.cache
def _bmp_alnum() -> np.ndarray:
    """`str.isalnum` of every code point of the Basic Multilingual Plane: asked of blocks of
    64 (all letters, as in most of the plane's CJK and Hangul, or none, as CONTENT_CHAR tells),
    and of each character of the other blocks (a third of the time of asking every one)."""
    table = np.zeros(0x10000, dtype=bool)
    plane = np.arange(0x10000, dtype=np.uint32).tobytes().decode("utf-32-le", "surrogatepass")
    for start in range(0, 0x10000, 64):
        block = plane[start : start + 64]
        if block.isalnum():
            table[start : start + 64] = True
        elif CONTENT_CHAR.search(block) is not None:  # [^\W_]: what str.isalnum says
            table[start : start + 64] = [c.isalnum() for c in block]
    return table


def may_link(text: str) -> bool:
    """Whether `text` may hold a link (else it has none, nor has any part of it)."""
    return "http" in text or "www." in text or "pic." in text


LINK_MARKS = ("http", "www.", "pic.")  # what may_link looks for


def whole(side: str, p: Paragraph) -> Span:
    return Span(side, p.index, 0, len(p.text))


def clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
