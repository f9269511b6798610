"""The sentence pass's English units: a short last clause after a colon or semicolon as a piece."""

# The Arabic Bible ends many verses with a short sentence of their own («إِنَّهُ نَجِسٌ.»,
# «أَنَا الرَّبُّ.», «دَمُهُمَا عَلَيْهِمَا.») where the King James Version closes the verse's
# sentence with a clause after a colon or semicolon ("...: it is unclean.", "...: I am the
# LORD.", "...; their blood shall be upon them."), too short for colon_cuts to cut (fewer
# than MIN_WORDS words). In the sentence pass such an Arabic tail can join its own verse (a
# 2:1 bead with the verse, then a 1:1 with the next) or the next verse (a 1:1, then a 2:1):
# the priors are the same, its few words match the next verse's as well as its own (law
# verses repeat them), and it went forward often enough to cut or merge paragraph beads
# wherever a paragraph ends there (seeds 1-20: most of large's beads cut in two or merged
# in Leviticus). Cut off as a piece of its own, the English clause is the tail's 1:1 partner;
# the pieces are joined again at no cost (align.subjoins), so a cut the words do not take
# changes nothing.

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.align.colon_cuts import MIN_WORDS

# the last ":" or ";" before white space, and what follows it up to the end
_LAST = re.compile(r"[:;]\s+(?=[^:;]*$)")


def tail_cuts(texts: Sequence[str], pieces: list, min_words: int) -> list:
    """`pieces` (align.units.Piece) with each piece's last clause after a colon or semicolon
    cut off as a piece of its own, where that clause has fewer than MIN_WORDS words (longer
    ones colon_cuts cut already, where a capital follows) and the rest of the piece at least
    `min_words` (0: `pieces` itself, nothing cut). The same list when nothing is cut."""
    if min_words <= 0:
        return pieces
    out = []
    cut = False
    for p in pieces:
        text = texts[p.paragraph][p.start:p.end]
        m = _LAST.search(text) if (":" in text or ";" in text) else None
        if m is None or len(text[m.end():].split()) >= MIN_WORDS or not text[m.end():].strip() \
                or len(text[:m.start()].split()) < min_words:
            out.append(p)
            continue
        visible = max(1, len(text) - text.count(" "))
        head = text[:m.start() + 1]
        share = (len(head) - head.count(" ")) / visible
        out.append(type(p)(p.paragraph, p.start, p.start + m.start() + 1, p.length * share))
        out.append(type(p)(p.paragraph, p.start + m.end(), p.end, p.length * (1 - share)))
        cut = True
    return out if cut else pieces
