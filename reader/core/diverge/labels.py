"""The names people read for each divergence kind: one vocabulary for the window and the reports."""

from __future__ import annotations

from reader.core.diverge.records import DivergenceKind

# The translation context of the labels; the window passes it to QCoreApplication.translate.
LABEL_CONTEXT = "DivergenceKind"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Return `text` unchanged. Named after Qt's marker so that `pyside6-lupdate`, which matches
    calls by name, collects the literal labels below for translators while the core stays
    free of Qt; the window translates them when it shows them."""
    return text


KIND_LABELS: dict[str, str] = {
    DivergenceKind.OMISSION: QT_TRANSLATE_NOOP("DivergenceKind", "Paragraph left out"),
    DivergenceKind.ADDITION: QT_TRANSLATE_NOOP("DivergenceKind", "Paragraph added"),
    DivergenceKind.EMBEDDED_POST: QT_TRANSLATE_NOOP("DivergenceKind", "Embedded post"),
    DivergenceKind.NUMBER_MISMATCH: QT_TRANSLATE_NOOP("DivergenceKind", "Number differs"),
    DivergenceKind.DATE_MISMATCH: QT_TRANSLATE_NOOP("DivergenceKind", "Date differs"),
    DivergenceKind.NAME_MISMATCH: QT_TRANSLATE_NOOP("DivergenceKind", "Name differs"),
    DivergenceKind.LENGTH_ANOMALY: QT_TRANSLATE_NOOP("DivergenceKind", "Condensed or expanded"),
    DivergenceKind.SENTENCE_OMISSION: QT_TRANSLATE_NOOP("DivergenceKind", "Sentence left out"),
    DivergenceKind.PHRASE_OMISSION: QT_TRANSLATE_NOOP("DivergenceKind", "Words left out"),
    DivergenceKind.TERM_MISSING: QT_TRANSLATE_NOOP(
        "DivergenceKind", "Glossary term not rendered"),
    DivergenceKind.TERM_INCONSISTENT: QT_TRANSLATE_NOOP(
        "DivergenceKind", "Term rendered differently"),
    DivergenceKind.USER_CHECK: QT_TRANSLATE_NOOP("DivergenceKind", "Check"),
}


def kind_label(kind: str) -> str:
    """The English label of a divergence kind; a kind added after this table still reads well."""
    return KIND_LABELS.get(kind) or str(kind).replace("_", " ").capitalize()
