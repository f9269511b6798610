"""User checks: regular expressions a side must not match, read from a small TSV file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import InputError

# The file format, for `reader diverge --help` and docs/checks.md.
FORMAT = """\
One check a line, three columns separated by a TAB: pattern, side, message.
  pattern  a Python regular expression (\\t for a tab, (?i) for any case)
  side     source, target, both, or a language code (ar, en): the text it is run on
  message  what a match means, shown with the matched text (may be left empty)
Blank lines and lines starting with # are skipped; a first line `pattern<TAB>side<TAB>message`
is a header. Example:
  \\bregime\\b	target	house style: "government", not "regime"
  [ ]{2,}	both	double space
  \\b\\d{5,}\\b	en	long number without a thousands separator"""
SIDES = ("source", "target", "both")
_HEADER = ("pattern", "side", "message")


@dataclass(frozen=True, slots=True)
class UserCheck:
    """One check: where matches of `pattern` are reported, and what they mean."""

    pattern: re.Pattern[str]
    side: str  # "source", "target", "both", or a language code
    message: str
    origin: str = ""  # "file:line", for messages

    def applies(self, side: str, lang: str) -> bool:
        return self.side in ("both", side) or self.side == lang


def load_checks(path: str | Path) -> list[UserCheck]:
    """The checks of a file; a missing file, a bad line or a bad pattern raises InputError
    naming the file and the line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot be read: {exc}", path) from None
    out: list[UserCheck] = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if tuple(c.strip().lower() for c in cells) == _HEADER[: len(cells)] and not out:
            continue
        if len(cells) < 2 or len(cells) > 3:
            raise InputError(
                f"line {n}: expected pattern, side and message separated by tabs, "
                f"got {len(cells)} column(s)", path,
            )
        raw, side = cells[0], cells[1].strip().lower()
        message = cells[2].strip() if len(cells) == 3 else ""
        if not raw:
            raise InputError(f"line {n}: empty pattern", path)
        if side not in SIDES and not re.fullmatch(r"[a-z]{2,3}", side):
            raise InputError(
                f"line {n}: side {cells[1]!r} is not source, target, both or a language code",
                path,
            )
        try:
            pattern = re.compile(raw)
        except re.error as exc:
            raise InputError(f"line {n}: bad pattern {raw!r}: {exc}", path) from None
        if pattern.fullmatch(""):
            raise InputError(f"line {n}: pattern {raw!r} matches empty text", path)
        out.append(UserCheck(pattern, side, message or f"matches /{raw}/", f"{path.name}:{n}"))
    return out


def load_all(paths: list[Path]) -> tuple[UserCheck, ...]:
    return tuple(c for p in paths for c in load_checks(p))
