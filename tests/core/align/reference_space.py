"""The aligner's vector space as first written: the reference its fast paths are checked against."""

# Kept as they were before the vector space, the structure bonus and the support measure were
# rebuilt from flat arrays (issue 13): the properties in test_fast_paths.py check that the fast
# code gives the same matrices, entry for entry and bit for bit.

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from reader.core.align.beads import Bead
from reader.core.align.params import AlignerParams
from reader.core.align.space import Side, Space, idf_weights
from reader.core.anchors.features import Features
from reader.core.anchors.lexicon import Lexicon
from reader.core.anchors.words import english_stem


@dataclass(slots=True)
class Vocabulary:
    src_vocab: list[str]
    tgt_vocab: dict[str, int]
    n_tgt_words: int
    src_word_rows: list[list[int]]
    src_key_rows: list[list[int]]
    tgt_rows: list[list[int]]

    @property
    def n_columns(self) -> int:
        return len(self.tgt_vocab)


class _Vocab:
    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def id(self, token: str) -> int:
        i = self.index.get(token)
        if i is None:
            i = self.index[token] = len(self.index)
        return i

    def __len__(self) -> int:
        return len(self.index)


def _presence(rows: Sequence[Iterable[int]], n_cols: int) -> sp.csr_matrix:
    indptr = [0]
    indices: list[int] = []
    for r in rows:
        cols = sorted(set(r))
        indices.extend(cols)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return sp.csr_matrix(
        (data, np.array(indices, dtype=np.int64), np.array(indptr)), shape=(len(rows), n_cols)
    )



def vocabulary(src: Side, tgt: Side) -> Vocabulary:
    tv = _Vocab()
    for f in tgt.features:
        for w in f.words:
            tv.id(w)
    n_words = len(tv)
    for f in tgt.features + src.features:
        for k in f.keys:
            tv.id(k)
    sv = _Vocab()
    src_word_rows = [[sv.id(w) for w in f.words] for f in src.features]
    tgt_rows = [
        [tv.index[w] for w in f.words] + [tv.index[k] for k in f.keys] for f in tgt.features
    ]
    src_key_rows = [[tv.index[k] for k in f.keys] for f in src.features]
    return Vocabulary(list(sv.index), tv.index, n_words, src_word_rows, src_key_rows, tgt_rows)



def build_space(src: Side, tgt: Side) -> Space:
    vocab = vocabulary(src, tgt)
    D = vocab.n_columns
    tgt_m = _presence(vocab.tgt_rows, D)
    src_keys = _presence(vocab.src_key_rows, D)
    # idf over both sides' presence (keys) and the target (words)
    df = np.asarray(tgt_m.sum(axis=0)).ravel() + np.asarray(src_keys.sum(axis=0)).ravel()
    n_docs = tgt_m.shape[0] + src_keys.shape[0]
    return Space(
        src_words=_presence(vocab.src_word_rows, len(vocab.src_vocab)),
        src_keys=src_keys,
        tgt=tgt_m,
        weights=idf_weights(df, n_docs),
        src_vocab=vocab.src_vocab,
        tgt_vocab=vocab.tgt_vocab,
        n_tgt_words=vocab.n_tgt_words,
    )



def pieces_space(space: Space, src: Sequence[Features], tgt: Sequence[Features]) -> Space:
    """Pieces of the same two texts (their sentences) in `space`'s columns, with its weights:
    every word and key of a piece is one of its paragraph's."""
    D = space.weights.shape[0]
    src_index = {w: a for a, w in enumerate(space.src_vocab)}
    tgt_index = space.tgt_vocab

    def keys(f: Features) -> list[int]:
        return [tgt_index[k] for k in f.keys if k in tgt_index]

    return Space(
        src_words=_presence([[src_index[w] for w in f.words if w in src_index] for f in src],
                            len(space.src_vocab)),
        src_keys=_presence([keys(f) for f in src], D),
        tgt=_presence(
            [[tgt_index[w] for w in f.words if w in tgt_index] + keys(f) for f in tgt], D
        ),
        weights=space.weights,
        src_vocab=space.src_vocab,
        tgt_vocab=space.tgt_vocab,
        n_tgt_words=space.n_tgt_words,
    )



def _forms_by_stem(side: Side) -> dict[str, set[str]]:
    """Every written form under which each stem occurs in a side."""
    # the distinct (stem, form) pairs first: a text repeats its words, and a set takes them
    # without a Python step per word
    pairs: set[tuple[str, str]] = set()
    for f in side.features:
        pairs.update(zip(f.words, f.forms, strict=True))
    forms: dict[str, set[str]] = {}
    for stem, form in pairs:
        forms.setdefault(stem, set()).add(form)
    return forms


def stem_translations(
    space: Space | Vocabulary, src: Side, lexicon: Lexicon
) -> list[tuple[str, ...]]:
    """The lexicon's translations of each source stem (by vocabulary index): the stem's own
    entry and those of every form it is written in, merged (`Lexicon.translations` reads a
    whole word, clitics and all: بالطبع "of course" whatever its stem, مدينتها "city" where
    the stem مدين is no entry); only when none of them has one, the stem read with its
    clitics stripped (a stem such as شرك, of شركة, is not شر "evil" + ك)."""
    entries = lexicon.entries
    forms = _forms_by_stem(src)
    out = []
    for word in space.src_vocab:
        found = entries.get(word, ()) + tuple(
            t for form in sorted(forms.get(word, ())) for t in lexicon.translations(form)
        )
        out.append(tuple(dict.fromkeys(found)) or lexicon.translations(word))
    return out


def read_as_written(space: Space | Vocabulary, src: Side, lexicon: Lexicon) -> set[str]:
    """The source stems the lexicon holds as written: the stem is an entry (or is one with its
    ta marbuta, حكوم of حكومة), or one of the forms it is written in is. The others' readings,
    if any, are guesses of the clitics (سلمان read as سلم "hand over" + ان)."""
    entries = lexicon.entries
    written = {word for f in src.features for word, form in zip(f.words, f.forms, strict=True)
               if form in entries}
    return written | {word for word in space.src_vocab
                      if word in entries or word + "ه" in entries}



def lexicon_pairs(
    space: Space | Vocabulary, translations: Sequence[tuple[str, ...]]
) -> tuple[list[int], list[int]]:
    """`lexicon_matrix`'s entries (all 1): source stem rows, target stem columns."""
    rows: list[int] = []
    cols: list[int] = []
    for a, found in enumerate(translations):
        targets = set()
        for translation in found:
            for part in translation.split():
                e = space.tgt_vocab.get(english_stem(part))
                if e is not None and e < space.n_tgt_words:
                    targets.add(e)
        word = space.src_vocab[a]
        if word[:1].isascii():  # written in Latin letters: itself (features._with_latin_words)
            e = space.tgt_vocab.get(word)
            if e is not None and e < space.n_tgt_words:
                targets.add(e)
        rows.extend([a] * len(targets))
        cols.extend(sorted(targets))
    return rows, cols



def name_pairs(
    space: Space | Vocabulary,
    src: Side,
    tgt: Side,
    translations: Sequence[tuple[str, ...]],
    threshold: float,
    known: Collection[str] | None = None,
) -> tuple[list[int], list[int], list[float]]:
    """`name_matrix`'s entries: source stem rows, target stem columns, scores (a pair may come
    twice: the matrix adds them)."""
    from rapidfuzz import fuzz, process

    from reader.core.arabic.transliterate import skeleton

    if known is None:
        known = {w for w, found in zip(space.src_vocab, translations, strict=True) if found}
    ar_names = sorted({w for f in src.features for w in f.names if w not in known})
    en_names = sorted({n for f in tgt.features for n in f.names})
    if not ar_names or not en_names:
        return [], [], []
    ar_sk = [skeleton(w, "ar") for w in ar_names]
    en_sk = [skeleton(w, "en") for w in en_names]

    def by_skeleton(skeletons: list[str]) -> tuple[list[str], list[list[int]]]:
        """The distinct skeletons, and for each the indices of the names that have it."""
        distinct = sorted(set(skeletons))
        at = {sk: k for k, sk in enumerate(distinct)}
        members: list[list[int]] = [[] for _ in distinct]
        for i, sk in enumerate(skeletons):
            members[at[sk]].append(i)
        return distinct, members

    # names share skeletons (many words, few consonant patterns): score each distinct pair of
    # skeletons once, then give every pair of names the score of their skeletons, in the
    # order of the names
    ar_distinct, ar_members = by_skeleton(ar_sk)
    en_distinct, en_members = by_skeleton(en_sk)
    scores = process.cdist(
        ar_distinct, en_distinct, scorer=fuzz.ratio, score_cutoff=threshold * 100,
        dtype=np.uint8, workers=1,
    )
    matches = sorted(
        (a_i, e_i, int(scores[d_a, d_e]))
        for d_a, d_e in zip(*np.nonzero(scores), strict=True)
        for a_i in ar_members[d_a]
        for e_i in en_members[d_e]
    )
    src_index = {w: i for i, w in enumerate(space.src_vocab)}
    rows: list[int] = []
    cols: list[int] = []
    data: list[float] = []
    for a_i, e_i, score in matches:
        a_sk, e_sk = ar_sk[a_i], en_sk[e_i]
        if min(len(a_sk), len(e_sk)) < 3 and a_sk != e_sk:
            continue  # two-consonant skeletons collide by chance unless identical
        e = space.tgt_vocab.get(english_stem(en_names[e_i]))
        if e is None:
            continue
        rows.append(src_index[ar_names[a_i]])
        cols.append(e)
        data.append(float(score) / 100.0)
    return rows, cols, data



def pair_space(
    src: Side, tgt: Side, lexicon: Lexicon | None, params: AlignerParams
) -> tuple[Space, sp.csr_matrix]:
    """Both sides' space and the translation from the source's words into it: the lexicon's
    and names' (`lexicon` None: both sides in one language, a word translates as itself)."""
    space = build_space(src, tgt)
    if lexicon is None:
        rows, cols = identity_pairs(space)
        identity = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                                 shape=(len(space.src_vocab), space.weights.shape[0]))
        return space, identity.tocsr()
    translations = stem_translations(space, src, lexicon)
    names = name_matrix(
        space, src, tgt, translations, params.name_threshold, read_as_written(space, src, lexicon)
    )
    return space, (lexicon_matrix(space, translations) + names).tocsr()



def lexicon_matrix(space: Space, translations: Sequence[tuple[str, ...]]) -> sp.csr_matrix:
    rows, cols = lexicon_pairs(space, translations)
    data = np.ones(len(rows), dtype=np.float32)
    return sp.csr_matrix((data, (rows, cols)), shape=(len(space.src_vocab), space.weights.shape[0]))


def name_matrix(
    space: Space, src: Side, tgt: Side, translations: Sequence[tuple[str, ...]],
    threshold: float, known: Collection[str] | None = None,
) -> sp.csr_matrix:
    rows, cols, data = name_pairs(space, src, tgt, translations, threshold, known)
    return sp.csr_matrix((np.array(data, dtype=np.float32), (rows, cols)),
                         shape=(len(space.src_vocab), space.weights.shape[0]))


def identity_pairs(space: Space | Vocabulary) -> tuple[list[int], list[int]]:
    rows, cols = [], []
    for a, word in enumerate(space.src_vocab):
        e = space.tgt_vocab.get(word)
        if e is not None and e < space.n_tgt_words:
            rows.append(a)
            cols.append(e)
    return rows, cols


def learnt_matrix(space: Space, beads: Sequence[Bead], params: AlignerParams) -> sp.csr_matrix:
    """Word pairs that keep turning up together in aligned beads (Dice over co-occurrence)."""
    match = [b for b in beads if b.src and b.tgt and b.confidence >= 0.5]
    shape = (len(space.src_vocab), space.weights.shape[0])
    if len(match) < 8:
        return sp.csr_matrix(shape, dtype=np.float32)
    n_b = len(match)
    bs = sp.csr_matrix(
        (
            np.ones(sum(len(b.src) for b in match), dtype=np.float32),
            (
                np.repeat(np.arange(n_b), [len(b.src) for b in match]),
                np.concatenate([b.src for b in match]),
            ),
        ),
        shape=(n_b, space.src_words.shape[0]),
    )
    bt = sp.csr_matrix(
        (
            np.ones(sum(len(b.tgt) for b in match), dtype=np.float32),
            (
                np.repeat(np.arange(n_b), [len(b.tgt) for b in match]),
                np.concatenate([b.tgt for b in match]),
            ),
        ),
        shape=(n_b, space.tgt.shape[0]),
    )
    xa = (bs @ space.src_words).minimum(1).tocsc()
    xe = (bt @ space.tgt[:, : space.n_tgt_words]).minimum(1).tocsc()
    co = (xa.T @ xe).tocoo()
    ca = np.asarray(xa.sum(axis=0)).ravel()
    ce = np.asarray(xe.sum(axis=0)).ravel()
    c = co.data
    dice = 2 * c / (ca[co.row] + ce[co.col])
    expected = ca[co.row] * ce[co.col] / n_b
    keep = (c >= params.learn_min_count) & (dice >= params.learn_min_dice) & (c >= 2 * expected)
    rows, cols, vals = co.row[keep], co.col[keep], dice[keep].astype(np.float32)
    # keep each source word's best few translations
    order = np.lexsort((-vals, rows))
    rows, cols, vals = rows[order], cols[order], vals[order]
    rank = np.zeros(len(rows), dtype=np.int64)
    if len(rows):
        starts = np.r_[0, np.flatnonzero(np.diff(rows)) + 1]
        run_start = np.repeat(starts, np.diff(np.r_[starts, len(rows)]))
        rank = np.arange(len(rows)) - run_start
    top = rank < params.learn_top
    return sp.csr_matrix((np.minimum(1.0, vals[top] * 2), (rows[top], cols[top])), shape=shape)
