"""The one place that converts Python code-point offsets to Qt's UTF-16 positions and back."""

from __future__ import annotations

from bisect import bisect_left, bisect_right


def utf16_length(text: str) -> int:
    """Length of a string in UTF-16 code units (characters above U+FFFF count twice)."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


class Utf16Map:
    """Converts offsets within one string; O(log n) per call, O(1) when the string has no astral
    characters (the usual case: emoji are rare, but one in a post must not shift every span)."""

    __slots__ = ("_astral", "_astral_u16", "length", "utf16_length")

    def __init__(self, text: str) -> None:
        # code-point offsets of the characters that take two UTF-16 units
        self._astral = [] if text.isascii() else [i for i, c in enumerate(text) if ord(c) > 0xFFFF]
        # the UTF-16 position of each of them
        self._astral_u16 = [i + k for k, i in enumerate(self._astral)]
        self.length = len(text)
        self.utf16_length = len(text) + len(self._astral)

    def to_utf16(self, offset: int) -> int:
        """UTF-16 position of a code-point offset (0..len(text))."""
        if not 0 <= offset <= self.length:
            raise ValueError(f"offset {offset} outside 0..{self.length}")
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_utf16(self, position: int) -> int:
        """Code-point offset of a UTF-16 position; a position inside a surrogate pair maps to
        the start of its character."""
        if not 0 <= position <= self.utf16_length:
            raise ValueError(f"position {position} outside 0..{self.utf16_length}")
        if not self._astral:
            return position
        k = bisect_right(self._astral_u16, position)
        if k and self._astral_u16[k - 1] + 1 == position:
            return self._astral[k - 1]  # the low surrogate of a pair
        # every astral character whose two units both lie before `position` counts one extra
        return position - bisect_right(self._astral_u16, position - 2)
