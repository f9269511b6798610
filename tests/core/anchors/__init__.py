"""Tests of core.anchors."""
