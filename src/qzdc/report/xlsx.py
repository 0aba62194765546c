"""The Excel report: a workbook analysts print, sort, filter and paste from.

Four sheets. First the printable 完成情况表 (`qzdc.report.progress`): the
columns of the offices' own progress tables, figures stored as numbers with the
decimal places they are written with. Then a summary (the plan header, targets
by status and by category), the computation details of every target (ids,
method, pace ratio, what is still required, notes: the diagnostic columns), and
the plan's tasks, policies and reforms with their departments. Every sheet
prints A4 landscape, one page wide, with its header rows repeated on each page.

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
from qzdc.plan.models import RATE_KINDS
from qzdc.plan.words import LISTS, has_list, list_group, list_item
from qzdc.plan.words import column as plan_column
from qzdc.report.data import (
    STATUS_COLOURS,
    ReportInput,
    by_category_title,
    category_counts,
    category_header,
    header_facts,
    shown_statuses,
    status_counts,
    title,
)
from qzdc.report.points import key_points
from qzdc.report.progress import Figure, figure, milestone_text, progress_table
from qzdc.views.listing import category_name, indicator_name
from qzdc.views.status import Row, required_figure, target_name, this_year_mark
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
    return fill(ws.cell(row=row, column=column), value, number_format)


def fill(cell: Cell, value: Any, number_format: str | None = None) -> Cell:
    """Give `cell` its value: text as text (never a formula), numbers as numbers (of a sheet or a stream)."""
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
        return fill(cell, str(value), number_format)
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

    # The 要点, each sentence across the sheet's width, wrapped.
    row += 1
    width = len(shown_statuses(data)) + 2
    put(ws, row, 1, tr("report.key_points", lang)).font = Font(bold=True, size=12)
    row += 1
    lines = []
    for point in key_points(data):
        lines.append(point.text)
        lines += [f"{n}. {item}" for n, item in enumerate(point.items, start=1)]
    for line in lines:
        put(ws, row, 1, line).alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        # Excel does not fit a merged cell's height: about 2 width units a Chinese character.
        ws.row_dimensions[row].height = 15 * max(1, math.ceil(2 * len(line) / (32 + 12 * (width - 2))))
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

    put(ws, row, 1, by_category_title(data)).font = Font(bold=True, size=12)
    row += 1
    statuses = shown_statuses(data)
    _header_row(ws, row, [category_header(data), *[tr(s, lang) for s in statuses], tr("report.total", lang)])
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
    _print_setup(ws, data, None, f"A1:{get_column_letter(len(statuses) + 2)}{row}")


# ── the printable progress table (完成情况表) ─────────────────────────────────

_TITLE_ROWS = 2  # the title and the facts line above the header


def figure_format(fig: Figure) -> str:
    """Excel's number format for a figure: its own decimal places, with its comparator and note as literal text."""
    places = fig.places - 2 if fig.percent else fig.places
    fmt = "0" if places <= 0 else "0." + "0" * places
    if fig.percent:
        fmt += "%"
    if fig.prefix:
        fmt = f'"{fig.prefix}"{fmt}'
    if fig.suffix:
        fmt = f'{fmt}"{fig.suffix}"'
    return fmt


def _put_figure(ws: Worksheet, row: int, column: int, fig: Figure) -> Cell:
    if fig.is_number:
        return put(ws, row, column, fig.value, figure_format(fig))
    return put(ws, row, column, fig.value)


def _progress_sheet(ws: Worksheet, data: ReportInput) -> None:
    table = progress_table(data)
    lang, width = data.lang, len(table.columns)
    last = get_column_letter(width)
    put(ws, 1, 1, f"{title(data)} · {table.title}").font = Font(bold=True, size=14)
    facts = [(label, text) for label, text in header_facts(data) if label != tr("report.issuer", lang)]
    colon, gap = ("：", "　　") if lang == "zh" else (": ", "    ")
    put(ws, 2, 1, gap.join(f"{label}{colon}{text}" for label, text in facts)).font = Font(color="4B5563")
    for r in (1, 2):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        ws.cell(row=r, column=1).alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
    ws.row_dimensions[2].height = 30
    header = _TITLE_ROWS + 1
    _header_row(ws, header, [c.header for c in table.columns])
    ws.row_dimensions[header].height = 30
    for column in range(1, width + 1):
        ws.cell(row=header, column=column).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    r = header + 1
    category = None
    thin = Side(style="thin", color="D1D5DB")
    for row, cells in table.rows:
        if row.indicator.category != category:
            category = row.indicator.category
            put(ws, r, 1, category_name(data.plan, category, lang)).font = _HEADER_FONT
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
            r += 1
        for column, c in enumerate(table.columns, start=1):
            cell = _put_figure(ws, r, column, cells[c.key])
            cell.border = Border(bottom=thin)
            cell.alignment = Alignment(
                horizontal="right" if c.numeric else "left", vertical="center", wrap_text=c.key == "name"
            )
            if c.key == "status":
                _status_style(cell, row.assessment.status)
        r += 1
    _widths(ws, [c.width for c in table.columns])
    ws.freeze_panes = f"C{header + 1}"
    ws.auto_filter.ref = f"A{header}:{last}{max(header + 1, r - 1)}"
    for note in table.notes:  # under the table, what its marks mean (* year inferred)
        put(ws, r, 1, note).font = Font(color="4B5563")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        r += 1
    _print_setup(ws, data, f"{header}:{header}", f"A1:{last}{max(header, r - 1)}")


# ── the computation details ──────────────────────────────────────────────────

DETAIL_COLUMNS = [
    # (i18n key, width): what the progress table leaves out, for the analyst who checks a figure
    ("col.annex_no", 5),
    ("col.name", 22),
    ("col.target_id", 20),
    ("col.status", 9),
    ("col.latest_period", 9),
    ("col.latest", 9),
    ("col.flow", 8),
    ("col.stale", 6),
    ("col.expected", 9),
    ("col.required_rate", 10),
    ("col.required_change", 10),
    ("col.required_rest", 10),
    ("col.gap", 9),
    ("col.year_due", 9),
    ("col.year_rest", 9),
    ("col.time_elapsed", 8),
    ("col.on_schedule_long", 8),
    ("col.pace_ratio", 8),
    ("col.projected", 10),
    ("col.rate_level", 10),
    ("col.final", 5),
    ("col.lead", 16),
    ("col.support", 16),
    ("col.method", 22),
    ("col.notes", 34),
    ("col.source", 14),
]

_DETAIL_COLUMN_NUMBER = {key: number for number, (key, _) in enumerate(DETAIL_COLUMNS, start=1)}


def _detail_row(ws: Worksheet, r: int, row: Row, data: ReportInput) -> None:
    t, ind, a = row.target, row.indicator, row.assessment
    lang = data.lang
    col = _DETAIL_COLUMN_NUMBER.__getitem__
    put(ws, r, col("col.annex_no"), ind.annex_no, FMT_INTEGER)
    put(ws, r, col("col.name"), target_name(row, lang))
    put(ws, r, col("col.target_id"), t.id)
    _status_style(put(ws, r, col("col.status"), tr(a.status, lang)), a.status)
    if a.latest is not None:
        # * marks a year that is a reading of the document (it does not state it)
        put(ws, r, col("col.latest_period"), f"{a.latest.period}{'*' if a.latest.inferred else ''}")
        if t.kind == "milestone":
            put(ws, r, col("col.latest"), milestone_text(a.latest.value, lang))
        elif t.kind == "cumulative" and a.total is not None:
            # The running total is the target's latest value; the period's own flow beside it.
            _put_figure(ws, r, col("col.latest"), figure(a.total))
            _put_figure(ws, r, col("col.flow"), figure(a.latest.value))
        else:
            _put_figure(ws, r, col("col.latest"), figure(a.latest.value))
    put(ws, r, col("col.stale"), tr("yes", lang) if a.stale else "")
    put(ws, r, col("col.expected"), a.expected_now, FMT_DECIMAL)
    rate = a.pace_unit == "rate"
    need = required_figure(row)  # the table's 尚需/年: per year, or the rest of the last part-year (年内)
    if need is not None:
        # the mark is in the number format, so that the cell stays a number: 27.00（年内）
        mark = f'"{this_year_mark(lang)}"' if need.this_year else ""
        if need.unit == "rate":
            put(ws, r, col("col.required_rate"), need.value, FMT_PERCENT + mark)
        else:
            put(ws, r, col("col.required_change"), need.value, FMT_DECIMAL + mark)
    put(ws, r, col("col.required_rest"), a.required_rest, FMT_PERCENT if rate else FMT_DECIMAL)
    # A growth-rate target's gap is in percentage points: stored as the fraction, shown as a percentage.
    put(ws, r, col("col.gap"), a.gap, FMT_PERCENT if t.kind in RATE_KINDS else FMT_DECIMAL)
    put(ws, r, col("col.year_due"), a.year_due, FMT_DECIMAL)
    put(ws, r, col("col.year_rest"), a.year_rest, FMT_DECIMAL)
    put(ws, r, col("col.time_elapsed"), a.time_elapsed, FMT_PROGRESS)
    if a.on_schedule is not None:
        put(ws, r, col("col.on_schedule_long"), tr("yes" if a.on_schedule else "no", lang))
    put(ws, r, col("col.pace_ratio"), a.pace_ratio, FMT_RATIO)
    if a.projected is not None:
        put(ws, r, col("col.projected"), a.projected, FMT_PERCENT if t.kind in RATE_KINDS else FMT_DECIMAL)
    if a.rate_level is not None:
        put(ws, r, col("col.rate_level"), a.rate_level.level, FMT_DECIMAL)
    put(ws, r, col("col.final"), tr("yes", lang) if a.final else "")
    put(ws, r, col("col.lead"), "、".join(row.owners.lead))
    put(ws, r, col("col.support"), "、".join(row.owners.support))
    put(ws, r, col("col.method"), method_text(a.method, data.lang))
    put(ws, r, col("col.notes"), ("；" if data.lang == "zh" else "; ").join(note_text(n, data.lang) for n in a.notes))
    put(ws, r, col("col.source"), t.source.ref)
    for key in ("col.name", "col.target_id", "col.method", "col.notes", "col.source", "col.lead", "col.support"):
        ws.cell(row=r, column=col(key)).alignment = _WRAP


def _details_sheet(ws: Worksheet, data: ReportInput) -> None:
    # The table's own columns in the plan's words (序号, 指标); the rest are qzdc's.
    own = {"col.annex_no": "number", "col.name": "name"}
    _header_row(
        ws,
        1,
        [
            plan_column(data.plan, own[key], data.lang) if key in own else tr(key, data.lang)
            for key, _ in DETAIL_COLUMNS
        ],
    )
    for r, row in enumerate(data.status.rows, start=2):
        _detail_row(ws, r, row, data)
    _widths(ws, [w for _, w in DETAIL_COLUMNS])
    # The header and the indicator's number and name stay in view while scrolling.
    ws.freeze_panes = "C2"
    last = get_column_letter(len(DETAIL_COLUMNS))
    ws.auto_filter.ref = f"A1:{last}{max(1, len(data.status.rows)) + 1}"
    _print_setup(ws, data, "1:1", f"A1:{last}{len(data.status.rows) + 1}")


# ── printing ─────────────────────────────────────────────────────────────────


def _print_setup(ws: Worksheet, data: ReportInput, title_rows: str | None, area: str) -> None:
    """A4 landscape, one page wide (as many long as it takes), header rows on every page, page numbers."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True
    if title_rows:
        ws.print_title_rows = title_rows
    ws.print_area = area
    ws.oddFooter.center.text = tr("report.print_footer", data.lang)
    ws.oddFooter.left.text = title(data).replace("&", "&&")


# ── tasks, policies and reforms ──────────────────────────────────────────────


def _lists_sheet(ws: Worksheet, data: ReportInput) -> None:
    lang, plan = data.lang, data.plan
    headers = ["col.item_kind", "col.number", "col.group", "col.content", "col.lead", "col.support", "col.targets"]
    _header_row(ws, 1, [list_group(plan, lang) if h == "col.group" else tr(h, lang) for h in headers])
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
            list_item(plan, "tasks", lang),
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
    for which in ("policies", "reforms"):
        for item in plan.policies if which == "policies" else plan.reforms:
            row = [
                list_item(plan, which, lang),
                item.number,
                "",
                item.text,
                "、".join(item.lead),
                "",
                target_names(item.targets),
            ]
            for column, value in enumerate(row, start=1):
                put(ws, r, column, value, FMT_INTEGER).alignment = _WRAP
            r += 1
    _widths(ws, [10, 6, 18, 60, 30, 30, 24])
    ws.freeze_panes = "A2"
    last = get_column_letter(len(headers))
    ws.auto_filter.ref = f"A1:{last}{max(1, r - 1)}"
    _print_setup(ws, data, "1:1", f"A1:{last}{max(1, r - 1)}")


def report_xlsx(data: ReportInput, *, summary_only: bool = False) -> bytes:
    """The workbook as the bytes of an .xlsx file; `summary_only`: the summary sheet alone."""
    wb = Workbook()
    first = wb.active
    if summary_only:
        first.title = tr("sheet.summary", data.lang)
        _summary_sheet(first, data)
    else:
        first.title = tr("sheet.progress", data.lang)
        _progress_sheet(first, data)
        _summary_sheet(wb.create_sheet(tr("sheet.summary", data.lang)), data)
        _details_sheet(wb.create_sheet(tr("sheet.details", data.lang)), data)
        present = [w for w in LISTS if has_list(data.plan, w)]
        if present:  # a plan without tasks, policies or reforms gets no sheet for them
            name = (
                tr("sheet.lists", data.lang)
                if len(present) == len(LISTS)
                else "、".join(tr(f"title.{w}", data.lang) for w in present)
            )
            _lists_sheet(wb.create_sheet(name), data)
    wb.properties.title = ILLEGAL_CHARACTERS_RE.sub("", f"{title(data)} · {tr('report.title', data.lang)}")
    wb.properties.creator = "qzdc"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _view_cell(cell: Cell, key: str, value: Any) -> Cell:
    """A view's raw value in its cell, as `views_xlsx` and `StreamedSheet` write it."""
    if isinstance(value, list):
        value = "、".join(str(v) for v in value)
    fill(cell, value, _figure_format(value) if _number(value) is not None else None)
    if key == "status" and isinstance(value, str):
        _status_style(cell, value)
    return cell


class StreamedSheet:
    """A sheet of a write-only workbook whose rows are written as they come (`qzdc batch -o x.xlsx`).

    openpyxl's write-only mode keeps each sheet's rows in a temporary file, not in
    memory, so that a workbook of two thousand plans costs no more memory than
    one of two. Header frozen, filters on, `status` coloured, as `views_xlsx`.
    """

    def __init__(self, workbook: Any, name: str, keys: list[str]):
        self.ws = workbook.create_sheet(name[:31])
        self.keys = keys
        self.rows = 0
        for column, key in enumerate(keys, start=1):
            self.ws.column_dimensions[get_column_letter(column)].width = max(10, min(40, len(key) + 4))
        self.ws.freeze_panes = "A2"
        header = []
        for key in keys:
            cell = fill(_stream_cell(self.ws), key)
            cell.font, cell.fill, cell.border = _HEADER_FONT, _HEADER_FILL, _HEADER_BORDER
            header.append(cell)
        self.ws.append(header)

    def add(self, row: dict[str, Any]) -> None:
        self.ws.append([_view_cell(_stream_cell(self.ws), key, row.get(key)) for key in self.keys])
        self.rows += 1

    def close(self) -> None:
        if self.rows:
            self.ws.auto_filter.ref = f"A1:{get_column_letter(len(self.keys))}{self.rows + 1}"


def _stream_cell(ws: Any) -> Cell:
    from openpyxl.cell import WriteOnlyCell

    return WriteOnlyCell(ws)


def streamed_workbook() -> Any:
    return Workbook(write_only=True)


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
                _view_cell(ws.cell(row=r, column=column), key, row.get(key))
        ws.freeze_panes = "A2"
        if view.rows:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(keys))}{len(view.rows) + 1}"
        _widths(ws, [max(10, min(40, len(k) + 4)) for k in keys])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
