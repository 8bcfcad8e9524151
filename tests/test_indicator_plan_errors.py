"""Issue 12 part A: every mistake in `aggregate` and `formula` is a `plan-error` at its line and
column with a hint, all at once. The plan is written by hand so that every line and column can
be read off below."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import run
from test_plan_errors import UNITS_HEAD
from test_validate import problems

HEAD = (
    UNITS_HEAD
    + """\
indicators:
  - {id: members, name: 会员, type: count, nature: stock, direction: higher, aggregate: sum}
  - {id: population, name: 人口, type: count, nature: stock, direction: higher, aggregate: sum}
  - {id: rate, name: 比例, type: percent, nature: stock, direction: higher, aggregate: mean}
  - {id: done, name: 建成, type: boolean, nature: stock, direction: higher, aggregate: all}
  - id: density
    name: 每万人会员数
    type: amount
    nature: stock
    direction: higher
    formula: "members / population * 10000"
targets:
  - {id: t1, indicator: members, level: city, kind: annual, op: ">=", threshold: 8, clause: 一}
"""
)
# the `aggregate:` values of lines 14–17 start at columns 87, 90, 86 and 86; the formula's
# quote on line 23 is at column 14, so its text starts at column 15
FORMULA = '"members / population * 10000"'


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "targets.yaml").write_text(HEAD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def edit(folder: Path, old: str, new: str) -> None:
    path = folder / "targets.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_hand_written_plan_is_valid(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "validate")
    assert result.exit_code == 0, result.output


PER_K = (
    "  - {id: per_k, name: 千人, type: amount, nature: stock, direction: higher,"
    ' formula: "density * 2"}\n'
)

# (id, old text, new text, "line:column", message)
CASES = [
    # a formula that does not parse: at the end of “members /”, 15 + 9
    ("syntax", FORMULA, '"members / "', "23:24", "指标 “density” 的公式无法解析"),
    # an unclosed parenthesis: at the parenthesis, 15 + 0
    ("unclosed", FORMULA, '"(members / population"', "23:15", "指标 “density” 的公式无法解析"),
    ("call", FORMULA, '"abs(members)"', "23:15", "不能用 “abs(members)”"),
    # `**` at 15 + 8
    ("power", FORMULA, '"members ** 2"', "23:23", "不能用 “**”"),
    # unquoted: the text starts at 14; `//` at 14 + 8
    ("floor-division", FORMULA, "members // population", "23:22", "不能用 “//”"),
    ("modulo", FORMULA, '"members % population"', "23:23", "不能用 “%”"),
    ("text", FORMULA, "\"members / 'x'\"", "23:25", "不能用 “'x'”"),
    ("comparison", FORMULA, '"members < 2"', "23:15", "不能用 “members < 2”"),
    ("attribute", FORMULA, '"members.real"', "23:15", "不能用 “members.real”"),
    ("subscript", FORMULA, '"members[0]"', "23:15", "不能用 “members[0]”"),
    ("true", FORMULA, '"True * members"', "23:15", "不能用 “True”"),
    # the unknown id at 15 + 10
    (
        "unknown-id",
        FORMULA,
        '"members / populaton"',
        "23:25",
        "指标 “density” 的公式中的指标 “populaton” 不存在，是否为 “population”？",
    ),
    ("boolean-input", FORMULA, '"done * 2"', "23:15", "“done” 是是否类"),
    ("self-cycle", FORMULA, '"density + 1"', "23:14", "density → density"),
    (
        "cycle",
        f"    formula: {FORMULA}\n",
        f'    formula: "members / per_k"\n{PER_K}',
        "23:14",
        "density → per_k → density",
    ),
    (
        "aggregate-on-derived",
        f"{FORMULA}\n",
        f"{FORMULA}\n    aggregate: none\n",
        "24:16",
        "指标 “density” 由公式计算，不能设 aggregate",
    ),
    ("boolean-derived", "type: amount", "type: boolean", "23:14", "type 应为 count、amount"),
    ("all-on-a-number", "aggregate: mean", "aggregate: all", "16:86", "aggregate: all"),
    ("mean-on-yes-no", "aggregate: all", "aggregate: mean", "17:86", "aggregate: mean"),
    ("sum-on-yes-no", "aggregate: all", "aggregate: sum", "17:86", "不能 aggregate: sum"),
    (
        "unknown-weight",
        "aggregate: mean",
        "aggregate: {weighted_mean: populaton}",
        "16:102",
        "指标 “rate” 的权重指标 “populaton” 不存在，是否为 “population”？",
    ),
    (
        "yes-no-weight",
        "aggregate: mean",
        "aggregate: {weighted_mean: done}",
        "16:102",
        "权重指标 “done” 应为 count 或 amount",
    ),
    (
        "percent-weight",
        "aggregate: mean",
        "aggregate: {weighted_mean: rate}",
        "16:102",
        "权重指标 “rate” 应为 count 或 amount",
    ),
    (
        "weighted-yes-no",
        "aggregate: all",
        "aggregate: {weighted_mean: population}",
        "17:86",
        "aggregate: weighted_mean",
    ),
    ("unknown-aggregate", "aggregate: mean", "aggregate: median", "16:86", "weighted_mean"),
]


@pytest.mark.parametrize(
    ("old", "new", "where", "message"), [case[1:] for case in CASES], ids=[c[0] for c in CASES]
)
def test_indicator_plan_error_is_located(
    runner: CliRunner, folder: Path, old: str, new: str, where: str, message: str
) -> None:
    edit(folder, old, new)
    result = run(runner, "validate")
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output
    [line] = problems(result.stdout)
    assert line.startswith(f"targets.yaml:{where}: plan-error: "), line
    assert message in line


def test_every_problem_at_once_with_a_broken_target(runner: CliRunner, folder: Path) -> None:
    edit(folder, FORMULA, '"members ** 2"')
    edit(folder, "aggregate: mean", "aggregate: {weighted_mean: done}")
    edit(folder, "threshold: 8", 'threshold: "8"')  # a malformed target too
    result = run(runner, "check", "2022")
    assert result.exit_code == 3, result.output
    assert [line.split(": ")[0] for line in problems(result.stdout)] == [
        "targets.yaml:16:102",
        "targets.yaml:23:23",
        "targets.yaml:25:82",
    ]


def test_in_english(runner: CliRunner, folder: Path) -> None:
    edit(folder, FORMULA, '"members / populaton"')
    result = run(runner, "validate", "--lang", "en")
    [line] = problems(result.stdout)
    assert "populaton" in line
    assert "population" in line
    assert "formula" in line


def test_a_formula_nested_past_any_plans_need_is_refused_not_a_crash(
    runner: CliRunner, folder: Path
) -> None:
    # 1900 minus signs: Python's own recursion would run out on it
    edit(folder, FORMULA, '"' + "-" * 1900 + 'members"')
    result = run(runner, "validate")
    assert result.exit_code == 3, result.output
    [line] = problems(result.stdout)
    assert line.startswith("targets.yaml:23:"), line
    assert "公式嵌套太深（最多 100 层运算）" in line
