"""`kxplan schema`: a JSON Schema that a standard validator applies as kxplan does."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from conftest import ROOT, plan_dict, run, write_yaml
from kxplan.load.datafile import FileChecker
from kxplan.load.planfile import load_plan
from kxplan.model.plan import Plan
from kxplan.repo.schema import DRAFT, data_file_schema, schema_text


@pytest.fixture(scope="module")
def sample_plan() -> Plan:
    return load_plan(ROOT / "targets.yaml", "targets.yaml", "zh")


@pytest.fixture(scope="module")
def validator(sample_plan: Plan) -> jsonschema.Draft202012Validator:
    schema = data_file_schema(sample_plan)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


SAMPLE_FILES = sorted((ROOT / "data").glob("*/*.yaml"))


def test_schema_is_draft_2020_12(sample_plan: Plan) -> None:
    schema = data_file_schema(sample_plan)
    assert schema["$schema"] == DRAFT == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False
    assert schema["properties"]["values"]["additionalProperties"] is False
    assert set(schema["required"]) == {"unit", "year", "values"}


def test_every_sample_file_is_valid(validator: jsonschema.Draft202012Validator) -> None:
    assert len(SAMPLE_FILES) >= 40
    for path in SAMPLE_FILES:
        errors = [e.message for e in validator.iter_errors(yaml.safe_load(path.read_text("utf-8")))]
        assert errors == [], path


GOOD = {"unit": "利州区", "year": 2024, "values": {"spirit_lectures": 3}}

BAD: dict[str, dict[str, Any] | list[Any]] = {
    "unknown top-level key": {**GOOD, "remark": "x"},
    "unknown indicator": {**GOOD, "values": {"spirit_lecture": 3}},
    "negative count": {**GOOD, "values": {"spirit_lectures": -1}},
    "quoted count": {**GOOD, "values": {"spirit_lectures": "3"}},
    "fractional count": {**GOOD, "values": {"spirit_lectures": 2.5}},
    "percent over 100": {**GOOD, "unit": "广元市", "values": {"party_org_coverage": 101}},
    "negative amount": {**GOOD, "unit": "广元市", "values": {"tfkjy_transactions": -0.5}},
    "yes as text": {**GOOD, "values": {"home_of_workers": "是"}},
    "number for a yes/no": {**GOOD, "values": {"home_of_workers": 1}},
    "unknown key in an entry": {**GOOD, "values": {"spirit_lectures": {"value": 3, "sauce": "x"}}},
    "wrong type inside an entry": {**GOOD, "values": {"spirit_lectures": {"value": "3"}}},
    "source is a list": {**GOOD, "values": {"spirit_lectures": {"value": 3, "source": ["a"]}}},
    "unknown unit": {**GOOD, "unit": "利州"},
    "year before the base year": {**GOOD, "year": 2019},
    "quoted year": {**GOOD, "year": "2024"},
    "values missing": {"unit": "利州区", "year": 2024},
    "values a list": {**GOOD, "values": [3]},
    "not a mapping": [GOOD],
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_file_is_rejected_by_the_schema_and_by_kxplan(
    case: str, validator: jsonschema.Draft202012Validator, sample_plan: Plan, tmp_path: Path
) -> None:
    document = BAD[case]
    assert list(validator.iter_errors(document)), f"schema accepts: {case}"
    path = write_yaml(tmp_path / "2024" / "利州区.yaml", document)
    submission, problems = FileChecker(sample_plan, "zh").check(path, "利州区.yaml")
    assert submission is None and problems, f"kxplan accepts: {case}"


@pytest.mark.parametrize(
    "values",
    [
        {"spirit_lectures": None},
        {"spirit_lectures": {"value": None, "note": "待统计"}},
        {"spirit_lectures": {"value": 3, "source": 2024, "note": True}},
        {"tfkjy_workers": 15230, "home_of_workers": False},
    ],
)
def test_what_kxplan_accepts_the_schema_accepts(
    values: dict[str, Any], validator: jsonschema.Draft202012Validator, sample_plan: Plan
) -> None:
    document = {**GOOD, "values": values}
    assert [e.message for e in validator.iter_errors(document)] == []
    assert not list(validator.iter_errors({**GOOD, "unit": 510802}))  # `unit: 510802` unquoted
    assert not list(validator.iter_errors({**GOOD, "values": None}))  # `values:` left empty


def test_indicators_carry_their_chinese_name_instruction_measure_and_range(
    sample_plan: Plan,
) -> None:
    values = data_file_schema(sample_plan)["properties"]["values"]["properties"]
    assert list(values) == list(sample_plan.indicators)
    lectures = values["spirit_lectures"]
    assert lectures["title"] == "科学家精神宣讲报告会"
    indicator = sample_plan.indicators["spirit_lectures"]
    assert indicator.instruction and indicator.instruction in lectures["description"]
    assert "计量单位：次" in lectures["description"]
    assert "科学家精神宣讲≥2次/年（≥ 2次（每年））" in lectures["description"]
    assert {"type": "integer", "minimum": 0, "maximum": 10**12} in lectures["anyOf"]
    rate = values["literacy_rate"]["anyOf"][0]
    assert rate == {"type": "number", "minimum": 0, "maximum": 100}


def test_units_are_the_plans_names_and_codes(sample_plan: Plan) -> None:
    units = data_file_schema(sample_plan)["properties"]["unit"]["enum"]
    assert {"广元市", "510800", "利州区", "510802", 510802} <= set(units)
    assert len([u for u in units if isinstance(u, str)]) == 2 * len(sample_plan.units)


def _keys(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from _keys(value)
    elif isinstance(node, list):
        for item in node:
            yield from _keys(item)


def test_no_pydantic_extensions_or_references_are_left(sample_plan: Plan) -> None:
    """pydantic writes `ge`/`le` beside a union; validators would silently ignore them."""
    keys = set(_keys(data_file_schema(sample_plan)))
    assert not keys & {"ge", "le", "gt", "lt", "$ref", "$defs", "default"}


def test_cli_prints_the_schema(runner: CliRunner, sample_plan: Plan) -> None:
    result = run(runner, "schema", "--plan", str(ROOT / "targets.yaml"))
    assert result.exit_code == 0
    assert result.stdout == schema_text(sample_plan)
    assert json.loads(result.stdout)["$schema"] == DRAFT


def test_cli_writes_a_file_and_never_overwrites_without_force(
    runner: CliRunner, tmp_path: Path
) -> None:
    plan = write_yaml(tmp_path / "plan.yaml", plan_dict())
    out = tmp_path / "schema.json"
    assert run(runner, "schema", "--plan", str(plan), "-o", str(out)).exit_code == 0
    schema = json.loads(out.read_text("utf-8"))
    assert schema["properties"]["unit"]["enum"][:2] == ["甲市", "100000"]
    out.write_text("mine", encoding="utf-8")
    refused = run(runner, "schema", "--plan", str(plan), "-o", str(out))
    assert refused.exit_code == 2
    assert "--force" in refused.stderr
    assert out.read_text("utf-8") == "mine"
    assert run(runner, "schema", "--plan", str(plan), "-o", str(out), "--force").exit_code == 0
    assert json.loads(out.read_text("utf-8")) == schema


def test_cli_output_must_be_json_and_a_folder_gets_schema_json(
    runner: CliRunner, tmp_path: Path
) -> None:
    plan = write_yaml(tmp_path / "plan.yaml", plan_dict())
    wrong = run(runner, "schema", "--plan", str(plan), "-o", str(tmp_path / "schema.yaml"))
    assert wrong.exit_code == 2
    assert "的后缀应为 .json" in wrong.stderr
    assert not (tmp_path / "schema.yaml").exists()
    folder = tmp_path / "repo"
    folder.mkdir()
    assert run(runner, "schema", "--plan", str(plan), "-o", str(folder)).exit_code == 0
    assert json.loads((folder / "schema.json").read_text("utf-8"))["$schema"] == DRAFT
