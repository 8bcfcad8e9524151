"""The options the commands share. `--lang` and `--debug` tell the error handler too, as they
are read: it says its messages in the run's language and shows a traceback when asked."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

import typer

from kxplan.cli import complete, handler
from kxplan.cli.helptext import helps
from kxplan.model.errors import UsageError
from kxplan.model.status import Status
from kxplan.text import LANGS, both, default_lang, tr


def language(option: str | None) -> str:
    """The language `--lang` names, else `KXPLAN_LANG`'s; a usage error for another."""
    if option is None:
        return default_lang()
    option = option.strip().lower()  # `--lang EN`, `--lang Zh`
    if option not in LANGS:  # said in every language: which one was meant is not known
        said = [tr("bad-lang", each, langs=tr("list-comma", each).join(LANGS)) for each in LANGS]
        raise UsageError(" / ".join(said))
    return option


def _tell_lang(option: str | None) -> str | None:
    handler.current().lang = language(option)
    return option


def _tell_cache(no_cache: bool) -> bool:
    handler.current().use_cache = not no_cache
    return no_cache


def _tell_debug(debug: bool) -> bool:
    handler.current().debug = debug
    return debug


PlanOption = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        help=helps(
            "规划文件（默认：本文件夹或上级文件夹的 targets.yaml；环境变量 KXPLAN_PLAN）"
            " / Plan file (default: targets.yaml here or above; env KXPLAN_PLAN)."
        ),
        show_default=False,
    ),
]
DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help=helps(
            "数据文件夹（默认：本文件夹或上级文件夹的 data/；环境变量 KXPLAN_DATA_DIR）"
            " / Data folder (default: data/ here or above; env KXPLAN_DATA_DIR)."
        ),
        show_default=False,
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help=helps("zh（默认）或 en；环境变量 KXPLAN_LANG / zh (default) or en; env KXPLAN_LANG."),
        show_default=False,
        callback=_tell_lang,
    ),
]
DebugOption = Annotated[
    bool,
    typer.Option(
        "--debug",
        help=helps("内部错误时显示完整的回溯信息 / Show the full traceback of an internal error."),
        metavar="",
        callback=_tell_debug,
    ),
]
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help=helps(
            "不读也不写缓存，重新读取全部文件（缓存位置：环境变量 KXPLAN_CACHE_DIR）"
            " / Neither read nor write the cache: read every file again (where it is:"
            " env KXPLAN_CACHE_DIR)."
        ),
        metavar="",
        callback=_tell_cache,
    ),
]
YearArgument = Annotated[
    int | None,
    typer.Argument(
        metavar="YEAR",
        help=helps(
            "年份，同 --year（默认：最近有数据的年份） / The year, as with check (same as --year; "
            "default: the latest year with data)."
        ),
        show_default=False,
        autocompletion=complete.data_years,
    ),
]
FormatOption = typer.Option(
    "--format", "-f", help=helps("输出格式 / Output format."), case_sensitive=False
)
# Text, not Path: a Path drops the trailing `/` of a folder and the `./` of `./2024.xlsx`.
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        help=helps(
            "写入文件 PATH：.xlsx、.json 或 .md（只给文件名时写到 reports/；默认：标准输出）"
            " / Write to PATH: .xlsx, .json or .md (a bare file name goes to reports/; default:"
            " standard output)."
        ),
        show_default=False,
        metavar="PATH",
    ),
]
ForceOption = Annotated[
    bool,
    typer.Option(
        "--force",
        help=helps("替换已存在的 --output 文件 / Replace the --output file if it already exists."),
        metavar="",
    ),
]
TableFormatOption = typer.Option(
    "--format",
    "-f",
    help=helps(
        "输出格式（默认：table；用 -o 时由文件后缀决定）"
        " / Output format (default: table; with -o, the file's suffix decides)."
    ),
    case_sensitive=False,
    show_default=False,
)


def county_option(help_text: str) -> Any:
    """`--county NAME`, completed with the plan's unit names and codes; a list, so that a
    repeated `--county` is seen (and honoured or refused, never the last one silently)."""
    return typer.Option(
        "--county",
        help=helps(help_text),
        metavar="NAME",
        show_default=False,
        autocompletion=complete.units,
    )


def given_once(option: str, values: list[str] | None, lang: str) -> str | None:
    """The value of an option that takes one (`--level`, `--under`); a usage error when it
    was given more than once (`--under 北京市 --under 四川省` would silently mean the last)."""
    if values and len(values) > 1:
        given = tr("list-comma", lang).join(values)
        raise UsageError(tr("option-once", lang, option=option, values=given))
    return values[0] if values else None


def one_county(counties: list[str] | None, lang: str) -> str | None:
    """The one `--county` of a command that shows one unit; a usage error for several."""
    if counties and not all(name.strip() for name in counties):  # `--county ""`: not "none"
        raise UsageError(tr("county-empty", lang))
    if counties and len(counties) > 1:
        names = tr("list-comma", lang).join(counties)
        raise UsageError(tr("county-once", lang, names=names))
    return counties[0] if counties else None


def status_words(lang: str) -> str:
    """The statuses `--fail-on` takes: `not_met（未达标）、…` or `not_met (not met), …`."""
    comma = tr("list-comma", lang)
    return comma.join(tr("status-word", lang, code=s.value, label=s.label(lang)) for s in Status)


def fail_on_statuses(text: str, lang: str) -> frozenset[Status]:
    """`--fail-on`: status codes, or their Chinese or English labels (`未达标,相对滞后`,
    `"Not met"`), separated by commas (`,`, `，` or `、`); a usage error names the valid ones."""
    codes = {s.value: s for s in Status}
    labels = {s.label(each).casefold(): s for s in Status for each in LANGS}
    found: set[Status] = set()
    for part in re.split(r"[,，、]", text):
        if not part.strip():
            continue
        # a code as the SPEC writes it (`NOT_MET` is not one), or a label in any case
        status = codes.get(part.strip()) or labels.get(part.strip().casefold())
        if status is None:
            raise UsageError(
                tr("unknown-status", lang, code=part.strip(), known=status_words(lang))
            )
        found.add(status)
    return frozenset(found)


FAIL_ON_HELP = helps(
    '结果为这些状态时退出码为 1（逗号分隔，代码或名称均可；"" 表示从不；可用的状态见上）'
    ' / Statuses that make the exit code 1 (comma-separated codes or labels; "" for never;'
    " the valid ones are listed above)."
)
#: the statuses `--fail-on` takes, as check's help lists them
FAIL_ON_VALUES = [
    " / ".join(both("help-fail-on-values")),
    *(f"  {s.value}  {s.label('zh')} / {s.label('en')}" for s in Status),
]
WideOption = Annotated[
    bool,
    typer.Option(
        "--wide",
        help=helps(
            "整表输出，每行一条，不按终端宽度折行（默认：适应终端宽度） / The full table on one"
            " line per row, however wide (default: fit the terminal)."
        ),
        metavar="",
    ),
]
LevelOption = Annotated[
    list[str] | None,  # a list, so that a repeated option is refused, not the last one taken
    typer.Option(
        "--level",
        help=helps(
            "只看这一级的全部单位（层级编号或名称，如 county 或 县区；默认：各级）"
            " / Only the units of this level (its id or name, e.g. county or 县区; default:"
            " every level)."
        ),
        metavar="LEVEL",
        show_default=False,
        autocompletion=complete.levels,
    ),
]
UnderOption = Annotated[
    list[str] | None,  # a list, so that a repeated option is refused, not the last one taken
    typer.Option(
        "--under",
        help=helps(
            "只看这个单位及其以下各单位（名称、代码或英文名；可与 --level 同用；默认：全部）"
            " / Only this unit and every unit below it (name, code or English name; goes"
            " with --level; default: all)."
        ),
        metavar="UNIT",
        show_default=False,
        autocompletion=complete.units,
    ),
]
