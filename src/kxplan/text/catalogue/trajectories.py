"""The trajectories of the plan language's second edition (SPEC §7): average growth
(`avg-growth-…`) and milestones (`milestone-…`), in the plan checks and everywhere shown."""

from __future__ import annotations

from kxplan.text.catalogue.entry import Entry, Verbatim

MESSAGES: dict[str, Entry] = {
    # plan checks (`kxplan.load.trajectories`)
    "avg-growth-op": (
        "average_growth 类目标的 op 应为 >=、>、<= 或 <（年均增长不低于或不高于 g%），"
        '不能是 "{op}"',
        "an average_growth target takes op >=, >, <= or < (at least or at most g % a year),"
        ' not "{op}"',
    ),
    "avg-growth-threshold": (
        "年均增长率 threshold 应大于 −100（百分数：年均增长 8% 写 8，年均下降 5% 写 -5），"
        "实际是 {threshold}",
        "the average growth threshold must be above −100 (in percent: 8 for 8 % a year, -5 for"
        " a fall of 5 % a year), got {threshold}",
    ),
    "milestone-kind": (
        "milestones 只用于 deadline 和 cumulative 类目标，不能用于 {kind} 类",
        "milestones are for deadline and cumulative targets only, not {kind}",
    ),
    "milestone-boolean": (
        "指标 “{id}” 是是否类，没有进度线，不能设 milestones",
        "indicator “{id}” is yes/no and has no line to set milestones on",
    ),
    "milestone-units": (
        "milestones 只用于适用于一个单位的目标，该目标适用于 {count} 个单位（{names}）；"
        "请按单位分别设目标，或去掉 milestones",
        "milestones are for a target that applies to one unit, and this one applies to"
        " {count} ({names}); set one target per unit, or drop the milestones",
    ),
    "milestone-year-deadline": (
        "milestones 的年份 {year} 应在基期之后、截止年之前（{first}—{deadline} 年之前）",
        "milestone year {year} must be after the base year and before the deadline"
        " ({first} to before {deadline})",
    ),
    "milestone-year-cumulative": (
        "milestones 的年份 {year} 应在累计起始年 {first} 及之后、截止年 {deadline} 之前",
        "milestone year {year} must be from the first summed year {first} and before the"
        " deadline {deadline}",
    ),
    # words of targets and results (`kxplan.render.describe`)
    "kind-average-growth": ("年均增长", "average growth"),
    "rule-average-growth": Verbatim(
        "年均增长 {body}（{deadline}年）", "average growth {body} a year by {deadline}"
    ),
    "milestone-rule": ("年度目标 {items}", "milestones {items}"),
    "milestone-item": Verbatim("{year}年 {value}", "{year}: {value}"),
    "explain-average-growth": (
        "{value}（基期值 {base}）",
        "{value} a year (from a base of {base})",
    ),
    "why-base-not-positive": (
        "基期值为 0，无法计算年均增长",
        "the base value is 0, so there is no average growth",
    ),
    "why-no-movement": (
        "本年序时目标等于起点值（不要求变化），守住即为基本符合预期",
        "no change is expected this year: keeping to it is on track",
    ),
    # explain (`kxplan.render.explain`, `kxplan.render.trail`)
    "explain-kind-average-growth": (
        "年均增长：自基期以来的复合年均增长率，截止年前按基期值的复合增长轨迹（序时进度）判断",
        "compound average growth since the base year; earlier years against the compound line"
        " from the base value",
    ),
    "audit-average-growth": (
        "年均增长 = ((v / b)^(1/n) − 1) × 100 = (({v} / {b})^(1/{n}) − 1) × 100 = {g}%",
        "average growth = ((v / b)^(1/n) − 1) × 100 = (({v} / {b})^(1/{n}) − 1) × 100 = {g}%",
    ),
    "audit-growth-level": (
        "截止年水平 L = b × (1 + g/100)^(yT − y0) = {b} × {q}^{n} = {level}",
        "deadline level L = b × (1 + g/100)^(yT − y0) = {b} × {q}^{n} = {level}",
    ),
    "audit-growth-expected": (
        "序时目标 e = b × (1 + g/100)^(y − y0) = {b} × {q}^{n} = {e}",
        "expected e = b × (1 + g/100)^(y − y0) = {b} × {q}^{n} = {e}",
    ),
    "audit-milestone": (
        "序时目标按年度目标插值（{y1} 年 {e1}，{y2} 年 {e2}）："
        "e = {e1} + ({e2} − {e1}) × ({y} − {y1}) / ({y2} − {y1}) = {e}",
        "expected, between the milestones ({y1}: {e1}, {y2}: {e2}):"
        " e = {e1} + ({e2} − {e1}) × ({y} − {y1}) / ({y2} − {y1}) = {e}",
    ),
    "audit-milestone-at": (
        "序时目标为 {y} 年的年度目标：e = {e}",
        "expected, the milestone of {y}: e = {e}",
    ),
    "audit-line-ratio": (
        "进度比 R = (v − b) / (e − b) = ({v} − {b}) / ({e} − {b}) = {r}",
        "progress ratio R = (v − b) / (e − b) = ({v} − {b}) / ({e} − {b}) = {r}",
    ),
    "audit-no-movement": (
        "e = {e} 等于起点值，本年不要求变化，进度比无值",
        "e = {e} is the starting value: no change is expected this year, so there is no ratio",
    ),
    "audit-growth-test": ("{v} {op} L = {level}", "{v} {op} L = {level}"),
}

__all__ = ["MESSAGES", "Verbatim"]
