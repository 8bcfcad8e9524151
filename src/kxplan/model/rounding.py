"""Rounding as the house does it: half up (away from zero), exactly, on fractions."""

from __future__ import annotations

from fractions import Fraction


def half_up(value: Fraction, places: int = 2) -> Fraction:
    """`value` rounded to `places` decimals, a half going away from zero: 2.345 → 2.35."""
    scale = 10**places
    whole = int(abs(value) * scale + Fraction(1, 2))
    return Fraction(whole if value >= 0 else -whole, scale)
