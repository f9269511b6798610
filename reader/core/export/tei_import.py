"""Reading an InterText (TEI `linkGrp`) alignment file as beads over a pair's paragraphs.

The format is the one `tei.py` writes (its docstring). An id names a paragraph by its container
number: `12:3` (InterText's default numbering, sentence 3 of paragraph 12) and long ids ending in
`…:12:3` are paragraph 12; a one-part id (`12`, `s12`) is paragraph 12 itself. Links finer than a
paragraph (InterText aligns sentences) are joined into paragraph beads, as the sentence pass
joins paragraphs whose sentences are linked. `man` links come in confirmed, the rest automatic.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.align.beads import Alignment, AlignmentError, Bead, BeadState
from reader.core.errors import InputError
from reader.core.files import read_bytes
from reader.core.store.workspace import Workspace

MAX_TEI_BYTES = 200 * 1024 * 1024
STATE_OF_STATUS: dict[str, BeadState] = {"man": "confirmed", "auto": "automatic",
                                         "plain": "automatic"}
_NUMBER = re.compile(r"\d+")
# An entity declaration is how an XML file makes a parser expand text without end or read
# other files; an alignment never needs one.
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)


@dataclass(slots=True)
class _Group:
    """Links sharing a paragraph: one bead to be."""

    src: set[int] = field(default_factory=set)
    tgt: set[int] = field(default_factory=set)
    confirmed: bool = True
    first_link: int = 0


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _link_group(root: ET.Element) -> ET.Element:
    if _local(root.tag) == "linkGrp":
        return root
    groups = [e for e in root.iter() if _local(e.tag) == "linkGrp"]
    if len(groups) != 1:
        raise InputError(
            "holds no linkGrp element (not an alignment file)" if not groups
            else f"holds {len(groups)} linkGrp elements; import one pair's alignment at a time"
        )
    return groups[0]


def parse_tei(path: str | Path) -> ET.Element:
    """The file's `linkGrp` element; a one-line InputError if the file is not one."""
    path = Path(path)
    raw = read_bytes(path, what="TEI alignment file", max_bytes=MAX_TEI_BYTES)
    if _ENTITY.search(raw):
        raise InputError("declares XML entities, which an alignment file never needs", path)
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        line, column = exc.position
        raise InputError(f"is not well-formed XML (line {line}, column {column + 1})",
                         path) from None
    try:
        return _link_group(root)
    except InputError as exc:
        raise InputError(exc.problem, path) from None


def paragraph_of(element_id: str) -> int | None:
    """The 0-based paragraph an InterText id names (see the module docstring), None if the
    id holds no number."""
    numbers = _NUMBER.findall(element_id)
    if not numbers:
        return None
    return int(numbers[-2] if len(numbers) >= 2 else numbers[0]) - 1


def _version(name: str) -> str:
    """InterText's version of a `text.version.xml` name, up to a dash ("cs-00" -> "cs")."""
    stem = Path(name).name.removesuffix(".gz").removesuffix(".xml")
    if "." not in stem:
        return ""
    # the text's own name may hold dots; the version is the last part
    return stem.rsplit(".", 1)[1].split("-")[0].lower()


def from_doc_is_target(group: ET.Element, source_language: str, target_language: str) -> bool:
    """Whether the file aligns the other way round (fromDoc = our target), by the versions in
    its documents' names; InterText's first version, fromDoc, is our source otherwise."""
    from_version = _version(group.get("fromDoc", ""))
    to_version = _version(group.get("toDoc", ""))
    return (
        source_language != target_language
        and from_version == target_language.lower()
        and to_version == source_language.lower()
    )


def _ids(field_text: str, n: int, side: str, k: int) -> list[tuple[str, int]]:
    out = []
    for element_id in field_text.split():
        paragraph = paragraph_of(element_id)
        if paragraph is None or not 0 <= paragraph < n:
            raise InputError(
                f"link {k}: id {element_id!r} names no paragraph of the {side} "
                f"(it has {n})"
            )
        out.append((element_id, paragraph))
    return out


def _groups(links: list[ET.Element], n_src: int, n_tgt: int, swapped: bool) -> list[_Group]:
    """Links joined into beads, in order: a link sharing a paragraph with a bead joins it (and
    every bead after it); one naming an element an earlier link names overlaps it (an
    error). Beads out of order are found when they become beads."""
    groups: list[_Group] = []
    seen_ids: dict[tuple[str, str], int] = {}
    owner: dict[tuple[str, int], int] = {}
    for k, link in enumerate(links, 1):
        xtargets = link.get("xtargets")
        if xtargets is None or xtargets.count(";") != 1:
            raise InputError(f"link {k}: xtargets must be 'ids;ids', not {xtargets!r}")
        to_ids, from_ids = xtargets.split(";")
        src_field, tgt_field = (to_ids, from_ids) if swapped else (from_ids, to_ids)
        src = _ids(src_field, n_src, "source", k)
        tgt = _ids(tgt_field, n_tgt, "target", k)
        if not src and not tgt:
            continue  # InterText may keep an empty position; it aligns nothing
        for side, ids in (("source", src), ("target", tgt)):
            for element_id, _ in ids:
                if (side, element_id) in seen_ids:
                    raise InputError(
                        f"link {k}: id {element_id!r} is already in link "
                        f"{seen_ids[side, element_id]} (links overlap)"
                    )
                seen_ids[side, element_id] = k
        keys = [("source", p) for _, p in src] + [("target", p) for _, p in tgt]
        earlier = [owner[key] for key in keys if key in owner]
        if not earlier:
            groups.append(_Group(first_link=k))
        elif min(earlier) < len(groups) - 1:
            # sentence links reaching back over a left-out paragraph: one bead from there on
            first = min(earlier)
            for later in groups[first + 1:]:
                _join(groups[first], later)
            del groups[first + 1:]
            owner.update({key: first for key, g in owner.items() if g > first})
        group = groups[-1]
        group.src.update(p for _, p in src)
        group.tgt.update(p for _, p in tgt)
        group.confirmed &= link.get("status", "plain") == "man"
        for key in keys:
            owner[key] = len(groups) - 1
    return groups


def _join(into: _Group, other: _Group) -> None:
    into.src |= other.src
    into.tgt |= other.tgt
    into.confirmed &= other.confirmed


def _beads(groups: list[_Group], n_src: int, n_tgt: int) -> list[Bead]:
    """The groups as beads in order; paragraphs no link names are left out (1:0, 0:1) where
    they fall."""
    beads: list[Bead] = []
    i = j = 0
    for group in groups:
        src, tgt = sorted(group.src), sorted(group.tgt)
        for side, run, start in (("source", src, i), ("target", tgt, j)):
            if run and (run[0] < start or run != list(range(run[0], run[0] + len(run)))):
                raise InputError(
                    f"link {group.first_link}: {side} paragraphs {[p + 1 for p in run]} are "
                    "out of order or not consecutive"
                )
        if src:
            beads += [Bead((p,), (), 1.0) for p in range(i, src[0])]
            i = src[-1] + 1
        if tgt:
            beads += [Bead((), (p,), 1.0) for p in range(j, tgt[0])]
            j = tgt[-1] + 1
        state: BeadState = "confirmed" if group.confirmed else "automatic"
        beads.append(Bead(tuple(src), tuple(tgt), 1.0, state))
    beads += [Bead((p,), (), 1.0) for p in range(i, n_src)]
    beads += [Bead((), (p,), 1.0) for p in range(j, n_tgt)]
    return beads


def read_tei_alignment(
    path: str | Path,
    n_src: int,
    n_tgt: int,
    *,
    source_language: str = "",
    target_language: str = "",
) -> Alignment:
    """The alignment an InterText file holds over texts of n_src and n_tgt paragraphs; an
    InputError naming the file and the link at fault if it cannot be one."""
    path = Path(path)
    group = parse_tei(path)
    swapped = from_doc_is_target(group, source_language, target_language)
    links = [e for e in group if _local(e.tag) == "link"]
    if not links:
        raise InputError("holds no link elements", path)
    try:
        beads = _beads(_groups(links, n_src, n_tgt, swapped), n_src, n_tgt)
        return Alignment(beads, n_src, n_tgt)
    except (InputError, AlignmentError) as exc:
        problem = exc.problem if isinstance(exc, InputError) else str(exc)
        raise InputError(problem, path) from None


def import_tei(workspace: Workspace, path: str | Path) -> Alignment:
    """Make an InterText alignment file the workspace's alignment (one transaction)."""
    docs = {d.side: d for d in workspace.documents()}
    alignment = read_tei_alignment(
        path, docs["source"].paragraphs, docs["target"].paragraphs,
        source_language=docs["source"].language, target_language=docs["target"].language,
    )
    workspace.set_alignment(alignment)
    return alignment


def looks_like_tei(path: str | Path) -> bool:
    """Whether a file to import is XML (an alignment) rather than JSON (annotations)."""
    try:
        with Path(path).open("rb") as fh:
            head = fh.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return False
    return head.startswith(b"<")
