"""Tests of core.corpus."""
