"""Where the data the program ships lives (glossary, lexicon, codebooks, fonts, corpus)."""

from __future__ import annotations

from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_ROOT.parent
# an installed wheel carries the data in reader/_shipped/ (setup.py puts it there), a source
# tree or an editable install beside the package: a Dask worker with a plain install needs the
# former, or it would align without glossary and lexicon
_SHIPPED = PACKAGE_ROOT / "_shipped"
_DATA_ROOT = _SHIPPED if (_SHIPPED / "resources").is_dir() else PROJECT_ROOT
RESOURCES = _DATA_ROOT / "resources"
CORPUS = _DATA_ROOT / "corpus"


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource file, e.g. resource_path("glossary", "ar-en.tsv")."""
    return RESOURCES.joinpath(*parts)
