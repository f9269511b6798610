"""Reading a batch's inputs from a path or a URL (fsspec: file://, s3://, http(s)://, ...)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.archive.inputs import is_url
from reader.core.errors import InputError
from reader.core.files import read_bytes
from reader.core.text.decoding import decode_bytes
from reader.core.text.document import MAX_FILE_BYTES, Text, text_from_string

if TYPE_CHECKING:
    from reader.core.pair import Pair


def shown(location: str | Path) -> str:
    """How a location appears in outputs and errors: a path as `reader align` prints it
    (`str(Path(...))`), a URL exactly as given (a Path would fold its `//`)."""
    text = str(location)
    return text if is_url(text) else str(Path(text))


def _fsspec(url: str) -> Any:
    try:
        import fsspec
    except ImportError:
        raise _url_error(
            url, "is a URL, and reading URLs needs fsspec: pip install 'parallel-reader[dask]'"
        ) from None
    return fsspec


def read_input(location: str | Path, *, what: str = "text file",
               max_bytes: int | None = MAX_FILE_BYTES) -> bytes:
    """A whole input's bytes, from a path (read here, as `reader align` reads it) or from a
    URL through fsspec (read wherever this runs: on a Dask worker, the worker's view of it).
    Raises InputError naming the location and the problem."""
    if not is_url(str(location)):
        return read_bytes(location, what=what, max_bytes=max_bytes)
    url = str(location)
    fsspec = _fsspec(url)
    try:
        with fsspec.open(url, "rb") as fh:
            size = getattr(fh, "size", None)
            if max_bytes is not None and isinstance(size, int) and size > max_bytes:
                raise _url_error(url, f"is too large for a {what}")
            # one byte past the limit tells a stream with no size that it is too large
            data: bytes = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
    except InputError:
        raise
    except FileNotFoundError:
        raise _url_error(url, "no such file") from None
    except IsADirectoryError:
        raise _url_error(url, f"is a directory, not a {what}") from None
    except PermissionError:
        raise _url_error(url, "permission denied") from None
    except ImportError as exc:  # a scheme whose fsspec back end is not installed (s3fs, ...)
        raise _url_error(url, f"cannot be read: {exc}") from None
    except (OSError, ValueError) as exc:
        raise _url_error(url, f"cannot be read: {exc}") from None
    if max_bytes is not None and len(data) > max_bytes:
        raise _url_error(url, f"is too large for a {what}")
    return data


def _url_error(url: str, problem: str) -> InputError:
    # InputError keeps a path as a Path, which would fold the URL's `//`: the URL goes in whole
    return InputError(f"{url}: {problem}")


def text_from_bytes(data: bytes, location: str | Path, *, blocks: bool = False) -> Text:
    """A Text from an input's bytes, checked as `load_text` checks a file; its path is the
    location as `shown`, so the JSON names a URL as given."""
    where = shown(location)
    if not data:
        raise _error(where, "is empty")
    try:
        content, used = decode_bytes(data, None)
    except InputError as exc:
        raise _error(where, exc.problem) from None
    text = text_from_string(content, path=Path(location), encoding=used, blocks=blocks)
    if not text.paragraphs:
        raise _error(where, "has no paragraphs (it holds only blank lines)")
    return text


def _error(where: str, problem: str) -> InputError:
    return _url_error(where, problem) if is_url(where) else InputError(problem, where)


def pair_json_at(pair: Pair, source: str, target: str) -> str:
    """What `reader align --format json` prints for the pair (`pair_json_text`), with a side
    read from a URL named by its URL as given (a Path would print `s3:/bucket/...`)."""
    from reader.core.export.pair_json import pair_json_text, render_json
    from reader.core.export.report import report_from_pair

    if not (is_url(source) or is_url(target)):
        return pair_json_text(pair)
    report = report_from_pair(pair)
    report = replace(report, source=replace(report.source, path=shown(source)),
                     target=replace(report.target, path=shown(target)))
    return render_json(report, indent=1)
