"""The window's workspace session: a changed text is re-anchored in the pool, not on the GUI."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox

from reader.core.annotate.annotations import Status
from reader.core.pair import Pair
from reader.core.store import sync
from reader.core.store.pair_index import PairIndex, open_for_pair
from reader.core.store.workspace import Workspace
from reader.core.text.document import load_text
from reader.ui.app import workers
from reader.ui.store import workspace_session
from reader.ui.store.workspace_session import WorkspaceSession
from tests.core.workspace_helpers import SOURCE_LINES, small_pair, span_of, write_pair


def _session(qtbot, settings, folder: Path) -> WorkspaceSession:
    window = QMainWindow()
    qtbot.addWidget(window)
    session = WorkspaceSession(settings, window)
    session.folder = folder
    return session


def _changed_pair(tmp_path: Path) -> tuple[Pair, str, str, Path]:
    """A pair whose workspace holds two notes, then a source edited since: one note moves, one
    is lost."""
    source, target, alignment = small_pair(tmp_path)
    pair = Pair(source, target, alignment, [])
    with open_for_pair(pair, folder=tmp_path / "ws") as ws:
        kept = ws.annotate("source", 0, *span_of(source, 0, "@umtikrit"), comment="kept")
        lost = ws.annotate("source", 2, *span_of(source, 2, "فقرة محذوفة"), comment="lost")
    PairIndex(tmp_path / "ws").put(source, target, ws.path)
    lines = list(SOURCE_LINES)
    lines[0] = "كلمات جديدة في البداية. " + lines[0]
    lines[2] = "جملة أخرى تماما مكان الجملة القديمة."
    src, tgt = write_pair(tmp_path, lines)
    return Pair(load_text(src), load_text(tgt), alignment, []), kept.id, lost.id, ws.path


def test_a_changed_text_is_reanchored_off_the_gui_thread_and_saved(
    qtbot, settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pair, kept, lost, _ = _changed_pair(tmp_path)
    threads: list[threading.Thread] = []

    def recording_sync(workspace: Workspace, pair: Pair) -> sync.SyncReport:
        threads.append(threading.current_thread())
        return sync.sync_with_pair(workspace, pair)

    monkeypatch.setattr(workspace_session, "sync_with_pair", recording_sync)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    session = _session(qtbot, settings, tmp_path / "ws")
    with qtbot.waitSignal(session.reanchored, timeout=30_000) as signal:
        assert session.attach(pair) is None  # the window goes on while the pool works
        assert session.is_syncing() and session.workspace is None
    assert threads and threads[0] is not threading.main_thread()
    report = signal.args[0]
    assert report.changed_sides == 1 and [a.id for a in report.orphans] == [lost]
    assert not session.is_syncing()
    ws = session.workspace
    assert ws is not None and ws.document("source").sha256 == pair.source.sha256
    assert warnings and "فقرة محذوفة" in warnings[0]
    session.close()
    with Workspace.open(ws.path, read_only=True) as saved:
        moved = saved.get_annotation(kept)
        assert moved.status is Status.ANCHORED
        assert pair.source.content[moved.abs_start : moved.abs_end] == "@umtikrit"
        assert saved.get_annotation(lost).status is Status.ORPHAN


def test_a_pair_left_while_its_workspace_syncs_does_not_take_it(
    qtbot, settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pair, kept, _, path = _changed_pair(tmp_path)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: None)
    session = _session(qtbot, settings, tmp_path / "ws")
    changes: list[object] = []
    session.workspace_changed.connect(changes.append)
    session.attach(pair)
    assert session.is_syncing()
    session.close()  # the window closed (or another pair came) before the work ended
    # the job is over once its result has been handled on the GUI thread
    qtbot.waitUntil(lambda: not workers._running, timeout=30_000)
    assert session.workspace is None and not session.is_syncing()
    assert changes == []
    with Workspace.open(path) as ws:  # closed by the session, and re-anchored all the same
        assert ws.get_annotation(kept).status is Status.ANCHORED
