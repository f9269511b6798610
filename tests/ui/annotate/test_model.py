"""The annotation table model and its filter proxy: contents, order, filters, Qt's checks."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from reader.core.annotate.annotations import Status, TagRef, new_annotation, sort_key
from reader.core.annotate.codebooks import list_codebooks
from reader.core.text.document import text_from_string
from reader.ui.annotate.model import (
    AnnotationFilterProxy,
    AnnotationModel,
    AnnotationRole,
    Column,
)

SOURCE = text_from_string("النظام العراقي 🇮🇶 تبنى موقف CNN\nسطر ثان عن دمشق\n", language="ar")
TARGET = text_from_string("Iraq 🇮🇶 adopted the CNN line\nA second line on Damascus\n")
LOADED = TagRef("semeval2020-propaganda", "Loaded_Language")
SOFT = TagRef("translation-shifts", "softening")


def _records():
    return [
        new_annotation(SOURCE, "source", 0, 0, 6, tags=[LOADED], comment="alpha", author="Lina"),
        new_annotation(TARGET, "target", 1, 2, 8, tags=[SOFT], comment="beta", author="Omar"),
        new_annotation(
            SOURCE, "source", 1, 0, 3, tags=[SOFT, LOADED], comment="gamma", author="Omar"
        ),
        replace(new_annotation(TARGET, "target", 0, 0, 4, comment="orphan"), status=Status.ORPHAN),
    ]


def _model(qtbot=None) -> tuple[AnnotationModel, AnnotationFilterProxy]:
    model = AnnotationModel()
    model.set_codebooks({c.id: c for c in list_codebooks()})
    model.set_annotations(_records())
    proxy = AnnotationFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def test_models_pass_qt_checks(qtmodeltester) -> None:
    model, proxy = _model()
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    proxy.set_tag(str(SOFT))
    proxy.sort(Column.TAGS)
    qtmodeltester.check(proxy)


def test_rows_show_side_quote_labels_and_orphans() -> None:
    model, _ = _model()
    assert model.rowCount() == 4 and model.columnCount() == len(Column)
    rows = [model.annotation(r) for r in range(4)]
    assert [r.comment for r in rows] == ["alpha", "gamma", "orphan", "beta"]  # text order
    assert model.data(model.index(0, Column.QUOTE)) == "النظام"
    assert model.data(model.index(0, Column.TAGS)) == "Loaded language"
    assert model.data(model.index(0, Column.PARAGRAPH)) == "1"
    assert "orphan" in model.data(model.index(2, Column.SIDE))
    assert model.data(model.index(0, 0), AnnotationRole) is rows[0]
    assert model.data(model.index(9, 0)) is None
    assert model.headerData(Column.AUTHOR, Qt.Orientation.Horizontal) == "Author"


def test_the_proxy_filters_by_each_field() -> None:
    _, proxy = _model()

    def shown() -> list[str]:
        return sorted(proxy.annotation(r).comment for r in range(proxy.rowCount()))

    proxy.set_tag("softening")  # a bare tag id matches in any codebook
    assert shown() == ["beta", "gamma"]
    proxy.set_tag(None)
    proxy.set_author("Lina")
    assert shown() == ["alpha"]
    proxy.set_author(None)
    proxy.set_side("target")
    assert shown() == ["beta", "orphan"]
    proxy.set_side(None)
    proxy.set_text("  سطر ")
    assert shown() == ["gamma"]
    proxy.set_text("")
    assert shown() == ["alpha", "beta", "gamma", "orphan"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.booleans()), max_size=20))
def test_puts_and_removes_keep_rows_in_text_order(qapp, steps) -> None:
    records = _records()
    model = AnnotationModel()
    expected: dict[str, object] = {}
    for which, add in steps:
        record = records[which]
        if add:
            model.put(record)
            expected[record.id] = record
        else:
            model.remove(record.id)
            expected.pop(record.id, None)
    rows = model.annotations()
    assert {r.id for r in rows} == set(expected)
    assert rows == sorted(rows, key=sort_key)
