"""Where each divergence's review stands: its key, the reviewer's verdict, and ignore rules."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from reader.core.diverge.records import Divergence
from reader.core.errors import InputError

SOURCE, TARGET = "source", "target"


class ReviewStatus(StrEnum):
    """OPEN until someone looks; IGNORED comes from an ignore rule, never from a review row."""

    OPEN = "open"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"  # a false positive
    IGNORED = "ignored"


# what a person can set on one divergence (IGNORED is set through a rule)
REVIEW_STATUSES = (ReviewStatus.OPEN, ReviewStatus.CONFIRMED, ReviewStatus.DISMISSED)
STATUS_ORDER: dict[str, int] = {str(s): n for n, s in enumerate(ReviewStatus)}


def parse_statuses(values: Iterable[str]) -> frozenset[ReviewStatus]:
    """`open`, `open,confirmed`, or several such values (repeated options); `all` for every
    status. Raises InputError naming a status it does not know."""
    out: set[ReviewStatus] = set()
    for value in values:
        for word in value.split(","):
            word = word.strip().lower()
            if not word:
                continue
            if word == "all":
                out.update(ReviewStatus)
                continue
            try:
                out.add(ReviewStatus(word))
            except ValueError:
                raise InputError(
                    f"unknown review status {word!r} (choose from "
                    f"{', '.join(ReviewStatus)} or all)"
                ) from None
    return frozenset(out)


@dataclass(frozen=True, slots=True, order=True)
class ReviewKey:
    """What identifies a divergence across re-alignments: its kind, side and place in the text
    (paragraphs and spans, never the bead number, which a re-alignment changes)."""

    kind: str
    side: str
    place: str


def review_key(d: Divergence) -> ReviewKey:
    paragraphs = ",".join(str(p) for p in d.paragraphs)
    spans = " ".join(f"{s.side[0]}{s.paragraph}:{s.start}-{s.end}" for s in d.spans)
    return ReviewKey(str(d.kind), d.side, f"{paragraphs}|{spans}" if spans else paragraphs)


@dataclass(frozen=True, slots=True)
class Review:
    """A reviewer's verdict on one divergence, kept by its key (even once the divergence is
    gone, e.g. after the alignment changed: the row is then simply not used)."""

    key: ReviewKey
    status: ReviewStatus
    comment: str = ""
    detail: str = ""  # what the divergence said when it was reviewed
    modified: str = ""


@dataclass(frozen=True, slots=True)
class IgnoreRule:
    """Ignore every divergence of `kind` whose values on one side are `source` (or `target`)
    and, when the rule names values for the other side too, whose bead's same-kind divergences
    on that side include them: name ‘لبنان’ ↔ ‘Beirut’ ignores Lebanon left unmatched where
    Beirut stands unmatched across from it, and Beirut there too. `label` is what people read;
    `scope` is "workspace" or "global" (the user's settings)."""

    kind: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    label: str = ""
    comment: str = ""
    scope: str = "workspace"

    def __post_init__(self) -> None:
        if not self.source and not self.target:
            raise InputError("an ignore rule needs values on one side at least")

    @property
    def ident(self) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        """Two rules with the same ident are the same rule (whatever their label)."""
        return (self.kind, self.source, self.target)

    def values_on(self, side: str) -> tuple[str, ...]:
        return self.source if side == SOURCE else self.target

    def to_json(self) -> dict[str, object]:
        return {"kind": self.kind, "source": list(self.source), "target": list(self.target),
                "label": self.label, "comment": self.comment}

    @classmethod
    def from_json(cls, raw: object, scope: str = "global") -> IgnoreRule | None:
        """A rule from settings; None for anything that is not one (a hand-edited file)."""
        if not isinstance(raw, Mapping):
            return None
        kind, source, target = raw.get("kind"), raw.get("source"), raw.get("target")
        if not isinstance(kind, str) or not isinstance(source, list) \
                or not isinstance(target, list):
            return None
        if not all(isinstance(v, str) for v in (*source, *target)) or not (source or target):
            return None
        return cls(kind, tuple(source), tuple(target), str(raw.get("label") or ""),
                   str(raw.get("comment") or ""), scope)


def counterpart_values(
    divergences: Sequence[Divergence], index: int, beads: Sequence[int] | None = None
) -> tuple[str, ...]:
    """The values of the divergences of the same kind on the other side of the same bead:
    what the translation has where this one is missing (‘Beirut’ across from ‘لبنان’)."""
    d = divergences[index]
    bead = beads[index] if beads is not None else d.bead
    out: list[str] = []
    for n, e in enumerate(divergences):
        b = beads[n] if beads is not None else e.bead
        if b == bead and bead is not None and e.kind == d.kind and e.side != d.side:
            out += [v for v in e.values if v not in out]
    return tuple(out)


def rule_for(
    divergences: Sequence[Divergence], index: int, counterpart: Sequence[str] = (),
    *, label: str = "", comment: str = "", scope: str = "workspace",
    beads: Sequence[int] | None = None,
) -> IgnoreRule:
    """The rule that ignores this divergence everywhere: its kind and values, and, if given,
    the values it faces on the other side (chosen from counterpart_values)."""
    d = divergences[index]
    if not d.values:
        raise InputError("this divergence names no value an ignore rule could match")
    if any(v not in counterpart_values(divergences, index, beads) for v in counterpart):
        raise InputError("the other side's values must be among those facing it in its bead")
    mine, theirs = tuple(d.values), tuple(counterpart)
    source, target = (mine, theirs) if d.side == SOURCE else (theirs, mine)
    return IgnoreRule(str(d.kind), source, target, label, comment, scope)


def matching_rule(
    d: Divergence, counterpart: Sequence[str], rules: Iterable[IgnoreRule]
) -> IgnoreRule | None:
    """The first rule that ignores `d`, given the values it faces (counterpart_values)."""
    other = TARGET if d.side == SOURCE else SOURCE
    for rule in rules:
        if rule.kind != d.kind or rule.values_on(d.side) != tuple(d.values):
            continue
        wanted = rule.values_on(other)
        if all(v in counterpart for v in wanted):
            return rule
    return None


@dataclass(frozen=True, slots=True)
class ReviewState:
    """Where one divergence stands now: its status, comment, and the rule that ignores it."""

    status: ReviewStatus = ReviewStatus.OPEN
    comment: str = ""
    rule: IgnoreRule | None = field(default=None)

    @property
    def is_open(self) -> bool:
        return self.status is ReviewStatus.OPEN


def review_states(
    divergences: Sequence[Divergence],
    reviews: Mapping[ReviewKey, Review],
    rules: Sequence[IgnoreRule] = (),
    beads: Sequence[int] | None = None,
) -> list[ReviewState]:
    """The state of each divergence, in the same order. A verdict given to the divergence
    itself (confirmed, dismissed) stands over a rule; a rule stands over "open". `beads` gives
    each divergence's bead when some have none of their own (posts): rules that name the other
    side's values compare divergences bead by bead."""
    out: list[ReviewState] = []
    # the values of each (bead, kind, side), gathered once: rules compare across the bead
    values: dict[tuple[int | None, str, str], list[str]] = {}
    if rules:
        for n, d in enumerate(divergences):
            found = values.setdefault((beads[n] if beads is not None else d.bead, d.kind,
                                       d.side), [])
            found += [v for v in d.values if v not in found]
    for n, d in enumerate(divergences):
        review = reviews.get(review_key(d))
        comment = review.comment if review else ""
        if review is not None and review.status is not ReviewStatus.OPEN:
            out.append(ReviewState(review.status, comment))
            continue
        bead = beads[n] if beads is not None else d.bead
        other = TARGET if d.side == SOURCE else SOURCE
        facing = values.get((bead, d.kind, other), []) if bead is not None else []
        rule = matching_rule(d, facing, rules) if rules and d.values else None
        if rule is not None:
            out.append(ReviewState(ReviewStatus.IGNORED, comment or rule.comment, rule))
        else:
            out.append(ReviewState(ReviewStatus.OPEN, comment))
    return out


def bead_numbers(
    divergences: Sequence[Divergence], bead_of: Callable[[str, int], int]
) -> list[int]:
    """Each divergence's bead: its own, else that of its first paragraph (`bead_of(side, i)`,
    e.g. Alignment.bead_of)."""
    return [
        d.bead if d.bead is not None else (bead_of(d.side, d.paragraphs[0]) if d.paragraphs
                                           else -1)
        for d in divergences
    ]
