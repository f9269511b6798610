"""Sentences left out inside n:m beads, found by aligning the beads' sentences."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from reader.core.align.aligner import align_segment_batch
from reader.core.align.batch import batch_group
from reader.core.align.beads import Bead
from reader.core.align.params import DEFAULT_PARAMS
from reader.core.anchors.features import Features, find_anchors, known_anchors
from reader.core.anchors.glossary import Glossary
from reader.core.anchors.lexicon import Lexicon
from reader.core.anchors.parts import sentence_anchors
from reader.core.arabic.normalise import keep_fold, side_folds
from reader.core.arabic.stemmer import Stemmer
from reader.core.diverge.context import (
    COMPARED,
    LINK_MARKS,
    Context,
    Side,
    alnum_counts,
    clip,
    content_length,
    same_objects,
)
from reader.core.diverge.records import Divergence, DivergenceKind, Severity, Span
from reader.core.diverge.scan import holding
from reader.core.diverge.sentence_features import sentence_features
from reader.core.diverge.thresholds import Thresholds
from reader.core.text.sentences import Sentence, sentence_places, split_sentences


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence of a compared paragraph, and its content length."""

    paragraph: int
    sentence: Sentence
    length: int
    index: int = 0  # the sentence's place among its paragraph's


Candidate = tuple[int, list[Segment], list[Segment]]  # a bead, its source and target sentences


def find_sentence_omissions(ctx: Context) -> list[Divergence]:
    """Inside a 1:n or n:1 bead, sentences the aligner leaves without counterpart when it
    aligns the bead's sentences with the same anchors, lexicon and length model."""
    candidates = sentence_candidates(ctx)
    memo = ctx.memo
    runs = [(ctx.alignment[b].src, ctx.alignment[b].tgt) for b, _, _ in candidates]
    known = [memo.get(r) if memo is not None else None for r in runs]
    todo = [k for k, found in enumerate(known) if found is None]
    for k, beads in zip(todo, _align(ctx, [candidates[k] for k in todo]), strict=True):
        known[k] = beads
    aligned = [beads for beads in known if beads is not None]
    if memo is not None:
        memo.keep(dict(zip(runs, aligned, strict=True)))
    out: list[Divergence] = []
    for (b, s_segs, t_segs), sub_beads in zip(candidates, aligned, strict=True):
        out += _unmatched_sentences(ctx.src, ctx.tgt, b, s_segs, t_segs, sub_beads,
                                    ctx.thresholds)
    return out


def check_candidates(ctx: Context, candidates: Sequence[Candidate]) -> list[list[Divergence]]:
    """What `find_sentence_omissions` finds in each of these candidates (no memo): a part of
    the check, when its candidates are a union of `candidate_groups` (diverge.forked)."""
    return [_unmatched_sentences(ctx.src, ctx.tgt, b, s_segs, t_segs, sub_beads, ctx.thresholds)
            for (b, s_segs, t_segs), sub_beads in zip(candidates, _align(ctx, candidates),
                                                        strict=True)]


def candidate_groups(ctx: Context, candidates: Sequence[Candidate]) -> list[int]:
    """The group of `batch.batch_group` each candidate's sentences are aligned in: the
    candidates of different groups are aligned apart from one another, so those of a few
    groups can be checked alone (`check_candidates`) and find the same."""
    return [batch_group(len(s), len(t), ctx.src.lang, ctx.tgt.lang, DEFAULT_PARAMS)
            for _, s, t in candidates]


def _align(ctx: Context, candidates: Sequence[Candidate]) -> list[list[Bead]]:
    """Each candidate's sentence alignment, all in one programme: align_segments on each would
    pay the aligner's fixed cost per bead, most of the time for a handful of sentences."""
    if not candidates:
        return []
    src, tgt = ctx.src, ctx.tgt
    glossary = ctx.glossary if ctx.glossary is not None else Glossary.load()
    stemmer = Lexicon.load().stemmer  # the batch's (align_segment_batch)
    src_features = _SentenceFeatures(src, glossary, stemmer)
    tgt_features = _SentenceFeatures(tgt, glossary, stemmer)
    src_features.read([x.paragraph for _, s_segs, _ in candidates for x in s_segs])
    tgt_features.read([y.paragraph for _, _, t_segs in candidates for y in t_segs])
    return align_segment_batch(
        [([x.sentence.text for x in s_segs], [y.sentence.text for y in t_segs])
         for _, s_segs, t_segs in candidates],
        src.lang, tgt.lang, glossary,
        features=[(src_features.of(s_segs), tgt_features.of(t_segs))
                  for _, s_segs, t_segs in candidates],
    )


class _SentenceFeatures:
    """The features `align_segment_batch` gives a side's sentences (`paragraph_features` of
    each with `find_anchors` of it, `glossary` and `stemmer`): their anchors mostly taken from
    their paragraph's (anchors.parts), their words mostly from the paragraph's features the
    aligner made (diverge.sentence_features)."""

    def __init__(self, side: Side, glossary: Glossary, stemmer: Stemmer) -> None:
        self.side = side
        self.glossary = glossary
        self.stemmer = stemmer
        # the side's anchors are those of its paragraphs with this glossary only when they are
        # the ones the aligner kept for the text (a caller may pass others); then the
        # paragraphs' features given with them are the aligner's
        kept = known_anchors(side.text, glossary)
        self.trusted = kept is not None and same_objects(kept, side.anchors)
        self.found: dict[int, list[Features]] = {}

    def read(self, paragraphs: Sequence[int]) -> None:
        """Make the features of these paragraphs' sentences now, in one go: an Arabic side's
        search folds (whether a paragraph may hold a date, anchors.parts) made for all of them
        at once, each handed to the fold's memory before its paragraph is read (numpy's fixed
        cost paid once, not once a paragraph: ~40 % of those folds' time), as
        features.text_anchors does."""
        todo = [i for i in dict.fromkeys(paragraphs) if i not in self.found]
        if self.side.lang != "ar":
            for i in todo:
                self.found[i] = self._paragraph(i)
            return
        texts = [self.side.paragraph(i).text for i in todo]
        for i, text, fold in zip(todo, texts, side_folds(texts), strict=True):
            if fold is not None:
                keep_fold(text, *fold)
            self.found[i] = self._paragraph(i)

    def of(self, segs: Sequence[Segment]) -> list[Features]:
        out = []
        for seg in segs:
            i = seg.paragraph
            if i not in self.found:
                self.found[i] = self._paragraph(i)
            out.append(self.found[i][seg.index])
        return out

    def _paragraph(self, i: int) -> list[Features]:
        text, lang = self.side.paragraph(i).text, self.side.lang
        anchors = (self.side.anchors[i] if self.trusted
                   else find_anchors(text, lang, self.glossary))
        sentences = split_sentences(text, lang)
        features = self.side.features
        return sentence_features(
            text, features[i] if features is not None and self.trusted else None, anchors,
            sentences, sentence_anchors(text, anchors, sentences, lang, self.glossary), lang,
            self.glossary, self.stemmer,
        )


def segments(side: Side, members: Sequence[int]) -> list[Segment]:
    """The sentences of the members whose kind is compared, in order."""
    return _with_lengths([_sentences(side, members)])[0]


def _sentences(side: Side, members: Sequence[int]) -> list[tuple[int, int, Sentence]]:
    """(paragraph, place, sentence) of each sentence of the members whose kind is compared."""
    out: list[tuple[int, int, Sentence]] = []
    for i in members:
        p = side.paragraph(i)
        if p.kind not in COMPARED:
            continue
        out.extend((i, k, s) for k, s in enumerate(split_sentences(p.text, side.lang)))
    return out


def _with_lengths(runs: Sequence[list[tuple[int, int, Sentence]]]) -> list[list[Segment]]:
    """Each run's sentences as Segments, their content lengths counted all at once
    (`content_length` one by one where there may be a link)."""
    texts = [s.text for run in runs for _, _, s in run]
    counts = alnum_counts(texts)
    for k in holding(texts, LINK_MARKS):
        counts[k] = content_length(texts[k])
    each = iter(counts)  # (not a slice of the rest for each run: that is quadratic)
    return [[Segment(i, s, n, k) for (i, k, s), n in zip(run, each, strict=False)]
            for run in runs]


def sentence_candidates(ctx: Context) -> list[Candidate]:
    """The beads worth aligning sentence by sentence, with their sentences: 1:n or n:1, and
    short of at least a sentence's length."""
    chosen = []
    th = ctx.thresholds
    for b, bead in _short_beads(ctx):
        s_sents = _sentences(ctx.src, bead.src)
        t_sents = _sentences(ctx.tgt, bead.tgt)
        if _few_enough(len(s_sents), len(t_sents), th):
            chosen.append((b, s_sents, t_sents))
    return _segmented(chosen)


def candidate_beads(ctx: Context) -> list[tuple[int, int, int, int]]:
    """`sentence_candidates` without their sentences: each one's bead, its sides' numbers of
    sentences and all its sentences' characters, counted from where the sentences lie (no
    sentence made: diverge.forked's child makes only those of its share)."""
    chosen = []
    th = ctx.thresholds
    for b, bead in _short_beads(ctx):
        n, s_chars = _sentence_places(ctx.src, bead.src)
        m, t_chars = _sentence_places(ctx.tgt, bead.tgt)
        if _few_enough(n, m, th):
            chosen.append((b, n, m, s_chars + t_chars))
    return chosen


def bead_groups(ctx: Context, beads: Sequence[tuple[int, int, int, int]]) -> list[int]:
    """`candidate_groups` of the candidates of `candidate_beads`."""
    return [batch_group(n, m, ctx.src.lang, ctx.tgt.lang, DEFAULT_PARAMS)
            for _, n, m, _ in beads]


def _short_beads(ctx: Context) -> Iterator[tuple[int, Bead]]:
    """The 1:n and n:1 beads (and n:m) a side of which is short of at least a sentence."""
    src, tgt, th = ctx.src, ctx.tgt, ctx.thresholds
    ratio = ctx.length_model.ratio
    for b, bead in enumerate(ctx.alignment):
        if bead.is_null or (len(bead.src) == 1 and len(bead.tgt) == 1):
            continue
        # a side as long as the pair's ratio predicts cannot lack a whole long sentence
        ls = sentence_chars(src, bead.src)
        lt = sentence_chars(tgt, bead.tgt)
        # a missing sentence leaves the bead short by at least that sentence, beyond the
        # ordinary spread of translation lengths (Gale and Church: variance grows with length)
        spread = math.sqrt(th.sentence_length_variance * ratio * max(ls, 1))
        if abs(lt - ls * ratio) < max(th.sentence_min_chars * min(ratio, 1.0), 1.5 * spread):
            continue
        yield b, bead


def _few_enough(n: int, m: int, th: Thresholds) -> bool:
    """Whether a bead of n source and m target sentences is aligned sentence by sentence."""
    return bool(n and m) and n + m >= 3 and max(n, m) <= th.sentence_max_per_side


def _sentence_places(side: Side, members: Sequence[int]) -> tuple[int, int]:
    """How many sentences the members whose kind is compared hold (`_sentences`), and their
    characters, from where the sentences lie."""
    n = chars = 0
    for i in members:
        p = side.paragraph(i)
        if p.kind not in COMPARED:
            continue
        places = sentence_places(p.text, side.lang)
        n += len(places) // 2
        chars += sum(places[1::2]) - sum(places[::2])
    return n, chars


def candidates_of(ctx: Context, beads: Sequence[int]) -> list[Candidate]:
    """The candidates `sentence_candidates` finds among these beads, when they are some of its
    candidates (diverge.forked: what a child found, made again here from the beads alone)."""
    src, tgt, alignment = ctx.src, ctx.tgt, ctx.alignment
    return _segmented([(b, _sentences(src, alignment[b].src), _sentences(tgt, alignment[b].tgt))
                       for b in beads])


def _segmented(chosen: Sequence[tuple[int, list[tuple[int, int, Sentence]],
                                      list[tuple[int, int, Sentence]]]]) -> list[Candidate]:
    """The beads' sentences as Segments, the lengths of all of them counted in one go."""
    segs = _with_lengths([run for _, s_sents, t_sents in chosen for run in (s_sents, t_sents)])
    return [(b, segs[2 * n], segs[2 * n + 1]) for n, (b, _, _) in enumerate(chosen)]


def sentence_chars(side: Side, members: Sequence[int]) -> int:
    """What the lengths of the members' sentences (their Segments) add up to, most of the
    time without cutting the sentences: they hold every letter and digit of the paragraph,
    and only where there may be a link can a paragraph's count differ from its sentences'."""
    if not _is_run(members):
        return sum(_sentence_chars(side, i) for i in members)
    total = side.run_length(members)  # the paragraphs' lengths (finder: nothing read again)
    links = side.links
    if links:
        for i in members:
            if i in links:
                total += _sentence_chars(side, i) - (
                    side.lengths[i] if side.paragraph(i).kind in COMPARED else 0)
    return total


def _sentence_chars(side: Side, i: int) -> int:
    """`sentence_chars` of one paragraph."""
    p = side.paragraph(i)
    if p.kind not in COMPARED:
        return 0
    if i in side.links:
        return sum(content_length(s.text) for s in split_sentences(p.text, side.lang))
    return side.lengths[i]


def _is_run(members: Sequence[int]) -> bool:
    """Whether the members are consecutive paragraphs, ascending (a bead's side), not none."""
    n = len(members)
    if not n or members[-1] - members[0] != n - 1:
        return False
    return n < 3 or all(b == a + 1 for a, b in pairwise(members))


def _unmatched_sentences(
    src: Side, tgt: Side, b: int, s_segs: list[Segment], t_segs: list[Segment],
    sub_beads: Sequence[Bead], th: Thresholds,
) -> list[Divergence]:
    """The sentences of bead `b` that its sentence alignment `sub_beads` leaves out."""
    out: list[Divergence] = []
    for sub in sub_beads:
        if sub.src and not sub.tgt:
            side, other, segs = src, tgt, [s_segs[k] for k in sub.src]
        elif sub.tgt and not sub.src:
            side, other, segs = tgt, src, [t_segs[k] for k in sub.tgt]
        else:
            continue
        for seg in segs:
            if seg.length < th.sentence_min_chars:
                continue
            out.append(
                Divergence(
                    kind=DivergenceKind.SENTENCE_OMISSION,
                    severity=Severity.WARNING,
                    side=side.name,
                    paragraphs=(seg.paragraph,),
                    detail=(
                        f"the sentence ‘{clip(seg.sentence.text, 60)}’ has no counterpart "
                        f"in {other.the_paragraph()}s"
                    ),
                    bead=b,
                    spans=(Span(side.name, seg.paragraph, seg.sentence.start, seg.sentence.end),),
                )
            )
    return out
