"""An alignment: beads joining runs of source paragraphs to runs of target paragraphs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, get_args

from reader.core.errors import ReaderError

if TYPE_CHECKING:
    from reader.core.align.evidence import PairEvidence

# automatic: as the aligner left it; edited: changed by a person; confirmed: checked by a person,
# never moved by a re-alignment.
BeadState = Literal["automatic", "edited", "confirmed"]
BEAD_STATES: tuple[BeadState, ...] = get_args(BeadState)


class AlignmentError(ReaderError):
    """An alignment that does not cover both texts exactly once, in order."""


@dataclass(frozen=True, slots=True)
class Bead:
    """One step of an alignment: `src` and `tgt` are runs of consecutive paragraph indices."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    confidence: float = 1.0
    state: BeadState = "automatic"

    @property
    def type(self) -> str:
        return f"{len(self.src)}:{len(self.tgt)}"

    @property
    def is_null(self) -> bool:
        return not self.src or not self.tgt

    @property
    def is_confirmed(self) -> bool:
        return self.state == "confirmed"

    def to_json(self) -> dict[str, object]:
        return {
            "src": list(self.src),
            "tgt": list(self.tgt),
            "confidence": round(self.confidence, 4),
        }


@dataclass(slots=True)
class Alignment:
    """The beads of a pair, in order, covering both texts; plus lookups from paragraph to bead."""

    beads: list[Bead]
    n_src: int
    n_tgt: int
    _src_bead: list[int] = field(default_factory=list, repr=False)
    _tgt_bead: list[int] = field(default_factory=list, repr=False)
    # how well the aligner's own beads are supported (reader.core.align.evidence); None for an
    # alignment read from a file or edited by hand
    evidence: PairEvidence | None = field(default=None, repr=False, compare=False, kw_only=True)

    def __post_init__(self) -> None:
        check_beads(self.beads, self.n_src, self.n_tgt)
        self._src_bead = [0] * self.n_src
        self._tgt_bead = [0] * self.n_tgt
        for b, bead in enumerate(self.beads):
            for i in bead.src:
                self._src_bead[i] = b
            for j in bead.tgt:
                self._tgt_bead[j] = b

    def __iter__(self) -> Iterator[Bead]:
        return iter(self.beads)

    def __len__(self) -> int:
        return len(self.beads)

    def __getitem__(self, index: int) -> Bead:
        return self.beads[index]

    def bead_of(self, side: str, paragraph: int) -> int:
        """Index of the bead holding a paragraph; side is 'source' or 'target'."""
        return (self._src_bead if side == "source" else self._tgt_bead)[paragraph]

    def counterpart(self, side: str, paragraph: int) -> tuple[int, ...]:
        """The paragraphs on the other side that a paragraph is aligned with (maybe none)."""
        bead = self.beads[self.bead_of(side, paragraph)]
        return bead.tgt if side == "source" else bead.src

    def as_pairs(self) -> list[list[list[int]]]:
        """Beads as `[[src...], [tgt...]]` lists, the format of the benchmark's gold files."""
        return [[list(b.src), list(b.tgt)] for b in self.beads]

    @classmethod
    def from_pairs(
        cls, pairs: Iterable[Sequence[Sequence[int]]], n_src: int, n_tgt: int
    ) -> Alignment:
        beads = [Bead(tuple(int(i) for i in s), tuple(int(j) for j in t)) for s, t in pairs]
        return cls(beads, n_src, n_tgt)


def check_beads(beads: Sequence[Bead], n_src: int, n_tgt: int) -> None:
    """Raise AlignmentError unless the beads cover 0..n_src-1 and 0..n_tgt-1 once, in order."""
    i = j = 0
    for k, bead in enumerate(beads):
        if not bead.src and not bead.tgt:
            raise AlignmentError(f"bead {k} is empty")
        if bead.src != tuple(range(i, i + len(bead.src))):
            raise AlignmentError(
                f"bead {k}: source paragraphs {list(bead.src)} do not follow {i - 1}"
            )
        if bead.tgt != tuple(range(j, j + len(bead.tgt))):
            raise AlignmentError(
                f"bead {k}: target paragraphs {list(bead.tgt)} do not follow {j - 1}"
            )
        i += len(bead.src)
        j += len(bead.tgt)
    if i != n_src or j != n_tgt:
        raise AlignmentError(
            f"the beads cover {i} of {n_src} source and {j} of {n_tgt} target paragraphs"
        )
