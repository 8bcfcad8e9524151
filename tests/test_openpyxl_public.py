"""kxplan uses openpyxl's public API only: its private modules and names change between versions
without notice (they once pinned openpyxl below 3.2). What that API would skip in a forged sheet
is refused at its cell, never lost: tests/test_import_hostile.py."""

from __future__ import annotations

import ast
import re

from conftest import ROOT

SOURCES = ROOT / "src"
# Modules that hold openpyxl's objects, whether or not they import openpyxl themselves.
HANDLERS = ("kxplan/forms/", "kxplan/render/xlsx/")
_PRIVATE_MODULE = re.compile(r"\bopenpyxl(?:\.\w+)*\._\w")


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _imports_openpyxl(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(
            alias.name.split(".")[0] == "openpyxl" for alias in node.names
        ):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "openpyxl":
            return True
    return False


def private_uses(source: str, handles_openpyxl: bool = False) -> list[str]:
    """Where `source` reaches into openpyxl's private parts: a private module or name imported
    from openpyxl, a private module named in a string, and — in a module that holds openpyxl's
    objects — a private attribute of anything but `self`/`cls`, also through getattr."""
    tree = ast.parse(source)
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "openpyxl" and any(map(_private, parts)):
                    found.append(f"line {node.lineno}: import {alias.name}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "openpyxl":
            names = [*(node.module or "").split("."), *(alias.name for alias in node.names)]
            if any(map(_private, names)):
                found.append(f"line {node.lineno}: from {node.module} import …")
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and _PRIVATE_MODULE.search(node.value)
        ):
            found.append(f"line {node.lineno}: {node.value!r}")
    if not (handles_openpyxl or _imports_openpyxl(tree)):
        return found
    for node in ast.walk(tree):
        owner = node.value if isinstance(node, ast.Attribute) else None
        if isinstance(node, ast.Attribute) and _private(node.attr):
            if not (isinstance(owner, ast.Name) and owner.id in ("self", "cls")):
                found.append(f"line {node.lineno}: {ast.unparse(node)}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "setattr", "hasattr", "delattr")
            and len(node.args) > 1
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
            and _private(node.args[1].value)
        ):
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return found


def test_the_scan_finds_what_once_pinned_openpyxl() -> None:
    """The reading path kxplan used until openpyxl's upper pin was dropped."""
    old = (
        "from openpyxl.worksheet._reader import WorkSheetParser\n"
        "import openpyxl.cell._read_only\n"
        "from openpyxl.cell import _writer\n"
        "def source(sheet):\n"
        "    with sheet._get_source() as data:\n"
        "        return data, sheet.parent._date_formats, getattr(sheet, '_shared_strings')\n"
        "importlib.import_module('openpyxl.worksheet._reader')\n"
    )
    assert [use.split(":")[0] for use in private_uses(old)] == [
        "line 1",
        "line 2",
        "line 3",
        "line 7",
        "line 5",
        "line 6",
        "line 6",
    ]
    mine = "class A:\n    def f(self):\n        return self._x, cls._y, other.__class__\n"
    assert private_uses(mine, handles_openpyxl=True) == []
    assert private_uses("thing._x") == []  # a module that has nothing to do with openpyxl


def test_kxplan_uses_no_private_openpyxl_module_or_name() -> None:
    found = {
        str(path.relative_to(SOURCES)): uses
        for path in sorted(SOURCES.rglob("*.py"))
        if (
            uses := private_uses(
                path.read_text(encoding="utf-8"),
                any(part in path.as_posix() for part in HANDLERS),
            )
        )
    }
    assert found == {}
