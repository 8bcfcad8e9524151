"""`--format github`: each annotation at the file and line a reviewer must look at, and the
job summary GitHub shows on the run's page."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import plan_dict, run, write_yaml
from kinds import LECTURES

TOTAL = {
    "id": "total",
    "indicator": "count_stock",
    "level": "city",
    "kind": "annual",
    "op": ">=",
    "threshold": 100,
}
ANNOTATION = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def parse_annotations(output: str) -> list[tuple[str, dict[str, str], str]]:
    found = []
    for line in output.splitlines():
        match = ANNOTATION.match(line)
        if match:
            props = dict(item.split("=", 1) for item in match.group(2).split(","))
            found.append((match.group(1), props, match.group(3)))
    return found


@pytest.fixture
def repo(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """2024: 乙区 misses `lectures` (line 6), 丙县 did not report it, 甲市's total is a sum."""
    folder = project(plan_dict(LECTURES, TOTAL), {(2020, "甲市"): {}})
    files = {
        "data/2024/乙区.yaml": "# 乙区\n# 2024\nunit: 乙区\nyear: 2024\nvalues:\n"
        "  count_flow: 1\n  count_stock: 40\n",
        "data/2024/丙县.yaml": "unit: 丙县\nyear: 2024\nvalues:\n  count_stock: 30\n",
        "data/2024/甲市.yaml": "unit: 甲市\nyear: 2024\nvalues: {}\n",
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(folder)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return folder


def test_failed_target_is_annotated_at_the_line_of_its_value(runner: CliRunner, repo: Path) -> None:
    result = run(runner, "check", "2024", "--format", "github")
    assert result.exit_code == 1
    found = parse_annotations(result.stdout)
    first = found[0]
    assert first[0] == "error"
    assert first[1]["file"] == "data/2024/乙区.yaml"
    assert first[1]["line"] == "6"  # `  count_flow: 1`
    assert first[1]["title"] == "lectures @ 乙区%3A 未达标"
    assert first[2].startswith("当年数: 1次；≥ 2次（每年）")


def test_a_value_missing_from_a_file_is_annotated_at_the_file(
    runner: CliRunner, repo: Path
) -> None:
    found = parse_annotations(run(runner, "check", "2024", "--format", "github").stdout)
    missing = [a for a in found if a[1].get("title", "").startswith("lectures @ 丙县")]
    assert len(missing) == 1
    assert missing[0][1]["file"] == "data/2024/丙县.yaml"
    assert "line" not in missing[0][1]


def test_a_sum_is_not_pinned_on_a_childs_line(runner: CliRunner, repo: Path) -> None:
    found = parse_annotations(run(runner, "check", "2024", "--format", "github").stdout)
    total = [a for a in found if a[1].get("title", "").startswith("total @ 甲市")]
    assert len(total) == 1
    assert "file" not in total[0][1]  # 70 < 100 is the sum of 乙区 and 丙县: no single line
    assert "70" in total[0][2]


def test_line_bound_annotations_come_first(runner: CliRunner, repo: Path) -> None:
    """GitHub shows only the first 10 errors of a step: the most precise go first among
    the results of one importance (not met, behind, the rest: issue 14 item 6)."""
    found = parse_annotations(run(runner, "check", "2024", "--format", "github").stdout)
    importance = {"未达标": 0, "相对滞后": 1}
    ranks = [
        (
            importance.get(props.get("title", "").rpartition("%3A ")[2], 2),
            ("file" not in props),
            ("line" not in props),
        )
        for _, props, _ in found
    ]
    assert ranks == sorted(ranks)


def test_an_absent_file_is_one_annotation_not_one_per_target(runner: CliRunner, repo: Path) -> None:
    (repo / "data/2024/丙县.yaml").unlink()
    found = parse_annotations(run(runner, "check", "2024", "--format", "github").stdout)
    about = [a for a in found if "丙县" in a[1].get("title", "") or "丙县" in a[2]]
    assert len(about) == 2  # the file itself, and the city's sum that needs it
    assert ("2024 年未报送数据文件：丙县（1 项结果缺数据）") in [a[2] for a in about]


def test_more_than_ten_errors_add_a_notice(
    runner: CliRunner, project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    values = {(2024, "乙区"): {"count_flow": 0}}
    targets = [{**LECTURES, "id": f"lectures_{n}"} for n in range(11)]
    monkeypatch.chdir(project(plan_dict(*targets), values))
    found = parse_annotations(run(runner, "check", "2024", "--format", "github").stdout)
    assert [a[0] for a in found].count("error") == 12  # 11 at 乙区's line, 1 for 丙县's file
    assert found[-1][0] == "notice"
    assert "GitHub 每步只显示前 10 条" in found[-1][2]


def test_validate_problems_are_annotated_at_line_and_column(runner: CliRunner, repo: Path) -> None:
    (repo / "data/2024/乙区.yaml").write_text(
        'unit: 乙区\nyear: 2024\nvalues:\n  count_flw: 1\n  count_stock: "40"\n', encoding="utf-8"
    )
    result = run(runner, "validate", "--format", "github")
    assert result.exit_code == 3
    places = [
        (a[1]["file"], a[1]["line"], a[1]["col"], a[1]["title"])
        for a in parse_annotations(result.stdout)
    ]
    assert places == [
        ("data/2024/乙区.yaml", "4", "3", "kxplan unknown-indicator"),
        ("data/2024/乙区.yaml", "5", "16", "kxplan type-error"),
    ]


def test_job_summary_is_appended_when_github_names_a_file(
    runner: CliRunner, repo: Path, tmp_path: Path
) -> None:
    summary = tmp_path / "step_summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    env = {"GITHUB_STEP_SUMMARY": str(summary)}
    assert run(runner, "validate", "--format", "github", env=env).exit_code == 0
    assert run(runner, "check", "2024", "--format", "github", env=env).exit_code == 1
    text = summary.read_text("utf-8")
    assert text.startswith("earlier step\n")
    assert "## kxplan validate\n\n✔ 已检查 4 个文件：全部有效" in text
    assert "## 测试规划 — 2024 目标完成情况" in text
    assert "| 当年数 | ≥ 2次（每年） |  | ✘ 1 未达标 | ? 缺数据 |" in text


def test_no_job_summary_without_the_variable_or_in_other_formats(
    runner: CliRunner, repo: Path, tmp_path: Path
) -> None:
    summary = tmp_path / "step_summary.md"
    run(runner, "check", "2024", "--format", "github")
    assert not summary.exists()
    run(runner, "check", "2024", "--format", "json", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert not summary.exists()


def test_plain_files_are_written_as_the_repository_lays_them_out(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pre-commit passes paths relative to the repository root: annotations keep them."""
    write_yaml(tmp_path / "targets.yaml", plan_dict(LECTURES))
    bad = tmp_path / "data/2024/乙区.yaml"
    bad.parent.mkdir(parents=True)
    bad.write_text("unit: 乙区\nyear: 2023\nvalues: {}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run(runner, "validate", "--format", "github", "data/2024/乙区.yaml")
    assert result.exit_code == 3
    assert result.stdout.startswith("::error file=data/2024/乙区.yaml,line=2,col=7,")


def test_validate_with_more_than_ten_problems_adds_a_notice(runner: CliRunner, repo: Path) -> None:
    lines = "".join(f"  unknown_{n}: 1\n" for n in range(11))
    (repo / "data/2024/乙区.yaml").write_text(f"unit: 乙区\nyear: 2024\nvalues:\n{lines}")
    found = parse_annotations(run(runner, "validate", "--format", "github").stdout)
    assert [level for level, _, _ in found] == ["error"] * 11 + ["notice"]
    assert found[-1][2] == "共 11 条标注，GitHub 每步只显示前 10 条；完整列表见日志和 Summary"


def test_missing_files_first_one_per_unit_then_invalid_then_not_met_then_behind(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Issue 14 item 6, on the sample with two counties' files gone and one made invalid."""
    import shutil

    from conftest import ROOT

    shutil.copy(ROOT / "targets.yaml", tmp_path / "targets.yaml")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "data/2024/昭化区.yaml").unlink()
    bad = tmp_path / "data/2024/剑阁县.yaml"
    bad.write_text(bad.read_text("utf-8") + "  unknown_one: 1\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    summary = tmp_path / "summary.md"
    result = run(
        runner, "check", "2024", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    found = [a for a in parse_annotations(result.stdout) if a[0] == "error"]
    missing = [a for a in found if a[1]["title"] == "kxplan missing file"]
    assert [a[1]["file"] for a in missing] == ["data/2024/昭化区.yaml", "data/2024/青川县.yaml"]
    assert "昭化区" in missing[0][2] and "青川县" in missing[1][2]
    assert found[:2] == missing
    assert found[2][1]["file"] == "data/2024/剑阁县.yaml"
    assert found[2][1]["title"].startswith("kxplan ")  # the invalid file's problem
    statuses = [a[1]["title"].rpartition("%3A ")[2] for a in found[3:]]
    first_behind = statuses.index("相对滞后")
    assert set(statuses[:first_behind]) == {"未达标"}
    assert "未达标" not in statuses[first_behind:]
    hidden = len(found) - 10
    assert hidden > 0
    assert f"另有 {hidden} 条未显示" in summary.read_text("utf-8")
