"""The colour of each bead in the gutter: its most telling divergence's, else its confidence's."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor

from reader.core.align.beads import Alignment
from reader.core.diverge.records import Divergence
from reader.ui.app.theme import confidence_colour, divergence_colour
from reader.ui.diverge.model import divergence_bead

# a divergence touching a bead colours it by the first kind found in this order
KIND_PRIORITY = (
    "omission",
    "addition",
    "embedded_post",
    "sentence_omission",
    "number_mismatch",
    "date_mismatch",
    "name_mismatch",
    "length_anomaly",
)


def bead_colours(alignment: Alignment, shown: Iterable[Divergence]) -> list[QColor]:
    """One colour per bead of `alignment`, from the divergences `shown` in the view."""
    kinds: dict[int, set[str]] = {}
    for d in shown:
        kinds.setdefault(divergence_bead(d, alignment), set()).add(str(d.kind))
    colours: list[QColor] = []
    for b, bead in enumerate(alignment.beads):
        found = kinds.get(b)
        if found:
            kind = next((k for k in KIND_PRIORITY if k in found), sorted(found)[0])
            colours.append(divergence_colour(kind))
        else:
            colours.append(confidence_colour(bead.confidence))
    return colours
