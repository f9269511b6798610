"""The domain: texts, Arabic handling, anchors, aligner, divergences, annotations (no Qt)."""
