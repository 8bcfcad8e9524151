"""Load `targets.yaml` and check that the plan agrees with itself (SPEC `plan-error`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from kxplan.compare import Op
from kxplan.errors import PlanInvalid
from kxplan.messages import tr
from kxplan.plan import Kind, Plan, PlanFile, Target, ValueType
from kxplan.problems import Problem, ProblemCode
from kxplan.suggest import closest
from kxplan.validation import error_path, error_text
from kxplan.yamlsafe import Path_, read_yaml


def load_plan(path: Path, display: str, lang: str) -> Plan:
    """The plan at `path`; raises `PlanInvalid` with every problem when it cannot be used."""
    document, problems = read_yaml(path, display, lang)
    if document is None or problems:
        raise PlanInvalid([_as_plan_error(problem) for problem in problems])

    def problem(path_: Path_, message: str) -> Problem:
        pos = document.where(path_)
        return Problem(
            display,
            pos.line if pos else None,
            pos.column if pos else None,
            ProblemCode.PLAN_ERROR,
            message,
        )

    if not isinstance(document.data, dict):
        raise PlanInvalid(
            [
                problem(
                    (),
                    tr(
                        "not-a-mapping",
                        lang,
                        what=tr("the-file", lang),
                        got=type(document.data).__name__,
                    ),
                )
            ]
        )
    try:
        spec = PlanFile.model_validate(document.data)
    except ValidationError as error:
        seen: set[Path_] = set()
        found = []
        for detail in error.errors():
            where = error_path(detail["loc"], document)
            if where not in seen:
                seen.add(where)
                found.append(problem(where, error_text(detail, lang)))
        raise PlanInvalid(found) from None

    found = [problem(where, message) for where, message in _contradictions(spec, lang)]
    if found:
        raise PlanInvalid(found)
    return Plan(spec, display)


def _as_plan_error(problem: Problem) -> Problem:
    return Problem(
        problem.file,
        problem.line,
        problem.column,
        ProblemCode.PLAN_ERROR,
        f"{problem.code.value}: {problem.message}",
    )


def _contradictions(spec: PlanFile, lang: str) -> Iterator[tuple[Path_, str]]:
    info = spec.plan
    start, end = info.period
    if not (info.base_year < start <= end):
        yield ("plan", "period"), tr("plan-period", lang, start=start, end=end)

    for what, key, items in (
        ("level", "levels", [level.id for level in spec.levels]),
        ("unit", "units", [unit.code for unit in spec.units]),
        ("unit", "units", [unit.name for unit in spec.units]),
        ("indicator", "indicators", [indicator.id for indicator in spec.indicators]),
        ("target", "targets", [target.id for target in spec.targets]),
    ):
        for index, item in enumerate(items):
            if items.index(item) != index:
                yield (key, index), tr("plan-duplicate-id", lang, what=what, id=item)

    level_ids = [level.id for level in spec.levels]
    codes = {unit.code for unit in spec.units}
    for index, unit in enumerate(spec.units):
        if unit.level not in level_ids:
            yield (
                ("units", index, "level"),
                tr("unit-level", lang, unit=unit.name, level=unit.level),
            )
        if unit.parent is not None and unit.parent not in codes:
            yield ("units", index, "parent"), _unknown("parent", unit.parent, codes, lang)
    roots = Counter(unit.parent is None for unit in spec.units)[True]
    if roots != 1:
        yield ("units",), tr("plan-root", lang, count=roots)
    yield from _cycles(spec, lang)

    indicators = {indicator.id: indicator for indicator in spec.indicators}
    for index, target in enumerate(spec.targets):
        if target.indicator not in indicators:
            yield (
                ("targets", index, "indicator"),
                _unknown("indicator", target.indicator, indicators, lang),
            )
            continue
        for level in target.levels:
            if level not in level_ids:
                yield ("targets", index, "level"), _unknown("level", level, level_ids, lang)
        for field, why in _rule_problems(target, indicators[target.indicator].type, start, end):
            message = tr("plan-rule", lang, id=target.id, why=why)
            yield ("targets", index, field), message
    for index, indicator in enumerate(spec.indicators):
        if indicator.type is ValueType.BOOLEAN and indicator.aggregate.value == "sum":
            yield (
                ("indicators", index, "aggregate"),
                tr("plan-rule", lang, id=indicator.id, why="boolean indicators cannot be summed"),
            )


def _unknown(what: str, ref: str, known: object, lang: str) -> str:
    guess = closest(ref, list(known))  # type: ignore[call-overload]
    suggest = tr("did-you-mean", lang, id=guess) if guess else ""
    return tr("plan-unknown-ref", lang, what=what, ref=ref, suggest=suggest)


def _cycles(spec: PlanFile, lang: str) -> Iterator[tuple[Path_, str]]:
    parents = {unit.code: unit.parent for unit in spec.units}
    for index, unit in enumerate(spec.units):
        seen = {unit.code}
        parent = unit.parent
        while parent is not None and parent in parents:
            if parent in seen:
                yield ("units", index, "parent"), tr("plan-cycle", lang, unit=unit.name)
                break
            seen.add(parent)
            parent = parents[parent]


def _rule_problems(
    target: Target, value_type: ValueType, start: int, end: int
) -> Iterator[tuple[str, str]]:
    """What is wrong with one target's rule, as (field, reason); reasons are for plan authors."""
    kind, op, threshold = target.kind, target.op, target.threshold
    if kind is Kind.MONITOR:
        if op is not None or threshold is not None:
            yield "op", "a monitor target has no op or threshold"
    elif op is None or threshold is None:
        yield "op", f"a {kind.value} target needs op and threshold"
    elif op is Op.BETWEEN:
        if not isinstance(threshold, list) or len(threshold) != 2 or threshold[0] > threshold[1]:
            yield "threshold", "between needs [lower, upper] with lower ≤ upper"
    elif isinstance(threshold, list):
        yield "threshold", f"a list threshold needs op between, not {op.value}"
    elif value_type is ValueType.BOOLEAN and (op is not Op.EQ or not isinstance(threshold, bool)):
        yield "threshold", "a yes/no indicator takes op == and threshold true or false"
    elif value_type is not ValueType.BOOLEAN and isinstance(threshold, bool):
        yield "threshold", "true/false thresholds are for yes/no indicators"

    if value_type is ValueType.BOOLEAN and kind in (Kind.CUMULATIVE, Kind.GROWTH):
        yield "kind", f"a yes/no indicator cannot have a {kind.value} target"
    if kind in (Kind.DEADLINE, Kind.CUMULATIVE):
        if target.deadline is None:
            yield "deadline", f"a {kind.value} target needs a deadline"
        elif not start <= target.deadline <= end:
            yield "deadline", f"deadline {target.deadline} is outside the period {start}–{end}"
    elif target.deadline is not None:
        yield "deadline", f"a {kind.value} target has no deadline"
    if target.start is not None:
        if kind is not Kind.CUMULATIVE:
            yield "start", "only cumulative targets have a start year"
        elif not start <= target.start <= (target.deadline or end):
            yield "start", f"start {target.start} must lie in {start}–{target.deadline or end}"
