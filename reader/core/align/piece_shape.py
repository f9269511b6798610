"""The shape of `unit_pieces.Piece` as the sentence cutters read it (a sentence, or part of one)."""

from __future__ import annotations

from typing import Protocol, TypeVar


class PieceShape(Protocol):
    """A sentence of a paragraph, or a piece of one (reader.core.align.unit_pieces.Piece), as the
    modules `units` imports see it: they cannot import `units` itself."""

    paragraph: int
    start: int
    end: int
    length: float


P = TypeVar("P", bound=PieceShape)
