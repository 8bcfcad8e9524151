"""`kxplan schema`: the JSON Schema of the plan's data files, for editors and validators."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kxplan.cli import locate
from kxplan.cli.context import open_plan
from kxplan.cli.handler import ExitCode
from kxplan.cli.helptext import documented, helps
from kxplan.cli.options import DataOption, DebugOption, LangOption, PlanOption, language
from kxplan.files.atomic import write_text_atomic
from kxplan.model.errors import UsageError
from kxplan.text import tr


@documented(
    examples=[
        ("写到标准输出 / to standard output", "kxplan schema"),
        ("写成数据仓库的 schema.json / as the repository's schema.json", "kxplan schema -o ."),
    ],
    exits=(ExitCode.OK, ExitCode.USAGE, ExitCode.INVALID),
)
def schema(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=helps(
                "写入文件 FILE（.json；文件夹则写 schema.json；默认：标准输出）；只给文件名时写在"
                "当前文件夹 / Write to FILE (.json; a folder gets schema.json; default: standard "
                "output). Unlike check's -o, a bare name stays in the current folder."
            ),
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help=helps("替换已存在的 FILE / Replace FILE if it exists."), metavar=""
        ),
    ] = False,
    plan_option: PlanOption = None,
    data_option: DataOption = None,
    lang_option: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """The JSON Schema of the data files. 数据文件的 JSON Schema。

    Draft 2020-12. Each indicator is a property with its Chinese name, instruction, measure
    and range; unknown keys are refused. Data files point to it with a first
    line `# yaml-language-server: $schema=../../schema.json`.
    """
    from kxplan.repo.schema import SCHEMA_NAME, schema_text

    lang = language(lang_option)
    if output is not None and output.is_dir():
        output = output / SCHEMA_NAME
    if output is not None and output.suffix.lower() != ".json":
        raise UsageError(tr("schema-suffix", lang, path=output))
    text = schema_text(open_plan(plan_option, lang))
    if data_option is not None:  # taken as every command takes it (SPEC §6); no data is read
        locate.data_dir(data_option, lang)
    if output is None:
        sys.stdout.write(text)
        return
    write_text_atomic(output, text, overwrite=force)
    print(tr("output-written", lang, path=output), file=sys.stderr)
