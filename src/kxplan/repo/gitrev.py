"""Files as they were at a git revision, copied out with git itself (never touching the
working tree, the index or HEAD)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from kxplan.model.errors import UsageError
from kxplan.text import tr


def toplevel(folder: Path, lang: str) -> Path:
    """The root of the git work tree holding `folder`."""
    done = _git(folder, ["rev-parse", "--show-toplevel"], lang)
    if done.returncode != 0:
        said = _said(done)
        if not said or "not a git repository" in said:
            raise UsageError(tr("git-not-a-repository", lang, folder=folder))
        raise UsageError(tr("git-cannot-read-folder", lang, folder=folder, said=said))
    return Path(os.fsdecode(done.stdout).strip())


def worktree_root(folder: Path) -> Path | None:
    """The root of the git work tree holding `folder`; None outside one, or without git."""
    try:
        done = _git(folder, ["rev-parse", "--show-toplevel"], "en")
    except UsageError:
        return None
    return Path(os.fsdecode(done.stdout).strip()) if done.returncode == 0 else None


def annotation_root(start: Path) -> Path | None:
    """The folder GitHub reads an annotation's file name from: the top of the git work tree
    holding `start` (the plan's folder: the data repository), else GITHUB_WORKSPACE; None
    outside both. Data kept in a subfolder (`sub/data/`) is then named
    `sub/data/2024/利州区.yaml`, as GitHub finds it, wherever kxplan runs from."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    return worktree_root(start) or (Path(workspace) if workspace else None)


def commit(root: Path, rev: str, lang: str) -> str:
    """The full commit id that `rev` names; a usage error when it names none."""
    done = _git(
        root, ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], lang
    )
    if done.returncode == 0 and done.stdout.strip():
        return done.stdout.decode().strip()
    if said := _said(done):
        raise UsageError(tr("git-cannot-read-rev", lang, rev=rev, said=said))
    shallow = _git(root, ["rev-parse", "--is-shallow-repository"], lang).stdout.strip() == b"true"
    hint = tr("git-shallow", lang) if shallow else ""
    raise UsageError(tr("git-no-rev", lang, rev=rev, hint=hint))


def export(root: Path, sha: str, paths: list[str], dest: Path, lang: str) -> list[str]:
    """Copy the regular files under `paths` (relative to `root`) at commit `sha` into `dest`,
    keeping their relative places; returns the paths copied."""
    listing = _git(root, ["ls-tree", "-r", "-z", "--full-tree", sha, "--", *paths], lang)
    _fail_unless_done(listing, sha, lang)
    blobs: list[tuple[str, str]] = []
    for record in listing.stdout.split(b"\0"):
        if not record:
            continue
        meta, path = record.split(b"\t", 1)
        mode, kind, blob = meta.split()
        if kind == b"blob" and mode in (b"100644", b"100755"):
            blobs.append((blob.decode(), os.fsdecode(path)))
    if not blobs:
        return []
    request = b"".join(f"{blob}\n".encode() for blob, _ in blobs)
    done = _git(root, ["cat-file", "--batch"], lang, stdin=request)
    _fail_unless_done(done, sha, lang)
    out = done.stdout
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


def _git(
    cwd: Path, args: list[str], lang: str, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    """git run in `cwd`, its messages in English (`_said` reads them)."""
    try:
        return subprocess.run(
            ["git", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            check=False,
            env={**os.environ, "LC_ALL": "C"},
        )
    except FileNotFoundError:
        raise UsageError(tr("git-missing", lang)) from None


def _said(done: subprocess.CompletedProcess[bytes]) -> str:
    """git's own reason for failing: its `fatal:` or `error:` line, else its last line."""
    lines = [line.strip() for line in os.fsdecode(done.stderr).splitlines() if line.strip()]
    for line in lines:
        if line.startswith(("fatal:", "error:")):
            return line
    return lines[-1] if lines else ""


def _fail_unless_done(done: subprocess.CompletedProcess[bytes], sha: str, lang: str) -> None:
    if done.returncode != 0:
        said = _said(done)
        raise UsageError(tr("git-cannot-read-sha", lang, sha=sha, said=said))
