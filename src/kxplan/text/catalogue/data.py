"""What is wrong in a data file."""

from __future__ import annotations

from kxplan.text.catalogue.entry import Entry

MESSAGES: dict[str, Entry] = {
    "missing-field": ("缺少必填字段 “{field}”", "required field “{field}” is missing"),
    "unknown-field": (
        "未知字段 “{field}”{suggest}；允许的字段：{allowed}",
        "unknown field “{field}”{suggest}; allowed: {allowed}",
    ),
    "unknown-indicator": (
        "规划中没有指标 “{id}”{suggest}",
        "the plan has no indicator “{id}”{suggest}",
    ),
    "unknown-unit-file": (
        "文件名 {name} 不是规划中的单位（数据文件以单位名称或代码命名）{suggest}",
        "the file name {name} is not a unit of the plan (a data file is named after its unit's"
        " name or code){suggest}",
    ),
    "full-width-digits": (
        "（提示：这是全角数字，请改用半角：{fixed}）",
        " (hint: these are full-width digits; type {fixed})",
    ),
    "unknown-unit": ("规划中没有单位 “{name}”{suggest}", "the plan has no unit “{name}”{suggest}"),
    "did-you-mean": ("，是否为 “{id}”？", " (did you mean “{id}”?)"),
    # the English says the English name alone: `{name:.0}` takes the Chinese one and shows nothing
    "did-you-mean-unit": (
        "，是否为 {name}（{english}）？",
        " (did you mean “{english}”?){name:.0}",
    ),
    "unit-mismatch": (
        "unit 为 “{unit}”，但文件名表示 “{file_unit}”",
        "unit is “{unit}” but the file name says “{file_unit}”",
    ),
    "year-mismatch": (
        "year 为 {year}，但文件位于 {folder} 年的文件夹",
        "year is {year} but the file is in the folder for {folder}",
    ),
    "year-folder": (
        "文件不在 data/<年份>/ 文件夹中，kxplan 不会读取它；year 为 {year}，请移到 data/{year}/",
        "the file is not in a data/<year>/ folder, so kxplan never reads it;"
        " its year is {year}: move it to data/{year}/",
    ),
    "leftover-temp": (
        "这是一次被中断的写入留下的临时文件，kxplan 不会读取它；"
        "请确认 {target} 无误（必要时重新导入）后删除它",
        "a temporary file left by an interrupted write, never read by kxplan;"
        " check {target} (import again if need be), then delete it",
    ),
    "warning": ("警告：", "warning: "),
    "ignored-files": (
        "不是数据文件（后缀不是 .yaml/.yml），未检查：{files}",
        "not data files (not .yaml/.yml), not checked: {files}",
    ),
    "misplaced-file": (
        "文件不在 data/<年份>/ 文件夹中，kxplan 不会读取它；请移到 {folder}",
        "the file is not in a data/<year>/ folder, so kxplan never reads it; move it to {folder}",
    ),
    "data-year-folder": ("data/<年份>/", "data/<year>/"),
    "duplicate-unit-file": (
        "{unit} {year} 年已有数据文件 {other}；每个单位每年只能有一个文件",
        "{unit} already has a file for {year}: {other}; one file per unit and year",
    ),
    "expect-count": ("应为不小于 0 的整数", "should be a whole number ≥ 0"),
    "expect-amount": ("应为不小于 0 的数", "should be a number ≥ 0"),
    "expect-percent": (
        "应为 0–100 之间的百分数（不带 % 号）",
        "should be a percentage 0–100 (no %)",
    ),
    # 是/否 is what a yes/no means, not what to type: YAML reads `是` as text
    "expect-boolean": (
        "应写 true（是）或 false（否）",
        "should be written true (yes) or false (no)",
    ),
    "expect-text": ("应为文字", "should be text"),
    "expect-year": ("应为四位年份", "should be a four-digit year"),
    "type-error": (
        "{field}的值 {value} 类型不对：{expect}",
        "value {value} of {field} has the wrong type: {expect}",
    ),
    "quoted-number": ("（去掉引号）", " (remove the quotes)"),
    "text-too-long": (
        "{field}过长（{length} 字，上限 {limit} 字）",
        "{field} is too long ({length} characters, at most {limit})",
    ),
    "too-precise": (
        "{field}的值 {value} 位数太多：最多 6 位小数、15 位有效数字（多出的位数无法准确判定）",
        "value {value} of {field} has too many digits: at most 6 decimals and 15 significant"
        " digits (more cannot be judged exactly)",
    ),
    "number-too-large": (
        "{field}的值 {value} 太大（超过 10¹²），不可能是实际数据：请检查是否多打了数字",
        "value {value} of {field} is too large (over 10¹²) to be a real figure: check for"
        " extra digits",
    ),
    "out-of-range": (
        "{field}的值 {value} 超出范围：{expect}",
        "{field} = {value} is out of range: {expect}",
    ),
    # what people call a YAML value's kind (`kxplan.load.pydanticerrors.kind_of`)
    "value-text": ("文字", "text"),
    "value-number": ("数字", "a number"),
    "value-true-false": ("是否值", "true/false"),
    "value-list": ("列表", "a list"),
    "value-mapping": ("映射", "a mapping"),
    "value-nothing": ("空值", "nothing"),
    # the schema of the data files (`kxplan.repo.schema`)
    "schema-measure": ("计量单位：{measure}；{expect}", "Measure: {measure}; {expect}"),
    "schema-target": ("目标：{name}（{rule}）", "Target: {name} ({rule})"),
}
