"""The command line: a thin layer that registers the commands of `kxplan.commands`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from kxplan import __version__
from kxplan.commands import (
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

app = typer.Typer(
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
        raise typer.Exit()


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


app.command("validate")(validate.validate)
app.command("check")(check.check)
app.command("targets")(targets.targets)
app.command("template")(template.template)
app.command("import")(import_forms.import_forms)
app.command("init")(init.init)
app.command("schema")(schema.schema)
app.command("report")(report.report)
app.command("review")(review.review)
app.command("explain")(explain.explain)


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # `kxplan check | head`
        sys.stderr.close()
        sys.exit(1)
