"""scipy.sparse imported without the numpy submodules scipy's array-API layer loads for nothing."""

# scipy (1.15 on) copies numpy's namespace for its array-API layer
# (scipy._lib.array_api_compat.numpy: `from numpy import *`, then every name of dir(numpy)), and
# so imports each of numpy's lazily loaded submodules: testing (with unittest, importlib.metadata,
# email, socket), f2py, random, polynomial, ma, ctypeslib... about 0.1 s of CPU at the start of
# every command that aligns, for modules the aligner never reads. While scipy.sparse is first
# imported here, numpy does not list them (its __all__ and __dir__); the copy then reads them
# from numpy on first use (a module __getattr__), so nothing scipy may ask for is missing.
# Anything unexpected (another numpy or scipy) and the import is the ordinary one.

from __future__ import annotations

import sys
from types import ModuleType

# numpy's lazily loaded submodules that nothing here reads (numpy.__numpy_submodules__ less
# linalg, fft and typing, which scipy imports itself, and those numpy loads anyway)
HIDDEN = frozenset({"testing", "f2py", "random", "polynomial", "ma", "ctypeslib", "char",
                    "rec", "strings", "core"})
_COPY = "scipy._lib.array_api_compat.numpy"


def import_sparse() -> ModuleType:
    """scipy.sparse, imported (the first time) without loading HIDDEN."""
    if "scipy.sparse" in sys.modules:
        return sys.modules["scipy.sparse"]
    import numpy

    names = numpy.__dict__.get("__all__")
    listing = numpy.__dict__.get("__dir__")
    if _COPY in sys.modules or not isinstance(names, list) or not callable(listing):
        import scipy.sparse

        return scipy.sparse
    hidden = {n: numpy.__dict__[n] for n in HIDDEN if n in numpy.__dict__}  # already loaded
    numpy.__all__ = [n for n in names if n not in HIDDEN]
    setattr(numpy, "__dir__", lambda: [n for n in listing() if n not in HIDDEN])  # noqa: B010
    try:
        import scipy.sparse
    finally:
        numpy.__all__ = names
        setattr(numpy, "__dir__", listing)  # noqa: B010
    copy = sys.modules.get(_COPY)
    if copy is not None:
        for name, module in hidden.items():
            setattr(copy, name, module)
        if "__getattr__" not in vars(copy):
            setattr(copy, "__getattr__", _from_numpy)  # noqa: B010
    return scipy.sparse


def _from_numpy(name: str) -> object:
    """What the copy of numpy's namespace left out, read from numpy when first asked."""
    if name not in HIDDEN:
        raise AttributeError(f"module {_COPY!r} has no attribute {name!r}")
    import numpy

    return getattr(numpy, name)


def import_past_the_fork() -> None:
    """What aligning reads and a forked side process (align.side_process) does not: scipy.sparse
    (`import_sparse`) and rapidfuzz (~60 ms), imported once past that fork, and before the
    children that read them are forked (the names', detection's)."""
    import_sparse()
    import rapidfuzz.fuzz
    import rapidfuzz.process  # noqa: F401


class LazySparse:
    """scipy.sparse imported (`import_sparse`) on the first read of one of its names: modules
    a forked side process imports read it so (align.side_process), and the fork comes before
    it is imported (~50 ms of CPU that process would not use, nor copy as it writes)."""

    def __getattr__(self, name: str) -> object:
        value = getattr(import_sparse(), name)
        setattr(self, name, value)  # read from here from now on, without this call
        return value


# `sp` of the modules that read scipy.sparse so (under TYPE_CHECKING they import it)
lazy_sparse = LazySparse()
