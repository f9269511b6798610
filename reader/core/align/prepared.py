"""A pair made ready for the aligner once: both sides' features, their vector space, the lexicon."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from reader.core.align.beads import Bead
from reader.core.align.model import Model, Problem
from reader.core.align.names_ahead import start_ahead
from reader.core.align.one_side import sentence_cuts, stem_readings
from reader.core.align.params import DEFAULT_PARAMS, AlignerParams
from reader.core.align.projection import vectors
from reader.core.align.repeats import shared_repeats
from reader.core.align.side_tokens import SideTokens
from reader.core.align.space import Side, Space, pair_space, side_features
from reader.core.align.structure import PairStructure, SideShapes, joined, side_shapes
from reader.core.anchors.features import Anchors, text_anchors
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.core.anchors.side_features import side_paragraph_words
from reader.core.arabic.stemmer import Stemmer
from reader.core.progress import CancelCheck
from reader.core.text.document import Text
from reader.core.text.kinds import Kind
from reader.core.timing import stage

if TYPE_CHECKING:
    import scipy.sparse as sp
else:  # imported on first use (align.sparse_import.LazySparse)
    from reader.core.align.sparse_import import lazy_sparse as sp

log = logging.getLogger(__name__)


@dataclass(slots=True)
class SideInput:
    """One side as the aligner takes it: paragraph texts, kinds, language, anchors if known."""

    texts: Sequence[str]
    kinds: Sequence[Kind]
    lang: str
    anchors: Sequence[Anchors] | None = None


@dataclass(slots=True)
class Vectors:
    """The pair's vector space, the lexicon's and names' translation into it, and both sides'
    weighted vectors and lengths there."""

    space: Space
    base_translation: sp.csr_matrix
    problem: Problem


@dataclass(slots=True)
class PreparedPair:
    """Both sides of a pair as the aligner reads them, in its direction (Arabic first).

    What does not change between alignments of the same two texts is computed once: the
    paragraphs' features here, the vector space on first use (`vectors`). A window that
    re-aligns (after an edit, around confirmed beads) keeps one of these beside the open pair
    for as long as its texts, glossaries and parameters stay the same, and hands it to
    `aligner.align_prepared` for each re-alignment. The first alignment without fixed beads
    is kept too (`automatic`): a re-alignment keeps its beads wherever the fixed beads agree
    with them, and re-aligns only the gaps where they do not. One re-alignment at a time per
    pair (a worker fills the caches on first use).
    """

    src: Side
    tgt: Side
    lexicon: Lexicon | None  # None: both sides in one language (a word translates as itself)
    swapped: bool  # the caller's source is the aligner's target
    params: AlignerParams
    _vectors: Vectors | None = field(default=None, repr=False)
    # the pair's alignment without fixed beads, and the translation its sentence pass used (the
    # lexicon's, names' and word pairs learnt from it): what a re-alignment keeps and reuses
    automatic: list[Bead] | None = field(default=None, repr=False)
    translation: sp.csr_matrix | None = field(default=None, repr=False)
    # the models its last paragraph pass and its sentence pass scored with
    paragraph_model: Model | None = field(default=None, repr=False)
    unit_model: Model | None = field(default=None, repr=False)
    # the sides are documents, whose structure (headings, list items) is read as evidence and
    # whose leftovers are left out (align.structure, align.unexplained); not a bead's sentences
    document: bool = True

    def __post_init__(self) -> None:
        shared_repeats(self.src, self.tgt)  # a text's own repetition is aligned (align.repeats)

    @property
    def n_source(self) -> int:
        """Paragraphs of the caller's source."""
        return len((self.tgt if self.swapped else self.src).features)

    @property
    def n_target(self) -> int:
        return len((self.src if self.swapped else self.tgt).features)

    def vectors(self, level: int = logging.INFO, fork: bool = False) -> Vectors:
        """`fork`: a child may score the names and read the structure meanwhile."""
        if self._vectors is None:
            ahead = start_ahead(self.src, self.tgt, self.lexicon, self.params,
                                self._target_shapes if self.document else None) if fork else None
            with stage(log, "vector space", level):
                source = None
                if ahead is not None and self.document:
                    # here while the child scores the names and reads the target's shapes
                    try:
                        source = self._source_shapes()
                    except BaseException:
                        ahead.stop()
                        raise
                space, base = pair_space(self.src, self.tgt, self.lexicon, self.params, ahead)
                src_vec, tgt_vec = vectors(space, base.tocsr())
            src_len = np.array([max(1, f.length) for f in self.src.features], dtype=np.float32)
            tgt_len = np.array([max(1, f.length) for f in self.tgt.features], dtype=np.float32)
            structure = None
            if self.document:
                structure = (self.structure() if ahead is None or source is None
                             else joined(source, ahead.side_shapes(self._target_shapes)))
            problem = Problem(len(src_len), len(tgt_len), src_vec, tgt_vec, src_len, tgt_len,
                              self.src.null_bonus, self.tgt.null_bonus, structure)
            self._vectors = Vectors(space, base, problem)
        return self._vectors

    def structure(self) -> PairStructure:
        """Both sides' headings, list items and short lines (reader.core.align.structure)."""
        return joined(self._source_shapes(), self._target_shapes())

    def _source_shapes(self) -> SideShapes:
        return side_shapes(self.src.texts, self.src.features, self.lexicon)

    def _target_shapes(self) -> SideShapes:
        return side_shapes(self.tgt.texts, self.tgt.features, None)

    def inward(self, beads: Sequence[Bead]) -> list[Bead]:
        """The caller's beads in the aligner's direction."""
        return list(beads) if not self.swapped else swap_beads(beads)

    def outward(self, beads: Sequence[Bead]) -> list[Bead]:
        """The aligner's beads in the caller's direction."""
        return list(beads) if not self.swapped else swap_beads(beads)

    @classmethod
    def of_texts(
        cls,
        source: Text,
        target: Text,
        glossaries: Sequence[Path] = (),
        params: AlignerParams = DEFAULT_PARAMS,
        cancelled: CancelCheck | None = None,
    ) -> PreparedPair:
        """Both texts' anchors and features (the slow part of preparing a pair)."""
        with stage(log, "glossary"):
            glossary = Glossary.load(glossaries)
        with stage(log, "anchors source"):
            src_anchors = text_anchors(source, glossary, cancelled)
        with stage(log, "anchors target"):
            tgt_anchors = text_anchors(target, glossary, cancelled)
        return prepare(
            SideInput([p.text for p in source.paragraphs], [p.kind for p in source.paragraphs],
                      source.language, src_anchors),
            SideInput([p.text for p in target.paragraphs], [p.kind for p in target.paragraphs],
                      target.language, tgt_anchors),
            glossary, params, cancelled, logging.INFO,
        )


    @classmethod
    def of_sides(cls, source: Side, target: Side, words: Lexicon,
                 params: AlignerParams = DEFAULT_PARAMS) -> PreparedPair:
        """The pair of two sides made ready apart (reader.core.align.side_process), each as
        `prepare` makes it (with `words`' stemmer): in whichever direction the lexicon reads."""
        swapped = source.lang != "ar" and target.lang == "ar"
        if swapped:
            source, target = target, source
        lexicon = None if source.lang == target.lang else words
        return cls(source, target, lexicon, swapped, params)


def swap_beads(beads: Sequence[Bead]) -> list[Bead]:
    return [Bead(b.tgt, b.src, b.confidence, b.state) for b in beads]


def prepare(
    source: SideInput,
    target: SideInput,
    glossary: Glossary,
    params: AlignerParams,
    cancelled: CancelCheck | None,
    level: int,
) -> PreparedPair:
    """Both sides' features, in whichever direction the lexicon reads (Arabic to English)."""
    swapped = source.lang != "ar" and target.lang == "ar"
    if swapped:
        source, target = target, source
    # the lexicon's stemmer reads Arabic on either side: it tells clitics from letters of words
    with stage(log, "lexicon", level):
        words = Lexicon.load()
    lexicon = None if source.lang == target.lang else words
    src = prepare_side(source, "source", glossary, params, words.stemmer, lexicon, cancelled,
                       level)
    tgt = prepare_side(target, "target", glossary, params, words.stemmer, None, cancelled, level)
    return PreparedPair(src, tgt, lexicon, swapped, params)


def prepare_side(
    side: SideInput,
    name: str,
    glossary: Glossary,
    params: AlignerParams,
    stemmer: Stemmer,
    lexicon: Lexicon | None,
    cancelled: CancelCheck | None = None,
    level: int = logging.INFO,
    sentences: bool = True,
) -> Side:
    """One side made ready for the aligner, in this process or in the side's own
    (align.side_process): its paragraphs' features, its sentences for the sentence pass
    (unless told to leave them to `add_sentences`), and, with a `lexicon` (a source it reads),
    the lexicon's readings of its stems (align.one_side: all work of one side alone, done
    before the alignment)."""
    with stage(log, f"features {name} ({len(side.texts)} paragraphs)", level):
        features, read = side_paragraph_words(side.texts, side.lang, glossary, side.anchors,
                                              stemmer, cancelled)
        made = side_features(side.texts, side.kinds, side.lang, glossary, params, side.anchors,
                             cancelled, stemmer, features)
        # numbered for the pair's space here, in the side's own process if it has one
        made.tokens = SideTokens.of_read(made.features, read)
    if sentences:
        add_sentences(made, name, params, level)
    if lexicon is not None:
        with stage(log, f"readings {name}", level):
            made.readings = stem_readings(made.features, lexicon, made.tokens)
    return made


def add_sentences(made: Side, name: str, params: AlignerParams, level: int = logging.INFO
                  ) -> None:
    """A side's sentences for the sentence pass, if it makes one (one_side.sentence_cuts)."""
    if params.unit_pass:
        with stage(log, f"sentences {name}", level):
            made.cuts = sentence_cuts(made.texts, made.features, made.null_bonus, made.lang)
