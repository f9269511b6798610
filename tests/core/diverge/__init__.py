"""Tests of core.diverge."""
