"""Tests of ui.annotate."""
