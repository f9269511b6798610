"""Tests of core.annotate."""
