"""Average annual growth (年均增长, SPEC §7 `kind: average_growth`), on exact fractions.

The status is decided exactly: an average growth `op g` over `n` years holds exactly when
`v op b·(1 + g/100)^n` (x ↦ x^(1/n) increases on x ≥ 0, and b > 0), an integer power of a
fraction. Only the value shown, the average itself, needs a root: Decimal at 28 digits, or the
exact root when there is one (1.1664 = 1.08²).
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from fractions import Fraction

from kxplan.model.comparisons import Op, satisfies

_DIGITS = 28
_DENOMINATOR = 10**12  # an exact root's denominator is at most this to be found again


def factor(g: Fraction, years: int) -> Fraction:
    """(1 + g/100)^years: the multiple of the base after `years` at `g` % a year."""
    return (1 + g / 100) ** years


def level(b: Fraction, g: Fraction, years: int) -> Fraction:
    """b·(1 + g/100)^years: the value `years` after the base at `g` % a year."""
    return b * factor(g, years)


def reaches(v: Fraction, b: Fraction, op: Op, g: Fraction, years: int) -> bool:
    """Whether the average growth from `b` to `v` over `years` satisfies `op g`, exactly."""
    return satisfies(v, op, level(b, g, years))


def average(v: Fraction, b: Fraction, years: int) -> Fraction:
    """((v/b)^(1/years) − 1)·100, in percent; b > 0, v ≥ 0, years ≥ 1."""
    ratio = v / b
    with localcontext() as context:
        context.prec = _DIGITS
        quotient = Decimal(ratio.numerator) / Decimal(ratio.denominator)
        root = Fraction(quotient ** (Decimal(1) / Decimal(years)))
    exact = root.limit_denominator(_DENOMINATOR)
    if exact**years == ratio:
        root = exact
    return (root - 1) * 100
