"""Forged or damaged cells and hidden records: a problem named at its cell, never a crash, and
the other forms of the import go ahead."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
import yaml
from typer.testing import CliRunner

from conftest import run
from formhelpers import TemplateRuns, copy_project, fill, new_sample, replace_cell, snapshot
from kxplan.forms import cellxml, layout

FORMS = Path("reports/forms/2024")
FORM = FORMS / "青川县_2024.xlsx"  # G5: tfkjy_workers (a count), H5 its source, I5 its note
BIG = "1" * 4400  # more digits than Python converts to an int


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory, template: TemplateRuns) -> Path:
    """The sample project with its 2024 forms, 青川县's and 利州区's filled."""
    with new_sample(tmp_path_factory) as folder:
        template("2024")
        fill(FORM, {"spirit_lectures": 3})
        fill(FORMS / "利州区_2024.xlsx", {"spirit_lectures": 6})
    return folder


@pytest.fixture
def sample(made: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(copy_project(made, tmp_path))
    return tmp_path


def imported(runner: CliRunner, sample: Path, *args: str) -> str:
    """Import `args` with the good 利州区 form: the forged form fails at its cells (exit 3, no
    traceback), and the other form is still written."""
    good = sample / "data/2024/利州区.yaml"
    result = run(runner, "import", *args, str(FORMS / "利州区_2024.xlsx"), "--force")
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output and "内部错误" not in result.output
    assert yaml.safe_load(good.read_text(encoding="utf-8"))["values"]["spirit_lectures"] == 6
    return str(result.output)


def forged(sample: Path, where: str, xml: str, *, sheet: int = 1) -> Path:
    return replace_cell(FORM, where, xml, out=sample / "青川县_2024_forged.xlsx", sheet=sheet)


DAMAGED = "encoding: 单元格已损坏："
AGAIN = "；请在 Excel/WPS 中重新填写此单元格后保存"


@pytest.mark.parametrize(
    ("xml", "what"),
    [
        ('<c r="G5" t="n"><v>1.0.0</v></c>', "“1.0.0” 不是数字"),
        ('<c r="G5"><v>1_000</v></c>', "“1_000” 不是数字"),  # Python reads it as 1000
        ('<c r="G5" t="s"><v>99</v></c>', "共享文字编号 “99” 不存在"),
        ('<c r="G5" t="s"><v>-1</v></c>', "共享文字编号 “-1” 不存在"),  # would be the last one
        ('<c r="G5" s="999"><v>5</v></c>', "格式编号 “999” 不存在"),
        ('<c r="G5" s="-1"><v>5</v></c>', "格式编号 “-1” 不存在"),
        ('<c r="G5" t="d"><v>2024-13-45</v></c>', "日期 “2024-13-45” 无效"),
        ('<c r="G5" t="b"><v>true</v></c>', "“true” 不是逻辑值（0 或 1）"),
        ('<c r="G5" t="x"><v>5</v></c>', "类型 “x” 未知"),
        ('<c r="G5" t="inlineStr"><is><t>a&#1;b</t></is></c>', "XML 无效（reference to invalid"),
        ('<c r="G5" t="inlineStr"><is><t>a\x01b</t></is></c>', "XML 无效（not well-formed"),
        (
            '<c r="G5" t="inlineStr"><is><r><rPr><sz val="x"/></rPr><t>5</t></r></is></c>',
            "带格式的文字无效",
        ),
        ('<c r="G5"><v>5</v></c><c r="G5"><v>6</v></c>', "同一单元格出现两次"),
    ],
)
def test_damaged_cell_xml_is_named_by_sheet_and_cell(
    runner: CliRunner, sample: Path, xml: str, what: str
) -> None:
    path = forged(sample, "G5", xml)
    before = snapshot(sample / "data/2024")
    output = imported(runner, sample, str(path))
    assert f"{path}!填报表!G5: {DAMAGED}{what}" in output
    assert AGAIN in output
    assert f"{path}：1 个问题，本表未导入" in output
    assert {k: v for k, v in snapshot(sample / "data/2024").items() if "利州区" not in k} == {
        k: v for k, v in before.items() if "利州区" not in k
    }


def test_a_cell_with_a_bad_address_is_named_by_it(runner: CliRunner, sample: Path) -> None:
    path = forged(sample, "G5", '<c r="A-1"><v>5</v></c>')
    output = imported(runner, sample, str(path))
    assert f"{path}!填报表!A-1: {DAMAGED}地址 “A-1” 无效" in output


def test_every_damaged_cell_is_named_at_once(runner: CliRunner, sample: Path) -> None:
    path = forged(sample, "G5", '<c r="G5"><v>1.0.0</v></c>')
    replace_cell(path, "B2", '<c r="B2" t="s"><v>7</v></c>', out=path, sheet=2)  # the record
    lines = imported(runner, sample, str(path)).splitlines()
    assert f"{path}!_kxplan!B2: {DAMAGED}共享文字编号 “7” 不存在{AGAIN}" in lines
    assert f"{path}!填报表!G5: {DAMAGED}“1.0.0” 不是数字{AGAIN}" in lines
    assert f"{path}：2 个问题，本表未导入" in lines


def test_damaged_cells_are_listed_up_to_a_limit(
    runner: CliRunner, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A forged sheet of 700,000 damaged cells must not take minutes and gigabytes to list."""
    monkeypatch.setattr(cellxml, "MAX_FAULTS", 5)
    path = forged(sample, "G5", '<c r="G5"><v>1.0.0</v></c>')
    replace_cell(path, "G6", '<c r="G6"><v>1.0.0</v></c>', out=path)
    for where in ("H5", "I5", "H6", "H7"):
        replace_cell(path, where, f'<c r="{where}" t="s"><v>9</v></c>', out=path)
    lines = imported(runner, sample, str(path)).splitlines()
    stopped = "encoding: 损坏的单元格过多，其余未再检查；请重新生成填报表"
    first = lines.index(f"{path}!填报表: {stopped}")
    assert lines[first + 1 : first + 6] == [
        f"{path}!填报表!G5: {DAMAGED}“1.0.0” 不是数字{AGAIN}",
        f"{path}!填报表!H5: {DAMAGED}共享文字编号 “9” 不存在{AGAIN}",
        f"{path}!填报表!I5: {DAMAGED}共享文字编号 “9” 不存在{AGAIN}",
        f"{path}!填报表!G6: {DAMAGED}“1.0.0” 不是数字{AGAIN}",
        f"{path}!填报表!H6: {DAMAGED}共享文字编号 “9” 不存在{AGAIN}",
    ]
    assert f"{path}：6 个问题，本表未导入" in lines


def test_damaged_cell_xml_in_english(runner: CliRunner, sample: Path) -> None:
    path = forged(sample, "H5", '<c r="H5" t="s"><v>3</v></c>')
    result = run(runner, "import", str(path), "--lang", "en")
    assert result.exit_code == 3
    assert (
        f"{path}!填报表!H5: encoding: the cell is damaged: shared string “3” does not exist; "
        "type it again in Excel/WPS and save"
    ) in result.output


@pytest.mark.parametrize(
    ("xml", "words"),
    [
        (f'<c r="G5"><v>{BIG}</v></c>', "数字 “1111111111111111111111111111111111111111111111"),
        (
            f'<c r="G5" t="inlineStr"><is><t>{BIG}</t></is></c>',
            "“1111111111111111111111111111111111111111111111",
        ),
        ('<c r="G5"><v>1E999</v></c>', "“1E999” 位数过多，不是实际数值：请填不小于 0 的整数"),
        ('<c r="G5"><v>-1E999</v></c>', "“-1E999” 位数过多，不是实际数值：请填不小于 0 的整数"),
        ('<c r="G5"><v>1e-400</v></c>', "“1e-400” 位数过多，不是实际数值：请填不小于 0 的整数"),
        (
            f'<c r="G5" t="inlineStr"><is><t>{"9" * 400}.5</t></is></c>',
            "位数过多，不是实际数值：请填不小于 0 的整数",
        ),
        (f'<c r="G5"><v>{"1" * 400}</v></c>', "的值 111111111111… 太大（超过 10¹²）"),
    ],
)
def test_a_huge_number_is_a_problem_at_its_cell_and_the_batch_goes_on(
    runner: CliRunner, sample: Path, xml: str, words: str
) -> None:
    path = forged(sample, "G5", xml)
    output = imported(runner, sample, str(path))
    assert f"{path}!填报表!G5: out-of-range: " in output
    assert words in output
    assert "inf" not in output
    assert f"{path}：1 个问题，本表未导入" in output


def test_a_number_cell_in_a_source_or_note_keeps_its_text(runner: CliRunner, sample: Path) -> None:
    """Python would read these as inf (and `1e-400` as 0): the text is kept as the cell has it."""
    long = "1" * 400 + ".5"
    path = forged(sample, "H5", '<c r="H5"><v>-1E999</v></c>')
    replace_cell(path, "I5", f'<c r="I5"><v>{long}</v></c>', out=path)
    replace_cell(path, "H7", '<c r="H7"><v>1e-400</v></c>', out=path)
    replace_cell(path, "G5", '<c r="G5"><v>5000</v></c>', out=path)
    result = run(runner, "import", str(path))
    assert result.exit_code == 0, result.output
    values = yaml.safe_load((sample / "data/2024/青川县.yaml").read_text(encoding="utf-8"))
    assert values["values"]["tfkjy_workers"] == {"value": 5000, "source": "-1E999", "note": long}
    assert values["values"]["spirit_lectures"] == {"value": 3, "source": "1e-400"}


def test_a_source_yaml_would_read_as_a_bad_date_is_written_as_text(
    runner: CliRunner, sample: Path
) -> None:
    """`2024-13-45` unquoted is a timestamp to YAML, and not a valid one."""
    path = fill(FORM, {"tfkjy_workers": 5000}, sources={"tfkjy_workers": "2024-13-45"})
    result = run(runner, "import", str(path))
    assert result.exit_code == 0, result.output
    text = (sample / "data/2024/青川县.yaml").read_text(encoding="utf-8")
    assert 'source: "2024-13-45"' in text


def record(sample: Path, change: dict[str, str], *, add: list[list[object]] | None = None) -> Path:
    """The 青川县 form with its hidden record edited (keys set to new values, rows added)."""
    book = openpyxl.load_workbook(FORM)
    sheet = book[layout.META_SHEET]
    for row in sheet.iter_rows():
        if row[0].value in change:
            row[1].value = change[str(row[0].value)]
    for values in add or []:
        sheet.append(values)
    path = sample / "forged.xlsx"
    book.save(path)
    return path


def test_a_second_key_in_the_hidden_record_is_refused(runner: CliRunner, sample: Path) -> None:
    path = record(sample, {}, add=[["unit_code", "510811"]])
    output = imported(runner, sample, str(path))
    assert f"{path}!_kxplan: missing-field: 填报表的隐藏记录已损坏（unit_code）" in output


def test_a_second_row_of_an_indicator_in_the_hidden_record_is_refused(
    runner: CliRunner, sample: Path
) -> None:
    path = record(sample, {}, add=[["row", "spirit_lectures", 3, "x"]])
    output = imported(runner, sample, str(path))
    assert f"{path}!_kxplan: missing-field: 填报表的隐藏记录已损坏（row spirit_lectures）" in output


@pytest.mark.parametrize(
    ("change", "name", "words"),
    [
        (
            {"unit_code": "510811"},
            "510811.xlsx",
            "隐藏记录中的单位 “青川县” 与单位代码 510811（昭化区）不符",
        ),
        (
            {"unit_code": "510811"},
            "forged.xlsx",
            "隐藏记录中的单位 “青川县” 与单位代码 510811（昭化区）不符",
        ),
        (
            {"unit_code": "昭化区", "unit": "昭化区"},
            "forged.xlsx",
            "隐藏记录中的单位代码 “昭化区” 不是单位代码",
        ),
        (
            {"unit_code": "510811", "unit": "昭化区"},
            "510811.xlsx",
            "隐藏记录是昭化区（510811）的，但表头是 “青川县 2024 年度数据填报表”",
        ),
    ],
)
def test_a_hidden_record_that_contradicts_itself_is_refused(
    runner: CliRunner, sample: Path, change: dict[str, str], name: str, words: str
) -> None:
    """A 苍溪县 form, its record forged for 昭化区 and renamed `510811.xlsx`, once overwrote
    昭化区's data with --force."""
    path = record(sample, change).rename(sample / name)
    before = (sample / "data/2024/昭化区.yaml").read_bytes()
    output = imported(runner, sample, str(path))
    assert f"{path}!_kxplan: unit-mismatch: {words}；请重新生成填报表" in output
    assert (sample / "data/2024/昭化区.yaml").read_bytes() == before


def test_a_file_name_that_also_names_another_unit_is_refused(
    runner: CliRunner, sample: Path
) -> None:
    path = sample / "510811_青川县_2024.xlsx"
    path.write_bytes(FORM.read_bytes())
    output = imported(runner, sample, str(path))
    assert f"{path}: unit-mismatch: 填报表是青川县的，但文件名表示昭化区（510811）" in output


def test_a_file_name_may_name_the_units_above(runner: CliRunner, sample: Path) -> None:
    path = sample / "广元市青川县_2024.xlsx"
    path.write_bytes(FORM.read_bytes())
    result = run(runner, "import", str(path))
    assert result.exit_code == 0, result.output
