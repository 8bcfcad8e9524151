"""Derived indicators' formulas (SPEC §7 `formula`): read with the standard library's `ast`
into `kxplan.model.formula`'s data, never evaluated by Python, and checked: only `+ − * /`,
parentheses, numbers and indicator ids; no unknown or yes/no inputs; no cycles; no
`aggregate` on a derived indicator. Each problem comes with its offset in the formula's text,
so that it is shown at its column."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from kxplan.model.formula import Binary, Expr, Formula, Negative, Number, Ref
from kxplan.model.plan import Indicator, PlanFile, ValueType, exact
from kxplan.text import tr
from kxplan.text.suggest import closest
from kxplan.yaml.document import Path_

_OPERATORS: dict[type[ast.operator], str] = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
}
#: how the operators a formula may not use are written, to find them in the text
_SYMBOLS: dict[type[ast.operator], str] = {
    ast.Pow: "**",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.MatMult: "@",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.BitAnd: "&",
}


#: how deeply a formula's operations may nest: far more than any plan writes
MAX_DEPTH = 100


@dataclass(frozen=True)
class Slip:
    """What cannot be read: at `offset` (characters into the text), `what` as written (None
    for a syntax error)."""

    offset: int
    what: str | None
    too_deep: bool = False


@dataclass(frozen=True)
class Parsed:
    formula: Formula
    #: each id as written, with its offset, for the checks that need the plan
    names: tuple[tuple[str, int], ...]


def parse(text: str) -> Parsed | Slip:
    """The formula `text`, or the first thing in it that is not allowed."""
    try:
        tree = ast.parse(text, mode="eval")
    except (RecursionError, MemoryError):  # nested past what Python's parser takes
        return Slip(0, None, too_deep=True)
    except SyntaxError as error:
        offset = (error.offset or 0) - 1 if error.lineno in (None, 1) else -1
        end = len(text.rstrip())
        return Slip(offset if 0 <= offset < end else end, None)
    names: list[tuple[str, int]] = []
    try:
        expr = _expr(tree.body, text, names, 0)
    except _NotAllowed as slip:
        return slip.slip
    return Parsed(Formula(text, expr), tuple(names))


class _NotAllowed(Exception):
    def __init__(self, slip: Slip) -> None:
        self.slip = slip


def _expr(node: ast.expr, text: str, names: list[tuple[str, int]], depth: int) -> Expr:
    if depth > MAX_DEPTH:  # a hostile plan: no recursion runs out of stack on it
        raise _NotAllowed(Slip(_at(text, node), None, too_deep=True))
    depth += 1
    if isinstance(node, ast.BinOp):
        left = _expr(node.left, text, names, depth)
        op = _OPERATORS.get(type(node.op))
        if op is None:
            symbol = _SYMBOLS.get(type(node.op), "")
            start = _char(text, node.left.end_lineno, node.left.end_col_offset)
            found = text.find(symbol, start) if symbol else -1
            raise _NotAllowed(Slip(found if found >= 0 else _at(text, node), symbol or None))
        right = _expr(node.right, text, names, depth)
        return Binary(op, left, right)  # type: ignore[arg-type]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        operand = _expr(node.operand, text, names, depth)
        return Negative(operand) if isinstance(node.op, ast.USub) else operand
    if (
        isinstance(node, ast.Constant)
        and isinstance(node.value, int | float)
        and not isinstance(node.value, bool)
    ):
        return Number(exact(node.value) if isinstance(node.value, float) else Fraction(node.value))
    if isinstance(node, ast.Name):
        names.append((node.id, _at(text, node)))
        return Ref(node.id)
    raise _NotAllowed(Slip(_at(text, node), ast.get_source_segment(text, node)))


def _at(text: str, node: ast.expr) -> int:
    return _char(text, node.lineno, node.col_offset)


def _char(text: str, line: int | None, byte_offset: int | None) -> int:
    """`ast` counts UTF-8 bytes on a line; the file's columns count characters."""
    if line != 1 or byte_offset is None:
        return 0
    return len(text.encode("utf-8")[:byte_offset].decode("utf-8", errors="ignore"))


def read_formulas(spec: PlanFile) -> dict[str, Formula]:
    """The formulas of a plan that `formula_problems` found nothing wrong with."""
    found: dict[str, Formula] = {}
    for indicator in spec.indicators:
        if indicator.formula is not None:
            parsed = parse(indicator.formula)
            assert isinstance(parsed, Parsed), "checked with the plan"
            found[indicator.id] = parsed.formula
    return found


def formula_problems(spec: PlanFile, lang: str) -> Iterator[tuple[Path_, int | None, str]]:
    """Each problem as (its place, its offset in the formula's text or None for the whole
    value, the message)."""
    indicators = {indicator.id: indicator for indicator in spec.indicators}
    parsed: dict[str, Parsed] = {}
    for index, indicator in enumerate(spec.indicators):
        if indicator.formula is None:
            continue
        place: Path_ = ("indicators", index, "formula")
        if "aggregate" in indicator.model_fields_set:
            message = tr("formula-aggregate", lang, id=indicator.id)
            yield ("indicators", index, "aggregate"), None, message
        if indicator.type is ValueType.BOOLEAN:
            yield place, None, tr("formula-boolean-type", lang, id=indicator.id)
        result = parse(indicator.formula)
        if isinstance(result, Slip):
            yield place, result.offset, _slip_words(indicator.id, result, lang)
            continue
        known = True
        for name, offset in result.names:
            if name not in indicators:
                known = False
                guess = closest(name, indicators)
                suggest = tr("did-you-mean", lang, id=guess) if guess else ""
                message = tr("formula-unknown", lang, id=indicator.id, ref=name, suggest=suggest)
                yield place, offset, message
            elif indicators[name].type is ValueType.BOOLEAN:
                yield place, offset, tr("formula-yes-no-input", lang, id=indicator.id, ref=name)
        if known:
            parsed[indicator.id] = result
    yield from _cycles(spec.indicators, parsed, lang)


def _slip_words(ident: str, slip: Slip, lang: str) -> str:
    if slip.too_deep:
        return tr("formula-too-deep", lang, id=ident, limit=MAX_DEPTH)
    if slip.what is None:
        return tr("formula-syntax", lang, id=ident)
    return tr("formula-not-allowed", lang, id=ident, what=slip.what)


def _cycles(
    indicators: list[Indicator], parsed: dict[str, Parsed], lang: str
) -> Iterator[tuple[Path_, int | None, str]]:
    """Each cycle of derived indicators once, at the formula of its first member in the file:
    `a → b → a`."""
    order = {indicator.id: index for index, indicator in enumerate(indicators)}
    said: set[frozenset[str]] = set()
    for start in parsed:
        path = _cycle_from(start, parsed)
        if path is None or frozenset(path) in said:
            continue
        said.add(frozenset(path))
        first = min(path, key=order.__getitem__)
        turn = path.index(first)
        ring = [*path[turn:], *path[:turn], first]
        message = tr("formula-cycle", lang, cycle=" → ".join(ring))
        yield ("indicators", order[first], "formula"), None, message


def _cycle_from(start: str, parsed: dict[str, Parsed]) -> list[str] | None:
    """The cycle through `start`, as the ids from `start` on (without the return), if any."""

    def walk(ident: str, path: list[str]) -> list[str] | None:
        for name in parsed[ident].formula.ids:
            if name == start:
                return path
            if name in parsed and name not in path:
                found = walk(name, [*path, name])
                if found is not None:
                    return found
        return None

    return walk(start, [start])
