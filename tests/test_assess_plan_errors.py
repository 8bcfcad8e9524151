"""A plan's `assessment` section that cannot be used is a `plan-error` at its line (exit 3),
every problem at once, in both languages; the sections here are written by hand so that each
line can be read off below."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import run
from test_plan_errors import HEAD
from test_validate import problems

TARGETS = (
    '  - {id: lectures, indicator: count_flow, level: county, kind: annual, op: ">=",'
    " threshold: 2, clause: 一}\n"
    '  - {id: rate_2025, indicator: rate, level: city, kind: deadline, op: ">=", threshold: 13,'
    " deadline: 2025, clause: 二}\n"
    "  - {id: watch, indicator: count_flow, level: county, kind: monitor, clause: 三}\n"
    '  - {id: built, indicator: done, level: county, kind: deadline, op: "==", threshold: true,'
    " deadline: 2025, clause: 四}\n"
)
# line 22 onwards: the assessment
SECTION = """\
assessment:
  name: 县区年度考核
  level: county
  weights:
    lectures: 60
    built: 40
  scores:
    met: 1
    achieved_early: 1
    ahead: 1
    on_track: 0.8
    in_progress: 0.5
    behind: 0.4
    not_met: 0
    missing: 0
  grades:
    - {name: 优秀, name_en: excellent, min: 90}
    - {name: 合格, min: 60}
    - {name: 不合格, min: 0}
"""
GOOD = HEAD + TARGETS + SECTION


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "data" / "2024").mkdir(parents=True)
    data = "unit: 乙区\nyear: 2024\nvalues:\n  count_flow: 3\n"
    (tmp_path / "data" / "2024" / "乙区.yaml").write_text(data, encoding="utf-8")
    (tmp_path / "targets.yaml").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def edit(folder: Path, *changes: tuple[str, str]) -> None:
    path = folder / "targets.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def test_the_good_section_is_valid(runner: CliRunner, folder: Path) -> None:
    assert run(runner, "validate").exit_code == 0
    assert run(runner, "assess", "2024").exit_code == 0


# (id, changes, [(line, message)])
CASES = [
    (
        "unknown-level",
        [("  level: county\n  weights", "  level: conty\n  weights")],
        [(24, '考核方案的 level "conty" 不是规划中的层级，是否为 “county”？')],
    ),
    (
        "unknown-target",
        [("    built: 40", "    biult: 40")],
        [(27, "考核方案的 weights 中的目标 “biult” 不存在，是否为 “built”？")],
    ),
    (
        "target-of-another-level",
        [("    built: 40", "    rate_2025: 40")],
        [(27, "目标 “rate_2025” 适用于 city，不适用于被考核的层级 county，不能计入考核")],
    ),
    (
        "monitor",
        [("    built: 40", "    watch: 40")],
        [(27, "目标 “watch” 仅监测（monitor），没有达标与否，不能计入考核")],
    ),
    (
        "weight-not-positive",
        [("    lectures: 60", "    lectures: -5")],
        [(26, "目标 “lectures” 的分值应为正数，实际是 -5")],
    ),
    (
        "weight-text",
        [("    lectures: 60", '    lectures: "60"')],
        [(26, '目标 “lectures” 的分值应为正数，实际是 "60"')],
    ),
    (
        "weights-empty",
        [("    lectures: 60\n    built: 40\n", ""), ("  weights:\n", "  weights: {}\n")],
        [(25, "考核方案的 weights 为空")],
    ),
    (
        "unknown-status",
        [("    behind: 0.4", "    behnd: 0.4")],
        [
            (34, "scores 中的 “behnd” 不是状态代码，是否为 “behind”？"),
            (28, "scores 缺少状态：behind"),
        ],
    ),
    (
        "status-missing",
        [("    missing: 0\n", "")],
        [(28, "scores 缺少状态：missing；除 monitored 外，每个状态都要给出得分比例")],
    ),
    (
        "monitored-share-out-of-range",
        [("    missing: 0\n", "    missing: 0\n    monitored: 2\n")],
        [(37, "状态 “monitored” 的得分比例应为 0 到 1 之间的数")],
    ),
    (
        "share-above-one",
        [("    on_track: 0.8", "    on_track: 80")],
        [(32, "状态 “on_track” 的得分比例应为 0 到 1 之间的数（1 = 得该项全部分值），实际是 80")],
    ),
    (
        "grades-out-of-order",
        [("{name: 合格, min: 60}", "{name: 合格, min: 95}")],
        [(39, "等次 “合格” 的 min 95 应低于上一等次 “优秀” 的 90：grades 由高到低排列")],
    ),
    (
        "last-grade-not-zero",
        [("{name: 不合格, min: 0}", "{name: 不合格, min: 10}")],
        [(40, "最低等次 “不合格” 的 min 应为 0（实际是 10），使每个得分都有等次")],
    ),
    (
        "grade-above-full-score",
        [("name_en: excellent, min: 90}", "name_en: excellent, min: 120}")],
        [(38, "等次 “优秀” 的 min 应为 0 到满分（100）之间的数，实际是 120")],
    ),
    (
        "grade-without-name",
        [("{name: 合格, min: 60}", "{min: 60}")],
        [(39, "考核等次第 2 项缺少必填字段 “name”")],
    ),
    (
        "grade-empty-name",
        [("{name: 合格, min: 60}", "{name: '', min: 60}")],
        [(39, "考核方案的 grades[2].name 应为非空文本")],
    ),
    (
        "grades-not-a-list",
        [(SECTION[SECTION.index("  grades:") :], "  grades: 优秀\n")],
        [(37, "考核方案的 grades 应为列表")],
    ),
    (
        "unknown-key",
        [("  level: county\n", "  level: county\n  levle: 3\n")],
        [(25, "考核方案（assessment）中有未知字段 “levle”，是否为 “level”？")],
    ),
    (
        "missing-key",
        [("  name: 县区年度考核\n", "")],
        [(22, "考核方案（assessment）缺少必填字段 “name”")],
    ),
    (
        "scores-not-a-mapping",
        [(SECTION[SECTION.index("  scores:") : SECTION.index("  grades:")], "  scores: [met]\n")],
        [(28, '考核方案的 scores 应为映射（键: 值），实际是 ["met"]')],
    ),
    ("empty", [(SECTION, "assessment:\n")], [(22, "assessment 为空")]),
    (
        "hostile-values",
        [("    lectures: 60", "    lectures: .inf"), ("    met: 1", "    met: .nan")],
        [(26, "实际是 Infinity"), (29, "实际是 NaN")],
    ),
    ("not-a-mapping", [(SECTION, "assessment: [1, 2]\n")], [(22, "assessment")]),
]


@pytest.mark.parametrize(("name", "changes", "expected"), CASES, ids=[c[0] for c in CASES])
def test_assessment_problem_at_its_line(
    runner: CliRunner,
    folder: Path,
    name: str,
    changes: list[tuple[str, str]],
    expected: list[tuple[int, str]],
) -> None:
    edit(folder, *changes)
    for command in (["validate"], ["assess", "2024"], ["check", "2024"]):
        result = run(runner, *command)
        assert result.exit_code == 3, (command, result.output)
        found = problems(result.stdout)
        assert len(found) == len(expected), found
        for line, message in expected:
            hit = [p for p in found if p.startswith(f"targets.yaml:{line}:")]
            assert hit and ": plan-error: " in hit[0] and message in hit[0], (line, found)


def test_monitored_may_be_given(runner: CliRunner, folder: Path) -> None:
    """A plan may list every status; `monitored` is never earned (monitors are not weighted)."""
    edit(folder, ("    missing: 0\n", "    missing: 0\n    monitored: 0\n"))
    assert run(runner, "validate").exit_code == 0
    assert run(runner, "assess", "2024").exit_code == 0


def test_every_problem_at_once(runner: CliRunner, folder: Path) -> None:
    edit(
        folder,
        ("    built: 40", "    watch: 40"),
        ("    missing: 0\n", ""),
        ("{name: 不合格, min: 0}", "{name: 不合格, min: 10}"),
        (
            "indicator: count_flow, level: county, kind: annual",
            "indicator: count_flw, level: county, kind: annual",
        ),
    )
    found = problems(run(runner, "validate").stdout)
    assert [p.split(":")[1] for p in found] == ["18", "27", "28", "39"], found


def test_english(runner: CliRunner, folder: Path) -> None:
    edit(folder, ("    built: 40", "    watch: 40"))
    result = run(runner, "validate", "--lang", "en")
    assert (
        "target “watch” is a monitor (no threshold, nothing to meet): it cannot be weighted"
        in result.stdout
    )


def test_assessment_problems_come_with_the_schema_problems(runner: CliRunner, folder: Path) -> None:
    """A malformed unit does not hide the assessment's problems: one run says both."""
    edit(
        folder,
        ('{code: "100002", name: 丙县', '{code: "10002", name: 丙县'),
        ("    built: 40", "    watch: 40"),
    )
    found = problems(run(runner, "validate").stdout)
    assert [p.split(":")[1] for p in found] == ["12", "27"], found
