"""The divergence table model and its filter by kind."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from reader.ui.diverge.model import (
    BEAD_ROLE,
    DIVERGENCE_ROLE,
    EXPLANATION,
    KIND_ROLE,
    SEVERITY,
    STATUS,
    WHERE,
    DivergenceModel,
    KindFilterModel,
    divergence_bead,
)


def test_the_model_passes_the_model_tester(qtmodeltester, hand_pair) -> None:
    model = DivergenceModel()
    qtmodeltester.check(model)
    model.set_divergences(hand_pair.divergences, hand_pair.alignment)
    qtmodeltester.check(model)
    proxy = KindFilterModel()
    proxy.setSourceModel(model)
    proxy.set_hidden_kinds({"omission"})
    qtmodeltester.check(proxy)


def test_rows_are_in_reading_order(hand_pair) -> None:
    model = DivergenceModel()
    model.set_divergences(hand_pair.divergences, hand_pair.alignment)
    beads = [model.data(model.index(r, 0), BEAD_ROLE) for r in range(model.rowCount())]
    assert beads == [3, 4, 6]
    assert [model.divergence(r).kind for r in range(3)] == ["date_mismatch", "omission", "addition"]
    assert model.data(model.index(0, EXPLANATION)) == "8 December"
    assert model.data(model.index(0, WHERE)) == "source ¶ 4"
    assert model.data(model.index(0, SEVERITY)) == "Warning"
    assert model.data(model.index(0, STATUS)) == "Open"
    assert isinstance(model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole), QColor)
    assert model.data(model.index(1, 0), DIVERGENCE_ROLE) is model.divergence(1)
    assert model.counts() == {"date_mismatch": 1, "omission": 1, "addition": 1}


def test_the_filter_hides_a_kind(hand_pair) -> None:
    model = DivergenceModel()
    model.set_divergences(hand_pair.divergences, hand_pair.alignment)
    proxy = KindFilterModel()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 3
    proxy.set_hidden_kinds({"omission", "addition"})
    assert proxy.rowCount() == 1
    assert proxy.data(proxy.index(0, 0), KIND_ROLE) == "date_mismatch"
    assert proxy.divergence(0).detail == "8 December"
    proxy.set_hidden_kinds(set())
    assert proxy.rowCount() == 3


def test_a_divergence_without_a_bead_takes_its_paragraphs_bead(hand_pair) -> None:
    from dataclasses import replace

    d = replace(hand_pair.divergences[2], bead=None)
    assert divergence_bead(d, hand_pair.alignment) == 4


def _states(*statuses: str):
    from reader.core.diverge.review import ReviewState, ReviewStatus

    return [ReviewState(ReviewStatus(s), "why" if s == "confirmed" else "") for s in statuses]


def test_states_filters_and_sorting(qtmodeltester, hand_pair) -> None:
    from reader.ui.diverge.model import SEVERITY_ROLE, STATE_ROLE

    model = DivergenceModel()
    # hand_pair lists: addition (warning), date (warning), omission (serious)
    model.set_divergences(hand_pair.divergences, hand_pair.alignment)
    changed = []
    model.dataChanged.connect(lambda a, b, roles: changed.append((a.row(), b.row())))
    model.set_states(_states("open", "confirmed", "open"))
    assert changed == [(0, 0)]  # the date, first in reading order
    assert model.data(model.index(0, STATUS)) == "Confirmed ✎"
    assert model.data(model.index(0, 0), STATE_ROLE).comment == "why"
    assert "Comment: why" in model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(1, 0), SEVERITY_ROLE) == 0
    proxy = KindFilterModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_show_reviewed(False)
    assert [proxy.divergence(r).kind for r in range(proxy.rowCount())] == ["omission", "addition"]
    proxy.set_max_severity_rank(0)
    assert [proxy.divergence(r).kind for r in range(proxy.rowCount())] == ["omission"]
    proxy.set_max_severity_rank(99)
    proxy.set_show_reviewed(True)
    proxy.sort(SEVERITY, Qt.SortOrder.AscendingOrder)
    assert [proxy.divergence(r).kind for r in range(3)] == [
        "omission", "date_mismatch", "addition"]
    proxy.sort(WHERE, Qt.SortOrder.AscendingOrder)
    assert [proxy.divergence(r).kind for r in range(3)] == [
        "date_mismatch", "omission", "addition"]
    qtmodeltester.check(proxy)
    import pytest

    with pytest.raises(ValueError):
        model.set_states(_states("open"))
