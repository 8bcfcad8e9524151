"""Whether a path can be used as a file or a folder, and if not, why, in words."""

from __future__ import annotations

import errno
import stat
from pathlib import Path

from kxplan.text import tr


def unusable(path: Path, lang: str, *, folder: bool = False) -> str | None:
    """Why `path` cannot be used as a file (or, with `folder`, as a folder), in words: a folder,
    a link to nothing, a link loop, a device. None when it can, or when nothing is there."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return tr("dangling-link", lang) if path.is_symlink() else None
    except NotADirectoryError:
        return None
    except OSError as error:
        if error.errno == errno.ELOOP:
            return tr("os-link-loop", lang)
        if isinstance(error, PermissionError):
            return tr("no-permission", lang)
        return error.strerror or str(error)
    if folder:
        return None if stat.S_ISDIR(mode) else tr("is-a-file", lang)
    if stat.S_ISREG(mode):
        return None
    return tr("is-a-folder" if stat.S_ISDIR(mode) else "special-file", lang)
