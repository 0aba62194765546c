"""Command bodies that both entry points share, free of typer.

`qzdc status` is what scripts call in loops, so its body lives here: the typer
command (`qzdc.cli.status`) and the fast entry point (`qzdc.cli.fast`) call the
same function with the same arguments.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qzdc.cli.output import emit, load, resolve_format
from qzdc.errors import GateError


def observations(plan: Any, actuals: Path | str | None) -> list[Any]:
    """The plan's own reported figures, then the user's actuals, which supersede them."""
    from qzdc.actuals.store import actuals_path, read_actuals

    return [*plan.observations, *read_actuals(actuals_path(actuals), plan)]


def gate(rows: list[Any], fail_on: str | None) -> None:
    """Exit 3 (after the output) when a row is at `fail_on` or worse (at_risk < off_track < moving_away)."""
    if fail_on is None:
        return
    from qzdc.views.status import failing

    bad = failing(rows, fail_on)
    if bad:
        raise GateError(f"{len(bad)} target(s) at {fail_on} or worse: {', '.join(r.target.id for r in bad)}")


def status(
    *,
    plan: str | Path | None = None,
    actuals: str | Path | None = None,
    as_of: str | None = None,
    categories: list[str] | None = None,
    pilot: bool = False,
    statuses: list[str] | None = None,
    since: str | None = None,
    fail_on: str | None = None,
    fmt: str | None = None,
    output: Path | None = None,
    lang: str = "zh",
) -> None:
    """`qzdc status`: print where every target stands (or what changed `since`), then apply the gate."""
    from qzdc.actuals.values import parse_as_of
    from qzdc.views.status import Filters, build_status, changes_view, status_changes, status_view

    chosen = resolve_format(fmt, output)
    loaded = load(plan)
    filters = Filters(categories=list(categories or []), pilot=pilot, statuses=list(statuses or []))
    seen = observations(loaded, actuals)
    if since is not None:
        start = parse_as_of(since, loaded, option="--since")
        judged, changes = status_changes(loaded, seen, since=start, as_of=parse_as_of(as_of, loaded), filters=filters)
        emit(changes_view(loaded, start, judged, changes, lang), chosen, output)
        gate([c.after for c in changes], fail_on)
        return
    report = build_status(loaded, seen, as_of=parse_as_of(as_of, loaded), filters=filters)
    emit(status_view(report, lang), chosen, output)
    gate(report.rows, fail_on)
