"""Tests of reader/core/lens."""
