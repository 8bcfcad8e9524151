"""Files checked in forked processes give what one process gives, in the same order; a child
that fails costs time, never a result."""

from __future__ import annotations

import os
import signal
import sys

import pytest

from conftest import ROOT
from kxplan.files import parallel
from kxplan.load.dataset import load_dataset
from kxplan.load.planfile import load_plan

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux")


def _squared(item: int) -> tuple[int, int]:
    return item, item * item


def test_many_items_are_mapped_in_order_across_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "_cores", lambda: 3)
    parents = set()

    def check(item: int) -> tuple[int, int]:
        parents.add(os.getpid())
        return _squared(item)

    items = list(range(7000))
    assert parallel.map_all(check, items) == [_squared(i) for i in items]
    assert parents == {os.getpid()}  # the others ran in children: this process saw one run


def test_a_child_that_dies_is_made_good_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "_cores", lambda: 2)
    me = os.getpid()

    def check(item: int) -> tuple[int, int]:
        if os.getpid() != me and item == 5000:
            os.kill(os.getpid(), signal.SIGKILL)
        return _squared(item)

    items = list(range(6000))
    assert parallel.map_all(check, items) == [_squared(i) for i in items]


def test_a_dataset_read_in_parallel_is_the_one_read_in_series(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plan = load_plan(ROOT / "targets.yaml", "targets.yaml", "zh")
    alone = load_dataset(plan, ROOT / "data", "zh")
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 4)
    monkeypatch.setattr(parallel, "_cores", lambda: 2)
    forked: list[int] = []
    fork = os.fork

    def counted() -> int:
        forked.append(1)
        return fork()

    monkeypatch.setattr(os, "fork", counted)
    together = load_dataset(plan, ROOT / "data", "zh")
    assert forked  # it did fork
    assert together.submissions == alone.submissions
    assert together.problems == alone.problems
    assert together.files == alone.files
    assert together.invalid == alone.invalid


def test_few_files_are_checked_without_forking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "_cores", lambda: 8)
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("forked for a few files"))
    assert parallel.map_all(_squared, list(range(100))) == [_squared(i) for i in range(100)]
