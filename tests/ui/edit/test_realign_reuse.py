"""The window's first re-alignment reuses what opening the pair prepared and aligned."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reader.core.align.beads import Alignment
from reader.core.pair import Pair
from reader.core.text.document import load_text

K = Qt.Key
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier

# stage lines the aligner logs (reader.core.timing.stage): preparing the pair and aligning it
PREPARING = ("glossary", "anchors source", "features source", "vector space")
ALIGNING = ("paragraph pass", "sentence pass")


def _stages(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage().rsplit(":", 1)[0] for r in caplog.records
            if r.name.startswith("reader.core.align")]


def _realign_unconfirmed_by_key(qtbot, window) -> Alignment:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    window.pair_view.pane("target").setFocus()
    with qtbot.waitSignal(window.editor.realigner.finished, timeout=60_000) as blocker:
        qtbot.keyClick(window.pair_view.pane("target"), K.Key_R, CTRL | SHIFT)
    result = blocker.args[0]
    assert isinstance(result, Alignment)
    return result


def test_the_first_realignment_prepares_and_aligns_nothing_again(
    qtbot, main_window, caplog
) -> None:
    window = main_window
    qtbot.waitUntil(lambda: window.annotations.workspace is not None, timeout=10_000)
    pair = window.pair
    assert isinstance(pair, Pair) and pair.prepared is not None
    prepared = pair.prepared
    window.pair_view.select_bead(5)
    window.editor.merge_next()
    window.editor.confirm()  # a 2:2 bead the aligner would not make, held in place
    caplog.set_level(logging.INFO, logger="reader.core.align")
    caplog.clear()
    _realign_unconfirmed_by_key(qtbot, window)
    stages = _stages(caplog)
    assert "alignment" in stages  # the re-alignment ran and was logged
    assert not [s for s in stages if s.startswith(PREPARING + ALIGNING)], stages
    assert window.pair.prepared is prepared
    # and it gives what re-aligning from scratch gives
    assert window.pair.alignment.beads[5].src == (5, 6)
    assert window.pair.alignment.beads[5].is_confirmed


def test_a_workspace_reopened_with_hand_edited_beads_prepares_nothing_again(
    qtbot, main_window, settings, caplog
) -> None:
    from reader.ui.window.main_window import MainWindow

    first = main_window
    qtbot.waitUntil(lambda: first.annotations.workspace is not None, timeout=10_000)
    first.pair_view.select_bead(5)
    first.editor.merge_next()
    first.editor.confirm()
    edited = list(first.pair.alignment.beads)
    qtbot.waitUntil(lambda: not first.editor.refresher.is_busy(), timeout=20_000)
    first.close()
    window = MainWindow(settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.cancel_alignment())
    window.resize(1400, 900)
    window.show()
    with qtbot.waitSignal(window.pair_opened, timeout=60_000):
        window.open_default_pair()
    # the workspace's beads replace the aligner's fresh ones
    qtbot.waitUntil(lambda: window.pair.alignment.beads == edited, timeout=10_000)
    caplog.set_level(logging.INFO, logger="reader.core.align")
    caplog.clear()
    after = _realign_unconfirmed_by_key(qtbot, window)
    assert not [s for s in _stages(caplog) if s.startswith(PREPARING + ALIGNING)]
    assert after.beads[5] == edited[5]


def test_a_pair_without_its_prepared_texts_prepares_them_once(qtbot, main_window, caplog) -> None:
    """The alignment import keeps them; a pair shown from elsewhere has them made by its first
    re-alignment, and kept for the next."""
    window = main_window
    qtbot.waitUntil(lambda: window.annotations.workspace is not None, timeout=10_000)
    window.pair.prepared = None
    window.pair_view.select_bead(3)
    window.editor.confirm()
    caplog.set_level(logging.INFO, logger="reader.core.align")
    caplog.clear()
    _realign_unconfirmed_by_key(qtbot, window)
    assert any(s.startswith("features source") for s in _stages(caplog))
    assert window.pair.prepared is not None
    window.pair_view.select_bead(8)
    window.editor.merge_next()
    caplog.clear()
    _realign_unconfirmed_by_key(qtbot, window)
    assert not [s for s in _stages(caplog) if s.startswith(PREPARING + ALIGNING)]


def test_the_command_line_keeps_nothing(tmp_path) -> None:
    from reader.core.corpus.manifest import load_manifest
    from reader.core.pair import align_pair

    corpus = load_manifest()
    source, target = corpus.default_pair()
    pair = align_pair(load_text(corpus.path_of(source)), load_text(corpus.path_of(target)))
    assert pair.prepared is None


def test_after_an_edit_only_the_beads_it_made_are_aligned_sentence_by_sentence(
    qtbot, main_window, caplog
) -> None:
    window = main_window
    qtbot.waitUntil(lambda: window.annotations.workspace is not None, timeout=10_000)
    assert window.pair.detection is not None and len(window.pair.detection) >= 2
    caplog.set_level(logging.DEBUG, logger="reader.core.align")
    caplog.clear()
    # at the end, away from the beads aligned sentence by sentence when the pair opened
    window.pair_view.select_bead(len(window.pair.alignment) - 2)
    window.pair_view.pane("target").setFocus()
    with qtbot.waitSignal(window.editor.refresher.refreshed, timeout=20_000):
        window.editor.merge_next()
    batched = [r.getMessage() for r in caplog.records if "segment batch" in r.getMessage()]
    # the merged bead at most: the others' sentence alignments come from the memo
    assert all(m.startswith("segment batch (1 problems)") for m in batched), batched


def test_the_refresher_keeps_the_memo_of_a_pair_opened_with_a_glossary(qtbot, tmp_path) -> None:
    """After an edit the divergences are found again with the memo the pair was opened with,
    not with a new one for the built-in glossary that detection would never use."""
    from reader.core.align.edits import apply_edit, merge_next
    from reader.core.pair import PairOptions, open_pair
    from reader.resources import CORPUS
    from reader.ui.edit.refresh import DivergenceRefresher

    extra = tmp_path / "extra.tsv"
    extra.write_text("id\tar\ten\ncapital\tدمشق\tDamascus\n", encoding="utf-8")
    pair = open_pair(CORPUS / "iraq-assad-lesson.ar.txt", CORPUS / "iraq-assad-lesson.en.txt",
                     PairOptions(glossaries=[extra]), keep_prepared=True)
    memo = pair.detection
    pair.alignment = apply_edit(pair.alignment, merge_next(pair.alignment, 0))
    refresher = DivergenceRefresher()
    with qtbot.waitSignal(refresher.refreshed, timeout=20_000):
        refresher.schedule(pair)
    assert pair.detection is memo
    # the finished job is deleted later, on the event loop: let it go before the refresher
    qtbot.waitUntil(lambda: not refresher.is_busy())
    qtbot.wait(50)
