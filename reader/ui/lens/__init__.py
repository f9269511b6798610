"""The framing lens: label counts and chart, concordance, linked passages, label shifts."""
