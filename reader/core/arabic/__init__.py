"""Arabic text handling: normalisation, one affix table, a light stemmer, name skeletons."""
