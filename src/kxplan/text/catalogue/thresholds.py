"""Per-unit and relative thresholds, per-target settings and the settled cases (SPEC §3, §7):
the rule in words, the audit trail's steps and the plan checks' reasons."""

from __future__ import annotations

from kxplan.text.catalogue.entry import Entry, Verbatim

MESSAGES: dict[str, Entry] = {
    # the rule in words (`kxplan.render.describe`)
    "relative-points-percent": Verbatim(
        "基期{sign}{figure}个百分点", "base {sign} {figure} points"
    ),
    "relative-points": Verbatim("基期{sign}{figure}{measure}", "base {sign} {figure}{measure}"),
    "relative-percent-up": Verbatim("基期增长{figure}%", "base + {figure}%"),
    "relative-percent-down": Verbatim("基期下降{figure}%", "base − {figure}%"),
    "quota-mark": Verbatim("分解", "quota"),
    "quota-only": Verbatim("分解（见下）", "by quota (below)"),
    "quota-notes": Verbatim("（{notes}）", " ({notes})"),
    "per-unit-mark": Verbatim("各单位不同", "differs by unit"),
    "quota-line": Verbatim("{unit} {rule}（分解）", "{unit} {rule} (quota)"),
    "targets-years": Verbatim("适用年度 {first}—{last}年", "applies {first}–{last}"),
    "targets-base-year": Verbatim("基期 {year}年", "base year {year}"),
    "targets-bands": Verbatim(
        "进度界限 快于 ≥ {ahead}，滞后 < {behind}", "bands: ahead ≥ {ahead}, behind < {behind}"
    ),
    # why a result is missing (`kxplan.render.describe`)
    "why-base-missing": ("缺基期值：{gap}", "the base value is missing: {gap}"),
    "why-base-missing-short": ("缺基期值", "the base value is missing"),
    "explain-cap-used": (
        "已用上限 {cap} 中的 {used}",
        "used {used} of the ceiling {cap}",
    ),
    # the audit trail's steps (`kxplan.render.trail`)
    "quota-audit": ("分解给本单位的目标值 {given}", "this unit's own threshold (quota) {given}"),
    "quota-audit-relative": ("分解给本单位：{said}", "this unit's quota: {said}"),
    "relative-audit-points": (
        "目标值 T = b {sign} {given} = {b} {sign} {given} = {bound}",
        "threshold T = b {sign} {given} = {b} {sign} {given} = {bound}",
    ),
    "relative-audit-percent": (
        "目标值 T = b × (1 {sign} {given} / 100) = {b} × (1 {sign} {given} / 100) = {bound}",
        "threshold T = b × (1 {sign} {given} / 100) = {b} × (1 {sign} {given} / 100) = {bound}",
    ),
    "relative-audit-no-base": (
        "目标值相对于基期值（{year} 年），基期值缺失，无法确定",
        "the threshold is relative to the base value ({year}), which is missing: it cannot be"
        " resolved",
    ),
    # the plan checks (`kxplan.load.thresholdcheck`, `kxplan.load.planwords`)
    "relative-expect": (
        "应为 points（基期值加减）或 percent（基期值按百分比增减）",
        "should be points (added to the base value) or percent (of the base value)",
    ),
    "years-expect": (
        "应为两个年份 [起, 止]，如 [2023, 2025]",
        "should be two years [first, last], e.g. [2023, 2025]",
    ),
    "relative-boolean": (
        "{owner}是是否类指标，不能用 relative（提示：相对目标只用于数值）",
        "{owner} is about a yes/no indicator and cannot be relative (hint: relative thresholds"
        " are for numbers)",
    ),
    "relative-kind": (
        "{owner}是 {kind} 类目标，不能用 relative"
        "（提示：只有 deadline 和 annual 类目标可以相对于基期值）",
        "{owner} is a {kind} target and cannot be relative (hint: only deadline and annual"
        " targets can be relative to the base value)",
    ),
    "quota-monitor": (
        "{owner}只监测，不能有 quotas（提示：去掉 quotas，或给出 op 和 kind）",
        "{owner} is monitored only and cannot have quotas (hint: remove quotas, or give it a"
        " kind with op)",
    ),
    "quota-unknown-unit": (
        "{owner}的 quotas 中单位 “{unit}” 不存在{suggest}（提示：写单位名称或 6 位代码）",
        "{owner}: the unit “{unit}” in quotas does not exist{suggest} (hint: write a unit's"
        " name or 6-digit code)",
    ),
    "quota-other-level": (
        "{owner}的 quotas 中单位 “{unit}” 属于层级 {level}，而目标适用于 {levels}",
        "{owner}: the unit “{unit}” in quotas is of level {level}, the target applies to {levels}",
    ),
    "quota-twice": (
        "{owner}的 quotas 中 “{first}” 和 “{second}” 是同一单位（提示：只写一次）",
        "{owner}: “{first}” and “{second}” in quotas are the same unit (hint: give it once)",
    ),
    "quota-value": (
        "{owner}给 “{unit}” 的分解值无效：{why}",
        "{owner}: the quota of “{unit}” is invalid: {why}",
    ),
    "quota-sum-short": (
        "目标 “{target}” 的{level}分解之和 {total} 小于 {parent} 的 {goal}"
        "（目标 “{parent_target}”）"
        "（提示：下级单位的分解值（未列出的按 threshold）加起来须不少于上级的目标值）",
        "target “{target}”: the {level} quotas under {parent} add up to {total}, less than its"
        " {goal} (target “{parent_target}”) (hint: the units' quotas, or threshold for those not"
        " listed, must add up to at least the parent's threshold)",
    ),
    "quota-sum-over": (
        "目标 “{target}” 的{level}分解之和 {total} 大于 {parent} 的上限 {goal}"
        "（目标 “{parent_target}”）"
        "（提示：下级单位的分解值加起来不能超过上级的上限）",
        "target “{target}”: the {level} quotas under {parent} add up to {total}, more than its"
        " ceiling {goal} (target “{parent_target}”) (hint: the units' quotas must add up to at"
        " most the parent's ceiling)",
    ),
    "base-year-outside": (
        "{owner}的 base_year {year} 应不早于规划基期 {first}，且早于 {last}（截止年或规划期末）",
        "{owner}: base_year {year} should be no earlier than the plan's base year {first} and"
        " before {last} (the deadline or the period's end)",
    ),
    "years-kind": (
        "{owner}是 {kind} 类目标，不能有 years"
        "（提示：years 只用于 annual、growth、monitor 类目标）",
        "{owner} is a {kind} target and cannot have years (hint: years is for annual, growth"
        " and monitor targets)",
    ),
    "years-outside": (
        "{owner}的 years [{first}, {last}] 应在规划期 {start}–{end} 内且起不晚于止",
        "{owner}: years [{first}, {last}] should lie within the period {start}–{end}, first"
        " no later than last",
    ),
}
