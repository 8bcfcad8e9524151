"""Files as they were at a git revision, copied out with git itself (never touching the
working tree, the index or HEAD)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from kxplan.errors import UsageError
from kxplan.messages import pick


def toplevel(folder: Path, lang: str) -> Path:
    """The root of the git work tree holding `folder`."""
    out = _git(folder, ["rev-parse", "--show-toplevel"], lang)
    if out is None:
        raise UsageError(
            pick(
                f"{folder} 不在 git 仓库中；--compare 需要在数据仓库（git 仓库）中使用",
                f"{folder} is not in a git repository; --compare works in a data repository",
                lang,
            )
        )
    return Path(os.fsdecode(out).strip())


def commit(root: Path, rev: str, lang: str) -> str:
    """The full commit id that `rev` names; a usage error when it names none."""
    out = _git(
        root, ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], lang
    )
    if out is None or not out.strip():
        raise UsageError(
            pick(
                f"git 中没有版本 “{rev}”（可用分支名、标签或提交号，如 origin/main）",
                f"git knows no revision “{rev}” (give a branch, tag or commit, e.g. origin/main)",
                lang,
            )
        )
    return out.decode().strip()


def export(root: Path, sha: str, paths: list[str], dest: Path, lang: str) -> list[str]:
    """Copy the regular files under `paths` (relative to `root`) at commit `sha` into `dest`,
    keeping their relative places; returns the paths copied."""
    listing = _git(root, ["ls-tree", "-r", "-z", "--full-tree", sha, "--", *paths], lang)
    blobs: list[tuple[str, str]] = []
    for record in (listing or b"").split(b"\0"):
        if not record:
            continue
        meta, path = record.split(b"\t", 1)
        mode, kind, blob = meta.split()
        if kind == b"blob" and mode in (b"100644", b"100755"):
            blobs.append((blob.decode(), os.fsdecode(path)))
    if not blobs:
        return []
    request = b"".join(f"{blob}\n".encode() for blob, _ in blobs)
    out = _git(root, ["cat-file", "--batch"], lang, stdin=request)
    if out is None:
        raise UsageError(pick(f"无法读取版本 {sha}", f"cannot read revision {sha}", lang))
    position = 0
    for _, name in blobs:
        header_end = out.index(b"\n", position)
        size = int(out[position:header_end].split()[2])
        start = header_end + 1
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(out[start : start + size])
        position = start + size + 1
    return [name for _, name in blobs]


def _git(cwd: Path, args: list[str], lang: str, stdin: bytes | None = None) -> bytes | None:
    """git's standard output, or None when git says no."""
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise UsageError(
            pick(
                "找不到 git 命令；--compare 需要 git",
                "git is not installed; --compare needs it",
                lang,
            )
        ) from None
    return done.stdout if done.returncode == 0 else None
