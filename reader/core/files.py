"""Reading and writing the user's files: one place for size limits, errors and atomic saves."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from reader.core.errors import InputError


def read_bytes(
    path: str | Path, *, what: str, max_bytes: int | None = None,
    error: type[InputError] = InputError,
) -> bytes:
    """A whole file's bytes; `error` names the file and the problem ("is a directory, not
    a {what}", "no such file", "permission denied", "is too large", ...)."""
    path = Path(path)
    try:
        if path.is_dir():
            raise error(f"is a directory, not a {what}", path)
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise error(
                f"is too large for a {what} ({_size(size)}; the limit is {_size(max_bytes)})", path
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise error("no such file", path) from None
    except PermissionError:
        raise error("permission denied", path) from None
    except IsADirectoryError:
        raise error(f"is a directory, not a {what}", path) from None
    except OSError as exc:
        raise error(f"cannot be read: {exc.strerror or exc}", path) from None


def read_json(
    path: str | Path, *, what: str, max_bytes: int | None = None,
    error: type[InputError] = InputError,
) -> Any:
    """A UTF-8 JSON file (a byte-order mark allowed), parsed; errors say where it is broken."""
    raw = read_bytes(path, what=what, max_bytes=max_bytes, error=error)
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise error("is not UTF-8 text", path) from None
    except json.JSONDecodeError as exc:
        raise error(
            f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})", path
        ) from None


def atomic_write_text(path: Path, text: str, *, newline: str | None = "\n") -> None:
    """Write text as UTF-8, atomically (see atomic_write_bytes); `newline` as for open()."""
    if newline is None:
        newline = os.linesep
    atomic_write_bytes(path, (text.replace("\n", newline) if newline else text).encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, fsync it, then replace `path` with it,
    so that a crash leaves either the old file or the new one, never half of one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise InputError(f"cannot be written: {exc.strerror or exc}", path) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private; give it the mode a plain open() would have.
        os.chmod(tmp, _existing_mode(path))
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"cannot be written: {exc.strerror or exc}", path) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _existing_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"
