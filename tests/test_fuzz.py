"""Mutants of the bundled data files, read as `validate` reads them: never a crash, every
problem at a place the file has, and a file accepted only when YAML reads the same values.

A fixed seed keeps the run the same every time (a few hundred mutants, about a second); the
campaign that found the bugs of issue 10 ran thousands of them through the CLI.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT
from kxplan.load.datafile import FileChecker
from kxplan.load.planfile import load_plan

SEED, MUTANTS = 20_240_101, 400
#: the parser kxplan composes with, so that both read the same YAML (libyaml when built)
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SAMPLES = sorted((ROOT / "data").glob("*/*.yaml"))

SCALARS = [
    "true", "3.5", "-0.0", "!!float 3", "!!int 3", "!!null 3", "!!bool 3", "null", "~", "''",
    "[1, 2]", "{a: 1}", "-1", "100.0", "1e3", "1.0e+3", "1.0e-7", "9.99999999999999999e+1",
    "99.999999999999999", ".1234567", ".5", "0x10", "017", "1_000", "1:30", ".inf", ".nan",
    "2024-01-01", "!!timestamp 下月", "yes", "是", "３", "!!binary aGk=", "!custom 3",
    "2024.0", "510802", "510802.0", "利州区", "1.5e+400", "!!float 1e-7", "12345678901234567",
]  # fmt: skip
CHARACTERS = [
    "\x00", "\x07", "\x1b", "\x7f", "\x80", "\x85", "\x9f", "\u2028", "\u2029", "\ufeff",
    "\u200b", "\u202e", "\t", "\r", "\u3000", "\u00a0", "：", "含", "\U0001f600",
]  # fmt: skip
KEYS = ["unit", "year", "values", "value", "source", "note", "1", "null", "true", "3.5", "''"]
JUNK = ["[", "]", "{", "}", "'", '"', "&a ", "*a", "!", "|", ">", "%", "@", "---", "- ", ": ", "#"]


def _line(lines: list[str], rng: random.Random, pattern: str) -> int | None:
    found = [number for number, line in enumerate(lines) if re.search(pattern, line)]
    return rng.choice(found) if found else None


def _set_value(lines: list[str], rng: random.Random, pattern: str, choices: list[str]) -> None:
    number = _line(lines, rng, pattern)
    if number is not None:
        lines[number] = lines[number].split(": ", 1)[0] + ": " + rng.choice(choices)


def _flip(text: str, rng: random.Random) -> bytes:
    data = bytearray(text.encode())
    for _ in range(rng.randint(1, 3)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return bytes(data)


def _mutate_lines(lines: list[str], rng: random.Random) -> None:
    where = rng.randrange(len(lines))
    line = lines[where]
    at = rng.randrange(len(line) + 1)
    mutation = rng.randrange(9)
    if mutation == 0:
        del lines[where]
    elif mutation == 1:
        lines.insert(where, line)
    elif mutation == 2:
        _set_value(lines, rng, r"^\s*\w+: \S", SCALARS)
    elif mutation == 3:
        _set_value(lines, rng, r"^(unit|year):", SCALARS)
    elif mutation == 4:
        lines[where] = line[:at] + rng.choice(CHARACTERS) + line[at:]
    elif mutation == 5:
        lines[where] = line[:at] + rng.choice(JUNK) + line[at:]
    elif mutation == 6:
        indent = rng.choice(["", "  ", "    "])
        lines.insert(where, f"{indent}{rng.choice(KEYS)}: {rng.choice(SCALARS)}")
    elif mutation == 7:
        lines[where] = " " * rng.choice([0, 1, 3, 4]) + line.lstrip(" ")
    else:
        number = _line(lines, rng, r"^  \w+: [0-9.]+$")
        if number is not None:
            key, value = lines[number].strip().split(": ")
            lines[number : number + 1] = [f"  {key}:", f"    value: {value}", "    source: 3"]


def mutants() -> list[tuple[Path, bytes]]:
    rng = random.Random(SEED)
    made = []
    for _ in range(MUTANTS):
        path = rng.choice(SAMPLES)
        text = path.read_text(encoding="utf-8")
        if rng.random() < 0.1:
            made.append((path, _flip(text, rng)))
            continue
        lines = text.split("\n")
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            _mutate_lines(lines, rng)
        made.append((path, "\n".join(lines).encode("utf-8")))
    return made


@pytest.fixture(scope="module")
def read() -> Callable[[Path, bytes, Path], tuple[Any, list[Any]]]:
    plan = load_plan(ROOT / "targets.yaml", "targets.yaml", "zh")
    checker = FileChecker(plan, "zh")

    def check(sample: Path, content: bytes, folder: Path) -> tuple[Any, list[Any]]:
        path = folder / sample.parent.name / sample.name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(content)
        return checker.check(path, sample.name)

    return check


def _same(read: object, written: object) -> bool:
    if isinstance(written, float) and math.isnan(written):
        return False  # never accepted
    return type(read) is type(written) and read == written


def test_mutants_never_crash_are_placed_and_pass_only_as_yaml_reads_them(
    read: Callable[[Path, bytes, Path], tuple[Any, list[Any]]], tmp_path: Path
) -> None:
    accepted = 0
    for number, (sample, content) in enumerate(mutants()):
        submission, problems = read(sample, content, tmp_path)
        case = f"mutant {number} of {sample.parent.name}/{sample.name}: {content[:300]!r}"
        text = content.decode("utf-8", errors="replace").split("\n")
        for problem in problems:
            if problem.stands_for > 1:  # the line counting the problems not listed
                continue
            assert problem.line is not None, f"{case}\n{problem}"
            assert 1 <= problem.line <= len(text), f"{case}\n{problem}"
            assert problem.column is not None, f"{case}\n{problem}"
            assert 1 <= problem.column <= len(text[problem.line - 1]) + 1, f"{case}\n{problem}"
            assert not re.search(r"[a-z]{4,} [a-z]{3,} [a-z]{3,}", problem.message), problem
        if submission is None:
            assert problems, case
            continue
        accepted += 1
        data = yaml.load(content, Loader=LOADER)
        assert data["year"] == int(sample.parent.name), case
        for indicator, observation in submission.values.items():
            written = data["values"][indicator]
            written = written["value"] if isinstance(written, dict) else written
            assert _same(observation.value, written), f"{case}\n{indicator}: {observation.value}"
    assert 0.05 * MUTANTS < accepted < 0.5 * MUTANTS  # the mutants test both ways
