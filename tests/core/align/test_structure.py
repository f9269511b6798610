"""Text structure as evidence: shapes read from markers, and the 1:1 beads they support."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align.aligner import align_texts
from reader.core.align.structure import (
    BULLET,
    HEADING,
    NONE,
    NUMBERED,
    SHORT,
    SideShapes,
    agreement,
    joined,
    shape_of,
    side_shapes,
)
from reader.core.anchors.features import paragraph_features
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.core.text.document import load_text, text_from_string
from tests.bench.real_pairs import REAL


@pytest.mark.parametrize(
    ("text", "shape", "number"),
    [
        ("## Our Standards", HEADING, -1),
        ("### 3. حظر مؤقت", HEADING, 3),
        ("* Public or private harassment", BULLET, -1),
        ("- item", BULLET, -1),
        ("2. Use Quick Open (press Ctrl/Cmd+P)", NUMBERED, 2),
        ("٣. الصق", NUMBERED, 3),
        ("المادة 12", SHORT, 12),
        ("Everyone has the right to life, liberty and the security of person, and more words.",
         NONE, -1),
        ("#hashtag is no heading", SHORT, -1),
    ],
)
def test_shape_of_reads_markdown_markers(text: str, shape: int, number: int) -> None:
    assert shape_of(text) == (shape, number)


def _structure(ar: list[str], en: list[str]):  # type: ignore[no-untyped-def]
    glossary = Glossary.load()
    lexicon = Lexicon.load()
    src = [paragraph_features(t, "ar", glossary, stemmer=lexicon.stemmer) for t in ar]
    tgt = [paragraph_features(t, "en", glossary) for t in en]
    return joined(side_shapes(ar, src, lexicon), side_shapes(en, tgt, None))


def test_agreement_needs_the_same_shape_and_words_that_answer_each_other() -> None:
    ar = ["* قبول النقد البناء بلطف", "## قبول النقد البناء بلطف", "* إستخدام لغة ترحيبية وشاملة"]
    en = ["* Gracefully accepting constructive criticism",
          "* Demonstrating empathy and kindness toward other people"]
    structure = _structure(ar, en)
    share = agreement(structure, np.array([0, 1, 2]), np.array([0, 0, 1]))
    assert share[0] >= 0.4  # accepting, constructive: two words of four
    assert share[1] == 0.0  # a heading against a list item
    assert share[2] == 0.0  # two list items with nothing in common


def test_numbered_items_agree_only_with_the_same_number() -> None:
    structure = _structure(["3. اضغط على Enter"], ["3. Hit Enter", "4. Hit Enter"])
    share = agreement(structure, np.array([0, 0]), np.array([0, 1]))
    assert share[0] > 0 and share[1] == 0


@pytest.fixture(scope="module")
def covenant() -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    source = load_text(REAL / "coc-2.1.ar.txt")
    target = load_text(REAL / "coc-2.1.en.txt")
    return [(tuple(s), tuple(t)) for s, t in align_texts(source, target).as_pairs()]


@pytest.mark.parametrize(
    "bead",
    [
        ((8,), (8,)),  # * تقديم ملاحظات بناءة وقبولها بلطف / * Giving and gracefully accepting...
        ((16,), (16,)),  # * سلوك آخر ... في بيئة مهنية / * Other conduct ... professional setting
        ((14,), (14,)),  # * المضايقة العامة أو الخاصة / * Public or private harassment
        ((4,), (4,)),  # ## معاييرنا / ## Our Standards
        ((33,), (33,)),  # ### 3. حظر مؤقت / ### 3. Temporary Ban
    ],
)
def test_short_list_items_and_headings_of_a_real_document_align_one_to_one(
    covenant: list, bead: tuple
) -> None:
    assert bead in covenant


def test_a_list_item_pair_is_a_sure_one_to_one() -> None:
    # the Contributor Covenant 1.4 and its Arabic translation: before the structure evidence
    # this item came out as a 1:0 and a 0:1 bead, each with confidence 0.40
    source = load_text(REAL / "coc-1.4.ar.txt")
    target = load_text(REAL / "coc-1.4.en.txt")
    found = {(b.src, b.tgt): b.confidence for b in align_texts(source, target).beads}
    assert found.get(((7,), (7,)), 0.0) >= 0.8  # * قبول النقد البناء بلطف


def test_a_heading_and_a_list_written_by_hand() -> None:
    ar = ("## معاييرنا\nأمثلة على سلوكيات تساهم في إنشاء بيئة إيجابية لمجتمعنا تشمل ما يلي من "
          "أمور كثيرة نذكرها هنا للتوضيح:\n* تقديم ملاحظات بناءة وقبولها بلطف\n"
          "* المضايقة العامة أو الخاصة\n## الإطار\n")
    en = ("## Our Standards\nExamples of behavior that contributes to a positive environment "
          "for our community include the following many things we list here:\n"
          "* Giving and gracefully accepting constructive feedback\n"
          "* Public or private harassment\n## Scope\n")
    source, target = text_from_string(ar), text_from_string(en)
    beads = align_texts(source, target).as_pairs()
    assert [[2], [2]] in beads and [[3], [3]] in beads


def test_plain_short_lines_agree_only_as_titles() -> None:
    structure = _structure(["الديباجة", "أعد تحميل موقعك الآن في المتصفح لتراه في أدوات المطور."],
                           ["Preamble", "Reload your website in the browser now to view it."])
    share = agreement(structure, np.array([1]), np.array([1]))
    assert share[0] == 0.0  # a sentence of ten words is an ordinary line, not a title


def test_headings_agree_by_their_level() -> None:
    # "Attribution" is not in the lexicon: two level-2 headings still agree a little, a level-2
    # heading and a level-3 one not at all (the stale covenant: "## الإسناد" is no "### 4.")
    structure = _structure(["## الإسناد"], ["## Attribution", "### 4. Permanent Ban"])
    share = agreement(structure, np.array([0, 0]), np.array([0, 1]))
    assert share[0] > 0 and share[1] == 0


def _one_pass_columns(sides: list[list[set[str]]]) -> list[list[list[int]]]:
    """Each row's key columns as one pass over both sides numbers them (the source's rows,
    then the target's, each key where first met): how the pair's keys were numbered before
    each side's shapes were read apart."""
    vocab: dict[str, int] = {}
    return [[[vocab.setdefault(k, len(vocab)) for k in row] for row in side] for side in sides]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sets(st.sampled_from("abcdefgh"), max_size=5), max_size=6),
                min_size=2, max_size=2))
def test_each_sides_keys_joined_number_the_columns_as_one_pass(
    sides: list[list[set[str]]],
) -> None:
    def read(rows: list[set[str]]) -> SideShapes:
        vocab: dict[str, int] = {}
        cols = [vocab.setdefault(k, len(vocab)) for row in rows for k in row]
        at = [i for i, row in enumerate(rows) for _ in row]
        zeros = np.zeros(len(rows))
        return SideShapes(zeros.astype(np.int8), zeros.astype(np.int64),
                          zeros.astype(np.float32), zeros.astype(np.int8),
                          np.array(at, dtype=np.int64), np.array(cols, dtype=np.int64), vocab)

    got = joined(read(sides[0]), read(sides[1]))
    width = max(1, len(set().union(*sides[0], *sides[1])))
    for shapes, want in zip((got.src, got.tgt), _one_pass_columns(sides), strict=True):
        assert shapes.keys.shape == (len(want), width)
        assert [sorted(shapes.keys[i].indices.tolist()) for i in range(len(want))] == [
            sorted(row) for row in want]


def test_the_pairs_shapes_are_each_sides_joined() -> None:
    ar = ["## الحقوق", "1. حق الحياة", "نص طويل " * 20, "* بند"]
    en = ["## Rights", "1. The right to life", "long text " * 20, "* item"]
    got = _structure(ar, en)
    for side in (got.src, got.tgt):
        assert side.shape.tolist() == [HEADING, NUMBERED, NONE, BULLET]
        assert side.number[1] == 1
    # one key space: both sides' rows have as many columns
    assert got.src.keys.shape[1] == got.tgt.keys.shape[1]
    assert got.src.keys.nnz and got.tgt.keys.nnz
