"""Parallel Reader: an Arabic original beside its English translation."""

from __future__ import annotations

__version__ = "0.1.0"
