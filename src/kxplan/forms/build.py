"""Make one unit's form for one year as .xlsx bytes.

Only the value, source and note cells are unlocked; the sheet is protected (without a
password: it guards against slips, and `import` checks every protected cell anyway), the
indicator ids sit in a hidden column so rows may be re-ordered, and the hidden record
(`layout.FormMeta`) sits in a very hidden sheet under a locked workbook structure.
"""

from __future__ import annotations

import io
import math
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from kxplan.forms import layout
from kxplan.forms.cells import expectation
from kxplan.forms.layout import CellValue, FormMeta, coordinate
from kxplan.model.dataset import FORMS
from kxplan.model.plan import Indicator, Plan, Target, Unit, ValueType
from kxplan.model.scope import covers
from kxplan.render import describe
from kxplan.render.xlsx.sheet import put_text
from kxplan.text import in_lang, tr
from kxplan.yaml.write import reported_by

# 微软雅黑 (Microsoft YaHei): on every Chinese Windows since Vista, used by Excel and WPS alike,
# with readable Latin letters and digits; openpyxl's default Calibri has no Chinese.
_FONT = "微软雅黑"
_INPUT_FILL = PatternFill("solid", start_color="FFF2CC")
_HEADER_FILL = PatternFill("solid", start_color="D9D9D9")
_THIN = Side(style="thin", color="999999")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
# Excel's limits for a validation's texts (characters).
_TITLE_LIMIT, _TEXT_LIMIT = 32, 250


@dataclass(frozen=True)
class FormSpec:
    """What goes into one form."""

    plan: Plan
    unit: Unit
    year: int
    previous: Mapping[str, bool | int | float]
    generated: str
    lang: str


def form_name(unit: Unit, year: int) -> str:
    """`利州区_2024.xlsx`: the unit and year, safe as a file name on any system."""
    safe = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in unit.name)
    return f"{safe}_{year}.xlsx"


def build_form(spec: FormSpec) -> bytes:
    plan, unit, year, lang = spec.plan, spec.unit, spec.year, spec.lang
    book = Workbook()
    sheet = book.active
    sheet.title = tr("form-sheet", lang)
    fixed = _head(sheet, spec)
    rows: dict[str, tuple[CellValue, ...]] = {}
    validations: dict[ValueType, DataValidation] = {}
    for number, indicator_id in enumerate(reported_by(plan, unit), start=1):
        row = layout.FIRST_ROW + number - 1
        indicator = plan.indicators[indicator_id]
        locked = _locked_cells(spec, number, indicator)
        rows[indicator_id] = locked
        for column, value in zip(layout.LOCKED_COLUMNS, locked, strict=True):
            cell = _put(sheet, row, column, value)
            cell.alignment, cell.border = _WRAP, _BOX
        sheet.row_dimensions[row].height = _height(locked)
        for column in layout.INPUT_COLUMNS:
            cell = sheet.cell(row, column)
            cell.protection = Protection(locked=False)
            cell.fill, cell.border, cell.alignment = _INPUT_FILL, _BOX, _WRAP
            cell.font = Font(name=_FONT, size=11)
        _put(sheet, row, layout.ID, indicator_id)
        if indicator.type not in validations:
            validations[indicator.type] = _validation(indicator.type, lang)
        validations[indicator.type].add(coordinate(row, layout.VALUE))
    for validation in validations.values():
        sheet.add_data_validation(validation)
    _finish(sheet, lang)
    meta = FormMeta(
        plan=plan.info.id,
        unit_code=unit.code,
        unit=unit.name,
        year=year,
        sheet=sheet.title,
        generated=spec.generated,
        fixed=fixed,
        rows=rows,
    )
    hidden = book.create_sheet(layout.META_SHEET)
    for row, values in enumerate(meta.to_rows(), start=1):
        for column, value in enumerate(values, start=1):
            _put(hidden, row, column, value)
    hidden.sheet_state = "veryHidden"
    hidden.protection.sheet = True
    book.security = WorkbookProtection(lockStructure=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _head(sheet: Any, spec: FormSpec) -> dict[str, CellValue]:
    """Title, plan, help and the column headers; returns what each of their cells holds."""
    lang, unit = spec.lang, spec.unit
    name = in_lang(unit.name, unit.name_en, lang)
    texts: dict[str, CellValue] = {
        coordinate(layout.TITLE_ROW, 1): tr("form-title", lang, unit=name, year=spec.year),
        coordinate(layout.PLAN_ROW, 1): spec.plan.name(lang),
        coordinate(layout.HELP_ROW, 1): tr(
            "form-help", lang, code=unit.code, generated=spec.generated
        ),
    }
    headers = {
        layout.NUMBER: tr("head-number", lang),
        layout.NAME: tr("form-col-name", lang),
        layout.MEASURE: tr("form-col-measure", lang),
        layout.INSTRUCTION: tr("form-col-instruction", lang),
        layout.TARGET: tr("form-col-target", lang),
        layout.PREVIOUS: tr("form-col-previous", lang, year=spec.year - 1),
        layout.VALUE: tr("form-col-value", lang, year=spec.year),
        layout.SOURCE: tr("head-source", lang),
        layout.NOTE: tr("head-note", lang),
        layout.ID: tr("form-col-id", lang),
    }
    texts.update({coordinate(layout.HEADER_ROW, c): text for c, text in headers.items()})
    last = layout.column_letter(layout.NOTE)
    for row in (layout.TITLE_ROW, layout.PLAN_ROW, layout.HELP_ROW):
        sheet.merge_cells(f"A{row}:{last}{row}")
    for where, text in texts.items():
        _put(sheet, sheet[where].row, sheet[where].column, text)
    sheet["A1"].font = Font(name=_FONT, bold=True, size=14)
    sheet["A3"].alignment = _WRAP
    sheet.row_dimensions[layout.HELP_ROW].height = 45
    sheet.row_dimensions[layout.HEADER_ROW].height = 32
    for column in headers:
        cell = sheet.cell(layout.HEADER_ROW, column)
        cell.font, cell.fill, cell.border = Font(name=_FONT, size=11, bold=True), _HEADER_FILL, _BOX
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    return texts


def _put(sheet: Any, row: int, column: int, value: CellValue) -> Any:
    """Write a value; text stays text even when it starts with `=` (`= 是（2025年）`)."""
    cell = sheet.cell(row, column)
    if isinstance(value, str):
        put_text(cell, value)
    else:
        cell.value = value
    cell.font = Font(name=_FONT, size=11)
    return cell


def _height(cells: tuple[CellValue, ...]) -> float:
    """A row tall enough for its wrapped texts: Excel does not grow rows written by openpyxl."""
    lines = 1
    for column, value in zip(layout.LOCKED_COLUMNS, cells, strict=True):
        if isinstance(value, str):
            width = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in value)
            lines = max(lines, math.ceil(width / max(layout.WIDTHS[column] - 1, 1)))
    return 15.0 * lines


def _locked_cells(spec: FormSpec, number: int, indicator: Indicator) -> tuple[CellValue, ...]:
    """The protected cells of an indicator's row, in `layout.LOCKED_COLUMNS` order."""
    lang = spec.lang
    previous: CellValue = spec.previous.get(indicator.id)
    if isinstance(previous, bool):
        previous = describe.yes_no(previous, lang)
    measure = in_lang(indicator.measure, indicator.measure_en, lang) if indicator.measure else None
    instruction = (
        in_lang(indicator.instruction, indicator.instruction_en, lang)
        if indicator.instruction
        else None
    )
    return (
        number,
        in_lang(indicator.name, indicator.name_en, lang),
        measure,
        instruction,
        _target(spec, indicator),
        previous,
    )


def _target(spec: FormSpec, indicator: Indicator) -> str:
    """The targets the unit is judged by for this indicator, and the total its share counts to.

    A county may be judged on its own value (its registrations' growth) and report a share of
    the city's total (the city's registrations by 2025): the form says both.
    """
    plan, unit, lang = spec.plan, spec.unit, spec.lang
    parts = [
        _rule_of(plan, target, indicator, lang, unit)
        for target in plan.targets_for(unit)
        if indicator.id in plan.inputs(target.indicator) and covers(target, unit)
    ]
    if indicator.aggregation in FORMS:
        for ancestor in plan.ancestors(unit):
            rules = [
                _rule_of(plan, target, indicator, lang)
                for target in plan.targets_for(ancestor)
                if indicator.id in plan.inputs(target.indicator)
            ]
            if rules:
                name = in_lang(ancestor.name, ancestor.name_en, lang)
                joined = tr("list-comma", lang).join(rules)
                parts.append(tr("form-share-of", lang, unit=name, rule=joined))
                break
    if not parts:
        return tr("form-no-target", lang)
    return tr("semicolon", lang).join(parts)


def _rule_of(
    plan: Plan, target: Target, asked: Indicator, lang: str, unit: Unit | None = None
) -> str:
    """A target's rule (for `unit`, its own quota); when the target is on a derived indicator
    computed from the one `asked`, that indicator's name with it (`每万人会员数 ≥ 8`)."""
    judged = plan.indicators[target.indicator]
    text = describe.rule(target, judged, lang)
    if unit is not None:
        text = describe.given_rule(target, judged, unit, lang)
    steps = describe.milestone_words(target, judged, lang)
    if steps is not None:
        text = tr("semicolon", lang).join([text, steps])
    if judged.id == asked.id:
        return text
    return f"{in_lang(judged.name, judged.name_en, lang)} {text}"


def _validation(value_type: ValueType, lang: str) -> DataValidation:
    """Excel's own check of the value cells; `import` checks again, as WPS or a paste may not."""
    expect = expectation(value_type, lang)
    kinds: dict[ValueType, dict[str, str]] = {
        ValueType.COUNT: {"type": "whole", "operator": "greaterThanOrEqual", "formula1": "0"},
        ValueType.AMOUNT: {"type": "decimal", "operator": "greaterThanOrEqual", "formula1": "0"},
        ValueType.PERCENT: {
            "type": "decimal",
            "operator": "between",
            "formula1": "0",
            "formula2": "100",
        },
        ValueType.BOOLEAN: {"type": "list", "formula1": f'"{tr("form-yes-no", lang)}"'},
    }
    return DataValidation(
        **kinds[value_type],
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorTitle=tr("form-error-title", lang)[:_TITLE_LIMIT],
        error=expect[:_TEXT_LIMIT],
        promptTitle=tr("form-prompt-title", lang)[:_TITLE_LIMIT],
        prompt=expect[:_TEXT_LIMIT],
    )


def _print_setup(sheet: Any, lang: str) -> None:
    """A4 landscape, as wide as one page and as many pages long as it takes (fitToHeight=0:
    with fitToWidth alone Excel squeezes the whole form onto one page), the column headers on
    every page, and page numbers."""
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = "landscape"
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    # absolute, as Excel writes them: openpyxl 3.2 writes `4:4` as given
    sheet.print_title_rows = f"${layout.HEADER_ROW}:${layout.HEADER_ROW}"
    sheet.oddFooter.center.text = tr("page-footer", lang)


def _finish(sheet: Any, lang: str) -> None:
    """Widths, frozen header, hidden id column, printing, and the protection."""
    for column, width in layout.WIDTHS.items():
        sheet.column_dimensions[layout.column_letter(column)].width = width
    sheet.column_dimensions[layout.column_letter(layout.ID)].hidden = True
    sheet.freeze_panes = coordinate(layout.FIRST_ROW, 1)
    _print_setup(sheet, lang)
    protection = sheet.protection
    protection.sheet = True
    protection.formatColumns = False  # people may widen columns and rows to read
    protection.formatRows = False
    # and change a cell's format: a value cell that once held a date keeps its date format, and
    # the clerk must be able to set it back to a number (import reads a small one as typed)
    protection.formatCells = False
