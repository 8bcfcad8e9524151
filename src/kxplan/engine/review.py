"""The plan-period review at the top unit (中期评估, 终期评估): one row per target.

A target that applies to lower units (the counties) is judged as the plan words it — “each
county shall …” — so its status is the least favourable status among the units it applies
to, in the order of `SEVERITY`; the row also counts the units per status.

A target for every year (an annual or a growth target: “每年…”, “年增长…”) is reviewed over the
years of the period so far, not on the review year alone: a unit's status is its least
favourable status of those years, and the years in which it was not met are listed
(`ReviewRow.missed`), so that a year missed in the middle of the period is not hidden by a good
last year.

A target for the top unit *and* the lower units (“市县区科协每年…”) shows the top unit's own
values and status, so that a row's figures and status come from the same unit, and counts the
lower units per status beside them; the summary counts it once, by the least favourable status
of all its units (`ReviewRow.overall`), as it would count a target of the counties alone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from enum import StrEnum
from fractions import Fraction

from kxplan.engine.history import Value, base_value
from kxplan.engine.progress import (
    Period,
    Progress,
    annual_completion,
    cumulative_progress,
    deadline_progress,
)
from kxplan.engine.rules import Result, evaluate
from kxplan.model.comparisons import Op, satisfies
from kxplan.model.dataset import DataSet
from kxplan.model.plan import Indicator, Kind, Plan, Target, Unit
from kxplan.model.problems import Problem, sort_key
from kxplan.model.scope import applies_in, base_year_of, sum_start, target_units
from kxplan.model.status import Status

# Least favourable first: a known failure outweighs a gap in the data, and a gap outweighs
# any success (a target cannot be called met while a county has not reported).
SEVERITY: tuple[Status, ...] = (
    Status.NOT_MET,
    Status.BEHIND,
    Status.MISSING,
    Status.IN_PROGRESS,
    Status.ON_TRACK,
    Status.AHEAD,
    Status.ACHIEVED_EARLY,
    Status.MET,
    Status.MONITORED,
)
# The order of the summary sentence: progress first, as reviews report it.
SUMMARY_ORDER: tuple[Status, ...] = (
    Status.ACHIEVED_EARLY,
    Status.AHEAD,
    Status.ON_TRACK,
    Status.BEHIND,
    Status.IN_PROGRESS,
    Status.MET,
    Status.NOT_MET,
    Status.MONITORED,
    Status.MISSING,
)
REACHED = frozenset({Status.MET, Status.ACHIEVED_EARLY})
#: Targets the plan sets for each year: reviewed over every year of the period so far.
EVERY_YEAR = frozenset({Kind.ANNUAL, Kind.GROWTH})


class Stage(StrEnum):
    YEARLY = "yearly"
    MID_TERM = "mid_term"
    FINAL = "final"


@dataclass(frozen=True)
class ReviewRow:
    """`status` is the row's own: the top unit's where the target applies to it, else the least
    favourable of the lower units'. `overall`, what the summary counts, is the least favourable
    of every unit the target applies to; the two differ only for a target of both levels."""

    target: Target
    indicator: Indicator
    status: Status
    overall: Status
    result: Result | None
    base: Value | None
    progress: Progress
    lower: list[Result]
    reached: dict[int, int]
    results: dict[int, Result]  # the top unit's, each year (none for the lower units' targets)
    lower_statuses: list[Status]  # each lower unit's, as the row judges it
    missed: list[int]  # years an every-year target was not met
    #: each lower unit's result, each year of the period so far (what the row's counts sum up)
    lower_years: dict[int, list[Result]] = field(default_factory=dict)

    @property
    def by_year(self) -> dict[int, Value | None]:
        """The top unit's value each year."""
        return {year: result.value for year, result in self.results.items()}

    @property
    def both_levels(self) -> bool:
        """The target applies to the top unit and to lower units."""
        return self.result is not None and bool(self.lower)

    @property
    def every_year(self) -> bool:
        return self.target.kind in EVERY_YEAR

    def lower_units(self) -> dict[Status, list[Unit]]:
        """The lower units per status, as the row judges each (the order of the summary)."""
        # the units of any year the target applies in (the review year may not be one of them)
        results = next(iter(self.lower_years.values()), self.lower)
        pairs = list(zip([result.unit for result in results], self.lower_statuses, strict=True))
        return {
            status: [unit for unit, own in pairs if own is status]
            for status in SUMMARY_ORDER
            if status in self.lower_statuses
        }

    def lower_counts(self) -> dict[Status, int]:
        counts = Counter(self.lower_statuses)
        return {status: counts[status] for status in SUMMARY_ORDER if counts[status]}


@dataclass(frozen=True)
class Review:
    plan: Plan
    unit: Unit
    year: int
    stage: Stage
    rows: list[ReviewRow]
    missing_files: list[Unit]
    invalid_files: list[str]
    problems: list[Problem]

    @property
    def years(self) -> list[int]:
        return list(range(self.plan.start, self.year + 1))

    def summary(self) -> dict[Status, int]:
        counts = Counter(row.overall for row in self.rows)
        return {status: counts[status] for status in SUMMARY_ORDER}


def stage(plan: Plan, year: int) -> Stage:
    if year >= plan.end:
        return Stage.FINAL
    if year == (plan.start + plan.end) // 2:
        return Stage.MID_TERM
    return Stage.YEARLY


def build_review(plan: Plan, data: DataSet, year: int) -> Review:
    top = plan.root
    years = range(plan.start, year + 1)
    rows = []
    for target in plan.targets:
        units = target_units(plan.units_at(target.levels), target)
        lower = [unit for unit in units if unit != top]
        given = [y for y in years if applies_in(plan, target, y)]  # its `years`, its base year
        if not given:
            continue
        own = {y: evaluate(plan, data, target, top, y) for y in given} if top in units else {}
        lower_results = {y: [evaluate(plan, data, target, u, y) for u in lower] for y in given}
        result = own.get(year)
        base = base_value(plan, data, target, top) if result else None
        if target.kind in EVERY_YEAR:
            own_status = worst([r.status for r in own.values()]) if own else None
            statuses = [
                worst([results[index].status for results in lower_results.values()])
                for index in range(len(lower))
            ]
        else:
            own_status = result.status if result else None
            statuses = [r.status for r in lower_results.get(year, [])]
        rows.append(
            ReviewRow(
                target=target,
                indicator=plan.indicators[target.indicator],
                status=own_status or worst(statuses),
                overall=worst(statuses + ([own_status] if own_status else [])),
                result=result,
                base=base,
                progress=progress_of(plan, result, base) if result else Progress(),
                lower=lower_results.get(year, []),
                reached=_reached(target, lower_results) if lower else {},
                results=own,
                lower_statuses=statuses,
                missed=_missed(target, own, lower_results),
                lower_years=lower_results if lower else {},
            )
        )
    everyone = plan.tree_order
    return Review(
        plan=plan,
        unit=top,
        year=year,
        stage=stage(plan, year),
        rows=rows,
        missing_files=data.missing_files(year, everyone),
        invalid_files=data.invalid_files(year, everyone),
        problems=sorted(data.problems, key=sort_key),
    )


def worst(statuses: list[Status]) -> Status:
    return min(statuses, key=SEVERITY.index) if statuses else Status.MISSING


def progress_of(plan: Plan, result: Result, base: Value | None) -> Progress:
    """The arithmetic of `kxplan.engine.progress` for one result; none for what has no number."""
    target, value, bound = result.target, result.value, result.threshold
    if target.op is None or bound is None or value is None or isinstance(value, bool):
        return Progress()
    op = target.op
    if target.kind is Kind.ANNUAL:
        return annual_completion(value, op, bound)
    if target.kind is Kind.DEADLINE:
        period = Period(base_year_of(plan, target), _deadline(target), result.year)
        number = None if isinstance(base, bool) else base
        progress = _as_judged(deadline_progress(number, value, op, bound, period), result)
    elif target.kind is Kind.CUMULATIVE:
        period = Period(sum_start(plan, target), _deadline(target), result.year)
        progress = _as_judged(cumulative_progress(value, op, bound, period), result)
    elif target.kind is Kind.AVERAGE_GROWTH:  # the time gone and the compound line's value
        return Progress(time_share=result.time_share, expected=result.expected)
    else:
        return Progress()
    if op is Op.BETWEEN and progress.completion is not None and satisfies(value, op, bound):
        # a range (“1—2次”) is complete anywhere inside it: 2 of 1–2 is 100 %, not 200 %
        return replace(progress, completion=Fraction(1))
    return progress


def _as_judged(progress: Progress, result: Result) -> Progress:
    """Before the deadline the engine judged the result on its own figures (expected value,
    completion, time share): the review shows those, so that the table and `check` never
    disagree — where the engine drew no line (a base already at the threshold) neither does
    the review. At the deadline the review's completion rate stands as computed."""
    if result.time_share is None:  # judged at the deadline, or not on a line at all
        return progress
    completion = result.completion
    if completion is None and result.target.milestones:  # R = S / e, not c / t: c stands
        completion = progress.completion
    elif completion is None and result.progress_ratio is not None:  # cumulative: ratio = c / t
        completion = result.progress_ratio * result.time_share
    return replace(
        progress, completion=completion, time_share=result.time_share, expected=result.expected
    )


def _reached(target: Target, by_year: dict[int, list[Result]]) -> dict[int, int]:
    """Per year, how many lower units satisfied the threshold (none for monitored targets)."""
    if target.kind is Kind.MONITOR:
        return {}
    return {year: sum(r.status in REACHED for r in results) for year, results in by_year.items()}


def _missed(target: Target, own: dict[int, Result], lower: dict[int, list[Result]]) -> list[int]:
    """The years an every-year target was not met: by the top unit when it is the top unit's,
    else by any lower unit."""
    if target.kind not in EVERY_YEAR:
        return []
    if own:
        return [year for year, result in own.items() if result.status is Status.NOT_MET]
    return [
        year for year, results in lower.items() if any(r.status is Status.NOT_MET for r in results)
    ]


def _deadline(target: Target) -> int:
    assert target.deadline is not None, "plan checks guarantee a deadline for these kinds"
    return target.deadline
