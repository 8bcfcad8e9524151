"""The plainly-valid check of data files against pydantic's model: whatever it accepts the
model accepts too, with the same values of the same types, and it accepts the usual files."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from conftest import ROOT
from kxplan.load.datafile import normalize
from kxplan.load.datamodel import file_model
from kxplan.load.plainvalid import plain_values
from kxplan.load.planfile import load_plan
from kxplan.model.plan import Plan
from kxplan.yaml.safe import _decode, _hidden_break, careful_document
from test_quick_yaml import WRITTEN, _mutants

PLANS = {
    "data": ROOT / "targets.yaml",
    "province-15": ROOT / "examples" / "province-15" / "targets.yaml",
}


@pytest.fixture(scope="module")
def plans() -> dict[str, Plan]:
    return {name: load_plan(path, path.name, "zh") for name, path in PLANS.items()}


def _typed(value: Any) -> Any:
    """`value` with each leaf's type beside it (1, 1.0 and True are equal to Python), and
    mappings as sorted pairs (the model dumps its fields in its own order)."""
    if isinstance(value, dict):
        return sorted((key, _typed(item)) for key, item in value.items())
    return (type(value).__name__, value)


def _plan_of(text: str, plans: dict[str, Plan]) -> Plan:
    return plans["province-15" if "云东县" in text or "省" in text else "data"]


def _both(plan: Plan, text: str) -> tuple[Any, Any] | None:
    """plain_values and the model's dump of the file, or None when it is no mapping."""
    document = careful_document(text, "x.yaml", "zh")[0]
    if document is None or not isinstance(document.data, dict):
        return None
    normalized = normalize(document.data, document)
    try:
        dumped = file_model(plan).model_validate(normalized).model_dump(exclude_none=True)
    except ValidationError:
        dumped = None
    return plain_values(plan, normalized), dumped and dumped["values"]


@pytest.mark.parametrize("path", WRITTEN, ids=lambda p: f"{p.parent.parent.parent.name}/{p.name}")
def test_the_usual_files_are_plainly_valid(path: Any, plans: dict[str, Plan]) -> None:
    plan = plans["province-15" if "province-15" in str(path) else "data"]
    both = _both(plan, path.read_text(encoding="utf-8"))
    assert both is not None
    plain, dumped = both
    assert plain is not None
    assert _typed(plain) == _typed(dumped)


def test_what_it_accepts_the_model_accepts_alike(plans: dict[str, Plan]) -> None:
    accepted = refused = 0
    for number, text in enumerate(_mutants(1500, 42)):
        decoded = _decode(text.encode("utf-8", errors="replace"), "zh")[0]
        if decoded is None or _hidden_break(decoded, "zh") is not None:
            continue
        both = _both(_plan_of(decoded, plans), decoded)
        if both is None:
            continue
        plain, dumped = both
        if plain is None:
            refused += 1
            continue
        accepted += 1
        assert dumped is not None, f"mutant {number}: {decoded!r}"
        assert _typed(plain) == _typed(dumped), f"mutant {number}: {decoded!r}"
    assert accepted > 150 and refused > 500  # the mutants test both ways
