"""Reading files and folders, and why one could not be read or written."""

from __future__ import annotations

from kxplan.text.catalogue.entry import Entry

MESSAGES: dict[str, Entry] = {
    "cache-unwritable": (
        "无法写入缓存文件夹 {path}（{reason}），本次不使用缓存"
        "（提示：用 KXPLAN_CACHE_DIR 指定别的文件夹，或加 --no-cache）",
        "cannot write to the cache folder {path} ({reason}); going on without the cache"
        " (hint: set KXPLAN_CACHE_DIR to another folder, or give --no-cache)",
    ),
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
    # why the operating system refused a write (`kxplan.text.messages.os_reason`)
    "os-denied": ("没有写入权限", "permission denied"),
    "os-no-folder": ("所在文件夹不存在或无法创建", "its folder does not exist and cannot be made"),
    "os-not-a-folder": (
        "路径中有一段是文件而不是文件夹",
        "part of the path is a file, not a folder",
    ),
    "os-read-only": ("文件系统只读", "the file system is read-only"),
    "os-disk-full": ("磁盘空间不足", "no space left on the disk"),
    "os-a-folder": ("这是一个文件夹", "it is a folder"),
    "os-link-loop": ("是循环的链接（最终指回自己）", "it is a link loop (it leads back to itself)"),
    # libyaml's complaints, in words people who fill in data files know (`kxplan.yaml.safe`)
    "yaml-second-colon": (
        "这一行多了一个 “: ”（值里有冒号时请给值加引号），或缩进不对",
        "a second “: ” on this line (quote a value that holds a colon), or wrong indentation",
    ),
    "yaml-unclosed": (
        "文件在引号或括号闭合之前就结束了",
        "the file ends before a quote or bracket is closed",
    ),
    "yaml-list-unclosed": (
        "方括号 [ ] 中缺少逗号或右方括号 ]",
        "a [ ] list lacks a comma or its closing ]",
    ),
    "yaml-mapping-unclosed": (
        "花括号 {{ }} 中缺少逗号或右花括号 }}",
        "a {{ }} mapping lacks a comma or its closing }}",
    ),
    "yaml-expected-key": (
        "这里应是 “键: 值”，缩进与上一行不一致",
        "a “key: value” was expected here; the indentation does not match the lines above",
    ),
    "yaml-undefined-alias": (
        "引用了未定义的锚点（* 号后的名称）",
        "an alias (*name) refers to an anchor that is not defined",
    ),
    "yaml-tab": (
        "这一行用 Tab 缩进了，YAML 的缩进只能用空格",
        "this line is indented with a tab; YAML indents with spaces only",
    ),
    "yaml-bad-start": (
        "这一行以 YAML 不允许的字符开头（如 Tab、@ 或 `）",
        "a character YAML does not allow here (a tab, @ or `)",
    ),
    "yaml-no-colon": (
        "缺少冒号 “:”（键与值之间应为 “键: 值”）",
        "a colon is missing (“key: value”)",
    ),
    "yaml-no-value": (
        "这里缺少值",
        "a value is missing here",
    ),
    "yaml-list-item-here": (
        "这里不能以 “- ” 列出项目（“- ” 不能写在 “键: ” 的同一行，或缩进不对）",
        "a “- ” list item is not allowed here (not on the line of a “key: ”, or wrong indentation)",
    ),
    "yaml-unknown-escape": (
        "双引号中有 YAML 不认识的转义 “\\”（提示：文字中的 \\ 写作 \\\\，或改用单引号）",
        "an escape “\\” YAML does not know, in double quotes (hint: write \\ as \\\\, or use"
        " single quotes)",
    ),
    "yaml-bad-hex-escape": (
        "双引号中的 \\x 或 \\u 转义写得不对（提示：改用单引号）",
        "a malformed \\x or \\u escape in double quotes (hint: use single quotes)",
    ),
    "yaml-bad-unicode-escape": (
        "双引号中的 \\u 转义不是有效字符（提示：改用单引号）",
        "a \\u escape in double quotes is no valid character (hint: use single quotes)",
    ),
    "yaml-document-marker": (
        "引号中的文字有一行以 “---” 或 “...” 开头",
        "a line of quoted text starts with “---” or “...”",
    ),
    "yaml-anchor-name": (
        "& 或 * 之后应为锚点的名称（数据文件用不到锚点，可删去 & 或 *）",
        "& or * must be followed by an anchor's name (data files need no anchors: remove it)",
    ),
    "yaml-bad-tag": (
        "以 ! 开头的标签写得不对（数据文件用不到标签，可删去）",
        "a malformed tag starting with ! (data files need no tags: remove it)",
    ),
    "yaml-undefined-tag": (
        "以 ! 开头的标签未定义（数据文件用不到标签，可删去）",
        "an undefined tag starting with ! (data files need no tags: remove it)",
    ),
    "yaml-zero-indent": (
        "“|” 或 “>” 之后的缩进数字不能是 0（提示：删去这个数字）",
        "the indentation digit after “|” or “>” cannot be 0 (hint: remove it)",
    ),
    "yaml-after-value": (
        "这一行在值之后还有多余的内容（提示：删去它，或给整个值加引号）",
        "something follows the value on this line (hint: remove it, or quote the whole value)",
    ),
}
