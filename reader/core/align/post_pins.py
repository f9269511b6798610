"""The embedded-post lines the aligner leaves out cheaply: a post's core, not the lines above."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from reader.core.text.kinds import Kind
from reader.core.text.posts import MEDIA_LINK


def pinned_posts(kinds: Sequence[Kind], texts: Sequence[str]) -> np.ndarray:
    """A flag per paragraph: an embedded post's line that is cheap to leave out (space's null
    bonus) and that the sentence pass leaves out where it stands (units.null_corners).

    A post's text ends with its media link ("… pic.twitter.com/…") above the attribution line.
    The lines `posts.find_posts` takes above that link are the post's when it runs over several
    lines, but where the article's own paragraphs have no full stops (TED's Arabic) they are
    often the article's, translated: cheap to leave out and pinned out, they never join the
    English sentence they translate (seeds 1-20: small 0.935 -> 0.945, small-coupled 0.980 ->
    0.985, book 0.949 -> 0.951, omission recall unchanged). They stay posts for detection; here
    they are plain paragraphs. A post with no link keeps all its lines."""
    flags = np.array([k is Kind.EMBEDDED_POST for k in kinds], dtype=bool)
    marked = np.flatnonzero(flags).tolist()
    k = len(marked) - 1
    while k >= 0:
        end = k  # a run of post lines, from its attribution line upwards
        while k > 0 and marked[k - 1] == marked[k] - 1:
            k -= 1
        lines = marked[k:end]  # the run but its last line, the attribution
        link = next((i for i in reversed(lines) if "/" in texts[i] and MEDIA_LINK.search(texts[i])),
                    None)
        if link is not None:
            flags[marked[k]:link] = False
        k -= 1
    return flags
