"""`kxplan import`: forms filled in the way people fill them, read back value by value."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from conftest import plan_dict, run, write_yaml
from formhelpers import (
    TemplateRuns,
    cell,
    fill,
    rewrite_part,
    rows_by_id,
    sample_project,
    snapshot,
)
from kxplan.files.atomic import write_text_atomic
from kxplan.forms import layout

FORMS = Path("reports/forms/2024")


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(sample_project(tmp_path))
    return tmp_path


def values_of(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["values"]


def test_a_messy_city_form_imports_value_by_value(
    runner: CliRunner, sample: Path, template: TemplateRuns
) -> None:
    (sample / "data/2024/广元市.yaml").unlink()
    template("2024", "--county", "广元市")
    form = FORMS / "广元市_2024.xlsx"
    fill(
        form,
        {
            "literacy_rate": 0.125,  # typed as 12.5% in Excel
            "tfkjy_workers": "120,000",
            "tfkjy_transactions": "1,234.5",
            "popsci_visits": " １８８.６ ",
            "standardized_societies": "31个",
            "key_industries_supported": 16.0,
            "new_workstations": "４",
            "political_study_coverage": "100%",
            "party_org_coverage": "96.8 %",
            "party_work_coverage": 100,
            "provincial_excellent_societies": "2",
            "cross_regional_conferences": 0,
            "core_journal_papers": "  58",
            "excellent_research_reports": "６",
            "workers_day_symposium": "√",
        },
        formats={"literacy_rate": "0.0%"},
        sources={"tfkjy_workers": "天府科技云后台导出 2024-12-31", "literacy_rate": " 抽样调查 "},
        notes={"party_org_coverage": "新成立学会尚在组建党组织"},
    )
    result = run(runner, "import", str(form))
    assert result.exit_code == 0, result.output
    assert (
        "reports/forms/2024/广元市_2024.xlsx → data/2024/广元市.yaml：已写入 15 项" in result.output
    )
    assert "  literacy_rate（公民具备科学素质的比例）：— → 12.5" in result.output
    written = sample / "data/2024/广元市.yaml"
    assert values_of(written) == {
        "literacy_rate": {"value": 12.5, "source": "抽样调查"},
        "tfkjy_workers": {"value": 120000, "source": "天府科技云后台导出 2024-12-31"},
        "tfkjy_transactions": 1234.5,
        "popsci_visits": 188.6,
        "standardized_societies": 31,
        "key_industries_supported": 16,
        "new_workstations": 4,
        "political_study_coverage": 100,
        "party_org_coverage": {"value": 96.8, "note": "新成立学会尚在组建党组织"},
        "party_work_coverage": 100,
        "provincial_excellent_societies": 2,
        "cross_regional_conferences": 0,
        "core_journal_papers": 58,
        "excellent_research_reports": 6,
        "workers_day_symposium": True,
    }
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# 由填报表 广元市_2024.xlsx 导入（kxplan import，")
    assert "enterprise_associations" not in text  # left empty: not reported
    assert run(runner, "validate", str(written)).exit_code == 0
    assert run(runner, "import", str(form)).output.startswith(
        "reports/forms/2024/广元市_2024.xlsx → data/2024/广元市.yaml：与已有数据相同，未改动"
    )


def test_untouched_forms_write_nothing(
    runner: CliRunner, sample: Path, template: TemplateRuns
) -> None:
    template("2024")
    before = snapshot(sample / "data")
    result = run(runner, "import", *sorted(str(p) for p in FORMS.iterdir()))
    assert result.exit_code == 0, result.output
    assert result.output.count("没有填写任何数值，未写入") == 8
    assert "共 8 份填报表：写入 0，未改动 0，待确认 0，空表 8，有误 0" in result.output
    assert snapshot(sample / "data") == before


def test_a_form_that_agrees_with_the_data_changes_nothing(
    runner: CliRunner, sample: Path, template: TemplateRuns
) -> None:
    template("2024", "--county", "利州区")
    form = fill(
        FORMS / "利州区_2024.xlsx",
        {"tfkjy_workers": "30,184", "spirit_lectures": 4, "home_of_workers": "是"},
        sources={"tfkjy_workers": "天府科技云后台导出 2024-12-31"},
    )
    before = snapshot(sample / "data")
    result = run(runner, "import", str(form))
    assert result.exit_code == 0
    assert "→ data/2024/利州区.yaml：与已有数据相同，未改动" in result.output
    assert snapshot(sample / "data") == before


def test_existing_data_is_never_changed_without_force(
    runner: CliRunner, sample: Path, template: TemplateRuns
) -> None:
    template("2024", "--county", "利州区")
    form = fill(FORMS / "利州区_2024.xlsx", {"spirit_lectures": 5, "tfkjy_workers": 31000})
    before = snapshot(sample / "data")
    result = run(runner, "import", str(form))
    assert result.exit_code == 2
    assert (
        "reports/forms/2024/利州区_2024.xlsx → data/2024/利州区.yaml：与已有数据不同，未覆盖"
        "（核对以下差异后，如需替换请加 --force）\n"
        "  tfkjy_workers（“天府科技云”注册科技工作者）：30184 → 31000\n"
        "  spirit_lectures（科学家精神宣讲报告会）：4 → 5\n"
    ) in result.output
    assert snapshot(sample / "data") == before

    dry = run(runner, "import", str(form), "--force", "--dry-run")
    assert dry.exit_code == 0
    assert "将写入 2 项（演习，未写入）" in dry.output and "（演习：未写入任何文件）" in dry.output
    assert snapshot(sample / "data") == before

    assert run(runner, "import", str(form), "--force").exit_code == 0
    path = sample / "data/2024/利州区.yaml"
    values = values_of(path)
    assert values["spirit_lectures"] == 5
    # an empty source or note cell keeps what the data file had
    assert values["tfkjy_workers"] == {
        "value": 31000,
        "source": "天府科技云后台导出 2024-12-31",
        "note": "含乡镇科协会员",
    }
    old = yaml.safe_load(before["2024/利州区.yaml"].decode())["values"]
    assert {k: v for k, v in values.items() if k not in ("spirit_lectures", "tfkjy_workers")} == {
        k: v for k, v in old.items() if k not in ("spirit_lectures", "tfkjy_workers")
    }
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# 示例数据（虚构，仅供演示）")  # the file's own comment stays
    assert lines[1].startswith("# 由填报表 利州区_2024.xlsx 导入（kxplan import，")
    assert run(runner, "validate").exit_code == 0


def test_mistakes_name_file_sheet_and_cell_and_nothing_is_written(
    runner: CliRunner, sample: Path, template: TemplateRuns
) -> None:
    template("2024")
    lizhou, qingchuan = FORMS / "利州区_2024.xlsx", FORMS / "青川县_2024.xlsx"
    rows = rows_by_id(lizhou)
    fill(
        lizhou,
        {
            "spirit_lectures": "约100",
            "typical_cases": "3-4",
            "demo_studios": "=SUM(1,2)",
            "popsci_demo_bases": -2,
            "enterprise_associations": 3.5,
            "home_of_workers": "已建成",
            "tfkjy_demo_sites": "12.5%",
        },
        sources={"workers_day_symposium": "会议纪要"},  # without a value: fine (missing data)
        cells={
            f"F{rows['rural_demo_villages']}": 2,  # typed into last year's column
            "L3": "备注：已核对",  # beside the form
        },
    )
    fill(qingchuan, {"spirit_lectures": 3, "typical_cases": "两个"})
    zhaohua = fill(FORMS / "昭化区_2024.xlsx", {"spirit_lectures": 9})
    before = snapshot(sample / "data")
    result = run(runner, "import", str(lizhou), str(qingchuan), str(zhaohua), "--force")
    assert result.exit_code == 3
    at = f"{lizhou}!填报表!"
    expected = [
        f"{at}L3: unknown-field: 此处不是填写位置（填了 “备注：已核对”）；本年数值请填在 G 列",
        f"{at}{cell(lizhou, 'home_of_workers')}: type-error: “已建成” 不是 是/否：请填 是 或 否",
        f"{at}{cell(lizhou, 'spirit_lectures')}: type-error: “约100” 不是确切的数值："
        "请填不小于 0 的整数，如 12",
        f"{at}{cell(lizhou, 'typical_cases')}: type-error: “3-4” 不是确切的数值："
        "请填不小于 0 的整数，如 12",
        f"{at}{cell(lizhou, 'demo_studios')}: type-error: 公式 =SUM(1,2) 没有计算结果；"
        "请在 Excel/WPS 中打开并保存，或直接填数字",
        f"{at}{cell(lizhou, 'tfkjy_demo_sites')}: type-error: “12.5%” 是百分数，"
        "但本指标不是百分比：请填不小于 0 的整数，如 12",
        f"{at}F{rows['rural_demo_villages']}: unknown-field: 受保护的单元格被改动"
        "（原为 “1”，现为 “2”）；本年数值请填在 G 列",
        f"{at}{cell(lizhou, 'popsci_demo_bases')}: out-of-range: popsci_demo_bases（科普示范基地）"
        "的值 -2 超出范围：请填不小于 0 的整数，如 12",
        f"{at}{cell(lizhou, 'enterprise_associations')}: type-error: enterprise_associations"
        "（企事业科协组织）的值 3.5 类型不对：请填不小于 0 的整数，如 12",
        f"{lizhou}：9 个问题，本表未导入",
        f"{qingchuan}!填报表!{cell(qingchuan, 'typical_cases')}: type-error: "
        "“两个” 不是确切的数值：请填不小于 0 的整数，如 12",
        f"{qingchuan}：1 个问题，本表未导入",
        f"{zhaohua} → data/2024/昭化区.yaml：已写入 1 项",
    ]
    lines = result.output.splitlines()
    for line in expected:
        assert line in lines, line
    assert [line for line in lines if ": " in line and "!" in line] == [
        line for line in expected if "!" in line
    ]  # in reading order, nothing else
    assert "Traceback" not in result.output
    after = snapshot(sample / "data")
    assert "2024/青川县.yaml" not in after
    assert after["2024/利州区.yaml"] == before["2024/利州区.yaml"]
    assert values_of(sample / "data/2024/昭化区.yaml")["spirit_lectures"] == 9


def test_rows_may_be_reordered(runner: CliRunner, sample: Path, template: TemplateRuns) -> None:
    import openpyxl

    template("2024", "--county", "青川县")
    form = FORMS / "青川县_2024.xlsx"
    rows = rows_by_id(form)
    book = openpyxl.load_workbook(form)
    sheet = book.worksheets[0]
    first, second = rows["spirit_lectures"], rows["demo_studios"]
    for column in range(1, layout.ID + 1):
        upper, lower = sheet.cell(first, column), sheet.cell(second, column)
        upper.value, lower.value = lower.value, upper.value
    book.save(form)
    assert rows_by_id(form)["spirit_lectures"] == second
    fill(form, {"spirit_lectures": 2, "demo_studios": 5})
    result = run(runner, "import", str(form))
    assert result.exit_code == 0, result.output
    assert values_of(sample / "data/2024/青川县.yaml") == {"spirit_lectures": 2, "demo_studios": 5}


def test_an_unknown_indicator_id(runner: CliRunner, sample: Path, template: TemplateRuns) -> None:
    template("2024", "--county", "青川县")
    form = FORMS / "青川县_2024.xlsx"
    row = rows_by_id(form)["spirit_lectures"]
    fill(form, {"typical_cases": 2}, cells={f"J{row}": "spirit_lecture", f"G{row}": 3})
    result = run(runner, "import", str(form))
    assert result.exit_code == 3
    assert (
        f"{form}!填报表!J{row}: unknown-indicator: 指标 “spirit_lecture” 不在本填报表中，"
        "是否为 “spirit_lectures”？"
    ) in result.output
    assert not (sample / "data/2024/青川县.yaml").exists()


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("昭化区_2024.xlsx", "unit-mismatch: 填报表是利州区的，但文件名表示昭化区"),
        ("利州区_2023.xlsx", "year-mismatch: 填报表是 2024 年的，但文件名表示 2023 年"),
        ("510811.xlsx", "unit-mismatch: 填报表是利州区的，但文件名表示昭化区（510811）"),
        ("510811_2024.xlsx", "unit-mismatch: 填报表是利州区的，但文件名表示昭化区（510811）"),
    ],
)
def test_a_form_renamed_for_another_unit_or_year(
    runner: CliRunner, sample: Path, template: TemplateRuns, name: str, line: str
) -> None:
    template("2024", "--county", "利州区")
    renamed = sample / name
    fill(FORMS / "利州区_2024.xlsx", {"spirit_lectures": 6}, out=renamed)
    before = snapshot(sample / "data")
    result = run(runner, "import", name, "--force")
    assert result.exit_code == 3
    assert f"{name}: {line}" in result.output
    assert snapshot(sample / "data") == before


@pytest.mark.parametrize(
    "name", ["510802.xlsx", "利州区_510802_2024.xlsx", "5108020.xlsx", "利州区（第2版）.xlsx"]
)
def test_a_form_named_by_its_own_code_or_other_numbers(
    runner: CliRunner, sample: Path, template: TemplateRuns, name: str
) -> None:
    template("2024", "--county", "利州区")
    fill(FORMS / "利州区_2024.xlsx", {"spirit_lectures": 6}, out=sample / name)
    result = run(runner, "import", name, "--force")
    assert result.exit_code == 0, result.output


def test_two_forms_of_one_unit_in_one_import(
    runner: CliRunner, sample: Path, template: TemplateRuns
) -> None:
    template("2024", "--county", "青川县")
    first = fill(FORMS / "青川县_2024.xlsx", {"spirit_lectures": 2}, out=sample / "a.xlsx")
    second = fill(FORMS / "青川县_2024.xlsx", {"spirit_lectures": 3}, out=sample / "b.xlsx")
    result = run(runner, "import", first.name, second.name)
    assert result.exit_code == 3
    assert (
        "a.xlsx: duplicate-key: 与 b.xlsx 是同一单位、同一年的填报表；请只导入其中一份"
        in result.output
    )
    assert "b.xlsx: duplicate-key: 与 a.xlsx 是同一单位、同一年的填报表" in result.output
    assert not (sample / "data/2024/青川县.yaml").exists()


def test_an_invalid_data_file_blocks_the_import(
    runner: CliRunner, sample: Path, template: TemplateRuns
) -> None:
    template("2024", "--county", "利州区")
    broken = sample / "data/2024/利州区.yaml"
    broken.write_text("unit: 利州区\nyear: 2024\nvalues:\n  spirit_lectures: many\n", "utf-8")
    form = fill(FORMS / "利州区_2024.xlsx", {"spirit_lectures": 6})
    result = run(runner, "import", str(form), "--force")
    assert result.exit_code == 3
    assert "data/2024/利州区.yaml:4:20: type-error:" in result.output
    assert (
        "已有数据文件 data/2024/利州区.yaml 有误，未导入；请先修正（kxplan validate"
        in result.output
    )
    assert "many" in broken.read_text(encoding="utf-8")


def test_a_form_of_another_plan(runner: CliRunner, sample: Path) -> None:
    other = sample / "other"
    write_yaml(
        other / "targets.yaml",
        plan_dict(
            {
                "id": "t",
                "indicator": "count_flow",
                "level": "county",
                "kind": "annual",
                "op": ">=",
                "threshold": 1,
            }
        ),
    )
    result = run(runner, "template", "2024", "--plan", str(other / "targets.yaml"), "-o", "o")
    assert result.exit_code == 0, result.output
    form = fill(sample / "o" / "乙区_2024.xlsx", {"count_flow": 3})
    result = run(runner, "import", str(form))
    assert result.exit_code == 3
    assert (
        "o/乙区_2024.xlsx!_kxplan: plan-error: 填报表属于规划 “test”，当前规划是 “guangyuan-kx-14”"
        in (result.output)
    )


def test_a_formula_with_its_computed_value_is_taken(
    runner: CliRunner, sample: Path, template: TemplateRuns
) -> None:
    template("2024", "--county", "青川县")
    form = fill(FORMS / "青川县_2024.xlsx", {"spirit_lectures": "=1+2"})
    rewrite_part(
        form,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b"<f>1+2</f><v /></c>", b"<f>1+2</f><v>3</v></c>"),
    )
    result = run(runner, "import", str(form))
    assert result.exit_code == 0, result.output
    assert values_of(sample / "data/2024/青川县.yaml") == {"spirit_lectures": 3}


def test_macros_are_plain_data(runner: CliRunner, sample: Path, template: TemplateRuns) -> None:
    """An .xlsm is read like an .xlsx: its values are taken, its macros never run."""
    import zipfile

    template("2024", "--county", "青川县")
    form = fill(FORMS / "青川县_2024.xlsx", {"spirit_lectures": 4}, out=sample / "青川县_2024.xlsm")
    with zipfile.ZipFile(form, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 Sub Workbook_Open() Shell ...")
    result = run(runner, "import", str(form.name))
    assert result.exit_code == 0, result.output
    assert values_of(sample / "data/2024/青川县.yaml") == {"spirit_lectures": 4}


def test_english(runner: CliRunner, sample: Path, template: TemplateRuns) -> None:
    template("2024", "--county", "青川县", "--lang", "en")
    form = fill(FORMS / "青川县_2024.xlsx", {"spirit_lectures": "about 3"})
    result = run(runner, "import", str(form), "--lang", "en")
    assert result.exit_code == 3
    assert (
        f"{form}!Form!{cell(form, 'spirit_lectures')}: type-error: "
        "“about 3” is not an exact value: type a whole number ≥ 0, e.g. 12"
    ) in result.output
    assert "1 form(s): 0 written, 0 unchanged, 0 to confirm, 0 empty, 1 invalid" in result.output


def test_differences_in_english(runner: CliRunner, sample: Path, template: TemplateRuns) -> None:
    template("2024", "--county", "利州区")
    form = fill(FORMS / "利州区_2024.xlsx", {"spirit_lectures": 5})
    result = run(runner, "import", str(form), "--lang", "en")
    assert result.exit_code == 2
    assert (
        f"{form} → data/2024/利州区.yaml: differs from the existing data; not overwritten "
        "(check the differences below, then use --force to replace it)\n"
    ) in result.output
    dry = run(runner, "import", str(form), "--lang", "en", "--dry-run", "--force")
    assert dry.output.rstrip().endswith("0 invalid (dry run: no file was written)")


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh", "kxplan: data/2025/剑阁县.yaml 已存在，未覆盖（如需替换请加 --force）"),
        ("en", "kxplan: data/2025/剑阁县.yaml exists; not overwritten (use --force to replace it)"),
    ],
)
def test_a_data_file_made_meanwhile_is_kept_and_said_so(
    runner: CliRunner,
    sample: Path,
    template: TemplateRuns,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    words: str,
) -> None:
    """Another import (or a person) writes the file between reading the forms and writing."""
    shutil.rmtree(sample / "data/2025")
    template("2025", "--county", "剑阁县")
    form = fill(Path("reports/forms/2025/剑阁县_2025.xlsx"), {"home_of_workers": "否"})

    def meanwhile(path: Path, text: str, *, overwrite: bool = False) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("unit: 剑阁县\n", encoding="utf-8")
        write_text_atomic(path, text, overwrite=overwrite)

    monkeypatch.setattr("kxplan.forms.store.write_text_atomic", meanwhile)
    result = run(runner, "import", str(form), "--lang", lang)
    assert result.exit_code == 2
    assert words in result.output
    assert (sample / "data/2025/剑阁县.yaml").read_text(encoding="utf-8") == "unit: 剑阁县\n"


def test_a_missing_file_is_a_usage_error(runner: CliRunner, sample: Path) -> None:
    result = run(runner, "import", "nowhere.xlsx")
    assert result.exit_code == 2
    assert "文件不存在：nowhere.xlsx" in result.output


def test_a_new_year_folder_is_made(runner: CliRunner, sample: Path, template: TemplateRuns) -> None:
    shutil.rmtree(sample / "data/2025")
    template("2025", "--county", "剑阁县")
    form = fill(Path("reports/forms/2025/剑阁县_2025.xlsx"), {"home_of_workers": "否"})
    assert run(runner, "import", str(form)).exit_code == 0
    assert values_of(sample / "data/2025/剑阁县.yaml") == {"home_of_workers": False}


def test_a_folder_of_forms(runner: CliRunner, sample: Path, template: TemplateRuns) -> None:
    template("2024")
    fill(FORMS / "青川县_2024.xlsx", {"spirit_lectures": 2})
    (FORMS / "~$青川县_2024.xlsx").write_bytes(b"\x00" * 165)  # Excel's lock file
    (FORMS / "readme.txt").write_text("forms of 2024", encoding="utf-8")
    result = run(runner, "import", str(FORMS))
    assert result.exit_code == 0, result.output
    assert "共 8 份填报表：写入 1，未改动 0，待确认 0，空表 7，有误 0" in result.output
    assert values_of(sample / "data/2024/青川县.yaml") == {"spirit_lectures": 2}


def test_an_indicator_the_plan_no_longer_has(
    runner: CliRunner, sample: Path, template: TemplateRuns
) -> None:
    template("2024", "--county", "青川县")
    form = fill(FORMS / "青川县_2024.xlsx", {"demo_studios": 3, "spirit_lectures": 2})
    plan = sample / "targets.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("demo_studios", "innovation_studios"), "utf-8"
    )
    result = run(runner, "import", str(form))
    assert result.exit_code == 3
    assert (
        f"{form}!填报表!J{rows_by_id(form)['demo_studios']}: unknown-indicator: "
        "规划中没有指标 “demo_studios”"
    ) in result.output
    assert not (sample / "data/2024/青川县.yaml").exists()


def test_a_data_file_named_by_code_keeps_its_name(
    runner: CliRunner, sample: Path, template: TemplateRuns
) -> None:
    by_code = sample / "data/2024/510802.yaml"
    (sample / "data/2024/利州区.yaml").rename(by_code)
    template("2024", "--county", "利州区")
    form = fill(FORMS / "利州区_2024.xlsx", {"spirit_lectures": 7})
    result = run(runner, "import", str(form), "--force")
    assert result.exit_code == 0, result.output
    assert "→ data/2024/510802.yaml：已写入 1 项" in result.output
    assert not (sample / "data/2024/利州区.yaml").exists()
    assert values_of(by_code)["spirit_lectures"] == 7


def test_import_into_a_data_repository_keeps_the_schema_line(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    assert run(runner, "init", str(repo)).exit_code == 0
    monkeypatch.chdir(repo)
    assert run(runner, "template", "2021", "--county", "剑阁县").exit_code == 0
    form = fill(Path("reports/forms/2021/剑阁县_2021.xlsx"), {"spirit_lectures": 3})
    assert run(runner, "import", str(form)).exit_code == 0
    lines = (repo / "data/2021/剑阁县.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../schema.json"
    assert sum("yaml-language-server" in line for line in lines) == 1
    # importing again over a file that has the line keeps exactly one
    form = fill(form, {"spirit_lectures": 4})
    assert run(runner, "import", str(form), "--force").exit_code == 0
    again = (repo / "data/2021/剑阁县.yaml").read_text(encoding="utf-8").splitlines()
    assert again[0] == lines[0] and sum("yaml-language-server" in line for line in again) == 1
    assert values_of(repo / "data/2021/剑阁县.yaml") == {"spirit_lectures": 4}


def test_a_formula_in_a_source_or_note_cell_is_told_to_be_text(
    runner: CliRunner, sample: Path, template: TemplateRuns
) -> None:
    """`=见附件` typed in Excel is a formula whose result is #NAME?, not the text “=见附件”."""
    template("2024", "--county", "青川县")
    form = fill(
        FORMS / "青川县_2024.xlsx",
        {"spirit_lectures": 3, "demo_studios": "=约3"},
        sources={"spirit_lectures": "=见附件"},
        notes={"spirit_lectures": "=补报"},
    )
    source, value = cell(form, "spirit_lectures", "source"), cell(form, "demo_studios")

    def as_excel_saves_it(xml: bytes) -> bytes:
        for where in (source, value):
            xml = re.sub(
                rf'(<c r="{where}"[^>]*)(><f>[^<]*</f>)<v ?/>'.encode(),
                rb'\1 t="e"\2<v>#NAME?</v>',
                xml,
            )
        return xml

    rewrite_part(form, "xl/worksheets/sheet1.xml", as_excel_saves_it)
    note = cell(form, "spirit_lectures", "note")
    at = f"{form}!填报表!"
    result = run(runner, "import", str(form))
    assert result.exit_code == 3
    lines = result.output.splitlines()
    assert lines[:3] == [
        f"{at}{source}: type-error: 这里是公式 =见附件，不是文字：数据来源和备注请直接输入文字，"
        "开头不要用 “=”",
        f"{at}{note}: type-error: 这里是公式 =补报，不是文字：数据来源和备注请直接输入文字，"
        "开头不要用 “=”",
        f"{at}{value}: type-error: 公式 =约3 的结果是错误值 #NAME?：请填不小于 0 的整数，如 12",
    ]
    english = run(runner, "import", str(form), "--lang", "en").output.splitlines()
    assert english[1] == (
        f"{form}!填报表!{note}: type-error: this is the formula =补报, not text: type sources and "
        "notes as plain text, without a leading “=”"
    )
    assert not (sample / "data/2024/青川县.yaml").exists()


def test_a_fraction_for_a_percentage_names_its_cell(
    runner: CliRunner, sample: Path, template: TemplateRuns
) -> None:
    (sample / "data/2024/广元市.yaml").unlink()
    template("2024", "--county", "广元市")
    form = fill(
        FORMS / "广元市_2024.xlsx",
        {"literacy_rate": 0.995, "party_org_coverage": 0.968, "party_work_coverage": 1},
        formats={"party_org_coverage": "0.0%"},
    )
    result = run(runner, "import", str(form))
    assert result.exit_code == 3
    assert result.output.splitlines()[0] == (
        f"{form}!填报表!{cell(form, 'literacy_rate')}: type-error: “0.995” 是 99.5% 还是 0.995%？"
        "请填 99.5 或 99.5%（如确为 0.995%，请填 0.995%）"
    )
    # 1 for a coverage may be 100% as a fraction: not guessed either
    assert result.output.splitlines()[1] == (
        f"{form}!填报表!{cell(form, 'party_work_coverage')}: type-error: “1” 是 100% 还是 1%？"
        "请填 100 或 100%（如确为 1%，请填 1%）"
    )
    assert f"{form}：2 个问题，本表未导入" in result.output
    assert not (sample / "data/2024/广元市.yaml").exists()


def test_a_source_or_note_without_a_value_is_taken_as_in_a_data_file(
    runner: CliRunner, sample: Path, template: TemplateRuns
) -> None:
    """SPEC §5: an empty value is missing data, not an error; `{source: x}` passes validate."""
    template("2024", "--county", "苍溪县")
    form = fill(
        FORMS / "苍溪县_2024.xlsx",
        {},
        sources={"spirit_lectures": "会议纪要", "workers_day_symposium": "会议纪要"},
        notes={"typical_cases": "待市科协认定后补报"},
    )
    path = sample / "data/2024/苍溪县.yaml"
    old = values_of(path)
    assert "typical_cases" not in old and old["spirit_lectures"] == 3
    result = run(runner, "import", str(form), "--force")
    assert result.exit_code == 0, result.output
    assert "  typical_cases.note（“科技服务”“科技成果交易”典型案例）：— → “待市科协认定后补报”" in (
        result.output
    )
    values = values_of(path)
    assert values["typical_cases"] == {"value": None, "note": "待市科协认定后补报"}
    assert values["spirit_lectures"] == {"value": 3, "source": "会议纪要"}  # the value stays
    assert values["workers_day_symposium"] == {
        "value": old["workers_day_symposium"],
        "source": "会议纪要",
    }
    assert run(runner, "validate", str(path)).exit_code == 0
    check = run(runner, "check", "2024", "--county", "苍溪县", "--format", "json")
    statuses = {r["target"]: r["status"] for r in json.loads(check.output)["results"]}
    assert statuses["typical_cases"] == "missing"


CANGXI = """\
# 示例数据（虚构，仅供演示）
# 数据由 kxplan import 从填报表写入，请勿手改
# 由填报表 苍溪县_2023.xlsx 导入（kxplan import，2024-01-10T09:00:00+08:00）
unit: 苍溪县   # 县区名称
year: 2024
values:
  tfkjy_workers:
    value: 14982  # 年末数
    # 后台导出
    source: 天府科技云后台导出 2024-12-31
  home_of_workers: true  # 2023 年建成
  spirit_lectures: 3  # 含线上一场
  # typical_cases：待市科协认定后补报
  demo_studios: 3
  popsci_demo_bases:
    value: 3
    note:  # 待补：基地名单
# 以上数据经县科协审核
"""


def test_comments_of_a_data_file_stay_by_their_keys(
    runner: CliRunner, sample: Path, template: TemplateRuns
) -> None:
    """A comment above a key, or after a value on its line, keeps its place in the new file."""
    path = sample / "data/2024/苍溪县.yaml"
    path.write_text(CANGXI, encoding="utf-8")
    template("2024", "--county", "苍溪县")
    form = fill(
        FORMS / "苍溪县_2024.xlsx",
        {"typical_cases": 2, "spirit_lectures": 4, "tfkjy_workers": 15000},
        sources={"spirit_lectures": "会议纪要"},
    )
    result = run(runner, "import", str(form), "--force")
    assert result.exit_code == 0, result.output
    assert "注释" not in result.output  # none is lost, so none is named
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[2].startswith("# 由填报表 苍溪县_2024.xlsx 导入（kxplan import，")
    assert [line for i, line in enumerate(lines) if i != 2] == [
        "# 示例数据（虚构，仅供演示）",
        "# 数据由 kxplan import 从填报表写入，请勿手改",  # not the import line: a person's
        "unit: 苍溪县  # 县区名称",
        "year: 2024",
        "values:",
        "  tfkjy_workers:",
        "    value: 15000  # 年末数",
        "    # 后台导出",
        "    source: 天府科技云后台导出 2024-12-31",
        "  home_of_workers: true  # 2023 年建成",
        "  spirit_lectures:  # 含线上一场",
        "    value: 4",
        "    source: 会议纪要",
        "  typical_cases: 2",
        "  # typical_cases：待市科协认定后补报",
        "  demo_studios: 3",
        "  popsci_demo_bases:",
        "    value: 3",
        "    note:  # 待补：基地名单",
        "# 以上数据经县科协审核",
    ]
    assert run(runner, "validate", str(path)).exit_code == 0


def test_a_comment_that_cannot_be_kept_is_named_before_writing(
    runner: CliRunner, sample: Path, template: TemplateRuns
) -> None:
    path = sample / "data/2024/苍溪县.yaml"
    text = CANGXI.replace("  demo_studios: 3\n", "  demo_studios:\n    # 线上线下合计\n    3\n")
    path.write_text(text, encoding="utf-8")
    template("2024", "--county", "苍溪县")
    form = fill(FORMS / "苍溪县_2024.xlsx", {"spirit_lectures": 4})
    before = snapshot(sample / "data")
    result = run(runner, "import", str(form))
    assert result.exit_code == 2
    assert result.output.splitlines()[:3] == [
        f"{form} → data/2024/苍溪县.yaml：与已有数据不同，未覆盖"
        "（核对以下差异后，如需替换请加 --force）",
        "  spirit_lectures（科学家精神宣讲报告会）：3 → 4",
        "  注释无法保留（原第 15 行）：# 线上线下合计",
    ]
    assert snapshot(sample / "data") == before
    dry = run(runner, "import", str(form), "--force", "--dry-run", "--lang", "en")
    assert "  comment not kept (line 15): # 线上线下合计" in dry.output.splitlines()
    assert snapshot(sample / "data") == before
    forced = run(runner, "import", str(form), "--force")
    assert forced.exit_code == 0
    assert "  注释无法保留（原第 15 行）：# 线上线下合计" in forced.output.splitlines()
    written = path.read_text(encoding="utf-8")
    assert "线上线下合计" not in written and "# 年末数" in written


def test_filling_the_empty_files_of_init_needs_no_force(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    assert run(runner, "init", str(repo)).exit_code == 0
    monkeypatch.chdir(repo)
    path = repo / "data/2020/剑阁县.yaml"
    empty = path.read_text(encoding="utf-8")
    assert run(runner, "template", "2020", "--county", "剑阁县").exit_code == 0
    form = fill(
        Path("reports/forms/2020/剑阁县_2020.xlsx"),
        {"spirit_lectures": 3},
        sources={"spirit_lectures": "县科协台账"},
    )
    result = run(runner, "import", str(form))
    assert result.exit_code == 0, result.output
    assert "→ data/2020/剑阁县.yaml：已写入 1 项" in result.output
    assert "  spirit_lectures（科学家精神宣讲报告会）：— → 3\n" in result.output
    assert values_of(path)["spirit_lectures"] == {"value": 3, "source": "县科协台账"}
    # every other indicator stays as init left it: present and empty
    left_empty = {key for key, value in values_of(path).items() if value is None}
    init_empty = set(yaml.safe_load(empty)["values"])
    assert left_empty == init_empty - {"spirit_lectures"} and len(left_empty) > 5
    # a value the file now has is changed only with --force
    before = path.read_bytes()
    form = fill(form, {"spirit_lectures": 4})
    result = run(runner, "import", str(form))
    assert result.exit_code == 2
    assert "spirit_lectures（科学家精神宣讲报告会）：3 → 4" in result.output
    assert path.read_bytes() == before


def test_an_over_precise_figure_is_refused_at_its_cell(
    runner: CliRunner, sample: Path, template: TemplateRuns
) -> None:
    """Too many digits are said of the form's cell, with the data loader's words; the data
    file, valid and untouched, is not blamed."""
    template("2024", "--county", "广元市")
    form = fill(
        FORMS / "广元市_2024.xlsx",
        {
            "literacy_rate": 14.2345678,
            "popsci_visits": "188.1234567",
            "tfkjy_transactions": "99.999999999999999",  # a float would read it as 100
            "party_org_coverage": "150%",  # out of range: one problem for the cell, not two
        },
    )
    before = snapshot(sample / "data")
    result = run(runner, "import", str(form))
    assert result.exit_code == 3
    at = f"{form}!填报表!"
    too_many = "位数太多：最多 6 位小数、15 位有效数字（多出的位数无法准确判定）"
    lines = result.output.splitlines()
    assert lines[:3] == [
        f"{at}{cell(form, 'literacy_rate')}: out-of-range: literacy_rate（公民具备科学素质的比例）"
        f"的值 14.2345678 {too_many}",
        f"{at}{cell(form, 'tfkjy_transactions')}: out-of-range: tfkjy_transactions"
        f"（科技成果转化、高新技术推广和科技服务交易额）的值 99.999999999999999 {too_many}",
        f"{at}{cell(form, 'popsci_visits')}: out-of-range: popsci_visits（智慧直达科普服务人次）"
        f"的值 188.1234567 {too_many}",
    ]
    assert f"{at}{cell(form, 'party_org_coverage')}: out-of-range:" in lines[3]
    assert f"{form}：4 个问题，本表未导入" in lines
    assert "已有数据文件" not in result.output
    assert snapshot(sample / "data") == before


def test_excel_float_noise_is_rounded_away(
    runner: CliRunner, sample: Path, template: TemplateRuns
) -> None:
    (sample / "data/2024/广元市.yaml").unlink()
    template("2024", "--county", "广元市")
    # what Excel saves for =0.968*100 and =0.1+0.2
    form = fill(
        FORMS / "广元市_2024.xlsx",
        {"party_org_coverage": 96.80000000000001, "tfkjy_transactions": 0.30000000000000004},
    )
    result = run(runner, "import", str(form))
    assert result.exit_code == 0, result.output
    assert values_of(sample / "data/2024/广元市.yaml") == {
        "tfkjy_transactions": 0.3,
        "party_org_coverage": 96.8,
    }


def test_a_data_file_text_that_fails_its_check_is_not_blamed_on_the_existing_file(
    runner: CliRunner, sample: Path, template: TemplateRuns, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the text made from a form ever fail the data file check (a bug), it is said so,
    not that the existing data file is invalid."""
    from kxplan.forms import merge
    from kxplan.model.problems import Problem, ProblemCode

    def failing(text: str, name: str, year: int, display: str, checker: Any) -> list[Problem]:
        return [Problem(display, 5, 3, ProblemCode.TYPE_ERROR, "坏")]

    monkeypatch.setattr(merge, "_recheck", failing)
    template("2024", "--county", "青川县")
    form = fill(FORMS / "青川县_2024.xlsx", {"spirit_lectures": 2})
    result = run(runner, "import", str(form))
    assert result.exit_code == 3
    assert result.output.splitlines()[:2] == [
        "data/2024/青川县.yaml:5:3: type-error: 坏",
        f"{form} → data/2024/青川县.yaml：由填报表生成的数据文件未通过检查（见上），未写入；"
        "这是 kxplan 的缺陷，请连同填报表一并报告",
    ]
    assert "已有数据文件" not in result.output
    assert not (sample / "data/2024/青川县.yaml").exists()


def test_a_value_from_another_workbook_is_refused(
    runner: CliRunner, sample: Path, template: TemplateRuns
) -> None:
    """`=[1]S!A1` shows what the linked workbook held when last opened: not checkable here."""
    template("2024", "--county", "青川县")
    form = fill(
        FORMS / "青川县_2024.xlsx",
        {"spirit_lectures": "=[1]S!A1", "demo_studios": "=Table1[Col]"},
        sources={"spirit_lectures": "='[2]来源 表'!B3"},
    )
    rewrite_part(
        form,
        "xl/worksheets/sheet1.xml",
        lambda xml: (
            xml.replace(b"<f>[1]S!A1</f><v />", b"<f>[1]S!A1</f><v>31</v>")
            .replace(b"B3</f><v />", b"B3</f><v>7</v>")
            .replace(b"<f>Table1[Col]</f><v />", b"<f>Table1[Col]</f><v>4</v>")
        ),
    )
    result = run(runner, "import", str(form))
    assert result.exit_code == 3
    at = f"{form}!填报表!"
    assert result.output.splitlines()[:2] == [
        f"{at}{cell(form, 'spirit_lectures')}: type-error: 公式 =[1]S!A1 取自另一个工作簿"
        "（外部链接），其数值无法核对；请直接填写数值或文字",
        f"{at}{cell(form, 'spirit_lectures', 'source')}: type-error: 公式 ='[2]来源 表'!B3 "
        "取自另一个工作簿（外部链接），其数值无法核对；请直接填写数值或文字",
    ]
    assert f"{form}：2 个问题，本表未导入" in result.output  # a table reference is not a link
    assert not (sample / "data/2024/青川县.yaml").exists()


def test_the_problems_listed_are_capped_per_form(
    runner: CliRunner, sample: Path, template: TemplateRuns
) -> None:
    template("2024", "--county", "青川县")
    junk = {f"A{row}": "x" for row in range(21, 1001)}
    form = fill(FORMS / "青川县_2024.xlsx", {}, cells=junk)
    result = run(runner, "import", str(form))
    assert result.exit_code == 3
    lines = result.output.splitlines()
    assert [line for line in lines if "unknown-field" in line] == [
        f"{form}!填报表!A{row}: unknown-field: 此处不是填写位置（填了 “x”）；本年数值请填在 G 列"
        for row in range(21, 71)
    ]
    assert "…还有 930 个问题未列出" in lines
    assert f"{form}：980 个问题，本表未导入" in lines
    english = run(runner, "import", str(form), "--lang", "en")
    assert "… and 930 more" in english.output.splitlines()


def test_a_folder_of_forms_in_subfolders(
    runner: CliRunner, sample: Path, template: TemplateRuns
) -> None:
    """Forms returned by e-mail are often saved one folder a county: subfolders are read; lock
    files and hidden folders are not."""
    template("2024", "--county", "青川县")
    template("2024", "--county", "剑阁县")
    returned = sample / "returned"
    fill(FORMS / "青川县_2024.xlsx", {"spirit_lectures": 2}, out=_made(returned / "青川县"))
    fill(FORMS / "剑阁县_2024.xlsx", {"spirit_lectures": 4}, out=_made(returned / "b/c/剑阁县"))
    (returned / "青川县/~$青川县_2024.xlsx").write_bytes(b"\x00" * 165)
    (_made(returned / ".git/x").parent / "old.xlsx").write_bytes(b"junk")
    (returned / "b/._剑阁县_2024.xlsx").write_bytes(b"junk")  # macOS's resource copy
    result = run(runner, "import", "returned", "--force")
    assert result.exit_code == 0, result.output
    assert "共 2 份填报表：写入 2，未改动 0，待确认 0，空表 0，有误 0" in result.output
    assert values_of(sample / "data/2024/青川县.yaml") == {"spirit_lectures": 2}
    assert values_of(sample / "data/2024/剑阁县.yaml")["spirit_lectures"] == 4


def _made(stem: Path) -> Path:
    """`stem`'s folder made; the path of a 2024 form in it."""
    stem.mkdir(parents=True, exist_ok=True)
    return stem / f"{stem.name}_2024.xlsx"


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh", "empty 中没有填报表（.xlsx、.xlsm 文件，含子文件夹）"),
        ("en", "no forms (.xlsx or .xlsm files, subfolders included) in empty"),
    ],
)
def test_a_folder_without_forms_is_a_usage_error(
    runner: CliRunner, sample: Path, lang: str, words: str
) -> None:
    (sample / "empty/sub").mkdir(parents=True)
    (sample / "empty/sub/notes.txt").write_text("x", encoding="utf-8")
    result = run(runner, "import", "empty", "--lang", lang)
    assert result.exit_code == 2
    assert words in result.output


def test_out_of_range_in_a_form_says_what_to_type_in_a_form(
    runner: CliRunner, sample: Path, template: TemplateRuns
) -> None:
    """A data file's percentage is written without %; a form's may have one."""
    template("2024", "--county", "广元市")
    form = fill(FORMS / "广元市_2024.xlsx", {"party_org_coverage": "150%"})
    lines = run(runner, "import", str(form)).output.splitlines()
    assert lines[0] == (
        f"{form}!填报表!{cell(form, 'party_org_coverage')}: out-of-range: party_org_coverage"
        "（学会党组织覆盖率）的值 150 超出范围：请填 0–100 之间的百分数，如 12.5 或 12.5%"
    )
    english = run(runner, "import", str(form), "--lang", "en").output.splitlines()
    assert english[0].endswith(
        "is out of range: type a percentage from 0 to 100, e.g. 12.5 or 12.5%"
    )


def test_true_in_a_note_is_written_as_the_cell_shows_it(
    runner: CliRunner, sample: Path, template: TemplateRuns
) -> None:
    template("2024", "--county", "青川县")
    form = fill(FORMS / "青川县_2024.xlsx", {"spirit_lectures": 2}, notes={"spirit_lectures": True})
    assert run(runner, "import", str(form)).exit_code == 0
    assert values_of(sample / "data/2024/青川县.yaml")["spirit_lectures"] == {
        "value": 2,
        "note": "TRUE",
    }


@pytest.mark.parametrize(
    ("typed", "written", "code"),
    [(0.00000005, None, 3), (0.000001, "tfkjy_transactions: 0.000001", 0)],
)
def test_tiny_numbers_are_judged_and_written_positionally(
    runner: CliRunner,
    sample: Path,
    template: TemplateRuns,
    typed: float,
    written: str | None,
    code: int,
) -> None:
    """repr() writes 5e-08 and 1e-06, which YAML reads back as text: 5e-08 has too many
    decimals (refused at its cell), 1e-06 is written as 0.000001 and read back as a number."""
    (sample / "data/2024/广元市.yaml").unlink()
    template("2024", "--county", "广元市")
    form = fill(FORMS / "广元市_2024.xlsx", {"tfkjy_transactions": typed})
    result = run(runner, "import", str(form))
    assert result.exit_code == code, result.output
    if written is None:
        assert f"{cell(form, 'tfkjy_transactions')}: out-of-range:" in result.output
        assert "位数太多" in result.output and "缺陷" not in result.output
    else:
        path = sample / "data/2024/广元市.yaml"
        assert written in path.read_text(encoding="utf-8")
        assert values_of(path)["tfkjy_transactions"] == typed
