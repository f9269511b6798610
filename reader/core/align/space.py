"""Both sides of a pair as vectors in one space: target words and language-neutral anchor keys."""

# Source words reach the target's word space through a translation matrix: the shipped lexicon,
# transliterated names, and word pairs learnt from beads already aligned.

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np

from reader.core.align.beads import Bead
from reader.core.align.names_ahead import NamesAhead, name_lists
from reader.core.align.one_side import (
    SentenceCuts,
    StemReadings,
    lexicon_key,
    stem_pairs_of,
    translations_of,
    written_of,
)
from reader.core.align.params import AlignerParams
from reader.core.align.post_pins import pinned_posts
from reader.core.align.presence import distinct, presence, row_lengths, token_ids
from reader.core.align.readings import Readings, target_stems
from reader.core.align.side_tokens import SideTokens, both_fit
from reader.core.align.sound_alike import sound_alike
from reader.core.anchors.features import Anchors, Features, is_latin_word
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.core.anchors.side_features import side_paragraph_features
from reader.core.anchors.words import english_stem
from reader.core.arabic.stemmer import Stemmer
from reader.core.progress import CancelCheck
from reader.core.text.kinds import Kind

if TYPE_CHECKING:
    import scipy.sparse as sp
else:  # imported on first use (align.sparse_import.LazySparse)
    from reader.core.align.sparse_import import lazy_sparse as sp


@dataclass(slots=True)
class Side:
    features: list[Features]
    null_bonus: np.ndarray  # per paragraph
    texts: Sequence[str] = ()
    lang: str = ""
    kinds: Sequence[Kind] = ()
    # made with the side when it is prepared for a pair (align.prepared.prepare_side): the
    # lexicon's readings of its stems, if it is a source the lexicon reads, and its sentences
    readings: StemReadings | None = None
    cuts: SentenceCuts | None = None
    # its words and keys numbered for the pair's space (align.side_tokens), made with it too
    tokens: SideTokens | None = None


def side_features(
    text_paragraphs: Sequence[str],
    kinds: Sequence[Kind],
    lang: str,
    glossary: Glossary,
    params: AlignerParams,
    anchors: Sequence[Anchors] | None = None,
    cancelled: CancelCheck | None = None,
    stemmer: Stemmer | None = None,
    features: list[Features] | None = None,
) -> Side:
    """The features of every paragraph of one side (Arabic words stemmed by `stemmer`)."""
    feats = features if features is not None else side_paragraph_features(
        text_paragraphs, lang, glossary, anchors, stemmer, cancelled)  # (unless made already)
    posts = pinned_posts(kinds, text_paragraphs)  # a post's core, not the lines above its link
    bonus = np.array(
        [
            params.null_bonus_kind
            if posts[i] or k in (Kind.DUPLICATE, Kind.BOILERPLATE)
            else 0.0
            for i, k in enumerate(kinds)
        ],
        dtype=np.float32,
    )
    return Side(feats, bonus, text_paragraphs, lang, kinds)


def side_slice(side: Side, start: int, end: int) -> Side:
    """Paragraphs [start, end) of a side, as a side of their own."""
    return Side(side.features[start:end], side.null_bonus[start:end], side.texts[start:end],
                side.lang, side.kinds[start:end])


@dataclass(slots=True)
class Space:
    """Both sides as vectors in one space: target words and anchor keys."""

    src_words: sp.csr_matrix  # n x |A| (Arabic/source word presence)
    src_keys: sp.csr_matrix  # n x D
    tgt: sp.csr_matrix  # m x D (target word and key presence)
    weights: np.ndarray  # D idf weights
    src_vocab: list[str]
    tgt_vocab: dict[str, int]
    n_tgt_words: int
    # the rows' token columns it was built from: align.unit_space slices sentences' from them
    columns: SpaceColumns | None = None


@dataclass(slots=True)
class SpaceColumns:
    """Each row's token columns (flat, with per-row counts; -1 for a token not in the index)."""

    tgt_words: tuple[np.ndarray, np.ndarray]
    tgt_keys: tuple[np.ndarray, np.ndarray]
    src_keys: tuple[np.ndarray, np.ndarray]  # in the target's index
    src_words: tuple[np.ndarray, np.ndarray]  # in the source's
    # the rows these are the columns of: a space is also read with other rows (a re-alignment's
    # gaps are slices of the pair's sides), which need their own
    src_rows: Sequence[Features]
    tgt_rows: Sequence[Features]


@dataclass(slots=True)
class Vocabulary:
    """Both sides' columns before any matrix: the source words' and the target's (words, then
    anchor keys, each numbered where it first occurs)."""

    src_vocab: list[str]
    tgt_vocab: dict[str, int]
    n_tgt_words: int

    @property
    def n_columns(self) -> int:
        return len(self.tgt_vocab)


def vocabulary(src: Side, tgt: Side) -> Vocabulary:
    made = both_fit(src.tokens, src.features, tgt.tokens, tgt.features)
    if made is not None:
        src_tokens, tgt_tokens = made
        order = dict.fromkeys(tgt_tokens.words)
        n_words = len(order)
        order.update(dict.fromkeys(tgt_tokens.keys))
        order.update(dict.fromkeys(src_tokens.keys))
        return Vocabulary(list(src_tokens.words), dict(zip(order, range(len(order)),
                                                           strict=True)), n_words)
    order = dict.fromkeys(chain.from_iterable(f.words for f in tgt.features))
    n_words = len(order)
    # the keys where each first occurs (those not already words): one update, not one a row
    order.update(dict.fromkeys(chain.from_iterable(f.keys for f in chain(tgt.features,
                                                                         src.features))))
    src_vocab = list(dict.fromkeys(chain.from_iterable(f.words for f in src.features)))
    return Vocabulary(src_vocab, dict(zip(order, range(len(order)), strict=True)), n_words)


def idf_weights(df: np.ndarray, n_docs: int) -> np.ndarray:
    """Each column's idf weight from its document frequency (float32) over `n_docs` rows."""
    return (np.log((n_docs + 1) / (df + 1)) + 1.0).astype(np.float32)


def _columns(
    features: Sequence[Features], index: dict[str, int], words: bool = True, keys: bool = True
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Each paragraph's word and key columns in `index` (flat, with per-paragraph counts; -1
    for a token `index` lacks)."""
    parts = []
    for wanted, rows in ((words, [f.words for f in features]), (keys, [f.keys for f in features])):
        if wanted:
            parts.append((token_ids(rows, index), row_lengths(rows)))
    return parts


def build_space(src: Side, tgt: Side) -> Space:
    vocab = vocabulary(src, tgt)
    made = both_fit(src.tokens, src.features, tgt.tokens, tgt.features)
    columns = None if made is None else tokens_columns(vocab, src.features, tgt.features, *made)
    return _space(vocab, src.features, tgt.features, None, columns)


def _space(
    vocab: Vocabulary, src: Sequence[Features], tgt: Sequence[Features],
    weights: np.ndarray | None, columns: SpaceColumns | None = None,
) -> Space:
    """Both sides' presence in `vocab`'s columns, idf weighted over them (or by `weights`);
    `columns`: the rows' columns in `vocab`, if they were read already."""
    D = vocab.n_columns
    if columns is None:
        columns = pair_columns(vocab, src, tgt)
    tgt_m = presence([columns.tgt_words, columns.tgt_keys], len(tgt), D)
    src_keys = presence([columns.src_keys], len(src), D)
    if weights is None:
        # idf over both sides' presence (keys) and the target (words)
        df = np.asarray(tgt_m.sum(axis=0)).ravel() + np.asarray(src_keys.sum(axis=0)).ravel()
        weights = idf_weights(df, tgt_m.shape[0] + src_keys.shape[0])
    return Space(
        src_words=presence([columns.src_words], len(src), len(vocab.src_vocab)),
        src_keys=src_keys,
        tgt=tgt_m,
        weights=weights,
        src_vocab=vocab.src_vocab,
        tgt_vocab=vocab.tgt_vocab,
        n_tgt_words=vocab.n_tgt_words,
        columns=columns,
    )


def pair_columns(vocab: Vocabulary, src: Sequence[Features], tgt: Sequence[Features]
                 ) -> SpaceColumns:
    tgt_words, tgt_keys = _columns(tgt, vocab.tgt_vocab)
    (src_keys,) = _columns(src, vocab.tgt_vocab, words=False)
    src_index = dict(zip(vocab.src_vocab, range(len(vocab.src_vocab)), strict=True))
    (src_words,) = _columns(src, src_index, keys=False)
    return SpaceColumns(tgt_words, tgt_keys, src_keys, src_words, src, tgt)


def tokens_columns(vocab: Vocabulary, src: Sequence[Features], tgt: Sequence[Features],
                   src_tokens: SideTokens, tgt_tokens: SideTokens) -> SpaceColumns:
    """`pair_columns(vocab, src, tgt)` read from the sides' tokens, `vocab` made of them
    (`vocabulary`): the target's words and the source's are numbered as their own."""
    index = vocab.tgt_vocab
    return SpaceColumns(
        (tgt_tokens.word_ids, tgt_tokens.word_counts),
        (tgt_tokens.keys_in(index), tgt_tokens.key_counts),
        (src_tokens.keys_in(index), src_tokens.key_counts),
        (src_tokens.word_ids, src_tokens.word_counts), src, tgt)


def pieces_space(space: Space, src: Sequence[Features], tgt: Sequence[Features]) -> Space:
    """Pieces of the same two texts (their sentences) in `space`'s columns, with its weights:
    every word and key of a piece is one of its paragraph's."""
    vocab = Vocabulary(space.src_vocab, space.tgt_vocab, space.n_tgt_words)
    return _space(vocab, src, tgt, space.weights)


def stem_pairs(src: Side) -> dict[str, list[str]]:
    """The distinct (stem, written form) pairs of a side, as each stem's forms."""
    return stem_pairs_of(src.features)


def stem_translations(
    space: Space | Vocabulary, src: Side, lexicon: Lexicon
) -> list[tuple[str, ...]]:
    """The lexicon's translations of each source stem (by vocabulary index): the stem's own
    entry and those of every form it is written in, merged (`Lexicon.translations` reads a
    whole word, clitics and all: بالطبع "of course" whatever its stem, مدينتها "city" where
    the stem مدين is no entry); only when none of them has one, the stem read with its
    clitics stripped (a stem such as شرك, of شركة, is not شر "evil" + ك)."""
    return translations_of(space.src_vocab, stem_pairs(src), Readings.of(lexicon))


def read_as_written(space: Space | Vocabulary, src: Side, lexicon: Lexicon) -> set[str]:
    """The source stems the lexicon holds as written: the stem is an entry (or is one with its
    ta marbuta, حكوم of حكومة), or one of the forms it is written in is. The others' readings,
    if any, are guesses of the clitics (سلمان read as سلم "hand over" + ان)."""
    return written_of(space.src_vocab, stem_pairs(src), Readings.of(lexicon))


def lexicon_matrix(space: Space, translations: Sequence[tuple[str, ...]]) -> sp.csr_matrix:
    """Source stems to the target stems their lexicon translations give."""
    rows, cols = lexicon_pairs(space, translations)
    data = np.ones(len(rows), dtype=np.float32)
    return sp.csr_matrix((data, (rows, cols)), shape=(len(space.src_vocab), space.weights.shape[0]))


def lexicon_pairs(
    space: Space | Vocabulary, translations: Sequence[tuple[str, ...]]
) -> tuple[np.ndarray, np.ndarray]:
    """`lexicon_matrix`'s entries (all 1): source stem rows, target stem columns (each row's
    columns distinct and ascending)."""
    stems = list(map(target_stems, translations))
    cols = token_ids(stems, space.tgt_vocab)
    rows = np.repeat(np.arange(len(stems), dtype=np.int64), row_lengths(stems))
    keep = (cols >= 0) & (cols < space.n_tgt_words)
    width = max(1, space.n_tgt_words)
    l_rows, l_cols = latin_pairs(space)
    cells = distinct(np.concatenate([rows[keep] * width + cols[keep], l_rows * width + l_cols]))
    return cells // width, cells % width


def latin_pairs(space: Space | Vocabulary) -> tuple[np.ndarray, np.ndarray]:
    """Source stems of words the Arabic writes in Latin letters (features._with_latin_words),
    each to the same English stem of the target: React is React in both texts."""
    latin = [(i, w) for i, w in enumerate(space.src_vocab) if is_latin_word(w)]
    if not latin:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    cols = token_ids([[w for _, w in latin]], space.tgt_vocab)
    rows = np.array([i for i, _ in latin], dtype=np.int64)
    keep = (cols >= 0) & (cols < space.n_tgt_words)
    return rows[keep], cols[keep]


def name_matrix(
    space: Space,
    src: Side,
    tgt: Side,
    translations: Sequence[tuple[str, ...]],
    threshold: float,
    known: Collection[str] | None = None,
    ahead: NamesAhead | None = None,
) -> sp.csr_matrix:
    """Arabic words the lexicon does not know, matched to English capitalised words by sound.

    `known`: the source stems to leave out (by default those with a translation; the aligner
    leaves out only those the lexicon holds as written, `read_as_written`, so that a name read
    as a word with clitics, سلمان as سلم "hand over", still finds Salman). `ahead`: the
    names scored meanwhile by a child (align.names_ahead)."""
    rows, cols, data = name_pairs(space, src, tgt, translations, threshold, known, ahead)
    return sp.csr_matrix(
        (data, (rows, cols)), shape=(len(space.src_vocab), space.weights.shape[0]),
    )


def name_pairs(
    space: Space | Vocabulary,
    src: Side,
    tgt: Side,
    translations: Sequence[tuple[str, ...]],
    threshold: float,
    known: Collection[str] | None = None,
    ahead: NamesAhead | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`name_matrix`'s entries: source stem rows, target stem columns, scores (float32; a pair
    may come twice: the matrix adds them), in order of the Arabic and then the English name."""
    if known is None:
        known = {w for w, found in zip(space.src_vocab, translations, strict=True) if found}
    ar_names, en_names = (name_lists(src.features, tgt.features, known) if ahead is None
                          else ahead.names_of(src.features, tgt.features, known))
    a_i, e_i, score = (sound_alike(ar_names, en_names, threshold) if ahead is None
                       else ahead.found(ar_names, en_names, threshold))
    tgt_vocab = space.tgt_vocab
    en_cols = np.fromiter((tgt_vocab.get(english_stem(n), -1) for n in en_names),
                          dtype=np.int64, count=len(en_names))
    src_index = {w: i for i, w in enumerate(space.src_vocab)}
    ar_rows = np.fromiter(map(src_index.__getitem__, ar_names), dtype=np.int64,
                          count=len(ar_names))
    cols = en_cols[e_i]
    keep = cols >= 0
    data = (score[keep].astype(np.float64) / 100.0).astype(np.float32)
    return ar_rows[a_i[keep]], cols[keep], data


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
    # most pairs meet once: the count alone rules them out, before any ratio is worked out
    often = np.flatnonzero(co.data >= params.learn_min_count)
    c, row, col = co.data[often], co.row[often], co.col[often]
    dice = 2 * c / (ca[row] + ce[col])
    expected = ca[row] * ce[col] / n_b
    keep = (dice >= params.learn_min_dice) & (c >= 2 * expected)
    rows, cols, vals = row[keep], col[keep], dice[keep].astype(np.float32)
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


def identity_matrix(space: Space) -> sp.csr_matrix:
    """Two texts in one language: a word translates as itself."""
    rows, cols = identity_pairs(space)
    return sp.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)),
        shape=(len(space.src_vocab), space.weights.shape[0]),
    )


def identity_pairs(space: Space | Vocabulary) -> tuple[np.ndarray, np.ndarray]:
    """`identity_matrix`'s entries (all 1)."""
    cols = token_ids([space.src_vocab], space.tgt_vocab)
    rows = np.flatnonzero((cols >= 0) & (cols < space.n_tgt_words))
    return rows, cols[rows]


def pair_space(
    src: Side, tgt: Side, lexicon: Lexicon | None, params: AlignerParams,
    ahead: NamesAhead | None = None,
) -> tuple[Space, sp.csr_matrix]:
    """Both sides' space and the translation from the source's words into it: the lexicon's
    and names' (`lexicon` None: both sides in one language, a word translates as itself).
    `ahead`: the names being scored meanwhile (align.names_ahead), its answer read on return."""
    try:
        space = build_space(src, tgt)
        if lexicon is None:
            return space, identity_matrix(space).tocsr()
        translations, written = _source_readings(space, src, lexicon)
        lexical = lexicon_matrix(space, translations)
        names = name_matrix(space, src, tgt, translations, params.name_threshold, written, ahead)
    except BaseException:
        if ahead is not None:
            ahead.stop()
        raise
    finally:
        if ahead is not None:
            ahead.settle()  # what the caller reads of it is here (none if it was stopped)
    return space, (lexical + names).tocsr()


def _source_readings(space: Space, src: Side, lexicon: Lexicon
                     ) -> tuple[Sequence[tuple[str, ...]], Collection[str]]:
    """The source stems' translations and those read as written: as the side was prepared
    with them (in its own process, align.one_side), else read here."""
    kept = src.readings
    if (kept is not None and kept.lexicon == lexicon_key(lexicon)
            and len(kept.translations) == len(space.src_vocab)):
        return kept.translations, kept.written
    # each stem's forms and each word's lexicon reading once, for both uses
    forms, readings = stem_pairs(src), Readings.of(lexicon)
    return (translations_of(space.src_vocab, forms, readings),
            written_of(space.src_vocab, forms, readings))

