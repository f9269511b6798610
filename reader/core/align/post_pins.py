"""The embedded-post lines the aligner leaves out cheaply: a post's core, not the lines above."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from reader.core.align.beads import Bead
from reader.core.text.kinds import Kind

# The hosts of `posts.MEDIA_LINK`, each with its slash: a plain search for them costs
# microseconds where that pattern, ignoring case, costs a third of a millisecond on an
# Arabic line (large has ~60 posts, and this runs once a side and once a sentence pass).
_LINKS = ("twitter.com/", "t.co/", "x.com/", "facebook.com/", "fb.watch/", "instagram.com/",
          "instagr.am/", "t.me/", "telegram.me/", "youtube.com/", "youtu.be/")


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
        link = next((i for i in reversed(lines) if _has_link(texts[i])), None)
        if link is not None:
            flags[marked[k]:link] = False
        k -= 1
    return flags


def _has_link(text: str) -> bool:
    if "/" not in text:
        return False
    lowered = text.lower()
    return any(host in lowered for host in _LINKS)


def posts_out(beads: Sequence[Bead], posts: tuple[np.ndarray, np.ndarray],
              paragraph: tuple[np.ndarray, np.ndarray],
              left_out: tuple[np.ndarray, np.ndarray] | None) -> tuple[np.ndarray, np.ndarray]:
    """A flag per unit of each side (`paragraph`: each unit's paragraph): what no bead of the
    sentence pass may hold, the `posts` the paragraph pass's `beads` leave out and what
    `left_out` says (flags per paragraph). Where the Arabic runs on, such a post is kept out
    this way rather than pinned (units.null_corners): a pin holds the other side where the
    paragraph pass put it, and an English paragraph it put after the tweet stays there, left
    out, though it translates the end of the Arabic paragraph before the tweet (seeds 2, 5, 8,
    18: "Can you please follow along with me?" / "هل يمكنكم محاكاتي؟")."""
    out = []
    for side in (0, 1):
        flags = np.zeros(len(posts[side]), dtype=bool)
        for b in beads:
            if b.is_null:
                flags[list(b.src or b.tgt) if bool(b.src) == (side == 0) else []] = True
        flags &= posts[side]
        if left_out is not None:
            flags |= left_out[side]
        out.append(flags[paragraph[side]])
    return out[0], out[1]
