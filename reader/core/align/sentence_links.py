"""Which sentence answers which inside a bead: the bead's sentences aligned, cached per bead."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from reader.core.align.beads import Bead
from reader.core.anchors.glossary import Glossary
from reader.core.text.document import Text
from reader.core.text.sentences import split_sentences

# a bead with more sentences than this on a side is not worth the wait for a reading aid
MAX_SENTENCES = 60


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    """A sentence of one side: code-point offsets inside its paragraph."""

    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SentenceLink:
    """Sentences of the source and of the target that translate each other (one side may be
    empty: a sentence with no counterpart in the bead)."""

    src: tuple[SentenceSpan, ...]
    tgt: tuple[SentenceSpan, ...]

    def spans(self, side: str) -> tuple[SentenceSpan, ...]:
        return self.src if side == "source" else self.tgt


def _sentences(text: Text, members: tuple[int, ...]) -> list[tuple[SentenceSpan, str]]:
    out = []
    for i in members:
        for s in split_sentences(text.paragraphs[i].text, text.language):
            out.append((SentenceSpan(i, s.start, s.end), s.text))
    return out


class SentenceLinks:
    """The sentence links of a pair's beads, each bead aligned once (by the aligner's own
    machinery, as the sentence-omission detector does) and kept; safe to ask from a worker."""

    def __init__(self, source: Text, target: Text, glossary: Glossary | None = None) -> None:
        self.source = source
        self.target = target
        self._glossary = glossary
        self._cache: dict[tuple[tuple[int, ...], tuple[int, ...]], list[SentenceLink]] = {}
        self._lock = threading.Lock()

    def cached(self, bead: Bead) -> list[SentenceLink] | None:
        """The bead's links if already computed, else None (without computing them)."""
        with self._lock:
            return self._cache.get((bead.src, bead.tgt))

    def links(self, bead: Bead) -> list[SentenceLink]:
        """The bead's sentence links in order; none for a bead with a side empty."""
        key = (bead.src, bead.tgt)
        with self._lock:
            found = self._cache.get(key)
        if found is not None:
            return found
        links = self._align(bead)
        with self._lock:
            self._cache[key] = links
        return links

    def _align(self, bead: Bead) -> list[SentenceLink]:
        if bead.is_null:
            return []
        src = _sentences(self.source, bead.src)
        tgt = _sentences(self.target, bead.tgt)
        if not src or not tgt or max(len(src), len(tgt)) > MAX_SENTENCES:
            return []
        if len(src) == 1 or len(tgt) == 1:
            # nothing to choose: every sentence of the longer side answers the one sentence
            return [SentenceLink(tuple(s for s, _ in src), tuple(t for t, _ in tgt))]
        from reader.core.align.aligner import align_segments

        if self._glossary is None:
            self._glossary = Glossary.load()
        sub_beads = align_segments(
            [t for _, t in src], [t for _, t in tgt], self.source.language,
            self.target.language, self._glossary,
        )
        return [
            SentenceLink(tuple(src[k][0] for k in sub.src), tuple(tgt[k][0] for k in sub.tgt))
            for sub in sub_beads
        ]
