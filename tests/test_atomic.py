"""Writes never destroy a file, and leave files as readable as any other the user makes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kxplan.files.atomic import write_text_atomic
from kxplan.model.errors import WouldOverwrite


def test_new_file_is_written_with_the_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "a" / "x.yaml", "数据\n")
    finally:
        os.umask(old)
    target = tmp_path / "a" / "x.yaml"
    assert target.read_text(encoding="utf-8") == "数据\n"
    assert target.stat().st_mode & 0o777 == 0o644


def test_existing_file_is_kept_without_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "x.yaml"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(WouldOverwrite):
        write_text_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.yaml"]  # no temporary file left


def test_overwrite_replaces_in_one_step(tmp_path: Path) -> None:
    target = tmp_path / "x.yaml"
    target.write_text("old", encoding="utf-8")
    write_text_atomic(target, "new", overwrite=True)
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["x.yaml"]
