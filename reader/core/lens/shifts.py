"""Label shifts in an aligned pair: which label the counterpart bead uses for each occurrence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.align.beads import Alignment
from reader.core.anchors.glossary import Glossary
from reader.core.annotate.annotations import (
    Annotation,
    TagRef,
    new_annotation,
    other_side,
    span_in,
)
from reader.core.arabic.normalise import fold_for_search
from reader.core.lens.documents import LensDocument
from reader.core.lens.families import TermFamily
from reader.core.lens.matching import Matcher, Occurrence, find_occurrences, is_arabic
from reader.core.text.document import Text

SIDES = ("source", "target")
# How an occurrence finds its counterpart in the other side's bead (see `pair_occurrences`):
# occurrences of a family are paired in order, each with the one at about the same relative
# place in the bead; an occurrence further than this (a share of the bead's length) from any
# it could pair with has none, which costs less than a far-fetched pair.
UNPAIRED_COST = 0.25
# Pairing two occurrences of different labels costs this much more than of the same label:
# only a tie-breaker, so that النظام العراقي … النظام السوري facing the Iraqi regime … Assad's
# regime pair as written.
OTHER_LABEL_COST = 0.02
# Which state an occurrence names, when its words tell (النظام العراقي, Iraq's leadership,
# Baghdad): the glossary's countries, and these capitals and rulers standing for theirs. Two
# occurrences naming the same state pair more readily (the bonus); two naming different
# states never do (the penalty is more than leaving both alone).
STANDS_FOR = {
    "baghdad": "iraq", "damascus": "syria", "tehran": "iran", "beirut": "lebanon",
    "washington": "united-states", "moscow": "russia", "ankara": "turkey",
    "riyadh": "saudi-arabia", "cairo": "egypt", "amman": "jordan", "doha": "qatar",
    "abu-dhabi": "uae", "sanaa": "yemen", "kabul": "afghanistan", "london": "united-kingdom",
    "paris": "france", "assad": "syria",
}
_STATE_CATEGORIES = ("country",)
SAME_STATE_BONUS = 0.15
OTHER_STATE_PENALTY = 1.0


@dataclass(frozen=True, slots=True)
class ShiftPairing:
    """One occurrence on one side, in its bead, and its counterpart on the other (or none)."""

    bead: int
    occurrence: Occurrence
    counterpart: Occurrence | None
    # every occurrence of the same family in the counterpart bead, paired or not: what the
    # other side uses there
    candidates: tuple[Occurrence, ...] = ()


@dataclass(frozen=True, slots=True)
class ShiftRow:
    """Occurrences of one form of a label, grouped by the form their counterparts use."""

    family: str
    label: str
    form: str  # the family's form, as written in its file (e.g. النظام العراقي)
    counterpart_label: str | None  # None: the counterpart bead has no label of the family left
    counterpart_form: str | None
    pairings: tuple[ShiftPairing, ...]

    @property
    def count(self) -> int:
        return len(self.pairings)

    @property
    def beads(self) -> tuple[int, ...]:
        """The beads of the row's occurrences, in order, each once."""
        return tuple(dict.fromkeys(p.bead for p in self.pairings))

    @property
    def changed(self) -> bool:
        """Whether the counterpart names the referent with another label (or with none)."""
        return self.counterpart_label != self.label


def states_named(text: str, glossary: Glossary | None = None) -> frozenset[str]:
    """The states a stretch of text names (glossary ids): النظام العراقي → {iraq},
    Baghdad's leaders → {iraq}, Assad's regime → {syria}; empty when it names none."""
    glossary = glossary or Glossary.load()
    lang = "ar" if is_arabic(fold_for_search(text)[0]) else "en"
    found = set()
    for mention in glossary.find_terms(text, lang):
        term = glossary.terms[mention.term_id]
        if mention.term_id in STANDS_FOR:
            found.add(STANDS_FOR[mention.term_id])
        elif term.category in _STATE_CATEGORIES:
            found.add(mention.term_id)
    return frozenset(found)


def _pair_cost(a: Occurrence, b: Occurrence, states: dict[str, frozenset[str]]) -> float:
    cost = OTHER_LABEL_COST if a.label != b.label else 0.0
    ours, theirs = states.get(a.text, frozenset()), states.get(b.text, frozenset())
    if ours and theirs:
        cost += -SAME_STATE_BONUS if ours & theirs else OTHER_STATE_PENALTY
    return cost


def pair_occurrences(
    ours: Sequence[tuple[float, Occurrence]],
    theirs: Sequence[tuple[float, Occurrence]],
    states: dict[str, frozenset[str]] | None = None,
) -> list[Occurrence | None]:
    """For each of `ours` (relative place in the bead, occurrence), its counterpart among
    `theirs` or None: the order-keeping pairing of least cost, a pair costing the distance of
    the two places (plus OTHER_LABEL_COST between labels, less SAME_STATE_BONUS when both
    name the same state, plus OTHER_STATE_PENALTY when they name different ones: `states`
    maps an occurrence's text to them), an occurrence left alone UNPAIRED_COST. An edit
    distance, as small as a bead's occurrences are few."""
    states = states or {}
    n, m = len(ours), len(theirs)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    step = [[0] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = cost[i][j]
            if here == inf:
                continue
            if i < n and here + UNPAIRED_COST < cost[i + 1][j]:
                cost[i + 1][j], step[i + 1][j] = here + UNPAIRED_COST, 1
            if j < m and here + UNPAIRED_COST < cost[i][j + 1]:
                cost[i][j + 1], step[i][j + 1] = here + UNPAIRED_COST, 2
            if i < n and j < m:
                (p, a), (q, b) = ours[i], theirs[j]
                c = here + abs(p - q) + _pair_cost(a, b, states)
                if c < cost[i + 1][j + 1]:
                    cost[i + 1][j + 1], step[i + 1][j + 1] = c, 3
    out: list[Occurrence | None] = [None] * n
    i, j = n, m
    while i or j:
        s = step[i][j]
        if s == 3:
            out[i - 1] = theirs[j - 1][1]
            i, j = i - 1, j - 1
        elif s == 1:
            i -= 1
        else:
            j -= 1
    return out


def _places(text: Text, paragraphs: Sequence[int], occurrences: Sequence[Occurrence]
            ) -> list[tuple[float, Occurrence]]:
    """Each occurrence with its relative place (0 to 1) in the bead's paragraphs joined."""
    offsets: dict[int, int] = {}
    total = 0
    for k in paragraphs:
        offsets[k] = total
        total += len(text.paragraphs[k].text) + 1
    total = max(total - 1, 1)
    return [((offsets[o.paragraph] + (o.start + o.end) / 2) / total, o) for o in occurrences]


def label_shifts(
    source: Text,
    target: Text,
    alignment: Alignment,
    families: Sequence[TermFamily],
    *,
    side: str = "source",
    matcher: Matcher | None = None,
) -> list[ShiftRow]:
    """For each occurrence of `families`' labels on `side`, the label its counterpart bead
    uses for it, aggregated into rows: (label, form) → (counterpart label, form) with the
    pairings behind each. Rows come by family, label and form in the families' order, then
    by count (most first). Every paragraph counts: the pair is read whole, as aligned. The
    occurrences' `document` is the side they are on ("source" or "target")."""
    if side not in SIDES:
        raise ValueError(f"side must be 'source' or 'target', not {side!r}")
    matcher = matcher or Matcher(families)
    wanted = {f.id for f in families}
    docs = (LensDocument("source", source), LensDocument("target", target))
    found = {d.id: find_occurrences([d], matcher, families=wanted, all_paragraphs=True)
             for d in docs}
    other = "target" if side == "source" else "source"
    texts = {"source": source, "target": target}
    glossary = Glossary.load()
    states = {o.text: states_named(o.text, glossary) for name in SIDES for o in found[name]}
    per_bead: dict[str, dict[int, list[Occurrence]]] = {"source": {}, "target": {}}
    for name in SIDES:
        for o in found[name]:
            per_bead[name].setdefault(alignment.bead_of(name, o.paragraph), []).append(o)
    pairings: list[ShiftPairing] = []
    for b, ours_all in sorted(per_bead[side].items()):
        bead = alignment[b]
        ours_paras = bead.src if side == "source" else bead.tgt
        theirs_paras = bead.tgt if side == "source" else bead.src
        theirs_all = per_bead[other].get(b, [])
        for family in families:
            ours = [o for o in ours_all if o.family == family.id]
            theirs = [o for o in theirs_all if o.family == family.id]
            if not ours:
                continue
            paired = pair_occurrences(_places(texts[side], ours_paras, ours),
                                      _places(texts[other], theirs_paras, theirs), states)
            pairings.extend(ShiftPairing(b, o, c, tuple(theirs))
                            for o, c in zip(ours, paired, strict=True))
    return _rows(pairings, families)


def _rows(pairings: Sequence[ShiftPairing], families: Sequence[TermFamily]) -> list[ShiftRow]:
    groups: dict[tuple[str, str, str, str | None, str | None], list[ShiftPairing]] = {}
    for p in pairings:
        o, c = p.occurrence, p.counterpart
        key = (o.family, o.label, o.form, c.label if c else None, c.form if c else None)
        groups.setdefault(key, []).append(p)
    order = {(f.id, label.id): (n, k) for n, f in enumerate(families)
             for k, label in enumerate(f.labels)}
    # within a label: its forms by how often they occur, then each form's counterparts so
    forms: dict[tuple[str, str, str], int] = {}
    for (fam, lab, form, _, _), members in groups.items():
        forms[(fam, lab, form)] = forms.get((fam, lab, form), 0) + len(members)
    rows = [ShiftRow(k[0], k[1], k[2], k[3], k[4], tuple(v)) for k, v in groups.items()]
    rows.sort(key=lambda r: (order[(r.family, r.label)], -forms[(r.family, r.label, r.form)],
                             r.form, -r.count, r.counterpart_label is None,
                             r.counterpart_label or "", r.counterpart_form or ""))
    return rows


# The translation-shifts codebook's tags a shift becomes (resources/codebooks/translation-shifts):
# another label → label substitution; no label of the family on the other side → the
# translation leaves the referent implicit (from the source side) or spells it out (from the
# target side). A row whose label did not change is no shift and gives no annotation.
SHIFT_CODEBOOK = "translation-shifts"
SUBSTITUTION = TagRef(SHIFT_CODEBOOK, "label_substitution")
LEFT_IMPLICIT = TagRef(SHIFT_CODEBOOK, "implicitation")
MADE_EXPLICIT = TagRef(SHIFT_CODEBOOK, "explicitation")


def shift_comment(row: ShiftRow, families: Sequence[TermFamily] = ()) -> str:
    """What an annotation of a row says: `Framing lens, Actors: regime «النظام العراقي» →
    state name «Iraq»` (label names from `families` when given, ids otherwise)."""
    family = next((f for f in families if f.id == row.family), None)

    def name(label_id: str) -> str:
        label = family.label(label_id) if family else None
        return label.name if label else label_id

    theirs = ("no label" if row.counterpart_label is None
              else f"{name(row.counterpart_label)} «{row.counterpart_form}»")
    return (f"Framing lens, {family.name if family else row.family}: "
            f"{name(row.label)} «{row.form}» → {theirs}")


def shift_annotations(
    rows: Sequence[ShiftRow],
    source: Text,
    target: Text,
    *,
    side: str = "source",
    families: Sequence[TermFamily] = (),
    author: str = "",
    existing: Sequence[Annotation] = (),
) -> list[Annotation]:
    """Annotations of the chosen rows' shifts (rows from `label_shifts(..., side=side)`): one
    per occurrence of a changed row, on its span, tagged from the translation-shifts codebook
    (SUBSTITUTION, or LEFT_IMPLICIT / MADE_EXPLICIT when the other side has no label), linked
    to the counterpart's span when there is one, with `shift_comment` as comment. A span that
    already carries the same tag in `existing` is skipped, so adding twice adds nothing. Pure:
    the window adds the list in one undoable step."""
    texts = {"source": source, "target": target}
    other = other_side(side)
    have = {(a.side, a.paragraph, a.start, a.end, t) for a in existing for t in a.tags}
    out: list[Annotation] = []
    for row in rows:
        if not row.changed:
            continue
        tag = (SUBSTITUTION if row.counterpart_label is not None
               else LEFT_IMPLICIT if side == "source" else MADE_EXPLICIT)
        comment = shift_comment(row, families)
        for p in row.pairings:
            o, c = p.occurrence, p.counterpart
            key = (side, o.paragraph, o.start, o.end, tag)
            if key in have:
                continue
            have.add(key)
            link = None if c is None else span_in(texts[other], other, c.paragraph, c.start,
                                                  c.end)
            out.append(new_annotation(texts[side], side, o.paragraph, o.start, o.end,
                                      tags=(tag,), comment=comment, author=author, link=link))
    return out
