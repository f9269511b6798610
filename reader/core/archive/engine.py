"""What a batch engine is (the local process pool, Dask), and picking one by name."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from reader.core.archive.inputs import PairJob
from reader.core.archive.job import PairOutcome
from reader.core.errors import ReaderError

OnOutcome = Callable[[PairOutcome], None]
ENGINES = {"local": "reader.core.archive.local", "dask": "reader.core.archive.dask_engine"}


class Engine(Protocol):
    """Runs `job.run_pair` over the jobs. Each outcome is passed to `on_outcome` as soon as its
    pair is finished (in the calling thread), and all of them are returned at the end in the
    order they finished. Ctrl+C (KeyboardInterrupt) stops it: pairs not started are cancelled,
    no half-written file is left in OUTDIR, and the KeyboardInterrupt propagates; what was
    passed to `on_outcome` until then stands. `workers`: None for the engine's default;
    `scheduler`: the address of a cluster, for engines that have one."""

    def __call__(
        self, jobs: Sequence[PairJob], outdir: Path, *, workers: int | None = None,
        resume: bool = False, on_outcome: OnOutcome | None = None,
        scheduler: str | None = None,
    ) -> list[PairOutcome]: ...


class EngineUnavailable(ReaderError):
    """An engine whose libraries are not installed here."""


def load_engine(name: str) -> Engine:
    """The engine's `run_jobs`, imported only now: the Dask engine's libraries are optional."""
    module_name = ENGINES.get(name)
    if module_name is None:
        raise EngineUnavailable(f"no engine {name!r} (engines: {', '.join(ENGINES)})")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            raise EngineUnavailable(f"the {name} engine is not part of this build") from None
        raise EngineUnavailable(
            f"the {name} engine needs {exc.name}, which is not installed: "
            f"pip install 'parallel-reader[{name}]'"
        ) from None
    run_jobs: Engine = module.run_jobs
    return run_jobs
