"""Background work: results on the GUI thread, failures, cancellation, and aligning a real pair."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThread, QThreadPool
from PySide6.QtWidgets import QApplication

from reader.core.errors import Cancelled, InputError
from reader.core.pair import Pair
from reader.resources import CORPUS
from reader.ui.app.workers import (
    AlignJob,
    Control,
    Job,
    ProgressPanel,
    describe_error,
    run_in_pool,
)

AR = CORPUS / "iraq-assad-lesson.ar.txt"
EN = CORPUS / "iraq-assad-lesson.en.txt"


@pytest.fixture(autouse=True)
def drain_pool(qapp: QApplication) -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(30_000)


def test_run_in_pool_runs_off_and_answers_on_the_gui_thread(qtbot) -> None:
    seen: dict[str, object] = {}

    def work(a: int, b: int) -> int:
        seen["worker"] = QThread.currentThread()
        return a + b

    results: list[int] = []

    def done(value: int) -> None:
        seen["callback"] = QThread.currentThread()
        results.append(value)

    job = run_in_pool(work, 2, 3, on_done=done)
    with qtbot.waitSignal(job.done, timeout=10_000):
        pass
    assert results == [5]
    assert seen["callback"] is QApplication.instance().thread()  # type: ignore[union-attr]
    assert seen["worker"] is not seen["callback"]
    assert not job.is_running()


def test_run_in_pool_passes_progress_and_cancel_check(qtbot) -> None:
    fractions: list[float] = []

    def work(n: int, progress, cancelled) -> str:
        for i in range(n):
            assert not cancelled()
            progress((i + 1) / n)
            time.sleep(0.002)
        return "ok"

    results: list[str] = []
    job = run_in_pool(work, 60, on_done=results.append, on_progress=fractions.append)
    with qtbot.waitSignal(job.done, timeout=10_000):
        pass
    assert results == ["ok"]
    assert fractions and fractions[-1] == 1.0
    assert fractions == sorted(fractions)
    assert len(fractions) < 60  # reports are thinned out, the last one always kept


def test_a_failing_job_reports_its_exception(qtbot) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        raise InputError("is empty", "/tmp/x.txt")

    job = run_in_pool(work, on_done=lambda _: None, on_error=errors.append)
    with qtbot.waitSignal(job.failed, timeout=10_000):
        pass
    assert len(errors) == 1 and isinstance(errors[0], InputError)
    assert describe_error(errors[0]) == "/tmp/x.txt: is empty"


def test_cancelling_a_job_emits_cancelled_once_the_work_stopped(qtbot) -> None:
    started = threading.Event()
    stopped = threading.Event()

    def work(control: Control) -> str:
        started.set()
        try:
            while not control.is_cancelled():
                time.sleep(0.005)
            raise Cancelled
        finally:
            stopped.set()

    job = Job(work)
    ends: list[str] = []
    job.done.connect(lambda _: ends.append("done"))
    job.failed.connect(lambda _: ends.append("failed"))
    job.cancelled.connect(lambda: ends.append("cancelled"))
    job.start()
    assert started.wait(10)
    job.cancel()
    with qtbot.waitSignal(job.cancelled, timeout=10_000):
        pass
    assert stopped.is_set()
    qtbot.wait(50)
    assert ends == ["cancelled"]


def test_work_that_ends_after_cancel_is_dropped(qtbot) -> None:
    """Work that never looks at the flag still ends in `cancelled`, its result unused."""
    gate = threading.Event()

    def work(control: Control) -> str:
        gate.wait(10)
        return "late result"

    job = Job(work)
    job.start()
    job.cancel()
    with qtbot.assertNotEmitted(job.done), qtbot.waitSignal(job.cancelled, timeout=10_000):
        gate.set()


def test_describe_error_for_a_bug_names_the_files() -> None:
    message = describe_error(ZeroDivisionError("division by zero"), "/a/src.txt", "/b/tgt.txt")
    assert message.startswith("src.txt and tgt.txt: ")
    assert "ZeroDivisionError" in message and "\n" not in message


# --- aligning ------------------------------------------------------------------------------


def align(qtbot, job: AlignJob, src: Path, tgt: Path) -> tuple[str, object]:
    """Start a job and wait for its end: ("finished", pair), ("failed", message) or
    ("cancelled", None)."""
    ends: list[tuple[str, object]] = []
    slots = (
        (job.finished, lambda pair: ends.append(("finished", pair))),
        (job.failed, lambda message: ends.append(("failed", message))),
        (job.cancelled, lambda: ends.append(("cancelled", None))),
    )
    for signal, slot in slots:
        signal.connect(slot)
    try:
        job.start(src, tgt)
        qtbot.waitUntil(lambda: bool(ends), timeout=60_000)
    finally:
        for signal, slot in slots:
            signal.disconnect(slot)
    assert len(ends) == 1
    return ends[0]


def test_aligning_the_built_in_pair_delivers_a_pair(qtbot) -> None:
    job = AlignJob()
    fractions: list[float] = []
    job.progress.connect(fractions.append)
    end, pair = align(qtbot, job, AR, EN)
    assert end == "finished", pair
    assert isinstance(pair, Pair)
    assert pair.source.language == "ar" and pair.target.language == "en"
    assert len(pair.alignment) > 10
    assert all(0.0 <= f <= 1.0 for f in fractions)
    assert not job.is_running()


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"", "is empty"), (b"\x00\x01\x02binary\x00", "binary"), (None, "no such file")],
)
def test_a_bad_file_fails_with_one_line_naming_it(
    qtbot, tmp_path: Path, content: bytes | None, problem: str
) -> None:
    bad = tmp_path / "bad input.txt"
    if content is not None:
        bad.write_bytes(content)
    end, message = align(qtbot, AlignJob(), AR, bad)
    assert end == "failed"
    assert isinstance(message, str)
    assert "bad input.txt" in message
    assert problem in message
    assert "\n" not in message


def write_large_pair(folder: Path, paragraphs: int) -> tuple[Path, Path]:
    """Two long texts, Arabic and English, with numbers in common, so the aligner must work."""
    rng = random.Random(7)
    ar_words = [
        "قال",
        "العراق",
        "سوريا",
        "الحكومة",
        "الأسد",
        "بغداد",
        "دمشق",
        "المقاومة",
        "النفط",
    ]
    en_words = [
        "said",
        "Iraq",
        "Syria",
        "government",
        "Assad",
        "Baghdad",
        "Damascus",
        "resistance",
        "oil",
    ]
    ar_lines, en_lines = [], []
    for i in range(paragraphs):
        number = rng.randint(10, 99_999)
        ar_lines.append(" ".join(rng.choices(ar_words, k=rng.randint(15, 60))) + f" {number}.")
        en_lines.append(" ".join(rng.choices(en_words, k=rng.randint(15, 60))) + f" {number}.")
        if i % 7 == 3:
            en_lines.append(" ".join(rng.choices(en_words, k=12)) + ".")
    src, tgt = folder / "long.ar.txt", folder / "long.en.txt"
    src.write_text("\n".join(ar_lines), encoding="utf-8")
    tgt.write_text("\n".join(en_lines), encoding="utf-8")
    return src, tgt


@pytest.mark.slow
def test_cancelling_a_long_alignment_leaves_things_usable(qtbot, tmp_path: Path) -> None:
    src, tgt = write_large_pair(tmp_path, 8_000)
    job = AlignJob()
    panel = ProgressPanel()
    qtbot.addWidget(panel)
    panel.watch(job)
    assert not panel.isHidden()
    with qtbot.waitSignal(job.progress, timeout=60_000):
        job.start(src, tgt)
    with qtbot.assertNotEmitted(job.finished), qtbot.waitSignal(job.cancelled, timeout=60_000):
        panel._cancel.click()  # the Cancel button the user sees
    assert not job.is_running()
    assert panel.isHidden()
    # the same job object aligns another pair afterwards
    end, pair = align(qtbot, job, AR, EN)
    assert end == "finished", pair
    assert isinstance(pair, Pair)


def test_starting_again_drops_the_running_alignment(qtbot, tmp_path: Path) -> None:
    src, tgt = write_large_pair(tmp_path, 2_000)
    job = AlignJob()
    results: list[Pair] = []
    job.finished.connect(results.append)
    job.start(src, tgt)
    end, pair = align(qtbot, job, AR, EN)
    assert end == "finished", pair
    qtbot.wait(100)
    assert len(results) == 1 and results[0].source.path == AR


def test_progress_panel_follows_a_job(qtbot) -> None:
    panel = ProgressPanel()
    qtbot.addWidget(panel)
    assert panel.isHidden()
    job = AlignJob()
    panel.watch(job, "Aligning the pair")
    assert not panel.isHidden()
    job.progress.emit(0.5)
    assert panel.value == pytest.approx(0.5)
    end, _ = align(qtbot, job, AR, EN)
    assert end == "finished"
    assert panel.isHidden()


def test_watching_the_same_job_twice_connects_once(qtbot) -> None:
    panel = ProgressPanel()
    qtbot.addWidget(panel)
    job = AlignJob()
    panel.watch(job)
    panel.watch(job)  # the window watches its one AlignJob at every opening
    job.cancelled.emit()
    assert panel.isHidden()
    job.progress.emit(0.7)  # no longer watched: the bar keeps its value
    assert panel.value == 0.0
