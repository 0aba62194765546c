"""Commands that record figures: record, import, and history to read them back."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from qzdc.cli.app import (
    ActualsOption,
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


def _value_text(value: Any) -> str:
    from qzdc.views.view import display

    return display(value.isoformat() if hasattr(value, "isoformat") else value)


def _what_it_replaces(entry: Any, before: list[Any], plan: Any) -> str:
    """`(revises 80.9 recorded …)` or `(supersedes the plan's 75.33)`, for the confirmation line."""
    from qzdc.plan.periods import PeriodError, parse_period

    earlier = [e for e in before if e.indicator == entry.indicator and e.period == entry.period]
    if earlier:
        last = earlier[-1]
        when = f", recorded {last.recorded_at}" if last.recorded_at else ""
        return f" (revises {_value_text(last.value)}{when})"
    for obs in plan.observations:
        try:
            same = obs.indicator == entry.indicator and parse_period(obs.period) == entry.period
        except PeriodError:
            continue
        if same:
            return f" (supersedes the plan's own figure {_value_text(obs.value)})"
    return ""


_NOT_FINITE_WORDS = frozenset({"inf", "infinity", "nan"})


def _looks_like_option(arg: str) -> bool:
    """`--sauce`, `--sauce=x` or `-x`; not a negative number (`-2.5`, `-.5`), nor `-inf` (a value to refuse)."""
    if arg.startswith("--"):
        return len(arg) > 2
    if not arg.startswith("-") or len(arg) == 1:
        return False
    rest = arg[1:]
    return not (rest[0].isdigit() or rest[0] == "." or rest.casefold() in _NOT_FINITE_WORDS)


def _refuse_stray_arguments(ctx: typer.Context, arguments: list[str]) -> None:
    """What record let through for the sake of negative values: a mistyped option, or an argument too many.

    record takes unknown options as arguments (`ignore_unknown_options`) so that
    `qzdc record gdp_growth 2024 -2.5` reads -2.5 as the value, and extra arguments
    (`allow_extra_args`) so that this check, not click, words the error.
    """
    from qzdc.errors import UsageError, closest

    options = [o for p in ctx.command.params for o in p.opts if o.startswith("-")]
    for arg in [*arguments, *ctx.args]:
        if _looks_like_option(arg):
            name = arg.split("=", 1)[0]
            guess = closest(name.lstrip("-"), [o.lstrip("-") for o in options])
            listed = ", ".join(o for o in options if o != "--help")
            hint = f"did you mean --{guess}?" if guess else f"its options are {listed}"
            raise UsageError(f"{name} is not an option of record", hint=hint)
    if ctx.args:
        extra = " ".join(ctx.args)
        raise UsageError(
            f"record takes INDICATOR PERIOD VALUE; {extra!r} is one argument too many"
            if len(ctx.args) == 1
            else f"record takes INDICATOR PERIOD VALUE; {extra!r} are arguments too many",
            hint="quote a value or name that has spaces",
        )


@app.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@handle_errors
def record(
    ctx: typer.Context,
    indicator: Annotated[str, typer.Argument()],
    period: Annotated[str, typer.Argument()],
    value: Annotated[str, typer.Argument()],
    source: Annotated[str | None, typer.Option("--source")] = None,
    note: Annotated[str | None, typer.Option("--note")] = None,
    actuals: ActualsOption = None,
    plan: PlanOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """Record one figure in the actuals file; a second figure for the same period revises the first.

    Example: qzdc record gdp 2024 81.2 --source 区统计局快报
    """
    from qzdc.actuals.store import actuals_path, append_entries, shown_path
    from qzdc.actuals.values import make_entry

    _refuse_stray_arguments(ctx, [indicator, period, value])
    target = actuals_path(actuals, writing=True)
    loaded = load(plan)
    entry = make_entry(loaded, indicator, period, value, source, note)
    result = append_entries(target, loaded, [entry])
    written = result.entries[0]
    unit = loaded.indicator(written.indicator).unit
    unit_text = f" {unit}" if unit and not isinstance(written.value, str) else ""
    err(
        f"recorded {written.indicator} {written.period} = {_value_text(written.value)}{unit_text}"
        f"{_what_it_replaces(written, result.before, loaded)} in {shown_path(target)}"
    )


@app.command("import")
@handle_errors
def import_(
    file: Annotated[Path, typer.Argument()],
    actuals: ActualsOption = None,
    plan: PlanOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run")] = False,
    lang: LangOption = Lang.zh,
) -> None:
    """Import figures from CSV or Excel; if any row is wrong, every bad row is reported and nothing is written.

    Columns: indicator, period, value, source, note (or 指标, 期间, 数值, 来源, 备注).
    A CSV may be UTF-8 (with or without a BOM) or GB18030/GBK, as Excel writes it.

    Example: qzdc import 2025年三季度.xlsx --dry-run
    """
    from qzdc.actuals.importer import read_import
    from qzdc.actuals.store import actuals_path, append_entries, shown_path
    from qzdc.views.imports import entries_view

    target = actuals_path(actuals, writing=True)
    loaded = load(plan)
    entries = read_import(file, loaded)
    if dry_run:
        emit(entries_view(loaded, entries, lang.value), "table", None)
        err(f"checked {len(entries)} row(s) of {file}: all valid; nothing written (--dry-run)")
        return
    result = append_entries(target, loaded, entries)
    err(f"imported {len(result.entries)} figure(s) from {file} into {shown_path(target)}")


@app.command()
@handle_errors
def history(
    indicator: Annotated[str, typer.Argument()],
    actuals: ActualsOption = None,
    plan: PlanOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """Every figure of an indicator: the plan's own and each recorded revision, and which one counts.

    Example: qzdc history gdp --format csv -o gdp-history.csv
    """
    from qzdc.actuals.store import actuals_path, all_observations, read_actuals
    from qzdc.plan.lookup import find_indicator
    from qzdc.views.history import history_view

    chosen = resolve_format(fmt, output)
    loaded = load(plan)
    found = find_indicator(loaded, indicator)
    target = actuals_path(actuals)
    observations = all_observations(loaded, read_actuals(target, loaded))
    view = history_view(loaded, found, observations, lang.value)
    if not view.rows:
        err(f"no figures for {found.id} in the plan or in {target}")
    emit(view, chosen, output)
