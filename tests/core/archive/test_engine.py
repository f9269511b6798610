"""Picking an engine by name: the local pool always, others only when their libraries are here."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.archive import local
from reader.core.archive.engine import EngineUnavailable, load_engine
from reader.core.errors import InputError


def test_the_local_engine() -> None:
    assert load_engine("local") is local.run_jobs


def test_an_unknown_engine_is_one_line() -> None:
    with pytest.raises(EngineUnavailable, match=r"^no engine 'ray' \(engines: local, dask\)$"):
        load_engine("ray")


def test_the_local_engine_has_no_scheduler(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--scheduler is for --engine dask"):
        local.run_jobs([], tmp_path, scheduler="tcp://x:8786")
