"""Dialogs for opening a pair, browsing the corpus and setting preferences."""
