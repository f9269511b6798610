"""Every threshold of divergence detection in one documented, user-adjustable place."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from reader.core.errors import InputError

APP_NAME = "parallel-reader"
THRESHOLDS_FILE = "thresholds.toml"


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Divergence-detection thresholds. A user TOML file may set any of them, e.g.

        # thresholds.toml
        length_robust_z = 4.0
        name_mismatch = false

    and the command line may override one with ``--set length_robust_z=4``.
    """

    # --- omissions and additions (null beads) ---
    # A null-bead paragraph at least this long (characters) is `serious`, shorter ones `warning`.
    omission_serious_chars: int = 200
    # A null-bead paragraph shorter than this (characters of letters) is only `info`
    # (a stray caption, a lone link, a line of emoji).
    omission_min_chars: int = 20

    # --- numbers and dates ---
    # A number absent from its bead's other side is forgiven when it appears in a paragraph
    # of a bead this many beads away (alignment boundaries off by one).
    number_neighbour_beads: int = 1
    # Numbers below this are not reported alone (they are often words in one language and
    # idioms in the other: "one of", "two sides"); years and numbers with units always are.
    number_min_value: float = 10.0

    # --- names ---
    # Report names at all (they are lower severity and the least precise kind).
    name_mismatch: bool = True
    # Similarity (0..1, `arabic.name_similarity` of consonant skeletons) at which a word on
    # the other side counts as the name's counterpart, so that the name is not reported.
    name_similarity: float = 0.75
    # A glossary term or name must be at least this long (characters) to be reported.
    name_min_chars: int = 3

    # --- length ---
    # A bead is a length anomaly when |log ratio - median| > length_robust_z * 1.4826 * MAD.
    length_robust_z: float = 3.5
    # ... and `serious` beyond this many robust standard deviations.
    length_serious_z: float = 6.0
    # Beads whose longer side has fewer letters than this are not judged on length.
    length_min_chars: int = 80
    # The pair's typical ratio needs at least this many 1:1-like beads to be estimated.
    length_min_beads: int = 6
    # A floor on the robust spread (log units), so a very regular pair does not flag noise.
    length_min_spread: float = 0.12
    # Target letters per source letter when the pair is too short to estimate its own ratio
    # (English runs about a fifth longer than unvowelled Arabic).
    default_length_ratio: float = 1.2

    # --- sentence omission inside n:m beads ---
    # A source sentence shorter than this (characters) is not reported as omitted.
    sentence_min_chars: int = 40
    # Only beads whose sides hold at most this many sentences each are re-aligned.
    sentence_max_per_side: int = 60
    # Cost of leaving a sentence without counterpart, against the Gale-Church cost
    # (-log probability) of pairing it; higher finds fewer omissions, more surely.
    sentence_null_cost: float = 8.0
    # Gale-Church variance of target length per source character, for sentences.
    sentence_length_variance: float = 6.8
    # How much one shared anchor (number, date, glossary term) lowers a sentence pair's cost.
    sentence_anchor_bonus: float = 2.0

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def with_values(self, values: dict[str, object], origin: str = "thresholds") -> Thresholds:
        """A copy with some values changed; unknown names or wrong types raise InputError."""
        types = {f.name: f.type for f in fields(self)}
        changes: dict[str, object] = {}
        for name, raw in values.items():
            if name not in types:
                raise InputError(
                    f"unknown threshold {name!r} in {origin}; known: {', '.join(types)}"
                )
            changes[name] = _coerce(name, raw, str(types[name]), origin)
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
        if type_name == "int":
            value = float(raw)  # type: ignore[arg-type]
            if value != int(value):
                raise ValueError(raw)
            return int(value)
        return float(raw)  # type: ignore[arg-type]
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
