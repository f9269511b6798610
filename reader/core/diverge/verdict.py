"""Is this pair a translation, and which side is the original: decided before any divergence."""

# Whether: the share of matched beads (weighted by length) whose lexical match beats every
# control run of nearby target paragraphs (reader.core.align.evidence). A translation's beads
# almost all do (0.94-1.00 on the bench and the built-in pair); another talk, another book or
# another article on the same events leaves the programme only chance matches (0.13-0.45).
# Which side: the person's say first; else a side whose embedded posts the other leaves out
# (translations drop them), else the untranslated residue of the original's script left in the
# translation; else unknown. Thresholds and distributions: docs/benchmarks.md.

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal, get_args

import numpy as np

from reader.core.align.beads import Alignment
from reader.core.align.evidence import PairEvidence
from reader.core.diverge.scan import holding
from reader.core.text.document import Text
from reader.core.text.kinds import Kind

Original = Literal["source", "target"]
ORIGINALS: tuple[Original, ...] = get_args(Original)

# a pair scoring below this is not taken for a translation (bench: translations >= 0.90,
# unrelated texts <= 0.50; docs/benchmarks.md)
THRESHOLD = 0.65
# beads whose evidence is shrunk towards chance: a pair of a few paragraphs proves little
_PRIOR_WEIGHT = 1.0
_PRIOR = 0.3
# below this share of paragraphs in matched beads, the support of the few matched ones is
# scaled down: a stray quoted paragraph does not make two articles a translation
_COVERAGE = 0.4
# untranslated residue: letters in the other language's script, as a share of a side's letters
_RESIDUE_MIN = 0.005
_RESIDUE_CLEAN = 0.0005
_RESIDUE_MIN_LETTERS = 20
# the letters counted: [A-Za-z] and [\u0621-\u064a\u0671-\u06d3], by code point (UTF-16 units:
# a character beyond the Basic Multilingual Plane is two surrogates, neither a letter)
_LATIN, _ARABIC = 1, 2
_SCRIPT = np.zeros(0x10000, dtype=np.uint8)
_SCRIPT[ord("A") : ord("Z") + 1] = _SCRIPT[ord("a") : ord("z") + 1] = _LATIN
_SCRIPT[0x0621:0x064B] = _SCRIPT[0x0671:0x06D4] = _ARABIC
_NOT_PROSE = re.compile(r"\S*(?:https?://|www\.|pic\.)\S*|[@#]\w+")
# what a `_NOT_PROSE` match holds, one at least (none holds a space)
_NOT_PROSE_MARKS = ("http", "www.", "pic.", "@", "#")


@dataclass(frozen=True, slots=True)
class PairVerdict:
    """Whether two texts look like a translation of each other, how surely (0..1), which
    side is the original (None: unknown) and what says so."""

    is_translation: bool
    translation_score: float
    original: Original | None
    original_basis: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "is_translation": self.is_translation,
            "translation_score": round(self.translation_score, 3),
            "original": self.original,
        }

    def warning(self, source: str, target: str) -> str | None:
        """The one line a command prints when the pair is not a translation, else None."""
        if self.is_translation:
            return None
        return (
            f"{source} and {target} do not look like a translation of each other "
            f"(translation score {self.translation_score:.2f}, below {THRESHOLD:.2f}): "
            f"beads pair unrelated paragraphs and divergences are not meaningful"
        )


def translation_score(evidence: PairEvidence) -> float:
    """0..1: the smoothed, length-weighted share of matched beads better than their controls,
    scaled down when few paragraphs are matched at all."""
    cos = np.asarray(evidence.cosine)
    if cos.size == 0:
        return 0.0
    ls, lt = np.asarray(evidence.src_len), np.asarray(evidence.tgt_len)
    # both sides count alike whatever the pair's length ratio
    weight = ls / max(1.0, float(ls.mean())) + lt / max(1.0, float(lt.mean()))
    supported = (cos > np.asarray(evidence.control_best)) & (cos > 0)
    share = (float((weight * supported).sum()) + _PRIOR_WEIGHT * _PRIOR) / (
        float(weight.sum()) + _PRIOR_WEIGHT
    )
    total = evidence.src_paragraphs + evidence.tgt_paragraphs
    coverage = (evidence.matched_src + evidence.matched_tgt) / max(1, total)
    return float(min(1.0, share * min(1.0, coverage / _COVERAGE)))


def _posts_left_out(text: Text, alignment: Alignment, side: Original) -> int:
    """Embedded-post paragraphs of one side that the alignment leaves without counterpart."""
    count = 0
    for bead in alignment:
        members, other = (bead.src, bead.tgt) if side == "source" else (bead.tgt, bead.src)
        if not other:
            count += sum(text.paragraphs[i].kind is Kind.EMBEDDED_POST for i in members)
    return count


def _residue(text: Text) -> float:
    """Share of a text's prose letters written in the script of the other language."""
    texts = [p.text for p in text.paragraphs if p.kind in (Kind.BODY, Kind.HEADING)]
    # links, handles and hashtags are not prose: the few paragraphs that may hold one (the
    # pattern is slow to try at every place of a long text) are cleared of them
    for k in holding(texts, _NOT_PROSE_MARKS):
        texts[k] = _NOT_PROSE.sub(" ", texts[k])
    counts = np.zeros(3, dtype=np.int64)
    for start in range(0, len(texts), _CHUNK):  # a bounded copy at a time
        units = " ".join(texts[start : start + _CHUNK]).encode("utf-16-le", "surrogatepass")
        counts += np.bincount(_SCRIPT[np.frombuffer(units, np.uint16)], minlength=3)
    latin, arabic = int(counts[_LATIN]), int(counts[_ARABIC])
    foreign = latin if text.language == "ar" else arabic
    return foreign / max(1, latin + arabic) if foreign >= _RESIDUE_MIN_LETTERS else 0.0


_CHUNK = 2048  # paragraphs


def detect_original(
    source: Text, target: Text, alignment: Alignment
) -> tuple[Original | None, str]:
    """The side that looks like the original, and why; (None, "") when nothing tells."""
    posts = {"source": _posts_left_out(source, alignment, "source"),
             "target": _posts_left_out(target, alignment, "target")}
    if posts["source"] and not posts["target"]:
        return "source", "embedded posts the target leaves out"
    if posts["target"] and not posts["source"]:
        return "target", "embedded posts the source leaves out"
    if source.language != target.language:
        rs, rt = _residue(source), _residue(target)
        if rt >= _RESIDUE_MIN and rs <= _RESIDUE_CLEAN:
            return "source", "untranslated words of the source's language in the target"
        if rs >= _RESIDUE_MIN and rt <= _RESIDUE_CLEAN:
            return "target", "untranslated words of the target's language in the source"
    return None, ""


def judge(
    source: Text, target: Text, alignment: Alignment, original: Original | None = None
) -> PairVerdict:
    """The verdict on an aligned pair; `original` is the person's say, which wins. An alignment
    without evidence (read from a file, edited by hand) is taken for a translation."""
    evidence = alignment.evidence
    score = 1.0 if evidence is None else translation_score(evidence)
    is_translation = score >= THRESHOLD
    found: Original | None
    if original is not None:
        found, basis = original, "said by the user"
    elif is_translation:
        found, basis = detect_original(source, target, alignment)
    else:
        found, basis = None, ""  # two unrelated texts: neither translates the other
    return PairVerdict(is_translation, score, found, basis)


def discounted(alignment: Alignment, verdict: PairVerdict) -> Alignment:
    """The alignment as a reader should see it: a bead's confidence is the programme's
    posterior *given* that the texts translate each other, so where they do not, each is
    multiplied by the translation score (an unrelated pair shows 0.18, not 1.00). A paragraph
    left without counterpart keeps its own: in such a pair that is the likely truth. A bead a
    person made or confirmed is theirs, and kept as it is."""
    if verdict.is_translation:
        return alignment
    score = verdict.translation_score
    beads = [b if b.is_null or b.state != "automatic"
             else replace(b, confidence=b.confidence * score) for b in alignment]
    return Alignment(beads, alignment.n_src, alignment.n_tgt, evidence=alignment.evidence)
