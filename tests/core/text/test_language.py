"""Tests for reader.core.text.language: which language a text is in."""

from __future__ import annotations

from reader.core.text.language import detect_language

ARABIC = "يوم تحرير سوريا في 8 كانون الأول عام 2024"


def test_language_is_detected_from_the_script() -> None:
    assert detect_language("@handle 2024 " + ARABIC) == "ar"
    assert detect_language("The Iraqi regime (النظام العراقي) sided with Assad.") == "en"
