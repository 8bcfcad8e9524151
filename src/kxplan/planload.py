"""Load `targets.yaml` and check that the plan agrees with itself (SPEC `plan-error`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from kxplan.compare import Op
from kxplan.errors import PlanInvalid
from kxplan.messages import tr
from kxplan.plan import (
    Bands,
    Indicator,
    Kind,
    Level,
    Plan,
    PlanFile,
    PlanInfo,
    Target,
    Unit,
    ValueType,
)
from kxplan.problems import Problem, ProblemCode, sort_key
from kxplan.suggest import closest
from kxplan.validation import error_path, kind_of
from kxplan.yamlsafe import Document, Path_, read_yaml


def load_plan(path: Path, display: str, lang: str) -> Plan:
    """The plan at `path`; raises `PlanInvalid` with every problem when it cannot be used."""
    document, problems = read_yaml(path, display, lang)
    if document is None or problems:
        raise PlanInvalid([_as_plan_error(problem) for problem in problems])

    def problem(where: Path_, message: str, *, key: bool = False) -> Problem:
        pos = document.where(where, key=key)
        line, column = (pos.line, pos.column) if pos else (None, None)
        return Problem(display, line, column, ProblemCode.PLAN_ERROR, message)

    if not isinstance(document.data, dict):
        got = kind_of(document.data, lang)
        message = tr("not-a-mapping", lang, what=tr("the-file", lang), got=got)
        raise PlanInvalid([problem((), message)])
    try:
        spec = PlanFile.model_validate(document.data)
    except ValidationError as error:
        found = [
            problem(where, message, key=key)
            for where, message, key in _schema_problems(error.errors(), document, lang)
        ]
        raise PlanInvalid(sorted(found, key=sort_key)) from None
    found = [problem(where, message) for where, message in _contradictions(spec, lang)]
    if found:
        raise PlanInvalid(sorted(found, key=sort_key))
    return Plan(spec, display)


def _as_plan_error(problem: Problem) -> Problem:
    return Problem(
        problem.file,
        problem.line,
        problem.column,
        ProblemCode.PLAN_ERROR,
        f"{problem.code.value}: {problem.message}",
    )


_MODELS: dict[str, type[BaseModel]] = {
    "plan": PlanInfo,
    "levels": Level,
    "units": Unit,
    "indicators": Indicator,
    "targets": Target,
}
_EXPECTED: dict[str, tuple[str, str]] = {
    "bool_type": ("true/false", "true/false"),
    "int_type": ("整数", "a whole number"),
    "float_type": ("数", "a number"),
    "list_type": ("列表 [下限, 上限]", "a list [low, high]"),
    "string_type": ("文字", "text"),
}


def _schema_problems(
    errors: list[ErrorDetails], document: Document, lang: str
) -> Iterator[tuple[Path_, str, bool]]:
    """One problem per place in the file, as (place, message, whether it is a key's place)."""
    by_place: dict[Path_, list[ErrorDetails]] = {}
    for detail in errors:
        by_place.setdefault(error_path(detail["loc"], document), []).append(detail)
    for where, details in by_place.items():
        first = details[0]
        field = ".".join(str(item) for item in where) or tr("the-file", lang)
        if first["type"] == "extra_forbidden":
            name = str(first["loc"][-1])
            allowed = list(_model_at(where[:-1]).model_fields)
            suggest = _suggest(name, allowed, lang)
            message = tr(
                "unknown-field", lang, field=field, suggest=suggest, allowed=", ".join(allowed)
            )
            yield where, message, True
        elif first["type"] == "missing":
            yield where, tr("missing-field", lang, field=".".join(map(str, first["loc"]))), False
        elif all(detail["type"] in _EXPECTED for detail in details):
            words = [_EXPECTED[detail["type"]][1 if lang == "en" else 0] for detail in details]
            expect = (" or " if lang == "en" else "或").join(dict.fromkeys(words))
            message = tr("type-error", lang, field=field, value=first.get("input"), expect=expect)
            yield where, message, False
        else:
            value: Any = first.get("input")
            yield where, f"{field}: {first['msg']} ({value!r})", False


def _model_at(where: Path_) -> type[BaseModel]:
    """The model of the mapping at `where`: the plan file, a section, or one item of a list."""
    if not where:
        return PlanFile
    if where == ("plan", "bands"):
        return Bands
    return _MODELS.get(str(where[0]), PlanFile)


def _suggest(word: str, known: list[str], lang: str) -> str:
    guess = closest(word, known)
    return tr("did-you-mean", lang, id=guess) if guess else ""


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
            message = tr("plan-rule", lang, id=target.id, why=why[1 if lang == "en" else 0])
            yield ("targets", index, field), message
    for index, indicator in enumerate(spec.indicators):
        if indicator.type is ValueType.BOOLEAN and indicator.aggregate.value == "sum":
            yield (
                ("indicators", index, "aggregate"),
                tr("plan-indicator", lang, id=indicator.id),
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
) -> Iterator[tuple[str, tuple[str, str]]]:
    """What is wrong with one target's rule, as (field, (Chinese reason, English reason))."""
    kind, op, threshold = target.kind, target.op, target.threshold
    if kind is Kind.MONITOR:
        if op is not None or threshold is not None:
            yield (
                "op",
                ("监测类目标不设 op 和 threshold", "a monitor target has no op or threshold"),
            )
    elif op is None or threshold is None:
        yield (
            "op",
            (
                f"{kind.value} 类目标需要 op 和 threshold",
                f"a {kind.value} target needs op and threshold",
            ),
        )
    elif op is Op.BETWEEN:
        if not isinstance(threshold, list) or len(threshold) != 2 or threshold[0] > threshold[1]:
            yield (
                "threshold",
                (
                    "between 需要 [下限, 上限]，且下限 ≤ 上限",
                    "between needs [lower, upper] with lower ≤ upper",
                ),
            )
    elif isinstance(threshold, list):
        yield (
            "threshold",
            (
                f"列表形式的 threshold 需配合 op: between，而不是 {op.value}",
                f"a list threshold needs op between, not {op.value}",
            ),
        )
    elif value_type is ValueType.BOOLEAN and (op is not Op.EQ or not isinstance(threshold, bool)):
        yield (
            "threshold",
            (
                "是否类指标只能用 op: == 和 threshold: true/false",
                "a yes/no indicator takes op == and threshold true or false",
            ),
        )
    elif value_type is not ValueType.BOOLEAN and isinstance(threshold, bool):
        yield (
            "threshold",
            ("true/false 只能用于是否类指标", "true/false thresholds are for yes/no indicators"),
        )

    if value_type is ValueType.BOOLEAN and kind in (Kind.CUMULATIVE, Kind.GROWTH):
        yield (
            "kind",
            (
                f"是否类指标不能设 {kind.value} 类目标",
                f"a yes/no indicator cannot have a {kind.value} target",
            ),
        )
    if kind in (Kind.DEADLINE, Kind.CUMULATIVE):
        if target.deadline is None:
            yield (
                "deadline",
                (f"{kind.value} 类目标需要 deadline", f"a {kind.value} target needs a deadline"),
            )
        elif not start <= target.deadline <= end:
            yield (
                "deadline",
                (
                    f"截止年份 {target.deadline} 不在规划期 {start}–{end} 内",
                    f"deadline {target.deadline} is outside the period {start}–{end}",
                ),
            )
    elif target.deadline is not None:
        yield (
            "deadline",
            (f"{kind.value} 类目标不设 deadline", f"a {kind.value} target has no deadline"),
        )
    if target.start is not None:
        if kind is not Kind.CUMULATIVE:
            yield (
                "start",
                ("只有 cumulative 类目标有 start", "only cumulative targets have a start year"),
            )
        elif not start <= target.start <= (target.deadline or end):
            yield (
                "start",
                (
                    f"start {target.start} 应在 {start}–{target.deadline or end} 之间",
                    f"start {target.start} must lie in {start}–{target.deadline or end}",
                ),
            )
