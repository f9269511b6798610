"""Byte-exact reference outputs of every export format on the built-in pair."""
