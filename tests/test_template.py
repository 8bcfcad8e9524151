"""`kxplan template`: the forms, read back with openpyxl as Excel would show them."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
import yaml
from openpyxl.cell.cell import MergedCell
from typer.testing import CliRunner

from conftest import ROOT, plan_dict, run
from formhelpers import sample_project, snapshot
from kxplan.forms import layout
from kxplan.load.planfile import load_plan
from kxplan.render import describe
from kxplan.yaml.write import reported_by

COUNTIES = ["利州区", "昭化区", "朝天区", "旺苍县", "青川县", "剑阁县", "苍溪县"]


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(sample_project(tmp_path))
    return tmp_path


def test_one_form_per_unit_named_after_unit_and_year(runner: CliRunner, sample: Path) -> None:
    result = run(runner, "template", "2024")
    assert result.exit_code == 0, result.output
    folder = sample / "reports" / "forms" / "2024"
    names = sorted(path.name for path in folder.iterdir())
    assert names == sorted(f"{unit}_2024.xlsx" for unit in ["广元市", *COUNTIES])
    assert "已生成 8 份填报表 → reports/forms/2024" in result.output


def test_a_county_form_row_by_row(runner: CliRunner, sample: Path) -> None:
    assert run(runner, "template", "2024", "--county", "利州区").exit_code == 0
    path = sample / "reports" / "forms" / "2024" / "利州区_2024.xlsx"
    assert [p.name for p in path.parent.iterdir()] == ["利州区_2024.xlsx"]
    plan = load_plan(sample / "targets.yaml", "targets.yaml", "zh")
    unit = plan.unit("利州区")
    assert unit is not None
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert sheet.title == "填报表"
    assert sheet["A1"].value == "利州区 2024 年度数据填报表"
    assert sheet["A2"].value == plan.name("zh")
    assert sheet["F4"].value == "上年数值（2023年）"
    assert sheet["G4"].value == "本年数值（2024年）"
    ids = [sheet.cell(row, layout.ID).value for row in range(5, sheet.max_row + 1)]
    assert ids == reported_by(plan, unit)
    last_year = yaml.safe_load((sample / "data/2023/利州区.yaml").read_text(encoding="utf-8"))
    for row, indicator_id in enumerate(ids, start=5):
        indicator = plan.indicators[indicator_id]
        assert sheet.cell(row, layout.NAME).value == indicator.name
        assert sheet.cell(row, layout.MEASURE).value == indicator.measure
        assert sheet.cell(row, layout.INSTRUCTION).value == indicator.instruction
        reported = last_year["values"].get(indicator_id)
        if isinstance(reported, dict):
            reported = reported["value"]
        if isinstance(reported, bool):
            reported = "是" if reported else "否"
        assert sheet.cell(row, layout.PREVIOUS).value == reported, indicator_id
        assert sheet.cell(row, layout.VALUE).value is None
    targets = {t.indicator: t for t in plan.targets_for(unit)}
    row = 5 + ids.index("spirit_lectures")
    rule = describe.rule(targets["spirit_lectures"], plan.indicators["spirit_lectures"], "zh")
    assert sheet.cell(row, layout.TARGET).value == rule == "≥ 2次（每年）"
    share = sheet.cell(5 + ids.index("enterprise_associations"), layout.TARGET).value
    assert share == "计入广元市合计：≥ 130家（2025年）"
    both = sheet.cell(5 + ids.index("tfkjy_workers"), layout.TARGET).value
    assert both == "年增长 ≥ 30%；计入广元市合计：> 100000人（2025年）"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh", "年增长 ≥ 30%；计入甲市合计：≥ 100个（2025年）、≥ 10个（每年）"),
        (
            "en",
            "growth ≥ 30% a year; counts towards Jia's total: ≥ 100 个 by 2025, ≥ 10 个 every year",
        ),
    ],
)
def test_a_share_shows_the_units_own_target_and_the_total_it_counts_towards(
    runner: CliRunner, project: Callable[..., Path], lang: str, expected: str
) -> None:
    """A county judged on its own growth whose value is also summed into the city's targets."""
    stock = {"indicator": "count_stock", "kind": "deadline", "deadline": 2025}
    folder = project(
        plan_dict(
            {"id": "total", "level": "city", "op": ">=", "threshold": 100, **stock},
            {
                "id": "yearly",
                "indicator": "count_stock",
                "level": "city",
                "kind": "annual",
                "op": ">=",
                "threshold": 10,
            },
            {
                "id": "growth",
                "indicator": "count_stock",
                "level": "county",
                "kind": "growth",
                "op": ">=",
                "threshold": 30,
            },
        ),
        {},
    )
    plan, out = str(folder / "targets.yaml"), str(folder / "forms")
    args = ("--plan", plan, "--data-dir", str(folder / "data"), "-o", out, "--lang", lang)
    result = run(runner, "template", "2024", "--county", "乙区", *args)
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(folder / "forms" / "乙区_2024.xlsx").worksheets[0]
    assert sheet.cell(layout.FIRST_ROW, layout.ID).value == "count_stock"
    assert sheet.cell(layout.FIRST_ROW, layout.TARGET).value == expected


def test_only_input_cells_are_unlocked_and_the_sheet_is_protected(
    runner: CliRunner, sample: Path
) -> None:
    assert run(runner, "template", "2024", "--county", "广元市").exit_code == 0
    book = openpyxl.load_workbook(sample / "reports/forms/2024/广元市_2024.xlsx")
    sheet = book.worksheets[0]
    assert sheet.protection.sheet is True
    assert book.security.lockStructure is True
    for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row, max_col=layout.ID):
        for found in row:
            unlocked = found.row >= layout.FIRST_ROW and found.column in layout.INPUT_COLUMNS
            assert found.protection.locked is not unlocked, found.coordinate
    assert sheet.column_dimensions["J"].hidden is True
    assert sheet.freeze_panes == "A5"
    hidden = book[layout.META_SHEET]
    assert hidden.sheet_state == "veryHidden"
    record = {row[0]: row[1] for row in hidden.iter_rows(values_only=True) if row[0] != "row"}
    assert record["unit_code"] == "510800" and record["year"] == 2024
    assert record["plan"] == "guangyuan-kx-14"


def test_data_validation_fits_each_value_type(runner: CliRunner, sample: Path) -> None:
    assert run(runner, "template", "2024", "--county", "广元市").exit_code == 0
    sheet = openpyxl.load_workbook(sample / "reports/forms/2024/广元市_2024.xlsx").worksheets[0]
    rows = {sheet.cell(r, layout.ID).value: r for r in range(5, sheet.max_row + 1)}
    rules = {}
    for validation in sheet.data_validations.dataValidation:
        for cells in validation.sqref.ranges:
            for row, _column in cells.cells:
                rules[row] = validation
    expected = {
        "tfkjy_workers": ("whole", "greaterThanOrEqual", "0", None),
        "tfkjy_transactions": ("decimal", "greaterThanOrEqual", "0", None),
        "literacy_rate": ("decimal", "between", "0", "100"),
        "workers_day_symposium": ("list", None, '"是,否"', None),
    }
    for indicator, (kind, operator, low, high) in expected.items():
        rule = rules[rows[indicator]]
        assert (rule.type, rule.operator, rule.formula1, rule.formula2) == (
            kind,
            operator,
            low,
            high,
        )
        assert rule.allow_blank and rule.showErrorMessage
    assert set(rules) == set(rows.values())  # every value cell, and nothing else


@pytest.mark.parametrize(("lang", "words"), [("zh", {"是", "否"}), ("en", {"yes", "no"})])
def test_yes_no_instructions_speak_of_the_dropdown_not_of_yaml(
    runner: CliRunner, sample: Path, lang: str, words: set[str]
) -> None:
    """The value cell offers 是/否 (yes/no); its instruction must not ask for true/false."""
    assert run(runner, "template", "2024", "--county", "利州区", "--lang", lang).exit_code == 0
    sheet = openpyxl.load_workbook(sample / "reports/forms/2024/利州区_2024.xlsx").worksheets[0]
    plan = load_plan(sample / "targets.yaml", "targets.yaml", lang)
    dropdown = {
        row: validation.formula1.strip('"').split(",")
        for validation in sheet.data_validations.dataValidation
        if validation.type == "list"
        for cells in validation.sqref.ranges
        for row, _column in cells.cells
    }
    checked = 0
    for row in range(layout.FIRST_ROW, sheet.max_row + 1):
        indicator = plan.indicators[str(sheet.cell(row, layout.ID).value)]
        if indicator.type.value != "boolean":
            continue
        assert set(dropdown[row]) == words
        text = str(sheet.cell(row, layout.INSTRUCTION).value)
        assert not re.search(r"\b(true|false)\b", text, re.IGNORECASE), text
        for word in words:
            ascii_word = re.search(rf"\b{word}\b", text, re.IGNORECASE)
            found = ascii_word if word.isascii() else word in text
            assert found, (word, text)
        checked += 1
    assert checked == 2  # home_of_workers, workers_day_symposium


def test_existing_forms_are_never_replaced_without_force(runner: CliRunner, sample: Path) -> None:
    assert run(runner, "template", "2024").exit_code == 0
    folder = sample / "reports" / "forms"
    before = snapshot(folder)
    result = run(runner, "template", "2024")
    assert result.exit_code == 2
    assert (
        "8 份填报表已存在，未覆盖（如需替换请加 --force）：reports/forms/2024/广元市_2024.xlsx"
        in (result.output)
    )
    assert snapshot(folder) == before
    one = run(runner, "template", "2024", "--county", "利州区", "--lang", "en")
    assert one.exit_code == 2
    assert (
        "kxplan: reports/forms/2024/利州区_2024.xlsx exists; not overwritten "
        "(use --force to replace it)"
    ) in one.output
    assert snapshot(folder) == before
    (folder / "2024" / "利州区_2024.xlsx").write_bytes(b"edited by hand")
    assert run(runner, "template", "2024", "--force").exit_code == 0
    assert (folder / "2024" / "利州区_2024.xlsx").read_bytes()[:2] == b"PK"


def test_output_folder_and_english(runner: CliRunner, sample: Path) -> None:
    result = run(runner, "template", "2025", "--county", "510802", "-o", "out", "--lang", "en")
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(sample / "out" / "利州区_2025.xlsx").worksheets[0]
    assert sheet.title == "Form"
    assert sheet["A1"].value == "Lizhou District: data form for 2025"
    assert sheet["G4"].value == "Value (2025)"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["2019"], "2019 年不在基年 2020 和规划期 2021–2025 内"),
        (["2026"], "2026 年不在基年 2020 和规划期 2021–2025 内"),
        (["2024", "--county", "利州"], "没有单位 “利州”"),
    ],
)
def test_usage_errors(runner: CliRunner, sample: Path, args: list[str], words: str) -> None:
    result = run(runner, "template", *args)
    assert result.exit_code == 2
    assert words in result.output
    assert not (sample / "reports").exists()


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "zh",
            "找不到数据文件夹 data/（从 {cwd} 向上查找）；请用 --data-dir 指定，或用 kxplan init",
        ),
        ("en", "no data/ folder found (looked upwards from {cwd}); give one with --data-dir, or"),
    ],
)
@pytest.mark.parametrize("output", [[], ["-o", "forms"]])
def test_no_data_folder_is_a_usage_error_and_nothing_is_written(
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    message: str,
    output: list[str],
) -> None:
    """Like check and report: no forms (and no reports/ folder) in a folder that is no project."""
    monkeypatch.chdir(tmp_path)
    plan = str(ROOT / "targets.yaml")
    result = run(runner, "template", "2024", "--plan", plan, "--lang", lang, *output)
    assert result.exit_code == 2, result.output
    assert f"kxplan: {message.format(cwd=tmp_path)}" in " ".join(result.output.split())
    assert list(tmp_path.iterdir()) == []


def test_a_data_dir_that_does_not_exist_is_named(runner: CliRunner, sample: Path) -> None:
    result = run(runner, "template", "2024", "--data-dir", "nowhere")
    assert result.exit_code == 2
    assert "数据文件夹不存在：nowhere" in result.output
    assert not (sample / "reports").exists()


def test_an_empty_data_folder_gives_forms_without_last_year(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data").mkdir()
    monkeypatch.chdir(tmp_path)
    result = run(runner, "template", "2021", "--plan", str(ROOT / "targets.yaml"))
    assert result.exit_code == 0, result.output
    path = tmp_path / "reports" / "forms" / "2021" / "利州区_2021.xlsx"
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert all(sheet.cell(r, layout.PREVIOUS).value is None for r in range(5, sheet.max_row + 1))


def test_cli_import_does_not_load_openpyxl() -> None:
    code = "import sys, kxplan.cli.app; print('openpyxl' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_texts_starting_with_equals_stay_text(runner: CliRunner, sample: Path) -> None:
    """`= 是（2025年）` is a rule, not a formula: Excel would show an error instead of it."""
    assert run(runner, "template", "2024", "--county", "利州区").exit_code == 0
    path = sample / "reports/forms/2024/利州区_2024.xlsx"
    sheet = openpyxl.load_workbook(path).worksheets[0]
    targets = [sheet.cell(r, layout.TARGET) for r in range(5, sheet.max_row + 1)]
    rules = [found for found in targets if str(found.value).startswith("=")]
    assert [found.value for found in rules] == ["= 是（2025年）", "= 是（每年）"]
    assert all(found.data_type == "s" for found in rules)
    hidden = openpyxl.load_workbook(path)[layout.META_SHEET]
    assert all(found.data_type != "f" for row in hidden.iter_rows() for found in row)


def test_texts_starting_like_a_formula_get_the_quote_prefix(
    runner: CliRunner, sample: Path
) -> None:
    """Editing such a cell in Excel keeps it text, as in every workbook kxplan writes."""
    assert run(runner, "template", "2024", "--county", "利州区").exit_code == 0
    book = openpyxl.load_workbook(sample / "reports/forms/2024/利州区_2024.xlsx")
    cells = [found for sheet in book for row in sheet.iter_rows() for found in row]
    rules = [found for found in cells if str(found.value).startswith("=")]
    assert len(rules) == 4  # two targets on the form, and their copies in the hidden record
    assert all(found.quotePrefix for found in rules)
    assert not any(found.quotePrefix for found in cells if found not in rules)


@pytest.mark.parametrize(
    ("lang", "footer"), [("zh", "第 &P 页，共 &N 页"), ("en", "Page &P of &N")]
)
def test_a_form_prints_on_a4_as_wide_as_a_page_with_headers_on_every_page(
    runner: CliRunner, sample: Path, lang: str, footer: str
) -> None:
    assert run(runner, "template", "2024", "--county", "利州区", "--lang", lang).exit_code == 0
    sheet = openpyxl.load_workbook(sample / "reports/forms/2024/利州区_2024.xlsx").worksheets[0]
    setup = sheet.page_setup
    assert (setup.paperSize, setup.orientation) == (9, "landscape")
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)  # not squeezed onto one page
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert sheet.print_title_rows == f"${layout.HEADER_ROW}:${layout.HEADER_ROW}"
    assert sheet.oddFooter.center.text == footer


def test_form_text_is_in_a_font_with_chinese(runner: CliRunner, sample: Path) -> None:
    assert run(runner, "template", "2024", "--county", "利州区").exit_code == 0
    sheet = openpyxl.load_workbook(sample / "reports/forms/2024/利州区_2024.xlsx").worksheets[0]
    rows = sheet.iter_rows(min_row=1, max_row=sheet.max_row, max_col=layout.NOTE)
    fonts = {found.font.name for row in rows for found in row if not isinstance(found, MergedCell)}
    assert fonts == {"微软雅黑"}
    assert sheet["A1"].font.b and sheet.cell(layout.HEADER_ROW, layout.VALUE).font.b
