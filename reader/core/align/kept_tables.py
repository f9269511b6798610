"""Numeric tables the aligner computes the same at every start, kept in the user's cache."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

import numpy as np

from reader.core.anchors import lexicon_cache

_KIND = "tables"


def kept_table(name: str, sources: Sequence[str | None],
               compute: Callable[[], np.ndarray]) -> np.ndarray:
    """The array `compute` returns, read back from the cache when the code of `sources`, numpy
    and scipy are those that kept it (`name` tells tables and their parameters apart); else
    computed and kept. Read back, it is read-only."""
    import scipy

    key = repr((name, np.__version__, scipy.__version__)).encode()
    path = lexicon_cache.keyed_path(_KIND, key, sources)
    kept = lexicon_cache.load_table(path)
    if kept is not None:
        try:
            data = kept["data"]
            if hashlib.sha256(data).digest() == kept["digest"]:
                return np.frombuffer(data, dtype=np.dtype(kept["dtype"])).reshape(kept["shape"])
        except (KeyError, TypeError, ValueError):
            pass  # damaged or not ours: computed again, kept again
    table = np.ascontiguousarray(compute())
    data = table.tobytes()
    lexicon_cache.store(path, {"data": data, "digest": hashlib.sha256(data).digest(),
                               "dtype": table.dtype.str, "shape": table.shape})
    return table
