"""The plan file's models (SPEC §3) and the `Plan` with its unit tree and look-ups."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from fractions import Fraction
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StringConstraints,
    field_validator,
)

from kxplan.model.comparisons import Op, Threshold
from kxplan.model.formula import Formula
from kxplan.text import in_lang

if TYPE_CHECKING:
    from kxplan.model.assessment import Assessment

Id = Annotated[str, StringConstraints(strict=True, pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Code = Annotated[str, StringConstraints(strict=True, pattern=r"^[0-9]{6}$")]
Text = Annotated[str, StringConstraints(strict=True, min_length=1, max_length=2000)]
Year = Annotated[StrictInt, Field(ge=1900, le=2200)]
Number = StrictInt | StrictFloat
# A year as a mapping's key: YAML keys are read as text, so `2022:` arrives as "2022"
YearKey = Annotated[int, Field(ge=1900, le=2200)]


class ValueType(StrEnum):
    COUNT = "count"
    AMOUNT = "amount"
    PERCENT = "percent"
    BOOLEAN = "boolean"


class Nature(StrEnum):
    STOCK = "stock"
    FLOW = "flow"


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


class Aggregate(StrEnum):
    """How a parent's value is formed from its direct children's (SPEC §7)."""

    SUM = "sum"
    MEAN = "mean"
    MIN = "min"
    MAX = "max"
    ALL = "all"
    ANY = "any"
    WEIGHTED_MEAN = "weighted_mean"  # written `{weighted_mean: <id>}`, never bare
    NONE = "none"


class Relative(StrEnum):
    """A threshold relative to each unit's base value (SPEC §7): `points` adds it, `percent`
    grows the base by it."""

    POINTS = "points"
    PERCENT = "percent"


class Kind(StrEnum):
    ANNUAL = "annual"
    DEADLINE = "deadline"
    CUMULATIVE = "cumulative"
    GROWTH = "growth"
    MONITOR = "monitor"
    AVERAGE_GROWTH = "average_growth"


class _Model(BaseModel):
    # `1.5e+400` reads as infinity: no threshold or band is one (and exact numbers have none)
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Bands(_Model):
    ahead: Annotated[StrictFloat, Field(gt=1)] = 1.10
    behind: Annotated[StrictFloat, Field(gt=0, lt=1)] = 0.90


class TargetBands(_Model):
    """A target's own progress bands; an edge it does not give is the plan's."""

    ahead: Annotated[StrictFloat, Field(gt=1)] | None = None
    behind: Annotated[StrictFloat, Field(gt=0, lt=1)] | None = None


#: a threshold as the plan writes it: a number, true/false, or [low, high] for between
GivenThreshold = StrictBool | Number | list[Number]


class PlanInfo(_Model):
    id: Text
    name: Text
    name_en: Text | None = None
    period: Annotated[list[Year], Field(min_length=2, max_length=2)]
    base_year: Year
    bands: Bands = Bands()


class Level(_Model):
    id: Id
    name: Text
    name_en: Text | None = None


class Unit(_Model):
    code: Code
    name: Text
    name_en: Text | None = None
    level: Id
    parent: Code | None = None


class WeightedMean(_Model):
    """`aggregate: {weighted_mean: population}`: the children's values weighted by another
    indicator's."""

    weighted_mean: Id


class Indicator(_Model):
    id: Id
    name: Text
    name_en: Text | None = None
    measure: Text | None = None
    measure_en: Text | None = None
    type: ValueType
    nature: Nature
    direction: Direction
    aggregate: Aggregate | WeightedMean = Aggregate.NONE
    formula: Text | None = None
    instruction: Text | None = None
    instruction_en: Text | None = None

    @field_validator("aggregate")
    @classmethod
    def _weight_named(cls, value: Aggregate | WeightedMean) -> Aggregate | WeightedMean:
        if value is Aggregate.WEIGHTED_MEAN:
            raise ValueError("weighted_mean names its weight: {weighted_mean: <id>}")
        return value

    @property
    def aggregation(self) -> Aggregate:
        """How a parent's value is formed (`weighted_mean` for the mapping)."""
        return (
            Aggregate.WEIGHTED_MEAN if isinstance(self.aggregate, WeightedMean) else self.aggregate
        )

    @property
    def weight(self) -> str | None:
        """The indicator whose values weigh the children's, for `weighted_mean`."""
        return self.aggregate.weighted_mean if isinstance(self.aggregate, WeightedMean) else None

    @property
    def derived(self) -> bool:
        """Computed by its `formula` from the same unit's values, never reported."""
        return self.formula is not None


class Target(_Model):
    id: Id
    name: Text | None = None
    name_en: Text | None = None
    indicator: Id
    level: Id | list[Id]
    kind: Kind
    op: Op | None = None
    threshold: GivenThreshold | None = None
    deadline: Year | None = None
    start: Year | None = None
    # the expected value (a running sum for cumulative targets) of listed years: §7 milestones
    milestones: dict[YearKey, Number] | None = None
    # the second edition's per-target settings (SPEC §7); `kxplan.model.scope` reads them
    quotas: dict[Text, GivenThreshold] | None = None
    relative: Relative | None = None
    bands: TargetBands | None = None
    base_year: Year | None = None
    years: Annotated[list[Year], Field(min_length=2, max_length=2)] | None = None
    clause: Text
    quote: Text | None = None
    hint: Text | None = None
    hint_en: Text | None = None

    @property
    def levels(self) -> tuple[str, ...]:
        return (self.level,) if isinstance(self.level, str) else tuple(self.level)

    @cached_property
    def bound(self) -> Threshold | None:
        """The threshold as exact numbers (booleans as 0/1, `between` as a pair)."""
        return None if self.threshold is None else exact_threshold(self.threshold)


class PlanFile(_Model):
    plan: PlanInfo
    levels: list[Level]
    units: list[Unit]
    indicators: list[Indicator]
    targets: list[Target]
    #: the annual assessment (SPEC §8), checked by `load/assessment.py` and built as the
    #: `Plan`'s `assessment`; kept raw here so that its problems are said in its own words
    assessment: dict[Any, Any] | None = None


def exact_threshold(given: GivenThreshold) -> Threshold:
    """A threshold as exact numbers (booleans as 0/1, `between` as a pair)."""
    if isinstance(given, list):
        low, high = given
        return (exact(low), exact(high))
    return exact(given)


def exact(number: bool | int | float) -> Fraction:
    """The number as written: 8.6 is 43/5, not the nearest binary float."""
    return Fraction(int(number)) if isinstance(number, bool) else Fraction(str(number))


class Plan:
    """A consistent plan (checked by `planload`) with the look-ups the rest of kxplan needs."""

    def __init__(
        self, spec: PlanFile, source: str, formulas: Mapping[str, Formula] | None = None
    ) -> None:
        self.spec = spec
        #: each derived indicator's formula, read by `kxplan.load.formula`
        self.formulas = dict(formulas or {})
        self.source = source
        self.info = spec.plan
        self.levels = spec.levels
        self.units = spec.units
        self.indicators = {indicator.id: indicator for indicator in spec.indicators}
        self.targets = spec.targets
        self._by_code = {unit.code: unit for unit in spec.units}
        self._by_name = {unit.name: unit for unit in spec.units}

    def name(self, lang: str) -> str:
        return in_lang(self.info.name, self.info.name_en, lang)

    @cached_property
    def assessment(self) -> Assessment | None:
        """The plan's `assessment` section, None when it has none."""
        from kxplan.model.assessment import Assessment  # it builds on this module's `exact`

        raw = self.spec.assessment
        return None if raw is None else Assessment.model_validate(raw)

    @property
    def start(self) -> int:
        return self.info.period[0]

    @property
    def end(self) -> int:
        return self.info.period[1]

    @property
    def base_year(self) -> int:
        return self.info.base_year

    @property
    def years(self) -> range:
        return range(self.start, self.end + 1)

    @property
    def ahead_band(self) -> Fraction:
        return exact(self.info.bands.ahead)

    @property
    def behind_band(self) -> Fraction:
        return exact(self.info.bands.behind)

    def unit(self, name_or_code: str) -> Unit | None:
        return self._by_name.get(name_or_code) or self._by_code.get(name_or_code)

    def unit_words(self) -> list[str]:
        return [*self._by_name, *self._by_code]

    @cached_property
    def children(self) -> dict[str, list[Unit]]:
        tree: dict[str, list[Unit]] = {unit.code: [] for unit in self.units}
        for unit in self.units:
            if unit.parent is not None:
                tree[unit.parent].append(unit)
        return tree

    @cached_property
    def root(self) -> Unit:
        return next(unit for unit in self.units if unit.parent is None)

    def units_at(self, levels: tuple[str, ...]) -> list[Unit]:
        """Units of these levels, in tree order (each parent before its children)."""
        return [unit for unit in self.tree_order if unit.level in levels]

    @cached_property
    def tree_order(self) -> list[Unit]:
        order: list[Unit] = []
        stack = [self.root]
        while stack:
            unit = stack.pop()
            order.append(unit)
            stack.extend(reversed(self.children[unit.code]))
        return order

    def ancestors(self, unit: Unit) -> list[Unit]:
        chain: list[Unit] = []
        while unit.parent is not None:
            unit = self._by_code[unit.parent]
            chain.append(unit)
        return chain

    def descendants(self, unit: Unit) -> list[Unit]:
        """Every unit below `unit`, in tree order."""
        found: list[Unit] = []
        stack = list(reversed(self.children[unit.code]))
        while stack:
            each = stack.pop()
            found.append(each)
            stack.extend(reversed(self.children[each.code]))
        return found

    def lineage(self, unit: Unit) -> list[Unit]:
        """`unit` with every unit above it and below it: all that its values are formed
        from and all it is shown within."""
        return [*reversed(self.ancestors(unit)), unit, *self.descendants(unit)]

    def formula(self, indicator_id: str) -> Formula:
        assert indicator_id in self.formulas, "a derived indicator's formula is read with the plan"
        return self.formulas[indicator_id]

    def inputs(self, indicator_id: str) -> list[str]:
        """The reported indicators a value rests on: itself, or for a derived one the inputs
        of its formula, followed down through derived inputs (the plan has no cycles)."""
        if not self.indicators[indicator_id].derived:
            return [indicator_id]
        found: list[str] = []
        for ident in self.formula(indicator_id).ids:
            found.extend(each for each in self.inputs(ident) if each not in found)
        return found

    def targets_for(self, unit: Unit) -> list[Target]:
        return [target for target in self.targets if unit.level in target.levels]

    def level(self, level_id: str) -> Level:
        return next(level for level in self.levels if level.id == level_id)
