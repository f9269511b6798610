"""`json.dumps(value, ensure_ascii=False, indent=N)` in half the time, for the outputs' JSON."""

# With an indent the standard library encodes in Python, through a generator per container
# (its C encoder only writes compact JSON): 40-50 ms for the beads and divergences of a
# 4,000-paragraph pair. Here each container is written straight into one list of pieces, the
# same pieces in the same order: strings by the standard library's own (C) string encoder,
# numbers by `repr`, the same separators (",", ": ") and new lines. A value it does not write
# (not str, int, float, bool, None, list, tuple or dict with str keys) is left to `json.dumps`.

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import encode_basestring

_INFINITY = float("inf")


def dumps_indented(value: object, indent: int = 1) -> str:
    """What `json.dumps(value, ensure_ascii=False, indent=indent)` returns."""
    out: list[str] = []
    try:
        _writer(out.append, " " * indent)(value, 0)
    except (TypeError, RecursionError):  # a type left to the standard library, or a cycle
        return json.dumps(value, ensure_ascii=False, indent=indent)
    return "".join(out)


def dumps_nested(value: object, indent: int, level: int) -> str | None:
    """What `dumps_indented` writes of `value` where it lies `level` containers deep in what
    it writes; None for a value it leaves to `json.dumps`."""
    out: list[str] = []
    try:
        _writer(out.append, " " * indent)(value, level)
    except (TypeError, RecursionError):
        return None
    return "".join(out)


def _float(value: float) -> str:
    """As the standard encoder writes a float (allow_nan)."""
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)


def _writer(put: Callable[[str], None], unit: str) -> Callable[[object, int], None]:
    encode = encode_basestring

    def write(value: object, level: int) -> None:
        # the standard encoder's order of tests (a str or int subclass is written as one)
        if isinstance(value, str):
            put(encode(value))
        elif value is None:
            put("null")
        elif value is True:
            put("true")
        elif value is False:
            put("false")
        elif isinstance(value, int):
            put(int.__repr__(value))
        elif isinstance(value, float):
            put(_float(value))
        elif isinstance(value, list | tuple):
            if not value:
                put("[]")
                return
            newline = "\n" + unit * (level + 1)
            separator = "," + newline
            put("[" + newline)
            first = True
            for item in value:
                if not first:
                    put(separator)
                first = False
                write(item, level + 1)
            put("\n" + unit * level + "]")
        elif isinstance(value, dict):
            if not value:
                put("{}")
                return
            newline = "\n" + unit * (level + 1)
            separator = "," + newline
            put("{" + newline)
            first = True
            for key, item in value.items():
                if not isinstance(key, str):
                    raise TypeError("a key the standard encoder converts")
                if not first:
                    put(separator)
                first = False
                put(encode(key) + ": ")
                write(item, level + 1)
            put("\n" + unit * level + "}")
        else:
            raise TypeError(f"{type(value).__name__} is left to json.dumps")

    return write
