"""The one place that decides table, JSON, CSV or Markdown.

Only this module (and the HTML/Excel report writers) turn a `View` into text;
only this module imports rich, and only when a table is asked for.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import sys
from typing import Any, TextIO

from qzdc.engine.verdict import printed
from qzdc.plan.numbers import Written
from qzdc.render.table import cell_len, cell_lines, grouped_rows, to_table
from qzdc.render.terminal import terminal_width, use_color
from qzdc.render.text import carries_everything, json_text, terminal_text
from qzdc.views.view import Column, Document, View

FORMATS = ("table", "json", "csv", "markdown")
EXTENSIONS = {
    ".json": "json",
    ".csv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "table",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
    ".docx": "docx",
    ".jsonl": "jsonl",
}


def format_from_path(path: str) -> str | None:
    return EXTENSIONS.get(os.path.splitext(path)[1].lower())


def clean_floats(data: Any) -> Any:
    """Floats to 12 significant digits: 17.39999999999999 (float noise) becomes 17.4.

    Twelve digits, and a resolution of 1e-9, are far beyond any figure in a
    plan, so nothing real is lost. A figure that overflowed on its way here (a
    rate of 1e306 turned into percent) is null, as any figure that cannot be
    computed: no infinity or NaN reaches JSON, the engine's promise held at
    every output.
    """
    if isinstance(data, float):
        if not math.isfinite(data):
            return None
        # The engine compares figures as printed here (R at a threshold): one rule for both.
        return printed(data)
    if isinstance(data, dict):
        return {k: clean_floats(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [clean_floats(v) for v in data]
    return data


def to_json(data: Any, *, indent: int | None = 2, stream: Any = None) -> str:
    """`data` as JSON; for a `stream` whose encoding cannot carry every character (GBK, ASCII), with
    every non-ASCII character as a \\u escape: the same data, and nothing for the encoding to lose."""
    ascii_only = stream is not None and not carries_everything(stream)
    # allow_nan=False: a NaN or infinity must never reach a script as a number.
    text = json.dumps(clean_floats(data), ensure_ascii=ascii_only, indent=indent, allow_nan=False)
    return json_text(text) + "\n"


def json_line(data: Any, stream: Any = None) -> str:
    """One JSON object on one line (jsonl), as `to_json` writes it."""
    return to_json(data, indent=None, stream=stream)


# Text a spreadsheet reads as a formula (OWASP, "CSV injection"): = + - @, tab and CR.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(text: str) -> str:
    """A text cell of a CSV: control characters escaped, and text Excel would run as a
    formula (`=HYPERLINK(…)`, `@SUM(…)`) given a leading ' so that it shows as text."""
    text = terminal_text(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        if isinstance(value, Written):  # a recorded figure, with the decimals it was written with
            return value.text
        value = clean_floats(value)
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, list | tuple):
        return csv_text("、".join(str(_csv_plain(v)) for v in value))
    if isinstance(value, dict):
        return csv_text(json.dumps(value, ensure_ascii=False))
    if isinstance(value, str):
        return csv_text(value)
    return value


def _csv_plain(value: Any) -> Any:
    """A list item as `csv_value` writes it, before the cell as a whole is made safe."""
    return value if isinstance(value, str) else csv_value(value)


def to_csv(view: View) -> str:
    keys = view.csv_columns or [c.key for c in view.columns if not c.display_only]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(keys)
    for row in view.rows:
        writer.writerow([csv_value(row.get(k)) for k in keys])
    return buffer.getvalue()


# ── the people's CSV ─────────────────────────────────────────────────────────
#
# `--format csv` is for people opening it in Excel: headers in the run's language,
# words for codes (存在风险, 是/否, 约束性), figures rounded as the table rounds them
# and kept numbers (a rate as 21.32%, which Excel reads as a percentage).
# `--format csv --raw` is for scripts: the stable keys and raw values (`to_csv`).

_WORD_KEYS = {"status", "status_before", "status_after", "kind", "direction", "strength"}
_ROUND_0 = {"progress_pct", "time_elapsed_pct"}  # the table shows them as whole percents
# A column the machine CSV joins with "; " and the row's list of its items, which the people's CSV joins itself.
_ITEMS = {"notes": "note_list", "sources": "source_list"}


def _people_header(key: str, lang: str) -> str:
    from qzdc.i18n import tr

    year = re.fullmatch(r"actual_(\d{4})", key)
    if year:
        return tr("csv.actual_year", lang, year=year.group(1))
    return tr(f"csv.{key}", lang) if tr(f"csv.{key}", lang) != f"csv.{key}" else key


def people_value(key: str, value: Any, row: dict[str, Any], csv_words: dict[str, dict[Any, str]], lang: str) -> Any:
    """One cell of the people's CSV: `value` of column `key` in words, rounded, made safe for a spreadsheet."""
    from qzdc.i18n import listing, method_text, note_text, tr

    words = csv_words.get(key)
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    if words is not None and value in words:
        return csv_text(words[value])
    if isinstance(value, bool):
        return tr("yes" if value else "no", lang)
    if key in _WORD_KEYS and isinstance(value, str):
        return tr(value, lang)
    if key == "severity" and isinstance(value, str):
        return tr(f"severity.{value}", lang)
    if key == "unit" and isinstance(value, str):
        from qzdc.i18n import unit_text

        return csv_text(unit_text(value, lang))
    if key == "comparator" and isinstance(value, str):
        return tr(f"cmp.word.{value}", lang)
    if key in ("latest_origin", "origin") and isinstance(value, str):
        return tr(f"origin.{value}", lang)
    if key == "expected_of" and isinstance(value, str):
        return tr(f"expected_of.{value}", lang)
    if key == "method" and isinstance(value, str):
        return method_text(value, lang)
    if key in _ITEMS and isinstance(row.get(_ITEMS[key]), list | tuple):
        # the items themselves, not the machine cell's "; " join: a note may hold "; " of its own
        items = row[_ITEMS[key]]
        shown = [note_text(n, lang) for n in items] if key == "notes" else [str(n) for n in items]
        return csv_text(("；" if lang == "zh" else "; ").join(shown))
    if isinstance(value, dict):  # batch's `actuals`, {"2023": 40, "2024": null}: 2023年：40；2024年：—
        return csv_text(
            ("；" if lang == "zh" else "; ").join(
                f"{k}{'年：' if lang == 'zh' else ': '}{'—' if v is None else people_value(key, v, {}, {}, lang)}"
                for k, v in value.items()
            )
        )
    if isinstance(value, Written):  # a recorded figure as the table shows it, with its own decimals (67.00)
        return value.text
    if isinstance(value, int | float):
        from qzdc.views.view import fmt_number

        text = fmt_number(float(value), 0 if key in _ROUND_0 else None)
        return f"{text}%" if row.get(f"{key}_type") == "rate_pct" else text
    if isinstance(value, list | tuple):
        return csv_text(listing([str(v) for v in value], lang))
    return csv_value(value)


# Columns the people's CSV leaves out: a unit's type, and the text in the other language.
_PEOPLE_OMITS = {"zh": {"name_en", "message"}, "en": {"message_zh"}}


def people_keys(keys: list[str], lang: str) -> list[str]:
    """The machine columns a people's CSV shows: all but the `_type` ones and the other language's text."""
    return [k for k in keys if not k.endswith("_type") and k not in _PEOPLE_OMITS.get(lang, set())]


def people_headers(keys: list[str], lang: str, own: dict[str, str] | None = None) -> list[str]:
    """The people's CSV header row; a plan's own word (its pilot flag) is a text cell like any other."""
    return [csv_text((own or {}).get(k) or _people_header(k, lang)) for k in keys]


def to_people_csv(view: View) -> str:
    """`view` as a CSV for people: the CSV's columns in the run's words, figures rounded as the table rounds them."""
    from qzdc.i18n import language

    lang = view.lang or language()
    keys = people_keys(view.csv_columns or [c.key for c in view.columns if not c.display_only], lang)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(people_headers(keys, lang, view.csv_headers))
    own = view.people_cells or [{} for _ in view.rows]
    for row, cells in zip(view.rows, own, strict=True):
        writer.writerow(
            [csv_text(cells[k]) if k in cells else people_value(k, row.get(k), row, view.csv_words, lang) for k in keys]
        )
    return buffer.getvalue()


_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")


# What would make a link or an image of a plan's text: [text](url), ![alt](url), and
# the bare URLs and addresses GitHub-flavoured Markdown links by itself.
_LINK_MARK = re.compile(r"[\[\]@]")
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|javascript|data|vbscript|file|mailto)(:)|\b(www)(\.)")


def md_escape(text: str) -> str:
    """Plan text in a Markdown table cell or line: it keeps the table's shape and never becomes markup
    that leads anywhere (a link, an image, a tag), and its control characters are escapes."""
    # A "<" that could open a tag becomes an entity: Markdown renderers pass raw
    # HTML through, and a plan's text must never become a tag in someone's
    # document. Other "<" and ">" (R < 0.95, >100) stay as written: escaped, they
    # would show as &lt; when pasted into Word.
    text = terminal_text(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    text = _LINK_MARK.sub(lambda m: "\\" + m.group(), text)
    text = _AUTOLINK.sub(lambda m: f"{m.group(1) or m.group(3)}\\{m.group(2) or m.group(4)}", text)
    return _TAG_START.sub("&lt;", text)


def md_code(lines: list[str]) -> list[str]:
    """Lines as a fenced code block whose fence no line can close."""
    shown = [terminal_text(line).replace("\n", " ") for line in lines]
    longest = max((len(run) for line in shown for run in re.findall("`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence, *shown, fence]


def _md_table(columns: list[Column], cells: list[dict[str, str]]) -> list[str]:
    lines = ["| " + " | ".join(md_escape(c.header) for c in columns) + " |"]
    lines.append("| " + " | ".join("---:" if c.align == "right" else "---" for c in columns) + " |")
    for row in cells:
        lines.append("| " + " | ".join(md_escape(row.get(c.key, "")) for c in columns) + " |")
    return lines


def to_markdown(view: View) -> str:
    cells = view.display_cells()
    columns = [c for c in view.columns if c.key != view.group_key]
    lines: list[str] = []
    if view.title:
        lines += [f"## {md_escape(view.title)}", ""]
    if view.group_key and cells:
        for label, indices in grouped_rows(view, cells):
            lines += [f"### {md_escape(label)}", ""]
            lines += _md_table(columns, [cells[i] for i in indices])
            lines.append("")
    else:
        lines += _md_table(columns, cells)
        lines.append("")
    for line in (view.footer or "").split("\n"):  # counts, then one note a paragraph
        if line:
            lines += [md_escape(line), ""]
    return "\n".join(lines)


def _document(doc: Document, fmt: str, stream: TextIO) -> str:
    if fmt == "json":
        return to_json(doc.data, stream=stream)
    if fmt in ("csv", "csv_raw"):
        if doc.csv_view is None:
            raise ValueError("this document has no table to write as CSV")
        return to_people_csv(doc.csv_view) if fmt == "csv" else to_csv(doc.csv_view)
    if fmt == "markdown":
        parts = [f"## {md_escape(doc.title)}", ""]
        for section in doc.sections:
            parts += [f"### {md_escape(section.title)}", ""]
            if section.lines:
                parts += [*md_code(section.lines), ""]
            if section.view is not None:
                parts.append(to_markdown(section.view))
        return "\n".join(parts)
    color = use_color(stream)
    width = terminal_width(stream)
    bold = "\x1b[1m" if color else ""
    reset = "\x1b[0m" if color else ""
    parts = [f"{bold}{terminal_text(doc.title)}{reset}", ""]
    for section in doc.sections:
        parts.append(f"{bold}{terminal_text(section.title)}{reset}")
        for line in map(terminal_text, section.lines):
            if section.preformatted or cell_len(line) <= width - 2:
                parts.append(f"  {line}")
            else:  # a long fact wraps at the terminal's edge, indented like the rest
                parts += [f"  {piece.rstrip()}" for piece in cell_lines(line, width - 2, False, False)]
        if section.view is not None:
            parts.append(to_table(section.view, stream).rstrip("\n"))
        parts.append("")
    return "\n".join(parts)


def render(view: View | Document, fmt: str, *, stream: TextIO | None = None) -> str:
    """`view` as text in `fmt`; the stream decides a table's width and colour."""
    if isinstance(view, Document):
        return _document(view, fmt, stream or sys.stdout)
    if fmt == "json":
        return to_json(view.data, stream=stream or sys.stdout)
    if fmt == "csv":
        return to_people_csv(view)
    if fmt == "csv_raw":
        return to_csv(view)
    if fmt == "markdown":
        return to_markdown(view)
    if fmt == "table":
        return to_table(view, stream or sys.stdout)
    raise ValueError(f"unknown format {fmt!r}")
