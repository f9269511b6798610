"""File ▸ Open Batch Results…: a real batch's summary as a table; a pair opens in the window."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from reader.core.archive import local
from reader.core.archive.inputs import discover_jobs
from reader.core.archive.job import PairOutcome
from reader.core.archive.summary import in_job_order, write_summary
from reader.ui.batch.action import BatchResults
from reader.ui.batch.model import HEAD, TAIL, BatchResultsModel
from reader.ui.batch.results import BatchResultsDialog, pair_files
from tests.core.archive.archive_helpers import CORPUS_ID, make_archive


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A batch's OUTDIR made by the local engine: the corpus pair, five small pairs and a
    binary one that fails."""
    root = tmp_path_factory.mktemp("batch-ui")
    make_archive(root / "archive", 6)
    (root / "archive" / "zz-binary.ar.txt").write_bytes(b"\x00\x01\x02" * 20)
    (root / "archive" / "zz-binary.en.txt").write_text("A line.\n", encoding="utf-8")
    jobs = discover_jobs(root / "archive")
    outcomes = local.run_jobs(jobs, root / "out", workers=1)
    write_summary(root / "out", in_job_order(outcomes, jobs))
    return root


def file_menu(window) -> QMenu:
    [menu] = [m for m in window.menuBar().findChildren(QMenu)
              if m.title().replace("&", "") == "File"]
    return menu


def open_results(qtbot, window, chosen: Path, monkeypatch: pytest.MonkeyPatch
                 ) -> BatchResultsDialog:
    """Through the menu, as a reader would: File ▸ Open Batch Results…, then the file."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(chosen), ""))
    [action] = [a for a in file_menu(window).actions()
                if a.text().replace("&", "") == "Open Batch Results…"]
    results: BatchResults = window.batch_results
    with qtbot.waitSignal(results.shown, timeout=30_000) as shown:
        action.trigger()
    dialog = shown.args[0]
    assert isinstance(dialog, BatchResultsDialog)
    qtbot.waitExposed(dialog)
    return dialog


def double_click(qtbot, dialog: BatchResultsDialog, row: int) -> None:
    """A reader's double click on a row: a click first (Qt's item views act on a double
    click only on the index the press was on), then the double click."""
    index = dialog.proxy.index(row, 1)
    dialog.table.scrollTo(index)
    where = dialog.table.visualRect(index).center()
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=where)


def row_of(dialog: BatchResultsDialog, ident: str) -> int:
    return next(r for r in range(dialog.proxy.rowCount()) if dialog.proxy.outcome(r).id == ident)


def test_the_action_sits_in_the_file_menu_after_the_recent_pairs(main_window) -> None:
    texts = [a.text().replace("&", "") for a in file_menu(main_window).actions()]
    recent = main_window.recent_menu.menuAction().text().replace("&", "")
    assert texts.index("Open Batch Results…") == texts.index(recent) + 1


def test_the_table_shows_every_pair_and_the_error_of_a_failed_one(
    qtbot, main_window, batch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_results(qtbot, main_window, batch / "out" / "summary.csv", monkeypatch)
    model = dialog.model
    assert model.rowCount() == 7
    assert "7 pairs (6 done, 1 failed)" in dialog.heading.text()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[: len(HEAD)] == list(HEAD) and headers[-len(TAIL):] == list(TAIL)
    failed = row_of(dialog, "zz-binary")
    error = dialog.proxy.index(failed, model.column_of("Error")).data()
    assert "zz-binary.ar.txt" in error and "binary" in error
    assert dialog.proxy.index(failed, model.column_of("Beads")).data() == ""
    # the Error column sits far right: the current pair's error is also shown in full below
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.table.visualRect(dialog.proxy.index(failed, 0)).center())
    assert dialog.detail.text().endswith(f"Failed: {error}")
    corpus = row_of(dialog, CORPUS_ID)
    assert dialog.proxy.index(corpus, model.column_of("Translation")).data() == "yes"
    # on screen the verdict and its score come right after the id, before the kinds' columns
    header = dialog.table.horizontalHeader()
    shown = sorted(range(model.columnCount()), key=header.visualIndex)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in shown[:5]] == [
        "Status", "Id", "Translation", "Score", "Paragraphs"]
    beads = dialog.proxy.index(corpus, model.column_of("Beads")).data()
    assert int(beads) > 20

    # the filters: status, then verdict
    dialog.status_filter.setCurrentIndex(dialog.status_filter.findData("failed"))
    assert [dialog.proxy.outcome(r).id for r in range(dialog.proxy.rowCount())] == ["zz-binary"]
    dialog.status_filter.setCurrentIndex(0)
    dialog.verdict_filter.setCurrentIndex(dialog.verdict_filter.findData("unknown"))
    assert [dialog.proxy.outcome(r).id for r in range(dialog.proxy.rowCount())] == ["zz-binary"]
    dialog.verdict_filter.setCurrentIndex(0)
    assert dialog.proxy.rowCount() == 7

    # sorting by beads counts numbers as numbers; the failed pair, which has none, goes last
    dialog.table.sortByColumn(model.column_of("Beads"), Qt.SortOrder.AscendingOrder)
    shown = [dialog.proxy.outcome(r) for r in range(dialog.proxy.rowCount())]
    done = [o.beads for o in shown if o.status == "done"]
    assert done == sorted(done) and shown[-1].id == "zz-binary"


def test_a_double_click_and_enter_open_the_pair_in_the_window(
    qtbot, main_window, batch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_results(qtbot, main_window, batch / "out", monkeypatch)  # OUTDIR itself
    pairs = [o for o in (dialog.proxy.outcome(r) for r in range(dialog.proxy.rowCount()))
             if o.status == "done" and o.id != CORPUS_ID]
    first, second = pairs[0], pairs[1]
    with qtbot.waitSignal(main_window.pair_opened, timeout=60_000) as opened:
        double_click(qtbot, dialog, row_of(dialog, first.id))
    assert str(opened.args[0].source.path) == first.source
    assert str(opened.args[0].target.path) == first.target
    assert first.id in main_window.windowTitle()

    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.proxy.index(row_of(dialog, second.id), 0))
    with qtbot.waitSignal(main_window.pair_opened, timeout=60_000) as opened:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert str(opened.args[0].source.path) == second.source


def test_a_pair_whose_files_are_gone_is_a_message_not_a_traceback(
    qtbot, main_window, batch: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "batch"
    shutil.copytree(batch / "archive", copy / "archive")
    jobs = discover_jobs(copy / "archive")[:2]
    write_summary(copy / "out", local.run_jobs(jobs, copy / "out", workers=1))
    (copy / "archive" / Path(jobs[0].source).name).unlink()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    dialog = open_results(qtbot, main_window, copy / "out" / "summary.csv", monkeypatch)
    before = main_window.pair
    with qtbot.waitSignal(dialog.open_refused, timeout=5_000):
        double_click(qtbot, dialog, row_of(dialog, jobs[0].id))
    assert shown == [f"The pair {jobs[0].id} cannot be opened: {jobs[0].source}: no such file"]
    assert main_window.pair is before


def test_a_file_that_is_no_summary_is_a_message(
    qtbot, main_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bogus = tmp_path / "summary.csv"
    bogus.write_text("a,b\n1,2\n", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bogus), ""))
    with qtbot.waitSignal(main_window.batch_results.failed, timeout=30_000):
        main_window.batch_results.action.trigger()
    assert shown == [f"{bogus}: is not a batch summary (its header is not reader batch's)"]


def test_relative_paths_are_found_beside_a_moved_batch(batch: Path, tmp_path: Path) -> None:
    # a batch run as `reader batch archive -o out` from its folder, then opened from elsewhere
    jobs = discover_jobs(batch / "archive")
    rel = PairOutcome(jobs[0].id, "done", source=f"archive/{Path(jobs[0].source).name}",
                      target=f"archive/{Path(jobs[0].target).name}")
    found = pair_files(rel, batch / "out")
    assert found == (batch / "archive" / Path(jobs[0].source).name,
                     batch / "archive" / Path(jobs[0].target).name)
    url = PairOutcome("u", "done", source="s3://bucket/a.txt", target="s3://bucket/b.txt")
    assert pair_files(url, batch / "out") == (
        "s3://bucket/a.txt: is a URL; the window opens files on this computer")


def test_the_model_passes_qt_s_model_checks(qtmodeltester, batch: Path) -> None:
    from reader.core.archive.summary import read_summary

    model = BatchResultsModel()
    model.set_outcomes(read_summary(batch / "out"))
    qtmodeltester.check(model)
