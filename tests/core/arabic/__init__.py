"""Tests of core.arabic."""
