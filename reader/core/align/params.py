"""The aligner's bead types and the weights of its bead score, declared in one place."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

# (source paragraphs, target paragraphs) of the beads the paragraph programme matches
MATCH_TYPES = [(1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (2, 2)]
# The sentence pass also matches one unit with four: a paragraph of unpunctuated Arabic (a third
# of the TED talks' segments have no full stop) is one unit against its translation's sentences.
UNIT_TYPES = [*MATCH_TYPES, (1, 4), (4, 1)]
# every bead type either programme considers (the back pointers index this tuple)
BEAD_TYPES: tuple[tuple[int, int], ...] = (*MATCH_TYPES, (1, 0), (0, 1), (1, 4), (4, 1))
NEG = np.float32(-1e30)


@dataclass(frozen=True, slots=True)
class AlignerParams:
    """Weights of the bead score and the search's extent. Tuned on bench cases of several seeds."""

    log_prior: dict[tuple[int, int], float] = field(
        default_factory=lambda: {
            (1, 1): 0.0,
            (1, 2): -2.3,
            (2, 1): -2.3,
            (1, 3): -4.5,
            (3, 1): -4.5,
            (2, 2): -4.5,
            (1, 0): -3.0,
            (0, 1): -3.0,
            (1, 4): -5.5,
            (4, 1): -5.5,
        }
    )
    lexical_weight: float = 35.0
    length_weight: float = 1.2
    length_outliers: float = 0.1  # share of beads whose length ratio is off the pair's norm
    length_outlier_scale: float = 4.0
    # where, between chance and a typical match, a paragraph's cosine counts as explained
    evidence_threshold: float = 0.3
    # a paragraph that is an embedded post, a duplicate or boilerplate: cheaper to leave out
    null_bonus_kind: float = 6.0
    band_min: int = 30
    band_fraction: float = 0.03
    band_refine: int = 10
    max_cells: int = 12_000_000  # cells of the band: bounds memory on very long texts
    passes: int = 2  # paragraph passes, before the sentence pass
    learn_min_count: int = 2
    learn_min_dice: float = 0.25
    learn_top: int = 1  # a source word's best partner only: the runners-up are mostly noise
    name_threshold: float = 0.82
    # word pairs learnt by IBM Model 1 (reader.core.align.model_one) instead of Dice (seeds
    # 1-20, strict F1 mean: small 0.882 -> 0.891, book 0.933 -> 0.936, coupled unchanged)
    model_one: bool = True
    # EM rounds: 1-3 learn more pairs (small 0.898) and many wrong ones (book 0.915-0.929);
    # 10 no better than 5
    model_one_iterations: int = 5
    model_one_confidence: float = 0.5  # beads the model learns from: matches at least this sure
    # at most this many of them, evenly spread: a 100 MB pair's 166,000 beads made 76 million
    # (bead, source word, target word) triples, 2 GB of arrays, for word pairs a sample finds
    model_one_max_beads: int = 12_000
    # pairs the model shares target words among: those met in this many beads, or the lexicon's
    model_one_support: int = 1  # 2: small 0.891 -> 0.885
    model_one_prior: float = 1.0  # pseudo-count a lexicon pair gets in every EM round
    model_one_null: float = 0.2  # the null word's weight against a bead's source words
    model_one_min: float = 0.2  # t(target | source) a learnt pair needs
    model_one_scale: float = 2.0  # a learnt pair's value: t times this, at most 1
    # the sentence pass (reader.core.align.units)
    unit_pass: bool = True
    unit_null_prior: float = -1.5  # leaving one sentence out
    unit_band: int = 8  # sentences either side of the paragraph path
    unit_pin: float = 0.9  # paragraphs left out this surely keep their boundaries
    # ... where the Arabic runs its sentences together (subunits.pin_threshold; above 1: no
    # pin; seeds 1-20, small: 0.95 0.934, 0.99 0.935 as none)
    unit_pin_run_on: float = 2.0
    # ... and there an embedded post is kept out of every bead but not pinned where the
    # paragraph pass put it (align.post_pins.posts_out; seeds 1-20: small 0.945 -> 0.950)
    unit_posts_free: bool = True
    # the sentence pass's lexical weight: lower than the paragraphs', as a sentence has fewer
    # words to be sure of (seeds 1-20: book strict F1 0.927 -> 0.932, small unchanged)
    unit_lexical_weight: float = 25.0
    # how far the sentence pass's priors lean towards the bead types the pair's sentence counts
    # call for (prior_tilt; 0: not at all, 1: as far as the counts say, up to the cap)
    unit_prior_tilt: float = 1.0
    # at most this far: a type's prior moves by (b - a) x this (seeds 1-20 and large 1-2: 0.5
    # gave small strict F1 +0.006 more, but the Bible's omission recall -0.01 to -0.02)
    unit_prior_tilt_cap: float = 0.3
    # an Arabic paragraph with no sentence break of its own cut where the facing English
    # paragraph boundary falls (reader.core.align.subunits; seeds 1-20: small strict F1
    # 0.891 -> 0.908): each part at least this many words (0: no cuts)
    unit_cut_min_words: int = 3
    # the score of giving a word to an English sentence: this times the share of the word's
    # translations found in it (1 and 10: small 0.007 and 0.005 lower) ...
    unit_cut_lexical: float = 3.0
    # ... less the square of how far off its place in proportion to length it is, in shares
    # of the bead's English length, over this (0.1, 0.25: 0.005-0.01 lower)
    unit_cut_spread: float = 0.15
    unit_cut_switch: float = 1.0  # moving on to the next English sentence (0.2-1.0: ±0.003)
    # a cut towards an English sentence outside the bead needs its words' say: their shares
    # of translations there at least this (omission recall: an English paragraph left out is
    # not to find an Arabic piece cut to its measure)
    unit_cut_outside: float = 0.5
    # Arabic sentences are cut only where the matched paragraphs have more English sentences
    # than this times the Arabic ones
    unit_cut_ratio: float = 1.0
    # the sentence pass scores a bead holding pieces of one cut sentence as if it held the
    # sentence whole (reader.core.align.subjoins; seeds 1-20: small 0.906 -> 0.909 alone)
    unit_cut_free_joins: bool = True
    # cut where the words move on to another English sentence, not only to another English
    # paragraph (seeds 1-20, with free joins: small 0.909 -> 0.912; without them 0.890) ...
    unit_cut_sentences: bool = True
    # ... in any Arabic sentence, not only those of a paragraph with no sentence break (with
    # free joins: small 0.918 -> 0.920; the built-in pair keeps its beads)
    unit_cut_punctuated: bool = True
    # the last Arabic sentence of a bead offered a cut that leaves a tail as long as the next
    # bead's first English sentence would be in Arabic (reader.core.align.subedges; seeds
    # 1-20: small 0.920 -> 0.932): each part at least this many words (0: no such cuts) ...
    unit_edge_min_words: int = 3
    # ... and the tail at most this long (Arabic visible characters; 25, 35, 60: 0.926-0.929)
    unit_edge_longest: float = 45.0
    # a bead of one unit facing a speech's announcement ("..., saying,") and the speech's first
    # unit gets this share of the prior it would have if they were one sentence
    # (reader.core.align.open_ends; seeds 1-20: large 0.9209 -> 0.9238; 1.0: 0.9250 but
    # omission recall 0.886 -> 0.882, 0.75: 0.9246 and 0.885)
    unit_open_joins: float = 0.5
    # the English sentences at a paragraph's edges cut after every colon and semicolon, the
    # pieces joined again at no cost (align.clause_cuts; seeds 1-20: large 0.9251 -> 0.9355,
    # book 0.9509 -> 0.9585): each part before a cut has this many words (0: no cuts) ...
    unit_clause_words: int = 3
    # ... where the pair's Arabic units are at least this many times the English ones (not
    # TED's) ...
    unit_clause_pair_ratio: float = 1.1
    # ... in the paragraph pass's beads whose Arabic units are more than this many times
    # their English ones (1.0: book's omission recall 0.906 -> 0.904; none: 0.898) ...
    unit_clause_ratio: float = 1.3
    # ... and a clause linked apart from its sentence costs this (2.0: large 0.9347)
    unit_clause_apart: float = 1.0
    # the sentences inside a paragraph cut too (large 0.9358; English units on large
    # seed 1: 10,620 uncut, 12,864 at the edges, 13,639 all)
    unit_clause_inside: bool = False
    # an edge paragraph of a bead that shares no translated word of its own with the other
    # side is left out (reader.core.align.edge_cover)
    unit_trim_uncovered: bool = True
    # and a paragraph left out beside a bead whose other side translates it joins it
    unit_join_covered: bool = True


DEFAULT_PARAMS = AlignerParams()


def unit_scoring(params: AlignerParams, tilt: float = 0.0) -> AlignerParams:
    """The weights the sentence pass scores units with; each match type's prior plus `tilt`
    times the number of units it takes on the second side more than on the first."""
    return replace(
        params,
        lexical_weight=params.unit_lexical_weight,
        log_prior={t: p + (tilt * (t[1] - t[0]) if t[0] and t[1] else 0.0)
                   for t, p in params.log_prior.items()},
    )


def prior_tilt(params: AlignerParams, ratio: float) -> float:
    """The tilt (see `unit_scoring`) under which the match types' priors expect `ratio` units
    of the second side for each of the first: the exponential tilting of the priors that
    matches the pair's own counts, times `unit_prior_tilt`.

    Units left out are not tilted: tilting every type, those included, adds the same to every
    path (the tilt times the difference of the sides' unit counts) and changes nothing. So the
    tilt amounts to leaving out a unit of the side with more units per bead costing more than
    one of the other side: such a unit is more often a piece of a longer bead (a TED segment
    the Arabic runs into the next one) than a sentence the translation left out. Measured on
    seeds 1-20 and held out on 41-100 (docs/benchmarks.md): small strict F1 up, book up a
    little, coupled unchanged, large down a little and the Bible's omission recall down where
    the Arabic, cut finer, is the side whose units cost more to leave out."""
    if params.unit_prior_tilt == 0.0 or not ratio > 0:
        return 0.0
    types = UNIT_TYPES
    base = np.array([params.log_prior[t] for t in types])
    a = np.array([t[0] for t in types], dtype=float)
    b = np.array([t[1] for t in types], dtype=float)

    def expected(lam: float) -> float:
        w = np.exp(base + lam * (b - a))
        return float((w * b).sum() / (w * a).sum())

    lo, hi = -3.0, 3.0
    for _ in range(40):  # the expected ratio grows with the tilt
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if expected(mid) < ratio else (lo, mid)
    cap = params.unit_prior_tilt_cap
    return params.unit_prior_tilt * min(cap, max(-cap, (lo + hi) / 2))
