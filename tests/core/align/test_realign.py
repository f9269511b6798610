"""Re-aligning around fixed beads: nothing fixed moves, the rest covers both texts, bad input."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.align.aligner import align_prepared, align_texts
from reader.core.align.beads import Alignment, AlignmentError, Bead
from reader.core.align.prepared import PreparedPair
from reader.core.text.document import Text, load_text, text_from_string
from reader.resources import CORPUS

AR = load_text(CORPUS / "iraq-assad-lesson.ar.txt")
EN = load_text(CORPUS / "iraq-assad-lesson.en.txt")


@pytest.fixture(scope="module")
def prepared() -> PreparedPair:
    pair = PreparedPair.of_texts(AR, EN)
    align_prepared(pair)
    return pair


def _kept(fixed: list[Bead], alignment: Alignment) -> bool:
    """Every fixed bead is in the alignment as given: paragraphs, confidence and state."""
    return all(any(b == f for b in alignment) for f in fixed)


def test_no_fixed_beads_is_the_plain_alignment(prepared: PreparedPair) -> None:
    plain = align_texts(AR, EN)
    assert align_prepared(prepared).beads == plain.beads
    assert align_texts(AR, EN, fixed=()).beads == plain.beads


def test_fixed_beads_come_out_as_given_and_the_rest_is_aligned(prepared: PreparedPair) -> None:
    # wrong on purpose: the aligner would never pair these
    fixed = [Bead((3,), (5, 6), 0.25, "confirmed"), Bead((20, 21), (18,), 1.0, "edited")]
    alignment = align_texts(AR, EN, fixed=fixed)
    assert _kept(fixed, alignment)
    assert align_prepared(prepared, fixed).beads == alignment.beads
    # away from the fixed beads the automatic alignment stays as it was
    plain = align_prepared(prepared).beads
    assert [(b.src, b.tgt) for b in plain[-5:]] == [(b.src, b.tgt) for b in alignment[-5:]]


def test_fixing_the_automatic_beads_changes_nothing_but_their_state(
    prepared: PreparedPair,
) -> None:
    plain = align_prepared(prepared).beads
    confirmed = {k: Bead(b.src, b.tgt, b.confidence, "confirmed")
                 for k, b in enumerate(plain) if k % 3 == 0}
    alignment = align_prepared(prepared, list(confirmed.values()))
    assert alignment.beads == [confirmed.get(k, b) for k, b in enumerate(plain)]


def test_re_align_selection_around_an_edit(prepared: PreparedPair) -> None:
    """What the window does: the beads outside a range fixed, the range aligned afresh."""
    plain = align_prepared(prepared).beads
    merged = Bead(plain[10].src + plain[11].src, plain[10].tgt + plain[11].tgt, 1.0, "edited")
    edited = [*plain[:10], merged, *plain[12:]]
    outside = edited[:6] + edited[16:]
    alignment = align_prepared(prepared, outside)
    assert _kept(outside, alignment)
    assert alignment.beads == plain  # the edit was not confirmed: re-aligning undoes it


def test_the_sides_swapped(prepared: PreparedPair) -> None:
    fixed = [Bead((4,), (2,), 1.0, "confirmed")]
    forward = align_texts(AR, EN, fixed=fixed)
    backward = align_texts(EN, AR, fixed=[Bead((2,), (4,), 1.0, "confirmed")])
    assert [(b.tgt, b.src) for b in backward] == [(b.src, b.tgt) for b in forward]
    assert Bead((2,), (4,), 1.0, "confirmed") in backward.beads


def test_fixed_null_beads_stay_out_and_in_place(prepared: PreparedPair) -> None:
    fixed = [
        Bead((0,), (0,), 1.0, "confirmed"),
        Bead((7, 8), (), 1.0, "confirmed"),  # two source paragraphs left out, in one bead
        Bead((), (9,), 0.5, "confirmed"),
        Bead((30,), (), 1.0, "confirmed"),
    ]
    alignment = align_prepared(prepared, fixed)
    assert _kept(fixed, alignment)


def test_every_bead_fixed(prepared: PreparedPair) -> None:
    plain = align_prepared(prepared).beads
    merged = Bead(plain[0].src + plain[1].src, plain[0].tgt + plain[1].tgt, 1.0, "confirmed")
    beads = [merged, *(Bead(b.src, b.tgt, 0.5, "edited") for b in plain[2:])]
    assert align_prepared(prepared, beads).beads == beads


@pytest.mark.parametrize(
    ("fixed", "message"),
    [
        ([Bead((5,), (5,)), Bead((5,), (6,))], "fixed bead 1 (source [5], target [6]) overlaps"),
        ([Bead((9,), (9,)), Bead((3,), (10,))], "comes before fixed bead 0 on the source"),
        ([Bead((3,), (9,)), Bead((), (2,))], "on the target side"),
        ([Bead((60,), (1,))], "the source text has paragraphs 0 to 45 only"),
        ([Bead((1,), (-1,))], "the target text has paragraphs 0 to 38 only"),
        ([Bead((1, 3), (1,))], "its source paragraphs do not follow one another"),
        ([Bead((), ())], "fixed bead 0 (source [], target []) is empty"),
    ],
)
def test_fixed_beads_that_overlap_or_break_order_are_refused(
    prepared: PreparedPair, fixed: list[Bead], message: str
) -> None:
    with pytest.raises(AlignmentError) as e:
        align_prepared(prepared, fixed)
    assert message in str(e.value)
    assert "\n" not in str(e.value)


def test_a_prepared_pair_pays_for_its_vectors_once(prepared: PreparedPair) -> None:
    vectors = prepared.vectors()
    align_prepared(prepared, [Bead((2,), (2,), 1.0, "confirmed")])
    assert prepared.vectors() is vectors


# ------------------------------------------------------------------------ unequal sizes


def _text(paragraphs: list[str], language: str) -> Text:
    return text_from_string("\n".join(paragraphs) + "\n", language=language)


AR_PARAS = [p.text for p in AR.paragraphs]
EN_PARAS = [p.text for p in EN.paragraphs]


@pytest.mark.parametrize(
    ("n", "m", "long_target"),
    [(1, 8, False), (2, 46, False), (46, 1, True), (46, 1, False), (8, 1, False), (0, 5, False),
     (5, 0, False), (0, 0, False)],
)
def test_wildly_unequal_sides_align(n: int, m: int, long_target: bool) -> None:
    """1 paragraph against 8, 2 against 46, 46 against one long line: these ended in an
    IndexError in scores._gather (a side of the sentence pass with no units)."""
    src = _text([AR_PARAS[i % 46] for i in range(n)], "ar")
    tgt_paras = [EN_PARAS[j % 39] for j in range(m)]
    tgt = _text([" ".join(EN_PARAS * 3)] if long_target else tgt_paras, "en")
    for a, b in ((src, tgt), (tgt, src)):
        alignment = align_texts(a, b)
        assert [i for x in alignment for i in x.src] == list(range(len(a.paragraphs)))


def _random_beads(n: int, m: int, rng: random.Random) -> list[Bead]:
    """A random alignment of n against m paragraphs, any bead sizes."""
    beads = []
    i = j = 0
    while i < n or j < m:
        ks = rng.choice([0, 1, 1, 2, 3]) if i < n else 0
        kt = rng.choice([0, 1, 1, 2, 4]) if j < m else 0
        ks, kt = min(ks, n - i), min(kt, m - j)
        if ks == kt == 0:
            ks, kt = (1, 0) if i < n else (0, 1)
        beads.append(Bead(tuple(range(i, i + ks)), tuple(range(j, j + kt)), rng.random(),
                          rng.choice(["automatic", "edited", "confirmed"])))
        i, j = i + ks, j + kt
    return beads


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 40), st.integers(0, 60), st.booleans(), st.randoms(use_true_random=False))
def test_any_sizes_and_fixed_beads_cover_each_paragraph_once_and_keep_the_fixed(
    n: int, m: int, long_line: bool, rng: random.Random
) -> None:
    src = _text([AR_PARAS[rng.randrange(46)] for _ in range(n)], "ar")
    tgt_paras = [EN_PARAS[rng.randrange(39)] for _ in range(m)]
    if long_line and m:
        tgt_paras[rng.randrange(m)] = " ".join(EN_PARAS)
    tgt = _text(tgt_paras, "en")
    share = rng.choice([0.0, 0.1, 0.5, 0.9])
    fixed = [b for b in _random_beads(n, m, rng) if rng.random() < share]
    alignment = align_texts(src, tgt, fixed=fixed)  # Alignment checks coverage and order
    assert _kept(fixed, alignment)


def _stale_pair() -> tuple[PreparedPair, Alignment]:
    """The code of conduct's Arabic 1.4 against its English 2.1 (tests/data/real): sections
    dropped on one side and added on the other at the same places."""
    from pathlib import Path

    real = Path(__file__).resolve().parents[2] / "data" / "real"
    pair = PreparedPair.of_texts(load_text(real / "coc-1.4.ar.txt"),
                                 load_text(real / "coc-2.1.en.txt"))
    return pair, align_prepared(pair)


def test_re_aligning_a_stale_translation_does_not_pair_its_leftovers_again() -> None:
    pair, automatic = _stale_pair()
    out_src = {b.src[0] for b in automatic.beads if b.src and not b.tgt}
    out_tgt = {b.tgt[0] for b in automatic.beads if b.tgt and not b.src}
    # a person's bead the first alignment does not pass through: everything after it is
    # aligned by the programme again
    fixed = Bead((0,), (0, 1), 1.0, "confirmed")
    assert all((b.src, b.tgt) != (fixed.src, fixed.tgt) for b in automatic.beads)
    again = align_prepared(pair, [fixed])
    assert again.beads[0] == fixed
    paired_leftovers = [b for b in again.beads[1:] if len(b.src) == len(b.tgt) == 1
                        and b.src[0] in out_src and b.tgt[0] in out_tgt]
    assert paired_leftovers == []  # before: (5,) and (6,) were paired, nothing in common


def test_a_persons_pairing_of_leftovers_is_kept() -> None:
    pair, automatic = _stale_pair()
    src = next(b.src[0] for b in automatic.beads if b.src and not b.tgt)
    tgt = next(b.tgt[0] for b in automatic.beads if b.tgt and not b.src and b.tgt[0] > src)
    # a pairing nothing supports, made by hand: as given, whatever the aligner thinks of it
    mine = Bead((src,), (tgt,), 1.0, "edited")
    again = align_prepared(pair, [mine])
    assert mine in again.beads
