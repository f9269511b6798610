"""Zooming the two panes together: one step for both, their sizes kept in proportion."""

from __future__ import annotations

from reader.ui.app.settings import ZOOM_RANGE, Settings

SIDES = ("source", "target")
# one key press (Ctrl++ / Ctrl+-) or one notch of the wheel with Ctrl held
ZOOM_STEP = 1.1
# Qt's wheel delta for one notch
WHEEL_NOTCH = 120


def zoom_both(settings: Settings, factor: float) -> float:
    """Multiply both panes' zoom by `factor` (0 resets both to 1), as far as the range allows
    for both, so that the two texts keep their proportion; return the factor applied."""
    if factor == 0:
        for side in SIDES:
            settings.set_zoom(side, 1.0)
        return 0.0
    zooms = [settings.zoom(side) for side in SIDES]
    low, high = ZOOM_RANGE
    factor = min(factor, high / max(zooms))
    factor = max(factor, low / min(zooms))
    for side, value in zip(SIDES, zooms, strict=True):
        settings.set_zoom(side, value * factor)
    return factor


def wheel_factor(angle_delta: int) -> float:
    """The zoom factor of a Ctrl+wheel turn: a step per notch, up to zoom in."""
    return float(ZOOM_STEP ** (angle_delta / WHEEL_NOTCH))
