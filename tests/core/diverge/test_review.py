"""Review keys, statuses and ignore rules, on hand-made divergences and the built-in pair."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.diverge.labels import (
    KIND_SEVERITY,
    SEVERITY_ORDER,
    kind_severity,
    severity_label,
    severity_rank,
)
from reader.core.diverge.records import Divergence, DivergenceKind, Severity, Span
from reader.core.diverge.review import (
    IgnoreRule,
    Review,
    ReviewStatus,
    counterpart_values,
    parse_statuses,
    review_key,
    review_states,
    rule_for,
)
from reader.core.errors import InputError

K = DivergenceKind


def name(side: str, value: str, bead: int, paragraph: int, start: int = 0) -> Divergence:
    return Divergence(K.NAME_MISMATCH, Severity.INFO, side, (paragraph,), f"‘{value}’", bead,
                      (Span(side, paragraph, start, start + 5),), (value,))


def test_every_kind_has_a_severity_and_a_rank() -> None:
    assert set(KIND_SEVERITY) == set(DivergenceKind)
    assert [severity_rank(s) for s in SEVERITY_ORDER] == [0, 1, 2]
    assert severity_rank("bogus") == 3
    assert kind_severity("a_kind_added_later") is Severity.WARNING
    assert severity_label("serious") == "Serious" and severity_label("odd") == "Odd"


def test_the_key_leaves_the_bead_out() -> None:
    a = name("source", "lebanon", 14, 14, 447)
    moved = Divergence(a.kind, a.severity, a.side, a.paragraphs, "said otherwise", 15,
                       a.spans, a.values)
    assert review_key(a) == review_key(moved)
    assert review_key(a).place == "14|s14:447-452"
    assert review_key(name("source", "lebanon", 14, 14, 448)) != review_key(a)


@given(st.lists(st.sampled_from(["open", "confirmed", "dismissed", "ignored", "all", " "]),
                max_size=4))
def test_statuses_parse_from_repeated_and_comma_lists(words: list[str]) -> None:
    got = parse_statuses([",".join(words)])
    assert got == parse_statuses(words)
    if "all" in words:
        assert got == frozenset(ReviewStatus)
    else:
        assert {str(s) for s in got} == {w for w in words if w.strip()}


def test_an_unknown_status_is_refused_by_name() -> None:
    with pytest.raises(InputError, match="'reviewed'"):
        parse_statuses(["open,reviewed"])


def test_a_verdict_stands_over_a_rule_and_a_rule_over_open() -> None:
    lebanon, beirut, tehran = (name("source", "lebanon", 14, 14), name("target", "beirut", 14, 11),
                               name("target", "tehran", 14, 11, 40))
    elsewhere = name("source", "lebanon", 30, 30)  # nothing faces it there
    divs = [lebanon, beirut, tehran, elsewhere]
    assert counterpart_values(divs, 0) == ("beirut", "tehran")
    rule = rule_for(divs, 0, ["beirut"], label="لبنان ↔ Beirut")
    assert (rule.source, rule.target) == (("lebanon",), ("beirut",))
    states = review_states(divs, {}, [rule])
    assert [s.status for s in states] == ["ignored", "ignored", "open", "open"]
    assert states[0].rule == rule
    reviews = {review_key(beirut): Review(review_key(beirut), ReviewStatus.CONFIRMED, "real")}
    states = review_states(divs, reviews, [rule])
    assert [s.status for s in states] == ["ignored", "confirmed", "open", "open"]
    assert states[1].comment == "real"
    # a rule without the other side's values ignores the name wherever it is left unmatched
    anywhere = rule_for(divs, 0)
    assert [s.status for s in review_states(divs, {}, [anywhere])] == [
        "ignored", "open", "open", "ignored"]


def test_rules_refuse_what_they_could_not_match() -> None:
    divs = [name("source", "lebanon", 14, 14), name("target", "beirut", 14, 11)]
    with pytest.raises(InputError):
        rule_for(divs, 0, ["paris"])
    bare = Divergence(K.LENGTH_ANOMALY, Severity.WARNING, "target", (3,), "condensed", 3)
    with pytest.raises(InputError):
        rule_for([bare], 0)
    with pytest.raises(InputError):
        IgnoreRule("name_mismatch", (), ())


def test_rules_travel_as_json_and_bad_ones_are_dropped() -> None:
    rule = IgnoreRule("name_mismatch", ("lebanon",), ("beirut",), "لبنان ↔ Beirut", "fine")
    back = IgnoreRule.from_json(rule.to_json())
    assert back is not None and back.ident == rule.ident and back.scope == "global"
    for bad in (None, [], {"kind": 1}, {"kind": "x", "source": [], "target": []},
                {"kind": "x", "source": [3], "target": []}):
        assert IgnoreRule.from_json(bad) is None


def test_states_on_the_built_in_pair(pair) -> None:
    from reader.core.pair import open_pair
    from reader.resources import CORPUS

    p = open_pair(CORPUS / "iraq-assad-lesson.ar.txt", CORPUS / "iraq-assad-lesson.en.txt")
    states = review_states(p.divergences, {})
    assert all(s.is_open for s in states) and len(states) == len(p.divergences)
    keys = {review_key(d) for d in p.divergences}
    assert len(keys) == len(p.divergences)  # every divergence has a key of its own
