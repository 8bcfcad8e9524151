"""`kxplan import DIR` names every file it does not read, and why (issue 14 item 5): an `.xls`
(the old Excel format) is a county's data left out, so it is said, counted and exit 3."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import run
from formhelpers import TemplateRuns, sample_project

XLS = "苍溪县_2024.xls：.xls 是旧的 Excel 格式，kxplan 读不了；请在 Excel 中“另存为” .xlsx 后再导入"


@pytest.fixture
def returned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, template: TemplateRuns) -> Path:
    monkeypatch.chdir(sample_project(tmp_path))
    template("2024", "--county", "利州区")
    folder = tmp_path / "returned"
    folder.mkdir()
    shutil.copy(tmp_path / "reports/forms/2024/利州区_2024.xlsx", folder)
    (folder / "苍溪县_2024.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    (folder / "说明.txt").write_text("请各县区按时报送", encoding="utf-8")
    (folder / "~$利州区_2024.xlsx").write_bytes(b"lock")  # Excel's, while the form is open
    (folder / ".DS_Store").write_bytes(b"mac")
    return folder


def test_every_file_not_read_is_named_and_counted(runner: CliRunner, returned: Path) -> None:
    result = run(runner, "import", "returned")
    assert result.exit_code == 3, result.output  # 苍溪县's data is not in
    assert f"未读取 returned/{XLS}" in result.stdout
    assert "未读取 returned/说明.txt：不是填报表（只读取 .xlsx、.xlsm）" in result.stdout
    assert "~$" not in result.output and ".DS_Store" not in result.output
    assert "共 1 份填报表" in result.stderr and "未读取 2 个文件" in result.stderr


def test_in_english(runner: CliRunner, returned: Path) -> None:
    result = run(runner, "import", "returned", "--lang", "en")
    assert (
        "not read: returned/苍溪县_2024.xls: .xls is the old Excel format, which kxplan cannot "
        "read; open it in Excel and “Save As” .xlsx, then import that"
    ) in result.stdout
    assert "2 file(s) not read" in result.stderr


def test_a_folder_of_xls_only_is_not_a_usage_error_but_a_county_left_out(
    runner: CliRunner, returned: Path
) -> None:
    (returned / "利州区_2024.xlsx").unlink()
    (returned / "说明.txt").unlink()
    result = run(runner, "import", "returned")
    assert result.exit_code == 3
    assert f"未读取 returned/{XLS}" in result.stdout
    assert "未读取 1 个文件" in result.stderr


def test_an_xls_named_on_the_command_line_is_read_and_refused(
    runner: CliRunner, returned: Path
) -> None:
    result = run(runner, "import", "returned/苍溪县_2024.xls")
    assert result.exit_code == 3
    assert "另存为 .xlsx" in result.stdout and "未读取" not in result.stdout


def test_other_files_alone_are_no_forms(runner: CliRunner, returned: Path) -> None:
    other = returned.parent / "other"
    other.mkdir()
    (other / "说明.txt").write_text("x", encoding="utf-8")
    result = run(runner, "import", "other")
    assert result.exit_code == 2  # as before: nothing there is a form
    assert "未读取 other/说明.txt：不是填报表" in result.stdout


def test_a_blank_value_in_a_new_data_file_is_named(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, template: TemplateRuns
) -> None:
    from formhelpers import fill

    monkeypatch.chdir(sample_project(tmp_path))
    (tmp_path / "data/2024/苍溪县.yaml").unlink()
    template("2024", "--county", "苍溪县")
    form = fill(Path("reports/forms/2024/苍溪县_2024.xlsx"), {"spirit_lectures": 3})
    result = run(runner, "import", str(form))
    assert result.exit_code == 0, result.output
    assert "  typical_cases（“科技服务”“科技成果交易”典型案例）：未填，视为缺数据" in result.stdout
    assert "spirit_lectures（科学家精神宣讲报告会）：未填" not in result.stdout
    english = run(runner, "import", str(form), "--lang", "en", "--dry-run")
    assert "typical_cases" not in english.stdout  # unchanged now: nothing new is missing
