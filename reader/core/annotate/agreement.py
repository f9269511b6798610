"""Agreement between annotators: Cohen's κ (two) and Krippendorff's α, per tag and overall.

Span annotation is made a coding task the standard way: the texts are cut into **units** and every
annotator is taken to have coded every unit. The units are either each code point of every
paragraph of both sides (`unit="char"`, the default) or each word, a maximal run of word
characters (`unit="token"`, see `is_word_char`; white space and punctuation between words are then
not units, so a span that does or does not take the full stop does not count as a disagreement).

- Per tag T, an annotator codes a unit 1 when one of their anchored annotations carrying T covers
  it (a character) or overlaps it (a word), else 0: a binary coding of the whole text.
- Overall, an annotator codes a unit with the *set* of tags of all their annotations over it
  ("none" when there are none), each distinct set one nominal category; overlapping spans of one
  annotator thus make a combined category instead of being counted twice.

Orphans (no place in the current text), linked spans on the other side and the curation layer
(author `CURATION`) are not coded. κ is Cohen's (1960): (p_o − p_e) / (1 − p_e) from the two
annotators' marginals. α is Krippendorff's nominal α from the coincidence matrix, with no missing
values: 1 − (n − 1)·D_o / Σ_{c≠k} n_c·n_k. Both are None when undefined (every unit coded with the
same one value by everyone, so there is no variation to agree on).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from reader.core.annotate.annotations import SIDES, Annotation, Status, TagRef, is_word_char
from reader.core.errors import InputError
from reader.core.text.document import Text

# the author of the curated layer (see conflicts.py): a result, not an annotator
CURATION = "curation"
UNITS = ("char", "token")


@dataclass(frozen=True, slots=True)
class TagAgreement:
    """One row of the report: a tag (None for the overall coding) and its statistics."""

    tag: TagRef | None
    annotations: tuple[int, ...]  # per annotator: how many of their annotations carry the tag
    units: tuple[int, ...]  # per annotator: how many units they coded with it
    observed: float | None  # share of pairs of codings of a unit that agree
    kappa: float | None  # Cohen's κ (exactly two annotators)
    alpha: float | None  # Krippendorff's nominal α


@dataclass(frozen=True, slots=True)
class Agreement:
    """Agreement of `annotators` over `n_units` units: one row per tag, then the overall one."""

    annotators: tuple[str, ...]
    unit: str
    n_units: int
    tags: tuple[TagAgreement, ...]
    overall: TagAgreement

    @property
    def rows(self) -> tuple[TagAgreement, ...]:
        return (*self.tags, self.overall)


def annotators_of(annotations: Iterable[Annotation]) -> list[str]:
    """The annotators with anchored annotations, the curation layer left out, sorted."""
    names = {a.author for a in annotations if a.status is Status.ANCHORED}
    return sorted(names - {CURATION}, key=lambda n: (n.casefold(), n))


def unit_spans(text: Text, unit: str) -> tuple[np.ndarray, np.ndarray]:
    """The units of one text as arrays of absolute (start, end) offsets, in text order."""
    if unit not in UNITS:
        raise InputError(f"unknown unit {unit!r} (choose one of {', '.join(UNITS)})")
    starts: list[int] = []
    ends: list[int] = []
    for para in text.paragraphs:
        if unit == "char":
            starts.extend(range(para.start, para.end))
            ends.extend(range(para.start + 1, para.end + 1))
            continue
        inside = False
        for k, ch in enumerate(para.text):
            word = is_word_char(ch)
            if word and not inside:
                starts.append(para.start + k)
            elif not word and inside:
                ends.append(para.start + k)
            inside = word
        if inside:
            ends.append(para.end)
    return np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)


def _coded(
    spans: Sequence[tuple[int, int]], size: int, starts: np.ndarray, ends: np.ndarray
) -> np.ndarray:
    """Which units the spans cover (a unit is coded when any of its characters is covered)."""
    diff = np.zeros(size + 1, dtype=np.int64)
    for s, e in spans:
        diff[s] += 1
        diff[e] -= 1
    covered = np.cumsum(diff[:-1]) > 0
    prefix = np.concatenate(([0], np.cumsum(covered, dtype=np.int64)))
    return np.asarray((prefix[ends] - prefix[starts]) > 0)


def cohen_kappa(a: Sequence[int] | np.ndarray, b: Sequence[int] | np.ndarray) -> float | None:
    """Cohen's κ of two codings of the same units (any hashable integer categories)."""
    x, y = np.asarray(a), np.asarray(b)
    if x.shape != y.shape or x.size == 0:
        raise ValueError("two codings of the same, non-empty set of units are needed")
    values, inverse = np.unique(np.concatenate((x, y)), return_inverse=True)
    xi, yi = inverse[: x.size], inverse[x.size :]
    n = x.size
    p_o = float(np.mean(xi == yi))
    p_e = float(np.dot(np.bincount(xi, minlength=len(values)),
                       np.bincount(yi, minlength=len(values)))) / (n * n)
    if p_e >= 1.0:
        return None
    return (p_o - p_e) / (1.0 - p_e)


def krippendorff_alpha(codings: np.ndarray) -> tuple[float | None, float | None]:
    """Nominal α and the observed agreement of an (annotators × units) array with no gaps."""
    data = np.asarray(codings)
    m, n_units = data.shape
    if m < 2 or n_units == 0:
        raise ValueError("two or more annotators and one or more units are needed")
    _, inverse = np.unique(data, return_inverse=True)
    inverse = inverse.reshape(data.shape)
    k = int(inverse.max()) + 1
    # per unit, how many annotators gave each value
    counts = np.zeros((n_units, k), dtype=np.float64)
    for row in inverse:
        counts[np.arange(n_units), row] += 1.0
    n = float(m * n_units)
    disagreeing = float(np.sum(m * m - np.sum(counts * counts, axis=1))) / (m - 1)
    totals = counts.sum(axis=0)
    expected = n * n - float(np.dot(totals, totals))
    observed = 1.0 - disagreeing / n
    if expected <= 0.0:
        return None, observed
    return 1.0 - (n - 1.0) * disagreeing / expected, observed


def _stats(codings: np.ndarray) -> tuple[float | None, float | None, float | None]:
    alpha, observed = krippendorff_alpha(codings)
    kappa = cohen_kappa(codings[0], codings[1]) if codings.shape[0] == 2 else None
    return observed, kappa, alpha


def agreement(
    annotations: Iterable[Annotation],
    texts: Mapping[str, Text],
    annotators: Sequence[str] | None = None,
    unit: str = "char",
) -> Agreement:
    """The agreement of `annotators` (default: every annotator but the curation layer) over
    the texts of both sides; tags in the order of their first annotation (see module doc)."""
    records = [a for a in annotations if a.status is Status.ANCHORED]
    names = tuple(annotators) if annotators is not None else tuple(annotators_of(records))
    known = set(annotators_of(records)) | {CURATION}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise InputError(
            f"no annotations by {', '.join(repr(n) for n in unknown)} (annotators: "
            f"{', '.join(repr(n) for n in annotators_of(records)) or 'none'})"
        )
    if len(set(names)) < 2:
        raise InputError(
            "agreement needs two or more annotators; annotations here are by "
            f"{', '.join(repr(n) for n in annotators_of(records)) or 'nobody'}"
        )
    mine = [a for a in records if a.author in names]
    tags = list(dict.fromkeys(t for a in sorted(mine, key=_order) for t in a.tags))
    units = {side: unit_spans(texts[side], unit) for side in SIDES}
    n_units = sum(len(s) for s, _ in units.values())
    if n_units == 0:
        raise InputError("the texts have no units to code (no words in any paragraph)")
    # coded[annotator][tag] = boolean vector over all units (source units, then target units)
    coded = np.zeros((len(names), len(tags), n_units), dtype=bool)
    tag_index = {t: i for i, t in enumerate(tags)}
    for ai, name in enumerate(names):
        for ti, tag in enumerate(tags):
            parts = []
            for side in SIDES:
                spans = [(a.abs_start, a.abs_end) for a in mine
                         if a.author == name and a.side == side and tag in a.tags]
                starts, ends = units[side]
                parts.append(_coded(spans, len(texts[side].content), starts, ends))
            coded[ai, ti] = np.concatenate(parts)
    rows = []
    for tag, ti in tag_index.items():
        observed, kappa, alpha = _stats(coded[:, ti, :].astype(np.int64))
        rows.append(TagAgreement(
            tag, tuple(sum(1 for a in mine if a.author == n and tag in a.tags) for n in names),
            tuple(int(coded[ai, ti].sum()) for ai in range(len(names))), observed, kappa, alpha,
        ))
    overall_codes = _tag_sets(coded)
    observed, kappa, alpha = _stats(overall_codes)
    overall = TagAgreement(
        None, tuple(sum(1 for a in mine if a.author == n) for n in names),
        tuple(int(coded[ai].any(axis=0).sum()) for ai in range(len(names))), observed, kappa,
        alpha,
    )
    return Agreement(names, unit, n_units, tuple(rows), overall)


def _tag_sets(coded: np.ndarray) -> np.ndarray:
    """Each (annotator, unit)'s set of tags as one category number (0: no tag)."""
    m, n_tags, n_units = coded.shape
    if n_tags == 0:
        return np.zeros((m, n_units), dtype=np.int64)
    flat = coded.transpose(0, 2, 1).reshape(m * n_units, n_tags)
    _, inverse = np.unique(flat, axis=0, return_inverse=True)
    return np.asarray(inverse, dtype=np.int64).reshape(m, n_units)


def _order(a: Annotation) -> tuple[int, int, int]:
    return (SIDES.index(a.side), a.abs_start, a.abs_end)
