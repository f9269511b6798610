"""Where the tests' own data lives, whatever the depth of the test module."""

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
