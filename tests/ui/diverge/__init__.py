"""Tests of ui.diverge."""
