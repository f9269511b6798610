"""One regular expression shaped as a trie, matching any of many sequences of atoms."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def trie_regex(sequences: Iterable[list[str]]) -> str:
    """One regex alternation, shaped as a trie, matching any sequence of regex atoms.

    Alternatives at a node share their prefix, so the engine tests each character once instead of
    once per term; an optional tail is greedy, so the longest term wins at a position.
    """
    trie: dict[str, Any] = {}
    for atoms in sequences:
        node = trie
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [atom + emit(child) for atom, child in node.items() if atom]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return emit(trie)
