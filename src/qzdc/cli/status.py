"""`qzdc status`: where every target stands, and `--fail-on` for scripts."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from qzdc.cli.app import (
    FormatOption,
    Lang,
    LangOption,
    OutputOption,
    PlanOption,
    app,
    emit,
    err,
    handle_errors,
    load,
    resolve_format,
)
from qzdc.errors import EXIT_GATE, UsageError


class StatusName(StrEnum):
    achieved = "achieved"
    on_track = "on_track"
    at_risk = "at_risk"
    off_track = "off_track"
    moving_away = "moving_away"
    pending = "pending"
    no_data = "no_data"


class Gate(StrEnum):
    at_risk = "at_risk"
    off_track = "off_track"
    moving_away = "moving_away"


ActualsOption = Annotated[
    Path | None,
    typer.Option("--actuals", help="Actuals file (default: $QZDC_ACTUALS, else ./actuals.yaml).", show_default=False),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Judge as of this period (2024, 2025-Q3, 2025-09); later data is ignored. Default: the latest period with data.",
        show_default=False,
    ),
]
CategoryOption = Annotated[
    list[str] | None,
    typer.Option("--category", help="Only this category (id, 经济发展, or Economy); repeatable.", show_default=False),
]
PilotOption = Annotated[bool, typer.Option("--pilot", help="Only 市级试点指标 (municipal pilot indicators).")]
StatusOption = Annotated[
    list[StatusName] | None,
    typer.Option("--status", help="Only targets at this status; repeatable.", show_default=False),
]
SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since",
        help="Show only what changed since this earlier period (e.g. 2025-Q2): old and new status and the figures.",
        show_default=False,
    ),
]
FailOnOption = Annotated[
    Gate | None,
    typer.Option(
        "--fail-on",
        help="Exit 3 if any shown target is at this status or worse (at_risk < off_track < moving_away).",
        show_default=False,
    ),
]


def parse_as_of(text: str | None, plan: Any, option: str = "--as-of") -> Any:
    """`--as-of` (or `--since`) as a Period within the plan's years, or None for the latest data."""
    if text is None:
        return None
    from qzdc.periods import PeriodError, parse_period

    try:
        period = parse_period(text)
    except PeriodError as error:
        raise UsageError(f"{option}: {error}") from None
    meta = plan.meta
    if not meta.baseline_year < period.year <= meta.target_year:
        raise UsageError(
            f"{option} {period} is outside the plan",
            hint=f"the plan runs from {meta.baseline_year + 1} to {meta.target_year}",
        )
    return period


def observations(plan: Any, actuals: Path | None) -> list[Any]:
    """The plan's own reported figures, then the user's actuals, which supersede them."""
    from qzdc.actuals import actuals_path, read_actuals

    return [*plan.observations, *read_actuals(actuals_path(actuals), plan)]


@app.command()
@handle_errors
def status(
    plan: PlanOption = None,
    actuals: ActualsOption = None,
    as_of: AsOfOption = None,
    category: CategoryOption = None,
    pilot: PilotOption = False,
    status_filter: StatusOption = None,
    since: SinceOption = None,
    fail_on: FailOnOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """Where every target stands: latest value, still required, progress and status.

    Example: qzdc status --pilot --format csv -o status.csv
    """
    from qzdc.status import Filters, build_status, changes_view, status_changes, status_view

    chosen = resolve_format(fmt, output)
    loaded = load(plan)
    filters = Filters(
        categories=list(category or []),
        pilot=pilot,
        statuses=[s.value for s in status_filter or []],
    )
    seen = observations(loaded, actuals)
    if since is not None:
        start = parse_as_of(since, loaded, option="--since")
        judged, changes = status_changes(loaded, seen, since=start, as_of=parse_as_of(as_of, loaded), filters=filters)
        emit(changes_view(loaded, start, judged, changes, lang.value), chosen, output)
        if fail_on is not None:
            _gate([c.after for c in changes], fail_on.value)
        return
    report = build_status(loaded, seen, as_of=parse_as_of(as_of, loaded), filters=filters)
    emit(status_view(report, lang.value), chosen, output)
    if fail_on is not None:
        _gate(report.rows, fail_on.value)


def _gate(rows: list[Any], fail_on: str) -> None:
    """Exit 3 when a row is at `fail_on` or worse (at_risk < off_track < moving_away)."""
    from qzdc.status import failing

    bad = failing(rows, fail_on)
    if bad:
        err(f"qzdc: {len(bad)} target(s) at {fail_on} or worse: {', '.join(r.target.id for r in bad)}")
        raise typer.Exit(EXIT_GATE)


@app.command()
@handle_errors
def show(
    indicator: Annotated[
        str,
        typer.Argument(
            help="Indicator id, Annex 1 number or Chinese name (e.g. 9, high_tech_enterprises, 高新技术企业)."
        ),
    ],
    plan: PlanOption = None,
    actuals: ActualsOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """One indicator in full: the plan's words, observations, the path year by year and every figure behind the status.

    Example: qzdc show 4
    """
    from qzdc.lookup import find_indicator
    from qzdc.show import show_document

    chosen = resolve_format(fmt, output)
    loaded = load(plan)
    found = find_indicator(loaded, indicator)
    doc = show_document(loaded, found, observations(loaded, actuals), parse_as_of(as_of, loaded), lang.value)
    emit(doc, chosen, output)


@app.command()
@handle_errors
def owners(
    department: Annotated[
        str | None, typer.Argument(help="A department (单位), e.g. 区农业农村委. Omit for all departments.")
    ] = None,
    plan: PlanOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """Which tasks, policies and reforms a department leads or supports, and the targets they carry.

    Example: qzdc owners 区农业农村委
    """
    from qzdc.owners import department_view, departments_view

    chosen = resolve_format(fmt, output)
    loaded = load(plan)
    view = (
        departments_view(loaded, lang.value) if department is None else department_view(loaded, department, lang.value)
    )
    emit(view, chosen, output)
