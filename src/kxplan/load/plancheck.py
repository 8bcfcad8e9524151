"""Whether a plan agrees with itself (SPEC `plan-error`): references, the unit tree, and each
target's rule against its kind and its indicator's type, nature and direction."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from kxplan.model.comparisons import Op
from kxplan.model.plan import (
    Aggregate,
    Direction,
    Indicator,
    Kind,
    Nature,
    PlanFile,
    Target,
    ValueType,
)
from kxplan.text.messages import tr
from kxplan.text.suggest import closest
from kxplan.yaml.safe import Path_


def contradictions(spec: PlanFile, lang: str) -> Iterator[tuple[Path_, str]]:
    """Each contradiction as (its place in the file, the message)."""
    info = spec.plan
    start, end = info.period
    if not (info.base_year < start <= end):
        yield ("plan", "period"), tr("plan-period", lang, start=start, end=end)

    for words, key, items in (
        (tr("plan-what-level", lang), "levels", [level.id for level in spec.levels]),
        (tr("plan-what-unit-code", lang), "units", [unit.code for unit in spec.units]),
        (tr("plan-what-unit-name", lang), "units", [unit.name for unit in spec.units]),
        (tr("plan-what-indicator", lang), "indicators", [i.id for i in spec.indicators]),
        (tr("plan-what-target", lang), "targets", [target.id for target in spec.targets]),
    ):
        for index, item in enumerate(items):
            if items.index(item) != index:
                yield (key, index), tr("plan-duplicate-id", lang, what=words, id=item)

    level_ids = [level.id for level in spec.levels]
    codes = {unit.code for unit in spec.units}
    for index, unit in enumerate(spec.units):
        if unit.level not in level_ids:
            yield (
                ("units", index, "level"),
                tr("unit-level", lang, unit=unit.name, level=unit.level),
            )
        if unit.parent is not None and unit.parent not in codes:
            owner, words = tr("plan-unit", lang, id=unit.name), tr("plan-ref-parent", lang)
            yield ("units", index, "parent"), _unknown(owner, words, unit.parent, codes, lang)
    roots = Counter(unit.parent is None for unit in spec.units)[True]
    if roots != 1:
        yield ("units",), tr("plan-root", lang, count=roots)
    yield from _cycles(spec, lang)

    indicators = {indicator.id: indicator for indicator in spec.indicators}
    for index, target in enumerate(spec.targets):
        owner = tr("plan-target", lang, id=target.id)
        if target.indicator not in indicators:
            yield (
                ("targets", index, "indicator"),
                _unknown(owner, tr("plan-ref-indicator", lang), target.indicator, indicators, lang),
            )
            continue
        for level in target.levels:
            if level not in level_ids:
                words = tr("plan-ref-level", lang)
                yield ("targets", index, "level"), _unknown(owner, words, level, level_ids, lang)
        indicator = indicators[target.indicator]
        for field, why in (
            *_rule_problems(target, indicator.type, start, end),
            *_fit_problems(target, indicator),
        ):
            message = tr("plan-rule", lang, id=target.id, why=why[1 if lang == "en" else 0])
            yield ("targets", index, field), message
    for index, indicator in enumerate(spec.indicators):
        if indicator.aggregate is Aggregate.SUM and indicator.type in _NOT_ADDED:
            message = tr(_NOT_ADDED[indicator.type], lang, id=indicator.id)
            yield ("indicators", index, "aggregate"), message


def _unknown(owner: str, what: str, ref: str, known: Iterable[str], lang: str) -> str:
    guess = closest(ref, known)
    suggest = tr("did-you-mean", lang, id=guess) if guess else ""
    return tr("plan-unknown-ref", lang, owner=owner, what=what, ref=ref, suggest=suggest)


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


#: the types whose values a parent cannot add up from its children's, and why not
_NOT_ADDED: dict[ValueType, str] = {
    ValueType.BOOLEAN: "plan-sum-boolean",
    ValueType.PERCENT: "plan-sum-percent",
}


def _fit_problems(target: Target, indicator: Indicator) -> Iterator[tuple[str, tuple[str, str]]]:
    """Where a target's rule contradicts what its indicator is (nature, direction, type)."""
    ident, kind, op = indicator.id, target.kind, target.op
    if kind is Kind.CUMULATIVE and indicator.nature is Nature.STOCK:
        yield (
            "kind",
            (
                f"指标 “{ident}” 是存量（nature: stock），各年数值相加没有意义，"
                "不能设 cumulative 类目标；期末要达到的存量请用 kind: deadline",
                f"indicator “{ident}” is a stock (nature: stock): adding up its yearly values means"
                " nothing, so it cannot have a cumulative target; for a level to reach by the"
                " deadline use kind: deadline",
            ),
        )
    if kind is Kind.GROWTH and indicator.type is ValueType.PERCENT:
        yield (
            "kind",
            (
                f"指标 “{ident}” 是百分比，growth 类目标算的是相对上年的增长率，"
                "与“提高几个百分点”不是一回事；请用 deadline 或 annual 类目标写明要达到的百分比",
                f"indicator “{ident}” is a percentage, and a growth target is the change relative"
                " to last year, not in percentage points; use a deadline or annual target with the"
                " percentage to reach",
            ),
        )
    if op is None:
        return
    if op.is_floor and indicator.direction is Direction.LOWER:
        yield (
            "op",
            (
                f'指标 “{ident}” 越低越好（direction: lower），op: "{op.value}" 却要求不低于'
                "阈值，二者矛盾；应为 <= 或 <，或改正指标的 direction",
                f'indicator “{ident}” is better lower (direction: lower) but op "{op.value}"'
                " asks for at least the threshold; use <= or <, or correct the indicator's"
                " direction",
            ),
        )
    if op.is_cap and indicator.direction is Direction.HIGHER:
        yield (
            "op",
            (
                f'指标 “{ident}” 越高越好（direction: higher），op: "{op.value}" 却要求不高于'
                "阈值，二者矛盾；应为 >= 或 >，或改正指标的 direction",
                f'indicator “{ident}” is better higher (direction: higher) but op "{op.value}"'
                " asks for at most the threshold; use >= or >, or correct the indicator's"
                " direction",
            ),
        )
