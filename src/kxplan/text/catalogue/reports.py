"""Tables, reports, reviews and explanations."""

from __future__ import annotations

from kxplan.text.catalogue.entry import Entry, Verbatim

MESSAGES: dict[str, Entry] = {
    # the statuses of SPEC §3 (`kxplan.model.status`)
    "status-met": ("达标", "met"),
    "status-not-met": ("未达标", "not met"),
    "status-achieved-early": ("提前实现", "achieved early"),
    "status-ahead": ("快于预期", "ahead of schedule"),
    "status-on-track": ("基本符合预期", "on track"),
    "status-behind": ("相对滞后", "behind schedule"),
    "status-in-progress": ("推进中", "in progress"),
    "status-monitored": ("监测", "monitored"),
    "status-missing": ("缺数据", "missing data"),
    # the kinds of target
    "kind-annual": ("每年", "annual"),
    "kind-deadline": ("期末", "deadline"),
    "kind-cumulative": ("累计", "cumulative"),
    "kind-growth": ("增长", "growth"),
    "kind-monitor": ("监测", "monitor"),
    # a target's rule in a few symbols (`kxplan.render.describe.rule`)
    "rule-growth": ("年增长 {body}", "growth {body} a year"),
    "rule-cumulative": Verbatim("累计 {body}（{deadline}年）", "total {body} by {deadline}"),
    "rule-deadline": Verbatim("{body}（{deadline}年）", "{body} by {deadline}"),
    "rule-annual": ("{body}（每年）", "{body} every year"),
    # why a result has its status, in one sentence (`kxplan.render.describe.explain`)
    "explain-growth": ("增长 {value}（上年 {previous}）", "growth {value} (from {previous})"),
    "explain-running-total": ("累计 {value}", "running total {value}"),
    "explain-progress": (
        "序时目标 {expected}，进度比 {ratio}",
        "expected {expected}, progress ratio {ratio}",
    ),
    "why-previous-zero": (
        "上年数值为 0，无法计算增长率",
        "last year's value is 0; growth is undefined",
    ),
    "why-above-upper": ("已超过上限", "already above the upper bound"),
    "why-cap-exceeded": ("已超过上限", "the cap is already exceeded"),
    "why-not-yet-true": ("尚未实现", "not yet done"),
    "why-base-satisfied": ("基期已达标，本年回落", "the base year met it; this year fell back"),
    "why-base-at-goal": (
        "基期值等于目标值但未达到（目标要求超过它），尚未超过",
        "the base value equals the threshold, which asks for more; not beyond it yet",
    ),
    "explain-no-file": Verbatim(
        "缺少{unit} {year} 年数据文件", "no data file of {unit} for {year}"
    ),
    "explain-invalid-file": (
        "{unit} {year} 年数据文件有误，按缺数据处理",
        "the {year} data file of {unit} is invalid",
    ),
    "explain-not-reported": (
        "{unit} {year} 年未填报 {id}（{name}）",
        "{unit} did not report {id} ({name}) for {year}",
    ),
    # why a unit's value is not there (`kxplan.render.describe.gap_words`)
    "gap-no-file": ("未报送数据文件", "no data file"),
    "gap-invalid-file": (
        "数据文件有误，按缺数据处理",
        "the data file is invalid; treated as missing",
    ),
    "gap-not-reported": ("未填报 {id}（{name}）", "did not report {id} ({name})"),
    # the lines under check's table (`kxplan.render.common`)
    "summary-line": (
        "{year} 年：共 {total} 项结果 — {counts}",
        "{year}: {total} results — {counts}",
    ),
    "failed-line": (
        "{failed} 项结果属于 --fail-on（{statuses}）；数据问题 {problems} 个",
        "{failed} result(s) in --fail-on ({statuses}); {problems} data problem(s)",
    ),
    "missing-line": ("{year} 年未报送数据文件：{units}", "No data file for {year}: {units}"),
    "invalid-line": (
        "数据文件有误（按缺数据处理）：{files}",
        "Invalid files (treated as missing): {files}",
    ),
    # check at scale (`kxplan.render.scale`)
    "scale-level-head": ("{level}（{count} 个单位）", "{level} ({count} unit(s))"),
    "attention-rest": ("……另有 {count} 项未列出：{counts}", "… {count} more not listed: {counts}"),
    "problems-rest": (
        "……另有 {count} 个数据问题未列出（kxplan validate 列出全部）",
        "… {count} more data problems not listed (kxplan validate lists them all)",
    ),
    "list-rest": ("……另有 {count} 个", " … {count} more"),
    "scale-why": (
        "共 {count} 个单位（多于 {most} 个），上表按层级汇总。缩小范围：",
        "{count} units (more than {most}): the table above counts them per level. To narrow it:",
    ),
    "scale-level": (
        "一个层级的全部单位（如 --level {example}）",
        "every unit of one level (e.g. --level {example})",
    ),
    "scale-under": (
        "一个单位及其下属全部单位（如 --under {example}）",
        "a unit and every unit below it (e.g. --under {example})",
    ),
    "scale-county": ("这个单位（可重复）", "this unit (repeat it for several)"),
    "scale-wide": ("不汇总，整表输出", "the full table, however long"),
    "scale-json": ("全部结果（JSON）", "every result (JSON)"),
    "github-capped": (
        "共 {count} 条错误；单位太多，只写出 GitHub 显示的前 {shown} 条"
        "（kxplan check -f json 列出全部）",
        "{count} errors; too many units: only the first {shown}, those GitHub shows, are"
        " written (kxplan check -f json lists them all)",
    ),
    # headings of tables and lists
    "head-target": ("目标", "Target"),
    "head-rule": ("规则", "Rule"),
    "head-unit": ("单位", "Unit"),
    "compliance": ("目标完成情况", "compliance"),
    "needs-attention": ("需要关注", "Needs attention"),
    "data-problems": ("数据问题", "Data problems"),
    "plan-problems": ("规划文件问题", "Problems in the plan"),
    # --format github
    "github-missing-results": ("（{count} 项结果缺数据）", " ({count} results missing)"),
    "github-not-shown": (
        "GitHub 每步只显示前 {shown} 条错误标注：另有 {count} 条未显示，见日志。",
        "GitHub shows the first {shown} error annotations of a step: {count} more are not"
        " shown (see the log).",
    ),
    "github-too-many": (
        "共 {count} 条标注，GitHub 每步只显示前 {shown} 条；完整列表见日志和 Summary",
        "{count} annotations; GitHub shows the first {shown} of a step: the log and the job"
        " summary list them all",
    ),
    # check --compare (`kxplan.render.changes`)
    "changes-headline": (
        "{plan} — {year}：相对 {base} 的变化",
        "{plan} — {year}: changes against {base}",
    ),
    "changes-invalid-plan": (
        "注意：{plan} 有误，原状态按当前规划判定",
        "note: {plan} is invalid; the old statuses follow the current plan",
    ),
    "changes-none": (
        "没有结果的状态发生变化（共比较 {total} 项）。",
        "No result changed its status ({total} compared).",
    ),
    "changes-some": (
        "{changed} 项结果的状态有变化（共比较 {total} 项）；其中 {entered} 项新进入 --fail-on",
        "{changed} result(s) changed their status ({total} compared); {entered} now in --fail-on",
    ),
    "changes-before": ("；原：{why}", "; before: {why}"),
    "head-before": ("原状态", "Before"),
    "head-now": ("新状态", "Now"),
    "head-why": ("说明", "Why"),
    # report (`kxplan.render.report`)
    "report-heading": (
        "{unit} {span} 年目标完成情况（{plan}）",
        "{unit}, {span}: targets year by year ({plan})",
    ),
    "head-base": ("{year} 基期", "{year} base"),
    "head-trend": ("趋势", "Trend"),
    "head-status-in": ("{year} 年状态", "Status {year}"),
    "report-no-file-years": ("未报送数据文件的年份：{years}", "No data file for: {years}"),
    # review (`kxplan.render.review`)
    "stage-yearly": ("年度评估", "annual review"),
    "stage-mid-term": ("中期评估", "mid-term review"),
    "stage-final": ("终期评估", "final review"),
    "review-heading": Verbatim("{plan} {stage}（{year}年）", "{plan}: {stage} ({year})"),
    "review-sentence": Verbatim("{total}项指标中，{counts}", "Of {total} targets: {counts}"),
    "review-count": Verbatim("{label}{count}项", "{count} {label}"),
    "review-rate": ("；达标率 {rate}", "; {rate} of the targets with a threshold met"),
    "review-outlook": (
        "按现有进度测算，尚未实现的 {count} 项中，到期末可实现 {yes} 项、难以实现 {no} 项。",
        "At the current pace, of the {count} targets not yet reached, {yes} would be reached by"
        " the deadline and {no} would not.",
    ),
    "lower-units": ("下级单位", "lower units"),
    "review-lower-only": Verbatim(
        "其中 {count} 项仅适用于{levels}，按最不利的单位计状态，并列出各状态的单位数。",
        "{count} targets apply at the {levels} level only: each takes its least favourable"
        " unit's status, with the number of units per status.",
    ),
    "review-both-levels": Verbatim(
        "第 {number} 项“{name}”同时适用于{top}和{levels}：行内为{top}本级的值和状态，"
        "{levels}情况列出各状态的单位数；汇总按全部单位中最不利的状态计为“{counted}”。",
        "No. {number} “{name}” applies to {top} and at the {levels} level: the row gives"
        " {top}'s own values and status, the “By {levels}” column the number of units per"
        " status; the summary counts it as “{counted}”, the least favourable status of all its"
        " units.",
    ),
    "head-latest-year": ("{year}（最新）", "{year} (latest)"),
    "head-number": ("序号", "No."),
    "head-review-target": ("指标", "Target"),
    "head-review-rule": ("目标", "Rule"),
    "head-completion": ("完成率", "Completion"),
    "head-time-elapsed": ("序时进度", "Time elapsed"),
    "head-status": ("状态", "Status"),
    "head-projected": ("预计期末值", "Projected"),
    "head-short-by": ("差距", "Short by"),
    "head-still-needed": ("尚需", "Still needed"),
    "head-by-levels": Verbatim("{levels}情况", "By {levels}"),
    "review-missed-years": Verbatim("{years}年未达标", "not met in {years}"),
    "review-short-by": ("差 {amount}", "short by {amount}"),
    "review-a-year": ("年均 {amount}", "{amount} a year"),
    "review-lower-count": Verbatim("{label}{count}", "{label} {count}"),
    "head-units-by-status": Verbatim("{levels}（按状态）", "{levels} by status"),
    "review-units-of-status": Verbatim("{label}：{units}", "{label}: {units}"),
    "review-every-year": (
        "每年目标（每年、年增长）按 {first}—{last} 年逐年评估：任一年未达标即计为未达标，"
        "并列出未达标的年份；各年数值前的符号为当年状态。",
        "Targets set for each year (every year, yearly growth) are reviewed over {first}–{last}:"
        " a year not met makes the target not met, and those years are listed; the glyph before"
        " each year's value is that year's status.",
    ),
    # the workbooks (`kxplan.render.xlsx`)
    "legend": ("图例", "Legend"),
    "sheet-summary": ("汇总", "Summary"),
    "sheet-matrix": ("对照表", "Matrix"),
    "sheet-details": ("明细", "Details"),
    "sheet-years": ("逐年情况", "Year by year"),
    "sheet-charts": ("趋势图", "Charts"),
    "sheet-review": ("评估表", "Review"),
    "sheet-chart": ("图表", "Chart"),
    "check-heading": ("{plan} — {year} 年目标完成情况", "{plan} — compliance in {year}"),
    "check-problems-sheet": (
        "数据问题 {count} 个，见“数据问题”表",
        "{count} data problem(s): see the sheet “Data problems”",
    ),
    "report-subtitle": (
        "单元格颜色和符号表示当年状态（见图例）；{year} 年为基期",
        "Colour and glyph give the year's status (see the legend); base year {year}",
    ),
    "chart-completion": ("完成率与序时进度", "Completion against time elapsed"),
    "total": ("合计", "Total"),
    "head-code": ("代码", "Code"),
    "head-results": ("结果数", "Results"),
    "head-clause": ("条款", "Clause"),
    "head-value": ("值", "Value"),
    "head-threshold": ("目标值", "Threshold"),
    "head-deadline": ("期限", "Deadline"),
    "head-base-value": ("基期值", "Base value"),
    "head-expected": ("序时目标值", "Expected"),
    "head-progress-ratio": ("进度比", "Progress ratio"),
    "head-explanation": ("说明", "Explanation"),
    "head-source": ("数据来源", "Source"),
    "head-note": ("备注", "Note"),
    "head-file": ("文件", "File"),
    "head-line": ("行", "Line"),
    "head-column": ("列", "Column"),
    "head-message": ("说明", "Message"),
    "head-target-id": ("目标编号", "Target id"),
    "head-unit-code": ("单位代码", "Unit code"),
    "head-calendar-year": ("年份", "Year"),
    "head-actual": ("实际值", "Actual"),
    "head-trajectory": ("规划轨迹", "Plan trajectory"),
    "head-latest": ("最新值", "Latest"),
    "head-pace": ("当前年均", "Pace a year"),
    "head-needed": ("尚需年均", "Needed a year"),
    "head-years-not-met": ("未达标年份", "Years not met"),
}
