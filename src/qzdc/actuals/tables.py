"""Tables as documents hold them: the rows of a .xlsx, .csv or .docx table.

`qzdc init --from` reads a plan's indicator table with these; .xlsx and .csv
go through the import's own readers (`qzdc.actuals.importer`: GBK and UTF-8,
merged cells filled in), and a Word document's tables through python-docx,
which is how plans arrive: a merged cell (类别 spanning its rows) reads the
same in every row it covers, and the paragraphs just above a table are its
title rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qzdc.errors import DataError, UsageError

SUFFIXES = (".xlsx", ".csv", ".docx")


@dataclass
class SourceTable:
    name: str  # the sheet's name, or "" for a CSV file or a Word table
    rows: list[list[Any]]
    lines: list[int]  # each row's number as the document shows it (a sheet's row, a table's row)


def read_tables(path: Path, shown: str) -> list[SourceTable]:
    """Every table in the file, each with its title rows first."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError(f"{shown}: cannot read {suffix or 'a file without an extension'}; use .xlsx, .csv or .docx")
    if not path.exists():
        raise UsageError(f"{shown}: no such file")
    if path.is_dir():
        raise UsageError(f"{shown} is a directory")
    if suffix == ".docx":
        return _docx_tables(path, shown)
    from qzdc.actuals.importer import _csv_table, _xlsx_tables

    tables = _xlsx_tables(path, shown) if suffix == ".xlsx" else [_csv_table(path, shown)]
    return [
        SourceTable(t.name, [[_value(c) for c in cells] for _, cells in t.rows], [n for n, _ in t.rows]) for t in tables
    ]


def _value(cell: Any) -> Any:
    """A sheet cell as the table shows it: a cell formatted as a percentage is its percent."""
    value = cell.value
    if cell.percent and isinstance(value, int | float) and not isinstance(value, bool):
        return round(value * 100, 10)
    return value


def _docx_tables(path: Path, shown: str) -> list[SourceTable]:
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise DataError(f"cannot read {shown}: not a readable .docx document ({err})") from None
    body = document.element.body
    tables: list[SourceTable] = []
    titles: list[str] = []
    # The body in order: paragraphs just above a table are its title rows.
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")).strip()
            if text and tables and not titles and text.startswith(("注", "说明")):
                # The table's note, just below it (注：带*的为2019年数据): part of the table.
                tables[-1].rows.append([text])
                tables[-1].lines.append(0)
            elif text:
                titles = [*titles[-2:], text]
        elif tag == "tbl":
            table = next(t for t in document.tables if t._tbl is child)
            rows = [[title] for title in titles]
            # A merged cell reads the same in every row and column it covers, as in a sheet.
            rows += [[cell.text.strip() for cell in row.cells] for row in table.rows]
            lines = [0] * len(titles) + list(range(1, len(table.rows) + 1))
            tables.append(SourceTable(f"table {len(tables) + 1}", rows, lines))
            titles = []
    return tables
