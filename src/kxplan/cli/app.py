"""The command line: a thin layer that registers the commands of `kxplan.cli.commands`."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from kxplan import __version__
from kxplan.cli import usage
from kxplan.cli.commands import (
    assess,
    check,
    explain,
    import_forms,
    init,
    report,
    review,
    schema,
    targets,
    template,
    validate,
)
from kxplan.cli.handler import ExitCode, handled


class _TyperOverrides:
    """What kxplan changes in typer's commands: `-h/--help` takes no value (no `<bool>`
    placeholder after it in the help), and usage errors are said in the user's language."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.metavar = ""
        return option

    def make_context(self, info_name: Any, args: list[str], *rest: Any, **extra: Any) -> Any:
        typed = list(args)  # parsing consumes `args`: `--lang en` may be gone by the error
        try:
            return super().make_context(info_name, args, *rest, **extra)  # type: ignore[misc]
        except usage.UsageError as error:
            raise usage.in_language(error, usage.lang_of(typed)) from None


class Group(_TyperOverrides, TyperGroup):
    def invoke(self, ctx: Any) -> Any:
        with handled():  # the one error handler, for `kxplan` and CliRunner alike
            return super().invoke(ctx)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except usage.UsageError as error:  # an unknown command
            raise usage.in_language(error, usage.lang_of(args)) from None


class Command(_TyperOverrides, TyperCommand):
    pass


app = typer.Typer(
    cls=Group,
    name="kxplan",
    help="KPI tracker for a five-year plan over plain files. 五年规划指标监测工具。",
    no_args_is_help=True,
    add_completion=False,
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
            help="Show the version and exit.",
            metavar="",
        ),
    ] = False,
) -> None:
    """kxplan: check a five-year plan's targets against yearly data files.

    kxplan：按年度、按县区检查五年规划指标的完成情况。
    """


app.command("validate", cls=Command)(validate.validate)
app.command("check", cls=Command)(check.check)
app.command("targets", cls=Command)(targets.targets)
app.command("template", cls=Command)(template.template)
app.command("import", cls=Command)(import_forms.import_forms)
app.command("init", cls=Command)(init.init)
app.command("schema", cls=Command)(schema.schema)
app.command("report", cls=Command)(report.report)
app.command("review", cls=Command)(review.review)
app.command("explain", cls=Command)(explain.explain)
app.command("assess", cls=Command)(assess.assess)


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # `kxplan check | head`: as click ends on a closed pipe
        sys.stderr.close()
        sys.exit(ExitCode.FAILED)
