"""Numbers as people read them: rounded half up (四舍五入) on the exact value, never via a
binary float, and progress ratios never rounded onto a band edge they are not on."""

from __future__ import annotations

from fractions import Fraction

import pytest

from kxplan.describe import grouped, number, percent, ratio_number


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
