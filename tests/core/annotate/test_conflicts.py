"""Conflicts between annotators, and the curated records of accepting, merging, rejecting."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.annotate.agreement import CURATION
from reader.core.annotate.annotations import TagRef, new_annotation
from reader.core.annotate.conflicts import Action, decide, decision_of, find_conflicts
from reader.core.errors import InputError
from reader.core.text.document import text_from_string
from tests.core.workspace_helpers import TARGET_LINES

A, B = TagRef("p", "a"), TagRef("p", "b")


@pytest.fixture
def text():
    return text_from_string("\n".join(TARGET_LINES) + "\n", language="en")


def _n(text, author, paragraph, start, end, *tags, comment=""):
    return new_annotation(text, "target", paragraph, start, end, tags=tags, author=author,
                          comment=comment)


def test_identical_spans_are_no_conflict_and_differences_are(text) -> None:
    same = [_n(text, "L", 0, 0, 4, A), _n(text, "O", 0, 0, 4, A)]
    assert find_conflicts(same) == []
    tags = [_n(text, "L", 0, 0, 4, A), _n(text, "O", 0, 2, 8, B)]
    only = [_n(text, "L", 1, 0, 5, A), _n(text, "O", 2, 0, 3, A), _n(text, "L", 2, 0, 3, A)]
    spans = [_n(text, "L", 2, 10, 20, A), _n(text, "O", 2, 12, 20, A)]
    found = find_conflicts([*same, *tags, *only, *spans, _n(text, CURATION, 1, 0, 5, B)])
    assert [c.reason for c in found] == ["tags differ", "only L", "spans differ"]
    assert (found[0].abs_start, found[0].abs_end) == (0, 8)
    assert found[1].missing == ("O",)
    # a chain of overlaps is one cluster, in one paragraph only
    chain = [_n(text, "L", 0, 0, 5, A), _n(text, "O", 0, 4, 10, A), _n(text, "L", 0, 9, 14, A),
             _n(text, "O", 1, 0, 3, A)]
    clusters = find_conflicts(chain)
    assert [len(c.members) for c in clusters] == [3, 1]


def test_accept_merge_and_reject(text) -> None:
    one = _n(text, "L", 0, 0, 4, A, comment="strong")
    two = _n(text, "O", 0, 2, 8, B, comment="weak")
    conflict = find_conflicts([one, two])[0]
    decision, result = decide(conflict, Action.ACCEPT, text, two)
    assert result is not None and result.author == CURATION and result.id != two.id
    assert (result.quote, result.tags, result.comment) == (two.quote, (B,), "weak")
    assert decision.members == (one.id, two.id) and decision.result == result.id
    _, merged = decide(conflict, "merge", text)
    assert merged is not None
    assert merged.quote == TARGET_LINES[0][0:8] and merged.tags == (A, B)
    assert merged.comment == "L: strong\n\nO: weak"
    rejected, none = decide(conflict, Action.REJECT, text)
    assert none is None and rejected.result is None
    assert decision_of(conflict, [rejected]) is rejected
    with pytest.raises(InputError, match="accepting needs"):
        decide(conflict, Action.ACCEPT, text, _n(text, "X", 0, 0, 2, A))


_notes = st.lists(
    st.tuples(st.sampled_from(["L", "O", "S"]), st.integers(0, 2), st.integers(0, 30),
              st.integers(1, 12), st.sampled_from([A, B])),
    max_size=14,
)


@settings(max_examples=60, deadline=None)
@given(_notes)
def test_every_span_is_in_one_conflict_or_marked_alike_by_everyone(notes) -> None:
    text = text_from_string("\n".join(TARGET_LINES) + "\n", language="en")
    records = []
    for author, paragraph, start, length, tag in notes:
        size = len(text.paragraphs[paragraph].text)
        start = min(start, size - 1)
        records.append(_n(text, author, paragraph, start, min(size, start + length), tag))
    conflicts = find_conflicts(records)
    members = [a.id for c in conflicts for a in c.members]
    assert len(members) == len(set(members))  # no span in two conflicts
    names = {a.author for a in records}
    for a in records:
        if a.id in members:
            continue
        # a settled span: every annotator has one just like it, and no other span touching it
        alike = [b for b in records if (b.abs_start, b.abs_end, b.tags) == (a.abs_start,
                                                                          a.abs_end, a.tags)]
        assert {b.author for b in alike} == names and len(alike) == len(names)
    for c in conflicts:
        assert all(c.abs_start <= m.abs_start < m.abs_end <= c.abs_end for m in c.members)
        assert len({(m.side, m.paragraph) for m in c.members}) == 1
