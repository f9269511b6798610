"""Reading one value of a W3C annotation file strictly: a wrong JSON type is a one-line error."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from reader.core.errors import InputError
from reader.core.export.escaping import terminal_text
from reader.core.text.document import Text


def shown(value: Any, limit: int = 80) -> str:
    """A value from the file for a one-line message: quoted, cut, no control characters."""
    if not isinstance(value, str):
        return kind_of(value)
    cut = value if len(value) <= limit else value[:limit] + "…"
    return "“" + terminal_text(cut) + "”"


def kind_of(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true or false",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), "a value of another kind")


def string(obj: Mapping[str, Any], key: str, what: str, default: str = "") -> str:
    """obj[key] as a string (the default when absent or null); InputError naming `what` if it
    is another JSON type, so that no Python repr is ever stored."""
    value = obj.get(key)
    if value is None:
        return default
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if not isinstance(value, str):
        raise InputError(f"has a {what} that is {kind_of(value)}, not a string")
    return value


def iso_time(obj: Mapping[str, Any], key: str, default: str) -> str:
    value = string(obj, key, f"{key} time", default)
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(
            f"has a {key} time that is no ISO 8601 date and time ({shown(value, 40)})"
        ) from None
    return value


def position(selector: Mapping[str, Any], key: str) -> int:
    value = selector.get(key)
    if isinstance(value, str) and value.isascii() and value.isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputError(
            f"has a TextPositionSelector whose {key} is {shown(value)}, not a whole number"
        )
    return value


def code_points(text: Text, utf16: int) -> int:
    """A UTF-16 offset of `text` as a code-point offset (an offset inside a pair of
    surrogates counts as the character's start)."""
    content = text.content
    if content.isascii() or all(ord(c) <= 0xFFFF for c in content[: utf16 + 1]):
        return min(utf16, len(content))
    units = 0
    for k, ch in enumerate(content):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > utf16:
            return k
    return len(content)
