"""Commands on the plan as written: validate, indicators, tasks, policies, reforms; and its file format: schema."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from qzdc.cli.app import (
    EXIT_BAD_DATA,
    Format,
    FormatOption,
    Lang,
    LangOption,
    OutputOption,
    PlanOption,
    RawOption,
    UsageError,
    app,
    emit,
    err,
    handle_errors,
    load,
    resolve_format,
)
from qzdc.errors import os_reason, quoted
from qzdc.i18n import listing, tr


@app.command()
@handle_errors
def validate(
    plan: PlanOption = None,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
    lang: LangOption = Lang.zh,
) -> None:
    """Check a plan: every YAML and schema error, with file:line:col. Exit 1 if invalid.

    Example: qzdc validate --plan ./my-plan
    """
    from qzdc.errors import DataError
    from qzdc.render.formats import to_json
    from qzdc.views.listing import summary, summary_line

    if fmt not in (Format.table, Format.json):
        raise UsageError(tr("err.validate_format"))
    try:
        loaded = load(plan)
    except DataError as error:
        if fmt is Format.json:
            sys.stdout.write(
                to_json({"valid": False, "errors": [p.as_dict() for p in error.problems]}, stream=sys.stdout)
            )
            raise typer.Exit(EXIT_BAD_DATA) from None
        raise
    if fmt is Format.json:
        counts = summary(loaded)
        sys.stdout.write(
            to_json({"valid": True, "plan": loaded.meta.id, "counts": counts, "errors": []}, stream=sys.stdout)
        )
        return
    line = summary_line(loaded, lang.value)
    sys.stdout.write(line + "\n")


@app.command()
@handle_errors
def indicators(
    plan: PlanOption = None,
    fmt: FormatOption = None,
    raw: RawOption = False,
    output: OutputOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """List the plan's indicators with baseline, target, kind and the plan's flags.

    Example: qzdc indicators --format json
    """
    from qzdc.views.listing import indicators_view

    chosen = resolve_format(fmt, output, raw=raw)
    emit(indicators_view(load(plan), lang.value), chosen, output)


@app.command()
@handle_errors
def tasks(
    plan: PlanOption = None,
    fmt: FormatOption = None,
    raw: RawOption = False,
    output: OutputOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """List the plan's tasks with lead and supporting departments and the targets they carry.

    Example: qzdc tasks --format csv -o tasks.csv
    """
    from qzdc.views.listing import tasks_view

    chosen = resolve_format(fmt, output, raw=raw)
    emit(tasks_view(load(plan), lang.value), chosen, output)


@app.command()
@handle_errors
def policies(
    plan: PlanOption = None,
    fmt: FormatOption = None,
    raw: RawOption = False,
    output: OutputOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """List the plan's policies and their lead departments.

    Example: qzdc policies --format markdown
    """
    from qzdc.views.listing import list_view

    chosen = resolve_format(fmt, output, raw=raw)
    emit(list_view(load(plan), "policies", lang.value), chosen, output)


@app.command()
@handle_errors
def reforms(
    plan: PlanOption = None,
    fmt: FormatOption = None,
    raw: RawOption = False,
    output: OutputOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """List the plan's reforms and their lead departments.

    Example: qzdc reforms
    """
    from qzdc.views.listing import list_view

    chosen = resolve_format(fmt, output, raw=raw)
    emit(list_view(load(plan), "reforms", lang.value), chosen, output)


@app.command()
@handle_errors
def schema(
    kind: Annotated[str | None, typer.Argument()] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", show_default=False)] = None,
    lang: LangOption = Lang.zh,
) -> None:
    """The JSON Schema of a plan file (plan, indicators, tasks, observations), for editors.

    Example: qzdc schema indicators;  qzdc schema -o ./my-plan/schema
    """
    from qzdc.cli.output import write_output
    from qzdc.plan.schema import FILES, shipped_text

    kinds = list(FILES)
    if kind is not None and kind not in FILES:
        raise UsageError(tr("err.schema_kind", kind=quoted(kind)), hint=tr("err.choose_one_of", choices=listing(kinds)))
    if kind is not None:
        if output is None:
            sys.stdout.write(shipped_text(kind))
            return
        write_output(output, shipped_text(kind).encode("utf-8"))
        err(tr("msg.wrote", path=output))
        return
    if output is None:
        raise UsageError(tr("err.schema_which"), hint=tr("err.schema_files", files=listing(kinds)))
    if output.exists() and not output.is_dir():
        raise UsageError(tr("err.schema_not_directory", path=output), hint=tr("err.schema_not_directory.hint"))
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(tr("err.schema_mkdir", path=output, reason=os_reason(error))) from None
    for name in kinds:
        target = output / f"{name}.schema.json"
        write_output(target, shipped_text(name).encode("utf-8"))
        err(tr("msg.wrote", path=target))
