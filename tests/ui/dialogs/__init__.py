"""Tests of ui.dialogs."""
