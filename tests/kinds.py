"""Targets of each kind on the `BASE_PLAN` indicators, shared by the tests of report,
review, explain and the workbooks."""

from __future__ import annotations

from typing import Any

RATE: dict[str, Any] = {
    "id": "rate_2025",
    "indicator": "rate",
    "level": "city",
    "kind": "deadline",
    "op": ">=",
    "threshold": 13,
    "deadline": 2025,
}
LECTURES: dict[str, Any] = {
    "id": "lectures",
    "indicator": "count_flow",
    "level": "county",
    "kind": "annual",
    "op": ">=",
    "threshold": 2,
}
MONEY: dict[str, Any] = {
    "id": "money_total",
    "indicator": "money",
    "level": "city",
    "kind": "cumulative",
    "op": ">",
    "threshold": 50,
    "deadline": 2025,
}
GROWTH: dict[str, Any] = {
    "id": "stock_growth",
    "indicator": "count_stock",
    "level": "county",
    "kind": "growth",
    "op": ">=",
    "threshold": 30,
}
