"""Tables kept in the cache: read back, the length term's table is the computed one, bit for bit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from reader.core.align import model
from reader.core.align.kept_tables import kept_table
from reader.core.align.params import DEFAULT_PARAMS

OUTLIERS, SCALE = DEFAULT_PARAMS.length_outliers, DEFAULT_PARAMS.length_outlier_scale


def _kept(folder: Path) -> list[Path]:
    return sorted((folder / "tables").glob("*.marshal"))


def _computed(outliers: float = OUTLIERS, scale: float = SCALE) -> np.ndarray:
    grid = np.arange(0.0, model._LengthTable.END + 2 * model._LengthTable.STEP,
                     model._LengthTable.STEP)
    return model._length_term(grid, outliers, scale)


def _length_table(outliers: float = OUTLIERS, scale: float = SCALE) -> np.ndarray:
    model._LengthTable.of.cache_clear()
    return model._LengthTable.of(outliers, scale).values


def test_the_length_table_read_back_is_the_computed_one(user_cache: Path) -> None:
    expected = _computed()
    first = _length_table()  # computed, and kept
    assert len(_kept(user_cache)) == 1
    again = _length_table()  # read back
    for table in (first, again):
        assert table.dtype == expected.dtype == np.float32
        assert table.tobytes() == expected.tobytes()
    assert model._LengthTable.of(OUTLIERS, SCALE).following.tobytes() == expected[1:].tobytes()


def test_other_parameters_have_their_own_table(user_cache: Path) -> None:
    _length_table()
    other = _length_table(0.05, 3.0)
    assert other.tobytes() == _computed(0.05, 3.0).tobytes()
    assert len(_kept(user_cache)) == 2


def test_a_damaged_table_is_computed_again_and_kept_again(user_cache: Path) -> None:
    expected = _computed()
    _length_table()
    (kept,) = _kept(user_cache)
    whole = kept.read_bytes()
    middle = len(whole) // 2
    flipped = whole[:middle] + bytes([whole[middle] ^ 1]) + whole[middle + 1:]
    for damage in (b"", whole[:50], whole[:-5], flipped, b"not ours"):
        kept.write_bytes(damage)
        assert _length_table().tobytes() == expected.tobytes()
        assert _length_table().tobytes() == expected.tobytes()  # read back, kept again
    assert kept_table("x", (model.__file__,), lambda: np.arange(3.0)).tolist() == [0.0, 1.0, 2.0]


def test_no_cache_is_no_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_CACHE_DIR", "")
    assert _length_table().tobytes() == _computed().tobytes()


def test_a_kept_table_spares_scipy_special(tmp_path: Path) -> None:
    """A fresh interpreter aligns with the kept table and never imports scipy.special."""
    src = tmp_path / "a.ar.txt"
    tgt = tmp_path / "a.en.txt"
    src.write_text("مرحبا بالعالم\n\nسطر ثان\n", encoding="utf-8")
    tgt.write_text("Hello world\n\nSecond line\n", encoding="utf-8")
    code = ("import sys; from reader.cli import main; "
            f"main(['align', {str(src)!r}, {str(tgt)!r}, '-o', {str(tmp_path / 'o.json')!r}]); "
            "print('scipy.special' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True).stdout.split() for _ in range(2)]
    assert runs[1] == ["False"]  # the first may have computed and kept it


def test_lengths_beyond_the_table_are_computed(user_cache: Path) -> None:
    table = model._LengthTable.of(OUTLIERS, SCALE)
    far = np.array([70.0, 1e4], dtype=np.float32)
    assert table.at(far).tobytes() == model._length_term(
        far.astype(np.float64), OUTLIERS, SCALE).tobytes()


def test_diverge_runs_in_a_fresh_interpreter(tmp_path: Path) -> None:
    src = tmp_path / "a.ar.txt"
    tgt = tmp_path / "a.en.txt"
    src.write_text("مرحبا بالعالم\n\nسطر ثان\n", encoding="utf-8")
    tgt.write_text("Hello world\n\nSecond line\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "reader.cli", "diverge", str(src), str(tgt),
                           "--format", "json"], capture_output=True, text=True, check=True)
    assert '"divergences"' in done.stdout


def test_a_change_of_code_is_another_table(user_cache: Path, tmp_path: Path) -> None:
    # a stale table is never read: the key holds the source of the code that computes it
    source = tmp_path / "computing.py"
    source.write_text("A = 1\n", encoding="utf-8")
    assert kept_table("t", (str(source),), lambda: np.arange(3.0)).tolist() == [0.0, 1.0, 2.0]
    assert kept_table("t", (str(source),), lambda: np.arange(4.0)).tolist() == [0.0, 1.0, 2.0]
    source.write_text("A = 2\n", encoding="utf-8")
    assert kept_table("t", (str(source),), lambda: np.arange(4.0)).tolist() == [0.0, 1.0, 2.0, 3.0]
