"""A derived indicator's formula (SPEC §7 `formula`) as data: numbers, indicator ids and
`+ − * /`, evaluated exactly. `kxplan.load.formula` reads the text into it; Python never
evaluates the text."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from typing import Literal


@dataclass(frozen=True)
class Number:
    value: Fraction


@dataclass(frozen=True)
class Ref:
    """An indicator's value of the same unit and year."""

    id: str


@dataclass(frozen=True)
class Negative:
    operand: Expr


@dataclass(frozen=True)
class Binary:
    op: Literal["+", "-", "*", "/"]
    left: Expr
    right: Expr


Expr = Number | Ref | Negative | Binary


class DivisionByZero(Exception):
    """A divisor of the formula is 0 for these inputs: the value cannot be computed."""


@dataclass(frozen=True)
class Formula:
    text: str
    expr: Expr

    @cached_property
    def ids(self) -> tuple[str, ...]:
        """The indicator ids it reads, each once, in the order written."""
        found: list[str] = []
        stack: list[Expr] = [self.expr]
        while stack:
            node = stack.pop()
            match node:
                case Ref(ident) if ident not in found:
                    found.append(ident)
                case Negative(operand):
                    stack.append(operand)
                case Binary(_, left, right):
                    stack.extend((right, left))
        return tuple(found)

    def value(self, inputs: Mapping[str, Fraction]) -> Fraction:
        """The exact value for these inputs; raises `DivisionByZero`."""
        return _value(self.expr, inputs)


def _value(node: Expr, inputs: Mapping[str, Fraction]) -> Fraction:
    match node:
        case Number(value):
            return value
        case Ref(ident):
            return inputs[ident]
        case Negative(operand):
            return -_value(operand, inputs)
        case Binary(op, left, right):
            a, b = _value(left, inputs), _value(right, inputs)
            if op == "+":
                return a + b
            if op == "-":
                return a - b
            if op == "*":
                return a * b
            if b == 0:
                raise DivisionByZero
            return a / b
