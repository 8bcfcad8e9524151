"""The check table never cuts a value short: off a terminal it is as wide as it needs to be,
on a narrow terminal the names and rules wrap and the values stay whole."""

from __future__ import annotations

import io
from typing import Any

import pytest
from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text
from typer.testing import CliRunner

from conftest import ROOT, run
from kxplan.engine.evaluation import evaluate_year
from kxplan.engine.history import unit_history
from kxplan.engine.review import build_review
from kxplan.load.dataset import load_dataset
from kxplan.load.planfile import load_plan
from kxplan.model.status import Status
from kxplan.render import View, report, review
from kxplan.render.common import cell, grid
from kxplan.render.table import render
from kxplan.render.terminal import width_at_most


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _cells(lang: str) -> list[str]:
    plan = load_plan(ROOT / "targets.yaml", "targets.yaml", lang)
    evaluation = evaluate_year(plan, load_dataset(plan, ROOT / "data", lang), 2024)
    return [cell(result, lang) for result in grid(evaluation).values()]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_piped_table_shows_every_value_and_name_whole(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.chdir(ROOT)
    output = run(runner, "check", "2024", "--lang", lang).output
    assert "…" not in output
    for text in _cells(lang):
        assert text in output
    name = "Over 100,000 scientists registered on Tianfu Science Cloud by 2025"
    assert (name if lang == "en" else "天府科技云注册突破10万人") in output


@pytest.mark.parametrize(("lang", "width"), [("zh", 100), ("en", 120)])
def test_narrow_terminal_wraps_names_but_keeps_values(lang: str, width: int) -> None:
    plan = load_plan(ROOT / "targets.yaml", "targets.yaml", lang)
    evaluation = evaluate_year(plan, load_dataset(plan, ROOT / "data", lang), 2024)
    _fits(render, evaluation, lang, width, _cells(lang))


def test_no_line_is_wrapped_off_a_terminal(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    output = run(runner, "check", "2024", "--lang", "en").output
    hint = "Bring China Science Popularization and Tianfu Science Cloud"
    assert any(hint in line for line in output.splitlines())


def test_lines_after_the_table_wrap_at_the_window() -> None:
    plan = load_plan(ROOT / "targets.yaml", "targets.yaml", "zh")
    evaluation = evaluate_year(plan, load_dataset(plan, ROOT / "data", "zh"), 2024)
    out = Terminal()
    render(evaluation, View(lang="zh", fail_on=frozenset({Status.NOT_MET}), width=80), out)
    lines = out.getvalue().splitlines()
    after = lines[next(i for i, line in enumerate(lines) if line.startswith("✔")) :]
    assert max(cell_len(line) for line in after) <= 80


def _fits(render_table: Any, subject: object, lang: str, width: int, texts: list[str]) -> None:
    out = Terminal()
    render_table(subject, View(lang=lang, fail_on=frozenset(), width=width), out)
    lines = out.getvalue().splitlines()
    table = lines[: lines.index(next(line for line in lines if line.startswith("✔")))]
    assert max(cell_len(line) for line in table) <= width
    assert "…" not in out.getvalue()
    for text in texts:  # every value, trend and status whole on one line
        assert any(text in line for line in table), text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_and_review_wrap_names_on_a_terminal_and_keep_values(lang: str) -> None:
    plan = load_plan(ROOT / "targets.yaml", "targets.yaml", lang)
    data = load_dataset(plan, ROOT / "data", lang)
    history = unit_history(plan, data, plan.root, 2025)
    values = [text for row in history.rows for text in report.cells(row, lang)[2:]]
    _fits(report.render_table, history, lang, 120, values)
    found = build_review(plan, data, 2025)
    values = [
        text
        for number, row in enumerate(found.rows, 1)
        for text in review.cells(found, number, row, lang)[3:-2]
    ]
    _fits(review.render_table, found, lang, 160, values)


def test_targets_table_keeps_every_id_and_name_whole(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`kxplan targets` lists the ids `explain` needs: piped, none is cut or wrapped, and no
    escape codes are written without colour."""
    monkeypatch.chdir(ROOT)
    plan = load_plan(ROOT / "targets.yaml", "targets.yaml", "en")
    output = run(runner, "targets", "--lang", "en").output
    assert "…" not in output and "\x1b" not in output
    lines = output.splitlines()
    for target in plan.targets:
        assert any(line.split()[0] == target.id for line in lines[3:] if line.strip()), target.id
    name = "Over 100,000 scientists registered on Tianfu Science Cloud by 2025"
    assert any(name in line for line in lines)


@pytest.mark.parametrize(
    "table",
    [
        Table(box=box.SIMPLE_HEAD, pad_edge=False),
        Table(box=None, pad_edge=False, show_header=True),
        Table(),
        Table(padding=(0, 3), show_edge=True),
        Table(box=box.DOUBLE, padding=(1, 2, 0, 4)),
    ],
)
def test_the_cheap_width_bound_is_never_below_the_measured_width(table: Table) -> None:
    """`show` skips rich's measuring when the bound fits the console: the
    bound must never be narrower than the table, or a table off a terminal would be cut."""
    table.add_column("编号\nid", no_wrap=True)
    table.add_column("[bold]rule[/bold]", style="dim")
    table.add_column("x")
    table.add_row("天府科技云注册突破10万人", Text("≥ 100000 人", style="red"), "")
    table.add_row("a" * 70, "b", "✔ 98.5%")
    measured = Console(width=80).measure(table, options=Console().options.update_width(10**6))
    assert width_at_most(table) >= measured.maximum
