"""The divergence list and its legend."""
