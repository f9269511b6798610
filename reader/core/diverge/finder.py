"""Finding where a translation departs from its original, bead by bead, from the alignment."""

from __future__ import annotations

import functools
import math
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from reader.core.align.aligner import align_segment_batch
from reader.core.align.beads import Alignment, AlignmentError, Bead, check_beads
from reader.core.anchors.dates import DateMention
from reader.core.anchors.features import URL, Anchors, number_key, text_anchors
from reader.core.anchors.glossary import Glossary, TermMention
from reader.core.anchors.numbers import NumberMention, numbers_equal
from reader.core.anchors.posts import Post, find_posts, parse_attribution
from reader.core.arabic.normalise import normalize
from reader.core.arabic.transliterate import name_similarity
from reader.core.diverge.records import Divergence, DivergenceKind, Severity, Span
from reader.core.diverge.thresholds import Thresholds
from reader.core.text.document import Kind, Paragraph, Text
from reader.core.text.sentences import Sentence, split_sentences

SOURCE = "source"
TARGET = "target"
# Paragraph kinds that are compared for numbers, dates and names (posts, duplicates and
# boilerplate are reported, if at all, as what they are).
_COMPARED = frozenset({Kind.BODY, Kind.HEADING})
# Glossary categories that name a person, place or organisation.
NAME_CATEGORIES = frozenset(
    {
        "person", "people", "place", "country", "city", "region", "province", "governorate",
        "organisation", "organization", "party", "militia", "group", "movement", "institution",
        "media", "agency", "army",
    }
)
_LANGUAGE_NAMES = {"ar": "Arabic", "en": "English", "fr": "French", "fa": "Persian"}
_CONTENT_CHAR = re.compile(r"[^\W_]")
_NEXT_WORD = re.compile(r"\s*[^\s.,;:!?،؛؟…\"“”«»()]+")
_SEVERITY_ORDER = {Severity.INFO: 0, Severity.WARNING: 1, Severity.SERIOUS: 2}


@dataclass(slots=True)
class _Side:
    """One text as the detector sees it: paragraphs, their anchors, and helpers."""

    name: str  # SOURCE or TARGET
    text: Text
    anchors: list[Anchors]
    lengths: list[int]  # each paragraph's content length (_content_length)

    @property
    def lang(self) -> str:
        return self.text.language

    def paragraph(self, i: int) -> Paragraph:
        return self.text.paragraphs[i]


def find_divergences(
    source: Text,
    target: Text,
    alignment: Alignment,
    thresholds: Thresholds | None = None,
    *,
    glossary: Glossary | None = None,
    anchors: tuple[Sequence[Anchors], Sequence[Anchors]] | None = None,
) -> list[Divergence]:
    """Every divergence of an aligned pair, in text order of the source (then the target).

    `anchors` may pass the per-paragraph anchors the aligner already extracted (source list,
    target list) so that nothing is parsed twice; otherwise they are extracted here, once per
    paragraph. Raises AlignmentError when the alignment does not fit the two texts.
    """
    th = thresholds or Thresholds()
    _check(source, target, alignment)
    if anchors is None:
        if glossary is None:
            glossary = _builtin_glossary()
        anchors = (text_anchors(source, glossary), text_anchors(target, glossary))
    elif len(anchors[0]) != len(source) or len(anchors[1]) != len(target):
        raise AlignmentError("the anchors given do not match the texts' paragraphs")
    src = _Side(SOURCE, source, list(anchors[0]), _lengths(source))
    tgt = _Side(TARGET, target, list(anchors[1]), _lengths(target))
    found: list[Divergence] = []
    found += _embedded_posts(src, tgt, alignment)
    found += _embedded_posts(tgt, src, alignment)
    found += _null_beads(src, tgt, alignment, th)
    found += _numbers_and_dates(src, tgt, alignment, th)
    if th.name_mismatch:
        found += _names(src, tgt, alignment, th, glossary)
    ratio, lengths = _length_model(src, tgt, alignment, th)
    found += _length_anomalies(src, tgt, alignment, lengths, th)
    found += _sentence_omissions(src, tgt, alignment, th, ratio, glossary)
    return sorted(found, key=lambda d: _order(d, alignment))


_KIND_ORDER = {kind: n for n, kind in enumerate(DivergenceKind)}


def _order(d: Divergence, alignment: Alignment) -> tuple[int, int, int, int, int]:
    """Reading order: by bead, source side first, then paragraph, kind and place."""
    if d.bead is not None:
        bead = d.bead
    elif d.paragraphs:
        bead = alignment.bead_of(d.side, d.paragraphs[0])
    else:
        bead = len(alignment)
    start = d.spans[0].start if d.spans else 0
    return (bead, 0 if d.side == SOURCE else 1, d.paragraphs[0] if d.paragraphs else 0,
            _KIND_ORDER.get(d.kind, 99), start)


def _builtin_glossary() -> Glossary | None:
    try:
        return Glossary.load()
    except Exception:  # a missing or broken built-in glossary only costs the names
        return None


def _check(source: Text, target: Text, alignment: Alignment) -> None:
    if alignment.n_src != len(source) or alignment.n_tgt != len(target):
        raise AlignmentError(
            f"the alignment is for {alignment.n_src} source and {alignment.n_tgt} target "
            f"paragraphs, but the texts have {len(source)} and {len(target)}"
        )
    check_beads(alignment.beads, len(source), len(target))


def _has_content(text: str) -> bool:
    """Whether a paragraph holds letters or digits once links are removed (not only emoji)."""
    return bool(_CONTENT_CHAR.search(URL.sub(" ", text)))


def _content_length(text: str) -> int:
    """Letters and digits (not spaces, marks or punctuation), links left out."""
    if _may_link(text):
        text = URL.sub(" ", text)
    return sum(map(str.isalnum, text))


def _lengths(text: Text) -> list[int]:
    """`_content_length` of every paragraph, counted for all of them at once."""
    return _alnum_counts(
        [URL.sub(" ", p.text) if _may_link(p.text) else p.text for p in text.paragraphs]
    )


def _alnum_counts(texts: Sequence[str], chunk: int = 1 << 20) -> list[int]:
    """`sum(map(str.isalnum, t))` for each of `texts`: the characters of about `chunk` of them
    at a time looked up in a table (in a third of the time of asking each character)."""
    out: list[int] = []
    for part in _chunks(texts, chunk):
        codes = np.frombuffer("".join(part).encode("utf-32-le", "surrogatepass"), np.uint32)
        alnum = _bmp_alnum()[np.minimum(codes, 0xFFFF)]
        beyond = np.flatnonzero(codes > 0xFFFF)  # emoji, rarer scripts: asked one by one
        if beyond.size:
            alnum[beyond] = [chr(c).isalnum() for c in codes[beyond].tolist()]
        running = np.concatenate(([0], np.cumsum(alnum, dtype=np.int64)))
        sizes = np.array([len(t) for t in part], dtype=np.int64)
        ends = np.cumsum(sizes)
        out += (running[ends] - running[ends - sizes]).tolist()
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
    """`str.isalnum` of every code point of the Basic Multilingual Plane."""
    return np.array([chr(c).isalnum() for c in range(0x10000)], dtype=bool)


def _may_link(text: str) -> bool:
    """Whether `text` may hold a link (else it has none, nor has any part of it)."""
    return "http" in text or "www." in text or "pic." in text


def _whole(side: str, p: Paragraph) -> Span:
    return Span(side, p.index, 0, len(p.text))


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ---------------------------------------------------------------------------------------------
# embedded posts


def _post_records(side: _Side) -> dict[int, tuple[list[int], Post | None]]:
    """Post number -> (its paragraphs, its parsed Post) for one text."""
    groups: dict[int, list[int]] = {}
    for p in side.text.paragraphs:
        if p.kind is Kind.EMBEDDED_POST:
            groups.setdefault(p.post if p.post is not None else -1 - p.index, []).append(p.index)
    if not groups:
        return {}
    posts = find_posts([p.text for p in side.text.paragraphs])
    by_members = {post.paragraphs: post for post in posts}
    return {k: (members, by_members.get(tuple(members))) for k, members in groups.items()}


def _embedded_posts(side: _Side, other: _Side, alignment: Alignment) -> list[Divergence]:
    out: list[Divergence] = []
    for members, post in _post_records(side).values():
        # A post the translation carries has beads joining its lines (and only them) to
        # paragraphs on the other side, for most of its lines; a lone line matched
        # by chance (the aligner is told posts are cheap to leave out, not that they must
        # be) does not count. Otherwise it is reported, all its lines together.
        beads = {alignment.bead_of(side.name, i) for i in members}
        carried = 0
        for b in beads:
            bead = alignment[b]
            mine = bead.src if side.name == SOURCE else bead.tgt
            theirs = bead.tgt if side.name == SOURCE else bead.src
            if theirs and set(mine) <= set(members):
                carried += len(mine)
        if 2 * carried > len(members):
            continue
        platform, name, handle, date = _post_identity(side, members, post)
        who = f"@{handle}" if handle else (name or "an unnamed account")
        where = "" if platform in ("x", "") else f" on {platform.capitalize()}"
        when = f", {date}" if date else ""
        single = alignment.bead_of(side.name, members[0])
        out.append(
            Divergence(
                kind=DivergenceKind.EMBEDDED_POST,
                severity=Severity.WARNING,  # the post's content is left out
                side=side.name,
                paragraphs=tuple(members),
                detail=f"post by {who}{where}{when}, not in the {_side_word(other.name)}",
                bead=single if len(beads) == 1 else None,
                spans=tuple(_whole(side.name, side.paragraph(i)) for i in members),
                values=tuple(v for v in (f"@{handle}" if handle else name, date) if v),
            )
        )
    return out


def _side_word(name: str) -> str:
    return "target" if name == TARGET else "source"


def _post_identity(
    side: _Side, members: list[int], post: Post | None
) -> tuple[str, str, str | None, str | None]:
    if post is not None:
        return post.platform, post.name, post.handle, post.date
    parsed = parse_attribution(side.paragraph(members[-1]).text)
    return parsed if parsed is not None else ("", "", None, None)


# ---------------------------------------------------------------------------------------------
# omissions and additions


def _null_beads(src: _Side, tgt: _Side, alignment: Alignment, th: Thresholds) -> list[Divergence]:
    out: list[Divergence] = []
    for b, bead in enumerate(alignment):
        if not bead.is_null:
            continue
        side, other = (src, tgt) if bead.src else (tgt, src)
        members = bead.src or bead.tgt
        paragraphs = [side.paragraph(i) for i in members]
        kept = [p for p in paragraphs if p.kind in _COMPARED and _has_content(p.text)]
        if not kept:
            continue  # posts, duplicates, boilerplate, or a line of only emoji or links
        chars = sum(_content_length(p.text) for p in kept)
        heading = all(p.kind is Kind.HEADING for p in kept)
        if heading or chars < th.omission_min_chars:
            severity = Severity.INFO
        elif chars >= th.omission_serious_chars:
            severity = Severity.SERIOUS
        else:
            severity = Severity.WARNING
        kind = DivergenceKind.OMISSION if side.name == SOURCE else DivergenceKind.ADDITION
        what = "heading" if heading else "paragraph"
        if len(kept) > 1:
            what += "s"
        if side.name == SOURCE:
            detail = f"{what} ‘{_clip(kept[0].text, 50)}’ is left out of {_lang_of(other)}"
        else:
            detail = f"{what} ‘{_clip(kept[0].text, 50)}’ has no counterpart in {_lang_of(other)}"
        out.append(
            Divergence(
                kind=kind,
                severity=severity,
                side=side.name,
                paragraphs=tuple(p.index for p in kept),
                detail=detail,
                bead=b,
                spans=tuple(_whole(side.name, p) for p in kept),
            )
        )
    return out


def _lang_of(side: _Side) -> str:
    name = _LANGUAGE_NAMES.get(side.lang)
    return f"the {name} text" if name else f"the {_side_word(side.name)}"


# ---------------------------------------------------------------------------------------------
# numbers and dates


@dataclass(slots=True)
class _Values:
    """What one paragraph can match on the other side: numbers (with years of dates) and dates."""

    numbers: list[NumberMention]  # reportable numbers, outside full dates
    dates: list[DateMention]  # dates with at least a month
    pool: list[float]  # every value a number elsewhere may match: numbers, years, date parts
    keys: set[str]


def _values(anchors: Anchors) -> _Values:
    dates = [d for d in anchors.dates if d.month]
    spans = [(d.start, d.end) for d in dates]
    numbers = [n for n in anchors.numbers if all(n.end <= s or n.start >= e for s, e in spans)]
    pool = [n.value for n in anchors.numbers]
    pool += [float(d.year) for d in anchors.dates if d.year]
    keys = {number_key(v) for v in pool}
    return _Values(numbers, dates, pool, keys)


def _has_value(value: float, pools: Iterable[_Values]) -> bool:
    key = number_key(value)
    for pool in pools:
        if key in pool.keys or any(numbers_equal(value, v) for v in pool.pool):
            return True
    return False


def _date_compatible(a: DateMention, b: DateMention) -> bool:
    if not a.month or not b.month or a.month != b.month:
        return False
    if a.year and b.year and a.year != b.year:
        return False
    return not (a.day and b.day and a.day != b.day)


def _date_text(d: DateMention) -> str:
    return "-".join(str(x) for x in (d.year, d.month, d.day) if x) if d.year else d.surface


def _number_shown(n: NumberMention, text: str) -> tuple[str, str]:
    """The number as reported, and its context: the surface plus the word after a bare number."""
    shown = number_key(n.value) if n.surface.strip().isdigit() else n.surface.strip()
    context_end = n.end
    if not _CONTENT_CHAR.search(re.sub(r"[\d٠-٩.,٫٬]", "", n.surface)):
        m = _NEXT_WORD.match(text, n.end)
        if m:
            context_end = m.end()
    return shown, text[n.start : context_end].strip()


def _numbers_and_dates(
    src: _Side, tgt: _Side, alignment: Alignment, th: Thresholds
) -> list[Divergence]:
    values = {
        SOURCE: [_values(a) for a in src.anchors],
        TARGET: [_values(a) for a in tgt.anchors],
    }
    out: list[Divergence] = []
    reach = max(0, th.number_neighbour_beads)
    for b, bead in enumerate(alignment):
        if bead.is_null:
            continue
        for side, other in ((src, tgt), (tgt, src)):
            mine = bead.src if side.name == SOURCE else bead.tgt
            theirs = bead.tgt if side.name == SOURCE else bead.src
            here = [values[other.name][j] for j in theirs]
            near = [
                values[other.name][j]
                for k in range(max(0, b - reach), min(len(alignment), b + reach + 1))
                if k != b
                for j in (alignment[k].tgt if side.name == SOURCE else alignment[k].src)
            ]
            seen: set[str] = set()
            for i in mine:
                p = side.paragraph(i)
                if p.kind not in _COMPARED:
                    continue
                v = values[side.name][i]
                for n in v.numbers:
                    if _minor(n, th):
                        continue
                    key = number_key(n.value)
                    if key in seen or _has_value(n.value, here) or _has_value(n.value, near):
                        continue
                    seen.add(key)
                    out.append(_number_record(side, other, b, p, n))
                for d in v.dates:
                    key = "d:" + _date_text(d)
                    if key in seen:
                        continue
                    if any(_date_compatible(d, e) for pool in here + near for e in pool.dates):
                        continue
                    seen.add(key)
                    out.append(_date_record(side, other, b, p, d, here))
    return out


def _minor(n: NumberMention, th: Thresholds) -> bool:
    """Small numbers without a unit (one, two sides, the three of them) are not reported."""
    return not n.is_year and n.unit is None and abs(n.value) < th.number_min_value


def _number_record(
    side: _Side, other: _Side, b: int, p: Paragraph, n: NumberMention
) -> Divergence:
    shown, context = _number_shown(n, p.text)
    where = f"in ‘{context}’ " if context and context != shown else ""
    return Divergence(
        kind=DivergenceKind.NUMBER_MISMATCH,
        severity=Severity.SERIOUS,
        side=side.name,
        paragraphs=(p.index,),
        detail=f"{shown} {where}has no counterpart in {_paragraph_of(other)}",
        bead=b,
        spans=(Span(side.name, p.index, n.start, n.end),),
        values=(number_key(n.value),),
    )


def _date_record(
    side: _Side, other: _Side, b: int, p: Paragraph, d: DateMention, here: list[_Values]
) -> Divergence:
    year_there = d.year is not None and any(
        number_key(float(d.year)) in pool.keys for pool in here
    )
    detail = f"the date ‘{d.surface.strip()}’ has no counterpart in {_paragraph_of(other)}"
    if year_there:
        detail += f" (which gives only the year {d.year})"
    return Divergence(
        kind=DivergenceKind.DATE_MISMATCH,
        severity=Severity.WARNING if year_there else Severity.SERIOUS,
        side=side.name,
        paragraphs=(p.index,),
        detail=detail,
        bead=b,
        spans=(Span(side.name, p.index, d.start, d.end),),
        values=(_date_text(d),),
    )


def _paragraph_of(side: _Side) -> str:
    name = _LANGUAGE_NAMES.get(side.lang)
    return f"the {name} paragraph" if name else f"the {_side_word(side.name)} paragraph"


# ---------------------------------------------------------------------------------------------
# names


def _names(
    src: _Side, tgt: _Side, alignment: Alignment, th: Thresholds, glossary: Glossary | None
) -> list[Divergence]:
    if glossary is None:
        glossary = _builtin_glossary()
    if glossary is None:
        return []
    terms = glossary.terms
    out: list[Divergence] = []
    reach = max(0, th.number_neighbour_beads)
    for b, bead in enumerate(alignment):
        if bead.is_null:
            continue
        for side, other in ((src, tgt), (tgt, src)):
            mine = bead.src if side.name == SOURCE else bead.tgt
            theirs = [
                j
                for k in range(max(0, b - reach), min(len(alignment), b + reach + 1))
                for j in (alignment[k].tgt if side.name == SOURCE else alignment[k].src)
            ]
            there = {t.term_id for j in theirs for t in other.anchors[j].terms}
            counterpart: _Counterpart | None = None  # read when a name needs it
            reported: set[str] = set()
            for i in mine:
                p = side.paragraph(i)
                if p.kind not in _COMPARED:
                    continue
                for mention in side.anchors[i].terms:
                    term = terms.get(mention.term_id)
                    if (
                        term is None
                        or term.category.lower() not in NAME_CATEGORIES
                        or mention.term_id in there
                        or mention.term_id in reported
                        or len(mention.surface.strip()) < th.name_min_chars
                    ):
                        continue
                    variants = term.en if other.lang == "en" else term.ar
                    if counterpart is None:
                        counterpart = _Counterpart([other.paragraph(j).text for j in theirs])
                    if _named_anyway(mention, side.lang, variants, counterpart, th):
                        continue
                    reported.add(mention.term_id)
                    out.append(
                        Divergence(
                            kind=DivergenceKind.NAME_MISMATCH,
                            severity=Severity.INFO,
                            side=side.name,
                            paragraphs=(p.index,),
                            detail=(
                                f"‘{mention.surface.strip()}’ ({term.category}) is named here "
                                f"but not in {_paragraph_of(other)}"
                            ),
                            bead=b,
                            spans=(Span(side.name, p.index, mention.start, mention.end),),
                            values=(mention.term_id,),
                        )
                    )
    return out


_LATIN_NAME = re.compile(r"[A-Z][\w’'-]{2,}")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]{3,}")


class _Counterpart:
    """The other side's paragraphs around a bead, as the name check reads them: read once,
    however many names of the bead are looked up in them."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.joined = "\n".join(texts)

    @functools.cached_property
    def folded(self) -> str:
        return self.joined.casefold()

    @functools.cached_property
    def normalized(self) -> str:
        return normalize(self.joined)

    @functools.cached_property
    def latin_names(self) -> list[str]:
        """Capitalised words, each once, in order."""
        return list(dict.fromkeys(_LATIN_NAME.findall(self.joined)))

    @functools.cached_property
    def arabic_words(self) -> list[str]:
        """Arabic words of three letters or more, each once, in order."""
        return list(dict.fromkeys(_ARABIC_WORD.findall(self.joined)))


def _named_anyway(
    mention: TermMention,
    lang: str,
    variants: Sequence[str],
    there: _Counterpart,
    th: Thresholds,
) -> bool:
    """Whether the other side names the same entity in a form the glossary did not catch:
    one of the term's words, or a word whose consonant skeleton matches the name's."""
    similarity = name_similarity
    if lang == "ar":
        for variant in variants:
            for word in re.findall(r"[\w’'-]{4,}", variant):
                # a stem, so that "Lebanese" and "Iranian" count for Lebanon and Iran
                stem = word.casefold()[: max(4, len(word) - 2)]
                if stem in there.folded:
                    return True
        return any(
            similarity(mention.surface, w) >= th.name_similarity for w in there.latin_names
        )
    for variant in variants:
        for word in _ARABIC_WORD.findall(normalize(variant)):
            if len(word) >= 4 and word.removeprefix("ال") in there.normalized:
                return True
    return any(
        similarity(w, mention.surface) >= th.name_similarity for w in there.arabic_words
    )


# ---------------------------------------------------------------------------------------------
# length


def _bead_lengths(side: _Side, members: Sequence[int], cache: list[int]) -> int:
    return sum(cache[i] for i in members if side.paragraph(i).kind in _COMPARED)


def _length_model(
    src: _Side, tgt: _Side, alignment: Alignment, th: Thresholds
) -> tuple[float, list[tuple[int, int, int, float]]]:
    """The pair's typical length ratio (target/source) and, per non-null bead, its lengths:
    (bead, source chars, target chars, log ratio)."""
    rows: list[tuple[int, int, int, float]] = []
    for b, bead in enumerate(alignment):
        if bead.is_null:
            continue
        ls = _bead_lengths(src, bead.src, src.lengths)
        lt = _bead_lengths(tgt, bead.tgt, tgt.lengths)
        if ls and lt:
            rows.append((b, ls, lt, math.log(lt / ls)))
    sample = [r[3] for r in rows if max(r[1], r[2]) >= th.length_min_chars]
    if len(sample) < th.length_min_beads:
        # too few beads to learn from (and they may be the very ones that diverge)
        return th.default_length_ratio, rows
    return math.exp(statistics.median(sample)), rows


def _length_anomalies(
    src: _Side,
    tgt: _Side,
    alignment: Alignment,
    rows: list[tuple[int, int, int, float]],
    th: Thresholds,
) -> list[Divergence]:
    sample = [r[3] for r in rows if max(r[1], r[2]) >= th.length_min_chars]
    if len(sample) < th.length_min_beads:
        return []
    median = statistics.median(sample)
    mad = statistics.median(abs(x - median) for x in sample)
    spread = max(1.4826 * mad, th.length_min_spread)
    out: list[Divergence] = []
    for b, ls, lt, log_ratio in rows:
        if max(ls, lt) < th.length_min_chars:
            continue
        z = (log_ratio - median) / spread
        if abs(z) <= th.length_robust_z:
            continue
        bead = alignment[b]
        share = math.exp(log_ratio - median)
        if z < 0:
            side, paragraphs = SOURCE, bead.src
            detail = (
                f"the target is {share:.0%} of the length the pair's ratio predicts "
                f"({lt} characters for {ls}): condensed"
            )
        else:
            side, paragraphs = TARGET, bead.tgt
            detail = (
                f"the target is {share:.0%} of the length the pair's ratio predicts "
                f"({lt} characters for {ls}): expanded"
            )
        spans = tuple(_whole(SOURCE, src.paragraph(i)) for i in bead.src) + tuple(
            _whole(TARGET, tgt.paragraph(j)) for j in bead.tgt
        )
        out.append(
            Divergence(
                kind=DivergenceKind.LENGTH_ANOMALY,
                severity=Severity.SERIOUS if abs(z) > th.length_serious_z else Severity.WARNING,
                side=side,
                paragraphs=tuple(paragraphs),
                detail=detail,
                bead=b,
                spans=spans,
                values=(f"{share:.2f}",),
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# sentences left out inside n:m beads


@dataclass(frozen=True, slots=True)
class _Segment:
    paragraph: int
    sentence: Sentence
    length: int
    keys: frozenset[str]


def _segments(side: _Side, members: Sequence[int]) -> list[_Segment]:
    out: list[_Segment] = []
    for i in members:
        p = side.paragraph(i)
        if p.kind not in _COMPARED:
            continue
        a = side.anchors[i]
        mentions: list[tuple[int, str]] = [(n.start, f"n:{number_key(n.value)}") for n in a.numbers]
        mentions += [(d.start, f"d:{_date_text(d)}") for d in a.dates if d.month]
        mentions += [(t.start, f"g:{t.term_id}") for t in a.terms]
        for s in split_sentences(p.text, side.lang):
            keys = frozenset(k for pos, k in mentions if s.start <= pos < s.end)
            out.append(_Segment(i, s, _content_length(s.text), keys))
    return out




def _sentence_omissions(
    src: _Side, tgt: _Side, alignment: Alignment, th: Thresholds, ratio: float,
    glossary: Glossary | None,
) -> list[Divergence]:
    """Inside a 1:n or n:1 bead, sentences the aligner leaves without counterpart when it
    aligns the bead's sentences with the same anchors, lexicon and length model."""
    candidates = _sentence_candidates(src, tgt, alignment, th, ratio)
    # one programme for all the beads: align_segments on each would pay the aligner's fixed
    # cost per bead, most of the time for a handful of sentences
    aligned = align_segment_batch(
        [([x.sentence.text for x in s], [y.sentence.text for y in t]) for _, s, t in candidates],
        src.lang, tgt.lang, glossary,
    )
    out: list[Divergence] = []
    for (b, s_segs, t_segs), sub_beads in zip(candidates, aligned, strict=True):
        out += _unmatched_sentences(src, tgt, b, s_segs, t_segs, sub_beads, th)
    return out


def _sentence_candidates(
    src: _Side, tgt: _Side, alignment: Alignment, th: Thresholds, ratio: float
) -> list[tuple[int, list[_Segment], list[_Segment]]]:
    """The beads worth aligning sentence by sentence, with their sentences: 1:n or n:1, and
    short of at least a sentence's length."""
    out = []
    for b, bead in enumerate(alignment):
        if bead.is_null or (len(bead.src) == 1 and len(bead.tgt) == 1):
            continue
        # a side as long as the pair's ratio predicts cannot lack a whole long sentence
        ls = _sentence_chars(src, bead.src)
        lt = _sentence_chars(tgt, bead.tgt)
        # a missing sentence leaves the bead short by at least that sentence, beyond the
        # ordinary spread of translation lengths (Gale and Church: variance grows with length)
        spread = math.sqrt(th.sentence_length_variance * ratio * max(ls, 1))
        if abs(lt - ls * ratio) < max(th.sentence_min_chars * min(ratio, 1.0), 1.5 * spread):
            continue
        s_segs = _segments(src, bead.src)
        t_segs = _segments(tgt, bead.tgt)
        if not s_segs or not t_segs or len(s_segs) + len(t_segs) < 3:
            continue
        if max(len(s_segs), len(t_segs)) > th.sentence_max_per_side:
            continue
        out.append((b, s_segs, t_segs))
    return out


def _sentence_chars(side: _Side, members: Sequence[int]) -> int:
    """What the lengths of the members' sentences (their _Segments) add up to, most of the
    time without cutting the sentences: they hold every letter and digit of the paragraph,
    and only where there may be a link can a paragraph's count differ from its sentences'."""
    total = 0
    for i in members:
        p = side.paragraph(i)
        if p.kind not in _COMPARED:
            continue
        if _may_link(p.text):
            total += sum(_content_length(s.text) for s in split_sentences(p.text, side.lang))
        else:
            total += side.lengths[i]
    return total


def _unmatched_sentences(
    src: _Side, tgt: _Side, b: int, s_segs: list[_Segment], t_segs: list[_Segment],
    sub_beads: Sequence[Bead], th: Thresholds,
) -> list[Divergence]:
    """The sentences of bead `b` that its sentence alignment `sub_beads` leaves out."""
    out: list[Divergence] = []
    for sub in sub_beads:
        if sub.src and not sub.tgt:
            side, other, segs = src, tgt, [s_segs[k] for k in sub.src]
        elif sub.tgt and not sub.src:
            side, other, segs = tgt, src, [t_segs[k] for k in sub.tgt]
        else:
            continue
        for seg in segs:
            if seg.length < th.sentence_min_chars:
                continue
            out.append(
                Divergence(
                    kind=DivergenceKind.SENTENCE_OMISSION,
                    severity=Severity.WARNING,
                    side=side.name,
                    paragraphs=(seg.paragraph,),
                    detail=(
                        f"the sentence ‘{_clip(seg.sentence.text, 60)}’ has no counterpart "
                        f"in {_paragraph_of(other)}s"
                    ),
                    bead=b,
                    spans=(Span(side.name, seg.paragraph, seg.sentence.start, seg.sentence.end),),
                )
            )
    return out
