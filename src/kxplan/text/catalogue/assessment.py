"""The annual assessment (SPEC §8): its section of the plan file, `assess` and its outputs."""

from __future__ import annotations

from kxplan.text.catalogue.entry import Entry, Verbatim

MESSAGES: dict[str, Entry] = {
    # what is wrong in the plan's `assessment` section (`kxplan.load.assessment`)
    "assess-owner": ("考核方案（assessment）", "assessment"),
    "assess-grade-owner": ("考核等次第 {number} 项", "grade {number} of the assessment"),
    "assess-empty": (
        "assessment 为空：写出考核方案（name、level、weights、scores、grades），或删去这一行",
        "assessment is empty: give the section (name, level, weights, scores, grades), or remove"
        " the line",
    ),
    "assess-not-mapping": (
        "考核方案的 {field} 应为映射（键: 值），实际是 {got}",
        "assessment: {field} must be a mapping (key: value), got {got}",
    ),
    "assess-not-text": (
        "考核方案的 {field} 应为非空文本，实际是 {got}",
        "assessment: {field} must be a non-empty text, got {got}",
    ),
    "assess-unknown-level": (
        "考核方案的 level {level} 不是规划中的层级{suggest}；已有层级：{known}",
        "assessment: level {level} is not a level of the plan{suggest}; levels: {known}",
    ),
    "assess-no-weights": (
        "考核方案的 weights 为空：至少为一项目标赋分（目标 id: 分值）",
        "assessment: weights is empty: give at least one target its points (target id: points)",
    ),
    "assess-weight-unknown": (
        "考核方案的 weights 中的目标 “{id}” 不存在{suggest}",
        "assessment: weights names target “{id}”, which does not exist{suggest}",
    ),
    "assess-weight-monitor": (
        "目标 “{id}” 仅监测（monitor），没有达标与否，不能计入考核",
        "target “{id}” is a monitor (no threshold, nothing to meet): it cannot be weighted",
    ),
    "assess-weight-level": (
        "目标 “{id}” 适用于 {levels}，不适用于被考核的层级 {level}，不能计入考核",
        "target “{id}” applies to {levels}, not to the assessed level {level}: it cannot be"
        " weighted",
    ),
    "assess-weight-number": (
        "目标 “{id}” 的分值应为正数，实际是 {got}",
        "target “{id}”: its points must be a positive number, got {got}",
    ),
    "assess-score-unknown": (
        "scores 中的 “{status}” 不是状态代码{suggest}；应给出：{known}",
        "scores: “{status}” is not a status code{suggest}; give: {known}",
    ),
    "assess-score-range": (
        "状态 “{status}” 的得分比例应为 0 到 1 之间的数（1 = 得该项全部分值），实际是 {got}",
        "status “{status}”: its share must be a number from 0 to 1 (1 = the target's full"
        " points), got {got}",
    ),
    "assess-score-missing": (
        "scores 缺少状态：{statuses}；除 monitored 外，每个状态都要给出得分比例（从不默认）",
        "scores is missing statuses: {statuses}; every status but monitored needs its share"
        " (there is no default)",
    ),
    "assess-grades-list": (
        "考核方案的 grades 应为列表（由高到低，每项 {{name: 优秀, min: 90}}），实际是 {got}",
        "assessment: grades must be a list (best first, each {{name: excellent, min: 90}}),"
        " got {got}",
    ),
    "assess-grades-empty": (
        "考核方案的 grades 为空：至少要有一个等次（最低等次 min: 0）",
        "assessment: grades is empty: give at least one grade (the last with min: 0)",
    ),
    "assess-grade-mapping": (
        "考核等次第 {number} 项应为 {{name: …, min: …}}，实际是 {got}",
        "grade {number} of the assessment must be {{name: …, min: …}}, got {got}",
    ),
    "assess-grade-duplicate": ("等次 “{name}” 重复", "grade “{name}” is given twice"),
    "assess-grade-min": (
        "等次 “{name}” 的 min 应为 0 到满分（{full}）之间的数，实际是 {got}",
        "grade “{name}”: min must be a number from 0 to the full score ({full}), got {got}",
    ),
    "assess-grade-order": (
        "等次 “{name}” 的 min {min} 应低于上一等次 “{above}” 的 {above_min}：grades 由高到低排列",
        "grade “{name}”: min {min} must be below the {above_min} of “{above}” above it: grades"
        " go best first",
    ),
    "assess-grade-last": (
        "最低等次 “{name}” 的 min 应为 0（实际是 {min}），使每个得分都有等次",
        "the last grade “{name}” must have min 0 (it has {min}), so that every score has a grade",
    ),
    # `kxplan assess` (`kxplan.cli.commands.assess`)
    "assess-none": (  # lines of at most 80 columns after `kxplan: ` (the plan's path aside)
        "规划 {plan} 没有考核方案。\n"
        "在规划文件中加一节 assessment：被考核的层级、各目标分值、\n"
        "各状态得分比例、等次，例如：\n{example}\n"
        "各字段的含义和计分方法见 docs/plan-file.md 的“考核”一节。",
        "the plan {plan} has no assessment section.\n"
        "Add a section `assessment` to the plan file: the level assessed, each target's\n"
        "points, each status's share of them, the grades. For example:\n{example}\n"
        "docs/plan-file.md (“The assessment”) explains every key and the arithmetic.",
    ),
    "assess-not-assessed": (
        "{name} 不参加考核：考核的是{level}",
        "{name} is not assessed: the assessment is of the {level} level",
    ),
    # its outputs (`kxplan.render.assessment`)
    "assess-title": Verbatim("{year}年{name}", "{name} {year}"),
    "assess-sheet-title": ("{unit} 得分表", "Score sheet: {unit}"),
    "assess-head-rank": ("排名", "Rank"),
    "assess-head-unit": ("单位", "Unit"),
    "assess-head-score": ("得分", "Score"),
    "assess-head-grade": ("等次", "Grade"),
    "assess-head-previous": ("上年排名", "Last year"),
    "assess-head-change": ("变化", "Change"),
    "assess-head-status": ("状态", "Status"),
    "assess-head-value": ("数值", "Value"),
    "assess-head-weight": ("分值", "Weight"),
    "assess-weight-line": Verbatim(
        "{mark} {name}（{id}）{points} 分", "{mark} {name} ({id}): {points}"
    ),
    "assess-head-points": ("得分", "Points"),
    "assess-new": ("新", "new"),
    "assess-sheet-ranking": ("考核排名", "Ranking"),
    "assess-sheet-chart": ("得分图", "Scores chart"),
    "assess-head-target-points": ("{name}（{points} 分）", "{name} ({points})"),
    "assess-head-lost": ("失分", "Lost"),
    "assess-head-instruction": ("整改要求", "What to do"),
    "assess-full": ("满分", "Full score"),
    "assess-total": ("合计", "Total"),
    "assess-total-scaled": (
        "合计（本年适用分值 {applicable}，按比例折算为满分 {full}）",
        "Total (the {applicable} points that apply this year, scaled to the full score {full})",
    ),
    "assess-full-note": (
        "满分 {full}；各目标的分值在列标题的括号中",
        "Full score {full}; each target's points are in brackets in its heading",
    ),
    "assess-all-targets": ("全部 {count} 项目标", "all {count} targets"),
    "assess-points-heading": ("各项得分", "Points per target"),
    "assess-weights-heading": ("计分目标（满分 {full}）", "Weighted targets (full score {full})"),
    "assess-lost-line": ("{target} 失 {lost} 分：{why}", "{target}: {lost} points lost: {why}"),
    "assess-sum": ("各项得分合计：{terms} = {earned}", "points: {terms} = {earned}"),
    "assess-scaled": (
        "折算（本年不适用：{left}）：{earned} × {full} ÷ {applicable} = {exact}",
        "scaled ({left} not this year): {earned} × {full} ÷ {applicable} = {exact}",
    ),
    "assess-rounded": (
        "四舍五入到两位小数：{exact} → {score}",
        "rounded half up to two decimals: {exact} → {score}",
    ),
    "assess-nothing-applies": (
        "本年没有适用的计分目标：不计分、不排名",
        "no weighted target applies this year: no score, no rank",
    ),
    "assess-standing": (
        "得分 {score}，等次 {grade}，第 {rank} 名（共 {count} 个单位）；{previous}",
        "score {score}, grade {grade}, rank {rank} of {count}; {previous}",
    ),
    "assess-previous": Verbatim(
        "{year}年第 {rank} 名（{change}）", "rank {rank} in {year} ({change})"
    ),
    "assess-first-year": ("规划期第一年，无上年排名", "the plan's first year: no rank last year"),
    # `kxplan explain --score` (`kxplan.render.assessment.explain`)
    "assess-target-with-id": Verbatim("{name}（{id}）", "{name} ({id})"),
    "assess-explain-item": (
        "{name}  {status}：得分比例 {share} × 分值 {weight} = {points}（{why}）",
        "{name}  {status}: share {share} × weight {weight} = {points} ({why})",
    ),
    "assess-explain-left-out": (
        "{name}  本年不适用：分值 {weight} 不计入，其余按比例折算",
        "{name}  does not apply this year: its weight {weight} is left out, the rest scaled",
    ),
    "assess-explain-not-scaled": (
        "计分目标本年全部适用：不折算",
        "every weighted target applies this year: nothing to scale",
    ),
    "assess-explain-exact": (
        "两位小数：{score}（无需舍入）",
        "to two decimals: {score} (nothing to round)",
    ),
    "assess-explain-grade": (
        "等次：{grade}（{low} ≤ {score} < {high}）",
        "grade: {grade} ({low} ≤ {score} < {high})",
    ),
    "assess-explain-top-grade": (
        "等次：{grade}（{score} ≥ {low}）",
        "grade: {grade} ({score} ≥ {low})",
    ),
    "assess-explain-rank": (
        "排名：第 {rank} 名（共 {count} 个单位）：得分高于本单位的有 {higher} 个，"
        "与本单位相同的有 {tied} 个",
        "rank {rank} of {count}: {higher} units scored higher, {tied} the same",
    ),
    "explain-needs-target": (
        "explain 需要一个目标 id（见 kxplan targets），或用 --score 解释单位的考核得分",
        "explain needs a target id (see kxplan targets), or --score for a unit's assessment score",
    ),
    "assess-explain-needs-county": (
        "explain --score 需要 --county 指明被考核的单位（如 {example}）",
        "explain --score needs --county, the unit assessed (e.g. {example})",
    ),
    "assess-explain-no-target": (
        "explain --score 解释单位的考核得分，不接受目标 “{id}”；"
        "用法：kxplan explain --score --county 单位 [年度]",
        "explain --score explains a unit's score and takes no target (“{id}”): kxplan explain"
        " --score --county UNIT [YEAR]",
    ),
}
