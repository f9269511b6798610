"""What `reader align` and `reader diverge` share about the pair: --original, and the warning."""

from __future__ import annotations

import argparse
import sys

from reader.core.pair import Pair


def add_original(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--original", choices=("source", "target"), default=None,
        help="which text is the original (default: detected where the texts tell, e.g. embedded "
             "posts only one side has); divergences are phrased from its side",
    )


def warn_if_unrelated(pair: Pair) -> None:
    """One line on stderr when the two texts do not look like a translation (exit status 0)."""
    if pair.verdict is None:
        return
    line = pair.verdict.warning(pair.source.name, pair.target.name)
    if line is not None:
        print(f"reader: warning: {line}", file=sys.stderr)
