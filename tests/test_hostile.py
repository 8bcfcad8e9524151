"""Hostile and odd data files: each is one located problem and exit 3, never a crash.

Files come from county offices, spreadsheets and, in CI, from anyone who opens a pull
request: code-running YAML tags, alias bombs, deep nesting, other encodings, binary junk.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import WHOLE, plan_dict, run
from test_check_cli import ANNUAL
from test_validate import HEAD, VALID, located, problems, put


@pytest.fixture
def folder(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    root = project(plan_dict(ANNUAL), {})
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def validate(runner: CliRunner, folder: Path) -> Callable[[str | bytes], Any]:
    """Write data/2024/乙区.yaml and validate the project; bad input must not crash."""

    def check(content: str | bytes) -> Any:
        put(folder, "乙区", content)
        result = run(runner, "validate")
        assert "Traceback" not in result.output
        assert "内部错误" not in result.output
        return result

    return check


def billion_laughs() -> str:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for letter, previous in zip("bcdefghij", "abcdefghi", strict=True):
        lines.append(f"{letter}: &{letter} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def note(length: int) -> str:
    return HEAD + f"  rate:\n    value: 3\n    note: {'x' * length}\n"


SHOWN = "data/2024/乙区.yaml"

# (id, content, "line:column" or "" for the whole file, code, part of the message)
CASES: list[tuple[str, str | bytes, str, str, str]] = [
    (
        "python-apply-at-top",
        '!!python/object/apply:os.system ["echo pwned"]\n',
        "1:1",
        "yaml-syntax",
        "不支持的 YAML 标签 !!python/object/apply:os.system",
    ),
    (
        "python-name",
        "unit: !!python/name:os.system\n",
        "1:7",
        "yaml-syntax",
        "!!python/name:os.system",
    ),
    (
        "python-object-new",
        "unit: 乙区\nyear: 2024\nvalues: !!python/object/new:collections.OrderedDict [[]]\n",
        "3:9",
        "yaml-syntax",
        "!!python/object/new:collections.OrderedDict",
    ),
    (
        "python-tuple",
        HEAD + "  rate: !!python/tuple [1, 2]\n",
        "4:9",
        "yaml-syntax",
        "!!python/tuple",
    ),
    ("local-tag", HEAD + "  count_flow: !custom 3\n", "4:15", "yaml-syntax", "!custom"),
    ("set", "unit: 乙区\nyear: 2024\nvalues: !!set {a, b}\n", "3:9", "yaml-syntax", "!!set"),
    ("omap", "unit: 乙区\nyear: 2024\nvalues: !!omap [a: 1]\n", "3:9", "yaml-syntax", "!!omap"),
    ("billion-laughs", billion_laughs(), "1:8", "file-too-large", "别名炸弹"),
    ("recursive-list", "unit: 乙区\nyear: 2024\nvalues: &a [*a]\n", "3:9", "yaml-syntax", "递归"),
    ("recursive-map", "unit: 乙区\nyear: 2024\nvalues: &a {x: *a}\n", "3:9", "yaml-syntax", "递归"),
    ("over-1-MB", VALID + "#" * 1_048_577 + "\n", "", "file-too-large", "上限 1000000 字节"),
    ("gbk", VALID.encode("gbk"), "1:7", "encoding", "看起来是 GBK/GB18030 编码"),
    (
        "gbk-in-a-note",
        HEAD.encode() + "  rate:\n    value: 3\n    note: 含乡镇科协\n".encode("gbk"),
        "6:11",
        "encoding",
        "第 6 行含非 UTF-8 字节",
    ),
    # columns count characters, as editors do, not the bytes of the Chinese before them
    (
        "control-after-chinese",
        HEAD + "  rate:\n    value: 3\n    note: 含乡镇\x01科协\n",
        "6:14",
        "encoding",
        "U+0001",
    ),
    (
        "gbk-after-chinese",
        HEAD.encode() + "  rate:\n    value: 3\n    note: 含乡镇".encode() + "科协\n".encode("gbk"),
        "6:14",
        "encoding",
        "第 6 行含非 UTF-8 字节",
    ),
    ("utf16-le-bom", VALID.encode("utf-16"), "1:1", "encoding", "UTF-16"),
    ("utf16-be-bom", b"\xfe\xff" + VALID.encode("utf-16-be"), "1:1", "encoding", "UTF-16"),
    ("utf32-bom", VALID.encode("utf-32"), "1:1", "encoding", "文件是 UTF-32 编码；请另存为 UTF-8"),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "2:1", "encoding", "二进制"),
    ("nul", HEAD + "  count_flow: 3\x00\n", "4:16", "encoding", "U+0000"),
    ("empty", "", "1:1", "not-a-mapping", "文件为空"),
    ("only-a-comment", "# 2024 年数据\n", "1:1", "not-a-mapping", "文件为空"),
    (
        "a-list",
        "- 乙区\n- 2024\n",
        "1:1",
        "not-a-mapping",
        "文件顶层应为“键: 值”的映射，实际是列表",
    ),
    ("a-string", "乙区 2024\n", "1:1", "not-a-mapping", "文件顶层应为“键: 值”的映射，实际是文字"),
    ("a-number", "2024\n", "1:1", "not-a-mapping", "文件顶层应为“键: 值”的映射，实际是数字"),
    (
        "values-a-list",
        HEAD + "  - 3\n",
        "4:3",
        "not-a-mapping",
        "values 应为“键: 值”的映射，实际是列表",
    ),
    (
        "document-end-then-more",
        VALID + "...\ncount_flow: 4\n",
        "6:1",
        "yaml-syntax",
        "一个文件只能有一个 YAML 文档，第 6 行却开始了另一个",
    ),
    (
        # libyaml complains on the next line, where the text `count_flow：2` runs on into
        "full-width-colon",
        HEAD + "  count_flow：2\n  rate: 3\n",
        "4:13",
        "yaml-syntax",
        "用了全角冒号 “：”，YAML 不识别（提示：改用英文冒号 “:” 并在其后加一个空格，"
        "写作 “count_flow: 2”）",
    ),
    (
        "full-width-colon-on-the-last-line",
        VALID + "  rate：2\n",
        "5:7",
        "yaml-syntax",
        "写作 “rate: 2”",
    ),
    (
        "full-width-colon-of-the-only-value",
        HEAD + "  count_flow：2\n",
        "4:13",
        "yaml-syntax",
        "写作 “count_flow: 2”",
    ),
    (
        "no-space-after-the-colon",
        HEAD + "  count_flow:2\n  rate: 3\n",
        "4:13",
        "yaml-syntax",
        "冒号后缺少空格，YAML 会把整行当作文字（提示：写作 “count_flow: 2”）",
    ),
    (
        # a [ never closed: libyaml notices on the next line, the slip is where it opened
        "unclosed-bracket",
        HEAD + "  count_flow: [1, 2\n  rate: 3\n",
        "4:15",
        "yaml-syntax",
        "方括号 [ ] 中缺少逗号或右方括号 ]",
    ),
    (
        "unclosed-bracket-on-the-last-line",
        HEAD + "  count_flow: [1, 2 3, 4 5\n",
        "4:15",
        "yaml-syntax",
        "方括号 [ ] 中缺少逗号或右方括号 ]",
    ),
    (
        # an IME left on: the indentation is full-width, so the key would be “　count_flow”
        "full-width-space-indent",
        HEAD + "\u3000count_flow: 2\n",
        "4:1",
        "yaml-syntax",
        "行首有全角空格，YAML 不把它当作缩进（提示：缩进只能用半角空格）",
    ),
    (
        "full-width-space-before-the-colon",
        HEAD + "  count_flow\u3000: 2\n",
        "4:13",
        "yaml-syntax",
        "键 count_flow 与冒号之间有全角空格，YAML 会把它当作键的一部分"
        "（提示：删去它，写作 “count_flow: 2”）",
    ),
    (
        "full-width-space-after-the-colon",
        HEAD + "  count_flow:\u30002\n  rate: 3\n",
        "4:14",
        "yaml-syntax",
        "冒号后是全角空格而不是半角空格，YAML 会把整行当作文字（提示：写作 “count_flow: 2”）",
    ),
    (
        "no-break-space-after-the-colon",
        HEAD + "  count_flow:\u00a02\n",
        "4:14",
        "yaml-syntax",
        "冒号后是特殊空格（U+00A0）而不是半角空格",
    ),
    (
        "full-width-space-in-a-number",
        HEAD + "  count_flow: \u30002\n",
        "4:15",
        "type-error",
        "count_flow（当年数）的值 “\u30002” 类型不对：应为不小于 0 的整数"
        "（提示：去掉其中的全角空格）",
    ),
    (
        "tab-indenting-a-nested-value",
        HEAD + "  rate:\n    value: 3\n\tnote: x\n",
        "6:1",
        "yaml-syntax",
        "Tab",
    ),
    (
        "tab-indenting-the-next-value",
        HEAD + "  count_flow: 2\n\trate: 3\n",
        "5:1",
        "yaml-syntax",
        "这一行用 Tab 缩进了，YAML 的缩进只能用空格",
    ),
    (
        "no-space-after-the-colon-of-the-last-value",
        VALID + "  rate:2\n",
        "5:7",
        "yaml-syntax",
        "写作 “rate: 2”",
    ),
    (
        "two-documents",
        VALID + "---\n" + VALID,
        "5:1",
        "yaml-syntax",
        "一个文件只能有一个 YAML 文档，第 5 行却开始了另一个（提示：删去多余的 “---” 或 “...”；"
        "文件开头的一个 “---” 可以保留）",
    ),
    ("tab-indent", HEAD + "\tcount_flow: 3\n", "4:1", "yaml-syntax", "不要用 Tab"),
    ("huge-percent", HEAD + f"  rate: {10**30}\n", "4:9", "out-of-range", "0–100"),
    ("true-for-count", HEAD + "  count_flow: true\n", "4:15", "type-error", "整数"),
    ("yes-for-count", HEAD + "  count_flow: yes\n", "4:15", "type-error", "整数"),
    ("number-for-boolean", HEAD + "  done: 1\n", "4:9", "type-error", "true（是）或 false（否）"),
    ("text-for-boolean", HEAD + "  done: 是\n", "4:9", "type-error", "true（是）或 false（否）"),
    ("negative-count", HEAD + "  count_flow: -3\n", "4:15", "out-of-range", "不小于 0"),
    ("negative-amount", HEAD + "  money: -0.5\n", "4:10", "out-of-range", "不小于 0"),
    ("percent-over-100", HEAD + "  rate: 100.5\n", "4:9", "out-of-range", "0–100"),
    # 12.0 is refused for a count: counts are whole and a float there is a typing slip
    ("float-for-count", HEAD + "  count_flow: 12.0\n", "4:15", "type-error", "整数"),
    # a figure is quoted as typed, not as the float it reads as (1000.0, 100.0)
    (
        "exponent-for-count",
        HEAD + "  count_flow: 1.0e+3\n",
        "4:15",
        "type-error",
        "的值 1.0e+3 类型",
    ),
    (
        "long-exponent-for-count",
        HEAD + "  count_flow: 9.99999999999999999e+1\n",
        "4:15",
        "type-error",
        "的值 9.99999999999999999e+1 类型",
    ),
    ("exponent-over-100", HEAD + "  rate: 1.5e+2\n", "4:9", "out-of-range", "的值 1.5e+2 超出范围"),
    ("nan-for-count", HEAD + "  count_flow: .nan\n", "4:15", "type-error", "整数"),
    ("quoted-count", HEAD + '  count_flow: "12"\n', "4:15", "type-error", "（去掉引号）"),
    ("number-key", HEAD + "  2024: 3\n", "4:3", "unknown-indicator", "没有指标 “2024”"),
    ("boolean-key", HEAD + "  true: 1\n", "4:3", "unknown-indicator", "没有指标 “true”"),
    ("number-key-at-top", "2024: 3\n" + VALID, "1:1", "unknown-field", "未知字段 “2024”"),
    ("complex-key", HEAD + "  ? [a, b]\n  : 1\n", "4:5", "yaml-syntax", "键必须是简单的文字"),
    ("long-note", note(2001), "6:11", "out-of-range", "rate.note"),
    # a name belongs here: a yes/no or a float is not one (an int may be a division code)
    ("unit-true", "unit: true\nyear: 2024\nvalues: {}\n", "1:7", "type-error", "unit 的值 true"),
    ("unit-float", "unit: 3.5\nyear: 2024\nvalues: {}\n", "1:7", "type-error", "应为文字"),
    ("unit-minus-zero", "unit: -0.0\nyear: 2024\nvalues: {}\n", "1:7", "type-error", "文字"),
    ("unit-float-tag", "unit: !!float 3\nyear: 2024\nvalues: {}\n", "1:7", "type-error", "文字"),
    ("unit-list", "unit: [乙区]\nyear: 2024\nvalues: {}\n", "1:7", "type-error", "应为文字"),
    ("year-float", "unit: 乙区\nyear: 2024.0\nvalues: {}\n", "2:7", "type-error", "四位年份"),
    ("year-true", "unit: 乙区\nyear: true\nvalues: {}\n", "2:7", "type-error", "四位年份"),
    (
        "source-a-list",
        HEAD + "  rate:\n    value: 3\n    source: [a, b]\n",
        "6:13",
        "type-error",
        "rate.source 的值",
    ),
    (
        "entry-in-an-entry",
        HEAD + "  rate:\n    value:\n      value: 3\n",
        "6:7",
        "type-error",
        "rate（比例）的值",
    ),
    (
        # U+0080–U+009F: Latin-1 read as if it were UTF-8, or pasted from an old system
        "c1-control",
        HEAD + "  rate:\n    value: 3\n    note: 含乡镇\u0085科协\n",
        "6:14",
        "encoding",
        "U+0085",
    ),
    # a key without its colon: libyaml complains a line later, or past the end of the file
    (
        "no-colon",
        HEAD + "  count_flow 3\n  rate: 5\n",
        "4:13",
        "yaml-syntax",
        "缺少冒号 “:”（键与值之间应为 “键: 值”）（提示：写作 “count_flow: 3”）",
    ),
    (
        "no-colon-on-the-last-line",
        HEAD + "  rate: 5\n  count_flow 3\n",
        "5:13",
        "yaml-syntax",
        "写作 “count_flow: 3”",
    ),
    (
        "no-colon-at-the-very-end",
        HEAD + "  rate: 5\n  count_flow 3",
        "5:13",
        "yaml-syntax",
        "写作 “count_flow: 3”",
    ),
    (
        "no-colon-at-the-top",
        "unit 乙区\nyear: 2024\nvalues: {}\n",
        "1:5",
        "yaml-syntax",
        "写作 “unit: 乙区”",
    ),
    # libyaml's rarer complaints, in words too
    (
        "unknown-escape",
        HEAD + '  rate:\n    value: 3\n    note: "C:\\qdata"\n',
        "6:11",
        "yaml-syntax",
        "双引号中有 YAML 不认识的转义",
    ),
    ("dash-after-a-key", "unit: 乙区\nyear: 2024\nvalues: - 3\n", "3:9", "yaml-syntax", "“- ”"),
    ("anchor-without-a-name", HEAD + "  count_flow: & 3\n", "4:16", "yaml-syntax", "锚点"),
    (
        "block-text-indicator",
        HEAD + "  rate:\n    value: 3\n    note: |0\n      x\n",
        "6:12",
        "yaml-syntax",
        "“|”",
    ),
    ("directive", "%YAML 1.1\n" + VALID, "1:1", "yaml-syntax", "以 % 开头"),
    ("unknown-directive", VALID + "%x\n", "5:1", "yaml-syntax", "以 % 开头"),
    # invisible, but a line break to YAML: every line after it would be misnumbered
    (
        "line-separator",
        HEAD + "  count_flow: 3\u2028\n  rate: -1\n",
        "4:16",
        "yaml-syntax",
        "U+2028",
    ),
    (
        "paragraph-separator",
        HEAD + "  rate:\n    value: 3\n    note: 第一段\u2029第二段\n",
        "6:14",
        "yaml-syntax",
        "看不见的分隔符 U+2029，YAML 却把它当作换行（提示：删去它，或换成空格）",
    ),
    # an explicit tag the text does not fit: `!!null 3` would read a figure as no value
    ("null-tag-on-a-figure", HEAD + "  count_flow: !!null 3\n", "4:15", "yaml-syntax", "!!null"),
    (
        "null-tag-on-an-entry-value",
        HEAD + "  rate:\n    value: !!null 3\n",
        "5:12",
        "yaml-syntax",
        "值 “3” 与它的标签 !!null 不符（提示：删去标签 !!null）",
    ),
    (
        "null-tag-on-values",
        "unit: 乙区\nyear: 2024\nvalues: !!null x\n",
        "3:9",
        "yaml-syntax",
        "!!null",
    ),
    (
        "timestamp-tag-on-text",
        HEAD + "  rate:\n    value: 3\n    note: !!timestamp 下月\n",
        "6:11",
        "yaml-syntax",
        "!!timestamp",
    ),
    # bytes are no figure, text or yes/no: the tag is refused whatever follows it
    (
        "binary-tag",
        "unit: !!binary 乙区\nyear: 2024\nvalues: {}\n",
        "1:7",
        "yaml-syntax",
        "不支持的 YAML 标签 !!binary",
    ),
    ("int-tag-on-a-decimal", HEAD + "  count_flow: !!int 3.5\n", "4:15", "yaml-syntax", "!!int"),
    ("bool-tag-on-a-figure", HEAD + "  done: !!bool 3\n", "4:9", "yaml-syntax", "!!bool"),
    (
        "float-tag-on-text",
        "unit: !!float 乙区\nyear: 2024\nvalues: {}\n",
        "1:7",
        "yaml-syntax",
        "!!float",
    ),
    ("c1-control-in-a-key", HEAD + "  count\u009f_flow: 3\n", "4:8", "encoding", "U+009F"),
]


@pytest.mark.parametrize(
    ("content", "where", "code", "message"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_hostile_file_is_one_located_problem(
    validate: Callable[[str | bytes], Any],
    content: str | bytes,
    where: str,
    code: str,
    message: str,
) -> None:
    result = validate(content)
    assert result.exit_code == 3, result.output
    prefix = f"{SHOWN}:{where}: {code}: " if where else f"{SHOWN}: {code}: "
    [line] = problems(result.stdout)
    assert line.startswith(prefix), line
    assert message in line


@pytest.mark.parametrize(
    "typed",
    [
        'count_flow: !!int "3"',
        "count_flow: !!int 3",
        "rate: !!float 3",
        "done: !!bool true",
        "rate:\n    value: 3\n    source: 2024-12-31",  # a date written plain is text
        "rate:\n    value: 3\n    source: !!timestamp 2024-12-31",
        "rate:\n    value: 3\n    source: !!str 3",
    ],
)
def test_a_tag_the_value_fits_is_honoured(
    validate: Callable[[str | bytes], Any], typed: str
) -> None:
    result = validate(HEAD + f"  {typed}\n")
    assert result.exit_code == 0, result.output


def test_python_tag_does_not_run(validate: Callable[[str | bytes], Any], folder: Path) -> None:
    result = validate(HEAD + '  count_flow: !!python/object/apply:os.system ["touch pwned"]\n')
    assert result.exit_code == 3
    assert located(result.stdout) == [f"{SHOWN}:4:15 yaml-syntax"]
    assert not (folder / "pwned").exists()


@pytest.mark.parametrize(
    ("content", "place"),
    [
        ("unit: 乙区\nyear: 2024\nvalues: " + "[" * 10_000 + "]" * 10_000 + "\n", f"{SHOWN}:3:"),
        ("[" * 10_000 + "\n", f"{SHOWN}:1:"),
        ("unit: 乙区\nyear: 2024\nvalues: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n", SHOWN),
    ],
    ids=["closed-lists", "unclosed-lists", "mappings"],
)
def test_deep_nesting_does_not_kill_the_process(folder: Path, content: str, place: str) -> None:
    """libyaml's composer recursed until it crashed: run in a child so a crash is a failure."""
    put(folder, "乙区", content)
    child = subprocess.run(
        [sys.executable, "-m", "kxplan", "validate", SHOWN],
        capture_output=True,
        text=True,
        cwd=folder,
        env={"NO_COLOR": "1", "KXPLAN_LANG": "zh", "PATH": "", "COLUMNS": str(WHOLE)},
        timeout=60,
        check=False,
    )
    assert child.returncode == 3, (child.returncode, child.stderr)
    assert "Traceback" not in child.stdout + child.stderr
    [line] = problems(child.stdout)
    assert line.startswith(place) and ": yaml-syntax: " in line
    assert line.endswith(
        ": yaml-syntax: 嵌套超过 100 层，层级过深（提示：kxplan 的文件只有几层嵌套，"
        "检查是否多写了 [ 或 {，或缩进越来越深）"
    )


@pytest.mark.parametrize(
    ("content", "where", "message"),
    [
        (
            VALID + "---\n" + VALID,
            "5:1",
            "yaml-syntax: a file holds one YAML document, but another starts on line 5 (hint:"
            " remove the extra “---” or “...”; one “---” at the very top may stay)",
        ),
        (
            HEAD + "  count_flow：2\n  rate: 3\n",
            "4:13",
            "yaml-syntax: a full-width colon “：” is not a YAML colon (hint: use an ASCII colon"
            " “:” followed by a space: “count_flow: 2”)",
        ),
        (
            "- 乙区\n",
            "1:1",
            "not-a-mapping: the top level should be a mapping of “key: value”, got a list",
        ),
        (
            "unit: 乙区\nyear: 2024\nvalues: " + "[" * 200 + "]" * 200 + "\n",
            "3:108",
            "yaml-syntax: nesting is deeper than 100 levels (hint: kxplan's files nest only a few"
            " levels; look for stray [ or {, or indentation that keeps growing)",
        ),
    ],
    ids=["two-documents", "full-width-colon", "a-list", "deep"],
)
def test_file_shape_problems_in_english(
    runner: CliRunner, folder: Path, content: str, where: str, message: str
) -> None:
    put(folder, "乙区", content)
    result = run(runner, "validate", "--lang", "en")
    assert problems(result.stdout) == [f"{SHOWN}:{where}: {message}"]


def test_a_plan_with_two_documents_is_a_plan_error_in_chinese(
    runner: CliRunner, folder: Path
) -> None:
    plan = folder / "targets.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "---\nplan: {}\n", encoding="utf-8")
    [line] = problems(run(runner, "validate").stdout)
    assert ": plan-error: yaml-syntax: 一个文件只能有一个 YAML 文档" in line
    assert "another document" not in line


def test_random_bytes_are_an_encoding_problem_with_a_line(
    validate: Callable[[str | bytes], Any],
) -> None:
    junk = bytes(random.Random(2024).randrange(256) for _ in range(4096))
    result = validate(junk)
    assert result.exit_code == 3
    [place] = located(result.stdout)
    assert place.startswith(f"{SHOWN}:") and place.endswith(" encoding")


def test_utf8_bom_is_accepted_and_does_not_shift_columns(
    validate: Callable[[str | bytes], Any],
) -> None:
    assert validate(b"\xef\xbb\xbf" + VALID.encode()).exit_code == 0
    result = validate(b"\xef\xbb\xbf" + VALID.replace("乙区", "乙县", 1).encode())
    assert located(result.stdout) == [f"{SHOWN}:1:7 unknown-unit"]


def test_windows_line_endings_are_accepted(validate: Callable[[str | bytes], Any]) -> None:
    assert validate(VALID.replace("\n", "\r\n")).exit_code == 0
    result = validate((HEAD + '  count_flow: "3"\n').replace("\n", "\r\n"))
    assert located(result.stdout) == [f"{SHOWN}:4:15 type-error"]


def test_a_file_just_under_the_limit_is_read(validate: Callable[[str | bytes], Any]) -> None:
    assert validate(VALID + "#" * 900_000 + "\n").exit_code == 0


def test_note_of_2000_characters_is_accepted(validate: Callable[[str | bytes], Any]) -> None:
    assert validate(note(2000)).exit_code == 0


@pytest.mark.parametrize(
    "typed", [f"count_flow: {10**30}", f"count_flow: 1{'0' * 400}", "money: 1.0e+300"]
)
def test_a_figure_no_plan_could_hold_is_out_of_range(
    validate: Callable[[str | bytes], Any], runner: CliRunner, typed: str
) -> None:
    """Nothing a plan counts comes near 10¹²: a larger figure is a slip, refused at its line
    (it would otherwise overflow JSON's and Excel's floats in `check`)."""
    result = validate(HEAD + f"  {typed}\n")
    assert result.exit_code == 3
    assert located(result.stdout)[0].endswith("out-of-range")
    assert "太大（超过 10¹²），不可能是实际数据" in result.stdout
    assert len(result.stdout.splitlines()[0]) < 200  # 400 digits are not echoed
    checked = run(runner, "check", "2024", "--county", "乙区", "-f", "json")
    assert checked.exit_code == 3 and "Traceback" not in checked.output


def test_a_large_real_figure_is_fine(
    validate: Callable[[str | bytes], Any], runner: CliRunner
) -> None:
    assert validate(HEAD + f"  count_flow: {10**12}\n").exit_code == 0
    result = run(runner, "check", "2024", "--county", "乙区")
    assert result.exit_code == 0
    assert f"✔ {10**12}" in result.output


@pytest.mark.parametrize(
    ("typed", "where"),
    [("money: .nan", "4:10"), ("money: .inf", "4:10"), ("rate: -.inf", "4:9")],
)
def test_nan_and_infinity_are_refused(
    validate: Callable[[str | bytes], Any], typed: str, where: str
) -> None:
    result = validate(HEAD + f"  {typed}\n")
    assert result.exit_code == 3
    codes = {place.split(" ")[1] for place in located(result.stdout)}
    assert {place.split(" ")[0] for place in located(result.stdout)} == {f"{SHOWN}:{where}"}
    assert codes <= {"type-error", "out-of-range"}


@pytest.mark.parametrize("typed", ["money: .nan", "rate: .inf"])
def test_nan_is_one_problem(validate: Callable[[str | bytes], Any], typed: str) -> None:
    assert len(problems(validate(HEAD + f"  {typed}\n").stdout)) == 1


def test_integer_of_5000_digits_is_out_of_range(validate: Callable[[str | bytes], Any]) -> None:
    result = validate(HEAD + "  count_flow: " + "9" * 5000 + "\n")
    assert result.exit_code == 3
    [place] = located(result.stdout)
    assert place in (f"{SHOWN}:4:15 out-of-range", f"{SHOWN}:4:15 type-error")


def test_long_note_message_names_the_limit(validate: Callable[[str | bytes], Any]) -> None:
    [line] = problems(validate(note(2001)).stdout)
    assert "2000" in line
    assert len(line) < 300


@pytest.mark.parametrize(
    "content",
    [billion_laughs(), "unit: 乙区\nyear: 2024\nvalues: " + "{a: " * 150 + "1" + "}" * 150 + "\n"],
    ids=["billion-laughs", "deep-mappings"],
)
def test_expansion_problems_name_a_line(
    validate: Callable[[str | bytes], Any], content: str
) -> None:
    [place] = located(validate(content).stdout)
    assert place.startswith(f"{SHOWN}:")


def test_binary_file_is_not_called_gbk(validate: Callable[[str | bytes], Any]) -> None:
    [line] = problems(validate(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00").stdout)
    assert "GBK" not in line


def test_leading_zero_count_is_not_octal(
    validate: Callable[[str | bytes], Any], runner: CliRunner
) -> None:
    result = validate(HEAD + "  count_flow: 017\n")
    if result.exit_code == 0:  # accepted: then it must be seventeen, not fifteen
        assert "✔ 17" in run(runner, "check", "2024", "--county", "乙区").output
    else:
        assert located(result.stdout) == [f"{SHOWN}:4:15 type-error"]


@pytest.mark.parametrize(
    "typed",
    [
        "rate: 99.9999999",
        "rate: 99.999999999999999",
        "rate: 100.0000000000000000001",
        # the same figures in exponent notation, and a figure without a whole part
        "rate: 9.99999999999999999e+1",
        "rate: 1.0e-7",
        "rate: 0.0000001",
        "rate: !!float 1e-7",
        "rate: .1234567",
        "rate: 1.00000000000000001e+1",
    ],
)
def test_more_digits_than_can_be_judged_exactly_are_refused(
    validate: Callable[[str | bytes], Any], typed: str
) -> None:
    """99.999999999999999 would read as the float 100.0 and pass “≥ 100”: refused instead."""
    result = validate(HEAD + f"  {typed}\n")
    assert result.exit_code == 3
    [line] = [line for line in result.stdout.splitlines() if "out-of-range" in line]
    assert "位数太多：最多 6 位小数、15 位有效数字" in line and "rate（比例）的值" in line


@pytest.mark.parametrize(
    "typed", ["rate: 99.999999", "rate: 9.9999999e+1", "rate: 1.5e-5", "rate: .5", "money: 1.5e+3"]
)
def test_six_decimals_are_judged_exactly(
    validate: Callable[[str | bytes], Any], typed: str
) -> None:
    assert validate(HEAD + f"  {typed}\n").exit_code == 0


def test_every_colon_slip_is_reported_at_its_line(validate: Callable[[str | bytes], Any]) -> None:
    result = validate("unit：乙区\nyear:2024\nvalues:\n  count_flow: 3\n  note: 时间:2024\n")
    assert result.exit_code == 3
    assert located(result.stdout) == [f"{SHOWN}:1:5 yaml-syntax", f"{SHOWN}:2:5 yaml-syntax"]
    assert "写作 “unit: 乙区”" in result.stdout and "写作 “year: 2024”" in result.stdout


def test_values_and_keys_from_the_file_are_quoted_printable(
    validate: Callable[[str | bytes], Any],
) -> None:
    """An escape sequence in a value or a key is shown, not sent to the terminal or the CI
    log; a very long value is quoted by its start and its length."""
    long = "a" * 5000
    result = validate(HEAD + f'  count_flow: "\\e[31mred\\a"\n  "x\\e[2Jy": 3\n  rate: "{long}"\n')
    assert result.exit_code == 3
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "“\\x1b[31mred\\x07”" in result.output
    assert "规划中没有指标 “x\\x1b[2Jy”" in result.output
    assert f"“{'a' * 80}…（共 5000 字）”" in result.output
    assert max(len(line) for line in result.output.splitlines()) < 300


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX special files")
def test_special_files_are_refused_not_read_for_ever(runner: CliRunner, folder: Path) -> None:
    """A link to /dev/zero or a named pipe would never end; a link to nothing is named as the
    link. Each is one problem at its own name, and validate goes on with the other files."""
    year = folder / "data" / "2024"
    year.mkdir(parents=True, exist_ok=True)
    (year / "乙区.yaml").symlink_to("/dev/zero")
    os.mkfifo(year / "丙县.yaml")
    (year / "甲市.yaml").symlink_to(folder / "nowhere.yaml")
    result = run(runner, "validate")
    assert result.exit_code == 3
    lines = result.output.splitlines()
    assert (
        "data/2024/乙区.yaml: encoding: 不是普通文件（可能是设备、管道或指向它们的链接）"
        in lines[1]
    )
    assert lines[0].startswith("data/2024/丙县.yaml: encoding: 不是普通文件")
    assert "data/2024/甲市.yaml: encoding: 无法读取此文件：文件不存在" in result.output


def test_a_link_to_itself_is_said_in_words(runner: CliRunner, folder: Path) -> None:
    year = folder / "data" / "2024"
    year.mkdir(parents=True, exist_ok=True)
    (year / "乙区.yaml").symlink_to("乙区.yaml")
    result = run(runner, "validate")
    assert result.exit_code == 3
    assert result.stdout == (
        "data/2024/乙区.yaml: encoding: 无法读取此文件：链接指向自身（或绕回自身）\n"
    )
    english = run(runner, "validate", "--lang", "en")
    assert "cannot read this file: the link points back to itself" in english.stdout


@pytest.mark.parametrize(
    ("line", "code"),
    [("  count_flowz{i}: 1\n", "unknown-indicator"), ("  count_flow: {i}\n", "duplicate-key")],
)
def test_a_file_of_thousands_of_mistakes_lists_a_hundred_and_counts_the_rest(
    validate: Callable[[str | bytes], Any], line: str, code: str
) -> None:
    """30,000 unknown keys (each with a “did you mean”) or duplicate keys: the first 100 are
    listed, one line counts the rest, and it takes about a second, not many."""
    result = validate(HEAD + "".join(line.format(i=i) for i in range(30_000)))
    assert result.exit_code == 3
    lines = result.output.splitlines()
    found = 30_000 - (code == "duplicate-key")  # the first key is not a duplicate
    assert len(lines) == 102  # 100 problems, the line counting the rest, the summary
    assert all(f"{SHOWN}:" in line and f": {code}: " in line for line in lines[:100])
    assert lines[100] == (
        f"{SHOWN}: {code}: 本文件另有 {found - 100} 个问题未列出"
        "（每个文件最多列出 100 个，请先修正列出的问题）"
    )
    assert lines[101] == f"已检查 1 个文件：1 个文件共 {found} 个问题"  # the count is exact


def test_a_notes_own_lines_are_text_not_slips(validate: Callable[[str | bytes], Any]) -> None:
    """`Time:9:30` or `Venue：区科协` inside a `note: |` block or a quoted text of several
    lines is what the note says; the same line as a key of its own is still a slip."""
    note = (
        "  rate:\n    value: 3\n    note: |\n      Time:9:30 开始\n      Venue：区科协\n"
        '    source: "line one\n      Time:9:30"\n'
    )
    assert validate(HEAD + note).exit_code == 0
    # with a slip that breaks the file, a block's lines are still told apart by their indent
    block = note.split("    source:")[0]
    result = validate(HEAD + block + "  count_flow:2\n")
    assert result.exit_code == 3
    assert located(result.stdout) == [f"{SHOWN}:9:13 yaml-syntax"]


def test_a_wrong_year_is_listed_before_thousands_of_other_problems(
    validate: Callable[[str | bytes], Any],
) -> None:
    keys = "".join(f"  count_flowz{i}: 1\n" for i in range(500))
    result = validate("unit: 乙区\nyear: 2023\nvalues:\n" + keys)
    assert result.exit_code == 3
    assert f"{SHOWN}:2:7: year-mismatch:" in result.output
    assert "已检查 1 个文件：1 个文件共 501 个问题" in result.output
