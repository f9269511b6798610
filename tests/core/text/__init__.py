"""Tests of core.text."""
