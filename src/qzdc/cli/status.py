"""`qzdc status`: where every target stands, and `--fail-on` for scripts."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from qzdc.cli import actions
from qzdc.cli.app import (
    ActualsOption,
    FormatOption,
    Lang,
    LangOption,
    OutputOption,
    PlanOption,
    RawOption,
    app,
    emit,
    handle_errors,
    load,
    resolve_format,
)


class SortKey(StrEnum):
    """`--sort`: worst status first, by name, or by category (the plan's order, grouped)."""

    status = "status"
    name = "name"
    category = "category"


AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        show_default=False,
    ),
]
CategoryOption = Annotated[
    list[str] | None,
    typer.Option("--category", show_default=False),
]
PilotOption = Annotated[bool, typer.Option("--pilot")]
FlagOption = Annotated[list[str] | None, typer.Option("--flag", show_default=False)]
OwnerOption = Annotated[list[str] | None, typer.Option("--owner", show_default=False)]
# Status words in either language (存在风险, at_risk): checked by qzdc.views.status, not click, for both
# entry points alike.
StatusOption = Annotated[
    list[str] | None,
    typer.Option("--status", show_default=False),
]
SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since",
        show_default=False,
    ),
]
FailOnOption = Annotated[
    str | None,
    typer.Option(
        "--fail-on",
        show_default=False,
    ),
]


@app.command()
@handle_errors
def status(
    plan: PlanOption = None,
    actuals: ActualsOption = None,
    as_of: AsOfOption = None,
    category: CategoryOption = None,
    pilot: PilotOption = False,
    flag: FlagOption = None,
    status_filter: StatusOption = None,
    owner: OwnerOption = None,
    since: SinceOption = None,
    fail_on: FailOnOption = None,
    sort: Annotated[SortKey | None, typer.Option("--sort", show_default=False)] = None,
    fmt: FormatOption = None,
    raw: RawOption = False,
    output: OutputOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """Where every target stands: latest value, still required, progress and status.

    Example: qzdc status --pilot --format csv -o status.csv
    """
    actions.status(
        plan=plan,
        actuals=actuals,
        as_of=as_of,
        categories=category,
        pilot=pilot,
        flags=flag,
        statuses=list(status_filter or []),
        owners=owner,
        since=since,
        fail_on=fail_on,
        sort=sort.value if sort else None,
        fmt=fmt,
        raw=raw,
        output=output,
        lang=lang.value,
    )


@app.command()
@handle_errors
def show(
    indicator: Annotated[
        str,
        typer.Argument(),
    ],
    plan: PlanOption = None,
    actuals: ActualsOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = None,
    raw: RawOption = False,
    output: OutputOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """One indicator in full: the plan's words, observations, the path year by year and every figure behind the status.

    Example: qzdc show 4
    """
    from qzdc.actuals.values import parse_as_of
    from qzdc.plan.lookup import find_indicator
    from qzdc.views.show import show_document

    chosen = resolve_format(fmt, output, raw=raw)
    loaded = load(plan)
    found = find_indicator(loaded, indicator)
    figures = actions.read_figures(loaded, actuals)
    seen = [*loaded.observations, *figures.observations]
    doc = show_document(loaded, found, seen, parse_as_of(as_of, loaded), lang.value)
    emit(actions.naming_the_file(doc, figures, chosen, lang.value), chosen, output)


@app.command()
@handle_errors
def owners(
    department: Annotated[str | None, typer.Argument()] = None,
    plan: PlanOption = None,
    actuals: ActualsOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = None,
    raw: RawOption = False,
    output: OutputOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """Which tasks, policies and reforms a department leads or supports; with a department, every target it
    answers for and where that target stands."""
    from qzdc.views.owners import department_document, departments_view

    chosen = resolve_format(fmt, output, raw=raw)
    loaded = load(plan)
    if department is None:
        emit(departments_view(loaded, lang.value), chosen, output)
        return
    from qzdc.actuals.values import parse_as_of
    from qzdc.views.status import build_status

    figures = actions.read_figures(loaded, actuals)
    seen = [*loaded.observations, *figures.observations]
    report = build_status(loaded, seen, as_of=parse_as_of(as_of, loaded))
    doc = department_document(loaded, department, report, lang.value)
    emit(actions.naming_the_file(doc, figures, chosen, lang.value), chosen, output)
