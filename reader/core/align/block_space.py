"""Many small problems' vector spaces, side by side, built in one go (what `batch` aligns)."""

# `batch.align_sides_batch` gives each problem the space `space.pair_space` makes for it alone:
# its own vocabulary, idf over its own segments, lexicon and names. Built problem by problem,
# the fixed cost of each step was most of it (hundreds of problems on a long pair). Here every
# problem's tokens are numbered in one go: a problem's columns are its distinct tokens in the
# order they first occur in it (target words, then target keys, then source keys, as
# `space.vocabulary` numbers them), offset by the columns of the problems before, which is the
# order of the first occurrences in the problems' streams laid end to end. The lexicon reads
# each stem with a given set of forms once for the whole batch (`readings.Readings`); only idf
# weights and names by sound go problem by problem. The same values, entry for entry, as the
# problem-by-problem build.

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from reader.core.align.params import AlignerParams
from reader.core.align.presence import cells_matrix, distinct, row_lengths, token_ids
from reader.core.align.projection import vectors
from reader.core.align.readings import Readings, target_stems
from reader.core.align.sound_alike import sound_alike_each
from reader.core.align.space import Side, Space, idf_weights
from reader.core.anchors.features import is_latin_word
from reader.core.anchors.lexicon import Lexicon
from reader.core.anchors.words import english_stem

if TYPE_CHECKING:
    from reader.core.align.batch import Block


def block_vectors(
    src: Side, tgt: Side, blocks: Sequence[Block], lexicon: Lexicon | None, params: AlignerParams
) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """Each problem's vectors in the space `align_segments` makes for it alone (vocabulary,
    idf over its own segments, lexicon and names), side by side: two problems share no column,
    so a dot product across them is zero."""
    src_rows = _Rows.of(src, [(b.i0, b.i1) for b in blocks])
    tgt_rows = _Rows.of(tgt, [(b.j0, b.j1) for b in blocks])
    # the target's columns: per problem its target words, its target keys, its source keys
    tgt_index = _index(tgt_rows.words, tgt_rows.keys, src_rows.keys)
    tgt_cols = _Columns.of([
        (token_ids(tgt_rows.words, tgt_index), tgt_rows.word_lengths, tgt_rows),
        (token_ids(tgt_rows.keys, tgt_index), tgt_rows.key_lengths, tgt_rows),
        (token_ids(src_rows.keys, tgt_index), src_rows.key_lengths, src_rows),
    ], len(blocks), len(tgt_index))
    src_index = _index(src_rows.words)
    src_words = token_ids(src_rows.words, src_index)
    src_cols = _Columns.of([(src_words, src_rows.word_lengths, src_rows)], len(blocks),
                           len(src_index))
    n_cols, n_src_cols = tgt_cols.n_columns, src_cols.n_columns
    tgt_m = tgt_cols.presence(tgt_rows.n, (0, 1))
    src_keys = tgt_cols.presence(src_rows.n, (2,))
    # document frequencies as float32, as the column sums of the presence matrices give them
    df = (np.bincount(tgt_m.indices, minlength=n_cols).astype(np.float32)
          + np.bincount(src_keys.indices, minlength=n_cols).astype(np.float32))
    weights = [idf_weights(df[tgt_cols.start[k] : tgt_cols.start[k + 1]], b.m + b.n)
               for k, b in enumerate(blocks)]
    space = Space(
        src_words=src_cols.presence(src_rows.n, (0,)),
        src_keys=src_keys,
        tgt=tgt_m,
        weights=np.concatenate(weights) if weights else np.zeros(0, dtype=np.float32),
        src_vocab=[], tgt_vocab={}, n_tgt_words=0,  # not read by `vectors`
    )
    stems = _Stems.of(src_cols, src_index, src_words, src_rows)
    if lexicon is None:
        rows, cols = _identity(stems, tgt_cols, tgt_index)
        data = np.ones(len(rows), dtype=np.float32)
    else:
        rows, cols, data = _translations(stems, tgt_cols, tgt_index, src_rows, tgt_rows,
                                         Readings.of(lexicon), params)
    # entries a problem's translation holds twice (a name and a lexicon entry) add up, as
    # they do there; any sum reaches 1, where `vectors` clips
    translation = sp.csr_matrix((data, (rows, cols)), shape=(n_src_cols, n_cols))
    src_vec, tgt_vec = vectors(space, translation)
    src_vec.sort_indices()
    tgt_vec.sort_indices()
    return src_vec, tgt_vec


@dataclass(slots=True)
class _Rows:
    """One side's rows as the problems take them, one problem after another."""

    rows: np.ndarray  # the side's row of each problem row
    first: np.ndarray  # where each problem's rows start (one more: the end)
    words: list[list[str]]
    keys: list[list[str]]
    names: list[list[str]]
    forms: list[list[str]]
    word_lengths: np.ndarray
    key_lengths: np.ndarray

    @property
    def n(self) -> int:
        return len(self.rows)

    @classmethod
    def of(cls, side: Side, spans: Sequence[tuple[int, int]]) -> _Rows:
        rows = _ranges(np.array([s for s, _ in spans], dtype=np.int64),
                       np.array([e for _, e in spans], dtype=np.int64))
        feats = [side.features[r] for r in rows.tolist()]
        first = np.zeros(len(spans) + 1, dtype=np.int64)
        np.cumsum([e - s for s, e in spans], out=first[1:])
        words = [f.words for f in feats]
        keys = [f.keys for f in feats]
        return cls(rows, first, words, keys, [f.names for f in feats], [f.forms for f in feats],
                   row_lengths(words), row_lengths(keys))


def _ranges(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """The integers of [starts[k], ends[k]) for each k, laid end to end."""
    lengths = np.maximum(ends - starts, 0)
    offsets = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    return np.arange(int(lengths.sum()), dtype=np.int64) + offsets


def _index(*streams: Sequence[Sequence[str]]) -> dict[str, int]:
    """A number for each distinct token (any order: it only tells tokens apart)."""
    order: dict[str, None] = {}
    for rows in streams:
        order.update(dict.fromkeys(chain.from_iterable(rows)))
    return {token: i for i, token in enumerate(order)}


@dataclass(slots=True)
class _Columns:
    """Every problem's columns, numbered side by side: a token's column in a problem is the
    number of distinct tokens before its first occurrence there, plus the columns of the
    problems before."""

    problem_of: list[np.ndarray]  # per part: each token's problem
    row_of: list[np.ndarray]  # per part: each token's problem row
    column_of: list[np.ndarray]  # per part: each token's column
    keys: np.ndarray  # each column's problem * tokens + token, ascending
    column_at: np.ndarray  # the column of each of `keys`
    is_word: np.ndarray  # whether each column first occurs in the first part (and a False)
    start: np.ndarray  # each problem's first column (one more: the end)
    width: int  # tokens

    @property
    def n_columns(self) -> int:
        return int(self.start[-1])

    @classmethod
    def of(
        cls, parts: Sequence[tuple[np.ndarray, np.ndarray, _Rows]], n_problems: int, width: int
    ) -> _Columns:
        """`parts`: each part's token numbers (rows laid end to end), tokens per row, and the
        rows; a problem's stream is its rows of the first part, then of the second..."""
        problem_of, row_of, where = [], [], []
        for p, (_, lengths, rows) in enumerate(parts):
            per_row = np.repeat(np.arange(rows.n, dtype=np.int64), lengths)
            problem = np.repeat(np.arange(n_problems, dtype=np.int64),
                                np.diff(rows.first))[per_row]
            problem_of.append(problem)
            row_of.append(per_row)
            # the stream position, as (problem, part, place in the part)
            where.append(np.stack([problem, np.full(len(per_row), p), np.arange(len(per_row))]))
        ids = np.concatenate([t for t, _, _ in parts])
        problem = np.concatenate(problem_of)
        position = np.lexsort(np.concatenate(where, axis=1)[::-1])  # stream order
        rank_in_stream = np.empty(len(position), dtype=np.int64)
        rank_in_stream[position] = np.arange(len(position))
        key = problem * max(1, width) + ids
        order = np.lexsort((rank_in_stream, key))
        sorted_key = key[order]
        new = np.r_[True, sorted_key[1:] != sorted_key[:-1]] if len(order) else np.zeros(0, bool)
        group = np.cumsum(new) - 1
        firsts = order[new]
        column = np.empty(len(firsts), dtype=np.int64)
        column[np.argsort(rank_in_stream[firsts], kind="stable")] = np.arange(len(firsts))
        token_column = np.empty(len(order), dtype=np.int64)
        token_column[order] = column[group]
        part_of = np.concatenate([np.full(len(t), p) for p, (t, _, _) in enumerate(parts)])
        is_word = np.zeros(len(firsts) + 1, dtype=bool)  # -1 (no column) reads the last
        is_word[column] = part_of[firsts] == 0
        start = np.zeros(n_problems + 1, dtype=np.int64)
        np.cumsum(np.bincount(problem[firsts], minlength=n_problems), out=start[1:])
        bounds = np.cumsum([0] + [len(t) for t, _, _ in parts])
        return cls(problem_of, row_of,
                   [token_column[bounds[p] : bounds[p + 1]] for p in range(len(parts))],
                   sorted_key[new], column, is_word, start, width)

    def presence(self, n_rows: int, parts: Sequence[int]) -> sp.csr_matrix:
        """1.0 at the columns of each problem row's tokens in `parts`."""
        rows = np.concatenate([self.row_of[p] for p in parts])
        cols = np.concatenate([self.column_of[p] for p in parts])
        cells = distinct(rows * max(1, self.n_columns) + cols)
        return cells_matrix(cells, n_rows, self.n_columns, np.ones(len(cells), np.float32))

    def find(self, problem: np.ndarray, ids: np.ndarray) -> np.ndarray:
        """The column of each token of `ids` in its problem (-1 where it has none)."""
        if not len(self.keys):
            return np.full(len(ids), -1, dtype=np.int64)
        key = problem * max(1, self.width) + ids
        at = np.minimum(np.searchsorted(self.keys, key), len(self.keys) - 1)
        return np.where((ids >= 0) & (self.keys[at] == key), self.column_at[at], -1)

    def word_column(self, problem: np.ndarray, ids: np.ndarray) -> np.ndarray:
        """`find`, only where the token's column is one of the problem's target words."""
        found = self.find(problem, ids)
        return np.where(self.is_word[found], found, -1)


@dataclass(slots=True)
class _Stems:
    """Each problem's source stems (its source-word columns): the stem, its problem, and the
    forms it is written in there (distinct, sorted)."""

    text: list[str]
    problem: np.ndarray
    forms: list[list[str]]
    start: np.ndarray  # each problem's first column (one more: the end)

    @classmethod
    def of(cls, cols: _Columns, index: dict[str, int], ids: np.ndarray, rows: _Rows) -> _Stems:
        n = cols.n_columns
        stem_id = np.zeros(n, dtype=np.int64)
        stem_id[cols.column_of[0]] = ids
        problem = np.zeros(n, dtype=np.int64)
        problem[cols.column_of[0]] = cols.problem_of[0]
        vocab = list(index)
        forms: list[list[str]] = [[] for _ in range(n)]
        if np.array_equal(row_lengths(rows.forms), rows.word_lengths):
            form_index = _index(rows.forms)
            form_text = list(form_index)
            width = max(1, len(form_index))
            pairs = distinct(cols.column_of[0] * width + token_ids(rows.forms, form_index))
            for c, f in zip((pairs // width).tolist(), (pairs % width).tolist(), strict=True):
                forms[c].append(form_text[f])
            for found in forms:
                if len(found) > 1:
                    found.sort()
        else:
            forms = []  # no forms to read: the lexicon refuses them (_translations)
        return cls([vocab[i] for i in stem_id.tolist()], problem, forms, cols.start)


def _identity(
    stems: _Stems, tgt_cols: _Columns, tgt_index: dict[str, int]
) -> tuple[np.ndarray, np.ndarray]:
    """`space.identity_pairs` of every problem: a source stem to the same target word."""
    ids = np.fromiter(map(tgt_index.get, stems.text, repeat(-1)), dtype=np.int64,
                      count=len(stems.text))
    cols = tgt_cols.word_column(stems.problem, ids)
    rows = np.flatnonzero(cols >= 0)
    return rows, cols[rows]


def _translations(
    stems: _Stems, tgt_cols: _Columns, tgt_index: dict[str, int], src_rows: _Rows,
    tgt_rows: _Rows, readings: Readings, params: AlignerParams,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`space.lexicon_pairs` then `space.name_pairs` of every problem (all lexicon entries
    first: a row's entries come in the order each problem's matrix has them)."""
    if len(stems.forms) != len(stems.text):
        raise ValueError("source features with fewer written forms than words")
    # each distinct stem with its forms read once: most recur from problem to problem
    keys = list(zip(stems.text, map(tuple, stems.forms), strict=True))
    distinct_keys = list(dict.fromkeys(keys))
    read = readings.stems([s for s, _ in distinct_keys], [f for _, f in distinct_keys])
    # a word the Arabic writes in Latin letters is also itself (space.latin_pairs)
    english_of = {key: (*e, key[0]) if is_latin_word(key[0]) else e
                  for key, e in zip(distinct_keys, map(target_stems, read), strict=True)}
    english = list(map(english_of.__getitem__, keys))
    ids = token_ids(english, tgt_index)
    a = np.repeat(np.arange(len(english), dtype=np.int64), row_lengths(english))
    cols = tgt_cols.word_column(stems.problem[a], ids)
    keep = cols >= 0
    width = max(1, tgt_cols.n_columns)
    cells = distinct(a[keep] * width + cols[keep])
    rows_out, cols_out = [cells // width], [cells % width]
    data_out = [np.ones(len(cells), dtype=np.float32)]
    # whether each column's stem may be a name: not one the lexicon knows as written, nor
    # written in a form it has (asked once for each distinct stem with its forms: the
    # problems' names are most of their stems, and recur from problem to problem)
    known_as_written, entries = readings.known_as_written, readings.entries.keys()
    unknown = {key: not (known_as_written(key[0]) or not entries.isdisjoint(key[1]))
               for key in distinct_keys}
    may_name = list(map(unknown.__getitem__, keys))

    names: list[tuple[list[str], list[str]]] = []
    where: list[dict[str, int]] = []
    starts, src_first, tgt_first = (stems.start.tolist(), src_rows.first.tolist(),
                                    tgt_rows.first.tolist())
    for k in range(len(starts) - 1):
        a0, a1 = starts[k], starts[k + 1]
        at = dict(zip(stems.text[a0:a1], range(a0, a1), strict=True))
        # the problem's names but its stems the lexicon knows as written (whether a stem is
        # known matters only for a name; a name that is no stem of the problem is kept)
        ar_names = sorted(n for n in set(chain.from_iterable(src_rows.names[src_first[k]:
                                                                            src_first[k + 1]]))
                          if (col := at.get(n)) is None or may_name[col])
        names.append((ar_names, sorted(set(chain.from_iterable(
            tgt_rows.names[tgt_first[k]:tgt_first[k + 1]])))))
        where.append(at)
    # every problem's names by sound at once (a call per problem cost more than its pairs)
    for k, (a_i, e_i, score) in enumerate(sound_alike_each(names, params.name_threshold)):
        if not len(a_i):
            continue
        ar_names, en_names = names[k]
        at = where[k]
        e_ids = np.fromiter((tgt_index.get(english_stem(n), -1) for n in en_names),
                            dtype=np.int64, count=len(en_names))
        e_cols = tgt_cols.find(np.full(len(en_names), k, dtype=np.int64), e_ids)[e_i]
        kept = e_cols >= 0
        rows_out.append(np.array([at[ar_names[i]] for i in a_i[kept].tolist()], dtype=np.int64))
        cols_out.append(e_cols[kept])
        data_out.append((score[kept].astype(np.float64) / 100.0).astype(np.float32))
    return np.concatenate(rows_out), np.concatenate(cols_out), np.concatenate(data_out)
