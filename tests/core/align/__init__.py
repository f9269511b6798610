"""Tests of core.align."""
