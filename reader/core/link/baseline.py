"""The peer method the benchmark compares with: TF-IDF cosine of the aligner's paragraph vectors."""

# The aligner's vectors (reader.core.align.projection.vectors): the lexicon's translations of Arabic
# words, names by sound and the anchor keys, weighted by inverse document frequency, without
# evidence kinds, without damping and without a cap: what a plain cross-lingual retrieval does.

from __future__ import annotations

import numpy as np

from reader.core.align.params import AlignerParams
from reader.core.align.projection import vectors
from reader.core.align.space import pair_space
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.core.link.concepts import side_of
from reader.core.text.document import Text


def cosine_links(
    doc_a: Text, doc_b: Text, glossary: Glossary | None = None, lexicon: Lexicon | None = None
) -> list[tuple[int, int, float]]:
    """Every pair of paragraphs with a cosine above 0, as (a, b, cosine)."""
    glossary = glossary if glossary is not None else Glossary.load()
    lexicon = lexicon if lexicon is not None else Lexicon.load()
    cross = (doc_a.language == "ar") != (doc_b.language == "ar")
    swap = cross and doc_b.language == "ar"
    src_text, tgt_text = (doc_b, doc_a) if swap else (doc_a, doc_b)
    src, _ = side_of(src_text, glossary, lexicon)
    tgt, _ = side_of(tgt_text, glossary, lexicon)
    space, translation = pair_space(src, tgt, lexicon if cross else None, AlignerParams())
    s, t = vectors(space, translation)
    s_norm = np.sqrt(np.asarray(s.multiply(s).sum(axis=1)).ravel()) + 1e-9
    t_norm = np.sqrt(np.asarray(t.multiply(t).sum(axis=1)).ravel()) + 1e-9
    cos = (s @ t.T).toarray() / s_norm[:, None] / t_norm[None, :]
    if swap:
        cos = cos.T
    rows, cols = np.nonzero(cos > 0)
    return [(int(i), int(j), float(cos[i, j])) for i, j in zip(rows, cols, strict=True)]
