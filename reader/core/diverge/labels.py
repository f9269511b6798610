"""The names people read for each divergence kind: one vocabulary for the window and the reports."""

from __future__ import annotations

from reader.core.diverge.records import DivergenceKind, Severity

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


# Severities, most serious first: the panel sorts by this order and the QA report groups by it.
SEVERITY_ORDER: tuple[Severity, ...] = (Severity.SERIOUS, Severity.WARNING, Severity.INFO)

SEVERITY_LABELS: dict[str, str] = {
    Severity.SERIOUS: QT_TRANSLATE_NOOP("Severity", "Serious"),
    Severity.WARNING: QT_TRANSLATE_NOOP("Severity", "Warning"),
    Severity.INFO: QT_TRANSLATE_NOOP("Severity", "Info"),
}

# The severity each kind is reported with unless its detector weighs the evidence otherwise
# (a left-out heading is Info, a long left-out paragraph Serious, a date whose year is there
# Warning). A kind added later takes Warning until it is entered here.
KIND_SEVERITY: dict[str, Severity] = {
    DivergenceKind.OMISSION: Severity.WARNING,
    DivergenceKind.ADDITION: Severity.WARNING,
    DivergenceKind.EMBEDDED_POST: Severity.WARNING,
    DivergenceKind.NUMBER_MISMATCH: Severity.SERIOUS,
    DivergenceKind.DATE_MISMATCH: Severity.SERIOUS,
    DivergenceKind.NAME_MISMATCH: Severity.INFO,
    DivergenceKind.LENGTH_ANOMALY: Severity.WARNING,
    DivergenceKind.SENTENCE_OMISSION: Severity.WARNING,
    DivergenceKind.PHRASE_OMISSION: Severity.WARNING,
    DivergenceKind.TERM_MISSING: Severity.WARNING,
    DivergenceKind.TERM_INCONSISTENT: Severity.INFO,
    DivergenceKind.USER_CHECK: Severity.WARNING,
}


def kind_severity(kind: str) -> Severity:
    """The usual severity of a kind (see KIND_SEVERITY)."""
    return KIND_SEVERITY.get(kind, Severity.WARNING)


def severity_rank(severity: str) -> int:
    """0 for the most serious; an unknown severity sorts last."""
    try:
        return SEVERITY_ORDER.index(Severity(severity))
    except ValueError:
        return len(SEVERITY_ORDER)


def severity_label(severity: str) -> str:
    return SEVERITY_LABELS.get(severity) or str(severity).capitalize()
