"""Tests of ui.window."""
