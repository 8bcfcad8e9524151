"""Helpers for the form tests: a copy of the sample project, forms made once a session, and
filling forms as people do."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from conftest import ROOT, run
from kxplan.forms import layout

PARTS = {"value": layout.VALUE, "source": layout.SOURCE, "note": layout.NOTE}


def sample_project(folder: Path) -> Path:
    """The bundled plan and sample data, copied so that tests may change them."""
    shutil.copy(ROOT / "targets.yaml", folder / "targets.yaml")
    shutil.copytree(ROOT / "data", folder / "data")
    return folder


@contextlib.contextmanager
def new_sample(factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A copy of the sample project, the current folder while a module's fixture makes there,
    once, what its tests share (forms, filled ones)."""
    folder = sample_project(factory.mktemp("sample"))
    with contextlib.chdir(folder):
        yield folder


def copy_project(made: Path, folder: Path) -> Path:
    """A copy of a project made once (forms and all), for one test to change."""
    shutil.copytree(made, folder, dirs_exist_ok=True)
    return folder


class TemplateRuns:
    """`kxplan template` in the current folder, each run made once a session (fixture
    `template`): making forms was most of the form tests' time, the same forms again and again.

    Forms are what template makes of its arguments and of the plan and data it reads, here
    targets.yaml and data/; a run with the same arguments over the same files gets a copy of
    the forms made before, alike but for the time of making they record. Any other run (new
    files or arguments, or forms already in the way) is a real one.
    """

    def __init__(self) -> None:
        self._runner = CliRunner()
        self._made: dict[tuple[str, ...], dict[str, bytes]] = {}

    def __call__(self, *args: str) -> None:
        """`kxplan template *args`, which must succeed; the forms go to reports/forms/YEAR."""
        # another plan, data folder or output folder would be read or written unseen
        assert not {"--plan", "--data-dir", "-o", "--output", "--force"} & set(args), args
        assert not {"KXPLAN_PLAN", "KXPLAN_DATA_DIR"} & set(os.environ)
        reports = Path("reports")
        key = (*args, _digest(Path("targets.yaml"), Path("data")))
        made = self._made.get(key)
        if made is not None and not any((reports / name).exists() for name in made):
            for name, data in made.items():
                (reports / name).parent.mkdir(parents=True, exist_ok=True)
                (reports / name).write_bytes(data)
            return
        before = snapshot(reports)
        result = run(self._runner, "template", *args)
        assert result.exit_code == 0, result.output
        self._made[key] = {k: v for k, v in snapshot(reports).items() if before.get(k) != v}


def _digest(plan: Path, data: Path) -> str:
    """The plan and every entry of the data folder (name, kind, bytes) as one digest."""
    assert plan.is_file() and not plan.is_symlink() and data.is_dir()
    digest = hashlib.sha256(plan.read_bytes())
    for path in sorted(data.rglob("*")):
        # a link would be digested by its own name, not by what it points to
        assert not path.is_symlink() and (path.is_dir() or path.is_file()), path
        kind, content = (b"d", b"") if path.is_dir() else (b"f", path.read_bytes())
        digest.update(b"%s%s\0%d\0" % (kind, path.as_posix().encode(), len(content)) + content)
    return digest.hexdigest()


def rows_by_id(path: Path) -> dict[str, int]:
    return _rows(openpyxl.load_workbook(path).worksheets[0])


def _rows(sheet: Any) -> dict[str, int]:
    return {
        str(sheet.cell(row, layout.ID).value): row
        for row in range(layout.FIRST_ROW, sheet.max_row + 1)
        if sheet.cell(row, layout.ID).value
    }


def cell(path: Path, indicator: str, part: str = "value") -> str:
    """`G7`: where an indicator's value (or source, note) is typed in a form."""
    return layout.coordinate(rows_by_id(path)[indicator], PARTS[part])


def fill(
    path: Path,
    values: dict[str, Any],
    *,
    out: Path | None = None,
    formats: dict[str, str] | None = None,
    sources: dict[str, Any] | None = None,
    notes: dict[str, Any] | None = None,
    cells: dict[str, Any] | None = None,
) -> Path:
    """Type into a form as a person would: values by indicator id, any cell by coordinate."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    rows = _rows(sheet)  # the workbook once, not twice
    for part, typed in (("value", values), ("source", sources or {}), ("note", notes or {})):
        for indicator, value in typed.items():
            sheet.cell(rows[indicator], PARTS[part]).value = value
    for indicator, number_format in (formats or {}).items():
        sheet.cell(rows[indicator], layout.VALUE).number_format = number_format
    for where, value in (cells or {}).items():
        sheet[where].value = value
    target = out or path
    book.save(target)
    return target


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes: to prove that nothing was written."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def rewrite_part(path: Path, part: str, change: Any, *, out: Path | None = None) -> Path:
    """Rewrite one part of a workbook's zip (`change` maps its bytes to new bytes)."""
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info.filename)) for info in source.infolist()]
    target = out or path
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            archive.writestr(info.filename, change(data) if info.filename == part else data)
    return target


def replace_cell(path: Path, where: str, xml: str, *, out: Path, sheet: int = 1) -> Path:
    """Put `xml` in place of the cell `where` (`G5`) in a sheet's XML, as a forger would."""
    import re

    pattern = re.compile(rb'<c r="%s"[^>]*?(?:/>|>.*?</c>)' % where.encode(), re.DOTALL)

    def change(data: bytes) -> bytes:
        changed, count = pattern.subn(lambda _: xml.encode("utf-8"), data, count=1)
        assert count == 1, f"no cell {where}"
        return changed

    return rewrite_part(path, f"xl/worksheets/sheet{sheet}.xml", change, out=out)
