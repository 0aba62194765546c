"""Reading figures to import from a spreadsheet: CSV or Excel (.xlsx).

Columns, by header, in any order: `indicator, period, value, source, note`, or the
Chinese headers `指标, 期间, 数值, 来源, 备注`; source and note may be left out,
and other columns (a unit, a name for the reader) are ignored. The header is the
row, within the first ten, that names the most of these columns, so a title row
above it is fine; if it lacks indicator, period or value, those are what is
reported missing. In a workbook, the first sheet whose header has all three is
read.

CSV files are decoded as UTF-8 (with or without a BOM), then as GB18030, the
superset of GBK that Excel on a Chinese-locale Windows writes. Excel's own
conversions are undone where they are unambiguous: a number 2024 is the year, a
date on the first of a month is that month (Excel turns `2025-09` into
2025-09-01), and a cell formatted as a percentage (0.638 shown as 63.8%) is 63.8.

The whole file is checked before anything is written: `read_import` returns the
entries only if every row is valid, and otherwise raises one DataError listing
every bad row as `file:row:column: header: reason`, row numbers as the
spreadsheet shows them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qzdc.actuals.store import shown_path
from qzdc.actuals.values import Entry, check_entry
from qzdc.errors import DataError, Problem, UsageError
from qzdc.plan.models import Plan

COLUMNS = ("indicator", "period", "value", "source", "note")
REQUIRED = ("indicator", "period", "value")
HEADERS = {
    "indicator": "indicator",
    "指标": "indicator",
    "period": "period",
    "期间": "period",
    "value": "value",
    "数值": "value",
    "source": "source",
    "来源": "source",
    "note": "note",
    "备注": "note",
}
CHINESE = {"indicator": "指标", "period": "期间", "value": "数值", "source": "来源", "note": "备注"}
ENCODINGS = ("utf-8-sig", "gb18030")
_HEADER_ROWS = 10


@dataclass
class Cell:
    value: Any
    percent: bool = False  # an Excel cell formatted as a percentage


@dataclass
class Table:
    """A sheet's rows as cells, with each row's number as the spreadsheet shows it."""

    name: str
    rows: list[tuple[int, list[Cell]]]


def _header_key(text: Any) -> str | None:
    if not isinstance(text, str):
        return None
    folded = unicodedata.normalize("NFKC", text).strip().strip("\ufeff").strip().casefold()
    return HEADERS.get(folded)


def _find_header(table: Table) -> tuple[int, dict[str, int], list[str]] | None:
    """(index of the header row, column of each known field, the header texts), or None.

    The header is the row, within the first ten, that names the most of the known
    columns (the first such row if several do); None if no row names any. A header
    that lacks a required column is still the header: the caller reports what it
    lacks, not every column.
    """
    best: tuple[int, dict[str, int], list[str]] | None = None
    for index, (_, cells) in enumerate(table.rows[:_HEADER_ROWS]):
        found: dict[str, int] = {}
        for col, cell in enumerate(cells):
            key = _header_key(cell.value)
            if key is not None and key not in found:
                found[key] = col
        if found and (best is None or len(found) > len(best[1])):
            best = index, found, [str(c.value or "").strip() for c in cells]
    return best


def _complete(header: tuple[int, dict[str, int], list[str]] | None) -> bool:
    return header is not None and all(k in header[1] for k in REQUIRED)


def _first_row_text(table: Table) -> list[str]:
    for _, cells in table.rows:
        texts = [str(c.value).strip() for c in cells if c.value not in (None, "")]
        if texts:
            return texts
    return []


def _missing_columns(shown: str, table: Table, header: tuple[int, dict[str, int], list[str]] | None) -> DataError:
    have = header[1] if header else {}
    missing = [f"{k} ({CHINESE[k]})" for k in REQUIRED if k not in have]
    seen = [t for t in header[2] if t] if header else _first_row_text(table)
    where = f" on sheet {table.name!r}" if table.name else ""
    which = "header row" if header else "first row"
    hint = f"the {which} reads: {', '.join(seen)}" if seen else "the file is empty"
    return DataError(
        f"{shown}: missing column(s) {', '.join(missing)}{where}",
        hint=f"{hint}; columns are indicator, period, value, source, note (指标, 期间, 数值, 来源, 备注)",
    )


# ── reading the file into tables ─────────────────────────────────────────────


def _decode(data: bytes, shown: str) -> str:
    if b"\x00" in data:
        raise DataError(
            f"{shown}: not a CSV text file (it holds NUL bytes; UTF-16 or a binary file?)",
            hint="in Excel, save as “CSV UTF-8” or “CSV (逗号分隔)”",
        )
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataError(
        f"{shown}: cannot read the text: it is neither UTF-8 nor GB18030/GBK",
        hint="in Excel, save as “CSV UTF-8” or “CSV (逗号分隔)”",
    )


def _csv_table(path: Path, shown: str) -> Table:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise DataError(f"cannot read {shown}: {err.strerror}") from None
    text = _decode(data, shown)
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = [(n, [Cell(v) for v in record]) for n, record in enumerate(reader, start=1)]
    except csv.Error as err:
        raise DataError(f"{shown}: not a readable CSV file: {err}") from None
    return Table("", rows)


def _xlsx_tables(path: Path, shown: str) -> list[Table]:
    import zipfile

    from openpyxl import load_workbook

    try:
        # data_only: a formula cell gives the value Excel last computed, not the formula.
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else "not a readable .xlsx workbook"
        raise DataError(f"cannot read {shown}: {reason}", hint="save it again from Excel as .xlsx") from None
    tables: list[Table] = []
    try:
        for sheet in workbook.worksheets:
            # Some programs write a wrong sheet size; read every row there is.
            if hasattr(sheet, "reset_dimensions"):
                sheet.reset_dimensions()
            rows: list[tuple[int, list[Cell]]] = []
            for n, row in enumerate(sheet.iter_rows(), start=1):
                cells = []
                for cell in row:
                    value = getattr(cell, "value", None)
                    fmt = getattr(cell, "number_format", "") or ""
                    is_number = isinstance(value, int | float) and not isinstance(value, bool)
                    cells.append(Cell(value, percent=is_number and "%" in fmt))
                rows.append((n, cells))
            tables.append(Table(sheet.title, rows))
    finally:
        workbook.close()
    return tables


# ── rows into entries ────────────────────────────────────────────────────────


def _cell_value(cell: Cell | None) -> Any:
    if cell is None:
        return None
    value = cell.value
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if cell.percent:
        return round(value * 100, 10)
    return value


def _blank_row(cells: list[Cell]) -> bool:
    return all(c.value is None or (isinstance(c.value, str) and not c.value.strip()) for c in cells)


def _entries(table: Table, shown: str, plan: Plan, today: dt.date) -> list[Entry]:
    header = _find_header(table)
    if header is None or not _complete(header):
        raise _missing_columns(shown, table, header)
    index, columns, titles = header
    entries: list[Entry] = []
    problems: list[Problem] = []
    for row_no, cells in table.rows[index + 1 :]:
        if _blank_row(cells):
            continue
        fields = {k: _cell_value(cells[c] if c < len(cells) else None) for k, c in columns.items()}
        entry, issues = check_entry(
            plan,
            fields.get("indicator"),
            fields.get("period"),
            fields.get("value"),
            fields.get("source"),
            fields.get("note"),
            today=today,
        )
        for issue in issues:
            col = columns.get(issue.field)
            title = titles[col] if col is not None and col < len(titles) else issue.field
            problems.append(
                Problem(issue.message, shown, row_no, col + 1 if col is not None else None, title, issue.hint)
            )
        if entry is not None:
            entries.append(entry)
    if problems:
        rows = len({p.line for p in problems})
        raise DataError(f"{shown}: {rows} bad row(s); nothing was imported", problems=problems)
    if not entries:
        raise DataError(f"{shown}: no rows to import below the header")
    return entries


def read_import(path: str | os.PathLike[str], plan: Plan, *, today: dt.date | None = None) -> list[Entry]:
    """The checked entries of a .csv or .xlsx file, in row order; DataError listing every bad row."""
    source = Path(path)
    shown = shown_path(source)
    suffix = source.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        hint = "save it from Excel as .xlsx or CSV" if suffix in (".xls", ".et", ".ods", ".numbers") else None
        raise UsageError(
            f"{shown}: cannot import {suffix or 'a file without an extension'}; use .csv or .xlsx", hint=hint
        )
    if not source.exists():
        raise UsageError(f"{shown}: no such file")
    if source.is_dir():
        raise UsageError(f"{shown} is a directory")
    day = today or dt.date.today()
    if suffix == ".xlsx":
        tables = _xlsx_tables(source, shown) or [Table("", [])]
        headers = [_find_header(t) for t in tables]
        chosen = next((t for t, h in zip(tables, headers, strict=True) if _complete(h)), None)
        if chosen is None:
            # No sheet has every column: report the one that comes closest (the first on a tie).
            named = [len(h[1]) if h else 0 for h in headers]
            closest = named.index(max(named))
            raise _missing_columns(shown, tables[closest], headers[closest])
        return _entries(chosen, shown, plan, day)
    return _entries(_csv_table(source, shown), shown, plan, day)
