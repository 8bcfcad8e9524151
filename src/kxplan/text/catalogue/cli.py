"""The command line: finding the plan and the data, options, years and output paths."""

from __future__ import annotations

from kxplan.text.catalogue.entry import Entry, Verbatim

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
    "county-empty": (
        "--county 后面应为单位名称或代码，不能为空",
        "--county takes a unit's name or code; it cannot be empty",
    ),
    "data-dir-not-found": ("数据文件夹不存在：{path}", "no such data folder: {path}"),
    "path-not-plan": ("{path} 不能用作规划文件：{why}", "{path} cannot be used as the plan: {why}"),
    "path-not-data": (
        "{path} 不能用作数据文件夹：{why}",
        "{path} cannot be used as the data folder: {why}",
    ),
    # command line
    "compare-and-output": (
        "--compare 与 -o 不能同时使用",
        "--compare and -o cannot be used together",
    ),
    "bad-lang": ("--lang 只能是 {langs}", "--lang must be one of {langs}"),
    "unknown-county": ("没有单位 “{name}”{suggest}", "no unit “{name}”{suggest}"),
    "option-once": (
        "{option} 只能给一次（给了 {values}）",
        "{option} can be given once (given: {values})",
    ),
    "county-once": (
        "--county 只能给一个单位（给了 {names}）",
        "--county takes one unit here (given: {names})",
    ),
    "county-and-narrow": (
        "--county 不能与 --level、--under 同时使用：--county 直接指明单位；"
        "--level 与 --under 可以一起用（某单位以下某一级的全部单位）",
        "--county cannot be combined with --level or --under: --county names the units itself;"
        " --level and --under go together (the units of one level under a unit)",
    ),
    "narrow-empty": (
        "{option} 后面不能为空",
        "{option} cannot be empty",
    ),
    "unknown-level": ("没有层级 “{name}”{suggest}", "no level “{name}”{suggest}"),
    "levels-known": ("；规划的层级：{known}", "; the plan's levels: {known}"),
    "level-word": ("{id}（{name}）", "{id} ({name})"),
    "none-of-level-under": (
        "{unit}及其以下没有{level}一级的单位",
        "no unit of level {level} at or under {unit}",
    ),
    "compare-narrowed": (
        "--compare 不能与 --level、--under 同时使用（比较全部单位，或用 --county 比较一个单位）",
        "--compare cannot be combined with --level or --under (it compares every unit, or one"
        " --county)",
    ),
    "status-word": ("{code}（{label}）", "{code} ({label})"),
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
        "未知状态 “{code}”；可用：{known}（代码或中文名称均可）",
        "unknown status “{code}”; known: {known} (the code or its label)",
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
    "interrupted": ("已中断（Ctrl-C）", "interrupted (Ctrl-C)"),
    # every command's help (cli/helptext.py): examples, and what each exit code means
    "help-examples": ("示例", "Examples"),
    "help-exit-codes": ("退出码", "Exit codes"),
    "help-fail-on-values": (
        "--fail-on 的状态（代码或名称）",
        "--fail-on takes (the code or a label)",
    ),
    "exit-ok": ("成功", "success"),
    "exit-failed": ("有结果的状态在 --fail-on 之中", "a result's status is in --fail-on"),
    "exit-usage": (
        "用法错误（未知的选项、单位或年份，输出文件已存在……）",
        "usage error (an unknown option, unit or year, an output file that exists, …)",
    ),
    "exit-invalid": ("规划或数据文件无效", "the plan or a data file is invalid"),
    "internal-error": (
        "kxplan 内部错误：{error}（加 --debug 查看详细信息，并请报告此问题）",
        "kxplan internal error: {error} (run with --debug for the traceback, and please report it)",
    ),
    # typer's usage errors, said again (`kxplan.cli.usage`); typer's own English stays in English
    "usage-not-a-choice": (
        "{hint} 的值 “{value}” 无效，可选：{choices}",
        "the value “{value}” of {hint} is not valid; choose one of {choices}",
    ),
    "usage-not-an-integer": (
        "{hint} 的值无效：应为整数",
        "the value of {hint} is not a whole number",
    ),
    "usage-invalid": ("{hint} 的值无效：{why}", "the value of {hint} is not valid: {why}"),
    "usage-no-option": ("没有选项 {name}", "no option {name}"),
    "usage-no-command": ("没有命令 “{name}”", "no command “{name}”"),
    "usage-did-you-mean": ("，是否为 {options}？", " (did you mean {options}?)"),
    "usage-commands": ("（kxplan -h 列出全部命令）", " (kxplan -h lists every command)"),
    "usage-missing-argument": ("缺少参数 {name}", "missing argument {name}"),
    "usage-missing-option": ("缺少选项 {name}", "missing option {name}"),
    "usage-no-value": ("选项 {name} 后面缺少值", "the option {name} needs a value"),
    "usage-extra-arguments": ("多余的参数：{args}", "unexpected extra arguments: {args}"),
    # the frame typer draws around them: a format string of typer's own, braces kept for it
    "usage-error": ("错误", "Error"),
    "usage-help": (
        "查看帮助：[blue]{{command_path}} {{help_option}}[/]",
        "Try [blue]'{{command_path}} {{help_option}}'[/] for help.",
    ),
    # -o/--output (`kxplan.cli.output`)
    "output-suffix": (
        "输出文件 {path} 的后缀应为 .xlsx、.json 或 .md",
        "the output file {path} should end in .xlsx, .json or .md",
    ),
    "output-conflict": (
        "--format {fmt} 与输出文件后缀 {suffix} 不一致；写文件时由后缀决定格式",
        "--format {fmt} contradicts the output suffix {suffix}; the suffix picks the format",
    ),
    "output-written": ("已写入 {path}", "written to {path}"),
    "output-empty": ("-o 后的输出文件名是空的", "the output file name after -o is empty"),
    "schema-suffix": (
        "输出文件 {path} 的后缀应为 .json（JSON Schema 是 JSON 文件）",
        "the output file {path} should end in .json (a JSON Schema is JSON)",
    ),
    # explain's target and unit
    "unknown-target": ("规划中没有目标 “{id}”{suggest}", "the plan has no target “{id}”{suggest}"),
    "explain-row-heading": Verbatim("{name}（{rule}）：{years}", "{name} ({rule}): {years}"),
    "explain-row-years": ("{first}—{last} 年逐年评估", "reviewed each year {first}–{last}"),
    "explain-row-year": ("{year} 年", "{year}"),
    "explain-row-status": Verbatim(
        "评估状态：{status}（{counts}）", "Review status: {status} ({counts})"
    ),
    "explain-row-one": (
        "单个单位的计算过程：kxplan explain {id} {year} --county {example}",
        "One unit's arithmetic: kxplan explain {id} {year} --county {example}",
    ),
    "explain-not-here": Verbatim(
        "目标 “{id}” 适用于{levels}，不适用于{name}；{hint}",
        "target “{id}” applies to {levels}, not to {name}; {hint}",
    ),
    "explain-leave-out-county": Verbatim(
        "去掉 --county（默认即{root}）",
        "leave out --county (it means {root})",
    ),
    "explain-give-county": (
        "请用 --county 指定单位，例如 --county {example}",
        "name one with --county, e.g. --county {example}",
    ),
    # the columns of `kxplan targets`
    "targets-id": ("编号", "id"),
    "targets-name": ("名称", "name"),
    "targets-level": ("层级", "level"),
    "targets-kind": ("类型", "kind"),
    "targets-rule": ("规则", "rule"),
    "targets-clause": ("条款", "clause"),
    # validate's last line
    "validate-all-valid": ("已检查 {count} 个文件：全部有效", "{count} file(s) checked: all valid"),
    "validate-problems": (
        "已检查 {count} 个文件：{files} 个文件共 {problems} 个问题",
        "{count} file(s) checked: {problems} problem(s) in {files} file(s)",
    ),
    # init (`kxplan.cli.commands.init`)
    "init-not-a-folder": ("{folder} 不是文件夹", "{folder} is not a folder"),
    "init-not-empty": (
        "{folder} 不是空文件夹；加 --force 只补充缺少的文件（不会覆盖任何文件）",
        "{folder} is not empty; --force adds the missing files (none is replaced)",
    ),
    "init-repo-not-pip": (
        "kxplan 仓库地址 “{repo}” 无法用 pip 安装：请用 https://…、git@主机:路径（SSH）或本机文件夹的路径",
        "kxplan's repository “{repo}” cannot be installed by pip: give https://…,"
        " git@host:path (SSH) or a local folder",
    ),
    "init-plan-unusable": (
        "无法读取规划文件：{why}；请修正它，或移走它后再运行 kxplan init",
        "cannot read the plan: {why}; fix it, or move it away and run kxplan init again",
    ),
    "init-other-plan": (
        "{existing} 已存在且与 {chosen} 不同；未写入任何文件",
        "{existing} exists and differs from {chosen}; nothing written",
    ),
    "init-repository": ("数据仓库 {folder}：", "Data repository {folder}:"),
    "init-kept": ("{name}（已存在，未改动）", "{name} (exists, left as it is)"),
    "init-next": ("下一步：", "Next:"),
    "init-replace-repo": (
        "把 .pre-commit-config.yaml 和 .github/workflows/kxplan.yml 中的 {repo} 换成 kxplan"
        " 仓库的地址，并确认该仓库有版本 {rev}（下次 init 时可用 --kxplan-repo、--kxplan-rev"
        " 直接指定）",
        "replace {repo} in .pre-commit-config.yaml and .github/workflows/kxplan.yml with"
        " kxplan's repository, which must have the revision {rev} (or give init --kxplan-repo"
        " and --kxplan-rev)",
    ),
    "init-check-rev": (
        "确认 kxplan 仓库 {repo} 有版本 {rev}（git ls-remote {repo} {rev}）；没有时用 --kxplan-rev"
        " 指定提交号",
        "make sure kxplan's repository {repo} has the revision {rev} (git ls-remote {repo} {rev});"
        " if not, give --kxplan-rev a commit id",
    ),
    "init-fill-in": (
        "填写 data/ 中各单位的数据，然后运行 kxplan validate",
        "fill in the data files under data/, then run kxplan validate",
    ),
    # check --compare: the revision, read with git (`kxplan.repo.gitrev`)
    "git-not-a-repository": (
        "{folder} 不在 git 仓库中；--compare 需要在数据仓库（git 仓库）中使用",
        "{folder} is not in a git repository; --compare works in a data repository",
    ),
    "git-cannot-read-folder": (
        "git 无法读取 {folder} 所在的仓库：{said}",
        "git cannot read {folder}: {said}",
    ),
    "git-cannot-read-rev": ("git 无法读取版本 “{rev}”：{said}", "git cannot read “{rev}”: {said}"),
    "git-shallow": (
        "；这是浅克隆，该版本可能没有下载：在 actions/checkout 中设 fetch-depth: 0，"
        "或先运行 git fetch --unshallow",
        "; this is a shallow clone, which may not hold it: set fetch-depth: 0 in"
        " actions/checkout, or run git fetch --unshallow first",
    ),
    "git-no-rev": (
        "git 中没有版本 “{rev}”（可用分支名、标签或提交号，如 origin/main）{hint}",
        "git knows no revision “{rev}” (give a branch, tag or commit, e.g. origin/main){hint}",
    ),
    "git-missing": (
        "找不到 git 命令；--compare 需要 git",
        "git is not installed; --compare needs it",
    ),
    "git-cannot-read-sha": ("无法读取版本 {sha}：{said}", "cannot read revision {sha}: {said}"),
    "git-data-outside": (
        "数据文件夹 {data} 不在 git 仓库 {root} 中",
        "the data folder {data} is not inside the git repository {root}",
    ),
}
