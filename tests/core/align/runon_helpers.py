"""The run-on Genesis pairs of tests/data/runon, aligned as the tests read them."""

from __future__ import annotations

from reader.core.align.aligner import align_texts
from reader.core.align.params import DEFAULT_PARAMS, AlignerParams
from reader.core.text.document import load_text
from tests.paths import DATA

Beads = list[tuple[tuple[int, ...], tuple[int, ...]]]

# the true beads (paragraphs sharing a verse) of 40 verses grouped into paragraphs on each side
# by `random.Random(7)`: the same for every such pair, whichever verses it holds, as the draws
# do not read the text (genesis-1, genesis-25, genesis-31; tests/data/runon/README.md)
GROUPED_BY_SEVEN: Beads = [
    ((0, 1), (0, 1)), ((2,), (2, 3, 4)), ((3, 4), (5,)), ((5, 6, 7, 8), (6, 7)), ((9, 10), (8,)),
    ((11,), (9, 10)), ((12, 13), (11, 12, 13)), ((14, 15), (14,)), ((16, 17), (15, 16, 17, 18)),
    ((18, 19), (19,)),
]


def runon_beads(name: str, params: AlignerParams = DEFAULT_PARAMS) -> Beads:
    """The beads `align_texts` gives tests/data/runon/NAME.ar.txt and NAME.en.txt, as
    paragraph index tuples."""
    stem = DATA / "runon" / name
    pairs = align_texts(load_text(stem.with_suffix(".ar.txt")),
                        load_text(stem.with_suffix(".en.txt")), params=params).as_pairs()
    return [(tuple(s), tuple(t)) for s, t in pairs]
