"""What a command shows, independent of how: the one shape every renderer takes.

A command builds a `View`: the JSON payload (raw numbers, stable keys), the
columns and rows for CSV (raw) and for tables and Markdown (display text), and
optional grouping, per-cell styles and a footer. `qzdc.render.formats` turns it into a
rich table, JSON, CSV or Markdown; no command has its own copy of that branch.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from qzdc.i18n import tr


@dataclass
class Column:
    key: str
    header: str
    align: str = "left"  # "right" for figures
    # 0: always shown; a higher number is dropped earlier when the terminal is narrow.
    drop: int = 0
    # Shown in tables and Markdown only (CSV carries the raw column instead).
    display_only: bool = False
    no_wrap: bool = False
    # The narrowest a wrapping column may get, in terminal cells (CJK counts 2).
    min_width: int = 6
    # When the terminal has no room for this column, its text joins another's cell:
    # the unit joins the name as Annex 1 writes it, 出口总额（万美元）. `join_format`
    # has one {} for this column's text.
    join_into: str | None = None
    join_format: str = "（{}）"


@dataclass
class View:
    data: Any  # the JSON payload
    columns: list[Column]
    rows: list[dict[str, Any]]  # raw values by column key (CSV)
    cells: list[dict[str, str]] | None = None  # display text by column key (table, Markdown)
    styles: list[dict[str, str]] | None = None  # style names by column key, e.g. "status.on_track"
    title: str | None = None
    group_key: str | None = None  # rows are grouped under this cell's text in tables
    footer: str | None = None
    csv_columns: list[str] | None = None  # CSV header keys; default: the non-display columns
    table: View | None = None  # another layout for a terminal table (the audit: one line per rule)
    # The people's CSV (`--format csv`): words for a column's codes, e.g. category: {"economy": "经济发展"}
    # (status words, kinds, yes and no need none), and the language (None: the run's).
    csv_words: dict[str, dict[Any, str]] = field(default_factory=dict)
    csv_headers: dict[str, str] = field(default_factory=dict)  # a column's own header in the people's CSV
    # What the people's CSV shows instead of a row's raw value, by row and column key: the table's own
    # figure where the machine column keeps another (尚需/年 27（年内） where `required_now` is 65 a year).
    people_cells: list[dict[str, str]] | None = None
    lang: str | None = None

    def display_cells(self) -> list[dict[str, str]]:
        if self.cells is not None:
            return self.cells
        return [{c.key: display(row.get(c.key)) for c in self.columns} for row in self.rows]


def display(value: Any, decimals: int | None = None) -> str:
    """A raw value as people read it: no trailing zeros, em dash for nothing."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, float | int):
        # A recorded figure shows the decimals it was written with (67.00), unless asked for others.
        return fmt_number(value, decimals if decimals is not None else getattr(value, "decimals", None))
    if isinstance(value, list | tuple):
        return "、".join(display(v) for v in value)
    return str(value)


# A milestone's figure as the actuals file stores it (done, not done) → the words people read.
_MILESTONE_WORDS = {"done": "milestone.done", "not done": "milestone.not_done"}


def recorded_text(value: Any, lang: str) -> str:
    """A recorded figure as people read it: a milestone's done / not done in the run's language
    (完成 / 未完成, as the status table says it), a date as written, any other as `display` gives it."""
    if isinstance(value, str) and (key := _MILESTONE_WORDS.get(value.strip().lower())):
        return tr(key, lang)
    return display(value.isoformat() if isinstance(value, dt.date) else value)


def fmt_number(value: float, decimals: int | None = None) -> str:
    """2 decimals at most by default, trailing zeros dropped: 63.8, 25.37, 7500."""
    if not math.isfinite(value):
        return "—"
    if abs(value) >= 1e15:
        # Beyond any figure a plan means (qzdc records none above 10^15): the size, not 300 digits.
        return f"{value:.3e}".replace("e+", "e")
    places = 2 if decimals is None else decimals
    text = f"{value:.{places}f}"
    if decimals is None and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", "-0.0", "-0.00"):
        text = text[1:]
    return text


def decimals(value: float) -> int:
    """The decimal places a figure is written with: 3.8 → 1, 68.23 → 2, 7500 → 0; a recorded 67.00 → 2."""
    written = getattr(value, "decimals", None)
    if written is not None:
        return written
    text = repr(float(value))
    if "e" in text:
        return 6
    return len(text.split(".")[1].rstrip("0")) if "." in text else 0


@dataclass
class Section:
    """A part of a document: a table, or preformatted lines (facts, a text chart)."""

    title: str
    view: View | None = None
    lines: list[str] = field(default_factory=list)
    preformatted: bool = False  # a chart: its lines are never wrapped


@dataclass
class Document:
    """Several sections under one title (`qzdc show`). JSON is `data`; CSV is `csv_view`."""

    data: Any
    title: str
    sections: list[Section]
    csv_view: View | None = None
