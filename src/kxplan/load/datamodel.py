"""Pydantic models of a data file (SPEC §5), built for the indicators of one plan."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictInt, create_model

from kxplan.model.plan import Indicator, Plan, ValueType

NOTE_LENGTH = 2000
Note = Annotated[str, Field(max_length=NOTE_LENGTH)]


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)
    source: Note | None = None
    note: Note | None = None


#: No count or amount of a plan's indicator comes near this: a larger figure is a typing slip
#: (and would overflow the floats of JSON and Excel).
MAX_VALUE = 10**12

VALUE_TYPES: dict[ValueType, Any] = {
    ValueType.COUNT: Annotated[StrictInt, Field(ge=0, le=MAX_VALUE)],
    ValueType.AMOUNT: Annotated[
        StrictInt | StrictFloat, Field(ge=0, le=MAX_VALUE, allow_inf_nan=False)
    ],
    ValueType.PERCENT: Annotated[StrictInt | StrictFloat, Field(ge=0, le=100, allow_inf_nan=False)],
    ValueType.BOOLEAN: StrictBool,
}

#: what a value of each type should be, in the catalogue's words
EXPECTED: dict[ValueType, str] = {
    ValueType.COUNT: "expect-count",
    ValueType.AMOUNT: "expect-amount",
    ValueType.PERCENT: "expect-percent",
    ValueType.BOOLEAN: "expect-boolean",
}


def entry_model(value_type: ValueType) -> type[_Entry]:
    return _ENTRIES[value_type]


_ENTRIES: dict[ValueType, type[_Entry]] = {
    value_type: create_model(
        f"{value_type.value.title()}Entry", __base__=_Entry, value=(python_type | None, None)
    )
    for value_type, python_type in VALUE_TYPES.items()
}


def values_model(indicators: dict[str, Indicator]) -> type[BaseModel]:
    """One optional field per indicator; any other key is refused. A derived indicator's
    figure is taken as it is, to be ignored (`derived-reported` says so)."""
    fields: dict[str, Any] = {
        indicator.id: (Any if indicator.derived else entry_model(indicator.type) | None, None)
        for indicator in indicators.values()
    }
    return create_model("Values", __config__=ConfigDict(extra="forbid", frozen=True), **fields)


def file_model(plan: Plan) -> type[BaseModel]:
    values = values_model(plan.indicators)
    return create_model(
        "DataFile",
        __config__=ConfigDict(extra="forbid", frozen=True),
        unit=(Annotated[str, Field(strict=True, min_length=1)], ...),
        year=(StrictInt, ...),
        values=(values, ...),
    )
