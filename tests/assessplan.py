"""A small plan with an assessment section, and two years of hand-made data, shared by the
tests of `assess`, its workbook and `explain --score`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import BASE_PLAN, plan_dict
from kinds import LECTURES

DONE: dict[str, Any] = {
    "id": "done_2025",
    "indicator": "done",
    "level": "county",
    "kind": "deadline",
    "op": "==",
    "threshold": True,
    "deadline": 2025,
    "hint": "尽快建成",
}
STOCK: dict[str, Any] = {
    "id": "stock_2025",
    "indicator": "count_stock",
    "level": "county",
    "kind": "deadline",
    "op": ">=",
    "threshold": 10,
    "deadline": 2025,
}
WATCH: dict[str, Any] = {
    "id": "watch",
    "indicator": "count_flow",
    "level": "county",
    "kind": "monitor",
}
CITY_RATE: dict[str, Any] = {
    "id": "city_rate",
    "indicator": "rate",
    "level": "city",
    "kind": "annual",
    "op": ">=",
    "threshold": 10,
}
SCORES = {
    "met": 1,
    "achieved_early": 1,
    "ahead": 1,
    "on_track": 0.8,
    "in_progress": 0.5,
    "behind": 0.4,
    "not_met": 0,
    "missing": 0,
}
ASSESSMENT: dict[str, Any] = {
    "name": "县区年度考核",
    "name_en": "County assessment",
    "level": "county",
    "weights": {"lectures": 40, "done_2025": 25, "stock_2025": 35},
    "scores": SCORES,
    "grades": [
        {"name": "优秀", "name_en": "excellent", "min": 90},
        {"name": "良好", "name_en": "good", "min": 80},
        {"name": "合格", "name_en": "pass", "min": 60},
        {"name": "不合格", "name_en": "fail", "min": 0},
    ],
}
UNITS = [
    *BASE_PLAN["units"],
    {"code": "100003", "name": "丁县", "name_en": "Ding", "level": "county", "parent": "100000"},
    {"code": "100004", "name": "戊区", "name_en": "Wu", "level": "county", "parent": "100000"},
]

# The arithmetic, by hand (deadline stock ≥ 10 by 2025 from the base: t = (y − 2020)/5,
# c = (v − b)/(10 − b), R = c/t; on_track 0.9 ≤ R < 1.1):
# 2021 (t = 1/5)
#   乙区 lectures 3 met 40; done no, in_progress 12.5; stock 0→2, R = 1, on_track 28 → 80.5
#   丙县 lectures 1 not_met 0; done yes, achieved_early 25; stock 0→3, R = 1.5, ahead 35 → 60
#   丁县 lectures 2 met 40; done no 12.5; stock 5→6, c = 1/5, R = 1, on_track 28 → 80.5
#   戊区 no file: missing 0 + 0 + 0 → 0
#   ranks: 乙区 1, 丁县 1 (a tie), 丙县 3 (the rank after a tie skips), 戊区 4
# 2022 (t = 2/5)
#   乙区 lectures 2 met 40; done yes 25; stock 3, c = 0.3, R = 0.75, behind 14 → 79 (合格)
#   丙县 lectures 5 met 40; done yes 25; stock 4, R = 1, on_track 28 → 93 (优秀)
#   丁县 an invalid file: counts as missing → 0, and the exit code is 3
#   戊区 lectures 2 met 40; done no 12.5; stock 0→1, R = 0.25, behind 14 → 66.5 (合格)
#   ranks: 丙县 1 (↑2), 乙区 2 (↓1), 戊区 3 (↑1), 丁县 4 (↓3)
VALUES: dict[tuple[int, str], dict[str, Any] | None] = {
    (2020, "乙区"): {"count_stock": 0},
    (2020, "丙县"): {"count_stock": 0},
    (2020, "丁县"): {"count_stock": 5},
    (2020, "戊区"): {"count_stock": 0},
    (2021, "乙区"): {"count_flow": 3, "done": False, "count_stock": 2},
    (2021, "丙县"): {"count_flow": 1, "done": True, "count_stock": 3},
    (2021, "丁县"): {"count_flow": 2, "done": False, "count_stock": 6},
    (2022, "乙区"): {"count_flow": 2, "done": True, "count_stock": 3},
    (2022, "丙县"): {"count_flow": 5, "done": True, "count_stock": 4},
    (2022, "丁县"): {"count_flow": "很多", "done": True, "count_stock": 9},
    (2022, "戊区"): {"count_flow": 2, "done": False, "count_stock": 1},
}


def assess_plan(**section: Any) -> dict[str, Any]:
    """The plan with its assessment (keys of `section` replace the example's)."""
    return plan_dict(
        LECTURES, DONE, STOCK, WATCH, CITY_RATE, units=UNITS, assessment={**ASSESSMENT, **section}
    )


def assess_project(project: Callable[..., Path], **section: Any) -> Path:
    return project(assess_plan(**section), VALUES)
