"""The command line: finding the plan and the data, options, years and output paths."""

from __future__ import annotations

from kxplan.text.catalogue.entry import Entry

MESSAGES: dict[str, Entry] = {
    # finding the plan, the data folder, the output
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
    # a plan or a data folder found but unusable, and what kxplan did not expect
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
}
