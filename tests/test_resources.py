"""Where the shipped data is found: beside the source tree, or inside an installed package."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import reader
from reader.resources import CORPUS, PROJECT_ROOT, RESOURCES


def test_a_source_tree_reads_its_own_folders() -> None:
    assert RESOURCES == PROJECT_ROOT / "resources" and CORPUS == PROJECT_ROOT / "corpus"
    assert (RESOURCES / "glossary").is_dir()


def test_an_installed_package_reads_the_copy_it_carries(tmp_path: Path) -> None:
    # what setup.py's build puts in the wheel (`pip wheel .` lists reader/_shipped/...):
    # reader/ with the data in reader/_shipped/, and no resources/ beside it, as in a Dask
    # worker's site-packages
    site = tmp_path / "site"
    shutil.copytree(Path(reader.__file__).parent, site / "reader",
                    ignore=shutil.ignore_patterns("__pycache__", "_shipped"))
    for name in ("resources", "corpus"):
        shutil.copytree(PROJECT_ROOT / name, site / "reader" / "_shipped" / name)
    code = ("from reader.resources import RESOURCES, CORPUS\n"
            "from reader.core.anchors.glossary import Glossary\n"
            "Glossary.load()\n"
            "print(RESOURCES); print(CORPUS)\n")
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                         text=True, env={"PYTHONPATH": str(site), "PATH": ""}, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == [str(site / "reader" / "_shipped" / "resources"),
                                  str(site / "reader" / "_shipped" / "corpus")]

