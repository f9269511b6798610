"""What every test shares: the parsed lexicon's cache in a folder of the run's own."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

_KEY = pytest.StashKey[tuple["str | None", str]]()


def pytest_configure(config: pytest.Config) -> None:
    """The tests (and the `reader` commands they start, which inherit the environment) keep
    parsed lexicons in a folder of this run, never in the user's cache: set before collection,
    since some test modules load the lexicon as they are imported; one folder for the whole
    run, so each command after the first reads the table back as a user's would."""
    config.stash[_KEY] = (os.environ.get("READER_CACHE_DIR"),
                          tempfile.mkdtemp(prefix="reader-lexicon-cache-"))
    os.environ["READER_CACHE_DIR"] = config.stash[_KEY][1]


def pytest_unconfigure(config: pytest.Config) -> None:
    before, folder = config.stash.get(_KEY, (None, None))
    if folder is None:
        return
    shutil.rmtree(folder, ignore_errors=True)
    if before is None:
        os.environ.pop("READER_CACHE_DIR", None)
    else:
        os.environ["READER_CACHE_DIR"] = before



@pytest.fixture
def user_cache(tmp_path, monkeypatch: pytest.MonkeyPatch):
    """An empty user cache folder of the test's own (READER_CACHE_DIR), for the caches' tests."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("READER_CACHE_DIR", str(folder))
    return folder
