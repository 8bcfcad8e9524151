"""Properties of the rules engine (SPEC §3) over many generated plans and values.

Plans and data are built in memory (no files) so that hypothesis can try many cases quickly.
Values are decimals with one place (n / 10), which the engine must read exactly as written.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import BASE_PLAN, plan_dict
from kxplan.engine.rules import Result, evaluate
from kxplan.load.plancheck import contradictions
from kxplan.model.data import Observation, Submission
from kxplan.model.dataset import DataSet
from kxplan.model.plan import Plan, PlanFile
from kxplan.model.status import Status

FAST = settings(max_examples=80, deadline=None)
YEARS = range(2021, 2026)  # the test plan's period; 2020 is its base year

# Worse to better, for targets that can only get the trajectory or the final verdict.
RANK = {
    Status.NOT_MET: 0,
    Status.BEHIND: 1,
    Status.ON_TRACK: 2,
    Status.AHEAD: 3,
    Status.ACHIEVED_EARLY: 4,
    Status.MET: 4,
}

JUDGED = {Status.MET, Status.NOT_MET, Status.MISSING}
EARLIER = {
    Status.ACHIEVED_EARLY,
    Status.AHEAD,
    Status.ON_TRACK,
    Status.BEHIND,
    Status.IN_PROGRESS,
    Status.MISSING,
}
ALLOWED = {
    "annual": JUDGED,
    "growth": JUDGED,
    "monitor": {Status.MONITORED, Status.MISSING},
    "deadline": JUDGED | EARLIER,
    "cumulative": JUDGED | EARLIER,
}

tenths = st.integers(min_value=0, max_value=1000)  # 0.0 … 100.0, a valid percentage


def decimal(n: int) -> float:
    """n / 10 as the float YAML would read for a one-decimal number (its str is exact)."""
    return n / 10


def build(
    target: dict[str, Any], values: dict[int, Any], unit: str = "甲市", **changes: Any
) -> tuple[Plan, DataSet]:
    """A plan with this one target and a data set where `unit` reported `values` by year.

    A year whose value is None has a file without the value; an absent year has no file.
    """
    spec = PlanFile.model_validate(plan_dict(target, **changes) | lower_is_better(target))
    assert list(contradictions(spec, "en")) == []
    plan = Plan(spec, "targets.yaml")
    data = DataSet(plan)
    chosen = plan.unit(unit)
    assert chosen is not None
    for year, value in values.items():
        file = f"data/{year}/{unit}.yaml"
        entries = {} if value is None else {target["indicator"]: value}
        observations = {key: Observation(key, v, file, 4) for key, v in entries.items()}
        data.submissions[(year, chosen.code)] = Submission(chosen, year, file, observations)
    return plan, data


def lower_is_better(target: dict[str, Any]) -> dict[str, Any]:
    """The indicators, with the target's made lower-is-better when the target is a cap."""
    if target.get("op") not in ("<=", "<"):
        return {}
    return {
        "indicators": [
            indicator | {"direction": "lower"}
            if indicator["id"] == target["indicator"]
            else indicator
            for indicator in BASE_PLAN["indicators"]
        ]
    }


def status_of(target: dict[str, Any], values: dict[int, Any], year: int, **changes: Any) -> Result:
    plan, data = build(target, values, **changes)
    return evaluate(plan, data, plan.targets[0], plan.root, year)


def deadline(op: str, threshold: float, **more: Any) -> dict[str, Any]:
    return {
        "id": "t",
        "indicator": "rate",
        "level": "city",
        "kind": "deadline",
        "op": op,
        "threshold": threshold,
        "deadline": 2025,
        **more,
    }


def cumulative(op: str, threshold: float) -> dict[str, Any]:
    return {**deadline(op, threshold), "kind": "cumulative", "indicator": "money"}


@FAST
@given(
    op=st.sampled_from([">=", ">"]),
    base=tenths,
    threshold=st.integers(min_value=1, max_value=1000),
    low=tenths,
    raise_by=st.integers(min_value=0, max_value=1000),
    year=st.sampled_from(YEARS),
)
def test_raising_this_years_value_never_worsens_a_higher_is_better_deadline(
    op: str, base: int, threshold: int, low: int, raise_by: int, year: int
) -> None:
    high = min(low + raise_by, 1000)
    target = deadline(op, decimal(threshold))
    before = status_of(target, {2020: decimal(base), year: decimal(low)}, year).status
    after = status_of(target, {2020: decimal(base), year: decimal(high)}, year).status
    assert RANK[after] >= RANK[before], (before, after)


@FAST
@given(
    op=st.sampled_from(["<=", "<"]),
    base=tenths,
    threshold=tenths,
    high=tenths,
    lower_by=st.integers(min_value=0, max_value=1000),
    year=st.sampled_from(YEARS),
)
def test_lowering_this_years_value_never_worsens_a_lower_is_better_deadline(
    op: str, base: int, threshold: int, high: int, lower_by: int, year: int
) -> None:
    low = max(high - lower_by, 0)
    target = deadline(op, decimal(threshold))
    before = status_of(target, {2020: decimal(base), year: decimal(high)}, year).status
    after = status_of(target, {2020: decimal(base), year: decimal(low)}, year).status
    assert RANK[after] >= RANK[before], (before, after)


@FAST
@given(
    op=st.sampled_from([">=", ">"]),
    threshold=st.integers(min_value=1, max_value=5000),
    amounts=st.lists(tenths, min_size=1, max_size=5),
    which=st.integers(min_value=0, max_value=4),
    raise_by=st.integers(min_value=0, max_value=1000),
)
def test_raising_a_flow_never_worsens_a_cumulative_target(
    op: str, threshold: int, amounts: list[int], which: int, raise_by: int
) -> None:
    year = 2020 + len(amounts)
    raised = list(amounts)
    raised[which % len(amounts)] += raise_by
    target = cumulative(op, decimal(threshold))
    before = status_of(target, {2021 + i: decimal(a) for i, a in enumerate(amounts)}, year)
    after = status_of(target, {2021 + i: decimal(a) for i, a in enumerate(raised)}, year)
    assert RANK[after.status] >= RANK[before.status], (before.status, after.status)
    assert after.value == before.value + Fraction(raise_by, 10)  # type: ignore[operator]


@FAST
@given(
    base=tenths,
    threshold=tenths,
    value=tenths,
    year=st.sampled_from(YEARS),
    strict=st.booleans(),
)
def test_lower_is_better_mirrors_higher_is_better(
    base: int, threshold: int, value: int, year: int, strict: bool
) -> None:
    # v ≤ T with base b behaves as (100 − v) ≥ (100 − T) with base (100 − b): same status,
    # same progress ratio
    low_op, high_op = ("<", ">") if strict else ("<=", ">=")
    lower = status_of(
        deadline(low_op, decimal(threshold)), {2020: decimal(base), year: decimal(value)}, year
    )
    mirrored = status_of(
        deadline(high_op, decimal(1000 - threshold)),
        {2020: decimal(1000 - base), year: decimal(1000 - value)},
        year,
    )
    assert lower.status is mirrored.status
    assert lower.progress_ratio == mirrored.progress_ratio


@FAST
@given(
    op=st.sampled_from([">=", ">"]),
    base=tenths,
    threshold=st.integers(min_value=1, max_value=1000),
    fall=st.integers(min_value=1, max_value=1000),
    year=st.sampled_from(range(2021, 2025)),
)
def test_falling_below_the_base_short_of_the_threshold_is_behind(
    op: str, base: int, threshold: int, fall: int, year: int
) -> None:
    # higher is better, before the deadline, v < b and the threshold not reached: no progress
    # was made, whatever the base (below T: c < 0 so R < 0; at or above T: the base had it)
    value = max(base - fall, 0)
    if value >= base:
        return
    result = status_of(
        deadline(op, decimal(threshold)), {2020: decimal(base), year: decimal(value)}, year
    )
    satisfied = value > threshold if op == ">" else value >= threshold
    assert result.status is (Status.ACHIEVED_EARLY if satisfied else Status.BEHIND)


@FAST
@given(
    op=st.sampled_from(["<=", "<"]),
    cap=st.integers(min_value=0, max_value=2000),
    amounts=st.lists(tenths, min_size=1, max_size=5),
    deadline_year=st.sampled_from(YEARS),
)
def test_a_used_up_cap_is_not_met_in_any_year(
    op: str, cap: int, amounts: list[int], deadline_year: int
) -> None:
    # flows are never negative, so once S breaks a cumulative cap it can never be kept again
    total = sum(amounts)
    broken = total > cap if op == "<=" else total >= cap
    target = cumulative(op, decimal(cap)) | {"deadline": deadline_year}
    year = 2020 + len(amounts)
    result = status_of(target, {2021 + i: decimal(a) for i, a in enumerate(amounts)}, year)
    if broken:
        assert result.status is Status.NOT_MET
    elif year >= deadline_year:
        assert result.status is Status.MET
    else:
        assert result.status is not Status.NOT_MET


@FAST
@given(
    base=st.integers(min_value=0, max_value=999),
    gap=st.integers(min_value=1, max_value=1000),
    value=tenths,
    year=st.sampled_from(range(2021, 2025)),
)
def test_deadline_trajectory_follows_the_spec_formulas(
    base: int, gap: int, value: int, year: int
) -> None:
    # b < T, ≥, before the deadline: t = (y − 2020) / 5, c = (v − b) / (T − b), R = c / t
    threshold = min(base + gap, 1000)
    b, big_t, v = Fraction(base, 10), Fraction(threshold, 10), Fraction(value, 10)
    result = status_of(
        deadline(">=", decimal(threshold)), {2020: decimal(base), year: decimal(value)}, year
    )
    if v >= big_t:
        assert result.status is Status.ACHIEVED_EARLY
        return
    t = Fraction(year - 2020, 5)
    ratio = (v - b) / (big_t - b) / t
    expected = (
        Status.AHEAD
        if ratio >= Fraction("1.1")
        else Status.ON_TRACK
        if ratio >= Fraction("0.9")
        else Status.BEHIND
    )
    assert result.status is expected
    assert result.progress_ratio == ratio
    assert result.expected == b + (big_t - b) * t


@FAST
@given(
    threshold=st.integers(min_value=1, max_value=5000),
    amounts=st.lists(tenths, min_size=1, max_size=4),
    ahead=st.integers(min_value=101, max_value=150),
    behind=st.integers(min_value=50, max_value=99),
)
def test_cumulative_follows_the_spec_formulas_with_any_bands(
    threshold: int, amounts: list[int], ahead: int, behind: int
) -> None:
    # ≥ T, before the deadline: S = Σ flows, t = (y − 2021 + 1) / 5, e = T · t, R = S / e
    year = 2020 + len(amounts)
    info = plan_dict()["plan"] | {"bands": {"ahead": ahead / 100, "behind": behind / 100}}
    result = status_of(
        cumulative(">=", decimal(threshold)),
        {2021 + i: decimal(a) for i, a in enumerate(amounts)},
        year,
        plan=info,
    )
    total, big_t = Fraction(sum(amounts), 10), Fraction(threshold, 10)
    e = big_t * Fraction(len(amounts), 5)
    ratio = total / e
    if total >= big_t:
        want = Status.ACHIEVED_EARLY
    elif ratio >= Fraction(ahead, 100):
        want = Status.AHEAD
    elif ratio >= Fraction(behind, 100):
        want = Status.ON_TRACK
    else:
        want = Status.BEHIND
    assert result.status is want
    assert (result.value, result.expected) == (total, e)


@FAST
@given(
    previous=st.integers(min_value=1, max_value=1000),
    value=tenths,
    threshold=st.integers(min_value=-100, max_value=200),
)
def test_growth_is_met_iff_the_growth_reaches_the_threshold(
    previous: int, value: int, threshold: int
) -> None:
    # g = (v / p − 1) · 100 ≥ T  ⇔  100 · v ≥ (100 + T) · p   (whole numbers of tenths)
    target = {
        "id": "t",
        "indicator": "money",
        "level": "city",
        "kind": "growth",
        "op": ">=",
        "threshold": threshold,
    }
    result = status_of(target, {2023: decimal(previous), 2024: decimal(value)}, 2024)
    met = 100 * value >= (100 + threshold) * previous
    assert result.status is (Status.MET if met else Status.NOT_MET)
    assert result.value == Fraction(100 * (value - previous), previous)


@st.composite
def any_target(draw: st.DrawFn) -> tuple[dict[str, Any], dict[int, Any], int]:
    """A valid target of any kind, values for some years (or gaps), and a year to judge."""
    kind = draw(st.sampled_from(["annual", "deadline", "cumulative", "growth", "monitor"]))
    boolean = kind in ("annual", "deadline", "monitor") and draw(st.booleans())
    target: dict[str, Any] = {
        "id": "t",
        "indicator": "done" if boolean else "money",
        "level": "city",
        "kind": kind,
    }
    if kind in ("deadline", "cumulative"):
        target["deadline"] = draw(st.sampled_from(YEARS))
    if kind == "monitor":
        pass
    elif boolean:
        target |= {"op": "==", "threshold": draw(st.booleans())}
    else:
        op = draw(st.sampled_from([">=", ">", "<=", "<", "==", "between"]))
        if op == "between":
            low, high = sorted((draw(tenths), draw(tenths)))
            target |= {"op": op, "threshold": [decimal(low), decimal(high)]}
        else:
            target |= {"op": op, "threshold": decimal(draw(tenths))}
    value = st.booleans() if boolean else tenths.map(decimal)
    # per year: a value, a file without it (None), or no file (left out)
    values: dict[int, Any] = {}
    for year in range(2020, 2026):
        choice = draw(st.sampled_from(["value"] * 8 + ["gap", "no-file"]))
        if choice == "value":
            values[year] = draw(value)
        elif choice == "gap":
            values[year] = None
    return target, values, draw(st.sampled_from(YEARS))


@settings(max_examples=300, deadline=None)
@given(case=any_target())
def test_status_is_one_the_spec_allows_for_the_kind(
    case: tuple[dict[str, Any], dict[int, Any], int],
) -> None:
    target, values, year = case
    result = status_of(target, values, year)
    assert result.status in ALLOWED[target["kind"]]
    if target["kind"] in ("deadline", "cumulative"):
        if year >= target["deadline"]:
            assert result.status in JUDGED
        elif result.status is Status.NOT_MET:
            # before the deadline only a bound that can no longer be kept gives not_met
            assert target["op"] in ("between", "<=", "<")
            assert target["kind"] == "cumulative" or target["op"] == "between"
    # this year's value is needed by every kind
    if values.get(year) is None:
        assert result.status is Status.MISSING
    if result.status is Status.MISSING:
        assert result.missing is not None or result.previous == 0
    else:
        assert result.value is not None
