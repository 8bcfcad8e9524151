"""What an audit trail holds (`kxplan explain`): the inputs with their places, each step of
the arithmetic as named quantities (exact fractions, named as its formula names them: v, b, T,
t, e…), and the decision with its band edges. No words: `kxplan.render.trail` says them."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from kxplan.engine.rules import Result, Value
from kxplan.model.comparisons import Op, Threshold
from kxplan.model.data import Observation
from kxplan.model.dataset import Missing
from kxplan.model.plan import Aggregate, Indicator, Relative, Unit
from kxplan.model.problems import Problem
from kxplan.model.status import Status


@dataclass(frozen=True)
class Input:
    """A reported value the result rests on, with its place (`observation.file`, `.line`);
    `indicator` when it is not the target's own (an input of a derived indicator, a weight)."""

    year: int
    unit: Unit | None
    observation: Observation
    indicator: Indicator | None = None


@dataclass(frozen=True)
class Sum:
    """A unit's value in `year`, the sum of its lower units' reported values."""

    year: int
    parts: tuple[Fraction, ...]
    total: Fraction


@dataclass(frozen=True)
class Formed:
    """A unit's value in `year` formed from its direct children's `parts` by `how` (a mean,
    the least, the greatest, all or any of them; a weighted mean with their `weights`)."""

    year: int
    how: Aggregate
    parts: tuple[Fraction, ...]
    weights: tuple[Fraction, ...]
    value: Fraction


@dataclass(frozen=True)
class Derived:
    """A derived indicator's value in `year`: its `formula` with the unit's `inputs` (each id
    and its value) put in."""

    year: int
    indicator: str
    formula: str
    inputs: tuple[tuple[str, Fraction], ...]
    value: Fraction


@dataclass(frozen=True)
class PartialSum:
    """No sum in `year`: of `count` lower units, those `absent` have no value."""

    year: int
    count: int
    absent: tuple[Unit, ...]
    how: Aggregate = Aggregate.SUM  # a max's, min's or mean's gap is not a sum's


@dataclass(frozen=True)
class ThisYear:
    """v, the value the rule judges this year."""

    v: Value | None


@dataclass(frozen=True)
class GrowthValues:
    """p and v: last year's value and this year's."""

    p: Fraction
    v: Fraction


@dataclass(frozen=True)
class Growth:
    """g = (v / p − 1) × 100."""

    p: Fraction
    v: Fraction
    g: Value | None


@dataclass(frozen=True)
class Base:
    """b, the base year's value."""

    b: Fraction
    year: int


@dataclass(frozen=True)
class Goal:
    """T, the number the line heads for: the threshold, or the lower bound of `between`."""

    goal: Fraction


@dataclass(frozen=True)
class TimeShare:
    """t = (y − y0) / (yT − y0): how far the year is from the base year to the deadline."""

    y: int
    y0: int
    yT: int
    t: Fraction


@dataclass(frozen=True)
class FlatLine:
    """No line from b to T, so e = T: b equals T (`at_goal`), or b already met the rule."""

    e: Fraction
    at_goal: bool


@dataclass(frozen=True)
class Expected:
    """e = b + (T − b) × t."""

    b: Fraction
    goal: Fraction
    t: Fraction
    e: Fraction


@dataclass(frozen=True)
class Completion:
    """c = (v − b) / (T − b)."""

    v: Value | None
    b: Fraction
    goal: Fraction
    c: Fraction


@dataclass(frozen=True)
class Ratio:
    """R = c / t."""

    c: Fraction
    t: Fraction
    r: Fraction


@dataclass(frozen=True)
class Total:
    """S, the yearly values from `first` to `last` added."""

    terms: tuple[Fraction, ...]
    s: Fraction
    first: int
    last: int


@dataclass(frozen=True)
class TotalTimeShare:
    """t = (y − ys + 1) / (yT − ys + 1): the share of the target's years gone."""

    y: int
    ys: int
    yT: int
    t: Fraction


@dataclass(frozen=True)
class TotalExpected:
    """e = T × t."""

    goal: Fraction
    t: Fraction
    e: Fraction


@dataclass(frozen=True)
class TotalCompletion:
    """c = S / T."""

    s: Fraction
    goal: Fraction
    c: Fraction


@dataclass(frozen=True)
class TotalRatio:
    """R = S / e."""

    s: Fraction
    e: Fraction
    r: Fraction


@dataclass(frozen=True)
class CeilingEdge:
    """A ceiling on a running sum: used faster than the pro-rata share, `R ≥ edge` (2 − behind),
    is behind; slower is on track."""

    edge: Fraction


@dataclass(frozen=True)
class UnitThreshold:
    """The threshold the target sets for this unit: its quota (`quota`), and for a relative
    target `given` resolved against the base value `b` of `year` into `bound` (None without b)."""

    given: Threshold
    bound: Threshold | None
    quota: bool
    relative: Relative | None = None
    b: Fraction | None = None
    year: int | None = None


@dataclass(frozen=True)
class AverageGrowth:
    """The average growth so far: ((v / b)^(1/n) − 1) × 100, n = y − y0."""

    v: Fraction
    b: Fraction
    n: int
    g: Value | None


@dataclass(frozen=True)
class GrowthLine:
    """b × q^n on the compound line, q = 1 + g/100: the deadline level L (`deadline`) or the
    year's expected value e."""

    b: Fraction
    q: Fraction
    n: int
    value: Fraction
    deadline: bool


@dataclass(frozen=True)
class MilestoneLine:
    """e on the straight line between two anchors (the start, a milestone, the deadline):
    e = e1 + (e2 − e1) × (y − y1) / (y2 − y1)."""

    y1: int
    e1: Fraction
    y2: int
    e2: Fraction
    y: int
    e: Fraction


@dataclass(frozen=True)
class LineRatio:
    """R = (v − b) / (e − b): progress against a milestone or a compound line."""

    v: Fraction
    b: Fraction
    e: Fraction
    r: Fraction


@dataclass(frozen=True)
class NoMovement:
    """e equals the starting value: no change is expected this year, R has no value."""

    e: Fraction


@dataclass(frozen=True)
class ThresholdTest:
    """The rule's comparison on the value it judges: `value op bound`, and whether it holds."""

    value: Value | None
    op: Op
    bound: Threshold
    holds: bool
    level: bool = False  # `bound` is an average growth's deadline level L, not the threshold


@dataclass(frozen=True)
class Band:
    """Where the progress ratio falls among the band edges; for a ceiling on a running sum
    (`mirrored`), `behind` is the one edge 2 − behind that R must stay under."""

    ratio: Fraction
    mirrored: bool
    ahead: Fraction
    behind: Fraction


@dataclass(frozen=True)
class Verdict:
    """The status, and what decided it: the comparison and, on the way, the band (none for
    a missing or a monitored result)."""

    status: Status
    test: ThresholdTest | None = None
    band: Band | None = None


#: a step of the arithmetic, in the order the rule takes them
Step = (
    Sum
    | Formed
    | Derived
    | PartialSum
    | ThisYear
    | GrowthValues
    | Growth
    | Base
    | Goal
    | TimeShare
    | FlatLine
    | Expected
    | Completion
    | Ratio
    | Total
    | TotalTimeShare
    | TotalExpected
    | TotalCompletion
    | TotalRatio
    | CeilingEdge
    | UnitThreshold
    | AverageGrowth
    | GrowthLine
    | MilestoneLine
    | LineRatio
    | NoMovement
    | Verdict
)


@dataclass(frozen=True)
class Audit:
    """One result's trail: its inputs by year, the values missing for it (each part of a sum
    that has none), and its steps, the verdict last; and the problems of the data files read
    for it (an invalid file's values count as missing, and the reader must know why)."""

    result: Result
    inputs: list[Input]
    gaps: list[Missing]
    steps: list[Step]
    problems: list[Problem] = field(default_factory=list)
