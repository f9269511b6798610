"""scipy.sparse imported without numpy's unused submodules, and nothing missing after."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=120, check=True)
    return done.stdout


def test_the_unused_submodules_are_not_loaded_and_still_there() -> None:
    out = _run("""
        import sys
        import numpy
        names, listing = list(numpy.__all__), sorted(dir(numpy))
        from reader.core.align.sparse_import import HIDDEN, import_sparse
        sparse = import_sparse()
        assert sparse is sys.modules["scipy.sparse"] and import_sparse() is sparse
        loaded = sorted(f"numpy.{n}" for n in HIDDEN if f"numpy.{n}" in sys.modules)
        assert list(numpy.__all__) == names and sorted(dir(numpy)) == listing  # restored
        copy = sys.modules["scipy._lib.array_api_compat.numpy"]
        assert copy.testing is numpy.testing and copy.random is numpy.random
        try:
            copy.no_such_name
        except AttributeError:
            pass
        else:
            raise AssertionError("an unknown name was found")
        m = sparse.csr_matrix(numpy.eye(3, dtype=numpy.float32))
        assert (m @ m.T).nnz == 3
        print(loaded)
    """)
    # numpy.random is imported by scipy itself; testing, f2py and the rest are not
    assert "numpy.testing" not in out and "numpy.f2py" not in out


def test_after_an_ordinary_import_it_is_that_import() -> None:
    out = _run("""
        import scipy.sparse
        from reader.core.align.sparse_import import import_sparse
        print(import_sparse() is scipy.sparse)
    """)
    assert out.strip() == "True"


def test_the_side_process_modules_import_neither_scipy_nor_rapidfuzz() -> None:
    # the second process is forked before they are imported (align.side_process): it must
    # not import them itself
    out = _run("""
        import sys
        import reader.core.align.side_process
        import reader.core.pair
        import reader.commands.align
        print(sorted(m for m in ("scipy", "scipy.sparse", "rapidfuzz") if m in sys.modules))
    """)
    assert out.strip() == "[]"


def test_the_lazy_module_reads_scipy_sparse_imported_without_the_unused_submodules() -> None:
    out = _run("""
        import sys
        import numpy
        from reader.core.align.sparse_import import lazy_sparse
        assert "scipy.sparse" not in sys.modules
        m = lazy_sparse.csr_matrix(numpy.eye(2))
        import scipy.sparse
        assert lazy_sparse.csr_matrix is scipy.sparse.csr_matrix
        assert isinstance(m, scipy.sparse.csr_matrix)
        assert lazy_sparse.diags is scipy.sparse.diags
        assert "numpy.testing" not in sys.modules
        print("ok")
    """)
    assert out.strip() == "ok"
