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
from qzdc.i18n import tr


def observations(plan: Any, actuals: Path | str | None) -> list[Any]:
    """The plan's own reported figures, then the user's actuals, which supersede them."""
    return [*plan.observations, *read_figures(plan, actuals).observations]


def read_figures(plan: Any, actuals: Path | str | None) -> Any:
    """The actuals file's figures, and which file was read (`ActualsRead`)."""
    from qzdc.actuals.store import actuals_path, read_actuals_file

    return read_actuals_file(actuals_path(actuals, plan=plan), plan)


def naming_the_file(view: Any, figures: Any, fmt: str, lang: str) -> Any:
    """`view` with the actuals file it read named: in the title of a table or document, else on stderr."""
    import dataclasses

    from qzdc.cli.output import err
    from qzdc.views.listing import actuals_text

    text = actuals_text(figures.shown, len(figures.observations), figures.exists, lang)
    if fmt in ("table", "markdown"):
        return dataclasses.replace(view, title=f"{view.title} · {text}" if view.title else text)
    err(tr("msg.prefix", message=text))
    return view


def gate(rows: list[Any], fail_on: str | None) -> None:
    """Exit 3 (after the output) when a row is at `fail_on` or worse (at_risk < off_track < moving_away)."""
    if fail_on is None:
        return
    from qzdc.i18n import language, listing
    from qzdc.views.status import failing, target_name

    bad = failing(rows, fail_on)
    if bad:
        lang = language()
        names = [target_name(r, lang) for r in bad]
        # By the name the user knows; the target's id only tells apart two targets of one name.
        # English names hold commas ("Output …, average annual growth"): they are listed with semicolons.
        pattern = "{}（{}）" if lang == "zh" else "{} ({})"
        shown = [pattern.format(n, r.target.id) if names.count(n) > 1 else n for n, r in zip(names, bad, strict=True)]
        named = listing(shown) if lang == "zh" else "; ".join(shown)
        raise GateError(tr("msg.gate", count=len(bad), status=tr(fail_on), ids=named))


def status(
    *,
    plan: str | Path | None = None,
    actuals: str | Path | None = None,
    as_of: str | None = None,
    categories: list[str] | None = None,
    pilot: bool = False,
    flags: list[str] | None = None,
    statuses: list[str] | None = None,
    owners: list[str] | None = None,
    since: str | None = None,
    fail_on: str | None = None,
    sort: str | None = None,
    fmt: str | None = None,
    raw: bool = False,
    output: Path | None = None,
    lang: str = "zh",
) -> None:
    """`qzdc status`: print where every target stands (or what changed `since`), then apply the gate."""
    from qzdc.actuals.values import parse_as_of
    from qzdc.views.status import Filters, build_status, changes_view, status_changes, status_key, status_view

    chosen = resolve_format(fmt, output, raw=raw)
    if fail_on is not None:
        from qzdc.views.status import gate_status

        fail_on = gate_status(fail_on)  # refused before anything is printed
    loaded = load(plan)
    filters = Filters(
        categories=list(categories or []),
        pilot=pilot,
        statuses=[status_key(s) for s in statuses or []],
        flags=list(flags or []),
        owners=list(owners or []),
    )
    figures = read_figures(loaded, actuals)
    seen = [*loaded.observations, *figures.observations]
    if since is not None:
        start = parse_as_of(since, loaded, option="--since")
        judged, changes = status_changes(loaded, seen, since=start, as_of=parse_as_of(as_of, loaded), filters=filters)
        emit(naming_the_file(changes_view(loaded, start, judged, changes, lang), figures, chosen, lang), chosen, output)
        gate([c.after for c in changes], fail_on)
        return
    report = build_status(loaded, seen, as_of=parse_as_of(as_of, loaded), filters=filters)
    emit(naming_the_file(status_view(report, lang, sort=sort), figures, chosen, lang), chosen, output)
    gate(report.rows, fail_on)
