"""Token columns and presence matrices built in one go from flat arrays, not per paragraph."""

# A long pair has some 100,000 paragraph tokens a side: a Python step per token and a sorted
# set per paragraph were most of what building its space cost. Here the tokens of all rows go
# through one dictionary look-up each (`map` over a bound `get`, no Python frame per token) and
# the matrix is made from the (row, column) cells with one `np.unique`: each row's columns
# once, ascending, as the per-paragraph build kept them.

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import chain, repeat
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import scipy.sparse as sp
else:  # imported on first use (align.sparse_import.LazySparse)
    from reader.core.align.sparse_import import lazy_sparse as sp


def row_lengths(rows: Sequence[Sequence[object]]) -> np.ndarray:
    return np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))


def token_ids(rows: Sequence[Sequence[str]], index: Mapping[str, int]) -> np.ndarray:
    """The column of every token of `rows`, flat, in order (-1 for a token `index` lacks)."""
    tokens = chain.from_iterable(rows)
    return np.fromiter(map(index.get, tokens, repeat(-1)), dtype=np.int64)


def presence(
    parts: Sequence[tuple[np.ndarray, np.ndarray]], n_rows: int, n_cols: int
) -> sp.csr_matrix:
    """1.0 wherever a row has a column: `parts` are (flat columns, per-row counts) pairs over the
    same `n_rows` rows; negative columns are left out. Each row's columns distinct and ascending."""
    rows = [np.repeat(np.arange(n_rows, dtype=np.int64), lengths) for _, lengths in parts]
    cols = [ids for ids, _ in parts]
    cells = _cells(np.concatenate(rows) if rows else np.zeros(0, np.int64),
                   np.concatenate(cols) if cols else np.zeros(0, np.int64), n_cols)
    return cells_matrix(cells, n_rows, n_cols, np.ones(len(cells), dtype=np.float32))


def _cells(rows: np.ndarray, cols: np.ndarray, n_cols: int) -> np.ndarray:
    keep = cols >= 0
    if not keep.all():
        rows, cols = rows[keep], cols[keep]
    return distinct(rows * max(1, n_cols) + cols)


def distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, ascending (`np.unique` hashes integers first: ten times slower)."""
    values = np.sort(values)
    if len(values) > 1:
        values = values[np.r_[True, values[1:] != values[:-1]]]
    return values


def cells_matrix(
    cells: np.ndarray, n_rows: int, n_cols: int, data: np.ndarray
) -> sp.csr_matrix:
    """A CSR matrix from distinct cells (row * n_cols + column), ascending, and their values."""
    width = max(1, n_cols)
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(cells // width, minlength=n_rows), out=indptr[1:])
    return sp.csr_matrix((data, cells % width, indptr), shape=(n_rows, n_cols))
