"""Curation: where annotators disagree (overlapping spans), and the curated records that settle it.

A **conflict** is a cluster of overlapping anchored spans of the annotators in one paragraph
(spans chained by overlap form one cluster) unless every annotator has exactly one span there,
all with the same offsets and the same tags. A curator accepts one member, merges them, or
rejects them all; the result is an ordinary annotation by `CURATION` (the curated layer, which
exports like any other), and the **decision** records which members it settled.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from reader.core.annotate.agreement import CURATION, annotators_of
from reader.core.annotate.annotations import (
    Annotation,
    Status,
    new_id,
    now_iso,
    sort_key,
    span_at,
)
from reader.core.errors import InputError
from reader.core.text.document import Text


class Action(StrEnum):
    ACCEPT = "accept"
    MERGE = "merge"
    REJECT = "reject"


@dataclass(frozen=True, slots=True)
class Decision:
    """A curator's decision on the members of a conflict; `result` is the curated record's id."""

    id: str
    action: Action
    members: tuple[str, ...]
    result: str | None
    made: str


@dataclass(frozen=True, slots=True)
class Conflict:
    """Overlapping spans of one paragraph that the annotators did not mark alike."""

    side: str
    paragraph: int
    abs_start: int  # the cluster's extent in the whole text
    abs_end: int
    members: tuple[Annotation, ...]  # in text order
    missing: tuple[str, ...]  # annotators with no span here

    @property
    def key(self) -> frozenset[str]:
        return frozenset(a.id for a in self.members)

    @property
    def authors(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.author for a in self.members))

    @property
    def reason(self) -> str:
        """Why this is a conflict, in a few words."""
        if len(self.authors) == 1:
            return f"only {self.authors[0] or '(no name)'}"
        if len({frozenset(a.tags) for a in self.members}) > 1:
            return "tags differ"
        if self.missing:
            return "not by " + ", ".join(n or "(no name)" for n in self.missing)
        return "spans differ"


def find_conflicts(
    annotations: Iterable[Annotation], annotators: Sequence[str] | None = None
) -> list[Conflict]:
    """The conflicts among `annotators` (default: all but the curation layer), in text order."""
    records = [a for a in annotations if a.status is Status.ANCHORED and a.author != CURATION]
    names = tuple(annotators) if annotators is not None else tuple(annotators_of(records))
    records = sorted((a for a in records if a.author in names), key=sort_key)
    conflicts: list[Conflict] = []
    cluster: list[Annotation] = []
    end = -1
    for a in [*records, None]:
        if a is not None and cluster and (a.side, a.paragraph) == (
            cluster[0].side, cluster[0].paragraph
        ) and a.abs_start < end:
            cluster.append(a)
            end = max(end, a.abs_end)
            continue
        if cluster:
            found = _conflict(cluster, names)
            if found is not None:
                conflicts.append(found)
        if a is not None:
            cluster, end = [a], a.abs_end
    return conflicts


def _conflict(cluster: list[Annotation], names: Sequence[str]) -> Conflict | None:
    authors = [a.author for a in cluster]
    missing = tuple(n for n in names if n not in authors)
    alike = (
        not missing
        and len(set(authors)) == len(authors)
        and len({(a.abs_start, a.abs_end, frozenset(a.tags)) for a in cluster}) == 1
    )
    if alike:
        return None
    first = cluster[0]
    return Conflict(
        first.side, first.paragraph, min(a.abs_start for a in cluster),
        max(a.abs_end for a in cluster), tuple(cluster), missing,
    )


def decision_of(conflict: Conflict, decisions: Iterable[Decision]) -> Decision | None:
    """The decision that settled every member of a conflict, if one did."""
    key = conflict.key
    return next((d for d in decisions if key <= set(d.members)), None)


def accepted(member: Annotation) -> Annotation:
    """The curated copy of one annotator's annotation."""
    stamp = now_iso()
    return replace(member, id=new_id(), author=CURATION, created=stamp, modified=stamp)


def merged(conflict: Conflict, text: Text) -> Annotation:
    """One curated annotation over the whole cluster: every tag, every comment (signed)."""
    if not conflict.members:
        raise InputError("a conflict without annotations cannot be merged")
    span = span_at(text, conflict.side, conflict.abs_start, conflict.abs_end)
    members = conflict.members
    comments = [f"{a.author or '(no name)'}: {a.comment}" for a in members if a.comment.strip()]
    first = members[0]
    stamp = now_iso()
    return replace(
        first.with_span(span), id=new_id(), author=CURATION, created=stamp, modified=stamp,
        tags=tuple(dict.fromkeys(t for a in members for t in a.tags)),
        comment="\n\n".join(dict.fromkeys(comments)),
        severity=next((a.severity for a in members if a.severity), None),
        link=next((a.link for a in members if a.link is not None), None),
    )


def decide(
    conflict: Conflict, action: Action | str, text: Text, member: Annotation | None = None
) -> tuple[Decision, Annotation | None]:
    """The decision and the curated record (None for a rejection) of one action on a conflict."""
    action = Action(action)
    result: Annotation | None
    if action is Action.ACCEPT:
        if member is None or member.id not in conflict.key:
            raise InputError("accepting needs one of the conflict's own annotations")
        result = accepted(member)
    elif action is Action.MERGE:
        result = merged(conflict, text)
    else:
        result = None
    decision = Decision(
        new_id(), action, tuple(a.id for a in conflict.members),
        result.id if result is not None else None, now_iso(),
    )
    return decision, result
