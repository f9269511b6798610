"""Window benchmarks: start to built-in pair shown, opening the largest case, time per frame.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m tests.bench.bench_ui

The case is built from ../shared/bench-data when missing (tests/bench/cases.py).

Prints a Markdown table (for docs/benchmarks.md). Settings live in a temporary folder.
"""

from __future__ import annotations

import time

T_SCRIPT = time.perf_counter()  # before Qt is imported: start-up includes loading Qt

import argparse  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402


def process_age() -> float | None:
    """Seconds since this process started (Linux), so that start-up counts the interpreter too."""
    try:
        start_ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} logical CPUs, {platform.system()} {platform.release()}"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--case", default="large-coupled")
    parser.add_argument("--size", default="1500x920", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--max-frames", type=int, default=6000)
    parser.add_argument("--step", type=float, default=1 / 3, help="scroll step, in viewports")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    from tests.bench.cases import case_dir

    src = case_dir(args.seed, args.case) / "src.txt"
    tgt = case_dir(args.seed, args.case) / "tgt.txt"

    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.core.pair import open_pair
    from reader.ui.app.fonts import load_bundled_fonts
    from reader.ui.app.settings import APPLICATION, ORGANISATION, Settings
    from reader.ui.app.theme import apply_theme
    from reader.ui.window.main_window import MainWindow

    age_at_script = process_age()
    app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    folder = tempfile.TemporaryDirectory(prefix="reader-bench-")
    settings = Settings.at(Path(folder.name) / "settings.ini")
    load_bundled_fonts()
    apply_theme(app, settings)

    def wait_for(signal: object, timeout_s: float) -> object:
        loop = QEventLoop()
        got: list[object] = []

        def done(*values: object) -> None:
            got.append(values[0] if values else None)
            loop.quit()

        signal.connect(done)  # type: ignore[attr-defined]
        QTimer.singleShot(int(timeout_s * 1000), loop.quit)
        loop.exec()
        signal.disconnect(done)  # type: ignore[attr-defined]
        if not got:
            raise SystemExit(f"timed out after {timeout_s:.0f} s")
        return got[0]

    def shown(window: MainWindow) -> None:
        app.processEvents()
        window.repaint()  # synchronous: the pair is on screen when this returns

    rows: list[tuple[str, str]] = []

    # 1. start-up: from the script's first line to the built-in pair painted
    window = MainWindow(settings)
    window.resize(width, height)
    window.show()
    failed: list[str] = []
    window.open_failed.connect(failed.append)
    window.open_default_pair()
    pair = wait_for(window.pair_opened, 120)
    shown(window)
    startup = time.perf_counter() - T_SCRIPT
    rows.append(("Start to built-in pair shown (from the script's first line)", f"{startup:.2f} s"))
    if age_at_script is not None:
        total = startup + age_at_script
        rows.append(("… counting the interpreter's own start-up", f"{total:.2f} s"))

    # 2. the largest case: the core alone, then through the window
    t0 = time.perf_counter()
    core_pair = open_pair(src, tgt)
    core = time.perf_counter() - t0
    t0 = time.perf_counter()
    window.open_pair(str(src), str(tgt))
    pair = wait_for(window.pair_opened, 600)
    shown(window)
    opened = time.perf_counter() - t0
    if failed:
        raise SystemExit(f"opening failed: {failed[-1]}")
    n_src, n_tgt = len(core_pair.source), len(core_pair.target)
    label = f"{args.case} ({n_src} + {n_tgt} paragraphs, {len(core_pair.alignment)} beads)"
    rows.append((f"Open {label}: load + align (core only)", f"{core:.2f} s"))
    rows.append((f"Open {label}: through the window, until shown", f"{opened:.2f} s"))
    del pair

    # 3. scrolling: each frame moves the panes, handles pending events and paints synchronously
    pane = window.pair_view.pane(window.pair_view.right_side)
    bar = pane.verticalScrollBar()
    step = max(1, int(pane.viewport().height() * args.step))

    def frame(value: int) -> None:
        bar.setValue(value)
        app.processEvents()
        window.repaint()

    for value in range(0, 10 * step, step):  # warm caches once
        frame(value)
    frame(0)
    # Qt may lay a long document out lazily, so the end is read again after every frame
    times: list[float] = []
    value = 0
    while len(times) < args.max_frames:
        t0 = time.perf_counter()
        frame(value)
        times.append((time.perf_counter() - t0) * 1000)
        if value >= bar.maximum():
            break
        value = min(value + step, bar.maximum())
    reached = "the end" if value >= bar.maximum() else f"{value / bar.maximum():.0%} of it"
    rows.append(
        (
            f"Scrolling it, per frame ({len(times)} frames, steps of {step} px, to {reached})",
            f"median {statistics.median(times):.1f} ms, 95th percentile "
            f"{percentile(times, 0.95):.1f} ms, max {max(times):.1f} ms",
        )
    )

    window.close()
    print(f"Machine: {machine()}; Python {platform.python_version()}, PySide6 {pyside_version}, "
          f"Qt platform '{app.platformName()}', window {width}x{height}")
    print()
    print("| Measure | Time |")
    print("|---|---|")
    for name, figure in rows:
        print(f"| {name} | {figure} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
