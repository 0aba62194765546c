"""The progress table analysts circulate (指标完成情况表), for the workbook and Word.

Its columns are those of the district offices' own tables (docs: documents.md):
序号, 指标, 单位, 基期值, one column per year of the plan period, 目标值, 进度,
状态. Every figure is one `qzdc status` computed or one the plan or the actuals
hold; this module only picks and labels them. A cell keeps both what is stored
(a number, so that Excel can sort and sum it) and what is printed, with the
decimal places the figure was written with: 3.8 stays 3.8, 68.23 stays 68.23.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from qzdc.engine.series import Point
from qzdc.i18n import tr
from qzdc.plan.models import Target
from qzdc.plan.words import column
from qzdc.report.data import ReportInput
from qzdc.views.listing import join
from qzdc.views.status import Row, held_text, milestone_text, plan_years, status_text, target_name
from qzdc.views.target_text import target_text
from qzdc.views.view import decimals, display, fmt_number

# Places a figure is stored and printed with at most: beyond that it is float noise.
MAX_PLACES = 4


@dataclass(frozen=True)
class Figure:
    """One cell: the value stored (a number or text, None for an empty cell) and how it prints."""

    value: float | int | str | None
    text: str
    places: int = 0  # decimal places of a number
    percent: bool = False  # a fraction shown as a percentage (progress)
    prefix: str = ""  # a comparator before the number: >, ≤
    suffix: str = ""  # a note after it: (2023) for a figure of another year

    @property
    def is_number(self) -> bool:
        return isinstance(self.value, int | float) and not isinstance(self.value, bool)


EMPTY = Figure(None, "—")


@dataclass(frozen=True)
class ProgressColumn:
    key: str
    header: str
    numeric: bool = False  # right-aligned figures
    width: float = 8  # in characters of the table's type: a guide for the workbook and Word


@dataclass
class ProgressTable:
    title: str
    columns: list[ProgressColumn]
    rows: list[tuple[Row, dict[str, Figure]]]
    notes: list[str] = field(default_factory=list)  # lines under the table: what its marks mean


def _number(value: Any) -> float | int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def figure(value: Any, *, prefix: str = "", suffix: str = "") -> Figure:
    """A value as the plan or the actuals write it: a number keeps its own decimal places."""
    number = _number(value)
    if number is None:
        return EMPTY if value is None else Figure(str(display(value)), display(value), prefix=prefix, suffix=suffix)
    places = min(decimals(number), MAX_PLACES)
    text = f"{prefix}{fmt_number(number, places)}{suffix}"
    return Figure(number, text, places, prefix=prefix, suffix=suffix)


def share(fraction: float | None, places: int = 1) -> Figure:
    """A computed share of the way (progress) as a percentage with `places` decimals."""
    if fraction is None:
        return EMPTY
    return Figure(fraction, f"{fmt_number(fraction * 100, places)}%", places + 2, percent=True)


def _progress(row: Row, lang: str) -> Figure:
    """进度 as the status table gives it: a share of the way, or for a target to hold how often it held
    (1/2年达标), which a percentage would read as half-way to a target that is met."""
    held = held_text(row, lang)
    return share(row.assessment.progress) if held is None else Figure(held, held)


def comparator_words(target: Target, lang: str) -> tuple[str, str]:
    """What the status table writes before and after a numeric target (views.target_text): 超过100, ≤1.7, 20左右.

    The usual 达到 (≥) is the number alone."""
    if target.comparator in (None, ">="):
        return "", ""
    marker = "\x00"
    prefix, _, suffix = tr(f"cmp.{target.comparator}", lang, value=marker).partition(marker)
    return prefix, suffix


def _observed_value(row: Row, value: Any, lang: str) -> Any:
    """A milestone's recorded value reads as done / not done; every other value as it is."""
    return milestone_text(value, lang) if row.target.kind == "milestone" else value


def _observed(row: Row, point: Point, lang: str, *, period: bool = False) -> Figure:
    """A figure the actuals or the plan observed; `period`: with its period, as the 本年最新 column gives it.

    * marks a year that is a reading of the document, as `qzdc status` marks it: 100* under 2023年实际,
    5400 (2025-09*); the table's notes say what it means."""
    mark = "*" if point.inferred else ""
    value = _observed_value(row, point.value, lang)
    fig = figure(value, suffix=f" ({point.period}{mark})" if period else mark)
    if fig.is_number or not mark:
        return fig
    return Figure(f"{fig.value}{mark}", f"{fig.text}{mark}")


def progress_table(data: ReportInput) -> ProgressTable:
    """The 完成情况表 of the shown targets, in the status table's order."""
    lang, meta = data.lang, data.plan.meta
    years = plan_years(data.plan)
    # A year-to-date figure gets its own column, as in monthly returns (本年累计),
    # only where one is the latest figure of a shown target.
    ytd = any(r.assessment.latest is not None and not r.assessment.latest.period.is_year for r in data.status.rows)

    columns = [
        ProgressColumn("number", column(data.plan, "number", lang), numeric=True, width=5),
        ProgressColumn("name", column(data.plan, "name", lang), width=22),
        ProgressColumn("unit", column(data.plan, "unit", lang), width=7),
        ProgressColumn("baseline", tr("col.baseline_of", lang).format(year=meta.baseline_year), True, 9),
        *[ProgressColumn(f"y{y}", tr("col.year_actual", lang).format(year=y), True, 9) for y in years],
    ]
    if ytd:
        columns.append(ProgressColumn("ytd", tr("col.ytd", lang), True, 11))
    columns += [
        ProgressColumn("target", tr("col.target_of", lang).format(year=meta.target_year), True, 9),
        ProgressColumn("progress", tr("col.progress", lang), True, 8),
        ProgressColumn("time_elapsed", tr("col.time_elapsed", lang), True, 8),
        ProgressColumn("status", tr("col.status", lang), width=9),
        ProgressColumn("owners", tr("col.owners", lang), width=16),
    ]

    rows = []
    inferred = False  # some figure's year is a reading of the document
    for row in data.status.rows:
        t, ind, a = row.target, row.indicator, row.assessment
        name = target_name(row, lang)
        cells: dict[str, Figure] = {
            "number": Figure(ind.annex_no, str(ind.annex_no)) if ind.annex_no else Figure(None, ""),
            "name": Figure(name, name),
            "unit": Figure(ind.unit, ind.unit) if ind.unit else Figure(None, ""),
            "baseline": EMPTY,
            "progress": _progress(row, lang),
            "time_elapsed": share(a.time_elapsed),
            "status": Figure(status_text(row, lang), status_text(row, lang)),
            "owners": Figure(join(list(row.owners.lead), lang) or None, join(list(row.owners.lead), lang)),
        }
        if t.baseline is not None:
            other = t.baseline.year != meta.baseline_year
            base = _observed_value(row, t.baseline.value, lang)  # a title held at the baseline reads 完成
            cells["baseline"] = figure(base, suffix=f" ({t.baseline.year})" if other else "")
        for y in years:
            annual = [p for p in a.annual if p.period.year == y]
            cells[f"y{y}"] = _observed(row, annual[-1], lang) if annual else EMPTY
            inferred |= bool(annual) and annual[-1].inferred
        if ytd:
            last = a.latest
            if last is not None and not last.period.is_year:
                cells["ytd"] = _observed(row, last, lang, period=True)
                inferred |= last.inferred
            else:
                cells["ytd"] = EMPTY
        if (
            t.kind in ("milestone", "ordinal", "relative", "monitored")
            or _number(t.value) is None
            or t.change is not None
            or t.change_pct is not None
            or (lang == "zh" and t.written and "〔" in t.written)
        ):
            # In words, a class, done, or as a total over the period (高于GDP增长, III类, 完成, 〔13.5〕):
            # as the status table writes it.
            text = target_text(t, lang, data.plan)
            cells["target"] = Figure(text, text)
        else:
            # A number that stays a number, its comparator in the language's words around it: 超过100, ≤1.7.
            prefix, suffix = comparator_words(t, lang)
            if t.year is not None and t.year != meta.target_year:
                suffix += f" ({t.year})"
            cells["target"] = figure(t.value, prefix=prefix, suffix=suffix)
        rows.append((row, cells))
    notes = [tr("status.year_inferred", lang)] if inferred else []  # the line `qzdc status` prints under its table
    return ProgressTable(tr("report.progress_table", lang), columns, rows, notes)
