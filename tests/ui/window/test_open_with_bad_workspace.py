"""A pair whose workspace cannot be used still opens: every `pair_opened` listener hears of it."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from reader.core.corpus.manifest import load_manifest
from reader.core.store.pair_index import default_path_for
from reader.core.text.document import load_text

# past this, a message still open is closed, so that a regression fails instead of hanging
WATCHDOG_MS = 20_000


def _visible_messages(window) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_a_damaged_workspace_does_not_hold_up_the_pair(qtbot, settings) -> None:
    from reader.ui.window.main_window import MainWindow

    corpus = load_manifest()
    source, target = (corpus.path_of(entry) for entry in corpus.default_pair())
    path = default_path_for(load_text(source), load_text(target))
    path.parent.mkdir(parents=True, exist_ok=True)
    damaged = b"SQLite format 3\x00" + b"\x07" * 4000  # a workspace written by something else
    path.write_bytes(damaged)

    window = MainWindow(settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.cancel_alignment())
    window.resize(1400, 900)
    window.show()
    # connected after the window's own listeners, as a script or a plug-in would be
    heard: list[list[str]] = []
    window.pair_opened.connect(lambda pair: heard.append(_visible_messages(window)))
    watchdog = QTimer(window, singleShot=True, interval=WATCHDOG_MS)
    watchdog.timeout.connect(lambda: [box.close() for box in window.findChildren(QMessageBox)])
    watchdog.start()
    with qtbot.waitSignal(window.pair_opened, timeout=90_000):
        window.open_default_pair()
    watchdog.stop()

    # heard while the message was still up for the reader, not once someone had closed it
    assert len(heard) == 1 and heard[0], "the message blocked pair_opened until it was closed"
    assert str(path) in heard[0][0] and "Annotations are off" in heard[0][0]
    assert window.pair is not None and window.pair_view.pair is window.pair
    assert window.annotations.workspace is None
    assert not window.annotations.annotate_action.isEnabled()
    assert path.read_bytes() == damaged  # left as it was
    for box in window.findChildren(QMessageBox):
        box.close()
