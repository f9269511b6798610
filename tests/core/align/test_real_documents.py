"""The aligner on real translated documents (tests/data/real): strict F1 floors per document."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from reader.core.align.aligner import align_texts
from reader.core.align.beads import Alignment
from reader.core.text.document import load_text
from tests.bench.real_pairs import REAL, RealPair, real_pairs, score

# Measured on 2026-12-03 (docs/benchmarks.md, "real documents"), less a margin of one bead or
# two: a change that loses more on a document fails here.
FLOORS = {
    "coc-2.1": 0.94,
    "coc-1.4": 0.96,
    "coc-stale": 0.93,
    "udhr": 0.95,
    "react-editor": 0.97,
    "react-devtools-stale": 0.94,
    "ooni-egypt": 0.85,
    "manifesto": 0.95,
}
OMISSION_FLOORS = {"coc-stale": 0.7, "udhr": 1.0, "react-devtools-stale": 0.8, "coc-1.4": 1.0,
                   "ooni-egypt": 0.5}


@pytest.mark.parametrize("pair", real_pairs(), ids=lambda p: p.name)
def test_gold_alignments_are_well_formed(pair: RealPair) -> None:
    source, target = load_text(pair.source), load_text(pair.target)
    gold = pair.gold_beads()
    Alignment.from_pairs([[list(s), list(t)] for s, t in gold], len(source.paragraphs),
                         len(target.paragraphs))
    assert score(gold, gold)["strict_f1"] == 1.0


@pytest.mark.parametrize("pair", real_pairs(), ids=lambda p: p.name)
def test_strict_f1_per_document(pair: RealPair) -> None:
    source, target = load_text(pair.source), load_text(pair.target)
    pred = [(tuple(s), tuple(t)) for s, t in align_texts(source, target).as_pairs()]
    result = score(pair.gold_beads(), pred)
    assert result["strict_f1"] >= FLOORS[pair.name]
    if pair.name in OMISSION_FLOORS:
        assert (result["omission_recall"] or 0.0) >= OMISSION_FLOORS[pair.name]


def test_every_document_has_a_floor() -> None:
    assert {p.name for p in real_pairs()} == set(FLOORS)


# Each one-paragraph-a-line file, remade from its published source as SOURCES.md says.
MADE_FROM = {
    "coc-1.4.ar.txt": ("coc14.ar.md",), "coc-1.4.en.txt": ("coc14.en.md",),
    "coc-2.1.ar.txt": ("coc21.ar.md",), "coc-2.1.en.txt": ("coc21.en.md",),
    "udhr.ar.txt": ("udhr.ar.txt", "--plain"), "udhr.en.txt": ("udhr.en.txt", "--plain"),
    "react-editor.ar.txt": ("editor.ar.md",), "react-editor.en.txt": ("editor.en.md",),
    "react-devtools-stale.ar.txt": ("devtools.ar.md",),
    "react-devtools-stale.en.txt": ("devtools.en.md",),
    "ooni-egypt.ar.txt": ("ooni-egypt.ar.md", "--markup-lines"),
    "ooni-egypt.en.txt": ("ooni-egypt.en.md", "--markup-lines"),
    "manifesto.ar.txt": ("manifesto.ar.ftl", "--ftl", "manifesto-details-"),
    "manifesto.en.txt": ("manifesto.en.ftl", "--ftl", "manifesto-details-"),
}


def _to_lines(source: Path, *options: str) -> str:
    spec = importlib.util.spec_from_file_location("to_lines", REAL / "to_lines.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = source.read_text(encoding="utf-8")
    if options and options[0] == "--plain":
        lines = module.plain(text)
    elif options and options[0] == "--ftl":
        lines = module.ftl(text, options[1])
    else:
        lines = module.markdown(text, "--markup-lines" in options)
    return "".join(f"{ln}\n" for ln in lines)


@pytest.mark.parametrize("name", sorted(MADE_FROM))
def test_line_files_are_remade_from_their_sources(name: str) -> None:
    source, *options = MADE_FROM[name]
    assert _to_lines(REAL / "sources" / source, *options) == (REAL / name).read_text("utf-8")


def test_every_line_file_says_where_it_comes_from() -> None:
    used = {p.source.name for p in real_pairs()} | {p.target.name for p in real_pairs()}
    assert used == set(MADE_FROM)


def test_an_arabic_report_full_of_links_is_read_as_arabic() -> None:
    assert load_text(REAL / "ooni-egypt.ar.txt").language == "ar"


def test_the_words_an_arabic_page_writes_in_latin_letters_pair_its_code_and_names() -> None:
    # react-devtools-stale: the Arabic page (read as Arabic since its links no longer outvote
    # its prose) keeps its install commands and React's names in Latin letters; read as Arabic
    # words only, the identical `npm install` blocks fell apart into 1:0 and 0:1
    source = load_text(REAL / "react-devtools-stale.ar.txt")
    target = load_text(REAL / "react-devtools-stale.en.txt")
    assert source.language == "ar"
    assert "npm install -g react-devtools" in source.paragraphs[16].text
    assert source.paragraphs[16].text == target.paragraphs[16].text
    pairs = {(tuple(s), tuple(t)) for s, t in align_texts(source, target).as_pairs()}
    assert ((16,), (16,)) in pairs
