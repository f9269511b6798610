"""Every export format, byte for byte, against the reference files (see README.md here)."""

from __future__ import annotations

import io
import zipfile

import pytest

from tests.reference.build import HERE, build

REGENERATE = "python -m tests.reference.regenerate"
STORED = sorted(
    p.name for p in HERE.iterdir()
    if p.is_file() and p.suffix != ".py" and p.name != "README.md"
)


@pytest.fixture(scope="module")
def built() -> dict[str, bytes]:
    return build()


def test_every_output_has_a_reference_file(built: dict[str, bytes]) -> None:
    assert sorted(built) == STORED, f"run `{REGENERATE}` and review the new files"


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


@pytest.mark.parametrize("name", STORED)
def test_output_is_byte_identical(name: str, built: dict[str, bytes]) -> None:
    expected = (HERE / name).read_bytes()
    got = built[name]
    if name.endswith(".xlsx"):
        # the archive's deflate stream depends on the zlib build: compare what it holds,
        # member by member, in order
        assert list(_members(got)) == list(_members(expected))
        for member, content in _members(expected).items():
            assert _members(got)[member] == content, f"{name}: {member} differs"
        return
    assert got == expected, (
        f"{name} differs from the reference; if the change is meant, run `{REGENERATE}` and "
        "review the diff"
    )
