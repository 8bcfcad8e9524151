"""`kxplan validate` and `check` on bad data: every SPEC problem code, through the real CLI.

Each case writes one bad file into a small valid project and asserts the exact
`path:line:column: code:` prefix, a hint that helps to fix it, exit 3 and no traceback.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from conftest import plan_dict, run
from kxplan.model.status import Status
from test_check_cli import ANNUAL

HEAD = "unit: 乙区\nyear: 2024\nvalues:\n"
VALID = HEAD + "  count_flow: 3\n"
PROBLEM_LINE = re.compile(r"^\S+\.yaml(:\d+)*: [a-z-]+: ")


@pytest.fixture
def folder(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """A valid project (甲市, 乙区, 丙县 report for 2024) as the current folder."""
    root = project(
        plan_dict(ANNUAL),
        {
            (2024, "甲市"): {"rate": 50},
            (2024, "乙区"): {"count_flow": 3},
            (2024, "丙县"): {"count_flow": 2},
        },
    )
    monkeypatch.chdir(root)
    return root


def put(folder: Path, name: str, content: str | bytes, year: int = 2024) -> str:
    """Write data/<year>/<name>.yaml (text as UTF-8); returns the path validate shows."""
    path = folder / "data" / str(year) / f"{name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return f"data/{year}/{name}.yaml"


def problems(output: str) -> list[str]:
    return [line for line in output.splitlines() if PROBLEM_LINE.match(line)]


def located(output: str) -> list[str]:
    """Each problem as "path:line:column code"."""
    return [" ".join(line.split(": ")[:2]) for line in problems(output)]


@dataclass(frozen=True)
class Case:
    code: str
    content: str | bytes
    where: str  # "line:column", or "" when the problem is the whole file
    zh: str
    en: str


CASES = [
    Case(
        "yaml-syntax",
        VALID + "   rate: 5\n",
        "5:8",
        "这一行多了一个 “: ”（值里有冒号时请给值加引号），或缩进不对",
        "a second “: ” on this line (quote a value that holds a colon), or wrong indentation",
    ),
    Case(
        "duplicate-key",
        VALID + "  count_flow: 4\n",
        "5:3",
        "“count_flow” 重复出现（首次在第 4 行）",
        "“count_flow” appears twice (first on line 4)",
    ),
    Case(
        "encoding",
        VALID.encode("gbk"),
        "1:7",
        "看起来是 GBK/GB18030 编码",
        "it looks like GBK/GB18030",
    ),
    Case(
        "not-a-mapping",
        "- unit: 乙区\n- year: 2024\n",
        "1:1",
        "应为“键: 值”的映射",
        "should be a mapping",
    ),
    Case(
        "missing-field",
        "unit: 乙区\nyear: 2024\n",
        "1:1",
        "缺少必填字段 “values”",
        "required field “values” is missing",
    ),
    Case(
        "unknown-field",
        "unit: 乙区\nyear: 2024\nvalues: {}\nyears: 2024\n",
        "4:1",
        "未知字段 “years”，是否为 “year”？",
        "unknown field “years” (did you mean “year”?)",
    ),
    Case(
        "unknown-indicator",
        "unit: 乙区\nyear: 2024\nvalues:\n  count_flw: 3\n",
        "4:3",
        "没有指标 “count_flw”，是否为 “count_flow”？",
        "no indicator “count_flw” (did you mean “count_flow”?)",
    ),
    Case(
        "unknown-unit",
        "unit: 乙县\nyear: 2024\nvalues: {}\n",
        "1:7",
        "没有单位 “乙县”，是否为 “乙区”？",
        "no unit “乙县” (did you mean “乙区”?)",
    ),
    Case(
        "unit-mismatch",
        "unit: 丙县\nyear: 2024\nvalues: {}\n",
        "1:7",
        "文件名表示 “乙区”",
        "the file name says “乙区”",
    ),
    Case(
        "year-mismatch",
        "unit: 乙区\nyear: 2023\nvalues: {}\n",
        "2:7",
        "year 为 2023，但文件位于 2024 年的文件夹",
        "year is 2023 but the file is in the folder for 2024",
    ),
    Case(
        "type-error",
        'unit: 乙区\nyear: 2024\nvalues:\n  count_flow: "3"\n',
        "4:15",
        "应为不小于 0 的整数（去掉引号）",
        "should be a whole number ≥ 0 (remove the quotes)",
    ),
    Case(
        "out-of-range",
        "unit: 乙区\nyear: 2024\nvalues:\n  count_flow: -1\n",
        "4:15",
        "超出范围：应为不小于 0 的整数",
        "is out of range: should be a whole number ≥ 0",
    ),
    Case(
        "file-too-large",
        VALID + "# " + "x" * 1_000_001 + "\n",
        "",
        "上限 1000000 字节",
        "limit 1000000",
    ),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("case", CASES, ids=[case.code for case in CASES])
def test_each_problem_code_is_located_and_explained(
    runner: CliRunner, folder: Path, case: Case, lang: str
) -> None:
    shown = put(folder, "乙区", case.content)
    result = run(runner, "validate", "--lang", lang)
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output
    prefix = f"{shown}:{case.where}: {case.code}: " if case.where else f"{shown}: {case.code}: "
    [line] = problems(result.stdout)  # exactly this one problem; the valid files have none
    assert line.startswith(prefix), line
    assert (case.en if lang == "en" else case.zh) in line


def test_plan_error_is_located_with_a_suggestion(runner: CliRunner, folder: Path) -> None:
    plan = plan_dict({**ANNUAL, "indicator": "count_flw"})
    text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)
    (folder / "targets.yaml").write_text(text, encoding="utf-8")
    number, line = next((n, s) for n, s in enumerate(text.splitlines(), 1) if "count_flw" in s)
    column = line.index("count_flw") + 1
    result = run(runner, "validate")
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    assert result.stdout.startswith(
        f"targets.yaml:{number}:{column}: plan-error: 目标 “lectures” 的指标 “count_flw” 不存在，"
        "是否为 “count_flow”？"
    )


def test_every_problem_of_every_file_at_once_sorted(runner: CliRunner, folder: Path) -> None:
    put(folder, "乙区", "unit: 乙区\nyear: 2024\nvalues:\n  count_flow: -1\n")
    put(
        folder,
        "丙县",
        "unit: 丙县\nyear: 2024\nvalues:\n  count_flw: 3\n"
        + "".join(f"  # line {n}\n" for n in range(5, 12))
        + '  rate: "50"\n',
    )
    put(folder, "甲市", "unit: 甲市\nyear: 2023\nvalues:\n  rate: 101\n")
    put(folder, "甲市", "unit: 甲市\nyear: 2020\nvalues:\n  done: 1\n", year=2020)
    result = run(runner, "validate")
    assert result.exit_code == 3
    # by file, then by line as a number (12 after 4), then column
    assert located(result.stdout) == [
        "data/2020/甲市.yaml:4:9 type-error",
        "data/2024/丙县.yaml:4:3 unknown-indicator",
        "data/2024/丙县.yaml:12:9 type-error",
        "data/2024/乙区.yaml:4:15 out-of-range",
        "data/2024/甲市.yaml:2:7 year-mismatch",
        "data/2024/甲市.yaml:4:9 out-of-range",
    ]
    assert "已检查 4 个文件：4 个文件共 6 个问题" in result.output


def test_files_given_are_the_only_ones_checked(runner: CliRunner, folder: Path) -> None:
    bad = put(folder, "乙区", "unit: 乙区\nyear: 2024\nvalues:\n  count_flw: 3\n")
    other = put(folder, "丙县", "unit: 丙县\nyear: 2024\nvalues:\n  count_flow: -2\n")
    only_bad = run(runner, "validate", bad)
    assert only_bad.exit_code == 3
    assert located(only_bad.stdout) == [f"{bad}:4:3 unknown-indicator"]
    assert other not in only_bad.output
    assert "已检查 1 个文件" in only_bad.output

    both = run(runner, "validate", other, bad)
    assert located(both.stdout) == [f"{other}:4:15 out-of-range", f"{bad}:4:3 unknown-indicator"]

    valid = run(runner, "validate", "data/2024/甲市.yaml")
    assert valid.exit_code == 0, valid.output
    assert problems(valid.stdout) == []


def test_file_given_that_does_not_exist_is_a_usage_error(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "validate", "data/2024/丁区.yaml")
    assert result.exit_code == 2
    assert "文件不存在：data/2024/丁区.yaml" in result.output


def test_valid_project_exits_0(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "validate")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "已检查 3 个文件：全部有效" in result.output
    english = run(runner, "validate", "--lang", "en")
    assert "3 file(s) checked: all valid" in english.output


def test_absent_files_and_absent_values_are_not_problems(runner: CliRunner, folder: Path) -> None:
    (folder / "data" / "2024" / "丙县.yaml").unlink()
    put(folder, "乙区", "unit: 乙区\nyear: 2024\nvalues:\n  count_flow:\n  rate: {}\n")
    result = run(runner, "validate")
    assert result.exit_code == 0, result.output


@pytest.fixture
def one_invalid(folder: Path) -> str:
    return put(folder, "乙区", 'unit: 乙区\nyear: 2024\nvalues:\n  count_flow: "3"\n')


def test_check_treats_an_invalid_file_as_missing_and_lists_it(
    runner: CliRunner, folder: Path, one_invalid: str
) -> None:
    result = run(runner, "check", "2024", "-f", "json")
    assert result.exit_code == 3
    document = json.loads(result.stdout)
    by_unit = {r["unit"]: r for r in document["results"]}
    assert by_unit["乙区"]["status"] == "missing"
    assert "数据文件有误" in by_unit["乙区"]["message"]
    assert (by_unit["丙县"]["status"], by_unit["丙县"]["value"]) == ("met", 2)
    assert document["invalid_files"] == [one_invalid]
    assert document["missing_files"] == []
    [problem] = document["problems"]
    assert problem == {
        "file": one_invalid,
        "line": 4,
        "column": 15,
        "code": "type-error",
        "message": "count_flow（当年数）的值 “3” 类型不对：应为不小于 0 的整数（去掉引号）",
    }


@pytest.mark.parametrize("unit", ["true", "3.5", "-0.0", "!!float 3"])
def test_a_unit_that_is_not_text_is_a_type_error_and_check_goes_on(
    runner: CliRunner, folder: Path, unit: str
) -> None:
    shown = put(folder, "乙区", f"unit: {unit}\nyear: 2024\nvalues:\n  count_flow: 3\n")
    result = run(runner, "check", "2024", "-f", "json")
    assert result.exit_code == 3, result.output
    document = json.loads(result.stdout)
    [problem] = document["problems"]
    assert (problem["file"], problem["line"], problem["column"], problem["code"]) == (
        shown,
        1,
        7,
        "type-error",
    )
    assert problem["message"].startswith("unit 的值 ") and problem["message"].endswith("应为文字")
    by_unit = {r["unit"]: r for r in document["results"]}
    assert by_unit["乙区"]["status"] == "missing"
    assert (by_unit["丙县"]["status"], by_unit["丙县"]["value"]) == ("met", 2)


def test_check_table_shows_the_problem_and_the_valid_results(
    runner: CliRunner, folder: Path, one_invalid: str
) -> None:
    result = run(runner, "check", "2024")
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    assert f"数据文件有误（按缺数据处理）：{one_invalid}" in result.output
    assert f"{one_invalid}:4:15: type-error: " in result.output
    row = next(line for line in result.output.splitlines() if line.lstrip().startswith("当年数"))
    assert "?" in row and "✔ 2" in row  # 乙区 missing, 丙县 still evaluated
    # said once by the list of invalid files, not once per target in “需要关注”
    assert "@ 乙区" not in result.output


def test_github_annotates_an_invalid_file_at_its_problems_only(
    runner: CliRunner, folder: Path, one_invalid: str
) -> None:
    result = run(runner, "check", "2024", "--format", "github")
    errors = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    assert errors == [next(line for line in errors if "line=4" in line)]


def test_check_in_english(runner: CliRunner, folder: Path, one_invalid: str) -> None:
    result = run(runner, "check", "2024", "--lang", "en")
    assert result.exit_code == 3
    assert f"Invalid files (treated as missing): {one_invalid}" in result.output
    assert "Data problems:" in result.output
    assert "has the wrong type: should be a whole number ≥ 0 (remove the quotes)" in result.output


def test_check_exit_3_wins_over_fail_on(runner: CliRunner, folder: Path, one_invalid: str) -> None:
    assert run(runner, "check", "2024", "--fail-on", "").exit_code == 3


def test_validate_json(runner: CliRunner, folder: Path) -> None:
    shown = put(folder, "乙区", "unit: 乙区\nyear: 2024\nvalues:\n  count_flw: 3\n  rate: 120\n")
    result = run(runner, "validate", "--format", "json", "--lang", "en")
    assert result.exit_code == 3
    document = json.loads(result.stdout)
    assert document["files"] == 3
    assert [(p["file"], p["line"], p["column"], p["code"]) for p in document["problems"]] == [
        (shown, 4, 3, "unknown-indicator"),
        (shown, 5, 9, "out-of-range"),
    ]
    assert "did you mean “count_flow”?" in document["problems"][0]["message"]


def test_validate_json_when_valid(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "validate", "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"files": 3, "problems": []}


def test_validate_github_annotations(runner: CliRunner, folder: Path) -> None:
    shown = put(folder, "乙区", 'unit: 乙区\nyear: 2024\nvalues:\n  count_flow: "3"\n')
    padded = (VALID + "#" * 1_000_001).encode()
    big = put(folder, "丙县", padded)
    result = run(runner, "validate", "--format", "github", "--lang", "en")
    assert result.exit_code == 3
    lines = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert lines == [
        f"::error file={big},title=kxplan file-too-large::"
        f"file is too large ({len(padded)} bytes, limit 1000000);"
        " a data file has a few dozen lines",
        f"::error file={shown},line=4,col=15,title=kxplan type-error::"
        "value “3” of count_flow (当年数) has the wrong type: should be a whole number ≥ 0"
        " (remove the quotes)",
    ]


def test_unknown_unit_is_reported_once(runner: CliRunner, folder: Path) -> None:
    shown = put(folder, "丁区", "unit: 丁区\nyear: 2024\nvalues: {}\n")
    result = run(runner, "validate", shown)
    assert result.exit_code == 3
    assert located(result.stdout) == [f"{shown}:1:7 unknown-unit"]


@pytest.mark.parametrize(
    ("typed", "lang", "message"),
    [
        ("是", "zh", "done（是否建成）的值 “是” 类型不对：应写 true（是）或 false（否）"),
        ("否", "zh", "done（是否建成）的值 “否” 类型不对：应写 true（是）或 false（否）"),
        (
            "是",
            "en",
            "value “是” of done (是否建成) has the wrong type: "
            "should be written true (yes) or false (no)",
        ),
    ],
)
def test_yes_no_in_chinese_is_told_to_be_true_or_false(
    runner: CliRunner, folder: Path, typed: str, lang: str, message: str
) -> None:
    """是 is what the form's dropdown shows; a data file needs true, and must say so plainly."""
    shown = put(folder, "乙区", f"unit: 乙区\nyear: 2024\nvalues:\n  done: {typed}\n")
    result = run(runner, "validate", "--lang", lang)
    assert result.exit_code == 3
    assert problems(result.stdout) == [f"{shown}:4:9: type-error: {message}"]


@pytest.mark.parametrize("typed", ["12%", "1,234"])
def test_remove_the_quotes_only_for_quoted_numbers(
    runner: CliRunner, folder: Path, typed: str
) -> None:
    shown = put(folder, "乙区", f"unit: 乙区\nyear: 2024\nvalues:\n  rate: {typed}\n")
    result = run(runner, "validate", "--lang", "en")
    [line] = problems(result.stdout)
    assert line.startswith(f"{shown}:4:9: type-error: ")
    assert "remove the quotes" not in line


@pytest.mark.parametrize("fmt", ["json", "github"])
@pytest.mark.parametrize("command", ["validate", "check"])
def test_plan_problems_follow_the_format(
    runner: CliRunner, folder: Path, command: str, fmt: str
) -> None:
    plan = plan_dict({**ANNUAL, "indicator": "count_flw"})
    (folder / "targets.yaml").write_text(yaml.safe_dump(plan, sort_keys=False), encoding="utf-8")
    args = [command, "2024"] if command == "check" else [command]
    result = run(runner, *args, "--format", fmt)
    assert result.exit_code == 3
    if fmt == "json" and command == "validate":  # validate's own shape, no file read
        document = json.loads(result.stdout)
        [problem] = document["problems"]
        assert (problem["file"], problem["code"]) == ("targets.yaml", "plan-error")
        assert document == {"files": 0, "problems": [problem]}
    elif fmt == "json":
        document = json.loads(result.stdout)
        [problem] = document["problems"]
        assert (problem["file"], problem["code"]) == ("targets.yaml", "plan-error")
        # the shape of `check --format json` (SPEC), with nothing evaluated, every key as always
        assert document["plan"] is None and document["results"] == []
        assert list(document) == [
            "plan",
            "year",
            "summary",
            "missing_files",
            "invalid_files",
            "fail_on",
            "failed",
            "results",
            "problems",
        ]
        assert set(document["summary"]) == {status.value for status in Status}
    else:
        assert result.stdout.startswith("::error file=targets.yaml,line=")
        assert ",title=kxplan plan-error::" in result.stdout


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("  count_flow: 3: 4", "这一行多了一个 “: ”"),
        ('  count_flow: "3', "文件在引号或括号闭合之前就结束了"),
        ("  count_flow: [1, 2", "方括号 [ ] 中缺少逗号或右方括号 ]"),
        ("  count_flow: {value: 1", "花括号 { } 中缺少逗号或右花括号 }"),
        ("  count_flow: *x", "引用了未定义的锚点"),
        ("  count_flow: `3`", "这一行以 YAML 不允许的字符开头"),
        ("  count_flow: 3\n rate: 5", "这里应是 “键: 值”，缩进与上一行不一致"),
    ],
)
def test_yaml_syntax_errors_are_said_in_chinese(
    runner: CliRunner, folder: Path, line: str, words: str
) -> None:
    put(folder, "乙区", HEAD + line + "\n")
    result = run(runner, "validate")
    assert result.exit_code == 3
    [problem] = problems(result.stdout)
    assert ": yaml-syntax: YAML 语法错误：" in problem and words in problem, problem
    assert not any(english in problem for english in ("found", "expected", "allowed"))


@pytest.mark.parametrize("typed", ["yes", "on", "Off", "Y", "no"])
def test_only_true_and_false_mean_yes_and_no(runner: CliRunner, folder: Path, typed: str) -> None:
    """YAML 1.1 would read these as booleans, silently: kxplan keeps them as typed."""
    shown = put(folder, "乙区", HEAD + f"  done: {typed}\n  count_flow: {typed}\n")
    result = run(runner, "validate")
    assert result.exit_code == 3
    assert located(result.stdout) == [f"{shown}:4:9 type-error", f"{shown}:5:15 type-error"]
    assert (
        f"done（是否建成）的值 “{typed}” 类型不对：应写 true（是）或 false（否）" in result.stdout
    )


def test_true_and_false_in_any_case_are_yes_and_no(runner: CliRunner, folder: Path) -> None:
    put(folder, "乙区", HEAD + "  done: True\n")
    assert run(runner, "validate").exit_code == 0


def test_a_file_named_after_no_unit_is_said_to_be_misnamed(runner: CliRunner, folder: Path) -> None:
    """`乙.yaml` holding 乙区's figures: the name is wrong, not the unit line."""
    shown = put(folder, "乙", "unit: 乙区\nyear: 2024\nvalues: {}\n")
    result = run(runner, "validate", shown)
    assert result.exit_code == 3
    assert problems(result.stdout) == [
        f"{shown}: unknown-unit: 文件名 乙.yaml 不是规划中的单位（数据文件以单位名称或代码命名），"
        "是否为 “乙区”？"
    ]


@pytest.mark.parametrize(("typed", "fixed"), [("３", "3"), ("１２．５", "12.5")])
def test_full_width_digits_get_the_half_width_figure(
    runner: CliRunner, folder: Path, typed: str, fixed: str
) -> None:
    shown = put(folder, "乙区", f"unit: 乙区\nyear: 2024\nvalues:\n  count_flow: {typed}\n")
    result = run(runner, "validate", shown)
    assert result.exit_code == 3
    assert f"“{typed}” 类型不对" in result.stdout
    assert f"（提示：这是全角数字，请改用半角：{fixed}）" in result.stdout
