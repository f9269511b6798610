"""Word pairs a pair teaches about itself."""

from __future__ import annotations

from reader.core.diverge.learnt import learn_pairs


def test_words_that_keep_meeting_are_paired_and_chance_is_not() -> None:
    src = [["a:سفينه", "a:بحر"], ["a:ريح"], ["a:بحر"], ["a:ريح", "a:قال"]] * 3
    tgt = [["ark", "sea"], ["wind"], ["sea"], ["wind", "said"]] * 3
    pairs = learn_pairs(src, tgt)
    assert "ark" in pairs["a:سفينه"] and "sea" in pairs["a:بحر"]
    assert "wind" in pairs["a:ريح"] and "sea" not in pairs["a:ريح"]
    # a word in most beads must meet its partner twice as often as chance would
    assert all(len(v) <= 3 for v in pairs.values())
    everywhere = learn_pairs([["a:و", w] for w in ("a:x", "a:y")] * 6, [["and"]] * 12)
    assert "a:و" not in everywhere


def test_too_few_beads_or_unequal_sides_learn_nothing() -> None:
    assert learn_pairs([["a:x"]] * 7, [["x"]] * 7) == {}
    assert learn_pairs([["a:x"]] * 9, [["x"]] * 8) == {}
