"""The built-in pair, loaded once per test module that asks for it."""

from __future__ import annotations

import pytest

from reader.core.text.document import Text, load_text
from reader.resources import CORPUS


@pytest.fixture(scope="module")
def pair() -> tuple[Text, Text]:
    return (load_text(CORPUS / "iraq-assad-lesson.ar.txt"),
            load_text(CORPUS / "iraq-assad-lesson.en.txt"))
