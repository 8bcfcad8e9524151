"""Where a workbook keeps each sheet's XML and its shared strings, found as openpyxl finds them.

`cellxml` vets a sheet's XML before openpyxl converts it, so it must read the very part that
openpyxl reads for that sheet, and know how many shared strings there are; openpyxl's public
API says neither. Both are found here from the zip, by the package's rules (ECMA-376 part 2),
as openpyxl 3.1 applies them: the content types name the workbook part, its relationships name
each sheet's part. `workbook` checks the result against what openpyxl opened: the same sheets
in the same order, and the same cells in each.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import fromstring, iterparse
from openpyxl.xml.constants import (
    ARC_CONTENT_TYPES,
    ARC_WORKBOOK,
    CONTYPES_NS,
    PKG_REL_NS,
    REL_NS,
    SHARED_STRINGS,
    SHEET_MAIN_NS,
    XLSM,
    XLSX,
    XLTM,
    XLTX,
)

_WORKBOOKS = (XLTM, XLTX, XLSM, XLSX)  # in the order openpyxl looks for them
_TYPES = f"{{{CONTYPES_NS}}}"
_MAIN = f"{{{SHEET_MAIN_NS}}}"


class Unclear(Exception):
    """The package does not say where a part is, or says it otherwise than openpyxl read it."""


@dataclass(frozen=True)
class Package:
    """Each sheet's name and the part of its XML (None for a chart sheet, which has no cells),
    in the workbook's order, and how many shared strings the workbook has."""

    sheets: list[tuple[str, str | None]]
    shared_strings: int


def find(archive: zipfile.ZipFile) -> Package:
    """The sheets' parts and the shared-string count; `Unclear` or a parser's error when the
    package is broken (openpyxl, which opened it first, would have failed already)."""
    types = fromstring(archive.read(ARC_CONTENT_TYPES))
    overrides = [
        (part.get("PartName", ""), part.get("ContentType"))
        for part in types.findall(_TYPES + "Override")
    ]
    strings = next((name for name, kind in overrides if kind == SHARED_STRINGS), None)
    return Package(
        _sheets(archive, _workbook_part(types, overrides)),
        0 if strings is None else _count_strings(archive, strings[1:]),
    )


def _workbook_part(types: Element, overrides: list[tuple[str, str | None]]) -> str:
    for wanted in _WORKBOOKS:
        for name, kind in overrides:
            if kind == wanted:
                return name[1:]
    if any(part.get("ContentType") in _WORKBOOKS for part in types.findall(_TYPES + "Default")):
        return str(ARC_WORKBOOK)
    raise Unclear("no workbook part")


def _sheets(archive: zipfile.ZipFile, workbook: str) -> list[tuple[str, str | None]]:
    """Each sheet with an id, whose part exists, in order (openpyxl leaves out the others)."""
    links = _relationships(archive, workbook)
    parts = set(archive.namelist())
    found: list[tuple[str, str | None]] = []
    for sheet in fromstring(archive.read(workbook)).findall(f"{_MAIN}sheets/{_MAIN}sheet"):
        link = sheet.get(f"{{{REL_NS}}}id")
        if not link:
            continue
        if link not in links:
            raise Unclear(f"no relationship {link}")
        kind, target = links[link]
        if target in parts:
            found.append((sheet.get("name", ""), None if "chartsheet" in kind else target))
    return found


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """A part's relationships by id: their type and target, a path within the zip (the last
    of an id written twice, as openpyxl takes it)."""
    folder, name = posixpath.split(part)
    path = posixpath.join(folder, "_rels", f"{name}.rels")
    found: dict[str, tuple[str, str]] = {}
    for link in fromstring(archive.read(path)).findall(f"{{{PKG_REL_NS}}}Relationship"):
        target = link.get("Target", "")
        if link.get("TargetMode") != "External":
            target = (
                target[1:]
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
        found[link.get("Id", "")] = (link.get("Type", ""), target)
    return found


def _count_strings(archive: zipfile.ZipFile, part: str) -> int:
    count = 0
    with archive.open(part) as source:
        for _, element in iterparse(source):
            if element.tag == _MAIN + "si":
                count += 1
                element.clear()
    return count
