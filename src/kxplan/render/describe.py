"""Numbers and one-line explanations of results, as people read them."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import TypeGuard

from kxplan.engine.rules import Result, Why
from kxplan.engine.thresholds import Limit
from kxplan.model.comparisons import Threshold
from kxplan.model.dataset import Gap, Missing
from kxplan.model.plan import (
    Indicator,
    Kind,
    Relative,
    Target,
    Unit,
    ValueType,
    exact,
    exact_threshold,
)
from kxplan.model.rounding import half_up
from kxplan.model.scope import quota_of
from kxplan.model.status import Status
from kxplan.text import groups_thousands, in_lang, measure_apart, tr


def number(value: Fraction | bool | None, places: int = 2) -> str:
    """8.6, 15230, 35.2 — at most `places` decimals, no trailing zeros."""
    if value is None:
        return "—"
    if isinstance(value, bool):  # a value without a language: said as the data file's Chinese
        return tr("yes" if value else "no", "zh")
    if value.denominator == 1:
        return str(value.numerator)
    scaled = abs(half_up(value, places)) * 10**places  # a whole number: half up, exactly
    digits = str(int(scaled)).rjust(places + 1, "0")
    text = f"{digits[:-places]}.{digits[-places:]}".rstrip("0").rstrip(".")
    return f"-{text}" if value < 0 and text != "0" else text


def grouped(value: Fraction, lang: str) -> str:
    """`number`, with thousands separated in English (100,000); Chinese writes 100000."""
    text = number(value)
    if not groups_thousands(lang) or abs(value) < 10000:
        return text
    whole, _, decimals = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = f"{int(whole.lstrip('-')):,}"
    return f"{sign}{whole}.{decimals}" if decimals else f"{sign}{whole}"


def ratio_number(value: Fraction) -> str:
    """A progress ratio: two decimals, more when rounding would make it look like a round
    figure it is not (0.895 is not the 0.9 of a band), up to six."""
    for places in range(2, 7):
        text = number(value, places)
        if Fraction(text) == value or (Fraction(text) * 10).denominator != 1:
            return text
    return text


_KIND_NAMES: dict[Kind, str] = {
    Kind.ANNUAL: "kind-annual",
    Kind.DEADLINE: "kind-deadline",
    Kind.CUMULATIVE: "kind-cumulative",
    Kind.GROWTH: "kind-growth",
    Kind.MONITOR: "kind-monitor",
    Kind.AVERAGE_GROWTH: "kind-average-growth",
}

#: kinds whose value is a growth rate, shown in percent whatever the indicator's measure
IN_PERCENT = frozenset({Kind.GROWTH, Kind.AVERAGE_GROWTH})


def kind_name(kind: Kind, lang: str) -> str:
    """The kind of a target in words: 每年, 期末, 累计, 增长, 监测."""
    return tr(_KIND_NAMES[kind], lang)


def yes_no(value: bool, lang: str) -> str:
    return tr("yes" if value else "no", lang)


def shown(value: Fraction | bool | None, lang: str, judged: Result | None = None) -> str:
    """A value as people read it; in `judged`, never rounded onto the threshold its unit is
    judged against (its own: a quota, a relative threshold resolved)."""
    if isinstance(value, bool):
        return yes_no(value, lang)
    if value is None or judged is None:
        return number(value)
    return apart(value, thresholds(judged))


def thresholds(result: Result) -> tuple[Fraction, ...]:
    """The numbers a result's value is compared with: its unit's own threshold (SPEC §7)."""
    bound = result.threshold
    if isinstance(bound, tuple):
        return bound
    return () if bound is None or isinstance(result.target.threshold, bool) else (bound,)


def apart(value: Fraction, edges: tuple[Fraction, ...], places: int = 2) -> str:
    """`number(value)`, with more decimals (up to six) where rounding would make it read as an
    edge it is not, as the edge is written: a growth of 29.9996 % fails “≥ 30 %” and must not
    read “30%”, nor 9.8899 read “9.89” against a resolved threshold 9.889999 written “9.89”."""
    near = {number(edge, places) for edge in edges if edge != value}
    text = number(value, places)
    for more in range(places + 1, 7):
        if text not in near:
            break
        text = number(value, more)
    return text


NO_VALUE = "—"  # what every table shows for a value that is not there (`number(None)`)


def percent(value: Fraction | None) -> str:
    """`63.6%`; 99.98 % is not `100%`."""
    return NO_VALUE if value is None else f"{apart(value * 100, (Fraction(100),), 1)}%"


def figure(result: Result, lang: str) -> str:
    """A result's value as the rule judged it, for a table cell: growth in percent (`32%`),
    `是`/`否`, numbers by `number` (never rounded onto the unit's threshold), `—` when there is
    none."""
    if result.value is None:
        return NO_VALUE
    text = shown(result.value, lang, result)
    return f"{text}%" if result.target.kind in IN_PERCENT else text


def json_number(value: Fraction | bool | None) -> int | float | bool | None:
    if value is None or isinstance(value, bool):
        return value
    if value.denominator == 1:
        return value.numerator
    return round(float(value), 6)


def json_threshold(target: Target) -> object:
    """The threshold as JSON: a number, `true`/`false` for yes/no, `[low, high]` for between."""
    if isinstance(target.threshold, bool):
        return target.threshold
    return json_bound(target.bound)


def json_bound(bound: Threshold | None, boolean: bool = False) -> object:
    """A threshold (exact) as JSON; `boolean` says it as `true`/`false`."""
    if boolean and bound is not None and not isinstance(bound, tuple):
        return bool(bound)
    if isinstance(bound, tuple):
        return [json_number(bound[0]), json_number(bound[1])]
    return json_number(bound)


def own_threshold(result: Result) -> object:
    """The threshold the result's unit is judged against (its own, SPEC §7) as JSON."""
    return json_bound(result.threshold, result.indicator.type is ValueType.BOOLEAN)


def measure(indicator: Indicator, lang: str, amount: object = None) -> str:
    """The unit of measure to append to a number: `%`, `人`, ` people`; in English singular
    after exactly 1 (`1 lecture`, `≥ 1 site`), as plan files give the plural."""
    if indicator.measure is None:
        return ""
    word = in_lang(indicator.measure, indicator.measure_en, lang)
    if not measure_apart(lang) or word.startswith("%"):
        return word
    return f" {singular(word) if amount == 1 and not isinstance(amount, bool) else word}"


def singular(word: str) -> str:
    """The singular of a plan's English plural: societies → society, people → person."""
    if word == "people":
        return "person"
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and word[:1].isalpha():
        return word[:-1]
    return word


def rule(target: Target, indicator: Indicator, lang: str) -> str:
    """The rule in a few symbols: `≥ 13%（2025年）`, `累计 > 50亿元（2021—2025年）`,
    `≥ 基期+2个百分点（2025年）`."""
    key = (id(target), id(indicator), lang)
    said = _RULES.get(key)
    if said is not None and said[0] is target and said[1] is indicator:
        return said[2]  # the same words for each of a target's 3,000 units
    if target.op is None:
        text = tr("kind-monitor", lang)
    else:
        text = framed(target, body(target, indicator, target.bound, target.relative, lang), lang)
    if len(_RULES) > 4096:  # many plans in one process (the tests): start again
        _RULES.clear()
    _RULES[key] = (target, indicator, text)  # held, so that their ids stay theirs
    return text


#: `rule`'s words by target, indicator and language (by identity: a target is no dict key)
_RULES: dict[tuple[int, int, str], tuple[Target, Indicator, str]] = {}


def rule_for(
    target: Target,
    indicator: Indicator,
    results: Sequence[Result],
    lang: str,
    short: bool = False,
) -> str:
    """The rule as it applies to `results` — what every view says where it shows a threshold:
    the threshold they share, as their unit's own where it is (`≥ 6个（每年）（分解）`,
    `≥ 10.6%（2025年）（基期+2个百分点）`, SPEC §7); where their units' thresholds differ, the
    target's rule noted `（分解、各单位不同）`; without results, the target's rule.

    `short` gives only a threshold of their own in a few symbols (`≥ 6个`, `≥ 10.6%`), for a
    cell beside a row's rule; nothing when it is the target's or theirs differ."""
    own = [result.limit for result in results if _own(result.limit)]
    if target.op is None or not own:
        return "" if short else rule(target, indicator, lang)
    if len({_same(result.limit) for result in results}) > 1:
        if short:
            return ""
        notes = [tr("quota-mark", lang)] if any(limit.quota for limit in own) else []
        notes.append(tr("per-unit-mark", lang))
        return rule(target, indicator, lang) + _noted(notes, lang)
    return limit_rule(target, indicator, own[0], lang, short)


def given_rule(target: Target, indicator: Indicator, unit: Unit, lang: str) -> str:
    """The rule the plan gives one unit, before any data: its quota (`≥ 30（2025年）（分解）`,
    relative ones in words), else the target's rule."""
    quota = quota_of(target, unit)
    if quota is None or target.op is None:
        return rule(target, indicator, lang)
    given = exact_threshold(quota)
    bound = None if target.relative is not None else given  # no data: not resolved
    return limit_rule(target, indicator, Limit(given, bound, target.relative, True), lang)


def limit_rule(
    target: Target, indicator: Indicator, limit: Limit, lang: str, short: bool = False
) -> str:
    """A unit's own threshold (`Limit`) as `rule_for` says it."""
    assert target.op is not None, "a monitored target has no threshold"
    notes = []
    if limit.bound is None:  # a relative threshold without its base: said as the plan says it
        said = body(target, indicator, limit.given, limit.relative, lang)
    else:
        said = body(target, indicator, limit.bound, None, lang)
        if limit.relative is not None and limit.given is not None:
            notes.append(relative_body(indicator, limit.given, limit.relative, lang))
    if limit.quota:
        notes.append(tr("quota-mark", lang))
    return said if short else framed(target, said, lang) + _noted(notes, lang)


def _own(limit: Limit | None) -> TypeGuard[Limit]:
    """The unit has a threshold of its own: a quota, or one resolved from its base."""
    return limit is not None and (limit.quota or limit.relative is not None)


def _same(limit: Limit | None) -> object:
    """What two units share when their thresholds read the same."""
    return None if limit is None else (limit.given, limit.bound, limit.relative, limit.quota)


def _noted(notes: list[str], lang: str) -> str:
    return tr("quota-notes", lang, notes=tr("list-comma", lang).join(notes)) if notes else ""


def body(
    target: Target,
    indicator: Indicator,
    bound: Threshold | None,
    relative: Relative | None,
    lang: str,
) -> str:
    """The comparison and its threshold: `≥ 13%`, `1–2次`, `= 是`, `≥ 基期+2个百分点`."""
    assert target.op is not None, "a monitored target has no comparison"
    if relative is not None and bound is not None:
        said = relative_body(indicator, bound, relative, lang)
        return said if isinstance(bound, tuple) else f"{target.op.symbol} {said}"
    one = bound if not isinstance(bound, tuple) else bound[1]
    unit = "%" if target.kind in IN_PERCENT else measure(indicator, lang, one)
    if isinstance(bound, tuple):
        return f"{grouped(bound[0], lang)}–{grouped(bound[1], lang)}{unit}"
    if isinstance(target.threshold, bool) or (
        bound is not None and indicator.type is ValueType.BOOLEAN
    ):
        return f"= {yes_no(bool(bound), lang)}"
    if bound is None and target.quotas:  # quotas only: each unit's own, listed after the rule
        symbol = "=" if indicator.type is ValueType.BOOLEAN else target.op.symbol
        return f"{symbol} {tr('quota-only', lang)}"
    return f"{target.op.symbol} {grouped(bound, lang) if bound is not None else '—'}{unit}"


def relative_body(indicator: Indicator, given: Threshold, relative: Relative, lang: str) -> str:
    """`基期+2个百分点`, `基期增长15%`, `基期下降15%`; a pair as `基期+1–基期+2个百分点`."""

    def one(figure: Fraction) -> str:
        size = number(abs(figure))
        if relative is Relative.PERCENT:
            up = figure >= 0
            return tr("relative-percent-up" if up else "relative-percent-down", lang, figure=size)
        sign = "+" if figure >= 0 else "−"
        if indicator.type is ValueType.PERCENT:
            return tr("relative-points-percent", lang, sign=sign, figure=size)
        return tr("relative-points", lang, sign=sign, figure=size, measure=measure(indicator, lang))

    if isinstance(given, tuple):
        return f"{one(given[0])}–{one(given[1])}"
    return one(given)


def framed(target: Target, said: str, lang: str) -> str:
    """The comparison in the kind's frame: `年增长 …`, `累计 …（2025年）`, `…（每年）`."""
    if target.kind is Kind.GROWTH:
        return tr("rule-growth", lang, body=said)
    if target.kind is Kind.AVERAGE_GROWTH:
        return tr("rule-average-growth", lang, body=said, deadline=target.deadline)
    if target.kind is Kind.CUMULATIVE:
        return tr("rule-cumulative", lang, body=said, deadline=target.deadline)
    if target.kind is Kind.DEADLINE:
        return tr("rule-deadline", lang, body=said, deadline=target.deadline)
    return tr("rule-annual", lang, body=said)


def full_rule(target: Target, indicator: Indicator, results: Sequence[Result], lang: str) -> str:
    """The rule as `rule_for` says it, and the milestones on the way to it where the plan sets
    them."""
    said = rule_for(target, indicator, results, lang)
    steps = milestone_words(target, indicator, lang)
    return said if steps is None else tr("semicolon", lang).join([said, steps])


def milestone_words(target: Target, indicator: Indicator, lang: str) -> str | None:
    """A target's milestones: `年度目标 2022年 11%、2024年 12%`, in a relative target's terms
    (`2022年 基期+2个百分点`); none without them."""
    if not target.milestones:
        return None

    def said(figure: int | float) -> str:
        if target.relative is not None:
            return relative_body(indicator, exact(figure), target.relative, lang)
        return f"{grouped(exact(figure), lang)}{measure(indicator, lang, figure)}"

    items = tr("list-comma", lang).join(
        tr("milestone-item", lang, year=year, value=said(figure))
        for year, figure in sorted(target.milestones.items())
    )
    return tr("milestone-rule", lang, items=items)


def target_name(target: Target, indicator: Indicator, lang: str) -> str:
    if target.name:
        return in_lang(target.name, target.name_en, lang)
    return in_lang(indicator.name, indicator.name_en, lang)


def explain(result: Result, lang: str, *, hint: bool = True) -> str:
    """One sentence saying why the result has its status (and the plan's instruction for a
    failure, unless `hint` is false)."""
    if result.status is Status.MISSING:
        return _missing(result, lang)
    unit = (
        "%" if result.target.kind in IN_PERCENT else measure(result.indicator, lang, result.value)
    )
    value = f"{shown(result.value, lang, result)}{unit}"
    if result.target.kind is Kind.GROWTH:
        value = tr("explain-growth", lang, value=value, previous=number(result.previous))
    if result.target.kind is Kind.CUMULATIVE:
        value = tr("explain-running-total", lang, value=value)
    if result.target.kind is Kind.AVERAGE_GROWTH:
        base = number(result.baseline)
        value = tr("explain-average-growth", lang, value=value, base=base)
    parts = [value, rule_for(result.target, result.indicator, [result], lang)]
    ceiling = result.target.op is not None and result.target.op.is_cap
    if result.target.kind is Kind.CUMULATIVE and ceiling and result.value is not None:
        used, cap = number(result.value), number(_single(result.threshold))
        parts.append(tr("explain-cap-used", lang, used=used, cap=cap))
    if result.progress_ratio is not None:
        expected, ratio = number(result.expected), ratio_number(result.progress_ratio)
        parts.append(tr("explain-progress", lang, expected=expected, ratio=ratio))
    if result.why is not None:
        parts.append(tr(_WHY[result.why], lang))
    if hint and result.status in (Status.NOT_MET, Status.BEHIND) and result.target.hint:
        parts.append(in_lang(result.target.hint, result.target.hint_en, lang))
    return tr("semicolon", lang).join(parts)


def _single(bound: Threshold | None) -> Fraction | None:
    return bound[0] if isinstance(bound, tuple) else bound


#: why a result has its status, where the numbers alone do not say it
_WHY: dict[Why, str] = {
    Why.PREVIOUS_ZERO: "why-previous-zero",
    Why.ABOVE_UPPER: "why-above-upper",
    Why.CAP_EXCEEDED: "why-cap-exceeded",
    Why.NOT_YET_TRUE: "why-not-yet-true",
    Why.BASE_SATISFIED: "why-base-satisfied",
    Why.BASE_AT_GOAL: "why-base-at-goal",
    Why.BASE_MISSING: "why-base-missing-short",
    Why.BASE_NOT_POSITIVE: "why-base-not-positive",
    Why.NO_MOVEMENT: "why-no-movement",
}


def _missing(result: Result, lang: str) -> str:
    if result.why in (Why.PREVIOUS_ZERO, Why.BASE_NOT_POSITIVE):
        return tr(_WHY[result.why], lang)
    gap = result.missing
    if gap is None:
        return Status.MISSING.label(lang)
    if result.why is Why.BASE_MISSING:
        return tr("why-base-missing", lang, gap=_gap_sentence(gap, result, lang))
    return _gap_sentence(gap, result, lang)


def _gap_sentence(gap: Missing, result: Result, lang: str) -> str:
    who = in_lang(gap.unit.name, gap.unit.name_en, lang)
    if gap.gap is Gap.NO_FILE:
        return tr("explain-no-file", lang, unit=who, year=gap.year)
    if gap.gap is Gap.INVALID_FILE:
        return tr("explain-invalid-file", lang, unit=who, year=gap.year)
    what = in_lang(result.indicator.name, result.indicator.name_en, lang)
    if gap.gap is Gap.DIVISION_BY_ZERO:
        formula = result.indicator.formula if gap.indicator == result.indicator.id else None
        return tr(
            "explain-division-by-zero",
            lang,
            unit=who,
            year=gap.year,
            name=what if formula else gap.indicator,
            formula=formula or gap.indicator,
        )
    if gap.gap is Gap.ZERO_WEIGHT:
        name = what if gap.indicator == result.indicator.id else gap.indicator
        return tr("explain-zero-weight", lang, unit=who, year=gap.year, name=name)
    if gap.indicator != result.indicator.id:  # an input of a derived indicator, or a weight
        return tr(
            "explain-input-not-reported", lang, unit=who, year=gap.year, id=gap.indicator, name=what
        )
    return tr("explain-not-reported", lang, unit=who, year=gap.year, id=gap.indicator, name=what)


def gap_words(gap: Missing, indicator: Indicator, lang: str) -> str:
    """Why a unit's value is not there, in words (people never see the `Gap` codes)."""
    if gap.gap is Gap.NO_FILE:
        return tr("gap-no-file", lang)
    if gap.gap is Gap.INVALID_FILE:
        return tr("gap-invalid-file", lang)
    if gap.gap is Gap.DIVISION_BY_ZERO:
        return tr("gap-division-by-zero", lang)
    if gap.gap is Gap.ZERO_WEIGHT:
        return tr("gap-zero-weight", lang)
    if gap.indicator != indicator.id:  # an input of a derived indicator, or a weight
        return tr("gap-input-not-reported", lang, id=gap.indicator)
    what = in_lang(indicator.name, indicator.name_en, lang)
    return tr("gap-not-reported", lang, id=gap.indicator, name=what)
