"""A FIFO, a directory, a device or a socket given as a text or workspace is refused at once."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.errors import InputError
from reader.core.files import read_bytes
from reader.core.store.schema import WorkspaceError
from reader.core.store.workspace import Workspace
from reader.resources import CORPUS

AR = str(CORPUS / "iraq-assad-lesson.ar.txt")
EN = str(CORPUS / "iraq-assad-lesson.en.txt")

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    """A named pipe that nobody writes to: opening it for reading would block forever."""
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


@pytest.fixture
def sock(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "s.txt"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    yield path
    server.close()


def _reader(*args: str) -> subprocess.CompletedProcess[str]:
    # A subprocess with a timeout: without the check the command hangs, and the test fails
    # instead of hanging with it.
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", *args], capture_output=True, text=True, timeout=60
    )


def _one_line_error(proc: subprocess.CompletedProcess[str], path: Path, kind: str) -> None:
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert str(path) in lines[0] and kind in lines[0]
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    "command",
    [
        ("align", "{fifo}", EN),
        ("align", AR, "{fifo}"),
        ("diverge", "{fifo}", EN),
        ("diverge", AR, "{fifo}"),
        ("workspace", "new", "{ws}", "{fifo}", EN),
        ("workspace", "new", "{ws}", AR, "{fifo}"),
    ],
)
def test_a_fifo_as_a_text_is_refused_not_waited_on(
    tmp_path: Path, fifo: Path, command: tuple[str, ...]
) -> None:
    ws = tmp_path / "pair.prws"
    args = [a.format(fifo=fifo, ws=ws) for a in command]
    _one_line_error(_reader(*args), fifo, "named pipe (FIFO)")
    assert not ws.exists()


def test_a_fifo_as_a_workspace_is_refused(fifo: Path) -> None:
    proc = _reader("review", str(fifo))
    _one_line_error(proc, fifo, "named pipe (FIFO)")


@pytest.mark.parametrize(
    "name, kind", [("dir", "a directory"), ("sock", "a socket"), ("zero", "a device")]
)
def test_other_special_files_are_refused(
    tmp_path: Path, sock: Path, name: str, kind: str
) -> None:
    paths = {"dir": tmp_path, "sock": sock, "zero": Path("/dev/zero")}
    path = paths[name]
    if not path.exists():
        pytest.skip(f"{path} is missing here")
    _one_line_error(_reader("align", str(path), EN), path, kind)
    with pytest.raises(InputError, match=f"is {kind}, not a text file"):
        read_bytes(path, what="text file")
    with pytest.raises(WorkspaceError, match=f"is {kind}, not a workspace file"):
        Workspace.open(path, read_only=True)


def test_a_symlink_to_a_fifo_is_refused(tmp_path: Path, fifo: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(fifo)
    _one_line_error(_reader("align", str(link), EN), link, "named pipe (FIFO)")
