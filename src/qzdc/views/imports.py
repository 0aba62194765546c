"""What an import would record, shown by `qzdc import --dry-run`, and how the file was read.

Each figure is shown by the indicator's name, with what it changes: a new figure,
a revision of the figure that counts today (修订 150 → 148), or a figure that
replaces the plan's own. `reading_lines` says how a sheet whose layout was
guessed was read (the header row, the period columns, the year, what was skipped).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from qzdc.actuals.changes import Known, Window, change_of, counting_figures, scale_slip
from qzdc.actuals.importer import Figure, Reading
from qzdc.actuals.values import Entry
from qzdc.i18n import tr, unit_text
from qzdc.plan.models import Observation, Plan
from qzdc.views.listing import indicator_name, join
from qzdc.views.view import Column, View, recorded_text

# column of the --dry-run table → (zh, en), the words `qzdc status` and `history` use
_DRY_RUN_HEADERS = {
    "indicator": ("编号", "ID"),
    "name": ("指标", "Indicator"),
    "period": ("期间", "Period"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "change": ("变化", "Change"),
    "source": ("来源", "Source"),
    "note": ("备注", "Note"),
}


def figure_text(plan: Plan, entry: Entry, lang: str) -> str:
    """`地区生产总值 2024 = 0.813 亿元（8130万元）`: a figure by the indicator's name, with its unit and as written."""
    indicator = plan.indicator(entry.indicator)
    unit = f" {unit_text(indicator.unit, lang)}" if indicator.unit and not isinstance(entry.value, str) else ""
    what = f"{indicator_name(indicator, lang)} {entry.period} = {value_text(entry.value, lang)}{unit}"
    if entry.written:
        what += f"（{entry.written}）" if lang == "zh" else f" ({entry.written})"
    return what


def scale_warning(plan: Plan, entry: Entry, known: dict[Any, Known], lang: str, where: str = "") -> str | None:
    """A warning for a figure more than 100 times, or under 1/100 of, the latest known one: check the unit."""
    against = scale_slip(entry, known)
    if against is None:
        return None
    indicator = plan.indicator(entry.indicator)
    unit = f" {unit_text(indicator.unit, lang)}" if indicator.unit else ""
    larger = abs(float(entry.value)) > abs(against.value)
    return tr(
        "check.scale.large" if larger else "check.scale.small",
        lang,
        where=where,
        what=figure_text(plan, entry, lang),
        against=tr(
            "check.scale.baseline"
            if against.baseline
            else "check.scale.replaced"
            if against.replaced
            else "check.scale.latest",
            lang,
        ),
        known=f"{value_text(against.value, lang)}{unit}",
        period=against.period,
    )


def change_text(change: str, before: Any, entry: Entry, lang: str) -> str:
    template = tr(f"change.{change}", lang)
    return template.format(old=value_text(before, lang), new=value_text(entry.value, lang))


def value_text(value: Any, lang: str) -> str:
    return recorded_text(value, lang)


def shown_value(entry: Entry, lang: str) -> str:
    """The value, with what was written where it was converted: 0.813（8130万元）."""
    text = value_text(entry.value, lang)
    return tr("converted", lang, value=text, written=entry.written) if entry.written else text


def changes_text(entries: Iterable[Entry], counting: dict[Window, Observation], lang: str) -> str:
    """How many figures are new, how many revise (or replace) one that counts today, how many repeat it."""
    counts = {"new": 0, "revised": 0, "same": 0}
    for entry in entries:
        change, _ = change_of(entry, counting)
        counts[{"revises": "revised", "supersedes": "revised", "annotates": "revised"}.get(change, change)] += 1
    parts = [tr("changes.new", lang, n=counts["new"]), tr("changes.revised", lang, n=counts["revised"])]
    if counts["same"]:
        parts.append(tr("changes.same", lang, n=counts["same"]))
    return ("，" if lang == "zh" else ", ").join(parts)


def figures_view(plan: Plan, figures: list[Figure], observations: Iterable[Observation], lang: str = "zh") -> View:
    """What an import would record, for `--dry-run`: names, periods, values, and what each changes."""
    counting = counting_figures(observations)
    rows: list[dict[str, Any]] = []
    cells: list[dict[str, str]] = []
    for figure in figures:
        e = figure.entry
        indicator = plan.indicator(e.indicator)
        change, before = change_of(e, counting)
        rows.append(
            {
                "indicator": e.indicator,
                "name": indicator_name(indicator, lang),
                "period": str(e.period),
                "value": e.value.isoformat() if isinstance(e.value, dt.date) else e.value,
                "unit": indicator.unit,
                "change": change,
                "before": before.isoformat() if isinstance(before, dt.date) else before,
                "source": e.source,
                "note": e.note,
            }
        )
        cells.append(
            {
                "name": indicator_name(indicator, lang),
                "period": str(e.period),
                "value": shown_value(e, lang),
                "unit": unit_text(indicator.unit, lang),
                "change": change_text(change, before, e, lang),
                "source": e.source or "",
                "note": e.note or "",
            }
        )

    def header(key: str) -> str:
        zh, en = _DRY_RUN_HEADERS[key]
        return zh if lang == "zh" else en

    columns = [
        Column("name", header("name"), min_width=12 if lang == "zh" else 22),
        Column("period", header("period"), no_wrap=True),
        Column("value", header("value"), align="right"),
        Column("unit", header("unit"), no_wrap=True, drop=2),
        Column("change", header("change"), no_wrap=True),
        Column("source", header("source"), drop=1),
        Column("note", header("note"), drop=3),
    ]
    return View(data=rows, columns=columns, rows=rows, cells=cells)


def reading_lines(reading: Reading, lang: str) -> list[str]:
    """How a sheet was read, one aspect a line, for the analyst to check a guessed layout."""
    where: list[str] = []
    if reading.sheet:
        where.append(tr("import.sheet", lang, sheet=reading.sheet))
    if reading.header_rows > 1:
        end = reading.header_row + reading.header_rows - 1
        where.append(tr("import.header_two", lang, row=reading.header_row, end=end))
    else:
        where.append(tr("import.header", lang, row=reading.header_row))
    if reading.title_rows:
        where.append(tr("import.title_rows", lang, n=reading.title_rows))
    sep = "，" if lang == "zh" else ", "
    lines = [sep.join(where)]
    lines.append(tr(f"import.{reading.layout}", lang))
    arrow = " ← "
    columns = [f"{_field_word(key, lang)}{arrow}{text}" for key, text in reading.columns.items()]
    if columns:
        lines.append(tr("import.columns", lang, cols=join(columns, lang)))
    if reading.periods:
        periods = [f"{text} → {period}" for text, period in reading.periods]
        lines.append(tr("import.periods", lang, cols=join(periods, lang)))
    if reading.fixed_period:
        period, title = reading.fixed_period
        lines.append(tr("import.fixed_period", lang, period=period, title=title))
    if reading.year:
        year, source = reading.year
        lines.append(tr("import.year", lang, year=year, where=tr(f"import.year.{source}", lang)))
    if reading.ignored:
        lines.append(tr("import.ignored", lang, cols=join(reading.ignored, lang)))
    if reading.skipped:
        parts = [tr(f"import.skipped.{key}", lang, n=n) for key, n in reading.skipped.items()]
        lines.append(tr("import.skipped", lang, parts=join(parts, lang)))
    if reading.other_sheets:
        lines.append(tr("import.other_sheets", lang, sheets=join(reading.other_sheets, lang)))
    return lines


def _field_word(key: str, lang: str) -> str:
    return tr(f"field.{key}", lang)
