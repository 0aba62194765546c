"""Commands on the plan as written: validate, indicators, tasks, policies, reforms."""

from __future__ import annotations

import sys
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
    UsageError,
    app,
    emit,
    handle_errors,
    load,
    resolve_format,
)


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
        raise UsageError("validate writes table or json")
    try:
        loaded = load(plan)
    except DataError as error:
        if fmt is Format.json:
            sys.stdout.write(to_json({"valid": False, "errors": [p.as_dict() for p in error.problems]}))
            raise typer.Exit(EXIT_BAD_DATA) from None
        raise
    if fmt is Format.json:
        counts = summary(loaded)
        sys.stdout.write(to_json({"valid": True, "plan": loaded.meta.id, "counts": counts, "errors": []}))
        return
    line = summary_line(loaded, lang.value)
    sys.stdout.write(line + "\n")


@app.command()
@handle_errors
def indicators(
    plan: PlanOption = None, fmt: FormatOption = None, output: OutputOption = None, lang: LangOption = Lang.zh
) -> None:
    """List the plan's indicators with baseline, target, kind and the plan's flags.

    Example: qzdc indicators --format json
    """
    from qzdc.views.listing import indicators_view

    chosen = resolve_format(fmt, output)
    emit(indicators_view(load(plan), lang.value), chosen, output)


@app.command()
@handle_errors
def tasks(
    plan: PlanOption = None, fmt: FormatOption = None, output: OutputOption = None, lang: LangOption = Lang.zh
) -> None:
    """List the plan's tasks with lead and supporting departments and the targets they carry.

    Example: qzdc tasks --format csv -o tasks.csv
    """
    from qzdc.views.listing import tasks_view

    chosen = resolve_format(fmt, output)
    emit(tasks_view(load(plan), lang.value), chosen, output)


@app.command()
@handle_errors
def policies(
    plan: PlanOption = None, fmt: FormatOption = None, output: OutputOption = None, lang: LangOption = Lang.zh
) -> None:
    """List the plan's policies and their lead departments.

    Example: qzdc policies --format markdown
    """
    from qzdc.views.listing import list_view

    chosen = resolve_format(fmt, output)
    emit(list_view(load(plan), "policies", lang.value), chosen, output)


@app.command()
@handle_errors
def reforms(
    plan: PlanOption = None, fmt: FormatOption = None, output: OutputOption = None, lang: LangOption = Lang.zh
) -> None:
    """List the plan's reforms and their lead departments.

    Example: qzdc reforms
    """
    from qzdc.views.listing import list_view

    chosen = resolve_format(fmt, output)
    emit(list_view(load(plan), "reforms", lang.value), chosen, output)
