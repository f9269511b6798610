"""Thresholds: read from TOML and the command line; bad files and assignments refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.diverge.thresholds import Thresholds, load_thresholds
from reader.core.errors import InputError


def test_thresholds_from_toml_and_command_line(tmp_path: Path) -> None:
    path = tmp_path / "thresholds.toml"
    path.write_text("[divergences]\nlength_robust_z = 4.5\nname_mismatch = false\n")
    th = load_thresholds(path)
    assert th.length_robust_z == 4.5 and th.name_mismatch is False
    th = th.with_overrides(["number_neighbour_beads=0", "name_mismatch=yes"])
    assert th.number_neighbour_beads == 0 and th.name_mismatch is True


@pytest.mark.parametrize(
    ("content", "message"),
    [("nonsense = 1\n", "unknown threshold 'nonsense'"),
     ("length_robust_z = 'high'\n", "must be a float"),
     ("number_neighbour_beads = 1.5\n", "must be a int"),
     ("length_robust_z = \n", "not valid TOML")],
)
def test_bad_thresholds_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "t.toml"
    path.write_text(content)
    with pytest.raises(InputError, match=message) as info:
        load_thresholds(path)
    assert str(path) in str(info.value)


def test_bad_override_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="NAME=VALUE"):
        Thresholds().with_overrides(["length_robust_z"])
    with pytest.raises(InputError, match="no such file"):
        load_thresholds(tmp_path / "absent.toml")
