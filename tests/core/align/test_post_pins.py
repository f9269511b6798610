"""An embedded post's lines above its media link are plain paragraphs to the aligner (post_pins)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from reader.core.align.aligner import align_texts
from reader.core.align.params import DEFAULT_PARAMS
from reader.core.align.post_pins import pinned_posts
from reader.core.text.document import load_text
from reader.core.text.kinds import Kind
from reader.resources import CORPUS
from tests.core.align.runon_helpers import GROUPED_BY_SEVEN
from tests.paths import DATA

RUNON = DATA / "runon" / "genesis-25"
# the true beads of the run-on pair (tests/core/align/test_subedges.py)
GOLD = GROUPED_BY_SEVEN
TWEET = ["يا لها من قصة قديمة ما زالت تدهشني كلما قرأتها pic.twitter.com/EzzDr3xTs6",
         "— عثمان المختار (@othmanmhmmadr) May 8, 2024"]


def test_a_short_translated_paragraph_above_a_tweet_joins_its_english(tmp_path: Path) -> None:
    # As in the bench's TED talks (seed 1: "وتشمل العجز الجنسي …" above a tweet): an Arabic
    # paragraph with no full stop ends a bead just before a pasted tweet. `find_posts` takes it
    # into the post (a post's line above its text), and as a post it was cheap to leave out
    # and pinned out of the sentence pass: ((12,), (11, 12, 13)), ((13,), ()).
    ar = RUNON.with_suffix(".ar.txt").read_text(encoding="utf-8").split("\n\n")
    ar[13] = re.sub(r"[.»\s]+$", "", ar[13])  # Genesis 26:16, ninety characters
    ar[14:14] = TWEET
    path = tmp_path / "genesis-25-tweet.ar.txt"
    path.write_text("\n\n".join(ar), encoding="utf-8")
    source = load_text(path)
    # detection still reads the line as the post's
    assert [i for i, p in enumerate(source.paragraphs) if p.kind is Kind.EMBEDDED_POST] == [
        13, 14, 15]
    pairs = align_texts(source, load_text(RUNON.with_suffix(".en.txt"))).as_pairs()
    shifted = [(tuple(i + 2 * (i > 13) for i in s), t) for s, t in GOLD]
    assert [(tuple(s), tuple(t)) for s, t in pairs] == [
        *shifted[:7], ((14,), ()), ((15,), ()), *shifted[7:]]


def test_the_english_beside_a_tweet_may_move_across_it(tmp_path: Path) -> None:
    # A tweet pasted after Arabic paragraph 4 (Genesis 25:32, which ends the bead 3-4 / 5): the
    # paragraph pass puts the short English paragraph 5 after the tweet; pinned there, the
    # sentence pass left it out and the Arabic 3 and 4 with it (bench seeds 2, 5, 8, 18). Kept
    # out of every bead instead, the tweet lets English 5 come back to its Arabic.
    ar = RUNON.with_suffix(".ar.txt").read_text(encoding="utf-8").split("\n\n")
    ar[5:5] = TWEET
    path = tmp_path / "genesis-25-tweet.ar.txt"
    path.write_text("\n\n".join(ar), encoding="utf-8")
    source, target = load_text(path), load_text(RUNON.with_suffix(".en.txt"))

    def beads(free: bool) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
        params = replace(DEFAULT_PARAMS, unit_posts_free=free)
        pairs = align_texts(source, target, params=params).as_pairs()
        return [(tuple(s), tuple(t)) for s, t in pairs]

    assert beads(True)[1:5] == [((2,), (2, 3, 4)), ((3, 4), (5,)), ((5,), ()), ((6,), ())]
    assert ((), (5,)) in beads(False)


def test_the_corpus_posts_keep_their_link_lines_and_attributions() -> None:
    text = load_text(CORPUS / "iraq-assad-lesson.ar.txt")
    flags = pinned_posts([p.kind for p in text.paragraphs], [p.text for p in text.paragraphs])
    # posts 4-7, 11-13, 15-18, 36-39: the lines above each "pic.twitter.com" line are let go
    assert np.flatnonzero(flags).tolist() == [6, 7, 12, 13, 17, 18, 38, 39]


@given(st.lists(st.sampled_from(["body", "post", "link"]), max_size=30))
def test_only_post_lines_are_flagged_and_every_post_keeps_its_last_line(shape: list[str]) -> None:
    kinds = [Kind.BODY if s == "body" else Kind.EMBEDDED_POST for s in shape]
    texts = ["pic.twitter.com/abc" if s == "link" else "نص" for s in shape]
    flags = pinned_posts(kinds, texts).tolist()
    posts = [k is Kind.EMBEDDED_POST for k in kinds]
    assert all(p or not f for p, f in zip(posts, flags, strict=True))
    for i, post in enumerate(posts):
        if post and (i + 1 == len(posts) or not posts[i + 1]):
            assert flags[i]  # a run's last line: the attribution
    if not any(s == "link" for s in shape):
        assert flags == posts
