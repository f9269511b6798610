"""What the paragraph passes over one problem share: norms of runs, the dots of a wide band."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from reader.core.align.band import dot_band, dot_window
from reader.core.align.model import Problem, SelfDots
from reader.core.align.params import MATCH_TYPES

# runs as long as the paragraph programme's longest bead: what its second pass needs
_LONGEST = max(max(t) for t in MATCH_TYPES)


@dataclass(slots=True)
class BandMemo:
    """The passes of one alignment over the same vectors (`problem`'s): each side's norms of
    runs, computed once, and the last dot band, from which a narrower band around another path
    is read when it holds it. Dies with the alignment (the first pass's band is large)."""

    problem: Problem
    selfs: dict[tuple[int, int], SelfDots] = field(default_factory=dict)
    band: tuple[np.ndarray, int, np.ndarray] | None = None  # centre, half, dots

    def self_dots(self, side: int, longest: int) -> SelfDots:
        """SelfDots.of the side's vectors (0 source, 1 target): the runs up to `longest`
        have the same norms whatever longest the table was made for."""
        for (s, made), found in self.selfs.items():
            if s == side and made >= longest:
                return found
        made = max(longest, _LONGEST)
        vec = self.problem.src_vec if side == 0 else self.problem.tgt_vec
        found = self.selfs[side, made] = SelfDots.of(vec, made)
        return found

    def dots(self, centre: np.ndarray, half: int) -> np.ndarray:
        """dot_band of the problem's vectors around `centre`."""
        window = self.window(centre, half)
        if window is not None:
            return window
        dots = dot_band(self.problem.src_vec, self.problem.tgt_vec, centre, half)
        self.keep(centre, half, dots)
        return dots

    def window(self, centre: np.ndarray, half: int) -> np.ndarray | None:
        """`dots(centre, half)` if the last band holds it, else None."""
        if self.band is None:
            return None
        old_centre, old_half, old = self.band
        return dot_window(old, old_centre, old_half, centre, half)

    def keep(self, centre: np.ndarray, half: int, dots: np.ndarray) -> None:
        """Keep `dots`, the dot band around `centre`, for the passes after this one."""
        self.band = (centre, half, dots)
