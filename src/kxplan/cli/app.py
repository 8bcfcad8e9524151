"""The command line: a thin layer over the commands of `kxplan.cli.commands`, each imported
only when it runs (click's lazy group): `kxplan --version` and `kxplan --help` import none."""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Annotated, Any, NamedTuple

import typer
from typer.core import TyperCommand, TyperGroup

from kxplan import __version__
from kxplan.cli import usage
from kxplan.cli.handler import ExitCode, handled
from kxplan.cli.helptext import helps


class Entry(NamedTuple):
    module: str  # in `kxplan.cli.commands`, with a function of the same name
    summary: str  # the first paragraph of that function's docstring, as `--help` lists it


#: The commands in the order `kxplan --help` lists them (a test keeps the summaries the same as
#: the docstrings).
COMMANDS: dict[str, Entry] = {
    "validate": Entry("validate", "Check the plan and the data files. 校验规划文件和数据文件。"),
    "check": Entry(
        "check", "Check every target at every unit for one year. 检查某一年度各单位的目标完成情况。"
    ),
    "targets": Entry("targets", "List the plan's targets. 列出规划的全部目标。"),
    "template": Entry(
        "template",
        "Make the Excel forms for a year, one per unit. 生成年度数据填报表（每个单位一份）。",
    ),
    "import": Entry(
        "import_forms", "Read filled-in forms into data files. 导入填好的填报表，写成数据文件。"
    ),
    "init": Entry("init", "Create a data repository. 新建数据仓库。"),
    "schema": Entry("schema", "The JSON Schema of the data files. 数据文件的 JSON Schema。"),
    "report": Entry(
        "report", "One unit's record over the plan period, year by year. 单位规划期逐年完成情况。"
    ),
    "review": Entry(
        "review",
        "Review the plan at the top unit: completion against time, projections. 规划实施评估。",
    ),
    "explain": Entry(
        "explain",
        "Show how one result came about: the plan's words, inputs, arithmetic. "
        "解释一项结果的来历。",
    ),
    "assess": Entry(
        "assess", "Score and rank the units on the weighted targets. 年度目标考核：计分、排名。"
    ),
}


class _TyperOverrides:
    """What kxplan changes in typer's commands: `-h/--help` takes no value (no `<bool>`
    placeholder after it in the help), and usage errors are said in the user's language."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.metavar = ""
            option.help = helps("显示本帮助并退出 / Show this message and exit.")
        return option

    def make_context(self, info_name: Any, args: list[str], *rest: Any, **extra: Any) -> Any:
        typed = list(args)  # parsing consumes `args`: `--lang en` may be gone by the error
        try:
            return super().make_context(info_name, args, *rest, **extra)  # type: ignore[misc]
        except usage.UsageError as error:
            raise usage.in_language(error, usage.lang_of(typed)) from None


class Command(_TyperOverrides, TyperCommand):
    pass


def load(name: str) -> Any:
    """The click command `name`, built by typer from its module's function."""
    entry = COMMANDS[name]
    # as an import statement does it, so that `python -X importtime` lists the command too
    module = __import__(f"kxplan.cli.commands.{entry.module}", fromlist=[entry.module])
    one = typer.Typer(add_completion=False)
    one.command(name, cls=Command)(getattr(module, entry.module))
    return typer.main.get_command(one)


class _Commands(MutableMapping[str, Any]):
    """The group's commands by name, each loaded when first asked for; the names need none."""

    def __init__(self) -> None:
        self._loaded: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in COMMANDS:
            raise KeyError(name)
        if name not in self._loaded:
            self._loaded[name] = load(name)
        return self._loaded[name]

    def __iter__(self) -> Iterator[str]:
        return iter(COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS)

    def __setitem__(self, name: str, command: Any) -> None:
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        del self._loaded[name]


_LISTING = "kxplan.listing"


#: typer's completion options, said in both languages as every other option is
_COMPLETION = {
    "install_completion": "为当前 shell 安装命令补全 / Install completion for the current shell.",
    "show_completion": "显示当前 shell 的补全脚本，可复制或自行安装 / Show completion for the "
    "current shell, to copy it or customize the installation.",
}


class Group(_TyperOverrides, TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = _Commands()

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)
        for param in params:
            if param.name in _COMPLETION:
                param.help = helps(_COMPLETION[param.name])
                param.metavar = ""
        return params

    def invoke(self, ctx: Any) -> Any:
        with handled():  # the one error handler, for `kxplan` and CliRunner alike
            return super().invoke(ctx)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except usage.UsageError as error:  # an unknown command
            raise usage.in_language(error, usage.lang_of(args)) from None

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, name: str) -> Any:
        if ctx.meta.get(_LISTING) and name in COMMANDS:  # `kxplan --help`: the summary is enough
            return Command(name=name, help=COMMANDS[name].summary)
        return super().get_command(ctx, name)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        ctx.meta[_LISTING] = True
        try:
            super().format_help(ctx, formatter)
        finally:
            ctx.meta[_LISTING] = False


app = typer.Typer(
    cls=Group,
    name="kxplan",
    help="KPI tracker for a five-year plan over plain files. 五年规划指标监测工具。",
    no_args_is_help=True,
    # --install-completion / --show-completion: bash, zsh, fish (candidates: cli/complete.py)
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def version_callback(value: bool) -> None:
    if value:
        print(f"kxplan {__version__}")
        raise typer.Exit(ExitCode.OK)


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=version_callback,
            is_eager=True,
            help=helps("显示版本并退出 / Show the version and exit."),
            metavar="",
        ),
    ] = False,
) -> None:
    """kxplan: check a five-year plan's targets against yearly data files.

    kxplan：按年度、按县区检查五年规划指标的完成情况。
    """


def main() -> None:
    """`kxplan` as its entry point runs it (`kxplan.cli.entry`: Ctrl-C, a closed pipe)."""
    from kxplan.cli.entry import main as run

    run()
