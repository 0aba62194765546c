"""The Excel report: a workbook analysts can sort, filter and paste from.

Three sheets: a summary (the plan header, targets by status and by category),
the status of every target (one row each, numbers stored as numbers with
number formats, status cells coloured, header frozen, filters on), and the
plan's tasks, policies and reforms with their departments.

Plan text is written as text and only as text: openpyxl turns any string that
begins with "=" into a formula, so every string cell is set to the string type
after its value, and one that starts like a formula (= + - @) also gets Excel's
quote prefix, so that editing it in Excel keeps it text. The workbook is built
in memory and returned as bytes; the caller writes it atomically.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from qzdc.i18n import method_text, note_text, tr
from qzdc.report.data import (
    STATUS_COLOURS,
    ReportInput,
    category_counts,
    header_facts,
    shown_statuses,
    status_counts,
    title,
)
from qzdc.views.listing import category_name, indicator_name
from qzdc.views.status import Row
from qzdc.views.view import View

# Number formats: figures as the plan writes them, rates and shares of the way as percent.
FMT_INTEGER = "0"
FMT_DECIMAL = "0.00"
FMT_PERCENT = "0.00%"
FMT_PROGRESS = "0.0%"
FMT_RATIO = "0.00"
FMT_DATE = "yyyy-mm-dd"


_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="E5E7EB")
_HEADER_BORDER = Border(bottom=Side(style="thin", color="6B7280"))
_WRAP = Alignment(wrap_text=True, vertical="top")
_FORMULA_START = ("=", "+", "-", "@")


def put(ws: Worksheet, row: int, column: int, value: Any, number_format: str | None = None) -> Cell:
    """Write one cell: text as text (never a formula), numbers as numbers."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        text = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.value = text
        cell.data_type = "s"  # openpyxl made "=…" a formula; it is the plan's text
        if text.startswith(_FORMULA_START):
            cell.quotePrefix = True
    elif isinstance(value, bool):
        cell.value = value
    elif isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            return cell
        cell.value = float(f"{value:.12g}") if isinstance(value, float) else value
        if number_format:
            cell.number_format = number_format
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = number_format or FMT_DATE
    elif value is not None:
        return put(ws, row, column, str(value), number_format)
    return cell


def _status_style(cell: Cell, status: str) -> None:
    fg, bg = STATUS_COLOURS.get(status, ("000000", "FFFFFF"))
    cell.font = Font(bold=True, color=fg)
    cell.fill = PatternFill("solid", fgColor=bg)


def _header_row(ws: Worksheet, row: int, headers: list[str]) -> None:
    for column, header in enumerate(headers, start=1):
        cell = put(ws, row, column, header)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.border = _HEADER_BORDER
        cell.alignment = Alignment(vertical="center", wrap_text=True)


def _widths(ws: Worksheet, widths: list[float]) -> None:
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width


def _number(value: Any) -> float | int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value if math.isfinite(value) else None


def _figure_format(value: Any) -> str:
    number = _number(value)
    if number is None:
        return FMT_DECIMAL
    return FMT_INTEGER if float(number).is_integer() else FMT_DECIMAL


def _figure(ws: Worksheet, row: int, column: int, value: Any) -> Cell:
    """A value in the indicator's own unit: a number where it is one, else its text (a class, done)."""
    if isinstance(value, dt.date):
        return put(ws, row, column, value)
    return put(ws, row, column, value, _figure_format(value))


# ── the summary sheet ────────────────────────────────────────────────────────


def _summary_sheet(ws: Worksheet, data: ReportInput) -> None:
    lang = data.lang
    put(ws, 1, 1, title(data)).font = Font(bold=True, size=14)
    put(ws, 2, 1, tr("report.title", lang)).font = Font(size=12, color="374151")
    row = 4
    meta = data.plan.meta
    for label, text in header_facts(data):
        put(ws, row, 1, label).font = Font(color="4B5563")
        if label == tr("report.issued", lang) and meta.issued:
            put(ws, row, 2, meta.issued)
        elif label == tr("report.generated", lang):
            put(ws, row, 2, data.generated)
        elif label == tr("report.baseline_year", lang):
            put(ws, row, 2, meta.baseline_year, FMT_INTEGER)
        else:
            put(ws, row, 2, text)
        ws.cell(row=row, column=2).alignment = Alignment(horizontal="left")
        row += 1

    row += 1
    put(ws, row, 1, tr("report.by_status", lang)).font = Font(bold=True, size=12)
    row += 1
    _header_row(ws, row, [tr("col.status", lang), tr("col.count", lang)])
    row += 1
    counts = status_counts(data)
    for status, n in counts.items():
        _status_style(put(ws, row, 1, tr(status, lang)), status)
        put(ws, row, 2, n, FMT_INTEGER)
        row += 1
    put(ws, row, 1, tr("report.total", lang)).font = _HEADER_FONT
    put(ws, row, 2, sum(counts.values()), FMT_INTEGER).font = _HEADER_FONT
    row += 2

    put(ws, row, 1, tr("report.by_category", lang)).font = Font(bold=True, size=12)
    row += 1
    statuses = shown_statuses(data)
    _header_row(ws, row, [tr("col.category", lang), *[tr(s, lang) for s in statuses], tr("report.total", lang)])
    for column, status in enumerate(statuses, start=2):
        _status_style(ws.cell(row=row, column=column), status)
    row += 1
    for c in category_counts(data):
        put(ws, row, 1, c.name)
        for column, status in enumerate(statuses, start=2):
            put(ws, row, column, c.counts[status], FMT_INTEGER)
        put(ws, row, len(statuses) + 2, c.total, FMT_INTEGER)
        row += 1
    put(ws, row, 1, tr("report.total", lang)).font = _HEADER_FONT
    for column, status in enumerate(statuses, start=2):
        put(ws, row, column, counts[status], FMT_INTEGER).font = _HEADER_FONT
    put(ws, row, len(statuses) + 2, sum(counts.values()), FMT_INTEGER).font = _HEADER_FONT
    _widths(ws, [18, 14, *([12] * len(statuses))])
    ws.column_dimensions["B"].width = max(ws.column_dimensions["B"].width, 14)


# ── the status sheet ─────────────────────────────────────────────────────────

STATUS_COLUMNS = [
    # (i18n key, width)
    ("col.annex_no", 6),
    ("col.name", 30),
    ("col.category", 12),
    ("col.unit", 8),
    ("col.strength", 8),
    ("col.pilot", 8),
    ("col.baseline_year", 9),
    ("col.baseline", 10),
    ("col.latest_period", 10),
    ("col.latest", 10),
    ("col.target_year", 9),
    ("col.comparator", 6),
    ("col.target", 10),
    ("col.expected", 10),
    ("col.required_rate", 11),
    ("col.required_change", 11),
    ("col.progress", 8),
    ("col.pace_ratio", 9),
    ("col.projected", 11),
    ("col.status", 10),
    ("col.final", 6),
    ("col.target_id", 24),
    ("col.method", 30),
    ("col.notes", 40),
    ("col.source", 16),
]

_STATUS_COLUMN_NUMBER = {key: number for number, (key, _) in enumerate(STATUS_COLUMNS, start=1)}
_COMPARATORS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=", "~": "≈"}


def _status_row(ws: Worksheet, r: int, row: Row, data: ReportInput) -> None:
    t, ind, a = row.target, row.indicator, row.assessment
    lang = data.lang
    col = _STATUS_COLUMN_NUMBER.__getitem__
    put(ws, r, col("col.annex_no"), ind.annex_no, FMT_INTEGER)
    put(ws, r, col("col.name"), indicator_name(ind, lang))
    put(ws, r, col("col.category"), category_name(data.plan, ind.category, lang))
    put(ws, r, col("col.unit"), ind.unit)
    put(ws, r, col("col.strength"), tr(t.strength, lang))
    put(ws, r, col("col.pilot"), tr("yes", lang) if ind.pilot else "")
    if t.baseline is not None:
        put(ws, r, col("col.baseline_year"), t.baseline.year, FMT_INTEGER)
        _figure(ws, r, col("col.baseline"), t.baseline.value)
    if a.latest is not None:
        put(ws, r, col("col.latest_period"), str(a.latest.period))
        if t.kind == "milestone":
            from qzdc.engine.held import milestone_done

            done = milestone_done(a.latest.value)
            put(
                ws,
                r,
                col("col.latest"),
                ("完成" if done else "未完成") if lang == "zh" else ("done" if done else "not done"),
            )
        else:
            _figure(ws, r, col("col.latest"), a.latest.value)
    put(ws, r, col("col.target_year"), t.year, FMT_INTEGER)
    if t.kind != "milestone":
        put(ws, r, col("col.comparator"), _COMPARATORS.get(t.comparator, t.comparator))
        _figure(ws, r, col("col.target"), t.value)
    put(ws, r, col("col.expected"), a.expected_now, FMT_DECIMAL)
    if a.required_now is not None:
        if a.pace_unit == "rate":
            put(ws, r, col("col.required_rate"), a.required_now, FMT_PERCENT)
        else:
            put(ws, r, col("col.required_change"), a.required_now, FMT_DECIMAL)
    put(ws, r, col("col.progress"), a.progress, FMT_PROGRESS)
    put(ws, r, col("col.pace_ratio"), a.pace_ratio, FMT_RATIO)
    if a.projected is not None:
        put(ws, r, col("col.projected"), a.projected, FMT_PERCENT if t.kind == "average_growth" else FMT_DECIMAL)
    _status_style(put(ws, r, col("col.status"), tr(a.status, lang)), a.status)
    put(ws, r, col("col.final"), tr("yes", lang) if a.final else "")
    put(ws, r, col("col.target_id"), t.id)
    put(ws, r, col("col.method"), method_text(a.method, data.lang))
    put(ws, r, col("col.notes"), ("；" if data.lang == "zh" else "; ").join(note_text(n, data.lang) for n in a.notes))
    put(ws, r, col("col.source"), t.source.ref)
    for key in ("col.name", "col.method", "col.notes"):
        ws.cell(row=r, column=col(key)).alignment = _WRAP


def _status_sheet(ws: Worksheet, data: ReportInput) -> None:
    _header_row(ws, 1, [tr(key, data.lang) for key, _ in STATUS_COLUMNS])
    for r, row in enumerate(data.status.rows, start=2):
        _status_row(ws, r, row, data)
    _widths(ws, [w for _, w in STATUS_COLUMNS])
    # The header and the indicator's number and name stay in view while scrolling.
    ws.freeze_panes = "C2"
    last = get_column_letter(len(STATUS_COLUMNS))
    ws.auto_filter.ref = f"A1:{last}{max(1, len(data.status.rows)) + 1}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


# ── tasks, policies and reforms ──────────────────────────────────────────────


def _lists_sheet(ws: Worksheet, data: ReportInput) -> None:
    lang, plan = data.lang, data.plan
    headers = ["col.item_kind", "col.number", "col.group", "col.content", "col.lead", "col.support", "col.targets"]
    _header_row(ws, 1, [tr(h, lang) for h in headers])
    groups = {g.id: g for g in plan.task_groups}

    def target_names(ids: list[str]) -> str:
        names = []
        for target_id in ids:
            target = plan.targets_by_id.get(target_id)
            names.append(indicator_name(plan.indicator(target.indicator), lang) if target else target_id)
        return "、".join(names)

    r = 2
    for task in plan.tasks:
        group = groups.get(task.group)
        row = [
            tr("col.task", lang),
            task.number,
            f"{group.number}. {group.name}" if group else task.group,
            task.name,
            "、".join(task.lead),
            "、".join(task.support),
            target_names(task.targets),
        ]
        for column, value in enumerate(row, start=1):
            put(ws, r, column, value, FMT_INTEGER).alignment = _WRAP
        r += 1
    for which, key in (("policies", "col.policy"), ("reforms", "col.reform")):
        for item in plan.policies if which == "policies" else plan.reforms:
            row = [tr(key, lang), item.number, "", item.text, "、".join(item.lead), "", target_names(item.targets)]
            for column, value in enumerate(row, start=1):
                put(ws, r, column, value, FMT_INTEGER).alignment = _WRAP
            r += 1
    _widths(ws, [10, 6, 18, 60, 30, 30, 24])
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, r - 1)}"
    ws.print_title_rows = "1:1"


def report_xlsx(data: ReportInput) -> bytes:
    """The workbook as the bytes of an .xlsx file."""
    wb = Workbook()
    summary = wb.active
    summary.title = tr("sheet.summary", data.lang)
    _summary_sheet(summary, data)
    _status_sheet(wb.create_sheet(tr("sheet.status", data.lang)), data)
    _lists_sheet(wb.create_sheet(tr("sheet.lists", data.lang)), data)
    wb.properties.title = ILLEGAL_CHARACTERS_RE.sub("", f"{title(data)} · {tr('report.title', data.lang)}")
    wb.properties.creator = "qzdc"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def views_xlsx(sheets: list[tuple[str, View]]) -> bytes:
    """Tables as a workbook, one sheet each: the raw values of each view's machine
    columns (numbers as numbers, text as text), header frozen, filters on, and a
    `status` column coloured. `qzdc batch` writes its combined status this way."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, view in sheets:
        ws = workbook.create_sheet(name[:31])
        keys = view.csv_columns or [c.key for c in view.columns if not c.display_only]
        _header_row(ws, 1, keys)
        for r, row in enumerate(view.rows, start=2):
            for column, key in enumerate(keys, start=1):
                value = row.get(key)
                if isinstance(value, list):
                    value = "、".join(str(v) for v in value)
                cell = _figure(ws, r, column, value) if _number(value) is not None else put(ws, r, column, value)
                if key == "status" and isinstance(value, str):
                    _status_style(cell, value)
        ws.freeze_panes = "A2"
        if view.rows:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(keys))}{len(view.rows) + 1}"
        _widths(ws, [max(10, min(40, len(k) + 4)) for k in keys])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
