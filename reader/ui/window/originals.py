"""Which side of a pair the user said is the original, remembered per pair in QSettings."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QSettings

from reader.core.diverge.verdict import ORIGINALS, Original
from reader.core.pair import PairOptions

GROUP = "originals"


def _key(source: str | Path, target: str | Path) -> str:
    """One key per ordered pair of files, wherever they were named from (resolved paths,
    hashed: QSettings keys must not hold slashes)."""
    both = f"{Path(source).resolve()}\n{Path(target).resolve()}"
    return f"{GROUP}/{hashlib.sha256(both.encode('utf-8', 'surrogatepass')).hexdigest()[:32]}"


class OriginalMemory:
    """The user's say on which text is the original, per pair; None: let the program detect it."""

    def __init__(self, qsettings: QSettings) -> None:
        self.qsettings = qsettings

    def get(self, source: str | Path, target: str | Path) -> Original | None:
        raw = self.qsettings.value(_key(source, target))
        return next((o for o in ORIGINALS if o == raw), None)

    def set(self, source: str | Path, target: str | Path, original: Original | None) -> None:
        if original is None:
            self.qsettings.remove(_key(source, target))
        else:
            self.qsettings.setValue(_key(source, target), original)

    def options(self, source: str | Path, target: str | Path) -> PairOptions:
        """How to open a pair: with the original the user said, if any."""
        return PairOptions(original=self.get(source, target))
