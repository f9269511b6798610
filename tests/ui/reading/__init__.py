"""Tests of ui.reading."""
