"""Look at a workbook from outside before openpyxl opens it: forms come from anywhere.

An .xlsx is a zip of XML parts. A form is a few dozen KB in about a dozen parts; the limits
below leave a wide margin for what Excel and WPS add, and refuse zip bombs (few bytes that
unpack to gigabytes) before anything is unpacked. zipfile stops reading a part at its declared
size, so the declared sizes checked here bound what openpyxl can unpack.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from kxplan.model.problems import ProblemCode
from kxplan.text import tr

MAX_BYTES = 5 * 1024 * 1024
MAX_PARTS = 200
MAX_UNPACKED = 20 * 1024 * 1024
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, and any password-protected workbook
_WORKBOOK_PARTS = ("xl/workbook.xml", "xl/workbook.bin")


class Unsafe(Exception):
    """The file is not a workbook kxplan will open; carries the problem code and message."""

    def __init__(self, code: ProblemCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def inspect(path: Path, lang: str) -> None:
    """Raise `Unsafe` unless `path` is a zip of reasonable size that holds a workbook."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise Unsafe(
            ProblemCode.FILE_TOO_LARGE, tr("form-too-large", lang, size=size, limit=MAX_BYTES)
        )
    with path.open("rb") as handle:
        head = handle.read(len(_OLE))
    if head == _OLE:
        raise Unsafe(ProblemCode.ENCODING, tr("form-not-xlsx", lang, why=tr("form-why-ole", lang)))
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise Unsafe(
            ProblemCode.ENCODING, tr("form-not-xlsx", lang, why=tr("form-why-not-zip", lang))
        ) from None
    if len(parts) > MAX_PARTS:
        message = tr("form-too-many-parts", lang, count=len(parts), limit=MAX_PARTS)
        raise Unsafe(ProblemCode.FILE_TOO_LARGE, message)
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED:
        message = tr("form-too-much-data", lang, size=unpacked, limit=MAX_UNPACKED)
        raise Unsafe(ProblemCode.FILE_TOO_LARGE, message)
    if not any(part.filename in _WORKBOOK_PARTS for part in parts):
        raise Unsafe(
            ProblemCode.ENCODING, tr("form-not-xlsx", lang, why=tr("form-why-no-workbook", lang))
        )
