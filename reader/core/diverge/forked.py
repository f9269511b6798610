"""The sentence check in a forked second process while this one runs the other detectors."""

# On a long pair the sentence check (diverge.sentences: a sentence alignment of hundreds of
# beads) is two thirds of detection, and needs nothing the other detectors make. On the command
# line, with a core to spare (as for align.side_process), a child forked once the context is
# built runs it while this process runs the rest; its records come back pickled (a few kB) and
# take their place among the detectors' in order, so the output is that of one process. Should
# the child fail in any way, this process runs the check itself.

from __future__ import annotations

from reader.core.diverge.records import Divergence
from reader.core.second_process import core_to_spare
from reader.core.text.document import Text

# Below this many characters in the shorter text the check takes a few milliseconds: forking
# costs more than it saves
MIN_CHARS = 64 * 1024


def second_core(mode: str, source: Text, target: Text) -> bool:
    """Whether a second process pays for the pair: `mode` "no", "auto" (when a core is idle)
    or "yes" (even on a busy machine), as `reader align` and `reader diverge` say; Linux
    (fork is safe there with numpy loaded), more than one core, texts long enough."""
    if mode not in ("auto", "yes") or not core_to_spare(idle_core=mode == "auto"):
        return False
    return min(len(source.content), len(target.content)) >= MIN_CHARS


def are_divergences(found: object) -> bool:
    """Whether what a child sent back is a detector's result."""
    return isinstance(found, list) and all(isinstance(d, Divergence) for d in found)
