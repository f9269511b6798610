"""Reading and writing the user's files: one place for size limits, errors and atomic saves."""

from __future__ import annotations

import json
import math
import os
import stat
import tempfile
from collections.abc import Iterable
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
        # Checked before opening: opening a FIFO with no writer blocks forever, and a device
        # such as /dev/zero never ends.
        kind = not_regular(os.stat(path).st_mode)
        if kind:
            raise error(f"is {kind}, not a {what}", path)
        # O_NONBLOCK: should the path have become a FIFO since the stat, opening it still
        # returns at once, and the fstat below refuses it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fd)
            kind = not_regular(st.st_mode)
            if kind:
                raise error(f"is {kind}, not a {what}", path)
            if max_bytes is not None and st.st_size > max_bytes:
                raise error(
                    f"is too large for a {what} ({_size(st.st_size)}; "
                    f"the limit is {_size(max_bytes)})", path,
                )
            return fh.read()
    except FileNotFoundError:
        raise error("no such file", path) from None
    except PermissionError:
        raise error("permission denied", path) from None
    except IsADirectoryError:
        raise error(f"is a directory, not a {what}", path) from None
    except OSError as exc:
        raise error(f"cannot be read: {exc.strerror or exc}", path) from None


def not_regular(mode: int) -> str | None:
    """What a file of this st_mode is when it is not a regular file ("a directory", "a named
    pipe (FIFO)", ...), or None for a regular file: only regular files are read as input."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


# JSON deeper than this is no data a person made; Python's parser would overflow its stack
MAX_JSON_DEPTH = 100


def read_json(
    path: str | Path, *, what: str, max_bytes: int | None = None,
    error: type[InputError] = InputError,
) -> Any:
    """A UTF-8 JSON file (a byte-order mark allowed), parsed strictly: errors say where it
    is broken. NaN, Infinity, numbers too large for a float (1e400), lone surrogates
    (`"\\ud800"`) and nesting deeper than MAX_JSON_DEPTH are refused, each in one line."""
    raw = read_bytes(path, what=what, max_bytes=max_bytes, error=error)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise error("is not UTF-8 text", path) from None
    try:
        data = json.loads(text, parse_constant=_no_constant, parse_float=_finite_float)
    except json.JSONDecodeError as exc:
        raise error(
            f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})", path
        ) from None
    except _BadJson as exc:
        raise error(f"is not valid JSON: {exc}", path) from None
    except RecursionError:
        raise error(f"nests lists or objects deeper than {MAX_JSON_DEPTH} levels", path) from None
    problem = json_problem(data)
    if problem:
        raise error(problem, path)
    return data


class _BadJson(ValueError):
    pass


def _no_constant(name: str) -> float:
    raise _BadJson(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _BadJson(f"the number {text[:40]} is too large")
    return value


def json_problem(data: Any) -> str | None:
    """Why parsed JSON cannot be used (too deep, a string with a lone surrogate), or None."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            if _has_surrogate(value):
                return f"holds a string with a lone surrogate ({_surrogate_at(value)})"
        elif isinstance(value, dict | list):
            if depth >= MAX_JSON_DEPTH:
                return f"nests lists or objects deeper than {MAX_JSON_DEPTH} levels"
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if isinstance(key, str) and _has_surrogate(key):
                    return f"holds a key with a lone surrogate ({_surrogate_at(key)})"
                stack.append((item, depth + 1))
    return None


def _has_surrogate(text: str) -> bool:
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _surrogate_at(text: str) -> str:
    ch = next(c for c in text if "\ud800" <= c <= "\udfff")
    return f"U+{ord(ch):04X}"


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


# An SQLite database (every workspace) starts with these bytes.
_SQLITE_MAGIC = b"SQLite format 3\x00"


def check_output(
    path: str | Path, inputs: Iterable[str | Path | None] = (), *, workspace: bool = False
) -> Path:
    """`path` as a target an output may be written to, or InputError (one line, naming it):
    never a directory, never one of `inputs` (the workspace or texts the command reads,
    however named: a symlink or hard link is the same file), never a workspace (unless the
    output is itself a `workspace` replacing one, as `reader workspace new --force` does)."""
    path = Path(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        return path
    except OSError as exc:
        raise InputError(f"cannot be written: {exc.strerror or exc}", path) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError("is a directory; give a file name to write to", path)
    for given in inputs:
        if given is None:
            continue
        try:
            same = os.path.samefile(path, given)
        except OSError:
            same = False
        if same:
            raise InputError(
                "is an input of this command; writing there would destroy it "
                "(choose another output file)", path,
            )
    if not workspace and stat.S_ISREG(st.st_mode) and _starts_with(path, _SQLITE_MAGIC):
        raise InputError(
            "is a workspace (an SQLite database); an export never replaces one "
            "(choose another output file)", path,
        )
    return path


def write_output(
    path: str | Path, data: bytes, inputs: Iterable[str | Path | None] = ()
) -> Path:
    """Write a command's or an export's output safely: check_output, then atomically."""
    path = check_output(path, inputs)
    atomic_write_bytes(path, data)
    return path


def _starts_with(path: Path, magic: bytes) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(magic)) == magic
    except OSError:
        return False


def _existing_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"
