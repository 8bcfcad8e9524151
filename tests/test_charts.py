"""Charts that do not invent data (issue 14 item 7), read back from the saved workbook's XML:
straight lines, horizontal axis titles, no 序时进度 series where it is 100 % everywhere."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, run


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(ROOT / "targets.yaml", tmp_path / "targets.yaml")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _charts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as book:
        names = [name for name in book.namelist() if name.startswith("xl/charts/chart")]
        xml = [book.read(name).decode("utf-8") for name in sorted(names)]
    # as written, with or without the `c:` prefix and a space before `/>`
    return [re.sub(r"<(/?)c:", r"<\1", text).replace(" />", "/>") for text in xml]


def test_report_lines_are_straight_and_axis_titles_horizontal(
    runner: CliRunner, sample: Path
) -> None:
    run(runner, "report", "-o", "r.xlsx")
    charts = _charts(sample / "reports" / "r.xlsx")
    assert charts
    for xml in charts:
        series = xml.count("<ser>")
        assert series == 2
        assert xml.count('<smooth val="0"/>') == series, "every line series straight"
        assert '<c:smooth val="1"/>' not in xml
        titles = re.findall(r"<c:(?:valAx|catAx)>.*?</c:(?:valAx|catAx)>", xml, re.S)
        for axis in titles:
            if "<c:title>" in axis:
                assert re.search(r'<a:bodyPr[^>]*rot="0"', axis), axis[:300]


@pytest.mark.parametrize(("year", "series"), [(2025, 1), (2024, 2)])
def test_review_chart_leaves_out_time_elapsed_when_it_is_all_100(
    runner: CliRunner, sample: Path, year: int, series: int
) -> None:
    run(runner, "review", str(year), "-o", "r.xlsx")
    (xml,) = _charts(sample / "reports" / "r.xlsx")
    assert xml.count("<ser>") == series
