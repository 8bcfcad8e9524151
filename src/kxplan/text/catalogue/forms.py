"""The forms: making them (`template`), reading them back and importing them (`import`)."""

from __future__ import annotations

from kxplan.text.catalogue.entry import Entry, Verbatim

MESSAGES: dict[str, Entry] = {
    # the form
    "form-sheet": ("填报表", "Form"),
    "form-title": ("{unit} {year} 年度数据填报表", "{unit}: data form for {year}"),
    "form-help": (
        "请只填写黄色单元格（本年数值、数据来源、备注）。不适用或暂无数据的留空："
        "留空表示本次不填报，不会清除已有数据。单位代码 {code}；生成于 {generated}。",
        "Fill in the yellow cells only (value, source, note). Leave a cell empty when there is "
        "no figure: an empty cell reports nothing and never erases data. Unit code {code}; "
        "made {generated}.",
    ),
    "form-col-name": ("指标", "Indicator"),
    "form-col-measure": ("计量单位", "Measure"),
    "form-col-instruction": ("填报说明", "What to count"),
    "form-col-target": ("目标要求", "Target"),
    "form-col-previous": Verbatim("上年数值（{year}年）", "Last year ({year})"),
    "form-col-value": Verbatim("本年数值（{year}年）", "Value ({year})"),
    "form-col-id": ("指标代码", "Indicator id"),
    "form-share-of": Verbatim("计入{unit}合计：{rule}", "counts towards {unit}'s total: {rule}"),
    "form-no-target": ("—", "—"),
    "form-yes-no": ("是,否", "yes,no"),
    "form-prompt-title": ("填报提示", "How to fill in"),
    "form-error-title": ("数值不符合要求", "Value not accepted"),
    # what a value should be, said to someone filling in a form
    "form-expect-count": ("请填不小于 0 的整数，如 12", "type a whole number ≥ 0, e.g. 12"),
    "form-expect-amount": ("请填不小于 0 的数，如 3.5", "type a number ≥ 0, e.g. 3.5"),
    "form-expect-percent": (
        "请填 0–100 之间的百分数，如 12.5 或 12.5%",
        "type a percentage from 0 to 100, e.g. 12.5 or 12.5%",
    ),
    "form-expect-boolean": ("请填 是 或 否", "type yes or no (是/否)"),
    # reading a form: the file
    "form-too-large": (
        "文件过大（{size} 字节，上限 {limit} 字节）；一份填报表只有几十 KB",
        "the file is too large ({size} bytes, limit {limit}); a form is a few dozen KB",
    ),
    "form-not-xlsx": (
        "不是 Excel 工作簿（.xlsx）：{why}",
        "not an Excel workbook (.xlsx): {why}",
    ),
    "form-why-not-zip": ("文件不是 zip 压缩包", "the file is not a zip archive"),
    "form-why-ole": (
        "是旧版 .xls 格式，或设置了打开密码；请在 Excel/WPS 中另存为 .xlsx（不设密码）",
        "it is an old .xls file or has an open password; save it as .xlsx without a password",
    ),
    "form-why-no-workbook": ("压缩包里没有工作簿", "the archive holds no workbook"),
    "form-too-many-parts": (
        "压缩包内文件过多（{count} 个，上限 {limit} 个）",
        "the archive has too many parts ({count}, limit {limit})",
    ),
    "form-too-much-data": (
        "解压后过大（{size} 字节，上限 {limit} 字节），可能是压缩炸弹",
        "it would unpack to {size} bytes (limit {limit}): a zip bomb?",
    ),
    "form-unsafe-xml": (
        "工作簿含不安全的 XML（{what}），已拒绝读取",
        "the workbook holds unsafe XML ({what}); refused",
    ),
    "form-defused-off": (
        "openpyxl 未启用 defusedxml（是否设置了 OPENPYXL_DEFUSEDXML=False？），"
        "拒绝读取外来的填报表",
        "openpyxl is not using defusedxml (is OPENPYXL_DEFUSEDXML=False set?); refusing to read "
        "forms from outside",
    ),
    "form-unreadable": ("无法读取工作簿：{error}", "cannot read the workbook: {error}"),
    "form-not-a-form": (
        "不是 kxplan 生成的填报表（没有隐藏的 {sheet} 工作表）；请用 kxplan template 生成填报表",
        "not a form made by kxplan (no hidden {sheet} sheet); make forms with kxplan template",
    ),
    "form-damaged": (
        "填报表的隐藏记录已损坏（{key}）；请重新生成填报表",
        "the form's hidden record is damaged ({key}); make the form again",
    ),
    "form-no-sheet": ("找不到工作表 “{sheet}”", "no sheet “{sheet}”"),
    "form-other-plan": (
        "填报表属于规划 “{form}”，当前规划是 “{plan}”",
        "the form belongs to plan “{form}”, this plan is “{plan}”",
    ),
    "form-record-not-a-code": (
        "隐藏记录中的单位代码 “{code}” 不是单位代码；请重新生成填报表",
        "the hidden record's unit code “{code}” is not a unit code; make the form again",
    ),
    "form-record-unit": (
        "隐藏记录中的单位 “{name}” 与单位代码 {code}（{unit}）不符；请重新生成填报表",
        "the hidden record's unit “{name}” does not match its unit code {code} ({unit}); make "
        "the form again",
    ),
    "form-record-head": Verbatim(
        "隐藏记录是{unit}（{code}）的，但表头是 “{text}”；请重新生成填报表",
        "the hidden record is {unit}'s ({code}) but the form's heading says “{text}”; make the "
        "form again",
    ),
    "form-unit-in-name": Verbatim(
        "填报表是{unit}的，但文件名表示{file_unit}",
        "the form is {unit}'s but the file name says {file_unit}",
    ),
    "form-year-in-name": (
        "填报表是 {year} 年的，但文件名表示 {file_year} 年",
        "the form is for {year} but the file name says {file_year}",
    ),
    "form-sheet-too-large": (
        "工作表 “{sheet}” 比填报表大：{cell} 有内容，填报表只用到前 {rows} 行、A–{last} 列；"
        "请把数值填在填报表的黄色单元格里，删除其余内容",
        "the sheet “{sheet}” is larger than a form: {cell} holds something, and a form uses only "
        "the first {rows} rows and columns A–{last}; type values in the form's yellow cells and "
        "delete the rest",
    ),
    "form-other-sheet": (
        "此工作表不是填报表，其中的内容不会导入（此处填了 “{value}”，本表共 {count} 个单元格有"
        "内容）；请填在 “{sheet}” 工作表，并删除多余的工作表",
        "this sheet is not the form and nothing on it is imported (this cell holds “{value}”; "
        "{count} cell(s) of the sheet hold something): type values in the sheet “{sheet}” and "
        "delete other sheets",
    ),
    # reading a form: a cell's XML that Excel would not write
    "cell-damaged": (
        "单元格已损坏：{what}；请在 Excel/WPS 中重新填写此单元格后保存",
        "the cell is damaged: {what}; type it again in Excel/WPS and save",
    ),
    "cell-bad-xml": ("XML 无效（{error}）", "invalid XML ({error})"),
    "cell-bad-row": ("行号 “{text}” 无效", "the row number “{text}” is not valid"),
    "cell-bad-address": ("地址 “{text}” 无效", "the address “{text}” is not valid"),
    "cell-twice": ("同一单元格出现两次", "the same cell appears twice"),
    "cell-out-of-place": (
        "在工作表中的位置与所在行不符（行号重复或顺序颠倒，或写在别的行里），读取时会被跳过",
        "it is out of place in the sheet (a row number repeated or out of order, or the cell "
        "written in another row), so it would be skipped",
    ),
    "cell-bad-type": ("类型 “{text}” 未知", "unknown type “{text}”"),
    "cell-bad-number": ("“{text}” 不是数字", "“{text}” is not a number"),
    "cell-bad-shared": ("共享文字编号 “{text}” 不存在", "shared string “{text}” does not exist"),
    "cell-bad-boolean": (
        "“{text}” 不是逻辑值（0 或 1）",
        "“{text}” is not a logical value (0 or 1)",
    ),
    "cell-bad-date": ("日期 “{text}” 无效", "the date “{text}” is not valid"),
    "cell-bad-style": ("格式编号 “{text}” 不存在", "style “{text}” does not exist"),
    "cell-bad-rich-text": ("带格式的文字无效", "the formatted text is not valid"),
    "cell-bad-formula": ("公式 “{text}” 无效", "the formula “{text}” is not valid"),
    "cell-many-damaged": (
        "损坏的单元格过多，其余未再检查；请重新生成填报表",
        "too many damaged cells, the rest were not checked; make the form again",
    ),
    "cell-too-long": ("数字 “{text}” 位数过多", "the number “{text}” has too many digits"),
    # reading a form: the cells
    "form-stray": (
        "此处不是填写位置（填了 “{value}”）；本年数值请填在 {column} 列",
        "this cell is not for input (it holds “{value}”); type values in column {column}",
    ),
    "form-changed": (
        "受保护的单元格被改动（原为 “{old}”，现为 “{new}”）；本年数值请填在 {column} 列",
        "a protected cell was changed (it held “{old}”, now “{new}”); type values in column "
        "{column}",
    ),
    "form-not-in-form": (
        "指标 “{id}” 不在本填报表中{suggest}",
        "indicator “{id}” is not in this form{suggest}",
    ),
    "form-duplicate-row": (
        "指标 “{id}” 出现两次（另见 {other}）",
        "indicator “{id}” appears twice (see also {other})",
    ),
    "form-no-cached-value": (
        "公式 {formula} 没有计算结果；请在 Excel/WPS 中打开并保存，或直接填数字",
        "formula {formula} has no computed value; open and save the file in Excel/WPS, or type "
        "the number",
    ),
    "form-formula-error": (
        "公式 {formula} 的结果是错误值 {error}：{expect}",
        "formula {formula} gives the error {error}: {expect}",
    ),
    "form-external-link": (
        "公式 {formula} 取自另一个工作簿（外部链接），其数值无法核对；请直接填写数值或文字",
        "formula {formula} takes its value from another workbook (an external link), which "
        "cannot be checked: type the value or text itself",
    ),
    "form-formula-in-text": (
        "这里是公式 {formula}，不是文字：数据来源和备注请直接输入文字，开头不要用 “=”",
        "this is the formula {formula}, not text: type sources and notes as plain text, without "
        "a leading “=”",
    ),
    "form-ambiguous": (
        "“{text}” 不是确切的数值：{expect}",
        "“{text}” is not an exact value: {expect}",
    ),
    "form-too-long-value": (
        "“{text}” 位数过多，不是实际数值：{expect}",
        "“{text}” has too many digits to be a real figure: {expect}",
    ),
    "form-not-yes-no": ("“{text}” 不是 是/否：{expect}", "“{text}” is not yes or no: {expect}"),
    "form-a-date": (
        "填的是日期或时间（{text}）：{expect}",
        "this is a date or time ({text}): {expect}",
    ),
    "form-fraction": (
        "“{text}” 是 {scaled}% 还是 {text}%？请填 {scaled} 或 {scaled}%"
        "（如确为 {text}%，请填 {text}%）",
        "“{text}”: {scaled}% or {text}%? Type {scaled} or {scaled}% (or {text}% if that is what "
        "you mean)",
    ),
    "form-percent-elsewhere": (
        "“{text}” 是百分数，但本指标不是百分比：{expect}",
        "“{text}” is a percentage but this indicator is not: {expect}",
    ),
    # importing
    "import-existing-invalid": (
        "已有数据文件 {path} 有误，未导入；请先修正（kxplan validate {path}）",
        "the existing data file {path} is invalid; fix it first (kxplan validate {path})",
    ),
    "import-unsound": (
        "{form} → {path}：由填报表生成的数据文件未通过检查（见上），未写入；"
        "这是 kxplan 的缺陷，请连同填报表一并报告",
        "{form} → {path}: the data file made from the form fails the check (above); not "
        "written. This is a bug in kxplan: please report it with the form",
    ),
    "import-no-forms": (
        "{paths} 中没有填报表（.xlsx、.xlsm 文件，含子文件夹）",
        "no forms (.xlsx or .xlsm files, subfolders included) in {paths}",
    ),
    "import-same-unit-twice": (
        "与 {other} 是同一单位、同一年的填报表；请只导入其中一份",
        "{other} is a form for the same unit and year; import only one of them",
    ),
    "import-note": (
        "由填报表 {form} 导入（kxplan import，{when}）",
        "imported from the form {form} (kxplan import, {when})",
    ),
    "import-comment-dropped": (
        "注释无法保留（原第 {line} 行）：{text}",
        "comment not kept (line {line}): {text}",
    ),
    "import-written": (
        "{form} → {path}：已写入 {count} 项",
        "{form} → {path}: {count} value(s) written",
    ),
    "import-would-write": (
        "{form} → {path}：将写入 {count} 项（演习，未写入）",
        "{form} → {path}: would write {count} value(s) (dry run)",
    ),
    "import-unchanged": (
        "{form} → {path}：与已有数据相同，未改动",
        "{form} → {path}: same as the existing data; unchanged",
    ),
    "import-differs": (
        "{form} → {path}：与已有数据不同，未覆盖（核对以下差异后，如需替换请加 --force）",
        "{form} → {path}: differs from the existing data; not overwritten (check the differences "
        "below, then use --force to replace it)",
    ),
    "import-not-written": (
        "{form} → {path}：未能写入（{reason}），本表未导入",
        "{form} → {path}: not written ({reason}); this form was not imported",
    ),
    "import-not-a-file": (
        "{form} → {path}：此处不是数据文件（见上），未导入；请移走或改名后再导入",
        "{form} → {path}: what is there is not a data file (above); not imported: move or"
        " rename it, then import again",
    ),
    "import-empty": (
        "{form}：没有填写任何数值，未写入",
        "{form}: no value filled in; nothing written",
    ),
    "import-more-problems": ("…还有 {count} 个问题未列出", "… and {count} more"),
    "import-invalid": (
        "{form}：{count} 个问题，本表未导入",
        "{form}: {count} problem(s); this form was not imported",
    ),
    "import-summary": (
        "共 {forms} 份填报表：写入 {written}，未改动 {unchanged}，待确认 {pending}，"
        "空表 {empty}，有误 {invalid}",
        "{forms} form(s): {written} written, {unchanged} unchanged, {pending} to confirm, "
        "{empty} empty, {invalid} invalid",
    ),
    "import-summary-failed": ("，未能写入 {failed}", ", {failed} not written"),
    "import-date-as-number": (
        "按数字 {number} 读取（单元格为日期格式；请把它的格式改回“常规”或“数值”）",
        "read as the number {number} (the cell has a date format; set it back to General or"
        " Number)",
    ),
    "import-blank": ("未填，视为缺数据", "left blank: counted as missing data"),
    "import-summary-unread": ("；未读取 {count} 个文件", "; {count} file(s) not read"),
    # `import DIR`: each file not read, and why (`UNREAD` in cli/commands/import_forms.py)
    "import-unread": ("未读取 {file}：{why}", "not read: {file}: {why}"),
    "import-unread-xls": (
        ".xls 是旧的 Excel 格式，kxplan 读不了；请在 Excel 中“另存为” .xlsx 后再导入",
        ".xls is the old Excel format, which kxplan cannot read; open it in Excel and “Save As”"
        " .xlsx, then import that",
    ),
    "import-unread-spreadsheet": (
        "kxplan 读不了 {suffix} 文件；请在 Excel 或 WPS 中“另存为” .xlsx 后再导入",
        "kxplan cannot read {suffix} files; save it as .xlsx (Excel or WPS: “Save As”), then"
        " import that",
    ),
    "import-unread-other": (
        "不是填报表（只读取 .xlsx、.xlsm）",
        "not a form (only .xlsx and .xlsm are read)",
    ),
    "import-dry-run": ("（演习：未写入任何文件）", " (dry run: no file was written)"),
    "template-made": ("已生成 {count} 份填报表 → {folder}", "{count} form(s) made → {folder}"),
    # one form that exists is said as any other file is (`would-overwrite`)
    "template-exist": (
        "{count} 份填报表已存在，未覆盖（如需替换请加 --force）：{files}",
        "{count} forms exist; not overwritten (use --force to replace them): {files}",
    ),
    "template-previous-invalid": (
        "提示：{year} 年的数据文件有误（{files}），表中未填上年数值",
        "note: data files of {year} are invalid ({files}); their last-year values are left out",
    ),
    "template-nothing-to-report": ("{unit} 没有需要填报的指标", "{unit} reports no indicator"),
}
