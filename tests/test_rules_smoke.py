from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

from conftest import load, plan_dict
from kxplan.engine.evaluation import evaluate_year
from kxplan.model.status import Status


def test_deadline_on_track_by_hand(project: Callable[..., Path]) -> None:
    # b = 8.6, T = 13, t = 4/5, e = 12.12, c = 3.3/4.4 = 0.75, R = 0.9375 → on_track
    target = {
        "id": "t",
        "indicator": "rate",
        "level": "city",
        "kind": "deadline",
        "op": ">=",
        "threshold": 13,
        "deadline": 2025,
    }
    folder = project(
        plan_dict(target), {(2020, "甲市"): {"rate": 8.6}, (2024, "甲市"): {"rate": 11.9}}
    )
    plan, data = load(folder)
    [result] = evaluate_year(plan, data, 2024).results
    assert result.status is Status.ON_TRACK
    assert result.expected == Fraction("12.12")
    assert result.progress_ratio == Fraction(15, 16)
