"""The six comparisons of SPEC §3, decided on exact fractions."""

from __future__ import annotations

from enum import StrEnum
from fractions import Fraction


class Op(StrEnum):
    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    EQ = "=="
    BETWEEN = "between"

    @property
    def symbol(self) -> str:
        return "≥" if self is Op.GE else "≤" if self is Op.LE else self.value

    @property
    def is_floor(self) -> bool:
        """At least (`>=`, `>`): only for an indicator where higher is better."""
        return self in (Op.GE, Op.GT)

    @property
    def is_cap(self) -> bool:
        """At most (`<=`, `<`): only for an indicator where lower is better."""
        return self in (Op.LE, Op.LT)


Threshold = Fraction | tuple[Fraction, Fraction]


def satisfies(value: Fraction, op: Op, threshold: Threshold) -> bool:
    if op is Op.BETWEEN:
        assert isinstance(threshold, tuple)
        low, high = threshold
        return low <= value <= high
    assert not isinstance(threshold, tuple)
    if op is Op.GE:
        return value >= threshold
    if op is Op.GT:
        return value > threshold
    if op is Op.LE:
        return value <= threshold
    if op is Op.LT:
        return value < threshold
    return value == threshold


def exceeds_upper(value: Fraction, op: Op, threshold: Threshold) -> bool:
    """True when a `between` value is already past its upper bound (it can only be not met)."""
    return op is Op.BETWEEN and isinstance(threshold, tuple) and value > threshold[1]


def driving_bound(op: Op, threshold: Threshold) -> Fraction:
    """The number a trajectory heads for: the threshold, or the lower bound of `between`."""
    return threshold[0] if isinstance(threshold, tuple) else threshold
