"""`kxplan explain`: the audit trail of one result, its inputs and its arithmetic."""

from __future__ import annotations

from kxplan.text.catalogue.entry import Entry, Verbatim

MESSAGES: dict[str, Entry] = {
    # explain (`kxplan.render.explain`)
    "head-year": ("年度", "Year"),
    "head-kind": ("类型", "Kind"),
    "explain-plan-words": ("规划原文", "The plan"),
    "explain-no-quote": ("（未引用原文）", "(no quote)"),
    "explain-kind-annual": (
        "逐年达标：每年的值与目标值比较",
        "every year's value against the threshold",
    ),
    "explain-kind-deadline": (
        "期末达到：截止年前按基期值到目标值的直线轨迹（序时进度）判断",
        "reach it by the deadline; earlier years against the straight line from the base value",
    ),
    "explain-kind-cumulative": (
        "期内累计：逐年值之和，截止年前按时间比例（序时进度）判断",
        "the sum of the yearly values; earlier years against the time-proportional share",
    ),
    "explain-kind-growth": (
        "逐年增长：同比增长率与目标值比较",
        "year-on-year growth against the threshold",
    ),
    "explain-kind-monitor": (
        "仅监测：记录数值，不设目标值",
        "monitored: the value is recorded, no threshold",
    ),
    "explain-inputs": ("输入数据", "Inputs"),
    "explain-none": ("（无）", "(none)"),
    "explain-missing": ("缺少的数据", "Missing"),
    "explain-steps": ("计算过程", "Steps"),
    "explain-source": ("来源：", "source: "),
    "explain-note": ("说明：", "note: "),
    # the steps of explain's audit trail (`kxplan.engine.trail`, said by `kxplan.render.trail`)
    "audit-sum": (
        "{year} 年值为下级单位合计：{parts} = {total}",
        "{year} value is the sum of the lower units: {parts} = {total}",
    ),
    "audit-partial-sum-one": Verbatim(
        "{year} 年值为下级单位合计：{count} 个单位中 {got} 个有数，{names}缺数据，无法合计",
        "{year} value is the sum of the lower units: {got} of {count} have a value; {names} has"
        " none, so there is no sum",
    ),
    "audit-partial-sum": Verbatim(
        "{year} 年值为下级单位合计：{count} 个单位中 {got} 个有数，{names}缺数据，无法合计",
        "{year} value is the sum of the lower units: {got} of {count} have a value; {names} have"
        " none, so there is no sum",
    ),
    "audit-partial-formed-one": Verbatim(
        "{year} 年值为下级单位的{how}：{count} 个单位中 {got} 个有数，{names}缺数据，无法计算",
        "{year} value is the {how} of the lower units: {got} of {count} have a value; {names} has"
        " none, so it cannot be formed",
    ),
    "audit-partial-formed": Verbatim(
        "{year} 年值为下级单位的{how}：{count} 个单位中 {got} 个有数，{names}缺数据，无法计算",
        "{year} value is the {how} of the lower units: {got} of {count} have a value; {names} have"
        " none, so it cannot be formed",
    ),
    "audit-value": ("本年值 v = {value}", "this year's value v = {value}"),
    "audit-growth-values": (
        "上年值 p = {p}，本年值 v = {v}",
        "last year p = {p}, this year v = {v}",
    ),
    "audit-growth": (
        "增长率 g = (v / p − 1) × 100 = ({v} / {p} − 1) × 100 = {g}%",
        "growth g = (v / p − 1) × 100 = ({v} / {p} − 1) × 100 = {g}%",
    ),
    "audit-base": ("基期值 b = {b}（{year} 年）", "base value b = {b} ({year})"),
    "audit-threshold": ("目标值 T = {goal}", "threshold T = {goal}"),
    "audit-time-share": (
        "时间进度 t = (y − y0) / (yT − y0) = ({y} − {y0}) / ({yT} − {y0}) = {share}",
        "time share t = (y − y0) / (yT − y0) = ({y} − {y0}) / ({yT} − {y0}) = {share}",
    ),
    "audit-base-at-goal": (
        "基期值等于目标值，无进度线：序时目标 e = T = {e}，本年须超过它",
        "the base value equals the threshold, so there is no line: expected e = T = {e}, and"
        " this year must go beyond it",
    ),
    "audit-base-met": (
        "基期已满足目标，轨迹持平于目标值：序时目标 e = T = {e}",
        "the base year already met it, so the line is flat: expected e = T = {e}",
    ),
    "audit-expected": (
        "序时目标 e = b + (T − b) × t = {b} + ({goal} − {b}) × {t} = {e}",
        "expected e = b + (T − b) × t = {b} + ({goal} − {b}) × {t} = {e}",
    ),
    "audit-completion": (
        "完成度 c = (v − b) / (T − b) = ({v} − {b}) / ({goal} − {b}) = {c}",
        "completion c = (v − b) / (T − b) = ({v} − {b}) / ({goal} − {b}) = {c}",
    ),
    "audit-ratio": (
        "进度比 R = c / t = {c} / {t} = {r}",
        "progress ratio R = c / t = {c} / {t} = {r}",
    ),
    "audit-total": (
        "累计值 S = {terms} = {s}（{first}—{last} 年）",
        "running total S = {terms} = {s} ({first}–{last})",
    ),
    "audit-total-time-share": (
        "时间进度 t = (y − ys + 1) / (yT − ys + 1) = ({y} − {ys} + 1) / ({yT} − {ys} + 1)"
        " = {share}",
        "time share t = (y − ys + 1) / (yT − ys + 1) = ({y} − {ys} + 1) / ({yT} − {ys} + 1)"
        " = {share}",
    ),
    "audit-total-expected": (
        "序时目标 e = T × t = {goal} × {t} = {e}",
        "expected e = T × t = {goal} × {t} = {e}",
    ),
    "audit-total-completion": (
        "完成度 c = S / T = {s} / {goal} = {c}",
        "completion c = S / T = {s} / {goal} = {c}",
    ),
    "audit-total-ratio": (
        "进度比 R = S / e = {s} / {e} = {r}",
        "progress ratio R = S / e = {s} / {e} = {r}",
    ),
    "audit-cap": (
        "上限类累计目标用得快于序时进度不利：R ≥ 2 − 滞后界限 = {edge} 为相对滞后",
        "a ceiling used faster than the pro-rata share is bad: R ≥ 2 − the behind edge = {edge}"
        " is behind",
    ),
    "audit-verdict": ("判定：{why} → {label}", "verdict: {why} → {label}"),
    "audit-verdict-monitored": (
        "判定：仅监测，无目标值 → {label}",
        "monitored only, no threshold → {label}",
    ),
    "audit-verdict-band": ("判定：{why}；{band} → {label}", "verdict: {why}; {band} → {label}"),
    "audit-holds": ("{test}：成立", "{test} is true"),
    "audit-does-not-hold": ("{test}：不成立", "{test} is false"),
}
