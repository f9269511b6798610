"""A side's words numbered as its runs are read (anchors.side_features), for the side's tokens."""

# The pair's space numbers each side's stems where each first occurs (align.side_tokens), and
# the lexicon reads an Arabic side's stems with their written forms (align.one_side): made
# from the side's features, both went through its ~110,000 words again, a dictionary look-up
# or two each. The side's runs are read a distinct word at a time already: what each run adds
# is kept here, its distinct words' stems and forms and which of them each word is, and the
# side's numbers are made from those (tests/core/anchors/test_side_words.py: the same).

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(slots=True)
class SideWords:
    """A side's content words as its runs were read (each run's distinct words once, not
    every word of every paragraph again: align.side_tokens and the lexicon's readings of the
    stems, align.one_side, would otherwise go through ~110,000 words twice more): the
    distinct stems in the order each first occurs, every word's number among them (flat, in
    order), and each written form's stem (an Arabic side's; None if a form has two)."""

    stem_of: dict[str, str] | None = None
    whole: bool = True  # every paragraph read in a run (else these are not the side's)
    _stems: dict[str, None] = field(default_factory=dict)  # in order, numbered at the end
    _runs: list[tuple[list[str], np.ndarray, np.ndarray, int]] = field(default_factory=list)

    @property
    def words(self) -> list[str]:
        """The distinct stems in the order each first occurs."""
        return list(self._stems)

    @property
    def word_ids(self) -> np.ndarray:
        """Every word's number among `words`, flat (int64)."""
        number = dict(zip(self._stems, range(len(self._stems)), strict=True))
        ids = []
        for stems, order, kept, n in self._runs:
            of = np.full(n, -1, dtype=np.int64)
            of[order] = np.fromiter(map(number.__getitem__, stems), dtype=np.int64,
                                    count=len(stems))
            ids.append(of.take(kept))
        return np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64)

    def add(self, stems: np.ndarray, forms: np.ndarray, content: np.ndarray, kept: np.ndarray,
            ordered: int) -> None:
        """A run's words: each distinct word's stem and form (object arrays), which have a
        stem (`content`), and every kept word as its index among them; the first `ordered`
        distinct words are in the order each first occurs, the rest (a Latin word's forms)
        the only ones whose form may come with two stems."""
        if ordered == len(content):  # (a stem first occurs with the first of its words)
            order = content.nonzero()[0]
        else:
            seen, first = np.unique(kept, return_index=True)
            order = seen.take(np.argsort(first, kind="stable"))
        run_stems = stems.take(order).tolist()
        self._stems.update(dict.fromkeys(run_stems))  # (a stem seen before keeps its place)
        self._runs.append((run_stems, order, kept, len(content)))
        stem_of = self.stem_of
        if stem_of is None:
            return
        # an Arabic word's stem is the stemmer's, the same wherever it is read; a Latin
        # word's form is its lower case, which two words as written may share
        more = (content[ordered:].nonzero()[0] + ordered).tolist()
        for f, w in zip(forms.take(more).tolist(), stems.take(more).tolist(), strict=True):
            if stem_of.setdefault(f, w) != w:
                self.stem_of = None
                return
        stem_of.update(zip(forms.take(order).tolist(), run_stems, strict=True))
