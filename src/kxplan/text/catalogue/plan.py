"""What is wrong in a plan file."""

from __future__ import annotations

from kxplan.text.catalogue.entry import Entry

MESSAGES: dict[str, Entry] = {
    "plan-unknown-ref": (
        "{owner}的{what} “{ref}” 不存在{suggest}",
        "{owner}: {what} “{ref}” does not exist{suggest}",
    ),
    "plan-ref-indicator": ("指标", "indicator"),
    "plan-ref-level": ("层级", "level"),
    "plan-ref-parent": ("上级单位", "parent unit"),
    "plan-duplicate-id": ("{what} “{id}” 重复定义", "{what} “{id}” is defined twice"),
    "plan-what-level": ("层级 id", "level id"),
    "plan-what-unit-code": ("单位代码", "unit code"),
    "plan-what-unit-name": ("单位名称", "unit name"),
    "plan-what-indicator": ("指标 id", "indicator id"),
    "plan-what-target": ("目标 id", "target id"),
    # who a place of the plan belongs to
    "plan-target": ("目标 “{id}”", "target “{id}”"),
    "plan-indicator": ("指标 “{id}”", "indicator “{id}”"),
    "plan-unit": ("单位 “{id}”", "unit “{id}”"),
    "plan-level": ("层级 “{id}”", "level “{id}”"),
    "plan-item": ("{section} 的第 {number} 项", "item {number} of {section}"),
    # what is wrong there
    "plan-value": (
        "{owner}的 {field} {expect}，实际是{got}",
        "{owner}: {field} {expect}, got {got}",
    ),
    "plan-value-whole": ("{owner}{expect}，实际是{got}", "{owner} {expect}, got {got}"),
    "plan-missing-field": (
        "{owner}缺少必填字段 “{field}”",
        "{owner}: required field “{field}” is missing",
    ),
    "plan-unknown-field": (
        "{owner}中有未知字段 “{field}”{suggest}；允许的字段：{allowed}",
        "{owner}: unknown field “{field}”{suggest}; allowed: {allowed}",
    ),
    "plan-got-text": ("文字 “{text}”", "the text “{text}”"),
    "plan-expect-mapping": (
        "应为“键: 值”的映射",
        "should be a mapping of “key: value”",
    ),
    "plan-expect-list": (
        "应为列表（每项以 - 开头）",
        "should be a list (each item starting with -)",
    ),
    "milestones-expect": (
        "应为“年份: 数值”的映射（如 2027: 12）",
        "should be a mapping of “year: number” (e.g. 2027: 12)",
    ),
    "plan-expect-text": (
        "应为文字（1–2000 字）",
        "should be text (1 to 2000 characters)",
    ),
    "plan-expect-id": (
        "应以小写英文字母开头，只含小写字母、数字和下划线（最长 64 个字符，如 literacy_rate）",
        "should be lowercase letters, digits and underscores, starting with a letter"
        " (at most 64 characters, e.g. literacy_rate)",
    ),
    "plan-expect-level": ("应为 levels 中一个层级的 id", "should be the id of one of the levels"),
    "plan-expect-levels": (
        "应为层级的 id 或 id 的列表（如 county 或 [city, county]）",
        "should be a level id or a list of them (e.g. county or [city, county])",
    ),
    "plan-expect-period": (
        "应为 [起始年, 结束年] 两个四位年份（如 [2021, 2025]）",
        "should be two four-digit years [first, last] (e.g. [2021, 2025])",
    ),
    "plan-expect-year": ("应为四位年份（1900–2200）", "should be a four-digit year (1900–2200)"),
    "plan-expect-bands": (
        "应为 {{ahead: 1.10, behind: 0.90}} 这样的映射",
        "should be a mapping such as {{ahead: 1.10, behind: 0.90}}",
    ),
    "plan-expect-ahead": (
        "应为大于 1 的数（快于预期的界限，默认 1.10）",
        "should be a number above 1 (the edge of ahead of schedule, 1.10 by default)",
    ),
    "plan-expect-behind": (
        "应为 0 与 1 之间的数（相对滞后的界限，默认 0.90）",
        "should be a number between 0 and 1 (the edge of behind schedule, 0.90 by default)",
    ),
    "plan-expect-code": (
        '应为加引号的 6 位行政区划代码（如 "510800"）',
        'should be a 6-digit division code in quotes (e.g. "510800")',
    ),
    "plan-expect-type": (
        "应为 count（计数）、amount（数量、金额）、percent（百分比）或 boolean（是否）",
        "should be count, amount, percent or boolean",
    ),
    "plan-expect-nature": (
        "应为 stock（存量）或 flow（当年新增）",
        "should be stock or flow (new during the year)",
    ),
    "plan-expect-direction": (
        "应为 higher（越高越好）或 lower（越低越好）",
        "should be higher or lower (which is better)",
    ),
    "plan-expect-aggregate": (
        "应为 sum、mean、min、max、all、any、none 之一（上级由下级的值怎样得出），"
        "或 {{weighted_mean: 权重指标 id}}",
        "should be one of sum, mean, min, max, all, any, none (how a parent's value is formed"
        " from its children's), or {{weighted_mean: <weight indicator id>}}",
    ),
    "plan-expect-kind": (
        "应为 annual（每年）、deadline（期末）、cumulative（累计）、growth（增长）"
        "或 monitor（监测）",
        "should be annual, deadline, cumulative, growth or monitor",
    ),
    "plan-expect-op": (
        '应为 ">="、">"、"<="、"<"、"==" 或 between（符号要加引号）',
        'should be ">=", ">", "<=", "<", "==" or between (symbols in quotes)',
    ),
    "plan-expect-number": ("应为数（如 13）", "should be a number (e.g. 13)"),
    "plan-expect-true-false": (
        "应为 true 或 false（是否类指标）",
        "should be true or false (a yes/no indicator)",
    ),
    "plan-expect-between": (
        "应为 [下限, 上限]（op: between）",
        "should be [lower, upper] (op: between)",
    ),
    "plan-expect-threshold": (
        "应为数；是否类指标为 true 或 false，between 为 [下限, 上限]",
        "should be a number; true or false for a yes/no indicator, [lower, upper] for between",
    ),
    "plan-root": (
        "单位树必须恰好有一个根单位（无 parent），现有 {count} 个",
        "the unit tree needs exactly one root (no parent); found {count}",
    ),
    "plan-cycle": ("单位 “{unit}” 的上级关系成环", "the parents of unit “{unit}” form a cycle"),
    "plan-period": (
        "规划期 {start}–{end} 无效：起始年应不晚于结束年",
        "period {start}–{end} is invalid: the first year should not be after the last",
    ),
    "plan-base-year": (
        "基期 {base} 应早于规划期的起始年 {start}",
        "the base year {base} should be before the period's first year {start}",
    ),
    "plan-rule": ("目标 “{id}” 的规则无效：{why}", "target “{id}” has an invalid rule: {why}"),
    "plan-sum-boolean": (
        "指标 “{id}” 是是否类，不能 aggregate: sum",
        "indicator “{id}” is yes/no and cannot aggregate: sum",
    ),
    "plan-sum-percent": (
        "指标 “{id}” 是百分比，各下级单位的比例相加没有意义，不能 aggregate: sum",
        "indicator “{id}” is a percentage: the children's percentages cannot be added up,"
        " so it cannot aggregate: sum",
    ),
    "unit-level": (
        "单位 “{unit}” 的层级 “{level}” 不存在",
        "unit “{unit}” has an unknown level “{level}”",
    ),
    # why a target's rule is invalid (`plan-rule`)
    "plan-rule-monitor-op": (
        "监测类目标不设 op 和 threshold",
        "a monitor target has no op or threshold",
    ),
    "plan-rule-needs-op": (
        "{kind} 类目标需要 op 和 threshold",
        "a {kind} target needs op and threshold",
    ),
    "plan-rule-between": (
        "between 需要 [下限, 上限]，且下限 ≤ 上限",
        "between needs [lower, upper] with lower ≤ upper",
    ),
    "plan-rule-list-threshold": (
        "列表形式的 threshold 需配合 op: between，而不是 {op}",
        "a list threshold needs op between, not {op}",
    ),
    "plan-rule-boolean-op": (
        "是否类指标只能用 op: == 和 threshold: true/false",
        "a yes/no indicator takes op == and threshold true or false",
    ),
    "plan-rule-boolean-threshold": (
        "true/false 只能用于是否类指标",
        "true/false thresholds are for yes/no indicators",
    ),
    "plan-rule-boolean-kind": (
        "是否类指标不能设 {kind} 类目标",
        "a yes/no indicator cannot have a {kind} target",
    ),
    "plan-rule-needs-deadline": ("{kind} 类目标需要 deadline", "a {kind} target needs a deadline"),
    "plan-rule-deadline-outside": (
        "截止年份 {deadline} 不在规划期 {start}–{end} 内",
        "deadline {deadline} is outside the period {start}–{end}",
    ),
    "plan-rule-no-deadline": ("{kind} 类目标不设 deadline", "a {kind} target has no deadline"),
    "plan-rule-start-kind": (
        "只有 cumulative 类目标有 start",
        "only cumulative targets have a start year",
    ),
    "plan-rule-start-outside": (
        "start {start} 应在 {first}–{last} 之间",
        "start {start} must lie in {first}–{last}",
    ),
    # where a target's rule contradicts what its indicator is
    "plan-rule-stock-cumulative": (
        "指标 “{id}” 是存量（nature: stock），各年数值相加没有意义，"
        "不能设 cumulative 类目标；期末要达到的存量请用 kind: deadline",
        "indicator “{id}” is a stock (nature: stock): adding up its yearly values means"
        " nothing, so it cannot have a cumulative target; for a level to reach by the"
        " deadline use kind: deadline",
    ),
    "plan-rule-percent-growth": (
        "指标 “{id}” 是百分比，growth 类目标算的是相对上年的增长率，"
        "与“提高几个百分点”不是一回事；请用 deadline 或 annual 类目标写明要达到的百分比",
        "indicator “{id}” is a percentage, and a growth target is the change relative"
        " to last year, not in percentage points; use a deadline or annual target with the"
        " percentage to reach",
    ),
    "plan-rule-floor-lower": (
        '指标 “{id}” 越低越好（direction: lower），op: "{op}" 却要求不低于'
        "阈值，二者矛盾；应为 <= 或 <，或改正指标的 direction",
        'indicator “{id}” is better lower (direction: lower) but op "{op}"'
        " asks for at least the threshold; use <= or <, or correct the indicator's"
        " direction",
    ),
    "plan-rule-cap-higher": (
        '指标 “{id}” 越高越好（direction: higher），op: "{op}" 却要求不高于'
        "阈值，二者矛盾；应为 >= 或 >，或改正指标的 direction",
        'indicator “{id}” is better higher (direction: higher) but op "{op}"'
        " asks for at most the threshold; use >= or >, or correct the indicator's"
        " direction",
    ),
}
