"""The framing lens: term families, where their labels occur, counts, concordance, shifts."""
