"""Divergence detection: one module per family of detectors, and the finder that runs them."""
