"""What detection keeps between runs on the same pair: each bead's sentence alignment."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.align.beads import Bead
from reader.core.anchors.glossary import Glossary
from reader.core.text.document import Text

Runs = tuple[tuple[int, ...], tuple[int, ...]]  # a bead's paragraphs: source, target


@dataclass(slots=True)
class DetectionMemo:
    """The sentence alignments of the beads the sentence check looked at, by the bead's
    paragraphs, for one pair of texts and one glossary.

    Aligning the sentences of a bead reads nothing but that bead's sentences (the batch gives
    each problem the beads it would get alone), so after an edit only the beads it made need
    aligning: the rest come from here, and detection finds what a run from scratch finds.
    The window keeps one per open pair; one detection at a time uses it. Only the beads of
    the last two runs are kept (what an edit and its undo need), so it does not grow with
    the edits."""

    source: Text
    target: Text
    glossary: Glossary | None
    _recent: dict[Runs, list[Bead]] = field(default_factory=dict, repr=False)
    _older: dict[Runs, list[Bead]] = field(default_factory=dict, repr=False)

    def fits(self, source: Text, target: Text, glossary: Glossary | None) -> bool:
        return self.source is source and self.target is target and self.glossary is glossary

    def get(self, runs: Runs) -> list[Bead] | None:
        found = self._recent.get(runs)
        return found if found is not None else self._older.get(runs)

    def keep(self, used: dict[Runs, list[Bead]]) -> None:
        """The sentence alignments one run used: they and the run before's are kept."""
        self._older, self._recent = self._recent, dict(used)

    def __len__(self) -> int:
        return len(self._recent.keys() | self._older.keys())
