"""The legend of the divergence panel wraps its buttons instead of widening the window."""

from __future__ import annotations

from reader.core.diverge.records import DivergenceKind
from reader.ui.diverge.panel import DivergencePanel


def test_the_legend_wraps_and_never_widens_the_window(qtbot) -> None:
    panel = DivergencePanel()
    qtbot.addWidget(panel)
    assert set(panel.toggles) == {str(k) for k in DivergenceKind}
    # every kind's button in one row would be wider than a laptop screen
    row = sum(b.sizeHint().width() for b in panel.toggles.values())
    assert row > 1000
    assert panel.minimumSizeHint().width() < 600
    panel.resize(700, 400)
    panel.show()
    qtbot.waitExposed(panel)
    tops = {b.geometry().top() for b in panel.toggles.values()}
    assert len(tops) >= 2  # wrapped into rows
    assert all(b.geometry().right() <= panel.width() for b in panel.toggles.values())
