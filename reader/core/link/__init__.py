"""Passages about the same event across two documents that are not translations of each other."""
