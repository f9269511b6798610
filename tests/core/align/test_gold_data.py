"""The built-in pair's gold alignment and gold divergences: well-formed, true to the texts."""

from __future__ import annotations

import json
from typing import Any

import pytest

from reader.core.align.beads import Alignment
from reader.core.diverge.records import DivergenceKind, Severity
from reader.core.text.document import Text, load_text
from reader.core.text.kinds import Kind
from reader.core.text.posts import find_posts
from reader.resources import CORPUS
from tests.paths import DATA

GOLD = DATA / "iraq-assad-lesson.gold.json"
DIVERGENCES = DATA / "iraq-assad-lesson.divergences.json"
KEYS = {"kind", "side", "src", "tgt", "values", "note"}
OPTIONAL_KEYS = {"severity", "handle", "date", "name"}


@pytest.fixture(scope="module")
def source() -> Text:
    return load_text(CORPUS / "iraq-assad-lesson.ar.txt")


@pytest.fixture(scope="module")
def target() -> Text:
    return load_text(CORPUS / "iraq-assad-lesson.en.txt")


@pytest.fixture(scope="module")
def alignment(source: Text, target: Text) -> Alignment:
    pairs = json.loads(GOLD.read_text(encoding="utf-8"))
    return Alignment.from_pairs(pairs, len(source), len(target))


@pytest.fixture(scope="module")
def divergences() -> list[dict[str, Any]]:
    data = json.loads(DIVERGENCES.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def test_texts_have_the_paragraph_counts_the_gold_assumes(source: Text, target: Text) -> None:
    assert (len(source), len(target)) == (46, 39)


def test_gold_alignment_covers_both_texts_once_in_order(alignment: Alignment) -> None:
    assert sum(len(b.src) for b in alignment) == 46
    assert sum(len(b.tgt) for b in alignment) == 39
    assert all(b.src for b in alignment), "every English paragraph has an Arabic source"


def test_unaligned_source_paragraphs_are_exactly_the_post_lines(
    alignment: Alignment, source: Text
) -> None:
    null = [b.src[0] for b in alignment if not b.tgt]
    assert all(len(b.src) == 1 for b in alignment if not b.tgt)
    posts = [p.index for p in source.paragraphs if p.kind is Kind.EMBEDDED_POST]
    assert null == posts
    assert len(posts) == 15


def test_headings_pair_with_headings(alignment: Alignment, source: Text, target: Text) -> None:
    src_headings = [p.index for p in source.paragraphs if p.kind is Kind.HEADING]
    tgt_headings = [p.index for p in target.paragraphs if p.kind is Kind.HEADING]
    assert len(src_headings) == len(tgt_headings) == 4
    for i, j in zip(src_headings, tgt_headings, strict=True):
        assert alignment.counterpart("source", i) == (j,)


def test_gold_bead_types(alignment: Alignment) -> None:
    types = [b.type for b in alignment]
    assert types.count("1:0") == 15
    assert types.count("1:3") == 1
    assert types.count("1:2") == 6
    assert set(types) == {"1:1", "1:2", "1:3", "1:0"}


def test_divergence_records_are_well_formed(
    divergences: list[dict[str, Any]], source: Text, target: Text
) -> None:
    kinds = {str(k) for k in DivergenceKind}
    severities = {str(s) for s in Severity}
    for d in divergences:
        assert KEYS <= set(d) <= KEYS | OPTIONAL_KEYS, d
        assert d["kind"] in kinds, d
        assert d["side"] in ("source", "target"), d
        assert d.get("severity", "info") in severities, d
        assert all(isinstance(i, int) and 0 <= i < len(source) for i in d["src"]), d
        assert all(isinstance(j, int) and 0 <= j < len(target) for j in d["tgt"]), d
        assert d["src"] == sorted(set(d["src"])) and d["tgt"] == sorted(set(d["tgt"])), d
        assert d["src"] or d["tgt"], d
        assert all(isinstance(v, str) and v for v in d["values"]), d
        note = d["note"]
        assert isinstance(note, str) and note.endswith(".") and "\n" not in note, d


def test_divergences_point_at_gold_beads(
    divergences: list[dict[str, Any]], alignment: Alignment
) -> None:
    """Each record names the paragraphs of one gold bead (a post: of its run of 1:0 beads)."""
    beads = {(b.src, b.tgt) for b in alignment}
    for d in divergences:
        if d["kind"] == "embedded_post":
            assert d["tgt"] == []
            assert all((i,) in {b.src for b in alignment if not b.tgt} for i in d["src"])
        else:
            assert (tuple(d["src"]), tuple(d["tgt"])) in beads, d


def test_exactly_four_embedded_posts_cover_the_fifteen_post_lines(
    divergences: list[dict[str, Any]], source: Text
) -> None:
    posts = [d for d in divergences if d["kind"] == "embedded_post"]
    assert len(posts) == 4
    lines = [i for d in posts for i in d["src"]]
    assert sorted(lines) == [p.index for p in source.paragraphs if p.kind is Kind.EMBEDDED_POST]
    assert len(lines) == len(set(lines)) == 15
    found = find_posts([p.text for p in source.paragraphs])
    assert [list(p.paragraphs) for p in found] == [d["src"] for d in posts]
    for d, post in zip(posts, found, strict=True):
        assert d["side"] == "source"
        assert (d["handle"], d["date"]) == (post.handle, post.date)
        # every line of one post belongs to the same post number in the loader
        assert len({source.paragraphs[i].post for i in d["src"]}) == 1


def _side_text(d: dict[str, Any], source: Text, target: Text) -> str:
    text, indices = (source, d["src"]) if d["side"] == "source" else (target, d["tgt"])
    return " ".join(text.paragraphs[i].text for i in indices)


def test_mismatch_values_occur_on_their_side(
    divergences: list[dict[str, Any]], source: Text, target: Text
) -> None:
    for d in divergences:
        if d["kind"] not in ("number_mismatch", "name_mismatch", "date_mismatch"):
            continue
        assert d["values"], d
        text = _side_text(d, source, target)
        for value in d["values"]:
            # an Arabic name may be written with a preposition: الأسد -> للأسد
            assert value in text or value.removeprefix("ال") in text, (value, d)


def test_number_mismatches_leave_out_numbers_that_survive_translation(
    divergences: list[dict[str, Any]],
) -> None:
    values = {v for d in divergences if d["kind"] == "number_mismatch" for v in d["values"]}
    assert values == {"180"}
    for same in ("13", "18", "18000", "460", "2011", "2012", "2014", "2024", "279", "6"):
        assert same not in values


def test_kinds_present_in_the_gold(divergences: list[dict[str, Any]]) -> None:
    counts: dict[str, int] = {}
    for d in divergences:
        counts[d["kind"]] = counts.get(d["kind"], 0) + 1
    assert counts["embedded_post"] == 4
    assert counts["number_mismatch"] == 1
    assert counts["omission"] == 1
    assert counts["length_anomaly"] == 1
    assert counts["name_mismatch"] >= 10
    # the only source-side omission is inside a 1:1 bead: no Arabic paragraph is left out
    assert all(d["src"] and d["tgt"] for d in divergences if d["kind"] == "omission")
