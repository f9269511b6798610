"""The paragraph aligner: vector space, banded dynamic programme, sentence pass, beads."""
