"""The detectors `find_divergences` runs, in order: adding a detector is adding an entry here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reader.core.diverge.checks import find_user_checks
from reader.core.diverge.context import Context
from reader.core.diverge.lengths import find_length_anomalies
from reader.core.diverge.names import find_names
from reader.core.diverge.omissions import find_null_beads
from reader.core.diverge.phrases import find_phrase_omissions
from reader.core.diverge.posts import find_embedded_posts
from reader.core.diverge.records import Divergence, DivergenceKind
from reader.core.diverge.sentences import find_sentence_omissions
from reader.core.diverge.terms import find_inconsistent_terms, find_missing_terms
from reader.core.diverge.thresholds import Thresholds
from reader.core.diverge.values import find_numbers_and_dates

K = DivergenceKind


def _always(th: Thresholds) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Detector:
    """One family of divergences: the kinds it reports, and how it finds them."""

    kinds: tuple[DivergenceKind, ...]
    find: Callable[[Context], list[Divergence]]
    # whether the thresholds let it run (names can be switched off: the least precise kind)
    enabled: Callable[[Thresholds], bool] = _always


# Run in this order; `find_divergences` then sorts the records into reading order (bead, side,
# paragraph, kind, place), so a new detector's place here changes nothing in its output.
DETECTORS: tuple[Detector, ...] = (
    Detector((K.EMBEDDED_POST,), find_embedded_posts),
    Detector((K.OMISSION, K.ADDITION), find_null_beads),
    Detector((K.NUMBER_MISMATCH, K.DATE_MISMATCH), find_numbers_and_dates),
    Detector((K.NAME_MISMATCH,), find_names, enabled=lambda th: th.name_mismatch),
    Detector((K.LENGTH_ANOMALY,), find_length_anomalies),
    Detector((K.SENTENCE_OMISSION,), find_sentence_omissions),
    Detector((K.PHRASE_OMISSION,), find_phrase_omissions, enabled=lambda th: th.phrase_omission),
    Detector((K.TERM_MISSING,), find_missing_terms),
    Detector((K.TERM_INCONSISTENT,), find_inconsistent_terms,
             enabled=lambda th: th.term_inconsistent),
    Detector((K.USER_CHECK,), find_user_checks),
)
