"""Tests of ui.app."""
