"""A side made in the second process, pickled as columns of plain fields instead of objects."""

# The second process (align.side_process) sends its side back pickled: ~4,150 paragraphs, each
# a Paragraph, an Anchors and a Features. A slots dataclass pickles through dataclasses'
# __getstate__/__setstate__ (Python code, a loop over its fields, once per object), which made
# most of the ~0.2 s of CPU both ways; and each Paragraph's text went along beside the text's
# content it is a slice of. Here each class's objects go as one list per field (their
# constructor rebuilds them: the same fields, in order) and a paragraph's text as the slice of
# the content it always is, so the side unpickled is equal to the one the child made.

from __future__ import annotations

from collections.abc import Sequence
from copyreg import dispatch_table
from dataclasses import fields, is_dataclass
from itertools import chain
from operator import attrgetter
from typing import Any, TypeVar

from reader.core.align.space import Side
from reader.core.anchors.features import Anchors, Features
from reader.core.text.document import Paragraph, Text

T = TypeVar("T")


def columns(cls: type, objects: Sequence[object]) -> tuple[list[Any], ...] | None:
    """Each field of `objects` (all exactly of `cls`, a dataclass whose constructor takes its
    fields in order) as a list; None when one is of another class."""
    if any(type(o) is not cls for o in objects):
        return None
    return tuple(list(map(attrgetter(f.name), objects)) for f in fields(cls))


def rows(cls: type[T], cols: tuple[list[Any], ...], n: int) -> list[T]:
    """The `n` objects of `cls` whose fields are `cols` (`columns`)."""
    return list(map(cls, *cols)) if cols else [cls() for _ in range(n)]


def packed_objects(cls: type, objects: Sequence[object]) -> tuple[object, ...]:
    """`objects` as `unpacked_objects` reads them back: by columns if they are all `cls`."""
    cols = columns(cls, objects)
    return (None, objects) if cols is None else (cls, cols, len(objects))


def unpacked_objects(packed: tuple[Any, ...]) -> list[Any]:
    if packed[0] is None:
        return list(packed[1])
    return rows(packed[0], packed[1], packed[2])


# An Anchors' numbers, dates and terms are frozen dataclasses (NumberMention, DateMention,
# TermMention: ~7,300 on the bench's large pair) which pickle as any object does: their class,
# then their __dict__ set back field by field, and a Python call (copyreg's) for each of them
# when they are pickled. Here each paragraph's list goes as its length and each mention as its
# __dict__, which both picklers handle in C; unpickled, each dict becomes a new mention's own
# __dict__, the very state pickle would have set (CPU in both processes: ~half).
_MENTIONS = ("numbers", "dates", "terms")
_set = object.__setattr__  # (a frozen dataclass refuses its own __setattr__)


def packed_mentions(lists: Sequence[list[Any]]) -> tuple[object, ...]:
    """Lists of objects (each paragraph's mentions) as `unpacked_mentions` reads them back:
    each object's __dict__ if they are all exactly of one class that pickles them by the
    default rule (a dataclass keeping its fields in its __dict__, none of pickle's hooks)."""
    flat = list(chain.from_iterable(lists))
    cls = type(flat[0]) if flat else None
    if (cls is None or not _pickled_by_dict(cls) or any(type(o) is not cls for o in flat)
            or len(set(map(id, flat))) != len(flat)):  # one object twice: pickled as is
        return (None, lists)
    return (cls, list(map(len, lists)), [o.__dict__ for o in flat])


def unpacked_mentions(packed: tuple[Any, ...]) -> list[list[Any]]:
    if packed[0] is None:
        return list(packed[1])
    cls, lengths, states = packed
    new = object.__new__
    made = []
    for state in states:
        obj = new(cls)
        _set(obj, "__dict__", state)
        made.append(obj)
    out, at = [], 0
    for n in lengths:
        out.append(made[at:at + n])
        at += n
    return out


def _pickled_by_dict(cls: type) -> bool:
    """Whether pickle saves an object of `cls` as its class and its __dict__, and loads it as
    a new object (no __init__) given that __dict__'s items."""
    return (is_dataclass(cls) and "__slots__" not in vars(cls) and cls not in dispatch_table
            and all(getattr(cls, name) is getattr(object, name)
                    for name in ("__reduce__", "__reduce_ex__", "__getstate__", "__new__"))
            and not hasattr(cls, "__setstate__") and not hasattr(cls, "__getnewargs_ex__")
            and not hasattr(cls, "__getnewargs__"))


def packed_anchors(anchors: Sequence[Anchors]) -> tuple[object, ...]:
    """Anchors as `unpacked_anchors` reads them back: by columns (`packed_objects`), their
    mentions by `packed_mentions`."""
    cols = columns(Anchors, anchors)
    if cols is None:
        return (None, anchors)
    names = [f.name for f in fields(Anchors)]
    kept = tuple(packed_mentions(col) if name in _MENTIONS else col
                 for name, col in zip(names, cols, strict=True))
    return (Anchors, kept, len(anchors))


def unpacked_anchors(packed: tuple[Any, ...]) -> list[Anchors]:
    if packed[0] is None:
        return list(packed[1])
    names = [f.name for f in fields(Anchors)]
    cols = tuple(unpacked_mentions(col) if name in _MENTIONS else col
                 for name, col in zip(names, packed[1], strict=True))
    return rows(Anchors, cols, packed[2])


def packed_text(text: Text) -> tuple[object, ...]:
    """A text as `unpacked_text` reads it back: its paragraphs by columns, their texts left
    out where they are the slice of the content they always are."""
    paragraphs = text.paragraphs
    content = text.content
    sliced = all(type(p) is Paragraph and p.text == content[p.start:p.end] for p in paragraphs)
    if type(text) is not Text or not sliced:
        return (text,)
    cols = columns(Paragraph, paragraphs)
    assert cols is not None
    names = [f.name for f in fields(Paragraph)]
    kept = tuple(None if name == "text" else col for name, col in zip(names, cols, strict=True))
    return (content, text.language, text.path, text.encoding, text.sha256, kept)


def unpacked_text(packed: tuple[Any, ...]) -> Text:
    if len(packed) == 1:
        return packed[0]
    content, language, path, encoding, sha256, kept = packed
    names = [f.name for f in fields(Paragraph)]
    start, end = kept[names.index("start")], kept[names.index("end")]
    cols = list(kept)
    cols[names.index("text")] = [content[a:b] for a, b in zip(start, end, strict=True)]
    paragraphs = rows(Paragraph, tuple(cols), len(start))
    return Text(content, paragraphs, language, path, encoding, sha256)


def packed_prepared(text: Text, anchors: list[Anchors], side: Side) -> tuple[object, ...]:
    """A side made ready (its text, anchors and Side) as `unpacked_prepared` reads it back:
    its features by columns, its paragraph texts left out where they are its text's."""
    texts = side.texts
    own = len(texts) == len(text.paragraphs) and all(
        a is p.text for a, p in zip(texts, text.paragraphs, strict=True))
    rest = tuple(None if f.name == "texts" and own else
                 packed_objects(Features, side.features) if f.name == "features" else
                 getattr(side, f.name) for f in fields(Side))
    return (packed_text(text), packed_anchors(anchors), own, rest)


def unpacked_prepared(packed: tuple[Any, ...]) -> tuple[Text, list[Anchors], Side]:
    text_packed, anchors_packed, own, rest = packed
    text = unpacked_text(text_packed)
    values = dict(zip((f.name for f in fields(Side)), rest, strict=True))
    values["features"] = unpacked_objects(values["features"])
    if own:
        values["texts"] = [p.text for p in text.paragraphs]
    return text, unpacked_anchors(anchors_packed), Side(**values)
