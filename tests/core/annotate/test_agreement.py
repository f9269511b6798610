"""Agreement: κ and α against a hand-made confusion matrix and the `krippendorff` package."""

from __future__ import annotations

from pathlib import Path

import krippendorff
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.annotate.agreement import (
    CURATION,
    agreement,
    annotators_of,
    cohen_kappa,
    krippendorff_alpha,
    unit_spans,
)
from reader.core.annotate.annotations import Annotation, Status, TagRef, new_annotation
from reader.core.errors import InputError
from reader.core.text.document import Text, text_from_string
from tests.core.workspace_helpers import SOURCE_LINES, TARGET_LINES

LOADED = TagRef("p", "loaded")
SOFT = TagRef("t", "softening")
NAME = TagRef("t", "name")
TAGS = (LOADED, SOFT, NAME)


def _texts() -> dict[str, Text]:
    return {
        "source": text_from_string("\n".join(SOURCE_LINES) + "\n", language="ar"),
        "target": text_from_string("\n".join(TARGET_LINES) + "\n", language="en"),
    }


def _note(texts, author: str, side: str, paragraph: int, start: int, end: int, *tags: TagRef):
    return new_annotation(texts[side], side, paragraph, start, end, tags=tags, author=author)


def _hand_codes(texts, annotations, author: str, tag: TagRef | None) -> list:
    """Each character of each paragraph (source, then target): 0/1 for `tag`, or the sorted
    tuple of tags over it for None; computed here without the module's arrays."""
    out: list = []
    for side in ("source", "target"):
        for para in texts[side].paragraphs:
            for pos in range(para.start, para.end):
                over = {t for a in annotations if a.author == author and a.side == side
                        and a.status is Status.ANCHORED and a.abs_start <= pos < a.abs_end
                        for t in a.tags}
                out.append(int(tag in over) if tag is not None else tuple(sorted(over)))
    return out


def _kappa_by_hand(a: list, b: list) -> float:
    """From the confusion matrix: p_o its diagonal, p_e the products of its margins."""
    cats = sorted(set(a) | set(b), key=repr)
    n = len(a)
    matrix = [[sum(1 for x, y in zip(a, b, strict=True) if x == c and y == d) for d in cats]
              for c in cats]
    p_o = sum(matrix[i][i] for i in range(len(cats))) / n
    rows = [sum(r) / n for r in matrix]
    cols = [sum(matrix[i][j] for i in range(len(cats))) / n for j in range(len(cats))]
    p_e = sum(r * c for r, c in zip(rows, cols, strict=True))
    return (p_o - p_e) / (1 - p_e)


def _reference_alpha(codings: list[list]) -> float:
    """The `krippendorff` package's nominal α over the same codings (categories as numbers)."""
    cats = {c: i for i, c in enumerate(sorted({c for row in codings for c in row}, key=repr))}
    data = np.array([[cats[c] for c in row] for row in codings], dtype=float)
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def test_cohen_kappa_of_a_textbook_table() -> None:
    # 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15 -> p_o 0.7, p_e 0.5, κ 0.4
    a = [1] * 25 + [0] * 25
    b = [1] * 20 + [0] * 5 + [1] * 10 + [0] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4, abs=1e-12)
    assert cohen_kappa([1, 1], [1, 1]) is None  # no variation: undefined


def test_two_annotators_per_tag_and_overall_match_hand_kappa_and_the_package() -> None:
    texts = _texts()
    notes = [
        _note(texts, "Lina", "source", 0, 0, 16, LOADED),
        _note(texts, "Omar", "source", 0, 2, 16, LOADED),
        _note(texts, "Lina", "target", 0, 0, 4, NAME),
        _note(texts, "Omar", "target", 0, 0, 4, NAME, SOFT),
        _note(texts, "Omar", "target", 2, 4, 15, SOFT),
        _note(texts, "Lina", "source", 3, 0, 6, SOFT),
    ]
    result = agreement(notes, texts)
    assert result.annotators == ("Lina", "Omar")
    assert [r.tag for r in result.tags] == [LOADED, SOFT, NAME]
    for row in result.rows:
        lina = _hand_codes(texts, notes, "Lina", row.tag)
        omar = _hand_codes(texts, notes, "Omar", row.tag)
        assert result.n_units == len(lina)
        assert row.kappa == pytest.approx(_kappa_by_hand(lina, omar), abs=1e-9)
        assert row.alpha == pytest.approx(_reference_alpha([lina, omar]), abs=1e-9)
    soft = result.tags[1]
    assert soft.annotations == (1, 2)
    assert soft.units == (6, 4 + 11)


def test_three_annotators_give_alpha_only_equal_to_the_package() -> None:
    texts = _texts()
    notes = [
        _note(texts, "A", "source", 0, 0, 16, LOADED),
        _note(texts, "B", "source", 0, 0, 10, LOADED),
        _note(texts, "C", "source", 0, 5, 20, SOFT),
        _note(texts, "C", "source", 1, 0, 5, LOADED),
        _note(texts, "A", "target", 1, 3, 9, NAME),
        _note(texts, "B", "target", 1, 3, 9, NAME),
    ]
    result = agreement(notes, texts)
    assert result.annotators == ("A", "B", "C")
    for row in result.rows:
        assert row.kappa is None
        codes = [_hand_codes(texts, notes, n, row.tag) for n in result.annotators]
        assert row.alpha == pytest.approx(_reference_alpha(codes), abs=1e-9)
    # a subset of annotators: κ again
    two = agreement(notes, texts, ["A", "B"])
    assert two.overall.kappa is not None and two.overall.alpha is not None


def test_token_units_ignore_a_trailing_full_stop_and_the_spaces_between_words() -> None:
    texts = _texts()
    line = TARGET_LINES[2]  # "The Iraqi regime again, ..."
    notes = [
        _note(texts, "A", "target", 2, 0, len("The Iraqi regime again,"), SOFT),
        _note(texts, "B", "target", 2, 0, len("The Iraqi regime again"), SOFT),
    ]
    words = agreement(notes, texts, unit="token")
    assert words.overall.observed == 1.0 and words.overall.kappa == pytest.approx(1.0)
    chars = agreement(notes, texts, unit="char")
    assert chars.overall.observed is not None and chars.overall.observed < 1.0
    starts, ends = unit_spans(texts["target"], "token")
    first = texts["target"].paragraphs[2].start
    k = list(starts).index(first)
    assert texts["target"].content[starts[k]:ends[k + 3]] == "The Iraqi regime again"
    assert line.startswith("The")


def test_orphans_and_the_curation_layer_are_not_annotators() -> None:
    texts = _texts()
    a = _note(texts, "A", "source", 0, 0, 5, LOADED)
    b = _note(texts, "B", "source", 0, 0, 5, LOADED)
    orphan: Annotation = _note(texts, "C", "source", 1, 0, 5, LOADED)
    orphan = Annotation(**{**{f: getattr(orphan, f) for f in orphan.__slots__},
                           "status": Status.ORPHAN})
    curated = _note(texts, CURATION, "source", 0, 0, 5, LOADED)
    notes = [a, b, orphan, curated]
    assert annotators_of(notes) == ["A", "B"]
    assert agreement(notes, texts).overall.kappa == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("who", "message"),
    [(["A"], "two or more annotators"), (["A", "Z"], "no annotations by 'Z'")],
)
def test_bad_annotator_choices_are_one_line_errors(who, message) -> None:
    texts = _texts()
    notes = [_note(texts, "A", "source", 0, 0, 5, LOADED), _note(texts, "B", "source", 0, 0, 5)]
    with pytest.raises(InputError, match=message):
        agreement(notes, texts, who)
    with pytest.raises(InputError, match="two or more"):
        agreement(notes[:1], texts)


def test_an_unknown_unit_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown unit"):
        unit_spans(_texts()["source"], "sentence")


_span = st.tuples(
    st.sampled_from(["A", "B", "C"]), st.sampled_from(["source", "target"]),
    st.integers(0, 2), st.integers(0, 40), st.integers(1, 25),
    st.lists(st.sampled_from(TAGS), min_size=1, max_size=2, unique=True),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_span, min_size=2, max_size=12))
def test_random_annotations_agree_with_the_package_to_1e9(spans) -> None:
    texts = _texts()
    notes = []
    for author, side, paragraph, start, length, tags in spans:
        size = len(texts[side].paragraphs[paragraph].text)
        start = min(start, size - 1)
        notes.append(_note(texts, author, side, paragraph, start, min(size, start + length),
                           *tags))
    if len(annotators_of(notes)) < 2:
        with pytest.raises(InputError):
            agreement(notes, texts)
        return
    result = agreement(notes, texts)
    for row in result.rows:
        codes = [_hand_codes(texts, notes, name, row.tag) for name in result.annotators]
        if len({c for r in codes for c in r}) < 2:
            assert row.alpha is None
            continue
        assert row.alpha == pytest.approx(_reference_alpha(codes), abs=1e-9)
        if len(codes) == 2:
            assert row.kappa == pytest.approx(_kappa_by_hand(*codes), abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 4).flatmap(
    lambda m: st.lists(st.lists(st.integers(0, 3), min_size=m, max_size=m), min_size=1,
                       max_size=30)))
def test_alpha_of_any_complete_table_equals_the_package(units) -> None:
    data = np.array(units, dtype=np.int64).T  # annotators × units
    alpha, _ = krippendorff_alpha(data)
    if len(np.unique(data)) < 2:
        assert alpha is None
        return
    expected = krippendorff.alpha(reliability_data=data.astype(float),
                                  level_of_measurement="nominal")
    assert alpha == pytest.approx(float(expected), abs=1e-9)
