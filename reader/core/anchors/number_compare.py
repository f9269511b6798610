"""Whether two numbers the texts state are the same number, allowing for a translator's rounding."""

from __future__ import annotations

import math

from reader.core.anchors.numbers import NumberMention


def numbers_equal(a: NumberMention | float, b: NumberMention | float) -> bool:
    """Whether two mentions state the same number, allowing for a translator's rounding.

    Equal values are equal. Otherwise a round number (two or more trailing zeros: 460,000,000,
    18,000, 100) equals another that rounds to it within 5% (`nearly 460 million` vs `458.7
    million`); years, integers in 1800-2100 (which may be years) and other non-round numbers
    (`Branch 279`) must match exactly. Units must agree when both sides state one.
    """
    va, vb = _value(a), _value(b)
    if isinstance(a, NumberMention) and isinstance(b, NumberMention):
        if a.unit is not None and b.unit is not None and a.unit != b.unit:
            return False
        if a.is_year or b.is_year:
            return va == vb
    if math.isclose(va, vb, rel_tol=1e-9, abs_tol=1e-12):
        return True
    if any(v == int(v) and 1800 <= v <= 2100 for v in (va, vb)):
        return False  # possibly a year (2000 is not "about 2014")
    if max(abs(va), abs(vb)) == 0 or abs(va - vb) / max(abs(va), abs(vb)) > 0.05:
        return False
    return _rounds_to(va, vb) or _rounds_to(vb, va)


def _value(x: NumberMention | float) -> float:
    return float(x.value if isinstance(x, NumberMention) else x)


def _rounds_to(value: float, rounded: float) -> bool:
    """Whether `rounded` is a round number (x00, x000...) that `value` rounds to."""
    if rounded != int(rounded) or rounded == 0:
        return False
    n = int(abs(rounded))
    zeros = 0
    while n % 10 == 0:
        n //= 10
        zeros += 1
    if zeros < 2:
        return False
    step = 10**zeros
    return round(value / step) * step == rounded
