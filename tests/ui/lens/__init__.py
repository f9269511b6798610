"""Tests of ui.lens."""
