"""Words shown to people, Chinese first and English with `--lang en`."""

from __future__ import annotations

import os

LANGS = ("zh", "en")

_CATALOG: dict[str, tuple[str, str]] = {
    # reading files
    "file-too-large": (
        "文件过大（{size} 字节，上限 {limit} 字节）；数据文件应只有几十行",
        "file is too large ({size} bytes, limit {limit}); a data file has a few dozen lines",
    ),
    "too-many-nodes": (
        "文件展开后节点过多（超过 {limit} 个），可能是别名炸弹；请勿使用锚点和别名",
        "the file expands to more than {limit} nodes (an alias bomb?); do not use anchors",
    ),
    "not-utf8": (
        "第 {line} 行含非 UTF-8 字节{guess}；请另存为 UTF-8 编码",
        "line {line} has bytes that are not UTF-8{guess}; save the file as UTF-8",
    ),
    "looks-gbk": ("（看起来是 GBK/GB18030 编码）", " (it looks like GBK/GB18030)"),
    "utf16": (
        "文件是 UTF-16 编码；请另存为 UTF-8",
        "the file is UTF-16; save it as UTF-8",
    ),
    "binary": (
        "文件含控制字符或二进制内容（{char}），不是文本文件",
        "the file holds control characters or binary content ({char}); it is not text",
    ),
    "yaml-syntax": ("YAML 语法错误：{problem}{hint}", "YAML syntax error: {problem}{hint}"),
    "yaml-tab-hint": (
        "（提示：缩进请用空格，不要用 Tab）",
        " (hint: indent with spaces, not tabs)",
    ),
    "yaml-colon-hint": (
        "（提示：检查冒号后是否有空格、引号是否成对）",
        " (hint: check for a space after each colon and for unpaired quotes)",
    ),
    "tag": (
        "不支持的 YAML 标签 {tag}；数据文件只能含数字、文字、是否值",
        "unsupported YAML tag {tag}; data files hold only numbers, text and true/false",
    ),
    "number-too-long": ("数字位数过多", "the number has too many digits"),
    "recursive-alias": ("递归的 YAML 别名", "recursive YAML alias"),
    "too-deep": ("嵌套层级过深", "nesting is too deep"),
    "complex-key": ("键必须是简单的文字", "a key must be plain text"),
    "duplicate-key": (
        "键 “{key}” 重复出现（首次在第 {first} 行）；YAML 只会保留最后一个，数据会丢失",
        "key “{key}” appears twice (first on line {first}); YAML would silently keep the last",
    ),
    "empty-file": ("文件为空", "the file is empty"),
    "not-a-mapping": (
        "{what}应为“键: 值”的映射，实际是{got}",
        "{what} should be a mapping of “key: value”, got {got}",
    ),
    "the-file": ("文件顶层", "the top level"),
    # data files
    "missing-field": ("缺少必填字段 “{field}”", "required field “{field}” is missing"),
    "unknown-field": (
        "未知字段 “{field}”{suggest}；允许的字段：{allowed}",
        "unknown field “{field}”{suggest}; allowed: {allowed}",
    ),
    "unknown-indicator": (
        "规划中没有指标 “{id}”{suggest}",
        "the plan has no indicator “{id}”{suggest}",
    ),
    "unknown-unit": ("规划中没有单位 “{name}”{suggest}", "the plan has no unit “{name}”{suggest}"),
    "did-you-mean": ("，是否为 “{id}”？", " (did you mean “{id}”?)"),
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
    "ignored-files": (
        "不是数据文件（后缀不是 .yaml/.yml），未检查：{files}",
        "not data files (not .yaml/.yml), not checked: {files}",
    ),
    "misplaced-file": (
        "文件不在 data/<年份>/ 文件夹中，kxplan 不会读取它；请移到 {folder}",
        "the file is not in a data/<year>/ folder, so kxplan never reads it; move it to {folder}",
    ),
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
        "{field} 的值 {value!r} 类型不对：{expect}",
        "value {value!r} of {field} has the wrong type: {expect}",
    ),
    "quoted-number": ("（去掉引号）", " (remove the quotes)"),
    "text-too-long": (
        "{field} 过长（{length} 字，上限 {limit} 字）",
        "{field} is too long ({length} characters, at most {limit})",
    ),
    "out-of-range": (
        "{field} 的值 {value} 超出范围：{expect}",
        "{field} = {value} is out of range: {expect}",
    ),
    # plan
    "plan-not-found": (
        "找不到规划文件 targets.yaml（从 {cwd} 向上查找）；请用 --plan 指定",
        "no targets.yaml found (looked upwards from {cwd}); give one with --plan",
    ),
    "file-not-found": ("文件不存在：{path}", "no such file: {path}"),
    "data-not-found": (
        "找不到数据文件夹 data/（从 {cwd} 向上查找）；请用 --data-dir 指定，"
        "或用 kxplan init 新建数据仓库",
        "no data/ folder found (looked upwards from {cwd}); give one with --data-dir, or create a "
        "data repository with kxplan init",
    ),
    "output-in-data": (
        "{path} 在数据文件夹 {data} 中；数据文件夹只放 <年份>/<单位>.yaml，报表和填报表请写到别处"
        "（默认 reports/）",
        "{path} is inside the data folder {data}, which holds only <year>/<unit>.yaml files;"
        " write reports and forms elsewhere (reports/ by default)",
    ),
    "would-overwrite": (
        "{path} 已存在，未覆盖（如需替换请加 --force）",
        "{path} exists; not overwritten (use --force to replace it)",
    ),
    "data-dir-not-found": ("数据文件夹不存在：{path}", "no such data folder: {path}"),
    "plan-unknown-ref": (
        "{what} “{ref}” 不存在{suggest}",
        "{what} “{ref}” does not exist{suggest}",
    ),
    "plan-duplicate-id": ("{what} “{id}” 重复定义", "{what} “{id}” is defined twice"),
    "plan-root": (
        "单位树必须恰好有一个根单位（无 parent），现有 {count} 个",
        "the unit tree needs exactly one root (no parent); found {count}",
    ),
    "plan-cycle": ("单位 “{unit}” 的上级关系成环", "the parents of unit “{unit}” form a cycle"),
    "plan-deadline": (
        "截止年份 {year} 不在规划期 {start}–{end} 内",
        "deadline {year} is outside the plan period {start}–{end}",
    ),
    "plan-start": (
        "起始年份 {year} 应在规划期内且不晚于截止年份",
        "start year {year} must be within the period and not after the deadline",
    ),
    "plan-period": (
        "规划期 {start}–{end} 无效：应起始年不晚于结束年，基期早于起始年",
        "period {start}–{end} is invalid: start ≤ end, base year before start",
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
    "plan-field": ("{why}", "{why}"),
    "unit-level": (
        "单位 “{unit}” 的层级 “{level}” 不存在",
        "unit “{unit}” has an unknown level “{level}”",
    ),
    # command line
    "unknown-county": ("没有单位 “{name}”{suggest}", "no unit “{name}”{suggest}"),
    "year-outside": (
        "{year} 年不在规划期 {start}–{end} 内",
        "{year} is outside the plan period {start}–{end}",
    ),
    "two-years": (
        "年份给了两个：{argument} 和 --year {option}；只需给一个",
        "two years given: {argument} and --year {option}; give one",
    ),
    "year-is-base": (
        "{year} 年是基年，只提供基数，不作考核；请选规划期 {start}–{end} 内的年份",
        "{year} is the base year: it gives the base values and is not judged;"
        " choose a year of the plan period {start}–{end}",
    ),
    "year-outside-data": (
        "{year} 年不在基年 {base} 和规划期 {start}–{end} 内",
        "{year} is neither the base year {base} nor in the plan period {start}–{end}",
    ),
    "no-data-years": (
        "数据文件夹中没有规划期内的年份",
        "the data folder holds no year of the plan period",
    ),
    "unknown-status": (
        "未知状态 “{code}”；可用：{known}",
        "unknown status “{code}”; known: {known}",
    ),
    "cannot-write": (
        "无法写入 {path}：{reason}；该文件未写入，请换一个可写的路径",
        "cannot write {path}: {reason}; the file was not written, choose a writable path",
    ),
    "os-EACCES": ("没有写入权限", "permission denied"),
    "os-ENOENT": ("所在文件夹不存在或无法创建", "its folder does not exist and cannot be made"),
    "os-EEXIST": ("路径中有一段是文件而不是文件夹", "part of the path is a file, not a folder"),
    "os-ENOTDIR": ("路径中有一段是文件而不是文件夹", "part of the path is a file, not a folder"),
    "os-EROFS": ("文件系统只读", "the file system is read-only"),
    "os-ENOSPC": ("磁盘空间不足", "no space left on the disk"),
    "os-EISDIR": ("这是一个文件夹", "it is a folder"),
    "internal-error": (
        "kxplan 内部错误：{error}（加 --debug 查看详细信息，并请报告此问题）",
        "kxplan internal error: {error} (run with --debug for the traceback, and please report it)",
    ),
    "invalid-file": ("数据文件有误，按缺数据处理", "the data file is invalid; treated as missing"),
    "no-file": ("本年度未报送数据文件", "no data file for this year"),
}


def os_reason(errno: int | None, strerror: str, lang: str) -> str:
    """Why the operating system refused, in words people know; its own words otherwise."""
    import errno as codes

    name = codes.errorcode.get(errno or 0, "")
    name = "EACCES" if name == "EPERM" else name
    return tr(f"os-{name}", lang) if f"os-{name}" in _CATALOG else strerror


def tr(message_id: str, lang: str, **params: object) -> str:
    zh, en = _CATALOG[message_id]
    text = en if lang == "en" else zh
    return text.format(**params) if params else text


def default_lang() -> str:
    lang = os.environ.get("KXPLAN_LANG", "zh").lower()
    return "en" if lang.startswith("en") else "zh"


def pick(zh: str, en: str | None, lang: str) -> str:
    """A plan-supplied text in the wanted language, falling back to Chinese."""
    return en if lang == "en" and en else zh
