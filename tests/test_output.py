"""`-o/--output`: the suffix picks the format, reports/ by default, nothing overwritten."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, plan_dict, run
from kinds import LECTURES


@pytest.fixture
def small(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = project(
        plan_dict(LECTURES),
        {(2024, "乙区"): {"count_flow": 3}, (2024, "丙县"): {"count_flow": 1}},
    )
    monkeypatch.chdir(folder)
    return folder


def test_json_file_is_the_json_format(runner: CliRunner, small: Path) -> None:
    result = run(runner, "check", "2024", "-o", "c.json")
    assert result.exit_code == 1  # the exit code still follows --fail-on
    assert result.output.splitlines() == [
        "2024 年：共 2 项结果 — 达标 1、未达标 1",
        "已写入 reports/c.json",
    ]
    written = json.loads((small / "reports" / "c.json").read_text(encoding="utf-8"))
    assert written == json.loads(run(runner, "check", "2024", "-f", "json").output)


def test_markdown_file(runner: CliRunner, small: Path) -> None:
    run(runner, "check", "2024", "-o", "c.md")
    text = (small / "reports" / "c.md").read_text(encoding="utf-8")
    assert text == run(runner, "check", "2024", "-f", "markdown").output


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["report", "--county", "乙区"], "r"),
        (["review"], "v"),
    ],
)
def test_report_and_review_text_files(
    runner: CliRunner, small: Path, command: list[str], name: str
) -> None:
    for suffix, fmt in ((".json", "json"), (".md", "markdown")):
        assert run(runner, *command, "-o", f"{name}{suffix}").exit_code == 0
        written = (small / "reports" / f"{name}{suffix}").read_text(encoding="utf-8")
        assert written == run(runner, *command, "-f", fmt).output


def test_paths_with_a_folder_are_taken_as_given(runner: CliRunner, small: Path) -> None:
    result = run(runner, "review", "-o", "out/deeper/v.xlsx")
    assert result.exit_code == 0
    assert (small / "out" / "deeper" / "v.xlsx").is_file()
    assert not (small / "reports").exists()


def test_a_folder_gets_a_default_name(runner: CliRunner, small: Path) -> None:
    (small / "exports").mkdir()
    run(runner, "check", "2024", "-o", "exports")
    run(runner, "report", "--county", "乙区", "-o", "exports/")
    assert sorted(p.name for p in (small / "exports").iterdir()) == [
        "check-2024.xlsx",
        "report-乙区-2024.xlsx",
    ]


def test_a_new_folder_written_with_a_slash_is_made(runner: CliRunner, small: Path) -> None:
    assert run(runner, "review", "-o", "meeting/").exit_code == 0
    assert [p.name for p in (small / "meeting").iterdir()] == ["review-2024.xlsx"]


def test_dot_slash_keeps_the_file_in_the_current_folder(runner: CliRunner, small: Path) -> None:
    assert run(runner, "review", "-o", "./v.md").exit_code == 0
    assert (small / "v.md").is_file()
    assert not (small / "reports").exists()


def test_reports_folder_is_beside_the_data_folder(
    runner: CliRunner, small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(small / "data")
    run(runner, "review", "-o", "v.md")
    assert (small / "reports" / "v.md").is_file()


def test_existing_file_is_not_overwritten(runner: CliRunner, small: Path) -> None:
    target = small / "reports" / "c.xlsx"
    target.parent.mkdir()
    target.write_bytes(b"keep me")
    result = run(runner, "check", "2024", "-o", "c.xlsx")
    assert result.exit_code == 2
    assert "reports/c.xlsx 已存在，未覆盖（如需替换请加 --force）" in result.output
    assert target.read_bytes() == b"keep me"
    assert [p.name for p in target.parent.iterdir()] == ["c.xlsx"]  # no temporary file left
    assert run(runner, "check", "2024", "-o", "c.xlsx", "--force").exit_code == 1
    assert target.read_bytes().startswith(b"PK")


@pytest.mark.parametrize("command", [["check", "2024"], ["report"], ["review"], ["schema"]])
def test_unwritable_output_is_a_usage_error(
    runner: CliRunner, small: Path, command: list[str]
) -> None:
    (small / "afile").write_text("keep me")
    result = run(runner, *command, "-o", "afile/out.json")
    assert result.exit_code == 2, result.output
    assert "无法写入 afile/out.json：路径中有一段是文件而不是文件夹" in result.output
    assert "内部错误" not in result.output and "Traceback" not in result.output
    assert (small / "afile").read_text() == "keep me"


@pytest.mark.parametrize(
    "args",
    [
        ["check", "2024", "-o", "data"],
        ["report", "-o", "data/2024/r.md"],
        ["template", "2025", "-o", "data/2025"],
    ],
)
def test_nothing_is_written_into_the_data_folder(
    runner: CliRunner, small: Path, args: list[str]
) -> None:
    before = sorted(p.relative_to(small) for p in (small / "data").rglob("*"))
    result = run(runner, *args)
    assert result.exit_code == 2, result.output
    assert "在数据文件夹 data 中；数据文件夹只放 <年份>/<单位>.yaml" in result.output
    assert sorted(p.relative_to(small) for p in (small / "data").rglob("*")) == before


def test_unwritable_output_in_english_names_the_reason(
    runner: CliRunner, small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    result = run(runner, "check", "2024", "--lang", "en", "-o", "c.json")
    assert result.exit_code == 2
    assert "cannot write reports/c.json: permission denied; the file was not written" in (
        result.output
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "2024", "-o", "c.csv"], "输出文件 c.csv 的后缀应为 .xlsx、.json 或 .md"),
        (["check", "2024", "-o", "c"], "的后缀应为 .xlsx、.json 或 .md"),
        (["check", "2024", "-o", ""], "-o 后的输出文件名是空的"),
        (["review", "-o", " "], "-o 后的输出文件名是空的"),
        (
            ["check", "2024", "-o", "c.xlsx", "-f", "json"],
            "--format json 与输出文件后缀 .xlsx 不一致",
        ),
        (["review", "-o", "c.md", "-f", "json"], "--format json 与输出文件后缀 .md 不一致"),
        (["check", "2024", "-o", "c.xlsx", "--compare", "HEAD"], "--compare 与 -o 不能同时使用"),
    ],
)
def test_usage_errors(runner: CliRunner, small: Path, args: list[str], message: str) -> None:
    result = run(runner, *args)
    assert result.exit_code == 2 and message in result.output
    assert not (small / "reports").exists()


def test_matching_format_and_suffix_are_fine(runner: CliRunner, small: Path) -> None:
    assert run(runner, "check", "2024", "-o", "c.json", "-f", "json").exit_code == 1
    assert (small / "reports" / "c.json").is_file()
    assert run(runner, "check", "2024", "-o", "c.xlsx", "-f", "table").exit_code == 1
    assert (small / "reports" / "c.xlsx").is_file()


def _imported(command: list[str], cwd: Path) -> str:
    """What `python -X importtime` reports as imported (on stderr) for a kxplan command."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kxplan", *command],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"PATH": "", "NO_COLOR": "1"},
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return done.stderr


def test_check_without_output_does_not_import_openpyxl() -> None:
    stderr = _imported(["check", "2024"], ROOT)
    assert "import time:" in stderr and "kxplan.cli.commands.check" in stderr
    assert "openpyxl" not in stderr


def test_check_with_xlsx_output_imports_openpyxl(tmp_path: Path) -> None:
    """The counter-check: the same measurement does see openpyxl when a workbook is written."""
    stderr = _imported(["check", "2024", "-o", str(tmp_path / "c.xlsx")], ROOT)
    assert "openpyxl" in stderr
    assert (tmp_path / "c.xlsx").is_file()


@pytest.mark.parametrize("command", [["report"], ["review"], ["explain", "literacy_rate_2025"]])
def test_text_commands_do_not_import_openpyxl(command: list[str]) -> None:
    assert "openpyxl" not in _imported(command, ROOT)
