"""The hook run by pre-commit itself (`pre-commit try-repo`) in a fresh data repository.

pre-commit builds kxplan into its own virtual environment, which needs the package index.
pre-commit is a test dependency, so CI runs this; elsewhere it is skipped without it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, plan_dict, run, write_yaml
from kinds import LECTURES

PRE_COMMIT = shutil.which("pre-commit")
pytestmark = pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed")


def test_hook_rejects_a_bad_file_at_its_line(runner: CliRunner, tmp_path: Path) -> None:
    assert PRE_COMMIT is not None
    plan = write_yaml(tmp_path / "plan.yaml", plan_dict(LECTURES))
    repo = tmp_path / "repo"
    assert run(runner, "init", str(repo), "--plan", str(plan)).exit_code == 0
    bad = repo / "data/2021/乙区.yaml"
    bad.parent.mkdir()
    bad.write_text("unit: 乙区\nyear: 2021\nvalues:\n  count_flw: 3\n", encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "KXPLAN_LANG": "en"}
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)

    def hook(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [PRE_COMMIT, "try-repo", str(ROOT), "kxplan-validate", "--files", *files],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )

    failed = hook("data/2021/乙区.yaml", "README.md")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "data/2021/乙区.yaml:4:3: unknown-indicator" in failed.stdout
    passed = hook("data/2020/乙区.yaml")
    assert passed.returncode == 0, passed.stdout + passed.stderr
