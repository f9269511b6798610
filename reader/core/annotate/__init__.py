"""Annotations: records, codebooks, and finding annotated spans again in a changed text."""
