"""Reading a text file: decoding, paragraphs with their offsets, their kinds, the language."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from reader.core.errors import InputError
from reader.core.files import read_bytes

# A file larger than this is refused rather than read into memory whole.
MAX_FILE_BYTES = 200 * 1024 * 1024


class Kind(StrEnum):
    """What a paragraph is, as far as alignment and divergences care."""

    BODY = "body"
    HEADING = "heading"
    EMBEDDED_POST = "embedded_post"
    DUPLICATE = "duplicate"
    BOILERPLATE = "boilerplate"


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


RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "he", "ps", "ku"})

_BOMS: list[tuple[bytes, str]] = [
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
]
_BOM_NAMES = {
    "utf-8-sig": "utf-8",
    "utf-32-le": "utf-32",
    "utf-32-be": "utf-32",
    "utf-16-le": "utf-16",
    "utf-16-be": "utf-16",
}


def _is_arabic_letter(ch: str) -> bool:
    o = ord(ch)
    return (
        0x0600 <= o <= 0x06FF
        or 0x0750 <= o <= 0x077F
        or 0x08A0 <= o <= 0x08FF
        or 0xFB50 <= o <= 0xFDFF
        or 0xFE70 <= o <= 0xFEFF
    ) and ch.isalpha()


def _plausible_windows_1256(text: str) -> bool:
    """Whether bytes read as Windows-1256 look like Arabic text rather than noise."""
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return True
    arabic = sum(1 for c in non_ascii if _is_arabic_letter(c) or c in "،؛؟ـ")
    return arabic / len(non_ascii) >= 0.8


def _position(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    return f"line {line}, byte {offset}"


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode a file's bytes; return (text, encoding used). Raises InputError(problem).

    Tries, in order: a byte-order mark (UTF-8, UTF-16, UTF-32), strict UTF-8, then
    Windows-1256 when the result reads as Arabic. Anything else is refused with the place of
    the first bad byte, so that a mixed or wrong encoding is never silently garbled.
    """
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"cannot be decoded as {encoding}: {exc}") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(name), _BOM_NAMES[name]
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"undecodable bytes at {_position(data, exc.start + len(bom))} "
                    f"(the file is marked {_BOM_NAMES[name]})"
                ) from None
    if b"\x00" in data:
        raise InputError("looks like a binary file (it holds NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    if text and _plausible_windows_1256(text):
        return text, "windows-1256"
    raise InputError(
        f"undecodable bytes at {_position(data, utf8_error.start)}: "
        "not UTF-8, UTF-16 or Windows-1256 text"
    )


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; offsets everywhere count code points of this text."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _is_blank(line: str) -> bool:
    return all(c.isspace() or unicodedata.category(c) == "Cf" for c in line)


def _strip_span(content: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past white space and invisible format characters at both ends."""
    while start < end and _is_blank(content[start]):
        start += 1
    while end > start and _is_blank(content[end - 1]):
        end -= 1
    return start, end


def split_paragraphs(content: str, *, blocks: bool = False) -> list[tuple[int, int]]:
    """Paragraph spans: each non-blank line, or with `blocks` each blank-line separated block."""
    spans: list[tuple[int, int]] = []
    pos = 0
    block_start: int | None = None
    block_end = 0
    for line in content.split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        if _is_blank(line):
            if blocks and block_start is not None:
                spans.append(_strip_span(content, block_start, block_end))
                block_start = None
            continue
        if blocks:
            if block_start is None:
                block_start = line_start
            block_end = line_end
        else:
            spans.append(_strip_span(content, line_start, line_end))
    if blocks and block_start is not None:
        spans.append(_strip_span(content, block_start, block_end))
    return spans


_ARABIC_LETTERS = re.compile(r"[\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f]")
_LATIN_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f]")


def detect_language(text: str) -> str:
    """'ar' when Arabic-script letters outnumber Latin ones, else 'en' (the pair's two sides)."""
    sample = text[:200_000]
    arabic = len(_ARABIC_LETTERS.findall(sample))
    latin = len(_LATIN_LETTERS.findall(sample))
    return "ar" if arabic > latin else "en"


def paragraph_is_rtl(text: str, default: bool) -> bool:
    """Whether a paragraph should be laid out right to left: by its letters, not its first one."""
    arabic = sum(1 for c in text if _is_arabic_letter(c))
    latin = sum(1 for c in text if c.isalpha() and ord(c) < 0x0250)
    if arabic == latin:
        return default
    return arabic > latin


_BOILERPLATE = re.compile(
    r"^(no comments?:?|\d+ comments?:?|post a comment|newer post|older post|home|"
    r"subscribe to:.*|labels?:.*|share this( article)?:?|posted by .*|read more:?|"
    r"advertisement|related( articles)?:?|لا توجد تعليقات|اقرأ أيضا:?|شارك:?|إعلان)$",
    re.IGNORECASE,
)
_TERMINAL = ".!?؟:;,،…\"”»'"


def _looks_like_heading(text: str, next_text: str | None) -> bool:
    words = text.split()
    if not words or len(words) > 14 or len(text) > 110:
        return False
    if text[-1] in '.,;:،؛…"”' or next_text is None:
        return False
    if re.search(r"\d{1,2}/\d{1,2}/\d{2,4}|[“”\"]", text):
        return False  # a reference or a quotation, not a heading
    return len(next_text) > len(text)


def _fold_for_duplicates(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def find_duplicates(paragraph_texts: list[str], min_chars: int = 40) -> set[int]:
    """Paragraphs that repeat another one: the same text again, or a truncated copy of it.

    Scrapes repeat a lead as a teaser ("… the Islamic Resistance who’d gone there ...") or a
    first sentence as a pull quote; the shorter or later copy is the duplicate.
    """
    folded = [_fold_for_duplicates(t.strip().rstrip(".…").strip()) for t in paragraph_texts]
    buckets: dict[str, list[int]] = {}
    for i, f in enumerate(folded):
        if len(f) >= min_chars:
            buckets.setdefault(f[:min_chars], []).append(i)
    duplicates: set[int] = set()
    for members in buckets.values():
        for i in members:
            for j in members:
                if i == j or not folded[j].startswith(folded[i]):
                    continue
                if len(folded[i]) < len(folded[j]) or (folded[i] == folded[j] and i > j):
                    duplicates.add(i)
    return duplicates


def classify(paragraph_texts: list[str]) -> tuple[list[Kind], list[int | None]]:
    """Kind of each paragraph, and for embedded-post lines the number of their post."""
    from reader.core.text.posts import find_posts

    kinds = [Kind.BODY] * len(paragraph_texts)
    post_of: list[int | None] = [None] * len(paragraph_texts)
    for number, post in enumerate(find_posts(paragraph_texts)):
        for i in post.paragraphs:
            kinds[i] = Kind.EMBEDDED_POST
            post_of[i] = number
    duplicates = find_duplicates(paragraph_texts)
    for i, text in enumerate(paragraph_texts):
        if kinds[i] is not Kind.BODY:
            continue
        stripped = text.strip()
        if _BOILERPLATE.match(stripped):
            kinds[i] = Kind.BOILERPLATE
        elif i in duplicates:
            kinds[i] = Kind.DUPLICATE
        elif _looks_like_heading(
            stripped, paragraph_texts[i + 1] if i + 1 < len(paragraph_texts) else None
        ):
            kinds[i] = Kind.HEADING
    return kinds, post_of


def text_from_string(
    content: str,
    *,
    path: Path | None = None,
    encoding: str = "utf-8",
    blocks: bool = False,
    language: str | None = None,
) -> Text:
    """Build a Text from already-decoded content (line ends are normalised here)."""
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
        sha256=hashlib.sha256(content.encode("utf-8")).hexdigest(),
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
    text = text_from_string(content, path=path, encoding=used, blocks=blocks, language=language)
    if not text.paragraphs:
        raise InputError("has no paragraphs (it holds only blank lines)", path)
    return text
