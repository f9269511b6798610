"""Label shifts of a translation: the built-in pair's known shift, pairing, annotations."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align.beads import Alignment
from reader.core.annotate.codebooks import builtin_codebooks
from reader.core.lens.families import builtin_families, find_family
from reader.core.lens.matching import Matcher, Occurrence
from reader.core.lens.shifts import (
    LEFT_IMPLICIT,
    MADE_EXPLICIT,
    SUBSTITUTION,
    UNPAIRED_COST,
    label_shifts,
    pair_occurrences,
    shift_annotations,
    states_named,
)
from reader.core.text.document import load_text, text_from_string
from reader.resources import CORPUS
from tests.core.lens.helpers import ACTORS
from tests.paths import DATA


@pytest.fixture(scope="module")
def gold_pair() -> tuple:
    source = load_text(CORPUS / "iraq-assad-lesson.ar.txt")
    target = load_text(CORPUS / "iraq-assad-lesson.en.txt")
    gold = json.loads((DATA / "iraq-assad-lesson.gold.json").read_text(encoding="utf-8"))
    return source, target, Alignment.from_pairs(gold, len(source), len(target))


def test_the_built_in_pair_lists_the_known_shift(gold_pair: tuple) -> None:
    source, target, alignment = gold_pair
    families = builtin_families()
    rows = label_shifts(source, target, alignment, [find_family(families, "actors")],
                        matcher=Matcher(families))
    iraqi = {(r.counterpart_label, r.counterpart_form): r for r in rows
             if r.form == "النظام العراقي"}
    # النظام العراقي → "Iraq" (state name), "Iraq's leadership", "Baghdad", "the Iraqi regime"
    assert iraqi[("state-name", "Iraq")].count >= 3
    assert iraqi[("leadership", "Iraq's leadership")].count == 1
    assert ("state-name", "Baghdad") in iraqi
    assert ("regime", "Iraqi regime") in iraqi
    assert iraqi[("state-name", "Iraq")].changed
    assert not iraqi[("regime", "Iraqi regime")].changed
    # each row keeps its beads and occurrences: the window jumps to them
    row = iraqi[("leadership", "Iraq's leadership")]
    (pairing,) = row.pairings
    assert row.beads == (pairing.bead,) == (1,)  # Arabic ¶2 ↔ English ¶2-3 in the gold
    assert pairing.occurrence.text == "النظام العراقي" and pairing.occurrence.paragraph == 1
    assert pairing.counterpart is not None and pairing.counterpart.text == "Iraq’s leadership"
    assert pairing.counterpart in pairing.candidates


def test_every_iraqi_regime_pairs_as_a_reader_pairs_it(gold_pair: tuple) -> None:
    """The 13 النظام العراقي of the Arabic article and what the English says for each, read
    by hand against the gold alignment (bead: counterpart)."""
    source, target, alignment = gold_pair
    families = builtin_families()
    rows = label_shifts(source, target, alignment, [find_family(families, "actors")],
                        matcher=Matcher(families))
    got = sorted((p.bead, p.counterpart.form if p.counterpart else None)
                 for r in rows if r.form == "النظام العراقي" for p in r.pairings)
    assert got == [
        (1, "Iraq's leadership"),  # لقد ارتكب النظام العراقي خطيئته: Iraq's leadership made
        (1, "Iraqi regime"),  # ارتكبه النظام العراقي: committed by the Iraqi regime
        (2, "Iraq"),  # الميليشيات التي أرسلها النظام العراقي: militias backed by Iraq
        (3, "Iraq"),  # موقف النظام العراقي: Iraq's position
        (8, "Iraq"),  # أسباب انحياز النظام العراقي: Why Did Iraq Side
        (19, "Baghdad"),  # ويبرّر النظام العراقي: Baghdad justified
        (28, "Iraq"),  # ماذا جنى النظام العراقي: What Did Iraq Actually Gain?
        (30, "Baghdad"),  # النظام العراقي يستمر في سياساته: Baghdad's continued policies
        (35, "Iraqi government"),  # والنظام العراقي يعرف ذلك: the Iraqi government knows
        (40, "Iraqi regime"),  # الضغط على النظام العراقي: pressure the Iraqi regime
        (41, "Iraq"),  # خطأ كبير يرتكبه النظام العراقي: a mistake … one Iraq will pay for
        (41, "Iraq's rulers"),  # قادة النظام العراقي: Iraq's rulers
        (44, "Iraq's leaders"),  # إذا لم يغيّر النظام العراقي: Unless Iraq's leaders change
    ]


def test_the_target_side_lists_the_source_labels(gold_pair: tuple) -> None:
    source, target, alignment = gold_pair
    rows = label_shifts(source, target, alignment, [find_family(builtin_families(), "actors")],
                        side="target")
    leadership = [r for r in rows if r.form == "Iraq's leadership"]
    assert [(r.counterpart_label, r.counterpart_form) for r in leadership] == [
        ("regime", "النظام العراقي")]


def test_pairing_keeps_order_and_leaves_far_occurrences_alone() -> None:
    def occ(label: str, n: int) -> Occurrence:
        return Occurrence("d", 0, n, n + 1, "f", label, label, label)

    a, b, c = occ("a", 0), occ("b", 1), occ("c", 2)
    x, y = occ("a", 3), occ("b", 4)
    assert pair_occurrences([(0.1, a), (0.5, b), (0.9, c)], [(0.12, x), (0.52, y)]) == [
        x, y, None]
    assert pair_occurrences([(0.1, a)], [(0.9, x)]) == [None]
    assert pair_occurrences([], [(0.5, x)]) == []


def test_none_when_the_counterpart_has_no_label() -> None:
    source = text_from_string("قال النظام العراقي كلمته\nثم سكت", language="ar")
    target = text_from_string("Baghdad spoke\nThen it was silent", language="en")
    alignment = Alignment.from_pairs([[[0], [0]], [[1], [1]]], 2, 2)
    rows = label_shifts(source, target, alignment, [ACTORS])
    assert [(r.label, r.form, r.counterpart_label, r.counterpart_form, r.beads)
            for r in rows] == [("regime", "النظام العراقي", "state", "Baghdad", (0,))]
    target = text_from_string("It spoke\nThen Baghdad was silent", language="en")
    rows = label_shifts(source, target, alignment, [ACTORS])
    assert [(r.counterpart_label, r.changed, r.pairings[0].candidates) for r in rows] == [
        (None, True, ())]


def test_chosen_rows_become_translation_shift_annotations(gold_pair: tuple) -> None:
    source, target, alignment = gold_pair
    families = builtin_families()
    actors = [find_family(families, "actors")]
    rows = label_shifts(source, target, alignment, actors, matcher=Matcher(families))
    chosen = [r for r in rows if r.form == "النظام العراقي" and r.counterpart_form in (
        "Iraq's leadership", "Iraqi regime")]
    notes = shift_annotations(chosen, source, target, families=families, author="lens")
    # the unchanged row (→ Iraqi regime) is no shift: only Iraq's leadership is annotated
    (note,) = notes
    assert note.tags == (SUBSTITUTION,) and note.author == "lens"
    assert (note.side, note.paragraph, note.quote) == ("source", 1, "النظام العراقي")
    assert note.link is not None and note.link.side == "target"
    assert (note.link.paragraph, note.link.quote) == (2, "Iraq’s leadership")
    assert note.comment == ("Framing lens, Actors: who governs: regime «النظام العراقي» → "
                            "leadership, leaders, rulers «Iraq's leadership»")
    codebook = next(c for c in builtin_codebooks() if c.id == SUBSTITUTION.codebook)
    assert codebook.tag(SUBSTITUTION.tag) and codebook.tag(LEFT_IMPLICIT.tag)
    # adding again adds nothing
    assert shift_annotations(chosen, source, target, existing=notes) == []


def test_a_label_with_no_counterpart_is_left_implicit_or_made_explicit() -> None:
    source = text_from_string("قال النظام العراقي كلمته", language="ar")
    target = text_from_string("It spoke", language="en")
    alignment = Alignment.from_pairs([[[0], [0]]], 1, 1)
    rows = label_shifts(source, target, alignment, [ACTORS])
    (note,) = shift_annotations(rows, source, target)
    assert note.tags == (LEFT_IMPLICIT,) and note.link is None
    rows = label_shifts(target, source, alignment, [ACTORS], side="target")
    (note,) = shift_annotations(rows, target, source, side="target")
    assert note.tags == (MADE_EXPLICIT,) and note.side == "target"


def test_the_state_an_occurrence_names() -> None:
    assert states_named("وللنظام العراقي") == {"iraq"}
    assert states_named("Baghdad’s leaders") == {"iraq"}
    assert states_named("Assad's regime") == {"syria"}
    assert states_named("the regime") == frozenset()


PLACES = st.lists(st.floats(0, 1), max_size=8).map(sorted)


@settings(max_examples=200, deadline=None)
@given(PLACES, PLACES, st.lists(st.sampled_from("ab"), min_size=16, max_size=16))
def test_pairing_is_one_to_one_in_order_and_near(ours: list[float], theirs: list[float],
                                                 labels: list[str]) -> None:
    def occ(n: int, side: str) -> Occurrence:
        label = labels[n % len(labels)]
        return Occurrence(side, 0, n, n + 1, "f", label, label, label)

    mine = [(p, occ(n, "s")) for n, p in enumerate(ours)]
    other = [(q, occ(n + 8, "t")) for n, q in enumerate(theirs)]
    paired = pair_occurrences(mine, other)
    assert len(paired) == len(mine)
    used = [other.index(next(t for t in other if t[1] is c)) for c in paired if c is not None]
    assert used == sorted(set(used))  # each at most once, in order
    place = {id(o): q for q, o in other}
    for (p, _), c in zip(mine, paired, strict=True):
        if c is not None:  # a pair is never worse than leaving both alone
            assert abs(p - place[id(c)]) <= 2 * UNPAIRED_COST
