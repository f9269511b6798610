"""Tests of core.export."""
