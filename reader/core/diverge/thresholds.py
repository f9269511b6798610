"""Every threshold of divergence detection in one documented, user-adjustable place."""

from __future__ import annotations

import math
import tomllib
from dataclasses import Field, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from reader.core.errors import InputError

APP_NAME = "parallel-reader"
THRESHOLDS_FILE = "thresholds.toml"


def _bounded(
    default: float, low: float, high: float | None = None, *, open_low: bool = False
) -> Any:
    """A numeric threshold's field, with the values that make sense for it: at least `low`
    (above it when `open_low`), at most `high`. Every number must also be finite."""
    return field(default=default, metadata={"low": low, "high": high, "open_low": open_low})


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Divergence-detection thresholds. A user TOML file may set any of them, e.g.

        # thresholds.toml
        length_robust_z = 4.0
        name_mismatch = false

    and the command line may override one with ``--set length_robust_z=4``. A value outside
    its field's bounds (declared with the field), `nan` or an infinity is refused.
    """

    # --- omissions and additions (null beads) ---
    # A null bead's paragraphs at least this long (letters and digits, links left out) are
    # `serious`, shorter ones `warning`.
    omission_serious_chars: int = _bounded(200, 0)
    # ... and shorter than this only `info` (a stray caption, a lone link, a line of emoji),
    # as are headings.
    omission_min_chars: int = _bounded(20, 0)
    # Report paragraphs of the translation without counterpart ("Paragraph added") at all: off
    # by default, their precision is below 0.85 on the bench (0.81: most are short paragraphs
    # the aligner failed to join to their neighbour's bead; docs/benchmarks.md).
    addition: bool = False

    # --- numbers and dates ---
    # A number absent from its bead's other side is forgiven when it appears in a paragraph
    # of a bead this many beads away (alignment boundaries off by one). Names look as far.
    number_neighbour_beads: int = _bounded(1, 0)
    # Numbers below this are not reported alone (they are often words in one language and
    # idioms in the other: "one of", "two sides"); years and numbers with units always are.
    number_min_value: float = _bounded(10.0, 0)

    # --- names ---
    # Report names at all (they are lower severity and the least precise kind).
    name_mismatch: bool = True
    # Similarity (0..1, `arabic.transliterate.name_similarity` of consonant skeletons) at which
    # a word on the other side counts as the name's counterpart, so that the name is not reported.
    name_similarity: float = _bounded(0.75, 0, 1)
    # A glossary term or name must be at least this long (characters) to be reported.
    name_min_chars: int = _bounded(3, 0)

    # --- length ---
    # A bead is a length anomaly when |log ratio - median| > length_robust_z * spread, the
    # spread being 1.4826 * MAD (median absolute deviation), at least length_min_spread.
    length_robust_z: float = _bounded(3.5, 0)
    # ... and `serious` beyond this many robust standard deviations.
    length_serious_z: float = _bounded(6.0, 0)
    # Beads whose longer side has fewer letters and digits than this are not judged on length.
    length_min_chars: int = _bounded(80, 0)
    # The pair's typical ratio needs at least this many beads of length_min_chars to be
    # estimated (a median needs one at least).
    length_min_beads: int = _bounded(6, 1)
    # A floor on the robust spread (log units), so a very regular pair does not flag noise
    # (and a spread of 0 divides nothing).
    length_min_spread: float = _bounded(0.12, 0, open_low=True)
    # Target letters per source letter when the pair is too short to estimate its own ratio
    # (English runs about a fifth longer than unvowelled Arabic).
    default_length_ratio: float = _bounded(1.2, 0, open_low=True)

    # --- sentence omission inside n:m beads ---
    # A sentence shorter than this (letters and digits) is not reported as omitted.
    sentence_min_chars: int = _bounded(40, 0)
    # Only beads whose sides hold at most this many sentences each are re-aligned (0: none).
    sentence_max_per_side: int = _bounded(60, 0)
    # Gale-Church variance of target length per source character, for sentences: a bead is
    # re-aligned only when its length departs from the pair's ratio by more than 1.5 standard
    # deviations (and by sentence_min_chars).
    sentence_length_variance: float = _bounded(6.8, 0)

    # --- words left out inside a translated sentence (phrases.py) ---
    # Report them at all: off by default, their precision is below 0.85 (docs/benchmarks.md:
    # the lexicon is too small to tell a left-out phrase from one rendered in other words).
    phrase_omission: bool = False
    # A run of at least this many words of the original (that the lexicon, the glossary or
    # the numbers can judge) whose translations are not near where the run should be ...
    phrase_min_words: int = _bounded(3, 1)
    # ... between two words whose translations the translation puts this close (words
    # between them): where a phrase was rendered by other words, they stand there.
    phrase_max_gap: int = _bounded(1, 0)
    # The bead must read as translated: at least this share of its judged words linked to
    # translations in the same order on both sides.
    phrase_min_coverage: float = _bounded(0.4, 0, 1)

    # --- terminology (terms.py) ---
    # Report a term of the original rendered in several ways across the text.
    term_inconsistent: bool = True
    # ... when the other side renders it (in any way the glossary knows) at least this often.
    term_min_occurrences: int = _bounded(3, 2)

    def __post_init__(self) -> None:
        # thresholds built in code are held to the same bounds as those read from a file
        for f in fields(self):
            problem = _out_of_bounds(f, getattr(self, f.name))
            if problem:
                raise ValueError(f"threshold {f.name} {problem}")

    def with_values(self, values: dict[str, object], origin: str = "thresholds") -> Thresholds:
        """A copy with some values changed; unknown names, wrong types and values out of
        bounds raise InputError (one line, naming the threshold and `origin`)."""
        known = {f.name: f for f in fields(self)}
        changes: dict[str, object] = {}
        for name, raw in values.items():
            if name not in known:
                raise InputError(
                    f"unknown threshold {name!r} in {origin}; known: {', '.join(known)}"
                )
            value = _coerce(name, raw, str(known[name].type), origin)
            problem = _out_of_bounds(known[name], value)
            if problem:
                raise InputError(f"threshold {name} in {origin} {problem}, got {raw!r}")
            changes[name] = value
        return replace(self, **changes)  # type: ignore[arg-type]

    def with_overrides(self, assignments: list[str]) -> Thresholds:
        """Apply command-line ``NAME=VALUE`` assignments."""
        values: dict[str, object] = {}
        for item in assignments:
            name, sep, value = item.partition("=")
            if not sep or not name.strip():
                raise InputError(f"--set expects NAME=VALUE, got {item!r}")
            values[name.strip()] = value.strip()
        return self.with_values(values, "the command line")


def _out_of_bounds(f: Field[object], value: object) -> str | None:
    """Why `value` is refused for the field `f` (as "must be …"), or None."""
    if "low" not in f.metadata or isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value):
        return "must be a finite number"
    low, high, open_low = f.metadata["low"], f.metadata["high"], f.metadata["open_low"]
    if value < low or (open_low and value == low):
        return f"must be {'above' if open_low else 'at least'} {low}"
    if high is not None and value > high:
        return f"must be at most {high}"
    return None


def _coerce(name: str, raw: object, type_name: str, origin: str) -> object:
    try:
        if type_name == "bool":
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in {"true", "yes", "on", "1"}:
                return True
            if text in {"false", "no", "off", "0"}:
                return False
            raise ValueError(raw)
        if isinstance(raw, bool):
            raise ValueError(raw)
        value = float(raw)  # type: ignore[arg-type]
        if type_name == "int" and math.isfinite(value):
            if value != int(value):
                raise ValueError(raw)
            return int(value)
        return value  # an int field's nan or infinity is refused with the bounds
    except (TypeError, ValueError):
        raise InputError(
            f"threshold {name} in {origin} must be a {type_name}, got {raw!r}"
        ) from None


def default_thresholds_path() -> Path:
    """Where the user's own thresholds file lives (it need not exist)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME)) / THRESHOLDS_FILE


def load_thresholds(path: str | Path | None = None) -> Thresholds:
    """Thresholds from a TOML file (a `[divergences]` table or top-level keys).

    With no path, the user's file (`default_thresholds_path()`) when it exists, else the
    defaults. Raises InputError naming the file for a missing, unreadable or invalid one.
    """
    if path is None:
        user = default_thresholds_path()
        if not user.is_file():
            return Thresholds()
        path = user
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot be read: {exc}", path) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"is not valid TOML: {exc}", path) from None
    table = data.get("divergences", data)
    if not isinstance(table, dict):
        raise InputError("[divergences] must be a table", path)
    try:
        return Thresholds().with_values(table, "the file")
    except InputError as exc:
        raise InputError(exc.problem, path) from None
