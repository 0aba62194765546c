"""Commands that record figures: record, import, and history to read them back."""

from __future__ import annotations

import dataclasses
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
    RawOption,
    app,
    emit,
    err,
    handle_errors,
    load,
    resolve_format,
    write_output,
)
from qzdc.i18n import tr

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
            hint = tr("msg.did_you_mean", guess=f"--{guess}") if guess else tr("err.record_options_are", options=listed)
            raise UsageError(tr("err.record_option", name=name), hint=hint)
    if ctx.args:
        extra = " ".join(ctx.args)
        raise UsageError(
            tr("err.record_extra" if len(ctx.args) == 1 else "err.record_extras", extra=extra),
            hint=tr("err.record_extra.hint"),
        )


YearOption = Annotated[int | None, typer.Option("--year", show_default=False)]


def _recorded_text(entry: Any, before: list[Any], plan: Any, lang: str) -> str:
    """`地区生产总值 2024 = 81.3 亿元（原为 80.9）`: what was recorded, by name, and what it changes."""
    from qzdc.actuals.changes import change_of, counting_figures
    from qzdc.i18n import tr
    from qzdc.views.imports import figure_text, value_text

    what = figure_text(plan, entry, lang)
    change, old = change_of(entry, counting_figures([*plan.observations, *(e.observation() for e in before)]))
    if change not in ("new", "same"):
        text = tr(f"record.{change}", lang, old=value_text(old, lang))
        what += f"（{text}）" if lang == "zh" else f" ({text})"
    return what


def _warn_of_scale(plan: Any, figures: list[tuple[Any, str]], observations: list[Any], lang: str) -> None:
    """A line on stderr for each (entry, where) more than 100 times, or under 1/100 of, the latest known figure."""
    from qzdc.actuals.changes import latest_known
    from qzdc.views.imports import scale_warning

    known = latest_known(plan, observations)
    for entry, where in figures:
        warning = scale_warning(plan, entry, known, lang, where)
        if warning is not None:
            err(warning)


def _imported_figures(imported: Any, entries: list[Any], lang: str) -> list[tuple[Any, str]]:
    """Each entry of an import with the cell it came from (`进展表!F7：`), and as it was written there."""
    from qzdc.actuals.importer import column_letter

    sheet = f"{imported.reading.sheet}!" if imported.reading.sheet else ""
    cells = {(f.entry.indicator, f.entry.period): f for f in imported.figures}
    found = []
    for entry in entries:
        figure = cells[(entry.indicator, entry.period)]
        where = f"{sheet}{column_letter(figure.column - 1)}{figure.row}{'：' if lang == 'zh' else ': '}"
        found.append((dataclasses.replace(entry, written=figure.written), where))
    return found


@app.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@handle_errors
def record(
    ctx: typer.Context,
    indicator: Annotated[str, typer.Argument()],
    period: Annotated[str, typer.Argument()],
    value: Annotated[str, typer.Argument()],
    source: Annotated[str | None, typer.Option("--source")] = None,
    note: Annotated[str | None, typer.Option("--note")] = None,
    year: YearOption = None,
    actuals: ActualsOption = None,
    plan: PlanOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """Record one figure in the actuals file; a second figure for the same period revises the first.

    Example: qzdc record 地区生产总值 2025年1-9月 61.5亿元 --source 区统计局快报
    """
    from qzdc.actuals.store import actuals_path, append_entries, shown_path
    from qzdc.actuals.values import make_entry
    from qzdc.i18n import tr
    from qzdc.views.listing import plan_title

    _refuse_stray_arguments(ctx, [indicator, period, value])
    loaded = load(plan)
    target = actuals_path(actuals, writing=True, plan=loaded)
    entry = make_entry(loaded, indicator, period, value, source, note, year=year)
    result = append_entries(target, loaded, [entry])
    words = {"actuals": shown_path(target), "plan": plan_title(loaded, lang.value)}
    # what append_entries checked and wrote (or left out), with the conversion the typed value went through
    checked = dataclasses.replace([*result.entries, *result.unchanged][0], written=entry.written)
    what = _recorded_text(checked, result.before, loaded, lang.value)
    err(tr("record.done" if result.entries else "record.unchanged", lang.value, what=what, **words))
    if result.entries:
        known = [*loaded.observations, *(e.observation() for e in result.before)]
        _warn_of_scale(loaded, [(checked, "")], known, lang.value)


@app.command("import")
@handle_errors
def import_(
    file: Annotated[Path, typer.Argument()],
    actuals: ActualsOption = None,
    plan: PlanOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run")] = False,
    year: YearOption = None,
    sheet: Annotated[str | None, typer.Option("--sheet", show_default=False)] = None,
    template: Annotated[bool, typer.Option("--template")] = False,
    lang: LangOption = Lang.zh,
) -> None:
    """Import figures from CSV or Excel; if any cell is wrong, every bad cell is reported and nothing is written.

    Layouts: a row per figure (指标, 期间, 数值, 来源, 备注, or the bureau's 指标名称, 时间, 本期数),
    or a row per indicator with a column per period (2023年实际, 2024年, 2025年1-9月).
    Title rows, merged headers, blank and total rows are fine. A CSV may be UTF-8
    (with or without a BOM) or GB18030/GBK, as Excel writes it.

    Examples: qzdc import 2025年1-9月.xlsx --dry-run;  qzdc import --template 模板.xlsx
    """
    from qzdc.actuals.importer import read_sheet
    from qzdc.actuals.store import actuals_path, append_entries, read_entries, shown_path
    from qzdc.i18n import tr
    from qzdc.views.imports import changes_text, counting_figures, figures_view, reading_lines
    from qzdc.views.listing import plan_title

    loaded = load(plan)
    if template:
        from qzdc.errors import UsageError
        from qzdc.report.template import template_xlsx

        if file.suffix.lower() != ".xlsx":
            raise UsageError(tr("template.not_xlsx", lang.value, name=file.name))

        write_output(file, template_xlsx(loaded, lang.value))
        err(tr("template.done", lang.value, file=shown_path(file), plan=plan_title(loaded, lang.value)))
        return
    target = actuals_path(actuals, writing=True, plan=loaded)
    imported = read_sheet(file, loaded, year=year, sheet=sheet)
    lines = reading_lines(imported.reading, lang.value)
    if dry_run or imported.reading.guessed:
        err(tr("import.how", lang.value))
        for line in lines:
            err(f"  {line}")
    words = {"file": shown_path(file), "actuals": shown_path(target), "plan": plan_title(loaded, lang.value)}
    if dry_run:
        from qzdc.actuals.changes import changed

        before = [*loaded.observations, *(e.observation() for e in read_entries(target, loaded))]
        emit(figures_view(loaded, imported.figures, before, lang.value), "table", None)
        changes = changes_text(imported.entries, counting_figures(before), lang.value)
        err(tr("import.checked", lang.value, n=len(imported.figures), changes=changes, **words))
        _warn_of_scale(
            loaded, _imported_figures(imported, changed(imported.entries, before)[0], lang.value), before, lang.value
        )
        return
    result = append_entries(target, loaded, imported.entries)
    if not result.entries:
        err(tr("import.unchanged", lang.value, n=len(result.unchanged), **words))
        return
    before = [*loaded.observations, *(e.observation() for e in result.before)]
    changes = changes_text([*result.entries, *result.unchanged], counting_figures(before), lang.value)
    err(tr("import.done", lang.value, n=len(result.entries), changes=changes, **words))
    _warn_of_scale(loaded, _imported_figures(imported, result.entries, lang.value), before, lang.value)


@app.command()
@handle_errors
def history(
    indicator: Annotated[str, typer.Argument()],
    actuals: ActualsOption = None,
    plan: PlanOption = None,
    fmt: FormatOption = None,
    raw: RawOption = False,
    output: OutputOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """Every figure of an indicator: the plan's own and each recorded revision, and which one counts.

    Example: qzdc history gdp --format csv -o gdp-history.csv
    """
    from qzdc.actuals.store import actuals_path, all_observations, read_actuals
    from qzdc.plan.lookup import find_indicator
    from qzdc.views.history import history_view
    from qzdc.views.listing import indicator_name

    chosen = resolve_format(fmt, output, raw=raw)
    loaded = load(plan)
    found = find_indicator(loaded, indicator)
    target = actuals_path(actuals, plan=loaded)
    observations = all_observations(loaded, read_actuals(target, loaded))
    view = history_view(loaded, found, observations, lang.value)
    if not view.rows:
        err(tr("msg.no_figures", name=indicator_name(found, lang.value), path=target))
    emit(view, chosen, output)
