"""Numbers and one-line explanations of results, as people read them."""

from __future__ import annotations

from fractions import Fraction

from kxplan.engine.rules import Result, Why
from kxplan.load.dataset import Gap, Missing
from kxplan.model.plan import Indicator, Kind, Target
from kxplan.model.status import Status
from kxplan.text.messages import pick


def number(value: Fraction | bool | None, places: int = 2) -> str:
    """8.6, 15230, 35.2 — at most `places` decimals, no trailing zeros."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    if value.denominator == 1:
        return str(value.numerator)
    scaled = abs(value) * 10**places
    digits = str(int(scaled + Fraction(1, 2))).rjust(places + 1, "0")  # half up, exactly
    text = f"{digits[:-places]}.{digits[-places:]}".rstrip("0").rstrip(".")
    return f"-{text}" if value < 0 and text != "0" else text


def grouped(value: Fraction, lang: str) -> str:
    """`number`, with thousands separated in English (100,000); Chinese writes 100000."""
    text = number(value)
    if lang != "en" or abs(value) < 10000:
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


_KIND_NAMES = {
    Kind.ANNUAL: ("每年", "annual"),
    Kind.DEADLINE: ("期末", "deadline"),
    Kind.CUMULATIVE: ("累计", "cumulative"),
    Kind.GROWTH: ("增长", "growth"),
    Kind.MONITOR: ("监测", "monitor"),
}


def kind_name(kind: Kind, lang: str) -> str:
    """The kind of a target in words: 每年, 期末, 累计, 增长, 监测."""
    zh, en = _KIND_NAMES[kind]
    return en if lang == "en" else zh


def yes_no(value: bool, lang: str) -> str:
    if lang == "en":
        return "yes" if value else "no"
    return "是" if value else "否"


def shown(value: Fraction | bool | None, lang: str, target: Target | None = None) -> str:
    """A value as people read it; judged against `target`, never rounded onto its threshold."""
    if isinstance(value, bool):
        return yes_no(value, lang)
    if value is None or target is None:
        return number(value)
    return apart(value, thresholds(target))


def thresholds(target: Target) -> tuple[Fraction, ...]:
    """The numbers a value of `target` is compared with."""
    bound = target.bound
    if isinstance(bound, tuple):
        return bound
    return () if bound is None or isinstance(target.threshold, bool) else (bound,)


def apart(value: Fraction, edges: tuple[Fraction, ...], places: int = 2) -> str:
    """`number(value)`, with more decimals (up to six) where rounding would put it exactly on
    an edge it is not on: a growth of 29.9996 % fails “≥ 30 %” and must not read “30%”."""
    text = number(value, places)
    for more in range(places + 1, 7):
        if Fraction(text) == value or Fraction(text) not in edges:
            break
        text = number(value, more)
    return text


NO_VALUE = "—"  # what every table shows for a value that is not there (`number(None)`)


def percent(value: Fraction | None) -> str:
    return NO_VALUE if value is None else f"{number(value * 100, 1)}%"


def figure(value: Fraction | bool | None, target: Target, lang: str) -> str:
    """A value as the rule judged it, for a table cell: growth in percent (`32%`), `是`/`否`,
    numbers by `number` (never rounded onto the threshold), `—` when there is none."""
    if value is None:
        return NO_VALUE
    text = shown(value, lang, target)
    return f"{text}%" if target.kind is Kind.GROWTH else text


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
    bound = target.bound
    if isinstance(bound, tuple):
        return [json_number(bound[0]), json_number(bound[1])]
    return json_number(bound)


def measure(indicator: Indicator, lang: str, amount: object = None) -> str:
    """The unit of measure to append to a number: `%`, `人`, ` people`; in English singular
    after exactly 1 (`1 lecture`, `≥ 1 site`), as plan files give the plural."""
    if indicator.measure is None:
        return ""
    word = pick(indicator.measure, indicator.measure_en, lang)
    if lang != "en" or word.startswith("%"):
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
    """The rule in a few symbols: `≥ 13%（2025年）`, `累计 > 50亿元（2021—2025年）`."""
    en = lang == "en"
    if target.op is None:
        return "monitor" if en else "监测"
    one = target.bound if not isinstance(target.bound, tuple) else target.bound[1]
    unit = "%" if target.kind is Kind.GROWTH else measure(indicator, lang, one)
    bound = target.bound
    if isinstance(bound, tuple):
        body = f"{grouped(bound[0], lang)}–{grouped(bound[1], lang)}{unit}"
    elif isinstance(target.threshold, bool):
        body = f"= {yes_no(target.threshold, lang)}"
    else:
        body = f"{target.op.symbol} {grouped(bound, lang) if bound is not None else '—'}{unit}"
    if target.kind is Kind.GROWTH:
        return f"growth {body} a year" if en else f"年增长 {body}"
    if target.kind is Kind.CUMULATIVE:
        return f"total {body} by {target.deadline}" if en else f"累计 {body}（{target.deadline}年）"
    if target.kind is Kind.DEADLINE:
        return f"{body} by {target.deadline}" if en else f"{body}（{target.deadline}年）"
    return f"{body} every year" if en else f"{body}（每年）"


def target_name(target: Target, indicator: Indicator, lang: str) -> str:
    if target.name:
        return pick(target.name, target.name_en, lang)
    return pick(indicator.name, indicator.name_en, lang)


def explain(result: Result, lang: str) -> str:
    """One sentence saying why the result has its status."""
    en = lang == "en"
    if result.status is Status.MISSING:
        return _missing(result, lang)
    unit = (
        "%" if result.target.kind is Kind.GROWTH else measure(result.indicator, lang, result.value)
    )
    value = f"{shown(result.value, lang, result.target)}{unit}"
    if result.target.kind is Kind.GROWTH:
        value = (
            f"growth {value} (from {number(result.previous)})"
            if en
            else f"增长 {value}（上年 {number(result.previous)}）"
        )
    if result.target.kind is Kind.CUMULATIVE:
        value = f"running total {value}" if en else f"累计 {value}"
    parts = [value, rule(result.target, result.indicator, lang)]
    if result.progress_ratio is not None:
        expected, ratio = number(result.expected), ratio_number(result.progress_ratio)
        parts.append(
            f"expected {expected}, progress ratio {ratio}"
            if en
            else f"序时目标 {expected}，进度比 {ratio}"
        )
    if result.why is not None:
        parts.append(_WHY[result.why][1 if en else 0])
    if result.status in (Status.NOT_MET, Status.BEHIND) and result.target.hint:
        parts.append(pick(result.target.hint, result.target.hint_en, lang))
    return ("; " if en else "；").join(parts)


_WHY: dict[Why, tuple[str, str]] = {
    Why.PREVIOUS_ZERO: (
        "上年数值为 0，无法计算增长率",
        "last year's value is 0; growth is undefined",
    ),
    Why.ABOVE_UPPER: ("已超过上限", "already above the upper bound"),
    Why.CAP_EXCEEDED: ("已超过上限", "the cap is already exceeded"),
    Why.NOT_YET_TRUE: ("尚未实现", "not yet done"),
    Why.BASE_SATISFIED: ("基期已达标，本年回落", "the base year met it; this year fell back"),
    Why.BASE_AT_GOAL: (
        "基期值等于目标值但未达到（目标要求超过它），尚未超过",
        "the base value equals the threshold, which asks for more; not beyond it yet",
    ),
}


def _missing(result: Result, lang: str) -> str:
    en = lang == "en"
    if result.why is Why.PREVIOUS_ZERO:
        return _WHY[Why.PREVIOUS_ZERO][1 if en else 0]
    gap = result.missing
    if gap is None:
        return "missing data" if en else "缺数据"
    who = pick(gap.unit.name, gap.unit.name_en, lang)
    if gap.gap is Gap.NO_FILE:
        return f"no data file of {who} for {gap.year}" if en else f"缺少{who} {gap.year} 年数据文件"
    if gap.gap is Gap.INVALID_FILE:
        return (
            f"the {gap.year} data file of {who} is invalid"
            if en
            else f"{who} {gap.year} 年数据文件有误，按缺数据处理"
        )
    what = pick(result.indicator.name, result.indicator.name_en, lang)
    return (
        f"{who} did not report {gap.indicator} ({what}) for {gap.year}"
        if en
        else f"{who} {gap.year} 年未填报 {gap.indicator}（{what}）"
    )


def gap_words(gap: Missing, indicator: Indicator, lang: str) -> str:
    """Why a unit's value is not there, in words (people never see the `Gap` codes)."""
    if gap.gap is Gap.NO_FILE:
        return pick("未报送数据文件", "no data file", lang)
    if gap.gap is Gap.INVALID_FILE:
        return pick(
            "数据文件有误，按缺数据处理", "the data file is invalid; treated as missing", lang
        )
    what = pick(indicator.name, indicator.name_en, lang)
    return pick(
        f"未填报 {gap.indicator}（{what}）", f"did not report {gap.indicator} ({what})", lang
    )
