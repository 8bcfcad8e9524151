"""Reading only what is asked (issue 15): `check --county/--level/--under`, `report --county`
and `explain --county` read the files of the units they show, of those above them and of
those below them, and answer exactly as a run that reads every file."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import ROOT, run
from kxplan.cli.commands import check, explain, report
from kxplan.load.datafile import FileChecker
from kxplan.load.planfile import load_plan
from kxplan.model.plan import Plan

EXAMPLE = ROOT / "examples" / "province-15"

#: (folder, its plan, a year, the units asked about: one or more of each level)
TREES = [
    (ROOT, 2024, ["广元市", "利州区", "苍溪县", "510811"]),
    (EXAMPLE, 2028, ["江岭省", "云溪市", "松岗市", "岗北县", "溪口区"]),
]


def _plan(folder: Path) -> Plan:
    return load_plan(folder / "targets.yaml", "targets.yaml", "zh")


def _commands(folder: Path, year: int, name: str) -> list[list[str]]:
    """Every scoped command about `name`: check, report and explain of two of its targets."""
    plan = _plan(folder)
    unit = plan.unit(name)
    assert unit is not None
    ids = [target.id for target in plan.targets_for(unit)][:2]
    where = ["--plan", str(folder / "targets.yaml"), "--data-dir", str(folder / "data")]
    return [
        ["check", str(year), "--county", name, "-f", "json", *where],
        ["report", str(year), "--county", name, "-f", "json", *where],
        *(["explain", ident, str(year), "--county", name, "-f", "json", *where] for ident in ids),
    ]


def _narrowed(folder: Path, year: int) -> list[list[str]]:
    """`check --level` for each level, `--under` for each unit with units below it, and both."""
    plan = _plan(folder)
    where = ["--plan", str(folder / "targets.yaml"), "--data-dir", str(folder / "data")]
    head = ["check", str(year), "-f", "json", *where]
    parents = [unit for unit in plan.units if plan.children[unit.code]]
    return [
        *([*head, "--level", level.id] for level in plan.levels),
        *([*head, "--under", unit.name] for unit in parents),
        *([*head, "--under", unit.name, "--level", plan.levels[-1].name] for unit in parents),
    ]


def _unscoped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command reads every file, as before scoping."""
    for module in (check, report, explain):
        monkeypatch.setattr(module, "reach", lambda plan, units: None)


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The data files opened (by their stem), recorded as each is checked."""
    opened: list[str] = []
    original = FileChecker.check

    def spy(self: FileChecker, path: Path, display: str) -> Any:
        opened.append(f"{path.parent.name}/{path.stem}")
        return original(self, path, display)

    monkeypatch.setattr(FileChecker, "check", spy)
    return opened


CASES = [
    pytest.param(args, id=f"{folder.name} " + " ".join(a for a in args if "/" not in a))
    for folder, year, names in TREES
    for args in [
        *(command for name in names for command in _commands(folder, year, name)),
        *_narrowed(folder, year),
    ]
]


@pytest.mark.parametrize("args", CASES)
def test_a_scoped_read_answers_as_a_whole_one(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    scoped = run(runner, *args)
    with monkeypatch.context() as whole:
        _unscoped(whole)
        unscoped = run(runner, *args)
    assert scoped.exit_code == unscoped.exit_code, scoped.output
    assert scoped.exit_code in (0, 1), scoped.output  # 1: a result failed, as in a whole run
    assert json.loads(scoped.output)  # JSON, and the same to the byte
    assert scoped.output == unscoped.output


@pytest.fixture
def province(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of examples/province-15 to change, as the current folder."""
    folder = tmp_path / "province"
    shutil.copytree(EXAMPLE, folder)
    monkeypatch.chdir(folder)
    return folder


#: 岗北县's lineage: itself, its city and the province
LINEAGE = {"江岭省", "松岗市", "岗北县"}
#: 松岗市's: the province, itself and its three counties
SONGGANG = {"江岭省", "松岗市", "岗南县", "岗北县", "松林县"}


@pytest.mark.parametrize(
    ("args", "units"),
    [
        (["check", "2027", "--county", "岗北县"], LINEAGE),
        (["report", "2027", "--county", "岗北县"], LINEAGE),
        (["explain", "workstations_county_2030", "2027", "--county", "岗北县"], LINEAGE),
        (["check", "2027", "--under", "松岗市"], SONGGANG),
        (["check", "2027", "--county", "松岗市"], SONGGANG),
    ],
)
def test_only_the_lineage_is_read(
    runner: CliRunner,
    province: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    units: set[str],
) -> None:
    opened = _reads(monkeypatch)
    result = run(runner, *args)
    assert result.exit_code in (0, 1), result.output
    years = {str(year) for year in range(2025, 2028)}
    assert set(opened) == {f"{year}/{unit}" for year in years for unit in units}


def test_a_broken_file_elsewhere_is_not_seen(runner: CliRunner, province: Path) -> None:
    (province / "data" / "2027" / "云东县.yaml").write_text("unit: 云东县\nyear: [", "utf-8")
    assert run(runner, "check", "2027", "--county", "岗北县", "-f", "json").exit_code in (0, 1)
    assert run(runner, "report", "2027", "--county", "岗北县", "-f", "json").exit_code == 0
    whole = run(runner, "check", "2027", "-f", "json")
    assert whole.exit_code == 3  # an unscoped check and validate still see every file
    assert run(runner, "validate").exit_code == 3
    mine = run(runner, "check", "2027", "--county", "云东县", "-f", "json")
    assert mine.exit_code == 3
    assert json.loads(mine.output)["problems"] == json.loads(whole.output)["problems"]
    assert json.loads(mine.output)["invalid_files"] == ["data/2027/云东县.yaml"]


def test_the_same_unit_twice_is_said_within_the_scope(runner: CliRunner, province: Path) -> None:
    data = province / "data" / "2027"
    code = _plan(province).unit("岗北县")
    other = _plan(province).unit("云东县")
    assert code is not None and other is not None
    shutil.copy(data / "岗北县.yaml", data / f"{code.code}.yaml")
    shutil.copy(data / "云东县.yaml", data / f"{other.code}.yaml")
    result = run(runner, "check", "2027", "--county", "岗北县", "-f", "json")
    assert result.exit_code == 3
    [problem] = json.loads(result.stdout)["problems"]  # 云东县's second file: not in the scope
    assert problem["file"] == "data/2027/岗北县.yaml"
    assert f"data/2027/{code.code}.yaml" in problem["message"]


def test_misplaced_files_and_leftovers_of_the_scope_are_said(
    runner: CliRunner, province: Path
) -> None:
    data = province / "data"
    for name in ("岗北县", "云东县"):
        (data / "2027年").mkdir(exist_ok=True)
        shutil.copy(data / "2027" / f"{name}.yaml", data / "2027年" / f"{name}.yaml")
        (data / "2027" / f".{name}.yaml.k3j2x9_a.tmp").write_text("", "utf-8")
    result = run(runner, "check", "2027", "--county", "岗北县", "-f", "json")
    files = [problem["file"] for problem in json.loads(result.stdout)["problems"]]
    assert files == ["data/2027年/岗北县.yaml"]
    assert "岗北县.yaml" in result.stderr and "云东县" not in result.stderr


def test_other_years_folders_are_not_looked_into(runner: CliRunner, province: Path) -> None:
    (province / "data" / "2028" / "岗北县.yaml").write_text("unit: 岗北县\nyear: [", "utf-8")
    assert run(runner, "check", "2027", "--county", "岗北县", "-f", "json").exit_code in (0, 1)
    assert run(runner, "check", "2028", "--county", "岗北县", "-f", "json").exit_code == 3


def _units(result: Any) -> list[str]:
    return list(dict.fromkeys(r["unit"] for r in json.loads(result.output)["results"]))


@pytest.mark.parametrize(
    ("args", "units"),
    [
        (["--level", "county"], ["云东县", "溪口区", "岗南县", "岗北县", "松林县"]),
        (["--level", "县（市、区）"], ["云东县", "溪口区", "岗南县", "岗北县", "松林县"]),
        (["--level", "City"], ["云溪市", "松岗市"]),
        (["--under", "松岗市"], ["松岗市", "岗南县", "岗北县", "松林县"]),
        (["--under", "松岗市", "--level", "county"], ["岗南县", "岗北县", "松林县"]),
        (["--under", "岗北县"], ["岗北县"]),
    ],
)
def test_level_and_under_choose_the_units(
    runner: CliRunner, province: Path, args: list[str], units: list[str]
) -> None:
    result = run(runner, "check", "2027", "-f", "json", *args)
    assert _units(result) == units
    whole = json.loads(run(runner, "check", "2027", "-f", "json").output)["results"]
    filtered = [r for r in whole if r["unit"] in units]  # the whole year's, in its order
    assert json.loads(result.output)["results"] == filtered


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--level", "contry"], "没有层级 “contry”，是否为 “county”？"),
        (["--level", "xyz"], "没有层级 “xyz”；规划的层级：province（省）、city（市）、county"),
        (["--under", "岗北"], "没有单位 “岗北”"),
        (["--under", " "], "--under 后面不能为空"),
        (["--level", ""], "--level 后面不能为空"),
        (["--under", "岗北县", "--level", "city"], "岗北县及其以下没有市一级的单位"),
        (["--county", "岗北县", "--level", "county"], "--county 不能与 --level、--under 同时使用"),
        (["--county", "岗北县", "--under", "松岗市"], "--county 不能与 --level、--under 同时使用"),
        (["--under", "松岗市", "--compare", "HEAD"], "--compare 不能与 --level、--under 同时使用"),
    ],
)
def test_narrowing_mistakes_are_usage_errors(
    runner: CliRunner, province: Path, args: list[str], said: str
) -> None:
    result = run(runner, "check", "2027", *args)
    assert result.exit_code == 2
    assert said in " ".join(result.output.split()).replace("， ", "，")


def test_the_workbook_is_named_for_the_narrowing(runner: CliRunner, province: Path) -> None:
    result = run(runner, "check", "2027", "--level", "county", "--under", "松岗市", "-o", "out/")
    assert result.exit_code in (0, 1), result.output
    assert (province / "out" / "check-2027-county-松岗市.xlsx").exists()


def _complete(words: Callable[..., list[tuple[str, str]]], typed: str) -> list[str]:
    return [word for word, _ in words(None, typed)]


def test_levels_are_completed(province: Path) -> None:
    from kxplan.cli import complete

    assert _complete(complete.levels, "c") == ["city", "county"]
    assert _complete(complete.levels, "县") == ["县（市、区）"]
    assert _complete(complete.levels, "p") == ["province"]


@pytest.mark.parametrize("option", ["--level", "--under"])
def test_a_repeated_level_or_under_is_refused_not_the_last_taken(
    runner: CliRunner, province: Path, option: str
) -> None:
    first, second = ("county", "city") if option == "--level" else ("云东县", "岗北县")
    result = run(runner, "check", "2027", option, first, option, second, "-f", "json")
    assert result.exit_code == 2
    assert f"{option} 只能给一次（给了 {first}、{second}）" in result.output
