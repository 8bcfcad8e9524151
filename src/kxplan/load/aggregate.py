"""Whether each indicator's `aggregate` fits it (SPEC §7): `all`/`any` of yes/no values only,
`mean`/`min`/`max`/`weighted_mean` of numbers only, and a weight that is an indicator of
counts or amounts. (`sum` of yes/no or percentages is refused by `plancheck`.)"""

from __future__ import annotations

from collections.abc import Iterator

from kxplan.model.dataset import YES_NO_FORMS
from kxplan.model.plan import Aggregate, PlanFile, ValueType
from kxplan.text import tr
from kxplan.text.suggest import closest
from kxplan.yaml.document import Path_

#: the aggregates that need numbers (a mean of yes/no values means nothing)
_OF_NUMBERS = frozenset({Aggregate.MEAN, Aggregate.MIN, Aggregate.MAX, Aggregate.WEIGHTED_MEAN})
#: what a weight may be: a count or an amount (a percentage or a yes/no weighs nothing)
_WEIGHTS = frozenset({ValueType.COUNT, ValueType.AMOUNT})


def aggregate_problems(spec: PlanFile, lang: str) -> Iterator[tuple[Path_, str]]:
    indicators = {indicator.id: indicator for indicator in spec.indicators}
    for index, indicator in enumerate(spec.indicators):
        how, place = indicator.aggregation, ("indicators", index, "aggregate")
        if indicator.derived:
            continue  # `kxplan.load.formula` refuses any aggregate on it
        boolean = indicator.type is ValueType.BOOLEAN
        if how in YES_NO_FORMS and not boolean:
            yield place, tr("aggregate-yes-no-only", lang, id=indicator.id, how=how.value)
        if how in _OF_NUMBERS and boolean:
            yield place, tr("aggregate-numbers-only", lang, id=indicator.id, how=how.value)
        weight = indicator.weight
        if weight is None or boolean:
            continue
        where = (*place, "weighted_mean")
        if weight not in indicators:
            guess = closest(weight, indicators)
            suggest = tr("did-you-mean", lang, id=guess) if guess else ""
            message = tr("aggregate-weight-unknown", lang, id=indicator.id, ref=weight)
            yield where, message + suggest
        elif indicators[weight].type not in _WEIGHTS:
            kind = indicators[weight].type.value
            yield where, tr("aggregate-weight-type", lang, id=indicator.id, ref=weight, type=kind)
