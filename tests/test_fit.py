"""Every line fits the window (issue 14 item 1): `COLUMNS` when set, else 100 off a terminal,
a Chinese character counting two columns; nothing is cut or split, no line ends in spaces, and
`--wide` keeps the full table."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from conftest import ROOT, run
from kxplan.engine.evaluation import evaluate_year
from kxplan.engine.review import build_review
from kxplan.load.dataset import load_dataset
from kxplan.load.planfile import load_plan
from kxplan.render import review
from kxplan.render.common import cell, grid

PROVINCE = ROOT / "tests" / "fixtures" / "province"
#: each command on each plan: (plan folder, arguments)
COMMANDS = [
    ("sample", ("check", "2024")),
    ("sample", ("check", "2025")),
    ("sample", ("review", "2024")),
    ("sample", ("review", "2025")),
    ("sample", ("report",)),
    ("sample", ("report", "--county", "苍溪县")),
    ("sample", ("targets",)),
    ("sample", ("validate",)),
    ("province", ("check", "2027")),
    ("province", ("review", "2027")),
    ("province", ("report",)),
    ("province", ("targets",)),
    ("province", ("validate",)),
]
NUMBER = re.compile(r"\d[\d,.]*")


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample, and the province plan with one file made invalid (validate has lines to say)."""
    sample = tmp_path_factory.mktemp("sample")
    shutil.copy(ROOT / "targets.yaml", sample / "targets.yaml")
    shutil.copytree(ROOT / "data", sample / "data")
    province = tmp_path_factory.mktemp("province")
    shutil.copytree(PROVINCE, province, dirs_exist_ok=True)
    broken = next((province / "data" / "2027").glob("*.yaml"))
    broken.write_text(broken.read_text(encoding="utf-8") + "\nnot_a_field: [1, 2\n", "utf-8")
    return {"sample": sample, "province": province}


def _output(
    runner: CliRunner,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    columns: str | None,
) -> str:
    monkeypatch.chdir(folder)
    return str(run(runner, *args, env={"COLUMNS": columns}).output)


def _widest(text: str) -> int:
    return max((cell_len(line) for line in text.splitlines()), default=0)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [60, 80, 100, 160])
@pytest.mark.parametrize(
    ("plan", "args"), COMMANDS, ids=lambda x: x if isinstance(x, str) else "-".join(x)
)
def test_every_line_fits_and_no_number_is_split(
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    plans: dict[str, Path],
    plan: str,
    args: tuple[str, ...],
    columns: int,
    lang: str,
) -> None:
    folder = plans[plan]
    text = _output(runner, folder, monkeypatch, (*args, "--lang", lang), str(columns))
    lines = text.splitlines()
    assert lines and _widest(text) <= columns, [x for x in lines if cell_len(x) > columns]
    assert all(line == line.rstrip() for line in lines), "a line ends in spaces"
    assert all(line.strip() for line in lines), "a line of only spaces, or an empty one"
    assert "…" not in text
    wide = _output(runner, folder, monkeypatch, (*args, "--lang", lang), "100000")
    # every figure of the whole output is printed whole: a split one would make new figures
    assert set(NUMBER.findall(text)) == set(NUMBER.findall(wide))


@pytest.mark.parametrize(
    ("plan", "args"), COMMANDS[:8], ids=lambda x: x if isinstance(x, str) else "-".join(x)
)
def test_off_a_terminal_lines_fit_100_columns(
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    plans: dict[str, Path],
    plan: str,
    args: tuple[str, ...],
) -> None:
    assert _widest(_output(runner, plans[plan], monkeypatch, args, None)) <= 100


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [60, 80, 100])
def test_each_result_cell_is_whole_on_one_line(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, columns: int, lang: str
) -> None:
    """Each unit's glyph and value, as `--format json` has them, on one line of the narrow
    layout; each review row's figures too."""
    monkeypatch.chdir(ROOT)
    plan = load_plan(ROOT / "targets.yaml", "targets.yaml", lang)
    data = load_dataset(plan, ROOT / "data", lang)
    lines = run(runner, "check", "2024", "--lang", lang, env={"COLUMNS": str(columns)}).output
    for result in grid(evaluate_year(plan, data, 2024)).values():
        assert any(cell(result, lang) in line for line in lines.splitlines()), cell(result, lang)
    found = build_review(plan, data, 2025)
    said = run(runner, "review", "2025", "--lang", lang, env={"COLUMNS": str(columns)}).output
    for number, row in enumerate(found.rows, 1):
        for text in review.cells(found, number, row, lang)[3:-2]:
            assert any(text in line for line in said.splitlines()), text


@pytest.mark.parametrize("args", [("check", "2024"), ("review", "2025"), ("report",), ("targets",)])
def test_wide_keeps_the_full_table(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    """`--wide` at 80 columns prints the table a window wide enough would: a row a line."""
    monkeypatch.chdir(ROOT)
    wide = run(runner, *args, "--wide", env={"COLUMNS": "80"}).output
    whole = run(runner, *args, env={"COLUMNS": "100000"}).output
    table = [line for line in whole.splitlines() if line.startswith("──")]
    assert table, "a full table has a rule under its headings"
    assert wide == whole
    assert _widest(wide) > 80
    narrow = run(runner, *args, env={"COLUMNS": "80"}).output
    assert not any(line.startswith("──") for line in narrow.splitlines())
