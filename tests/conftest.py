"""Shared fixtures: small plans and data folders built in tmp_path, and the CLI runner."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from typer.testing import CliRunner

from kxplan.cli.app import app
from kxplan.load.dataset import load_dataset
from kxplan.load.planfile import load_plan
from kxplan.model.dataset import DataSet
from kxplan.model.plan import Plan

if TYPE_CHECKING:
    from formhelpers import TemplateRuns

ROOT = Path(__file__).resolve().parents[1]

BASE_PLAN: dict[str, Any] = {
    "plan": {
        "id": "test",
        "name": "测试规划",
        "name_en": "Test plan",
        "period": [2021, 2025],
        "base_year": 2020,
    },
    "levels": [{"id": "city", "name": "市"}, {"id": "county", "name": "县区"}],
    "units": [
        {"code": "100000", "name": "甲市", "name_en": "Jia", "level": "city"},
        {"code": "100001", "name": "乙区", "name_en": "Yi", "level": "county", "parent": "100000"},
        {
            "code": "100002",
            "name": "丙县",
            "name_en": "Bing",
            "level": "county",
            "parent": "100000",
        },
    ],
    "indicators": [
        {
            "id": "count_stock",
            "name": "存量",
            "measure": "个",
            "type": "count",
            "nature": "stock",
            "direction": "higher",
            "aggregate": "sum",
        },
        {
            "id": "count_flow",
            "name": "当年数",
            "measure": "次",
            "type": "count",
            "nature": "flow",
            "direction": "higher",
        },
        {
            "id": "rate",
            "name": "比例",
            "measure": "%",
            "type": "percent",
            "nature": "stock",
            "direction": "higher",
        },
        {
            "id": "money",
            "name": "金额",
            "measure": "亿元",
            "type": "amount",
            "nature": "flow",
            "direction": "higher",
        },
        {
            "id": "done",
            "name": "是否建成",
            "type": "boolean",
            "nature": "stock",
            "direction": "higher",
        },
    ],
    "targets": [],
}


# A lower-is-better flow (a cap such as “at most 5 new workstations a year”): the caps of the
# tests need one, since a plan refuses `<=` and `<` on a higher-is-better indicator.
NEW_SITES: dict[str, Any] = {
    "id": "new_sites",
    "name": "新建站点",
    "measure": "家",
    "type": "count",
    "nature": "flow",
    "direction": "lower",
}


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    """pyproject's addopts spread the tests over the cores with pytest-xdist; without it (`pytest
    -p no:xdist`, or a venv made before it was a test dependency) its options are taken and
    ignored, and the tests run in this one process."""
    if not pluginmanager.has_plugin("xdist"):
        for option in ("--numprocesses", "--dist"):
            parser.addoption(option, help="ignored: pytest-xdist is not loaded")


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The cache folder of this session's runs: never the user's own."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _cache_here(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command of the suite reads and writes the session's cache, so the whole suite
    runs with the cache (tests/test_cache.py compares runs with and without it)."""
    monkeypatch.setenv("KXPLAN_CACHE_DIR", str(cache_dir))


def plan_dict(*targets: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """BASE_PLAN with these targets (each given `clause` if it has none)."""
    plan = {
        key: (list(value) if isinstance(value, list) else value) for key, value in BASE_PLAN.items()
    }
    plan["targets"] = [{"clause": "一（一）1", **target} for target in targets]
    plan.update(changes)
    return plan


def write_yaml(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Path]:
    """Write a plan and data files; returns the folder (holding targets.yaml and data/).

    `values` maps (year, unit name) to that file's `values`; None writes no file.
    """

    def build(plan: dict[str, Any], values: dict[tuple[int, str], dict[str, Any] | None]) -> Path:
        write_yaml(tmp_path / "targets.yaml", plan)
        (tmp_path / "data").mkdir(exist_ok=True)
        for (year, unit), entries in values.items():
            if entries is not None:
                write_yaml(
                    tmp_path / "data" / str(year) / f"{unit}.yaml",
                    {"unit": unit, "year": year, "values": entries},
                )
        return tmp_path

    return build


def load(folder: Path) -> tuple[Plan, DataSet]:
    plan = load_plan(folder / "targets.yaml", "targets.yaml", "zh")
    return plan, load_dataset(plan, folder / "data", "zh")


@pytest.fixture(scope="session")
def bundled() -> tuple[Plan, DataSet]:
    """The bundled plan and sample data, loaded once a session: to read, never to change."""
    return load(ROOT)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def template() -> TemplateRuns:
    """`kxplan template …` in the current folder, each run made once a session."""
    from formhelpers import TemplateRuns  # not at the top: formhelpers imports this module

    return TemplateRuns()


#: `COLUMNS` in the tests: wide enough that no line is wrapped.
WHOLE = 100_000


def run(runner: CliRunner, *args: str, env: Mapping[str, str | None] | None = None) -> Any:
    """Invoke the real CLI app; colour off, Chinese unless --lang says otherwise, and a window
    wide enough for every line to stay whole (the tests of what fits a narrower one set
    `COLUMNS`, or remove it with `None`, themselves)."""
    return runner.invoke(
        app,
        list(args),
        env={"NO_COLOR": "1", "KXPLAN_LANG": "zh", "COLUMNS": str(WHOLE), **(env or {})},
        catch_exceptions=False,
    )
