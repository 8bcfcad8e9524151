"""The files of a new data repository (`kxplan init`): plan, schema, empty data, CI, hooks.

Everything here is text built from the plan; `write_missing` adds the files that are not
there yet and never replaces one, so running `init` again only completes a repository.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from pathlib import Path

from kxplan import __version__
from kxplan.files.atomic import clear_leftovers, write_atomic
from kxplan.files.lock import hold
from kxplan.load.datamodel import EXPECTED
from kxplan.load.folder import is_data_file
from kxplan.model.errors import WouldOverwrite
from kxplan.model.plan import Plan
from kxplan.repo.schema import DATA_FILE_REFERENCE, SCHEMA_NAME, schema_text
from kxplan.text import tr
from kxplan.yaml.write import lock_path, render_data_file, reported_by

PLACEHOLDER_REPO = "https://github.com/YOUR-ORG/kxplan"
DEFAULT_REV = f"v{__version__}"


@dataclass(frozen=True)
class Source:
    """Where the data repository's CI and pre-commit get kxplan from."""

    repo: str = PLACEHOLDER_REPO
    rev: str = DEFAULT_REV

    @property
    def pip_requirement(self) -> str:
        """pip's form (pre-commit's `repo:` takes the URL as given, so only pip's is changed)."""
        return f"kxplan @ git+{pip_url(self.repo) or self.repo}@{self.rev}"

    @property
    def is_placeholder(self) -> bool:
        return self.repo == PLACEHOLDER_REPO


_URL = re.compile(r"^(https?|ssh|git|file)://", re.IGNORECASE)
_SCP = re.compile(r"^(?P<user>[\w.-]+@)?(?P<host>[\w.-]+):(?!//)(?P<path>.+)$")


def pip_url(repo: str) -> str | None:
    """The git URL pip takes after `git+`: https://, ssh://, git:// and file:// as they are, git's
    scp-like `git@host:org/kxplan.git` as `ssh://git@host/org/kxplan.git`, a local folder as
    `file:///its/absolute/path`; None for anything else. A URL typed with pip's own `git+`
    is taken without it (it is added back)."""
    if repo.lower().startswith("git+") and _URL.match(repo[4:]):
        return repo[4:]
    if _URL.match(repo):
        return repo
    local = Path(repo).expanduser()
    if local.is_absolute() or repo.startswith((".", "~")) or local.is_dir():
        return local.resolve().as_uri()
    if match := _SCP.match(repo):
        return f"ssh://{match['user'] or ''}{match['host']}/{match['path'].lstrip('/')}"
    return None


def existing_source(root: Path) -> Source | None:
    """The kxplan repository and revision an existing `.pre-commit-config.yaml` already names,
    so that completing a repository (`init --force`) keeps them; None when there is none."""
    import yaml

    try:
        config = yaml.safe_load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    repos = config.get("repos") if isinstance(config, dict) else None
    for entry in repos if isinstance(repos, list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("hooks"), list):
            continue
        ids = [hook.get("id", "") for hook in entry["hooks"] if isinstance(hook, dict)]
        repo, rev = entry.get("repo"), entry.get("rev")
        if any(str(i).startswith("kxplan-") for i in ids) and isinstance(repo, str) and rev:
            return Source(repo, str(rev))
    return None


def scaffold(plan: Plan, plan_bytes: bytes, year: int, source: Source) -> dict[str, bytes]:
    """Relative path → content of every file of a new data repository, in writing order."""
    check_year = min(max(year, plan.start), plan.end)
    files: dict[str, bytes] = {
        "targets.yaml": plan_bytes,
        SCHEMA_NAME: schema_text(plan).encode(),
    }
    for unit in plan.tree_order:
        header = [
            f"{unit.name} {year} 年数据：不填或留空表示缺数据；数字不加引号；是/否填 true/false。",
            f"{unit.name_en or unit.name}, {year}: leave a value empty when it is not known.",
            "填报说明见仓库根目录 README.md / see README.md at the top of the repository.",
        ]
        text = render_data_file(
            plan, unit, year, {}, header=header, schema=DATA_FILE_REFERENCE, include_empty=True
        )
        files[f"data/{year}/{unit.name}.yaml"] = text.encode()
    files["README.md"] = readme(plan, year, check_year, source).encode()
    files[".pre-commit-config.yaml"] = pre_commit_config(source).encode()
    assessed = plan.assessment is not None
    files[".github/workflows/kxplan.yml"] = workflow(check_year, source, assessed).encode()
    files[".vscode/extensions.json"] = b'{"recommendations": ["redhat.vscode-yaml"]}\n'
    files[".gitignore"] = (
        b"# forms and reports kxplan writes: sent round, not kept here\nreports/\n"
    )
    return files


def unit_files_present(root: Path, plan: Plan, year: int) -> dict[str, str]:
    """Scaffold data file → the file already holding that unit's year under any name the
    reader takes (`data/2020/510802.yaml` for `利州区.yaml`, `利州区.YML`): a second would be
    a duplicate."""
    folder = root / "data" / str(year)
    present: dict[str, str] = {}
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        unit = plan.unit(path.stem)
        if unit is not None and path.is_file() and is_data_file(path):
            present.setdefault(f"data/{year}/{unit.name}.yaml", f"data/{year}/{path.name}")
    return present


def data_locks(root: Path, plan: Plan, year: int) -> dict[str, Path]:
    """Scaffold data file → the lock an import of it holds (`datawrite.lock_path`)."""
    return {
        f"data/{year}/{unit.name}.yaml": lock_path(root / "data", year, unit.code)
        for unit in plan.tree_order
    }


def write_missing(
    root: Path,
    files: dict[str, bytes],
    present: dict[str, str] | None = None,
    locks: dict[str, Path] | None = None,
) -> tuple[list[str], list[str]]:
    """Write each file that does not exist yet, nor under another name (`present`), each
    holding its lock in `locks`, if any, as an import of it does; (written, kept as they were)."""
    written: list[str] = []
    kept: list[str] = []
    for name, content in files.items():
        if present and name in present:
            kept.append(present[name])
            continue
        lock = (locks or {}).get(name)
        with hold(lock, guarding=root / name) if lock else contextlib.nullcontext():
            if lock:
                clear_leftovers(root / name)
            try:
                write_atomic(root / name, content)
            except WouldOverwrite:
                kept.append(name)
            else:
                written.append(name)
    return written, kept


def pre_commit_config(source: Source) -> str:
    return f"""\
# 提交前用 kxplan 校验改动的数据文件和规划：pip install pre-commit && pre-commit install
# Before each commit: validate the changed data files (all of them when the plan changed)
# and keep schema.json in step with targets.yaml.
repos:
  - repo: {source.repo}
    rev: {source.rev}
    hooks:
      - id: kxplan-validate
      - id: kxplan-schema
"""


def workflow(check_year: int, source: Source, assessed: bool = False) -> str:
    """The CI workflow; with the plan's `assessment`, the year's ranking on the job's page."""
    return _WORKFLOW.format(check_year=check_year, source=source) + (_ASSESS if assessed else "")


#: the step that puts the year's assessment on the job's summary page: after the check, and
#: never failing the job (a ranking is not a gate; invalid data is the check's to fail on)
_ASSESS = """\
      - name: The year's assessment
        if: ${{ !cancelled() }}
        run: |
          if ls data/"$KXPLAN_YEAR"/*.y*ml >/dev/null 2>&1; then
            kxplan assess "$KXPLAN_YEAR" --format markdown >> "$GITHUB_STEP_SUMMARY" || true
          fi
"""

_WORKFLOW = """\
# kxplan：推送到 main 和每个拉取请求时校验数据文件、检查规划目标，问题标注在文件的对应行上。
# kxplan: validate the data files and check the plan's targets on every push to main and
# every pull request; each problem and each missed target is annotated at its file and line.
name: kxplan

on:
  push:
    branches: [main]  # a pull request's branch is checked by pull_request, not twice
  pull_request:

permissions:
  contents: read

env:
  # 要检查的年度，每年改一次 / the year to check: change it each year
  KXPLAN_YEAR: "{check_year}"
  # kxplan 的来源（与 .pre-commit-config.yaml 中的 repo、rev 一致）
  # where kxplan is installed from (keep in step with .pre-commit-config.yaml)
  KXPLAN_PACKAGE: "{source.pip_requirement}"
  PYTHONUTF8: "1"

jobs:
  kxplan:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
        with:
          fetch-depth: 0  # `check --compare` reads the base branch with git
      - uses: actions/setup-python@v6
        with:
          python-version: "3.12"
      - name: Install kxplan
        run: pip install "$KXPLAN_PACKAGE"
      - name: Validate the data files
        run: kxplan validate --format github
      # the next two steps run even when validation failed, so that they annotate too
      - name: What this pull request changes
        if: ${{{{ !cancelled() && github.event_name == 'pull_request' }}}}
        # a result that now fails is a warning (exit 1); the next step decides the job
        run: >-
          kxplan check "$KXPLAN_YEAR" --compare "origin/$GITHUB_BASE_REF"
          --format github || [ $? -eq 1 ]
      - name: Check the targets
        if: ${{{{ !cancelled() }}}}
        # until the year's first files arrive there is nothing to check
        run: |
          if ls data/"$KXPLAN_YEAR"/*.y*ml >/dev/null 2>&1; then
            kxplan check "$KXPLAN_YEAR" --format github
          else
            echo "::notice::no data files for $KXPLAN_YEAR yet: nothing to check"
          fi
"""


def readme(plan: Plan, year: int, check_year: int, source: Source) -> str:
    first = plan.tree_order[0]
    rows = "\n".join(_indicator_row(plan, indicator_id) for indicator_id in plan.indicators)
    name_en = plan.info.name_en or plan.info.name
    return f"""\
# {plan.info.name} — 数据仓库 / data repository

本仓库存放各单位逐年填报的规划指标数据。每次提交和拉取请求都由 [kxplan]({source.repo})
自动校验：数据格式有误或目标未完成时，CI 失败，并在出错的文件和行上标注原因。

This repository holds each unit's yearly figures for “{name_en}”. kxplan checks every
commit and pull request; malformed data and missed targets fail CI with the file and line.

## 目录 / Layout

| 路径 / path | 内容 / what |
|---|---|
| `targets.yaml` | 规划：单位、指标、目标（由市科协维护） / the plan |
| `{SCHEMA_NAME}` | 数据文件的 JSON Schema，编辑器据此提示和校验 / schema for editors |
| `data/<年份>/<单位>.yaml` | 每个单位每年一个数据文件 / one file per unit and year |
| `.github/workflows/kxplan.yml` | CI：校验、对比、检查 / CI |
| `.pre-commit-config.yaml` | 提交前自动校验 / pre-commit hook |

## 如何填报 / How to fill in a file

1. 每个单位每年一个文件：`data/<年份>/<单位名称>.yaml`（也可用 6 位行政区划代码命名）。
{_base_year_step(plan)}
   新的一年：把 `data/{year}/` 中本单位的文件复制到新年份的文件夹，
   改 `year` 和文件开头注释中的年份，填写数值。
2. 文件内容示例：

   ```yaml
   unit: {first.name}           # 必须与文件名一致 / must match the file name
   year: {check_year}             # 必须与所在文件夹一致 / must match the folder
   values:
{_example(plan)}
   ```

3. 规则：数字不加引号；个数为不小于 0 的整数；百分比填 0–100 的数（不带 % 号）；是/否填
   `true` / `false`；暂时没有的数值留空或删去该行（按“缺数据”处理，不算格式错误）。
4. 提交拉取请求（pull request）。CI 会在出错的行上标注原因，并列出本次提交改变了哪些目标的完成状态。

One file per unit and year. Fill in the base year {plan.base_year} first: the growth targets of
{plan.base_year + 1} and every trajectory start from it. For a new year copy your file, then change
`year` and the year in its first comment lines. Numbers without quotes; counts are whole numbers
≥ 0; percentages 0–100 without `%`; yes/no as `true`/`false`; leave a value empty when it is not
known.

## 填报指标 / Indicators

| id | 指标 / indicator | 计量单位 / measure | 要求 / expected | 填报单位 / reported by |
|---|---|---|---|---|
{rows}

## 在本机检查 / Checking on your computer

```sh
pip install "{source.pip_requirement}"
kxplan validate                 # 校验全部数据文件 / validate every data file
kxplan check {check_year}               # 各目标完成情况 / the targets in {check_year}
pip install pre-commit && pre-commit install   # 之后每次提交前自动校验 / validate on commit
```

编辑器：在 VS Code 中安装 YAML 扩展（redhat.vscode-yaml，打开本仓库时会提示）。每个数据文件第一行
指向 `{SCHEMA_NAME}`，输入时会提示指标名称和填报说明，类型或范围错误会被标出。

Editors: with the YAML extension (redhat.vscode-yaml), the first line of each data file points
to `{SCHEMA_NAME}`: indicator names and instructions on hover, wrong types underlined.

## 维护 / Maintenance

- 每年修改 `.github/workflows/kxplan.yml` 中的 `KXPLAN_YEAR`。Change `KXPLAN_YEAR` each year.
- 修改 `targets.yaml` 后重新生成 schema：`kxplan schema -o {SCHEMA_NAME} --force`。
  After changing the plan, regenerate the schema.
- 升级 kxplan：同时修改 `.pre-commit-config.yaml` 的 `rev` 和工作流中的 `KXPLAN_PACKAGE`。
  To upgrade kxplan, change both the hook's `rev` and the workflow's `KXPLAN_PACKAGE`.
"""


def _base_year_step(plan: Plan) -> str:
    base = plan.base_year
    return (
        f"   先填写基期 {base} 年的数值（`data/{base}/`）：{base + 1} 年的增长目标和各年的序时进度"
        f"都以它为基数，\n   缺了这些目标只能按缺数据处理。"
    )


def _indicator_row(plan: Plan, indicator_id: str) -> str:
    indicator = plan.indicators[indicator_id]
    levels = [
        level.name
        for level in plan.levels
        if any(indicator_id in reported_by(plan, unit) for unit in plan.units_at((level.id,)))
    ]
    cells = [
        f"`{indicator.id}`",
        indicator.name,
        indicator.measure or "—",
        tr(EXPECTED[indicator.type], "zh"),
        "、".join(levels) or "—",
    ]
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


_EXAMPLES = {"count": "3", "amount": "12.5", "percent": "85.5", "boolean": "true"}


def _example(plan: Plan) -> str:
    """Two values of the first unit: a plain one, and one with its source and note."""
    ids = reported_by(plan, plan.tree_order[0])[:2] or list(plan.indicators)[:2]
    lines = []
    for number, indicator_id in enumerate(ids):
        value = _EXAMPLES[plan.indicators[indicator_id].type.value]
        if number == 0:
            lines.append(f"     {indicator_id}: {value}")
        else:
            lines.append(f"     {indicator_id}:      # 可附来源和备注 / with its source and a note")
            lines.append(f"       value: {value}")
            lines.append("       source: 统计年报 / yearly statistics")
            lines.append("       note: 含乡镇 / towns included")
    return "\n".join(lines)
