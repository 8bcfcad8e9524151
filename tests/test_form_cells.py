"""What people type into a form's value cell, and what kxplan makes of it."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kxplan.forms.cells import Refused, is_percent_format, read_text, read_value
from kxplan.model.plan import Direction, Indicator, Nature, ValueType
from kxplan.model.problems import ProblemCode


def indicator(value_type: ValueType, measure: str | None = None) -> Indicator:
    return Indicator(
        id="x",
        name="指标",
        measure=measure,
        type=value_type,
        nature=Nature.FLOW,
        direction=Direction.HIGHER,
    )


COUNT = indicator(ValueType.COUNT, "个")
AMOUNT = indicator(ValueType.AMOUNT, "亿元")
PERCENT = indicator(ValueType.PERCENT, "%")
BOOLEAN = indicator(ValueType.BOOLEAN)


@pytest.mark.parametrize(
    ("target", "typed", "number_format", "expected"),
    [
        (COUNT, 15230, "General", 15230),
        (COUNT, 7.0, "General", 7),
        (COUNT, "1,234", "General", 1234),
        (COUNT, "12,345,678", "General", 12345678),
        (COUNT, "１２３", "General", 123),
        (COUNT, "１２，３４５", "General", 12345),
        (COUNT, "  42 ", "General", 42),
        (COUNT, "\u30008\u3000", "General", 8),
        (COUNT, "\xa09", "General", 9),
        (COUNT, "3个", "General", 3),
        (COUNT, "3 个", "General", 3),
        (COUNT, "12.0", "General", 12),
        (AMOUNT, "3.5", "General", 3.5),
        (AMOUNT, "1,234.5", "General", 1234.5),
        (AMOUNT, 12.25, "General", 12.25),
        (AMOUNT, "0.8亿元", "General", 0.8),
        (AMOUNT, ".5", "General", 0.5),
        (PERCENT, "12.5%", "General", 12.5),
        (PERCENT, "12.5 %", "General", 12.5),
        (PERCENT, "１２．５％", "General", 12.5),
        (PERCENT, 12.5, "General", 12.5),
        (PERCENT, "100", "General", 100),
        (PERCENT, 0.125, "0.0%", 12.5),
        (PERCENT, 0.07, "0%", 7),
        (PERCENT, 1, "0.00%", 100),
        (PERCENT, 0.123, '[Red]0.0%;"-"', 12.3),
        (PERCENT, 0.5, '0.0"%"', 0.5),
        (PERCENT, 0.5, "0.0\\%", 0.5),
        (PERCENT, 0.995, "0.0%", 99.5),
        (PERCENT, "0.5%", "General", 0.5),
        (PERCENT, 0, "General", 0),
        (PERCENT, "0", "General", 0),
        (PERCENT, "1%", "General", 1),
        (PERCENT, 1.5, "General", 1.5),
        (PERCENT, 99.5, "General", 99.5),
        (PERCENT, 96.80000000000001, "General", 96.8),  # Excel's =0.968*100
        (AMOUNT, 0.30000000000000004, "General", 0.3),  # Excel's =0.1+0.2
        (AMOUNT, 14.2345678, "General", 14.2345678),  # not noise: the loader's check refuses it
        (BOOLEAN, "是", "General", True),
        (BOOLEAN, "否", "General", False),
        (BOOLEAN, "√", "General", True),
        (BOOLEAN, "×", "General", False),
        (BOOLEAN, "✓", "General", True),
        (BOOLEAN, "Y", "General", True),
        (BOOLEAN, "n", "General", False),
        (BOOLEAN, "Ｙ", "General", True),
        (BOOLEAN, "TRUE", "General", True),
        (BOOLEAN, "false", "General", False),
        (BOOLEAN, " yes ", "General", True),
        (BOOLEAN, True, "General", True),
        (BOOLEAN, False, "General", False),
    ],
)
def test_what_is_understood(
    target: Indicator, typed: object, number_format: str, expected: object
) -> None:
    value = read_value(typed, number_format, target, "zh")  # type: ignore[arg-type]
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    ("target", "typed", "number_format", "words"),
    [
        (COUNT, "约100", "General", "“约100” 不是确切的数值"),
        (COUNT, "3-4", "General", "“3-4” 不是确切的数值"),
        (COUNT, "100左右", "General", "不是确切的数值"),
        (COUNT, "1,23", "General", "不是确切的数值"),
        (AMOUNT, "12,5", "General", "不是确切的数值"),
        (COUNT, "1 234", "General", "不是确切的数值"),
        (COUNT, "1e3", "General", "不是确切的数值"),
        (COUNT, "无", "General", "不是确切的数值"),
        (COUNT, "—", "General", "不是确切的数值"),
        (COUNT, "#DIV/0!", "General", "不是确切的数值"),
        (COUNT, "3家", "General", "不是确切的数值"),
        (COUNT, "是", "General", "不是确切的数值"),
        (COUNT, True, "General", "“TRUE” 不是确切的数值"),  # as Excel shows it, not Python's True
        (COUNT, "٣", "General", "“٣” 不是确切的数值"),  # Arabic-Indic 3: NFKC keeps it, \d took it
        (AMOUNT, "1.٥", "General", "不是确切的数值"),
        (COUNT, "12.5%", "General", "本指标不是百分比"),
        (COUNT, 0.5, "0%", "本指标不是百分比"),
        (PERCENT, 0.995, "General", "“0.995” 是 99.5% 还是 0.995%？请填 99.5 或 99.5%"),
        (PERCENT, 0.07, "0.00", "“0.07” 是 7% 还是 0.07%？请填 7 或 7%"),
        (PERCENT, 1, "General", "“1” 是 100% 还是 1%？请填 100 或 100%（如确为 1%，请填 1%）"),
        (PERCENT, "1", "General", "“1” 是 100% 还是 1%？"),
        (PERCENT, " 0.5 ", "General", "“0.5” 是 50% 还是 0.5%？请填 50 或 50%"),
        (PERCENT, "０．９", "@", "“0.9” 是 90% 还是 0.9%？"),
        (AMOUNT, "120万", "General", "不是确切的数值"),
        (COUNT, date(2024, 12, 31), "yyyy-mm-dd", "日期"),
        (COUNT, datetime(2024, 12, 31, 8, 0), "General", "日期"),
        (BOOLEAN, "x", "General", "不是 是/否"),
        (BOOLEAN, "1", "General", "不是 是/否"),
        (BOOLEAN, 1, "General", "不是 是/否"),
        (BOOLEAN, 7.0, "General", "“7” 不是 是/否"),
        (BOOLEAN, "已建成", "General", "不是 是/否"),
    ],
)
def test_what_is_refused(target: Indicator, typed: object, number_format: str, words: str) -> None:
    value = read_value(typed, number_format, target, "zh")  # type: ignore[arg-type]
    assert isinstance(value, Refused)
    assert value.code is ProblemCode.TYPE_ERROR
    assert words in value.message


def test_refusals_say_what_to_type_in_english() -> None:
    value = read_value("about 100", "General", COUNT, "en")
    assert isinstance(value, Refused)
    assert value.message == "“about 100” is not an exact value: type a whole number ≥ 0, e.g. 12"


def test_a_fraction_for_a_percentage_is_ambiguous() -> None:
    """0.995 in a plain cell: 99.5% written as a fraction, or 0.995%? Neither is guessed."""
    value = read_value(0.995, "General", PERCENT, "zh")
    assert isinstance(value, Refused)
    assert value.code is ProblemCode.TYPE_ERROR
    assert value.message == (
        "“0.995” 是 99.5% 还是 0.995%？请填 99.5 或 99.5%（如确为 0.995%，请填 0.995%）"
    )
    value = read_value(0.995, "General", PERCENT, "en")
    assert isinstance(value, Refused)
    assert value.message == (
        "“0.995”: 99.5% or 0.995%? Type 99.5 or 99.5% (or 0.995% if that is what you mean)"
    )


@pytest.mark.parametrize("typed", [None, "", "   ", "\u3000"])
def test_an_empty_cell_is_nothing(typed: str | None) -> None:
    assert read_value(typed, "General", COUNT, "zh") is None


def test_out_of_range_numbers_are_left_to_the_data_model() -> None:
    # -5 and 130 are exact; the loader's model says they are out of range, with its words.
    assert read_value("-5", "General", COUNT, "zh") == -5
    assert read_value("130%", "General", PERCENT, "zh") == 130
    assert read_value(3.5, "General", COUNT, "zh") == 3.5


@pytest.mark.parametrize(
    ("number_format", "percent"),
    [("0%", True), ("0.0%", True), ("#,##0.00%", True), ('0.0"%"', False), ("0\\%", False)],
)
def test_percent_formats(number_format: str, percent: bool) -> None:
    assert is_percent_format(number_format) is percent


def test_sources_and_notes_are_text_as_typed() -> None:
    assert read_text("  天府科技云后台导出 ") == "天府科技云后台导出"
    assert read_text(datetime(2024, 12, 31)) == "2024-12-31"
    assert read_text(2024.0) == "2024"
    assert (read_text(True), read_text(False)) == ("TRUE", "FALSE")  # as the cell shows it
    assert read_text("   ") is None
    assert read_text(None) is None
