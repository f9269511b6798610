"""The lens's models pass Qt's model tester on real counts, lines, links and shifts; the KWIC
cut keeps whole words next to the match; forms typed in one cell split on either comma."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QFont, QFontMetricsF

from reader.core.corpus.manifest import load_manifest
from reader.core.lens.families import load_families
from reader.core.lens.shifts import label_shifts
from reader.core.pair import open_pair
from reader.ui.lens import work
from reader.ui.lens.chart import wrapped
from reader.ui.lens.collection import CollectionModel, builtin_documents
from reader.ui.lens.concordance_model import ConcordanceModel, fit_words
from reader.ui.lens.counts_model import CountsModel
from reader.ui.lens.family_dialog import split_forms
from reader.ui.lens.links_panel import LinksModel
from reader.ui.lens.shifts_panel import ShiftsModel


def test_the_models_pass_the_model_tester(qapp, qtmodeltester, settings) -> None:
    families = load_families()
    result = work.read_collection(builtin_documents(), families)
    counts = CountsModel()
    counts.set_counts(work.count_rows(result.counts), [d.short for d in result.sources])
    qtmodeltester.check(counts)
    lines = work.find_lines(result.documents, families, family="armed-groups")
    concordance = ConcordanceModel()
    concordance.set_lines(lines, {d.id: d.id for d in result.documents},
                          texts={d.id: d.text for d in result.documents})
    qtmodeltester.check(concordance)
    links = LinksModel()
    links.set_links(result.documents[0], result.documents[4],
                    work.link(result.documents[0], result.documents[4]))
    qtmodeltester.check(links)
    corpus = load_manifest()
    source, target = corpus.default_pair()
    pair = open_pair(corpus.path_of(source), corpus.path_of(target))
    shifts = ShiftsModel()
    shifts.set_rows(label_shifts(pair.source, pair.target, pair.alignment, families), families)
    qtmodeltester.check(shifts)
    qtmodeltester.check(CollectionModel(settings))


def test_an_arabic_match_glued_to_its_context_is_drawn_without_a_gap(qapp) -> None:
    families = load_families()
    result = work.read_collection(builtin_documents()[:1], families)
    lines = work.find_lines(result.documents, families, family="armed-groups")
    model = ConcordanceModel()
    model.set_lines(lines, {}, texts={d.id: d.text for d in result.documents})
    text = result.documents[0].text
    for row, line in enumerate(lines):
        paragraph = text.paragraphs[line.paragraph].text
        before, after = model.index(row, 1).data(ConcordanceModel.SpacedRole)
        assert before == (line.start == 0 or paragraph[line.start - 1].isspace())
        assert after == (line.end == len(paragraph) or paragraph[line.end].isspace())


WORDS = st.lists(st.text("abcمنظا", min_size=1, max_size=8), min_size=0, max_size=12)


@settings(max_examples=60, deadline=None)
@given(words=WORDS, width=st.integers(0, 400), keep_end=st.booleans())
def test_fit_words_keeps_whole_words_next_to_the_match(qapp, words, width, keep_end) -> None:
    text = " ".join(words)
    metrics = QFontMetricsF(QFont())
    shown = fit_words(text, width, metrics, keep_end=keep_end)
    if metrics.horizontalAdvance(text) <= width:
        assert shown == text
        return
    assert shown == "" or metrics.horizontalAdvance(shown) <= width
    kept = shown.replace("… ", "").replace(" …", "").split()
    # the words kept are those nearest the match: the text's last ones before it, first after
    if kept:
        assert (words[-len(kept):] if keep_end else words[:len(kept)]) == kept


def test_forms_split_on_semicolons_and_either_comma() -> None:
    assert split_forms("النظام، نظام ;  the  regime,regimes") == [
        "النظام", "نظام", "the regime", "regimes"]
    assert split_forms(" ; ،") == []


def test_long_chart_labels_wrap_and_are_escaped() -> None:
    assert wrapped("regime") == "regime"
    assert wrapped("state or capital named for its government") == (
        "state or capital<br>named for its<br>government")
    assert "&lt;b&gt;" in wrapped("a <b> label that is long")
