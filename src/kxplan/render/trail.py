"""The steps of an audit trail (`kxplan.engine.trail`) in words: sums and totals as they add
up, shares and ratios to four places, the value judged as every table shows it."""

from __future__ import annotations

import re
from fractions import Fraction
from typing import assert_never

from kxplan.engine import trail
from kxplan.engine.rules import Result
from kxplan.model.comparisons import Threshold
from kxplan.model.plan import Aggregate, Relative
from kxplan.model.status import Status
from kxplan.render.common import unit_name
from kxplan.render.describe import IN_PERCENT, explain, number, shown
from kxplan.text import tr


def steps_in_words(found: trail.Audit, lang: str) -> list[str]:
    return [_step(step, found, lang) for step in found.steps]


def ratio_text(value: Fraction) -> str:
    """4/5 = 0.8: the exact share and its decimal, as a reader checks it by hand."""
    if value.denominator == 1 or value.denominator > 100:
        return number(value, 4)
    return f"{value.numerator}/{value.denominator} = {number(value, 4)}"


def _step(step: trail.Step, found: trail.Audit, lang: str) -> str:
    """One step in words: sums and totals as they add up, ratios to four places, the value
    judged as every table shows it (never rounded onto its threshold)."""

    def judged(value: Fraction | bool | None) -> str:
        return shown(value, lang, found.result)

    match step:
        case trail.Sum():
            parts = " + ".join(number(part) for part in step.parts)
            return tr("audit-sum", lang, year=step.year, parts=parts, total=number(step.total))
        case trail.Formed():
            return _formed(step, lang)
        case trail.Derived():
            filled = _filled(step.formula, dict(step.inputs))
            return tr(
                "audit-derived",
                lang,
                year=step.year,
                id=step.indicator,
                formula=step.formula,
                filled=filled,
                value=number(step.value, 4),
            )
        case trail.PartialSum():
            names = tr("list-comma", lang).join(unit_name(unit, lang) for unit in step.absent)
            got = step.count - len(step.absent)
            one = len(step.absent) == 1
            if step.how in _HOW:  # not a sum: said by its aggregate (取最大值 … 无法计算)
                return tr(
                    "audit-partial-formed-one" if one else "audit-partial-formed",
                    lang,
                    year=step.year,
                    how=tr(_HOW[step.how], lang),
                    count=step.count,
                    got=got,
                    names=names,
                )
            return tr(
                "audit-partial-sum-one" if one else "audit-partial-sum",
                lang,
                year=step.year,
                count=step.count,
                got=got,
                names=names,
            )
        case trail.ThisYear():
            return tr("audit-value", lang, value=judged(step.v))
        case trail.GrowthValues():
            return tr("audit-growth-values", lang, p=number(step.p), v=number(step.v))
        case trail.Growth():
            p, v = number(step.p), number(step.v)
            return tr("audit-growth", lang, p=p, v=v, g=judged(step.g))
        case trail.Base():
            return tr("audit-base", lang, b=number(step.b), year=step.year)
        case trail.Goal():
            return tr("audit-threshold", lang, goal=number(step.goal))
        case trail.TimeShare():
            share = ratio_text(step.t)
            return tr("audit-time-share", lang, y=step.y, y0=step.y0, yT=step.yT, share=share)
        case trail.FlatLine():
            e = number(step.e, 4)
            return tr("audit-base-at-goal" if step.at_goal else "audit-base-met", lang, e=e)
        case trail.Expected():
            b, goal = number(step.b), number(step.goal)
            t, e = number(step.t, 4), number(step.e, 4)
            return tr("audit-expected", lang, b=b, goal=goal, t=t, e=e)
        case trail.Completion():
            b, goal, c = number(step.b), number(step.goal), number(step.c, 4)
            return tr("audit-completion", lang, v=judged(step.v), b=b, goal=goal, c=c)
        case trail.Ratio():
            c, t, r = number(step.c, 4), number(step.t, 4), number(step.r, 4)
            return tr("audit-ratio", lang, c=c, t=t, r=r)
        case trail.Total():
            terms = " + ".join(number(term) for term in step.terms)
            s, first, last = number(step.s), step.first, step.last
            return tr("audit-total", lang, terms=terms, s=s, first=first, last=last)
        case trail.TotalTimeShare():
            share = ratio_text(step.t)
            return tr("audit-total-time-share", lang, y=step.y, ys=step.ys, yT=step.yT, share=share)
        case trail.TotalExpected():
            goal, t, e = number(step.goal), number(step.t, 4), number(step.e, 4)
            return tr("audit-total-expected", lang, goal=goal, t=t, e=e)
        case trail.TotalCompletion():
            s, goal, c = number(step.s), number(step.goal), number(step.c, 4)
            return tr("audit-total-completion", lang, s=s, goal=goal, c=c)
        case trail.TotalRatio():
            s, e, r = number(step.s), number(step.e, 4), number(step.r, 4)
            return tr("audit-total-ratio", lang, s=s, e=e, r=r)
        case trail.CeilingEdge():
            return tr("audit-cap", lang, edge=number(step.edge, 4))
        case trail.UnitThreshold():
            return unit_threshold(step, lang)
        case trail.AverageGrowth():
            v, b, g = number(step.v, 6), number(step.b, 6), judged(step.g)  # as reported
            return tr("audit-average-growth", lang, v=v, b=b, n=step.n, g=g)
        case trail.GrowthLine():
            b, q, value = number(step.b), number(step.q, 6), number(step.value, 4)
            if step.deadline:
                return tr("audit-growth-level", lang, b=b, q=q, n=step.n, level=value)
            return tr("audit-growth-expected", lang, b=b, q=q, n=step.n, e=value)
        case trail.MilestoneLine():
            e1, e2, e = number(step.e1), number(step.e2), number(step.e, 4)
            if step.y in (step.y1, step.y2):  # at an anchor: the milestone, nothing between
                return tr("audit-milestone-at", lang, y=step.y, e=e)
            return tr("audit-milestone", lang, y1=step.y1, e1=e1, y2=step.y2, e2=e2, y=step.y, e=e)
        case trail.LineRatio():
            v, b, e, r = judged(step.v), number(step.b), number(step.e, 4), number(step.r, 4)
            return tr("audit-line-ratio", lang, v=v, b=b, e=e, r=r)
        case trail.NoMovement():
            return tr("audit-no-movement", lang, e=number(step.e, 4))
        case trail.Verdict():
            return _verdict(step, found, lang)
        case _:
            assert_never(step)


#: how each aggregate other than `sum` is said
_HOW: dict[Aggregate, str] = {
    Aggregate.MEAN: "aggregate-mean",
    Aggregate.MIN: "aggregate-min",
    Aggregate.MAX: "aggregate-max",
    Aggregate.ALL: "aggregate-all",
    Aggregate.ANY: "aggregate-any",
    Aggregate.WEIGHTED_MEAN: "aggregate-weighted-mean",
}


def _formed(step: trail.Formed, lang: str) -> str:
    """`(60 + 70.5) / 2 = 65.25`, `min(60, 70.5) = 60`, `all(是, 否) = 否`,
    `(60 × 1000 + 80 × 3000) / (1000 + 3000) = 75`."""
    yes_no = step.how in (Aggregate.ALL, Aggregate.ANY)
    parts = [shown(bool(p), lang) if yes_no else number(p) for p in step.parts]
    value = shown(bool(step.value), lang) if yes_no else number(step.value, 4)
    listed = ", ".join(parts)
    match step.how:
        case Aggregate.MEAN:
            expr = f"({' + '.join(parts)}) / {len(parts)}"
        case Aggregate.WEIGHTED_MEAN:
            weights = [number(w) for w in step.weights]
            terms = " + ".join(f"{p} × {w}" for p, w in zip(parts, weights, strict=True))
            expr = f"({terms}) / ({' + '.join(weights)})"
        case _:
            expr = f"{step.how.value}({listed})"
    how = tr(_HOW[step.how], lang) if step.how in _HOW else step.how.value
    return tr("audit-formed", lang, year=step.year, how=how, expr=expr, value=value)


def _filled(formula: str, inputs: dict[str, Fraction]) -> str:
    """The formula with each indicator id replaced by its value (ids are `[a-z][a-z0-9_]*`;
    a number's exponent, as in `1e3`, is no id since it follows a digit)."""
    return re.sub(
        r"\b[a-z][a-z0-9_]*\b",
        lambda match: number(inputs[match[0]]) if match[0] in inputs else match[0],
        formula,
    )


def _verdict(verdict: trail.Verdict, found: trail.Audit, lang: str) -> str:
    label = verdict.status.label(lang)
    if verdict.status is Status.MISSING:
        return tr("audit-verdict", lang, why=explain(found.result, lang), label=label)
    if verdict.test is None:
        return tr("audit-verdict-monitored", lang, label=label)
    test = _test(verdict.test, found.result, lang)
    if verdict.band is not None:
        band = _band(verdict.band, verdict.status)
        return tr("audit-verdict-band", lang, why=test, band=band, label=label)
    return tr("audit-verdict", lang, why=test, label=label)


def _test(test: trail.ThresholdTest, result: Result, lang: str) -> str:
    """`11.9 ≥ 13：不成立`."""
    target = result.target
    value = shown(test.value, lang, result)
    if isinstance(test.bound, tuple):
        low, high = test.bound
        said = f"{number(low)} ≤ {value} ≤ {number(high)}"
    elif test.level:  # this year's value against an average growth's deadline level
        level = number(test.bound, 4)
        said = tr("audit-growth-test", lang, v=number(test.value), op=test.op.symbol, level=level)
    elif isinstance(test.value, bool):
        said = f"{value} = {shown(bool(test.bound), lang)}"
    else:
        value = f"{value}%" if target.kind in IN_PERCENT else value
        said = f"{value} {test.op.symbol} {number(test.bound)}"
    return tr("audit-holds" if test.holds else "audit-does-not-hold", lang, test=said)


def _band(band: trail.Band, status: Status) -> str:
    """`0.9 ≤ R = 0.9375 < 1.1`: the ratio among the band edges it falls between (for a ceiling
    on a running sum, `R = 1.2 ≥ 1.1` or `R = 0.8 < 1.1`)."""
    ahead, behind = number(band.ahead), number(band.behind)
    ratio = f"R = {number(band.ratio, 4)}"
    if band.mirrored:
        return f"{ratio} ≥ {behind}" if status is Status.BEHIND else f"{ratio} < {behind}"
    if status is Status.AHEAD:
        return f"{ratio} ≥ {ahead}"
    if status is Status.ON_TRACK:
        return f"{behind} ≤ {ratio} < {ahead}"
    return f"{ratio} < {behind}"


def unit_threshold(step: trail.UnitThreshold, lang: str) -> str:
    """`分解给本单位的目标值 30`; `T = b + 2 = 8.6 + 2 = 10.6`; `T = b × (1 + 15 / 100) = …`."""
    given = bound_text(step.given)
    if step.relative is None:
        return tr("quota-audit", lang, given=given)
    if step.b is None or step.bound is None:
        return tr("relative-audit-no-base", lang, given=given, year=step.year)
    b, bound = number(step.b), bound_text(step.bound)
    sign = "+"
    if not isinstance(step.given, tuple) and step.given < 0:  # `1 − 20 / 100`, not `1 + -20`
        sign, given = "−", bound_text(-step.given)
    if step.relative is Relative.POINTS:
        said = tr("relative-audit-points", lang, sign=sign, given=given, b=b, bound=bound)
    else:
        said = tr("relative-audit-percent", lang, sign=sign, given=given, b=b, bound=bound)
    said = tr("quota-audit-relative", lang, said=said) if step.quota else said
    base = tr("audit-base", lang, b=b, year=step.year)  # named here: T is resolved from it
    return tr("semicolon", lang).join([base, said])


def bound_text(bound: Threshold) -> str:
    """A threshold as a reader checks it: `30`, `[1, 2]`, at up to four places."""
    if isinstance(bound, tuple):
        return f"[{number(bound[0], 4)}, {number(bound[1], 4)}]"
    return number(bound, 4)
