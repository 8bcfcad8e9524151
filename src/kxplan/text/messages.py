"""Words shown to people, Chinese first and English with `--lang en`."""

from __future__ import annotations

import os
import string

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
    "utf-bom": (
        "文件是 UTF-{bits} 编码；请另存为 UTF-8",
        "the file is UTF-{bits}; save it as UTF-8",
    ),
    "binary": (
        "文件含控制字符或二进制内容（{char}），不是文本文件",
        "the file holds control characters or binary content ({char}); it is not text",
    ),
    "c1-control": (
        "文件含控制字符 {char}，通常是文字在编码转换中出了错（如把 Latin-1 当作 UTF-8）"
        "（提示：删去它，或重新输入这处文字）",
        "the file holds the control character {char}, usually text garbled by a wrong encoding"
        " conversion (Latin-1 taken for UTF-8) (hint: delete it, or type that text again)",
    ),
    "hidden-break": (
        "这里有看不见的分隔符 {char}，YAML 却把它当作换行（提示：删去它，或换成空格）",
        "an invisible separator {char} here is a line break to YAML"
        " (hint: delete it, or type a space instead)",
    ),
    "yaml-syntax": ("YAML 语法错误：{problem}{hint}", "YAML syntax error: {problem}{hint}"),
    "yaml-unknown": ("YAML 读不懂这里的写法", "YAML cannot read this"),
    "yaml-directive": (
        "数据文件不能有以 % 开头的 YAML 指令行（提示：删去这一行）",
        "a data file has no YAML directive (a line starting with %) (hint: remove the line)",
    ),
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
    "tag-mismatch": (
        "值 “{value}” 与它的标签 {tag} 不符（提示：删去标签 {tag}）",
        "the value “{value}” does not fit its tag {tag} (hint: remove the tag {tag})",
    ),
    "number-too-long": ("数字位数过多", "the number has too many digits"),
    "recursive-alias": ("递归的 YAML 别名", "recursive YAML alias"),
    "too-deep": (
        "嵌套超过 {limit} 层，层级过深（提示：kxplan 的文件只有几层嵌套，"
        "检查是否多写了 [ 或 {{，或缩进越来越深）",
        "nesting is deeper than {limit} levels (hint: kxplan's files nest only a few levels;"
        " look for stray [ or {{, or indentation that keeps growing)",
    ),
    "yaml-documents": (
        "一个文件只能有一个 YAML 文档，第 {line} 行却开始了另一个"
        "（提示：删去多余的 “---” 或 “...”；文件开头的一个 “---” 可以保留）",
        "a file holds one YAML document, but another starts on line {line}"
        " (hint: remove the extra “---” or “...”; one “---” at the very top may stay)",
    ),
    "full-width-colon": (
        "用了全角冒号 “：”，YAML 不识别"
        "（提示：改用英文冒号 “:” 并在其后加一个空格，写作 “{fixed}”）",
        "a full-width colon “：” is not a YAML colon"
        " (hint: use an ASCII colon “:” followed by a space: “{fixed}”)",
    ),
    "more-problems": (
        "本文件另有 {count} 个问题未列出（每个文件最多列出 {limit} 个，请先修正列出的问题）",
        "{count} more problems in this file are not listed (at most {limit} a file; fix the"
        " listed ones first)",
    ),
    "not-a-file": (
        "不是普通文件（可能是设备、管道或指向它们的链接），无法作为数据文件读取",
        "not a regular file (a device, a pipe or a link to one): it cannot be read as a data file",
    ),
    "a-folder": (
        "这是一个文件夹，不是数据文件（提示：把其中的文件移出来，或给文件夹改名）",
        "this is a folder, not a data file (hint: move its files out, or rename the folder)",
    ),
    "no-data-files": (
        "文件夹 {path} 中没有数据文件（.yaml/.yml），没有可检查的内容",
        "no data files (.yaml/.yml) in the folder {path}: nothing to check",
    ),
    "unreadable-folder": (
        "无法读取此文件夹，其中的数据文件都未检查：{reason}",
        "cannot read this folder, so none of its data files was checked: {reason}",
    ),
    "unreadable": ("无法读取此文件：{reason}", "cannot read this file: {reason}"),
    "no-such-file": (
        "文件不存在（可能是指向已删除文件的链接）",
        "it does not exist (perhaps a link to a removed file)",
    ),
    "link-loop": ("链接指向自身（或绕回自身）", "the link points back to itself"),
    "no-permission": ("没有读取权限", "no permission to read it"),
    "odd-space-indent": (
        "行首有{space}，YAML 不把它当作缩进（提示：缩进只能用半角空格）",
        "the line starts with {space}, which YAML does not take as indentation"
        " (hint: indent with ASCII spaces only)",
    ),
    "odd-space-key": (
        "键 {key} 与冒号之间有{space}，YAML 会把它当作键的一部分（提示：删去它，写作 “{fixed}”）",
        "{space} between the key {key} and its colon becomes part of the key"
        " (hint: remove it: “{fixed}”)",
    ),
    "odd-space-colon": (
        "冒号后是{space}而不是半角空格，YAML 会把整行当作文字（提示：写作 “{fixed}”）",
        "the colon is followed by {space}, not an ASCII space, so YAML reads the whole line as"
        " text (hint: “{fixed}”)",
    ),
    "odd-space-value": (
        "（提示：去掉其中的{space}）",
        " (hint: remove the {space} in it)",
    ),
    "full-width-space": ("全角空格", "a full-width space"),
    "special-space": ("特殊空格（{code}）", "a special space ({code})"),
    "colon-space": (
        "冒号后缺少空格，YAML 会把整行当作文字（提示：写作 “{fixed}”）",
        "no space after the colon, so YAML reads the whole line as text (hint: “{fixed}”)",
    ),
    "missing-colon": (
        "缺少冒号 “:”（键与值之间应为 “键: 值”）（提示：写作 “{fixed}”）",
        "a colon is missing (“key: value”) (hint: “{fixed}”)",
    ),
    "full-width-colon-hint": (
        "（提示：其中的全角冒号 “：” 应改为英文冒号 “:” 并在其后加一个空格）",
        " (hint: its full-width colon “：” should be an ASCII colon “:” followed by a space)",
    ),
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
    "plan-got-list": ("列表", "a list"),
    "plan-got-mapping": ("映射", "a mapping"),
    "plan-got-nothing": ("空值", "nothing"),
    "plan-expect-mapping": (
        "应为“键: 值”的映射",
        "should be a mapping of “key: value”",
    ),
    "plan-expect-list": (
        "应为列表（每项以 - 开头）",
        "should be a list (each item starting with -)",
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
        "应为 {ahead: 1.10, behind: 0.90} 这样的映射",
        "should be a mapping such as {ahead: 1.10, behind: 0.90}",
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
        "应为 sum（上级取下级之和）或 none",
        "should be sum (a parent is the sum of its children) or none",
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
    "os-ELOOP": ("是循环的链接（最终指回自己）", "it is a link loop (it leads back to itself)"),
    # a file kxplan writes that another run is writing (`kxplan.files.lock`)
    "busy": ("{path}：{reason}；请稍后再试", "{path}: {reason}; try again later"),
    "busy-reason": (
        "另一个 kxplan 正在写入此文件，等待 {seconds} 秒后仍未结束",
        "another kxplan run is writing this file; still busy after {seconds} s",
    ),
    # what is at a path where a file (or a folder) should be
    "is-a-folder": ("是文件夹，不是文件", "it is a folder, not a file"),
    "is-a-file": ("是文件，不是文件夹", "it is a file, not a folder"),
    "dangling-link": (
        "是失效的链接（指向的文件不存在）",
        "it is a link to nothing (its target does not exist)",
    ),
    "special-file": ("是设备或管道，不是普通文件", "it is a device or a pipe, not a regular file"),
    # finding the plan and the data folder
    "plan-unusable": (
        "无法读取规划文件：{why}；请修正它，或用 --plan 指定规划文件",
        "cannot read the plan: {why}; fix it, or give a plan with --plan",
    ),
    "data-unusable": (
        "{path} 不能用作数据文件夹：{why}；请修正它，或用 --data-dir 指定数据文件夹",
        "{path} cannot be used as the data folder: {why}; fix it, or give one with --data-dir",
    ),
    "shipped-plan": (
        "未找到 targets.yaml（从 {cwd} 向上查找）：使用 kxplan 自带的规划 “{name}”",
        "no targets.yaml found (looked upwards from {cwd}): using the plan shipped with kxplan,"
        " “{name}”",
    ),
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
    """The message in `lang`. In Chinese a parameter's ASCII (or “quotes”) that meets a Chinese
    character gets a space, as the catalog writes `字段 “{field}”` and `第 {line} 行`, so that
    `{what}应为` reads `文件顶层应为` and `values 应为` alike."""
    zh, en = _CATALOG[message_id]
    if lang == "en":
        return en.format(**params) if params else en
    return _spaced(zh, params) if params else zh


_FORMATTER = string.Formatter()


def _spaced(template: str, params: dict[str, object]) -> str:
    pieces: list[str] = []
    for literal, name, spec, conversion in _FORMATTER.parse(template):
        _join(pieces, literal)
        if name is not None:
            value, _ = _FORMATTER.get_field(name, (), params)
            value = _FORMATTER.convert_field(value, conversion)
            _join(pieces, _FORMATTER.format_field(value, spec or ""))
    return "".join(pieces)


def _join(pieces: list[str], text: str) -> None:
    """Add `text`, with a space where it and the piece before it join Chinese and ASCII."""
    if not text:
        return
    if pieces:
        before, after = pieces[-1][-1], text[0]
        if (_is_han(before) and _starts_latin(after)) or (_ends_latin(before) and _is_han(after)):
            text = " " + text
    pieces.append(text)


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def _is_ascii(char: str) -> bool:
    return char.isascii() and char.isprintable() and not char.isspace()


def _starts_latin(char: str) -> bool:
    """ASCII, or an opening quote: `是否为 “{id}”`, never `“ 乙区”`."""
    return _is_ascii(char) or char == "“"


def _ends_latin(char: str) -> bool:
    return _is_ascii(char) or char == "”"


def default_lang() -> str:
    lang = os.environ.get("KXPLAN_LANG", "zh").lower()
    return "en" if lang.startswith("en") else "zh"


def pick(zh: str, en: str | None, lang: str) -> str:
    """A plan-supplied text in the wanted language, falling back to Chinese."""
    return en if lang == "en" and en else zh
