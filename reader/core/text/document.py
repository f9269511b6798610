"""Reading a text file: paragraphs with their offsets and kinds, in a Text."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.errors import InputError
from reader.core.files import read_bytes
from reader.core.text.decoding import decode_bytes, normalise_newlines
from reader.core.text.kinds import Kind, classify
from reader.core.text.language import RTL_LANGUAGES, detect_language

# A file larger than this is refused rather than read into memory whole.
MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph; `text` is always `content[start:end]` of its Text (code points)."""

    index: int
    start: int
    end: int
    text: str
    kind: Kind = Kind.BODY
    # for EMBEDDED_POST paragraphs: the index of the post they belong to (0-based, per text)
    post: int | None = None


@dataclass(slots=True)
class Text:
    """A decoded text and its paragraphs."""

    content: str
    paragraphs: list[Paragraph]
    language: str
    path: Path | None = None
    encoding: str = "utf-8"
    sha256: str = field(default="")

    @property
    def direction(self) -> str:
        return "rtl" if self.language in RTL_LANGUAGES else "ltr"

    @property
    def name(self) -> str:
        return self.path.name if self.path else "<text>"

    def __len__(self) -> int:
        return len(self.paragraphs)


def _is_blank(line: str) -> bool:
    # str.strip() drops exactly the characters str.isspace() accepts: what is left must be
    # all format characters (usually nothing is left, or its first character is a letter)
    rest = line.strip()
    return not rest or all(c.isspace() or unicodedata.category(c) == "Cf" for c in rest)


def _strip_span(content: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past white space and invisible format characters at both ends."""
    while start < end and _is_blank(content[start]):
        start += 1
    while end > start and _is_blank(content[end - 1]):
        end -= 1
    return start, end


def _line_span(line: str, line_start: int) -> tuple[int, int] | None:
    """The span `_strip_span` gives a line, or None when the line is blank."""
    rest = line.strip()
    if not rest:
        return None
    if unicodedata.category(rest[0]) != "Cf" and unicodedata.category(rest[-1]) != "Cf":
        # the common case: white space alone around the text, which str.strip() measures
        lead = len(line) - len(line.lstrip())
        return line_start + lead, line_start + lead + len(rest)
    if _is_blank(rest):
        return None
    start, end = _strip_span(line, 0, len(line))
    return line_start + start, line_start + end


def split_paragraphs(content: str, *, blocks: bool = False) -> list[tuple[int, int]]:
    """Paragraph spans: each non-blank line, or with `blocks` each blank-line separated block."""
    spans: list[tuple[int, int]] = []
    pos = 0
    if not blocks:
        for line in content.split("\n"):
            span = _line_span(line, pos)
            pos += len(line) + 1
            if span is not None:
                spans.append(span)
        return spans
    block_start: int | None = None
    block_end = 0
    for line in content.split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        if _is_blank(line):
            if block_start is not None:
                spans.append(_strip_span(content, block_start, block_end))
                block_start = None
            continue
        if block_start is None:
            block_start = line_start
        block_end = line_end
    if block_start is not None:
        spans.append(_strip_span(content, block_start, block_end))
    return spans


def text_from_string(
    content: str,
    *,
    path: Path | None = None,
    encoding: str = "utf-8",
    blocks: bool = False,
    language: str | None = None,
    utf8: bytes | None = None,
) -> Text:
    """Build a Text from already-decoded content (line ends are normalised here); `utf8`, if
    given, is the content's UTF-8 encoding (its digest is taken of it, not of a new copy)."""
    content = normalise_newlines(content)
    spans = split_paragraphs(content, blocks=blocks)
    texts = [content[s:e] for s, e in spans]
    kinds, post_of = classify(texts)
    paragraphs = [
        Paragraph(i, s, e, t, k, p)
        for i, ((s, e), t, k, p) in enumerate(zip(spans, texts, kinds, post_of, strict=True))
    ]
    return Text(
        content=content,
        paragraphs=paragraphs,
        language=language or detect_language(content),
        path=path,
        encoding=encoding,
        sha256=hashlib.sha256(content.encode("utf-8") if utf8 is None else utf8).hexdigest(),
    )


def load_text(
    path: str | Path,
    *,
    blocks: bool = False,
    encoding: str | None = None,
    language: str | None = None,
) -> Text:
    """Read and split a text file. Raises InputError naming the file and the problem."""
    path = Path(path)
    data = read_bytes(path, what="text file", max_bytes=MAX_FILE_BYTES)
    if not data:
        raise InputError("is empty", path)
    try:
        content, used = decode_bytes(data, encoding)
    except InputError as exc:
        raise InputError(exc.problem, path) from None
    # a file read as UTF-8, without a byte-order mark or a carriage return, is its content's
    # encoding already (strict UTF-8 decodes and encodes back byte for byte)
    same = used == "utf-8" and not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data
    text = text_from_string(content, path=path, encoding=used, blocks=blocks, language=language,
                            utf8=data if same else None)
    if not text.paragraphs:
        raise InputError("has no paragraphs (it holds only blank lines)", path)
    return text
