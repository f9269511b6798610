"""Opening a named pipe as a text in the window: refused in the dialog and by the worker."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from reader.resources import CORPUS
from reader.ui.dialogs.open_pair import OpenPairDialog

EN = str(CORPUS / "iraq-assad-lesson.en.txt")

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")


def test_the_open_dialog_says_a_pipe_is_no_file(qtbot, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    dialog = OpenPairDialog(start_dir=tmp_path)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.source_edit, str(fifo))
    qtbot.keyClicks(dialog.target_edit, EN)
    assert "not a regular file" in dialog.problem_label.text()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Open).isEnabled()
    qtbot.keyClick(dialog.target_edit, Qt.Key.Key_Return)  # Enter does not open it either
    assert dialog.result() == 0


def test_a_pipe_given_to_the_window_fails_at_once_and_keeps_the_pair(
    qtbot, main_window, monkeypatch, tmp_path: Path
) -> None:
    # the path of a pair given on the command line or from the recent list skips the dialog
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    pair = main_window.pair
    with qtbot.waitSignal(main_window.open_failed, timeout=30_000):
        main_window.open_pair(EN, str(fifo))
    assert len(shown) == 1 and "named pipe" in shown[0] and "pipe.txt" in shown[0]
    assert main_window.pair is pair
    assert main_window.cancel_action.isEnabled() is False
