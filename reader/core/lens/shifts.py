"""Label shifts in an aligned pair: which label the counterpart bead uses for each occurrence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.align.beads import Alignment
from reader.core.lens.documents import LensDocument
from reader.core.lens.families import TermFamily
from reader.core.lens.matching import Matcher, Occurrence, find_occurrences
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


def pair_occurrences(
    ours: Sequence[tuple[float, Occurrence]], theirs: Sequence[tuple[float, Occurrence]]
) -> list[Occurrence | None]:
    """For each of `ours` (relative place in the bead, occurrence), its counterpart among
    `theirs` or None: the order-keeping pairing of least cost, a pair costing the distance of
    the two places (plus OTHER_LABEL_COST between labels), an occurrence left alone
    UNPAIRED_COST. An edit distance, as small as a bead's occurrences are few."""
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
                c = here + abs(p - q) + (OTHER_LABEL_COST if a.label != b.label else 0.0)
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
    by count (most first). Every paragraph counts: the pair is read whole, as aligned."""
    if side not in SIDES:
        raise ValueError(f"side must be 'source' or 'target', not {side!r}")
    matcher = matcher or Matcher(families)
    wanted = {f.id for f in families}
    docs = (LensDocument("source", source), LensDocument("target", target))
    found = {d.id: find_occurrences([d], matcher, families=wanted, all_paragraphs=True)
             for d in docs}
    other = "target" if side == "source" else "source"
    texts = {"source": source, "target": target}
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
                                      _places(texts[other], theirs_paras, theirs))
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
