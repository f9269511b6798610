"""Bringing a workspace up to date with a pair whose texts changed: re-anchoring annotations."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.align.beads import Alignment, Bead
from reader.core.annotate.annotations import SIDES, Annotation
from reader.core.annotate.reanchor import ReanchorResult
from reader.core.pair import Pair
from reader.core.store.workspace import Workspace


@dataclass(slots=True)
class SyncReport:
    """What bringing a workspace up to date with the texts shown did."""

    reanchored: list[ReanchorResult] = field(default_factory=list)

    @property
    def orphans(self) -> list[Annotation]:
        return [a for r in self.reanchored for a in r.annotations if a.id in set(r.orphaned)]

    @property
    def changed_sides(self) -> int:
        return len(self.reanchored)


def is_up_to_date(workspace: Workspace, pair: Pair) -> bool:
    """Whether the workspace holds the pair's texts as they are (nothing to re-anchor)."""
    return all(
        workspace.document(side).sha256 == text.sha256
        for side, text in (("source", pair.source), ("target", pair.target))
    )


def _null_alignment(n_src: int, n_tgt: int) -> Alignment:
    beads = [Bead((i,), (), 0.0) for i in range(n_src)]
    beads += [Bead((), (j,), 0.0) for j in range(n_tgt)]
    return Alignment(beads, n_src, n_tgt)


def _made_by_hand(workspace: Workspace) -> bool:
    """Whether any stored bead was edited or confirmed by a person."""
    return any(b.state != "automatic" for b in workspace.alignment())


def sync_with_pair(workspace: Workspace, pair: Pair) -> SyncReport:
    """Re-anchor the annotations of each side whose text changed since the workspace saw it,
    storing the new texts and the pair's alignment, unless a person edited or confirmed
    beads and the changed text kept its number of paragraphs (then the stored alignment
    stays); long for a book, so run off the GUI."""
    report = SyncReport()
    texts = {"source": pair.source, "target": pair.target}
    for side in SIDES:
        text = texts[side]
        stored = workspace.document(side)
        if stored.sha256 == text.sha256:
            continue
        other = workspace.document("target" if side == "source" else "source")
        counts = (len(text), other.paragraphs) if side == "source" else (
            other.paragraphs, len(text))
        alignment: Alignment | None = None
        if len(text) == stored.paragraphs and _made_by_hand(workspace):
            pass  # the paragraphs kept their numbers: the beads a person made still hold
        elif counts == (len(pair.source), len(pair.target)):
            alignment = pair.alignment
        elif len(text) != stored.paragraphs:
            # the other side changes too; its turn brings the real alignment
            alignment = _null_alignment(*counts)
        report.reanchored.append(workspace.reanchor(text, side, alignment))
    return report
