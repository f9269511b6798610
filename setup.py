"""Ships resources/ and corpus/ inside the wheel (as reader/_shipped/), so an installed reader,
e.g. on a Dask worker, finds its glossary and lexicon; the rest of the build is pyproject.toml."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SHIPPED = ("resources", "corpus")


class BuildWithData(build_py):
    """build_py that also copies the shipped data folders into the built package."""

    def run(self) -> None:
        super().run()
        # an editable install reads them from the source tree (reader/resources.py)
        if getattr(self, "editable_mode", False):
            return
        for name in SHIPPED:
            target = Path(self.build_lib) / "reader" / "_shipped" / name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(HERE / name, target,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithData})
