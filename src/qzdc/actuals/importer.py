"""Reading figures to import from a spreadsheet (CSV or Excel .xlsx), in the layouts analysts have.

Two layouts, told apart by the header:

- **long**: one row per figure, with columns for the indicator, the period and the
  value (and optionally source, note and unit). The statistics bureau's headers
  are read too: 指标名称, 时间, 本期数. Without a period column, the period may
  stand in the title above the header (`2025年1-9月主要经济指标`).
- **wide**: one row per indicator, one column per period, headed as analysts head
  them: `2023年实际`, `2024年`, `2025年1-9月`, `2025-Q3`, or `1-9月` with the year
  from `--year` or the sheet's title. Other columns (序号, 单位, 目标值 …) are
  not periods and are not read as figures.

The header is the row, within the first rows, that names the most known columns;
title rows above it are skipped. A header of two rows (a merged `2025年` over
`1-6月 | 1-9月`) is read as one, and merged cells read as the value they show.
Blank rows, rows without a figure (a category heading, a note), and total rows
(合计, 总计, 小计) are skipped. A unit column (单位, 计量单位) or a unit in a
header's brackets (`数值（亿元）`) gives the unit of the row's or column's values.

CSV files are decoded as UTF-8 (with or without a BOM), then as GB18030, the
superset of GBK that Excel on a Chinese-locale Windows writes. Excel's own
conversions are undone where they are unambiguous: a number 2024 is the year, a
date on the first of a month is that month (Excel turns `2025-09` into
2025-09-01), and a cell formatted as a percentage (0.638 shown as 63.8%) is 63.8.
A number keeps the decimals its cell shows (67 formatted `0.00` is 67.00).

The whole file is checked before anything is written: `read_sheet` returns the
figures only if every cell is valid, and otherwise raises one DataError listing
every bad cell with its sheet, row and column as the spreadsheet shows them.
`Reading` says how the sheet was read, for `import --dry-run`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from qzdc.actuals.store import shown_path
from qzdc.actuals.values import Entry, check_entry, known_as, read_period
from qzdc.errors import DataError, Problem, UsageError, quoted
from qzdc.i18n import listing, tr
from qzdc.plan.lookup import find_indicator
from qzdc.plan.models import Indicator, Plan
from qzdc.plan.numbers import Written
from qzdc.plan.periods import MissingYear, Period, PeriodError, parse_period_loose

COLUMNS = ("indicator", "period", "value", "source", "note")
REQUIRED = ("indicator", "period", "value")
# Header words for each field, the preferred first: where a sheet has two columns for
# one field (本期数 and 本年累计), the earlier word's column is read and the other ignored.
# 本年累计 comes before 本期数: qzdc's periods run from January (year to date).
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "indicator": ("indicator", "指标名称", "二级指标", "指标", "项目", "指标项目"),
    "period": ("period", "期间", "时间", "时期", "月份", "报告期", "统计期"),
    "value": ("value", "数值", "实际值", "完成值", "本年累计", "累计", "本期数", "本期值"),
    "source": ("source", "来源", "数据来源"),
    "note": ("note", "备注", "说明"),
    "unit": ("unit", "单位", "计量单位"),
}
CHINESE = {"indicator": "指标", "period": "期间", "value": "数值", "source": "来源", "note": "备注", "unit": "单位"}
ENCODINGS = ("utf-8-sig", "gb18030")
# Limits of an import (README: Limits), each checked before the rows are held in memory:
# the file, what a workbook unpacks to, and the rows and cells of its sheets. A
# statistics office's monthly sheet is a few hundred rows; these leave room for years.
IMPORT_LIMIT = 20_000_000
UNPACKED_LIMIT = 100_000_000
ROW_LIMIT = 100_000
CELL_LIMIT = 2_000_000
# The header is looked for in the first rows; a bureau sheet has a few title rows at most.
_HEADER_ROWS = 12
# What may follow a period in a wide column's header and still mean the figure for it.
_ACTUAL_SUFFIXES = (
    "实际完成值", "实际完成", "实际值", "实际数", "实际", "完成值", "完成数", "完成情况", "完成",
    "累计值", "累计数", "快报数", "快报", "数据", "数值", "情况", "数", "值",
)  # fmt: skip
# A cell that says "no figure" rather than holding one.
_NO_FIGURE = frozenset({"-", "—", "——", "–", "/", "\\", "…", "...", "……", "×", "－"})
_TOTAL_WORDS = ("合计", "总计", "小计", "总额合计", "total", "sum")
# A bracketed unit after a header or a name: 数值（亿元）, 地区生产总值(亿元).
_BRACKETED = re.compile(r"^(?P<base>.+?)\s*[(（](?P<inner>[^()（）]+)[)）]$")
# Numbering and lead-ins before a name in a bureau sheet: 1.  (1)  一、 （一） 其中：
_NUMBERING = re.compile(
    r"^(?:\d{1,3}\s*[.、．)）]|[(（]\s*\d{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|"
    r"[(（][一二三四五六七八九十]{1,3}[)）]|其中\s*[:：]?|#)\s*"
)
_YEAR_IN_TEXT = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


@dataclass
class Cell:
    value: Any
    percent: bool = False  # an Excel cell formatted as a percentage
    decimals: int | None = None  # the decimals an Excel number format shows (0.00 → 2)


@dataclass
class Table:
    """A sheet's rows as cells, with each row's number as the spreadsheet shows it."""

    name: str
    rows: list[tuple[int, list[Cell]]]


@dataclass
class Reading:
    """How a sheet was read: what `import --dry-run` tells the analyst (`qzdc.views.imports` words it)."""

    sheet: str  # "" for a CSV file
    layout: str  # "long" (a row per figure) or "wide" (a column per period)
    header_row: int  # as the spreadsheet shows it
    header_rows: int = 1  # 2 for a two-row header (a merged year over its months)
    title_rows: int = 0  # non-blank rows above the header, skipped
    columns: dict[str, str] = field(default_factory=dict)  # field → the header it was read from
    periods: list[tuple[str, str]] = field(default_factory=list)  # wide: (header, period)
    fixed_period: tuple[str, str] | None = None  # long without a period column: (period, where it was found)
    year: tuple[int, str] | None = None  # the year of yearless periods, and where it came from
    ignored: list[str] = field(default_factory=list)  # headers of columns not read
    skipped: dict[str, int] = field(default_factory=dict)  # "blank", "total", "no_figure" → rows
    other_sheets: list[str] = field(default_factory=list)  # sheets with figures that were not read

    @property
    def guessed(self) -> bool:
        """Whether anything was read other than the plain columns indicator, period, value, source, note."""
        plain = all(text.casefold() in (key, CHINESE.get(key, key)) for key, text in self.columns.items())
        return not plain or self.layout != "long" or self.header_rows > 1 or self.fixed_period is not None


@dataclass(frozen=True)
class Figure:
    """One checked figure and the cell it came from."""

    entry: Entry
    row: int
    column: int  # 1-based
    header: str
    written: str | None = None  # the value as written, where it was converted (8130万元 → 0.813 亿元)


@dataclass
class Imported:
    figures: list[Figure]
    reading: Reading

    @property
    def entries(self) -> list[Entry]:
        return [f.entry for f in self.figures]


# ── headers ──────────────────────────────────────────────────────────────────


def fold(text: Any) -> str:
    """A header or name as compared: NFKC (full-width forms alike), no spaces or line breaks, casefolded."""
    return "".join(unicodedata.normalize("NFKC", str(text)).strip("\ufeff").split()).casefold().rstrip(":")


_WORD_FIELD = {fold(word): (key, rank) for key, words in HEADER_WORDS.items() for rank, word in enumerate(words)}


@dataclass(frozen=True)
class Heading:
    """What one header cell says: a field, a period, or nothing qzdc reads; and a unit in brackets."""

    text: str
    field: str | None = None
    rank: int = 0
    period: Period | None = None
    yearless: str | None = None  # a period written without its year (1-9月)
    unit: str | None = None
    written: Any = None  # the period as the header writes it (三季度 may be the quarter alone)


def _strip_suffix(text: str) -> str:
    for suffix in _ACTUAL_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)]
    return text


def read_heading(raw: Any, year: int | None) -> Heading:
    """One header cell: `指标名称` → indicator, `2024年实际` → the period 2024, `数值（亿元）` → value in 亿元."""
    if raw is None:
        return Heading("")
    if isinstance(raw, dt.date | int | float) and not isinstance(raw, bool):
        text = raw.isoformat()[:7] if isinstance(raw, dt.date) else str(raw)
        try:
            return Heading(text, period=read_period(raw), written=raw)
        except PeriodError:
            return Heading(text)
    text = " ".join(str(raw).split())
    if not text:
        return Heading("")
    folded = fold(text)
    unit = None
    bracketed = _BRACKETED.match(folded)
    if folded not in _WORD_FIELD and bracketed and fold(bracketed.group("base")) in _WORD_FIELD:
        folded, unit = fold(bracketed.group("base")), bracketed.group("inner").strip()
    if folded in _WORD_FIELD:
        key, rank = _WORD_FIELD[folded]
        return Heading(text, field=key, rank=rank, unit=unit if key in ("value",) else None)
    if bracketed:  # 2025年1-9月（亿元）
        folded, unit = fold(bracketed.group("base")), bracketed.group("inner").strip()
    for candidate in dict.fromkeys((folded, _strip_suffix(folded))):
        try:
            return Heading(text, period=parse_period_loose(candidate), unit=unit, written=candidate)
        except MissingYear:
            # 1-9月: its year comes from --year or the title; without one, it is reported when read.
            period = parse_period_loose(candidate, year=year) if year is not None else None
            return Heading(text, period=period, yearless=candidate, unit=unit, written=candidate)
        except PeriodError:
            continue
    return Heading(text)


@dataclass
class Header:
    index: int  # of the (first) header row in table.rows
    rows: int  # 1, or 2 for a two-row header
    headings: list[Heading]
    fields: dict[str, int]  # field → column index (0-based)

    @property
    def period_columns(self) -> list[int]:
        return [i for i, h in enumerate(self.headings) if h.period is not None or h.yearless is not None]

    @property
    def periods(self) -> set[object]:
        """The distinct periods the header names: a merged 2025年 over two columns is one."""
        return {h.period or h.yearless for h in self.headings if h.period is not None or h.yearless is not None}

    @property
    def score(self) -> int:
        return len(self.fields) + (1 if self.period_columns else 0)

    def texts(self) -> list[str]:
        return [h.text for h in self.headings]


def _header(texts: list[Any], index: int, rows: int, year: int | None) -> Header:
    headings = [read_heading(t, year) for t in texts]
    fields: dict[str, int] = {}
    for col, heading in enumerate(headings):
        key = heading.field
        if key is not None and (key not in fields or heading.rank < headings[fields[key]].rank):
            fields[key] = col
    return Header(index, rows, headings, fields)


def _combined(upper: list[Any], lower: list[Any]) -> list[Any]:
    """Two header rows as one: `2025年` over `1-9月` is `2025年1-9月`.

    A merged cell reads the same in every column it spans (`_xlsx_tables` fills it);
    in a CSV, only its first column holds the text, so a blank upper cell takes the
    text on its left where the row below has a heading of its own.
    """
    width = max(len(upper), len(lower))
    upper = [*upper, *[None] * (width - len(upper))]
    lower = [*lower, *[None] * (width - len(lower))]
    texts: list[Any] = []
    carried: Any = None
    for top, bottom in zip(upper, lower, strict=True):
        top_text = "" if top is None else str(top).strip()
        bottom_text = "" if bottom is None else str(bottom).strip()
        if top_text:
            carried = top if bottom_text else None
        elif bottom_text and carried is not None:
            top, top_text = carried, str(carried).strip()
        if top_text and bottom_text and top_text != bottom_text:
            texts.append(f"{top_text}{bottom_text}")
        else:
            texts.append(top if top_text else bottom)
    return texts


def _find_header(table: Table, year: int | None) -> Header | None:
    """The header: the row, within the first rows, that names the most known columns (the first on a tie).

    A row below it that completes it (the months under a merged year) makes it a
    two-row header. None if no row names any column.
    """
    best: Header | None = None
    rows = table.rows[:_HEADER_ROWS]
    for index, (_, cells) in enumerate(rows):
        header = _header([c.value for c in cells], index, 1, year)
        if header.score and (best is None or header.score > best.score):
            best = header
    if best is None or best.index + 1 >= len(table.rows):
        return best
    upper = [c.value for c in table.rows[best.index][1]]
    lower = [c.value for c in table.rows[best.index + 1][1]]
    name_col = best.fields.get("indicator")
    below_name = lower[name_col] if name_col is not None and name_col < len(lower) else None
    if below_name not in (None, "") and fold(below_name) != fold(upper[name_col] if name_col is not None else ""):
        return best  # the row below names an indicator: it is data
    if any(isinstance(v, int | float) and not isinstance(v, bool) for v in lower):
        return best
    two = _header(_combined(upper, lower), best.index, 2, year)
    more = len(two.periods) > len(best.periods) or len(two.fields) > len(best.fields)
    return two if more else best


def _title_text(table: Table, header: Header) -> list[str]:
    return [
        str(c.value).strip()
        for _, cells in table.rows[: header.index]
        for c in cells
        if c.value is not None and str(c.value).strip()
    ]


def _year_of(texts: list[str]) -> int | None:
    """The one year a title names (2025年1-9月主要经济指标 → 2025); None if it names none or several."""
    years = {int(y) for text in texts for y in _YEAR_IN_TEXT.findall(unicodedata.normalize("NFKC", text))}
    return years.pop() if len(years) == 1 else None


def _period_in(texts: list[str], year: int | None) -> tuple[Period, str, str] | None:
    """A period a title states (`2025年1-9月主要经济指标`), that title and the period as it writes it,
    for a sheet without a period column."""
    pattern = re.compile(
        r"((?:19|20)\d{2}\s*年\s*(?:\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月|\d{1,2}\s*月|前?[一二三四1-4]季度|[上下]半年|全年)"
        r"|\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月|前[一二三四1-4]季度|上半年)"
    )
    for text in texts:
        for match in pattern.finditer(unicodedata.normalize("NFKC", text)):
            try:
                return parse_period_loose(match.group(1), year=year), text, match.group(1)
            except PeriodError:
                continue
    return None


# ── reading the file into tables ─────────────────────────────────────────────


def _decode(data: bytes, shown: str) -> str:
    if b"\x00" in data:
        raise DataError(tr("imp.nul_bytes", path=shown), hint=tr("imp.save_as_csv"))
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataError(tr("imp.encoding", path=shown), hint=tr("imp.save_as_csv"))


def _csv_table(path: Path, shown: str) -> Table:
    from qzdc.fsutil import read_regular

    data = read_regular(path, limit=IMPORT_LIMIT, what="import", shown=shown)
    if data is None:
        raise DataError(tr("store.cannot_read", path=shown, reason=tr("os.ENOENT")))
    text = _decode(data, shown)
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[Cell]]] = []
    try:
        for n, record in enumerate(reader, start=1):
            if n > ROW_LIMIT:
                raise _too_many(shown, tr("imp.limit.rows", count=f"{ROW_LIMIT:,}"))
            rows.append((n, [Cell(v) for v in record]))
    except csv.Error as err:
        raise DataError(tr("imp.bad_csv", path=shown, reason=err)) from None
    return Table("", rows)


def _too_many(shown: str, limit: str) -> DataError:
    return DataError(tr("imp.too_many", path=shown, limit=limit), hint=tr("fs.too_large.hint"))


def _unreadable(shown: str, why: str | None = None) -> DataError:
    return DataError(
        tr("imp.unreadable", path=shown, reason=why or tr("imp.bad_workbook")), hint=tr("imp.save_as_xlsx")
    )


def _check_workbook(data: bytes, shown: str) -> None:
    """Refuse, in constant memory and before openpyxl builds anything, a workbook that is a bomb or is broken.

    A workbook is a zip of XML. Refused: more than UNPACKED_LIMIT once unpacked
    (a zip bomb: 10 MB of zip holding 146 MB of XML), sheets with more than
    ROW_LIMIT rows or CELL_LIMIT cells (merged areas count every cell they span),
    any XML that declares a DOCTYPE (entities are how XML bombs and external
    references work; Excel never writes one), and XML that does not parse.
    """
    import zipfile
    from xml.parsers import expat

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _unreadable(shown) from None
    from qzdc.fsutil import size_text

    if sum(info.file_size for info in infos) > UNPACKED_LIMIT:
        raise DataError(tr("imp.unpacked", path=shown, limit=size_text(UNPACKED_LIMIT)), hint=tr("fs.too_large.hint"))
    counts = {"row": 0, "c": 0}
    extent = [0, 0]  # the sheet's last row and column: openpyxl walks the whole rectangle up to them

    def start(name: str, attributes: dict[str, str]) -> None:
        tag = name.rsplit("}", 1)[-1]
        if tag in counts:
            counts[tag] += 1
            ref = attributes.get("r")
            if ref:
                row, col = _cell_ref(ref) if tag == "c" else (_row_number(ref), 0)
                if row is None:
                    raise _unreadable(shown, tr("imp.bad_reference", ref=quoted(ref)))
                extent[0], extent[1] = max(extent[0], row), max(extent[1], col)
        elif tag == "mergeCell":
            counts["c"] += _area(attributes.get("ref", ""))
        if counts["row"] > ROW_LIMIT or extent[0] > ROW_LIMIT:
            raise _too_many(shown, tr("imp.limit.rows", count=f"{ROW_LIMIT:,}"))
        if counts["c"] > CELL_LIMIT or extent[0] * extent[1] > CELL_LIMIT:
            raise _too_many(shown, tr("imp.limit.cells", count=f"{CELL_LIMIT:,}"))

    def doctype(*_args: Any) -> None:
        raise _unreadable(shown, tr("imp.doctype"))

    with archive:
        for info in infos:
            if not info.filename.endswith((".xml", ".rels")):
                continue
            parser = expat.ParserCreate(namespace_separator="}")
            parser.StartDoctypeDeclHandler = doctype
            parser.StartElementHandler = start if info.filename.startswith("xl/worksheets/") else None
            extent[0] = extent[1] = 0
            try:
                with archive.open(info) as part:
                    while chunk := part.read(1 << 16):
                        parser.Parse(chunk, False)
                parser.Parse(b"", True)
            except (expat.ExpatError, zipfile.BadZipFile, ValueError, OSError, EOFError) as err:
                raise _unreadable(shown, tr("imp.bad_xml", part=info.filename, error=err)) from None


def _row_number(text: str) -> int | None:
    return int(text) if text.isdigit() and 1 <= int(text) <= 1_048_576 else None


def _cell_ref(ref: str) -> tuple[int | None, int]:
    """(row, column) of a reference such as `C7`; (None, 0) for one no sheet can hold (`ZZZZZZZZ1`)."""
    match = re.fullmatch(r"([A-Za-z]{1,3})(\d{1,7})", ref)
    if not match:
        return None, 0
    col = 0
    for ch in match.group(1).upper():
        col = col * 26 + ord(ch) - 64
    row = _row_number(match.group(2))
    return (row, col) if row is not None and col <= 16_384 else (None, 0)


def _area(ref: str) -> int:
    """The cells a range such as `A1:C3` spans (9); a reference that is not one spans none."""
    match = re.fullmatch(r"([A-Za-z]{1,3})(\d{1,7}):([A-Za-z]{1,3})(\d{1,7})", ref)
    if not match:
        return 0

    def column(letters: str) -> int:
        n = 0
        for ch in letters.upper():
            n = n * 26 + ord(ch) - 64
        return n

    rows = abs(int(match.group(4)) - int(match.group(2))) + 1
    return rows * (abs(column(match.group(3)) - column(match.group(1))) + 1)


_FORMAT_DECIMALS = re.compile(r"0\.(0+)")


def _format_decimals(fmt: str) -> int | None:
    """The decimals an Excel number format shows: `0.00` and `#,##0.00` → 2, `0.0%` → 1; None for General."""
    match = _FORMAT_DECIMALS.search(fmt.split(";", 1)[0])
    return len(match.group(1)) if match else None


def _xlsx_tables(path: Path, shown: str) -> list[Table]:
    """Every sheet of a workbook as a table; any workbook that cannot be read is one line naming the file."""
    from qzdc.fsutil import read_regular

    data = read_regular(path, limit=IMPORT_LIMIT, what="import", shown=shown)
    if data is None:
        raise DataError(tr("store.cannot_read", path=shown, reason=tr("os.ENOENT")))
    _check_workbook(data, shown)
    try:
        return _workbook_tables(data)
    except Exception as err:  # openpyxl meets a broken workbook with many kinds of error
        raise _unreadable(shown, f"{tr('imp.bad_workbook')} ({type(err).__name__})") from None


def _workbook_tables(data: bytes) -> list[Table]:
    from openpyxl import load_workbook

    # data_only: a formula cell gives the value Excel last computed, not the formula.
    # Not read-only: only a full load knows the merged cells of a two-row header.
    workbook = load_workbook(io.BytesIO(data), data_only=True)
    tables: list[Table] = []
    try:
        for sheet in workbook.worksheets:
            merged: dict[tuple[int, int], Any] = {}
            for span in sheet.merged_cells.ranges:
                shown_value = sheet.cell(span.min_row, span.min_col).value
                for r in range(span.min_row, span.max_row + 1):
                    for c in range(span.min_col, span.max_col + 1):
                        merged[(r, c)] = shown_value
            rows: list[tuple[int, list[Cell]]] = []
            for n, row in enumerate(sheet.iter_rows(), start=1):
                cells = []
                for c, cell in enumerate(row, start=1):
                    value = merged.get((n, c), getattr(cell, "value", None))
                    fmt = getattr(cell, "number_format", "") or ""
                    is_number = isinstance(value, int | float) and not isinstance(value, bool)
                    decimals = _format_decimals(fmt) if is_number else None
                    cells.append(Cell(value, percent=is_number and "%" in fmt, decimals=decimals))
                rows.append((n, cells))
            tables.append(Table(sheet.title, rows))
    finally:
        workbook.close()
    return tables


# ── rows into figures ────────────────────────────────────────────────────────


def _cell_value(cell: Cell | None) -> Any:
    """What a cell holds, as a person reads it: text trimmed, a percentage cell as its percent, shown decimals kept."""
    if cell is None:
        return None
    value = cell.value
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if cell.percent:
            number = Decimal(repr(value)).scaleb(2)
            places = None if cell.decimals is None else cell.decimals
            value = float(number)
            return Written(value, places) if places else (int(value) if value.is_integer() else value)
        if cell.decimals and isinstance(value, float | int):
            return Written(float(value), cell.decimals)
    return value


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _no_figure(value: Any) -> bool:
    """A blank cell, or one that says there is no figure (—, /, …)."""
    return _blank(value) or (isinstance(value, str) and fold(value) in _NO_FIGURE)


def _cell(cells: list[Cell], col: int | None) -> Cell | None:
    return cells[col] if col is not None and col < len(cells) else None


def _is_total(name: Any) -> bool:
    text = fold(name) if isinstance(name, str) else ""
    return any(text.startswith(word) for word in _TOTAL_WORDS)


def column_letter(col: int) -> str:
    """A 0-based column as a spreadsheet names it: 0 → A, 26 → AA."""
    letters = ""
    n = col + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _name_candidates(raw: Any) -> list[tuple[str, str | None]]:
    """The name in a cell, then the same with a bureau's numbering and a bracketed unit taken off.

    `（一）地区生产总值（亿元）` → [(as written, None), ("地区生产总值", "亿元")].
    """
    text = " ".join(str(int(raw) if isinstance(raw, float) and raw.is_integer() else raw).split())
    found = [(text, None)]
    cleaned = text
    while True:
        stripped = _NUMBERING.sub("", cleaned, count=1)
        if stripped == cleaned:
            break
        cleaned = stripped
    unit = None
    bracketed = _BRACKETED.match(cleaned)
    if bracketed:
        cleaned, unit = bracketed.group("base"), bracketed.group("inner").strip()
    if cleaned and cleaned != text:
        found.append((cleaned, unit))
    return found


def _indicator(plan: Plan, raw: Any) -> tuple[Indicator, str | None]:
    """The indicator a name cell names, and a unit it states in brackets; the first candidate's error if none."""
    candidates = _name_candidates(raw)
    first_error: UsageError | None = None
    for text, unit in candidates:
        try:
            return find_indicator(plan, text), unit
        except UsageError as error:
            first_error = first_error or error
    assert first_error is not None
    raise first_error


class _Sheet:
    """One table being read: its header, the problems found so far, and the figures."""

    def __init__(self, table: Table, header: Header, shown: str, plan: Plan, today: dt.date, year: int | None):
        self.table, self.header, self.shown, self.plan, self.today = table, header, shown, plan, today
        self.year = year
        self.problems: list[Problem] = []
        self.figures: list[Figure] = []
        self.seen: dict[tuple[str, int, int, bool], Figure] = {}
        self.used_year = False  # whether a period written without its year took `year`
        self.fixed_text: str | None = None  # the period as the sheet's title writes it
        self.year_to_date = False  # the value column is cumulative (本年累计)

    def place(self, col: int) -> str:
        return self.header.headings[col].text if col < len(self.header.headings) else ""

    def problem(self, row: int, col: int | None, message: str, hint: str | None = None, title: str = "") -> None:
        header = title or (self.place(col) if col is not None else "")
        where = f"{column_letter(col)}{row}" if col is not None else str(row)
        label = f"{self.table.name}!{where} {header}" if self.table.name else f"{where} {header}"
        self.problems.append(
            Problem(message, self.shown, row, col + 1 if col is not None else None, label.strip(), hint)
        )

    def add(
        self,
        row: int,
        col: int,
        indicator: Indicator,
        period: Any,
        value: Any,
        *,
        unit: str | None,
        source: Any = None,
        note: Any = None,
        period_col: int | None = None,
        period_text: Any = None,
    ) -> None:
        if isinstance(period, str) and self.year is not None and not self.used_year:
            try:
                read_period(period)
            except MissingYear:
                self.used_year = True
            except PeriodError:
                pass
        entry, issues = check_entry(
            self.plan,
            indicator.id,
            period,
            value,
            source,
            note,
            today=self.today,
            year=self.year,
            unit=unit,
            period_text=period_text,
            year_to_date=self.year_to_date,
        )
        for issue in issues:
            at = period_col if issue.field == "period" and period_col is not None else col
            if issue.field in ("source", "note"):
                at = self.header.fields.get(issue.field, col)
            self.problem(row, at, issue.message, issue.hint)
        if entry is None:
            return
        key = (entry.indicator, *entry.period.window, entry.period.is_year)
        earlier = self.seen.get(key)
        if earlier is not None:
            self.problem(
                row,
                col,
                tr(
                    "imp.twice",
                    name=known_as(indicator),
                    period=entry.period,
                    cell=f"{column_letter(earlier.column - 1)}{earlier.row}",
                ),
                tr("imp.twice.hint"),
            )
            return
        figure = Figure(entry, row, col + 1, self.place(col), entry.written)
        self.seen[key] = figure
        self.figures.append(figure)


def _read_table(
    table: Table, header: Header, shown: str, plan: Plan, today: dt.date, year: tuple[int, str] | None
) -> Imported:
    fields = header.fields
    name_col = fields["indicator"]
    wide = "period" not in fields and bool(header.period_columns)
    reading = Reading(
        sheet=table.name,
        layout="wide" if wide else "long",
        header_row=table.rows[header.index][0],
        header_rows=header.rows,
        title_rows=sum(1 for _, cells in table.rows[: header.index] if any(not _blank(c.value) for c in cells)),
        year=year,
    )
    sheet = _Sheet(table, header, shown, plan, today, year[0] if year else None)
    read_cols = {name_col, *(fields[k] for k in ("source", "note", "unit") if k in fields)}
    fixed: Period | None = None
    if wide:
        read_cols.update(header.period_columns)
    else:
        read_cols.add(fields["value"])
        if "period" in fields:
            read_cols.add(fields["period"])
        else:
            titles = [*_title_text(table, header), table.name]
            in_title = _period_in(titles, year[0] if year else None)
            assert in_title is not None  # _usable checked it
            fixed = in_title[0]
            reading.fixed_period = (str(fixed), in_title[1])
            sheet.fixed_text = in_title[2]
        # 本年累计, 累计: the column says its figures run from January, however the period is written.
        sheet.year_to_date = "累计" in fold(header.headings[fields["value"]].text)
    for key, col in fields.items():
        if col in read_cols and (not wide or key != "value"):
            reading.columns[key] = header.headings[col].text
    reading.ignored = [h.text for i, h in enumerate(header.headings) if h.text and i not in read_cols]
    period_of: dict[int, Period] = {}
    for col in header.period_columns if wide else []:
        heading = header.headings[col]
        period = heading.period
        if period is None:
            raise DataError(
                tr("imp.column_no_year", path=shown, column=quoted(heading.text)), hint=tr("imp.no_year.hint")
            )
        period_of[col] = period
        reading.periods.append((heading.text, str(period)))
    skipped = {"blank": 0, "total": 0, "no_figure": 0}
    for row_no, cells in table.rows[header.index + header.rows :]:
        if all(_blank(c.value) for c in cells):
            skipped["blank"] += 1
            continue
        name = _cell_value(_cell(cells, name_col))
        value_cols = list(period_of) if wide else [fields["value"]]
        if any(_is_total(c.value) for i, c in enumerate(cells) if i not in value_cols):
            skipped["total"] += 1
            continue
        values = {col: _cell_value(_cell(cells, col)) for col in value_cols}
        if all(_no_figure(v) for v in values.values()):
            skipped["no_figure"] += 1
            continue
        if name is None:
            sheet.problem(row_no, name_col, tr("val.missing_indicator"))
            continue
        try:
            indicator, name_unit = _indicator(plan, name)
        except UsageError as error:
            sheet.problem(row_no, name_col, error.message, error.hint)
            continue
        unit_cell = _cell_value(_cell(cells, fields.get("unit")))
        row_unit = str(unit_cell) if unit_cell is not None and not _no_figure(unit_cell) else name_unit
        source = _cell_value(_cell(cells, fields.get("source")))
        note = _cell_value(_cell(cells, fields.get("note")))
        for col, value in values.items():
            if _no_figure(value):
                continue
            unit = header.headings[col].unit or row_unit
            if wide:
                written = header.headings[col].written
                sheet.add(
                    row_no,
                    col,
                    indicator,
                    period_of[col],
                    value,
                    unit=unit,
                    source=source,
                    note=note,
                    period_text=written,
                )
            else:
                period_col = fields.get("period")
                period = _cell_value(_cell(cells, period_col)) if period_col is not None else fixed
                sheet.add(
                    row_no,
                    col,
                    indicator,
                    period,
                    value,
                    unit=unit,
                    source=source,
                    note=note,
                    period_col=period_col,
                    period_text=sheet.fixed_text if period_col is None else None,
                )
    reading.skipped = {k: n for k, n in skipped.items() if n}
    uses_year = sheet.used_year or any(header.headings[c].yearless for c in period_of)
    if fixed is not None and reading.fixed_period is not None:
        uses_year = uses_year or not _YEAR_IN_TEXT.search(unicodedata.normalize("NFKC", reading.fixed_period[1]))
    if not uses_year:
        reading.year = None
    if sheet.problems:
        rows = len({p.line for p in sheet.problems})
        where = tr("imp.on_sheet", sheet=table.name) if table.name else ""
        raise DataError(
            tr("imp.bad_cells", path=shown, cells=len(sheet.problems), rows=rows, where=where), problems=sheet.problems
        )
    if not sheet.figures:
        where = tr("imp.on_sheet", sheet=table.name) if table.name else ""
        raise DataError(tr("imp.no_figures", path=shown, where=where))
    return Imported(sheet.figures, reading)


def _first_row_text(table: Table) -> list[str]:
    for _, cells in table.rows:
        texts = [str(c.value).strip() for c in cells if c.value not in (None, "")]
        if texts:
            return texts
    return []


def _missing_columns(shown: str, table: Table, header: Header | None) -> DataError:
    have = header.fields if header else {}
    missing = [tr("imp.column", english=k, chinese=CHINESE[k]) for k in REQUIRED if k not in have]
    seen = [t for t in header.texts() if t] if header else _first_row_text(table)
    where = tr("imp.on_sheet", sheet=table.name) if table.name else ""
    reads = "imp.header_reads" if header else "imp.first_row_reads"
    hint = tr(reads, cells=listing(seen)) if seen else tr("imp.empty")
    return DataError(
        tr("imp.missing_columns", path=shown, columns=listing(missing), where=where),
        hint=tr("imp.missing_columns.hint", seen=hint),
    )


def _year_for(table: Table, header: Header | None, year: int | None, shown: str) -> tuple[int, str] | None:
    """The year of periods written without one: --year, else the one year the title, the sheet or the file names."""
    if year is not None:
        return year, "--year"
    titles = _title_text(table, header) if header else []
    for texts, where in ((titles, "title"), ([table.name], "sheet"), ([Path(shown).stem], "file")):
        found = _year_of([t for t in texts if t])
        if found is not None:
            return found, where
    return None


def _usable(table: Table, header: Header | None, year: tuple[int, str] | None) -> bool:
    """Whether a sheet's header lets it be read: a name column, and periods by column, by row or in the title."""
    if header is None or "indicator" not in header.fields:
        return False
    if "period" in header.fields and "value" in header.fields:
        return True
    if "period" not in header.fields and header.period_columns:
        return True
    if "value" in header.fields and "period" not in header.fields:
        titles = [*_title_text(table, header), table.name]
        return _period_in(titles, year[0] if year else None) is not None
    return False


def read_sheet(
    path: str | os.PathLike[str],
    plan: Plan,
    *,
    today: dt.date | None = None,
    year: int | None = None,
    sheet: str | None = None,
) -> Imported:
    """The checked figures of a .csv or .xlsx file and how it was read; DataError listing every bad cell.

    `year` is the year of periods written without one (1-9月, 前三季度); without it, the
    year the sheet's title names. `sheet` picks a workbook's sheet by name; by default
    the first sheet that can be read is.
    """
    source = Path(path)
    shown = shown_path(source)
    suffix = source.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        hint = tr("imp.save_from_excel") if suffix in (".xls", ".et", ".ods", ".numbers") else None
        raise UsageError(tr("imp.cannot_import", path=shown, what=suffix or tr("imp.no_extension")), hint=hint)
    if not source.exists():
        raise UsageError(tr("imp.no_such_file", path=shown))
    if source.is_dir():
        raise UsageError(tr("imp.is_directory", path=shown))
    day = today or dt.date.today()
    tables = (_xlsx_tables(source, shown) or [Table("", [])]) if suffix == ".xlsx" else [_csv_table(source, shown)]
    if sheet is not None:
        if suffix != ".xlsx":
            raise UsageError(tr("imp.sheet_of_csv"))
        named = [t for t in tables if t.name == sheet]
        if not named:
            raise UsageError(
                tr("imp.no_sheet", path=shown, sheet=sheet),
                hint=tr("imp.sheets_are", sheets=listing([t.name for t in tables])),
            )
        tables = named
    found: list[tuple[Table, Header | None, tuple[int, str] | None]] = []
    for table in tables:
        # The year first from --year or the sheet's title, for headers such as 1-9月.
        rough = _find_header(table, year)
        the_year = _year_for(table, rough, year, shown)
        found.append((table, _find_header(table, the_year[0] if the_year else None), the_year))
    usable = [(t, h, y) for t, h, y in found if _usable(t, h, y)]
    if not usable:
        # No sheet can be read: report the one that comes closest (the first on a tie).
        scores = [h.score if h else 0 for _, h, _ in found]
        table, header, _ = found[scores.index(max(scores))]
        raise _missing_columns(shown, table, header)
    table, header, the_year = usable[0]
    assert header is not None
    imported = _read_table(table, header, shown, plan, day, the_year)
    imported.reading.other_sheets = [t.name for t, _, _ in usable[1:]]
    return imported


def read_import(path: str | os.PathLike[str], plan: Plan, *, today: dt.date | None = None) -> list[Entry]:
    """The checked entries of a .csv or .xlsx file, in the order read; DataError listing every bad cell."""
    return read_sheet(path, plan, today=today).entries
