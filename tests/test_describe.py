"""Numbers as people read them: rounded half up (四舍五入) on the exact value, never via a
binary float, and progress ratios never rounded onto a band edge they are not on."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from conftest import plan_dict, run
from kinds import GROWTH
from kxplan.render.describe import apart, grouped, number, percent, ratio_number, singular


@pytest.mark.parametrize(
    ("value", "places", "shown"),
    [
        ("12.725", 2, "12.73"),  # float formatting gives 12.72 (12.7249999...)
        ("0.625", 2, "0.63"),  # float formatting rounds half to even: 0.62
        ("2.675", 2, "2.68"),
        ("12.724999", 2, "12.72"),
        ("-2.675", 2, "-2.68"),
        ("-0.004", 2, "0"),
        ("99.995", 2, "100"),
        ("1/3", 2, "0.33"),
        ("685.3", 2, "685.3"),
        ("15230", 2, "15230"),
        ("0.05", 1, "0.1"),
    ],
)
def test_number_rounds_half_up_exactly(value: str, places: int, shown: str) -> None:
    assert number(Fraction(value), places) == shown


def test_percent_rounds_half_up() -> None:
    assert percent(Fraction("0.3245")) == "32.5%"
    assert percent(Fraction(8, 25)) == "32%"
    assert percent(Fraction("0.9998")) == "99.98%"  # a completion short of 100 % is not 100%


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("0.895", "0.895"),  # not "0.9": the behind band's edge it has not reached
        ("0.8995", "0.8995"),
        ("1.096", "1.096"),  # not "1.1"
        ("0.9", "0.9"),
        ("0.856", "0.86"),
        ("0.625", "0.63"),
        ("1", "1"),
    ],
)
def test_ratio_is_never_rounded_onto_a_round_figure(value: str, shown: str) -> None:
    assert ratio_number(Fraction(value)) == shown


@pytest.mark.parametrize(
    ("value", "lang", "shown"),
    [
        ("100000", "en", "100,000"),
        ("100000", "zh", "100000"),
        ("1234.5", "en", "1234.5"),
        ("12345.67", "en", "12,345.67"),
        ("-20000", "en", "-20,000"),
    ],
)
def test_english_groups_thousands(value: str, lang: str, shown: str) -> None:
    assert grouped(Fraction(value), lang) == shown


@pytest.mark.parametrize(
    ("value", "edges", "shown"),
    [
        ("29.99956", ("30",), "29.9996"),  # fails ≥ 30: must not read 30
        ("30.004", ("30",), "30.004"),  # passes > 30: must not read 30
        ("30", ("30",), "30"),  # on the edge: as it is
        ("29.996", ("25",), "30"),  # nowhere near an edge: two decimals
        ("2.0001", ("1", "2"), "2.0001"),  # above a between's upper bound
        # a resolved threshold T = 9.889999 is written 9.89: a value under it must not read so
        ("9.8899", ("9.889999",), "9.8899"),
        ("9.89", ("9.889999",), "9.89"),  # above it, and written as it is
    ],
)
def test_values_are_never_rounded_onto_a_threshold(
    value: str, edges: tuple[str, ...], shown: str
) -> None:
    assert apart(Fraction(value), tuple(Fraction(e) for e in edges)) == shown


def test_growth_just_under_the_threshold_reads_so_everywhere(
    project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    # 29727 / 22867 − 1 = 29.99956… % < 30 %: not met, and no view may call it 30 %
    folder = project(
        plan_dict(GROWTH),
        {(2023, "乙区"): {"count_stock": 22867}, (2024, "乙区"): {"count_stock": 29727}},
    )
    monkeypatch.chdir(folder)
    table = run(runner, "check", "2024").output
    assert "✘ 29.9996%" in table and "增长 29.9996%（上年 22867）" in table
    trail = run(runner, "explain", "stock_growth", "2024", "--county", "乙区").output
    assert "判定：29.9996% ≥ 30：不成立 → 未达标" in trail
    assert run(runner, "check", "2024", "-o", "c.xlsx").exit_code == 1
    details = openpyxl.load_workbook(folder / "reports" / "c.xlsx")["明细"]
    [cell] = [row[3] for row in details.iter_rows(min_row=4) if row[1].value == "乙区"]
    assert cell.number_format == '#,##0.0000"%"'


@pytest.mark.parametrize(
    ("plural", "one"),
    [
        ("lectures", "lecture"),
        ("societies", "society"),
        ("people", "person"),
        ("bases", "base"),
        ("studios", "studio"),
        ("× 10,000 visits", "× 10,000 visits"),
    ],
)
def test_english_measure_is_singular_after_one(plural: str, one: str) -> None:
    assert singular(plural) == one
