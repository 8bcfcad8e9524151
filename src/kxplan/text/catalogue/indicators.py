"""Derived indicators (`formula`), the ways to form a parent's value (`aggregate`) and the
problem `derived-reported` (SPEC §7): in the plan checks, the data files and the reports."""

from __future__ import annotations

from kxplan.text.catalogue.entry import Entry

_ALLOWED = (
    "（只能用 + - * /、括号、数和指标 id）",
    " (only + - * /, parentheses, numbers and indicator ids)",
)

MESSAGES: dict[str, Entry] = {
    # the plan checks (`kxplan.load.formula`, `kxplan.load.aggregate`)
    "formula-syntax": (
        "指标 “{id}” 的公式无法解析" + _ALLOWED[0],
        "indicator “{id}”: the formula cannot be read" + _ALLOWED[1],
    ),
    "formula-not-allowed": (
        "指标 “{id}” 的公式不能用 “{what}”" + _ALLOWED[0],
        "indicator “{id}”: a formula cannot use “{what}”" + _ALLOWED[1],
    ),
    "formula-too-deep": (
        "指标 “{id}” 的公式嵌套太深（最多 {limit} 层运算）",
        "indicator “{id}”: the formula nests too deeply (at most {limit} levels of operations)",
    ),
    "formula-unknown": (
        "指标 “{id}” 的公式中的指标 “{ref}” 不存在{suggest}",
        "indicator “{id}”: the formula's indicator “{ref}” does not exist{suggest}",
    ),
    "formula-yes-no-input": (
        "指标 “{id}” 的公式用到 “{ref}”，但 “{ref}” 是是否类指标，不能参与计算",
        "indicator “{id}”: the formula uses “{ref}”, a yes/no indicator, which cannot be"
        " computed with",
    ),
    "formula-cycle": (
        "计算指标的公式循环引用：{cycle}",
        "the formulas of derived indicators refer to each other in a cycle: {cycle}",
    ),
    "formula-aggregate": (
        "指标 “{id}” 由公式计算，不能设 aggregate（上级的值由上级自己的输入按公式计算）",
        "indicator “{id}” is computed by its formula and takes no aggregate (a parent's value"
        " is computed from the parent's own inputs)",
    ),
    "formula-boolean-type": (
        "指标 “{id}” 由公式计算，type 应为 count、amount 或 percent，不能是 boolean",
        "indicator “{id}” is computed by its formula: its type should be count, amount or"
        " percent, not boolean",
    ),
    "aggregate-yes-no-only": (
        "指标 “{id}” 不是是否类，不能 aggregate: {how}（all、any 只用于是否类指标）",
        "indicator “{id}” is not yes/no and cannot aggregate: {how} (all and any are for"
        " yes/no indicators)",
    ),
    "aggregate-numbers-only": (
        "指标 “{id}” 是是否类，不能 aggregate: {how}（是否类只能 all、any 或 none）",
        "indicator “{id}” is yes/no and cannot aggregate: {how} (yes/no takes all, any or none)",
    ),
    "aggregate-weight-unknown": (
        "指标 “{id}” 的权重指标 “{ref}” 不存在",
        "indicator “{id}”: its weight indicator “{ref}” does not exist",
    ),
    "aggregate-weight-type": (
        "指标 “{id}” 的权重指标 “{ref}” 应为 count 或 amount 类，实际是 {type}",
        "indicator “{id}”: its weight indicator “{ref}” should be a count or an amount, got {type}",
    ),
    # data files (`kxplan.load.datafile`)
    "derived-reported": (
        "{id}（{name}）由公式 {formula} 计算，不必填报：填报的数不使用，以计算值为准",
        "{id} ({name}) is computed by its formula {formula} and is not reported: the reported"
        " figure is ignored, the computed one is used",
    ),
    # why a value is missing (`kxplan.render.describe`)
    "explain-input-not-reported": (
        "{unit} {year} 年未填报 {id}，无法计算 {name}",
        "{unit} did not report {id} for {year}, so {name} cannot be computed",
    ),
    "explain-division-by-zero": (
        "{unit} {year} 年按公式 {formula} 计算 {name} 时除数为 0",
        "{unit}, {year}: computing {name} by {formula} divides by 0",
    ),
    "explain-zero-weight": (
        "{unit} {year} 年各下级单位的权重之和为 0，无法计算 {name} 的加权平均",
        "{unit}, {year}: the children's weights add up to 0, so {name} has no weighted mean",
    ),
    "gap-division-by-zero": ("计算时除数为 0", "its formula divides by 0"),
    "gap-zero-weight": ("权重之和为 0", "the weights add up to 0"),
    "gap-input-not-reported": ("未填报 {id}", "did not report {id}"),
    # explain's steps (`kxplan.render.trail`)
    "audit-formed": (
        "{year} 年值为下级单位的{how}：{expr} = {value}",
        "{year} value is the {how} of the lower units: {expr} = {value}",
    ),
    "aggregate-mean": ("平均值", "mean"),
    "aggregate-min": ("最小值", "least"),
    "aggregate-max": ("最大值", "greatest"),
    "aggregate-all": ("是否全部为是", "whether all are yes"),
    "aggregate-any": ("是否有为是的", "whether any is yes"),
    "aggregate-weighted-mean": ("加权平均值", "weighted mean"),
    "audit-derived": (
        "{year} 年 {id} 按公式计算：{formula} = {filled} = {value}",
        "{year}: {id} by its formula: {formula} = {filled} = {value}",
    ),
    # `kxplan targets`
    "targets-formula": ("（{id} = {formula}）", " ({id} = {formula})"),
}
