"""Where the data the program ships lives (glossary, lexicon, codebooks, fonts, corpus)."""

from __future__ import annotations

from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_ROOT.parent
RESOURCES = PROJECT_ROOT / "resources"
CORPUS = PROJECT_ROOT / "corpus"


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource file, e.g. resource_path("glossary", "ar-en.tsv")."""
    return RESOURCES.joinpath(*parts)
