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
    from qzdc.views.listing import summary

    if fmt not in (Format.table, Format.json):
        raise UsageError("validate writes table or json")
    try:
        loaded = load(plan)
    except DataError as error:
        if fmt is Format.json:
            sys.stdout.write(to_json({"valid": False, "errors": [p.as_dict() for p in error.problems]}))
            raise typer.Exit(EXIT_BAD_DATA) from None
        raise
    counts = summary(loaded)
    if fmt is Format.json:
        sys.stdout.write(to_json({"valid": True, "plan": loaded.meta.id, "counts": counts, "errors": []}))
        return
    if lang is Lang.zh:
        line = (
            f"有效：{counts['indicators']} 个指标（附件1 {counts['annex_indicators']} 个），{counts['targets']} 个目标，"
            f"{counts['tasks']} 项任务，{counts['policies']} 项政策，{counts['reforms']} 项改革"
        )
    else:
        line = (
            f"valid: {counts['indicators']} indicators ({counts['annex_indicators']} in the annex), "
            f"{counts['targets']} targets, {counts['tasks']} tasks, {counts['policies']} policies, {counts['reforms']} reforms"
        )
    sys.stdout.write(line + "\n")


@app.command()
@handle_errors
def indicators(
    plan: PlanOption = None, fmt: FormatOption = None, output: OutputOption = None, lang: LangOption = Lang.zh
) -> None:
    """List the plan's indicators with baseline, target, kind and pilot flag.

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
    """List the pilot tasks with lead and supporting departments and the targets they carry.

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
    """List the major policies (附件2) and their lead departments.

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
    """List the major reforms (附件3) and their lead departments.

    Example: qzdc reforms
    """
    from qzdc.views.listing import list_view

    chosen = resolve_format(fmt, output)
    emit(list_view(load(plan), "reforms", lang.value), chosen, output)
