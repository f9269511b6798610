"""Tests of ui.store."""
