"""Thresholds: read from TOML and the command line; unknown names and senseless values refused."""

from __future__ import annotations

import math
from dataclasses import fields
from pathlib import Path

import pytest

from reader.core.diverge.thresholds import Thresholds, load_thresholds
from reader.core.errors import InputError

NUMERIC = [f.name for f in fields(Thresholds) if f.type != "bool"]


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
     ("length_robust_z = \n", "not valid TOML"),
     ("length_robust_z = nan\n", "length_robust_z in the file must be a finite number"),
     ("length_robust_z = inf\n", "length_robust_z in the file must be a finite number"),
     ("[divergences]\nlength_min_spread = -inf\n", "length_min_spread in the file must be a fin"),
     ("number_neighbour_beads = -1\n", "number_neighbour_beads in the file must be at least 0"),
     ("default_length_ratio = 0\n", "default_length_ratio in the file must be above 0"),
     ("name_similarity = 1.5\n", "name_similarity in the file must be at most 1")],
)
def test_bad_thresholds_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "t.toml"
    path.write_text(content)
    with pytest.raises(InputError, match=message) as info:
        load_thresholds(path)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_bad_override_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="NAME=VALUE"):
        Thresholds().with_overrides(["length_robust_z"])
    with pytest.raises(InputError, match="no such file"):
        load_thresholds(tmp_path / "absent.toml")


@pytest.mark.parametrize("name", ["bogus", "sentence_null_cost", "sentence_anchor_bonus"])
def test_an_unknown_name_is_refused_and_the_known_ones_listed(name: str) -> None:
    # the two sentence thresholds were read by nothing, and are gone
    with pytest.raises(InputError) as info:
        Thresholds().with_overrides([f"{name}=1"])
    message = str(info.value)
    assert f"unknown threshold {name!r} in the command line" in message
    assert message.endswith("known: " + ", ".join(f.name for f in fields(Thresholds)))
    assert "\n" not in message


@pytest.mark.parametrize("name", NUMERIC)
@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "NaN", "+inf", "1e400"])
def test_no_threshold_takes_nan_or_an_infinity(name: str, value: str) -> None:
    with pytest.raises(InputError, match=f"^threshold {name} in the command line must be a "
                                         "finite number, got "):
        Thresholds().with_overrides([f"{name}={value}"])


@pytest.mark.parametrize("name", NUMERIC)
def test_no_threshold_takes_a_negative_value(name: str) -> None:
    # counts, lengths, ratios, z-scores, a similarity, a variance: none is below zero
    with pytest.raises(InputError, match=f"^threshold {name} in the command line must be "
                                         r"(at least|above) \d, got '-1'$"):
        Thresholds().with_overrides([f"{name}=-1"])


def test_bounds_where_zero_or_more_make_no_sense() -> None:
    # a median of no beads, a spread or a ratio of nothing: zero is refused
    for name, low in [("length_min_beads", 0), ("length_min_spread", 0),
                      ("default_length_ratio", 0)]:
        with pytest.raises(InputError, match=f"{name} in the command line must be"):
            Thresholds().with_overrides([f"{name}={low}"])
    with pytest.raises(InputError, match="name_similarity in the command line must be at most 1"):
        Thresholds().with_overrides(["name_similarity=1.01"])


def test_values_at_the_bounds_are_taken() -> None:
    zeros = [f"{name}=0" for name in NUMERIC
             if name not in ("length_min_beads", "length_min_spread", "default_length_ratio",
                             "phrase_min_words", "term_min_occurrences")]
    th = Thresholds().with_overrides(
        [*zeros, "length_min_beads=1", "length_min_spread=1e-9", "default_length_ratio=0.01",
         "name_similarity=1", "phrase_min_words=1", "term_min_occurrences=2"]
    )
    assert th.number_neighbour_beads == 0 and th.length_robust_z == 0.0
    assert th.length_min_beads == 1 and th.name_similarity == 1.0
    assert math.isclose(th.length_min_spread, 1e-9)


def test_thresholds_built_in_code_are_held_to_the_same_bounds() -> None:
    with pytest.raises(ValueError, match="number_neighbour_beads must be at least 0"):
        Thresholds(number_neighbour_beads=-1)
    with pytest.raises(ValueError, match="length_robust_z must be a finite number"):
        Thresholds(length_robust_z=math.nan)
