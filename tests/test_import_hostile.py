"""Forms come from outside: hostile or broken workbooks give one clear line, never a traceback."""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
import yaml
from typer.testing import CliRunner

from conftest import run
from formhelpers import (
    TemplateRuns,
    copy_project,
    fill,
    new_sample,
    replace_cell,
    rewrite_part,
    snapshot,
)
from kxplan.forms import archive, layout

FORM = Path("reports/forms/2024/青川县_2024.xlsx")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory, template: TemplateRuns) -> Path:
    """The sample project with 青川县's 2024 form, filled."""
    with new_sample(tmp_path_factory) as folder:
        template("2024", "--county", "青川县")
        fill(FORM, {"spirit_lectures": 3})
    return folder


@pytest.fixture
def sample(made: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(copy_project(made, tmp_path))
    return tmp_path


def refused(runner: CliRunner, sample: Path, path: Path) -> str:
    """Import `path`; it must fail with exit 3, write nothing and print no traceback."""
    before = snapshot(sample / "data")
    result = run(runner, "import", str(path))
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output
    assert snapshot(sample / "data") == before
    return str(result.output)


def test_not_a_zip(runner: CliRunner, sample: Path) -> None:
    path = sample / "表.xlsx"
    path.write_text("序号,指标,数值\n1,科学家精神宣讲报告会,3\n", encoding="utf-8")
    assert "表.xlsx: encoding: 不是 Excel 工作簿（.xlsx）：文件不是 zip 压缩包" in refused(
        runner, sample, path
    )


def test_old_xls_or_password_protected(runner: CliRunner, sample: Path) -> None:
    path = sample / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    assert "是旧版 .xls 格式，或设置了打开密码；请在 Excel/WPS 中另存为 .xlsx" in refused(
        runner, sample, path
    )


def test_a_huge_file(runner: CliRunner, sample: Path) -> None:
    path = sample / "huge.xlsx"
    with path.open("wb") as handle:
        handle.truncate(archive.MAX_BYTES + 1)  # sparse: costs no disk
    output = refused(runner, sample, path)
    assert f"huge.xlsx: file-too-large: 文件过大（{archive.MAX_BYTES + 1} 字节" in output


def test_a_zip_bomb(runner: CliRunner, sample: Path) -> None:
    path = sample / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("xl/workbook.xml", b"<" + bytes(archive.MAX_UNPACKED))
    assert path.stat().st_size < 100_000
    assert "bomb.xlsx: file-too-large: 解压后过大" in refused(runner, sample, path)


def test_a_zip_that_lies_about_its_sizes(runner: CliRunner, sample: Path) -> None:
    """Declared sizes are small, the real content is big: zipfile stops at the declared size."""
    path = sample / "liar.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as liar, zipfile.ZipFile(FORM) as form:
        for info in form.infolist():
            body = form.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                body += b" " * (archive.MAX_UNPACKED + 1)
            liar.writestr(info.filename, body)
    data = bytearray(path.read_bytes())
    entry = data.find(b"xl/worksheets/sheet1.xml") - 30  # its local header
    struct.pack_into("<I", data, entry + 22, 1000)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        name = bytes(data[central + 46 : central + 46 + name_length])
        if name == b"xl/worksheets/sheet1.xml":
            struct.pack_into("<I", data, central + 24, 1000)
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))
    assert "liar.xlsx: encoding: 无法读取工作簿" in refused(runner, sample, path)


def test_too_many_parts(runner: CliRunner, sample: Path) -> None:
    path = sample / "parts.xlsx"
    with zipfile.ZipFile(path, "w") as parts:
        parts.writestr("xl/workbook.xml", b"<workbook/>")
        for number in range(archive.MAX_PARTS):
            parts.writestr(f"xl/media/image{number}.png", b"")
    assert f"压缩包内文件过多（{archive.MAX_PARTS + 1} 个" in refused(runner, sample, path)


def test_a_zip_without_a_workbook(runner: CliRunner, sample: Path) -> None:
    path = sample / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as photos:
        photos.writestr("photo.jpg", b"\xff\xd8")
    assert "photos.xlsx: encoding: 不是 Excel 工作簿（.xlsx）：压缩包里没有工作簿" in refused(
        runner, sample, path
    )


def test_an_xml_bomb(runner: CliRunner, sample: Path) -> None:
    laughs = (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10)
            for n in range(1, 10)
        )
        + b"]>\n"
    )
    path = rewrite_part(
        FORM,
        "xl/workbook.xml",
        lambda xml: laughs + xml.replace(b"<workbookPr />", b"<workbookPr />&lol9;", 1),
        out=sample / "lol.xlsx",
    )
    assert "lol.xlsx: encoding: 工作簿含不安全的 XML（EntitiesForbidden），已拒绝读取" in refused(
        runner, sample, path
    )


def test_a_truncated_workbook(runner: CliRunner, sample: Path) -> None:
    path = sample / "cut.xlsx"
    path.write_bytes(FORM.read_bytes()[:3000])
    assert "cut.xlsx: encoding: 不是 Excel 工作簿（.xlsx）" in refused(runner, sample, path)


def test_broken_sheet_xml(runner: CliRunner, sample: Path) -> None:
    path = rewrite_part(
        FORM, "xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) // 2], out=sample / "half.xlsx"
    )
    output = refused(runner, sample, path)
    assert "half.xlsx: encoding: 无法读取工作簿：ExpatError: " in output


def test_a_workbook_not_made_by_kxplan(runner: CliRunner, sample: Path) -> None:
    path = sample / "own.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "科学家精神宣讲报告会"
    book.active["B1"] = 3
    book.save(path)
    assert (
        "own.xlsx: missing-field: 不是 kxplan 生成的填报表（没有隐藏的 _kxplan 工作表）；"
        "请用 kxplan template 生成填报表"
    ) in refused(runner, sample, path)


def test_a_damaged_hidden_record(runner: CliRunner, sample: Path) -> None:
    book = openpyxl.load_workbook(FORM)
    record = book[layout.META_SHEET]
    for row in record.iter_rows():
        if row[0].value == "year":
            row[1].value = "二〇二四"
    path = sample / "damaged.xlsx"
    book.save(path)
    assert "damaged.xlsx!_kxplan: missing-field: 填报表的隐藏记录已损坏（year）" in refused(
        runner, sample, path
    )


def test_huge_dimensions_are_not_padded(runner: CliRunner, sample: Path) -> None:
    """A forged <dimension> (A1:XFD1048576) must not make the reader build a billion cells."""
    path = rewrite_part(
        FORM,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(
            b'<dimension ref="A1:J15" />', b'<dimension ref="A1:XFD1048576" />'
        ),
        out=sample / "青川县_2024_wide.xlsx",
    )
    result = run(runner, "import", str(path))
    assert result.exit_code == 0, result.output
    assert (sample / "data/2024/青川县.yaml").is_file()


def test_no_form_is_read_without_defusedxml(
    runner: CliRunner, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)
    result = run(runner, "import", str(FORM))
    assert result.exit_code == 2
    assert "openpyxl 未启用 defusedxml" in result.output
    assert not (sample / "data/2024/青川县.yaml").exists()


def test_openpyxl_reads_with_defusedxml() -> None:
    from openpyxl.xml import functions

    assert openpyxl.DEFUSEDXML is True
    assert functions.iterparse.__module__.startswith("defusedxml.")
    if not openpyxl.LXML:  # with lxml, openpyxl parses parts with resolve_entities=False
        assert functions.fromstring.__module__.startswith("defusedxml.")


def test_values_on_another_sheet_are_refused_not_lost(runner: CliRunner, sample: Path) -> None:
    book = openpyxl.load_workbook(FORM)
    book.copy_worksheet(book.worksheets[0])["G9"] = 31  # a copy of the form, filled in
    book.create_sheet("Sheet2")["B2"] = 5
    hidden = book.create_sheet("旧表")
    hidden["A1"] = "2023 年数据"
    hidden.sheet_state = "hidden"
    book.create_sheet("空表")  # an empty sheet holds nothing to lose
    path = sample / "青川县_2024_sheets.xlsx"
    book.save(path)
    lines = refused(runner, sample, path).splitlines()
    assert lines[:3] == [
        f"{path}!填报表 Copy!G9: unknown-field: 此工作表不是填报表，其中的内容不会导入"
        "（此处填了 “31”，本表共 90 个单元格有内容）；请填在 “填报表” 工作表，并删除多余的工作表",
        f"{path}!Sheet2!B2: unknown-field: 此工作表不是填报表，其中的内容不会导入"
        "（此处填了 “5”，本表共 1 个单元格有内容）；请填在 “填报表” 工作表，并删除多余的工作表",
        f"{path}!旧表!A1: unknown-field: 此工作表不是填报表，其中的内容不会导入"
        "（此处填了 “2023 年数据”，本表共 1 个单元格有内容）；请填在 “填报表” 工作表，"
        "并删除多余的工作表",
    ]
    assert f"{path}：3 个问题，本表未导入" in lines


@pytest.mark.parametrize(
    ("cell", "xml"),
    [
        ("G1500", b'<row r="1500"><c r="G1500"><v>5</v></c></row>'),
        ("BM7", b'<row r="2000"><c r="BM7"><v>5</v></c></row>'),
        ("G1001", b'<row r="1001"><c r="G1001"><f>1+4</f></c></row>'),  # no cached value
    ],
)
def test_anything_beyond_a_forms_size_is_refused(
    runner: CliRunner, sample: Path, cell: str, xml: bytes
) -> None:
    path = rewrite_part(
        FORM,
        "xl/worksheets/sheet1.xml",
        lambda sheet: sheet.replace(b"</sheetData>", xml + b"</sheetData>"),
        out=sample / "青川县_2024_big.xlsx",
    )
    assert (
        f"{path}: file-too-large: 工作表 “填报表” 比填报表大：{cell} 有内容，填报表只用到前 "
        "1000 行、A–BL 列；请把数值填在填报表的黄色单元格里，删除其余内容"
    ) in refused(runner, sample, path)


def test_formatted_empty_cells_far_away_are_nothing(runner: CliRunner, sample: Path) -> None:
    """Borders drawn down to row 5000, a style in column XFD: empty, so not refused."""
    far = b'<row r="5000"><c r="G5000" s="1"/><c r="XFD5000" s="1"/></row>'
    path = rewrite_part(
        FORM,
        "xl/worksheets/sheet1.xml",
        lambda sheet: sheet.replace(b"</sheetData>", far + b"</sheetData>"),
        out=sample / "青川县_2024_styled.xlsx",
    )
    result = run(runner, "import", str(path))
    assert result.exit_code == 0, result.output
    assert (sample / "data/2024/青川县.yaml").is_file()


SHEET = "xl/worksheets/sheet1.xml"
OUT_OF_PLACE = (
    "encoding: 单元格已损坏：在工作表中的位置与所在行不符（行号重复或顺序颠倒，或写在别的行里），"
    "读取时会被跳过；请在 Excel/WPS 中重新填写此单元格后保存"
)


def _appended(sample: Path, xml: bytes) -> Path:
    return rewrite_part(
        FORM,
        SHEET,
        lambda sheet: sheet.replace(b"</sheetData>", xml + b"</sheetData>"),
        out=sample / "青川县_2024_forged.xlsx",
    )


@pytest.mark.parametrize(
    ("cells", "xml"),
    [
        # a row written again after later ones: openpyxl's rows go forward only
        (["K3"], b'<row r="3"><c r="K3"><v>7</v></c></row>'),
        # a cell of the form's rows inside a row beyond them, which a form's reading never reaches
        (["K5"], b'<row r="2000"><c r="K5"><v>7</v></c></row>'),
        # two cells of one column in one row: openpyxl keeps the second
        (["K16"], b'<row r="16"><c r="K16"><v>1</v></c><c r="K17"><v>2</v></c></row>'),
        # a formula with no value, skipped as the row is: found when formulas are read
        (["K3"], b'<row r="3"><c r="K3"><f>1+1</f></c></row>'),
    ],
)
def test_a_cell_openpyxl_would_skip_is_refused_not_lost(
    runner: CliRunner, sample: Path, cells: list[str], xml: bytes
) -> None:
    path = _appended(sample, xml)
    before = snapshot(sample / "data")
    result = run(runner, "import", str(path))
    assert result.exit_code == 3, result.output
    for cell in cells:
        assert f"{path}!填报表!{cell}: {OUT_OF_PLACE}" in result.output
    assert snapshot(sample / "data") == before


def test_out_of_place_in_english(runner: CliRunner, sample: Path) -> None:
    path = _appended(sample, b'<row r="3"><c r="K3"><v>7</v></c></row>')
    result = run(runner, "import", str(path), "--lang", "en")
    assert result.exit_code == 3
    assert (
        f"{path}!填报表!K3: encoding: the cell is damaged: it is out of place in the sheet (a row "
        "number repeated or out of order, or the cell written in another row), so it would be "
        "skipped; type it again in Excel/WPS and save"
    ) in result.output


def _repacked(source: Path, out: Path, change: Callable[[dict[str, bytes]], None]) -> Path:
    """A copy of a workbook's zip, its parts (by name) changed in place by `change`."""
    with zipfile.ZipFile(source) as form:
        parts = {info.filename: form.read(info.filename) for info in form.infolist()}
    change(parts)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as repacked:
        for name, data in parts.items():
            repacked.writestr(name, data)
    return out


def _link(parts: dict[str, bytes], kind: str, target: str, link: str) -> None:
    """A relationship of the workbook, as Excel writes it."""
    rels = "xl/_rels/workbook.xml.rels"
    kind = f"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}"
    added = f'<Relationship Type="{kind}" Target="{target}" Id="{link}" /></Relationships>'
    parts[rels] = parts[rels].replace(b"</Relationships>", added.encode())


def _moved(source: Path, out: Path, target: bytes) -> Path:
    """The form with its sheet's XML moved to another part, named by the relationships only."""

    def move(parts: dict[str, bytes]) -> None:
        parts["xl/sheets/the form.xml"] = parts.pop(SHEET)
        rels = "xl/_rels/workbook.xml.rels"
        parts[rels] = parts[rels].replace(b"/xl/worksheets/sheet1.xml", target)

    return _repacked(source, out, move)


@pytest.mark.parametrize("target", [b"/xl/sheets/the form.xml", b"sheets/../sheets/the form.xml"])
def test_the_sheet_vetted_is_the_one_its_relationship_names(
    runner: CliRunner, sample: Path, target: bytes
) -> None:
    path = _moved(FORM, sample / "青川县_2024.xlsx", target)
    result = run(runner, "import", str(path))
    assert result.exit_code == 0, result.output
    values = yaml.safe_load((sample / "data/2024/青川县.yaml").read_text(encoding="utf-8"))
    assert values["values"]["spirit_lectures"] == 3
    forged = replace_cell(FORM, "G5", '<c r="G5"><v>1.0.0</v></c>', out=sample / "forged.xlsx")
    path = _moved(forged, sample / "青川县_2024_moved.xlsx", target)
    result = run(runner, "import", str(path))
    assert result.exit_code == 3
    assert f"{path}!填报表!G5: encoding: 单元格已损坏：“1.0.0” 不是数字" in result.output


_INLINE = re.compile(rb't="inlineStr"><is><t(?: [^>]*)?>(.*?)</t></is>', re.DOTALL)


def _as_excel_writes_text(source: Path, out: Path) -> tuple[Path, list[bytes]]:
    """The form with its text in a shared-string table, as Excel and WPS write it (openpyxl and
    kxplan write inline strings); and the table."""
    strings: list[bytes] = []

    def shared(match: re.Match[bytes]) -> bytes:
        strings.append(match[1])
        return b't="s"><v>%d</v>' % (len(strings) - 1)

    def tabulate(parts: dict[str, bytes]) -> None:
        for name in ("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"):
            parts[name] = _INLINE.sub(shared, parts[name])
        main = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        parts["xl/sharedStrings.xml"] = (
            b'<sst xmlns="%s" count="%d" uniqueCount="%d">' % (main, len(strings), len(strings))
            + b"".join(b"<si><t>%s</t></si>" % text for text in strings)
            + b"</sst>"
        )
        kind = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
        override = b'<Override PartName="/xl/sharedStrings.xml" ContentType="%s" />' % kind
        types = "[Content_Types].xml"
        parts[types] = parts[types].replace(b"</Types>", override + b"</Types>")
        _link(parts, "sharedStrings", "sharedStrings.xml", "rId99")

    return _repacked(source, out, tabulate), strings


def test_text_in_a_shared_string_table_is_read_and_its_end_is_known(
    runner: CliRunner, sample: Path
) -> None:
    """The table's last string is the last one a cell may name: one more does not exist."""
    fill(FORM, {}, sources={"spirit_lectures": "年度工作台账"})
    path, strings = _as_excel_writes_text(FORM, sample / "青川县_2024.xlsx")
    assert len(strings) > 100 and strings[-1] != "年度工作台账".encode()
    result = run(runner, "import", str(path))
    assert result.exit_code == 0, result.output
    values = yaml.safe_load((sample / "data/2024/青川县.yaml").read_text(encoding="utf-8"))
    assert values["values"]["spirit_lectures"] == {"value": 3, "source": "年度工作台账"}
    last = len(strings) - 1
    replace_cell(path, "I5", f'<c r="I5" t="s"><v>{last}</v></c>', out=path)  # a note
    result = run(runner, "import", str(path), "--force")
    assert result.exit_code == 0, result.output
    values = yaml.safe_load((sample / "data/2024/青川县.yaml").read_text(encoding="utf-8"))
    assert values["values"]["tfkjy_workers"] == {"value": None, "note": strings[-1].decode()}
    replace_cell(path, "I5", f'<c r="I5" t="s"><v>{last + 1}</v></c>', out=path)
    result = run(runner, "import", str(path))
    assert result.exit_code == 3
    assert f"{path}!填报表!I5: encoding: 单元格已损坏：共享文字编号 “{last + 1}” 不存在" in (
        result.output
    )


def test_two_sheets_of_one_name_are_refused(runner: CliRunner, sample: Path) -> None:
    """Excel allows no such thing, and openpyxl gives the first for both: the second, filled
    in, would go unread."""

    def add(parts: dict[str, bytes]) -> None:
        parts["xl/worksheets/sheet3.xml"] = parts[SHEET].replace(b"<v>3</v>", b"<v>4</v>")
        sheet = '<sheet name="填报表" sheetId="3" state="hidden" r:id="rId9" /></sheets>'
        parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b"</sheets>", sheet.encode())
        _link(parts, "worksheet", "worksheets/sheet3.xml", "rId9")

    path = _repacked(FORM, sample / "青川县_2024_twice.xlsx", add)
    output = refused(runner, sample, path)
    assert f"{path}: encoding: 无法读取工作簿：Unclear: two sheets named ['填报表']" in output
