"""The HTML report: one self-contained file to circulate, to read on a phone and to print.

Everything is inline (styles and SVG charts) and the page loads nothing: no
script, no stylesheet, no font, no image from anywhere. It is read on offline
intranets, so a reference to anything outside the file would be a blank on
someone's screen; a Content-Security-Policy of `default-src 'none'` makes the
browser refuse any that might slip in.

The first page is what a leader reads: the 要点 (`qzdc.report.points`), the
counts by status and by category, then the status table. Below 600 px (a
phone, where these reports arrive forwarded on WeChat) each table row becomes
a card: name, status, latest, target, still required. Printed on A4 the
summary and the table run on from page 1 with the table's header repeated;
the charts follow, two to a line, and the targets without data since the
baseline are one compact table instead of empty charts.

Every piece of plan text goes through `html.escape` (and `css_string` where
it reaches the page's running foot): a name containing `<script>` shows as
those characters. Text is drawn in the reader's own Chinese font
(`FONT_STACK`), charts included.
"""

from __future__ import annotations

import re
from html import escape

from qzdc.i18n import tr
from qzdc.report.data import (
    FONT_STACK,
    ChartData,
    ReportInput,
    by_category_title,
    category_counts,
    category_header,
    charts,
    header_facts,
    method_words,
    plan_words,
    shown_statuses,
    status_counts,
    status_legend,
    targets_view,
    title,
)
from qzdc.report.data import STATUS_COLOURS as REPORT_COLOURS
from qzdc.report.points import key_points
from qzdc.views.status import Row, footnotes, status_cells
from qzdc.views.view import View

# The report's status colours as CSS colours.
STATUS_COLOURS = {status: (f"#{fg}", f"#{bg}") for status, (fg, bg) in REPORT_COLOURS.items()}

# The columns a phone's card keeps (the issue's: name, status, latest, target, still required).
CARD_COLUMNS = ("name", "status", "latest", "target", "required")
# Where a page is narrower than this, the status table becomes cards.
PHONE_WIDTH = 600


def e(text: object) -> str:
    """Plan text made safe for HTML text and attribute values."""
    return escape(str(text), quote=True)


def css_string(text: str) -> str:
    """Text as a CSS string literal that nothing can close: every character but plain
    letters, digits, CJK and spaces as a hex escape (so no quote, backslash or "</style")."""
    out = []
    for char in text:
        if char.isalnum() or char in " ·()（）《》、，：—–-":
            out.append(char)
        else:
            out.append(f"\\{ord(char):06x}")
    return '"' + "".join(out) + '"'


def _css(foot: str) -> str:
    status_rules = "\n".join(
        f".s-{name} {{ color: {fg}; background: {bg}; }}" for name, (fg, bg) in STATUS_COLOURS.items()
    )
    bar_rules = "\n".join(f".bar .s-{name} {{ background: {bg}; }}" for name, (_, bg) in STATUS_COLOURS.items())
    card_edges = "\n".join(
        f'  tr.status-row[data-status="{name}"] {{ border-left-color: {fg if name != "moving_away" else bg}; }}'
        for name, (fg, bg) in STATUS_COLOURS.items()
    )
    hidden = "".join(f":not(.c-{key})" for key in CARD_COLUMNS)
    return f"""
:root {{ color-scheme: light; }}
* {{ box-sizing: border-box; }}
html {{ font-family: {FONT_STACK}; font-size: 14px; color: #111827; background: #fff; }}
body {{ margin: 0 auto; padding: 24px 28px 40px; max-width: 1180px; line-height: 1.5; overflow-wrap: anywhere; }}
h1 {{ font-size: 1.55rem; margin: 0 0 .2rem; line-height: 1.3; }}
h2 {{ font-size: 1.2rem; margin: 1.6rem 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid #1f2937; }}
h3 {{ font-size: 1rem; margin: 1rem 0 .5rem; }}
.subtitle {{ font-size: 1.1rem; margin: 0 0 .6rem; color: #374151; }}
dl.facts {{ display: flex; flex-wrap: wrap; gap: .1rem 1.4rem; margin: 0; font-size: .92rem; }}
dl.facts div {{ display: flex; gap: .4rem; min-width: 0; }}
/* a label never wraps inside itself (数据截至 one character a line at 400 px): its value wraps instead */
dl.facts dt {{ color: #4b5563; flex: none; white-space: nowrap; }}
dl.facts dd {{ margin: 0; min-width: 0; }}
.key-points {{ border: 1px solid #d1d5db; border-left: 5px solid #1f2937; border-radius: 4px; padding: .6rem 1rem .6rem 1.1rem; background: #f9fafb; }}
.key-points > ul {{ margin: 0; padding-left: 1.1rem; }}
.key-points li {{ margin: .2rem 0; }}
.key-points ol {{ margin: .15rem 0 .3rem; padding-left: 1.4rem; }}
table {{ border-collapse: collapse; font-variant-numeric: tabular-nums; }}
th, td {{ padding: .28rem .5rem; border-bottom: 1px solid #e5e7eb; text-align: left; vertical-align: top; }}
thead th {{ background: #f3f4f6; border-bottom: 1px solid #9ca3af; white-space: nowrap; }}
td.num, th.num {{ text-align: right; white-space: nowrap; }}
/* a figure and its note (75.33 (2023), -0.15个百分点, 7.14%（年内）) may go on two lines, a figure never breaks */
td.num.parts {{ white-space: normal; }}
.nw {{ white-space: nowrap; }}
td.zero {{ color: #9ca3af; }}
/* a header or a unit breaks between words (Still / required), never inside a Chinese word (万美 / 元) */
td.c-unit, table.status-table thead th {{ word-break: keep-all; overflow-wrap: normal; }}
table.status-table thead th {{ white-space: normal; }}
/* on a screen narrower than the table (a tablet), the table scrolls inside its section, not the page */
@media screen {{ .table-wrap {{ overflow-x: auto; }} }}
.table-notes p {{ margin: .3rem 0 0; font-size: .85rem; }}
tr.group th {{ background: #fff; padding-top: .8rem; border-bottom: 1px solid #d1d5db; font-size: 1.02rem; }}
table.status-table {{ width: 100%; }}
/* The status word stays whole; a note on it (（据2023年旧数据）) takes a line of its own, so that one
   stale figure cannot widen the column and squeeze the names (user test 1, finding 17). */
td.status {{ font-weight: 600; min-width: 5.5em; }}
td.status .status-word {{ white-space: nowrap; }}
td.status .status-note {{ display: block; font-weight: 400; font-size: .85rem; }}
/* the name column keeps room for a name (about seven characters a line) */
table.status-table td.c-name {{ min-width: 7.5em; }}
.unit-inline {{ display: none; }}
.chip {{ display: inline-block; padding: 0 .45rem; border-radius: .6rem; font-weight: 600; white-space: nowrap; }}
.summary-grid {{ display: grid; grid-template-columns: minmax(220px, 1fr) 2fr; gap: 1.5rem; align-items: start; }}
/* the two summary tables side by side need about 800 px; below that they stack */
@media (max-width: 820px) {{ .summary-grid {{ display: block; }} .summary-grid > div {{ margin-bottom: .8rem; }} }}
.bar {{ display: flex; height: 14px; border-radius: 3px; overflow: hidden; margin: .4rem 0 .8rem; border: 1px solid #d1d5db; }}
{bar_rules}
ul.legend {{ list-style: none; padding: 0; margin: .6rem 0 0; columns: 2; column-gap: 2rem; font-size: .85rem; }}
ul.legend li {{ break-inside: avoid; margin: .15rem 0; }}
p.chart-key {{ font-size: .85rem; color: #374151; display: flex; flex-wrap: wrap; gap: .2rem 1rem; margin: 0 0 .8rem; }}
p.chart-key span {{ white-space: nowrap; }}
p.chart-key svg {{ vertical-align: middle; margin-right: .3rem; }}
.charts {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(min(330px, 100%), 1fr)); gap: 1rem 1.2rem; }}
figure.chart {{ margin: 0; padding: .5rem .6rem .2rem; border: 1px solid #e5e7eb; border-left-width: 5px; border-radius: 4px; min-width: 0; }}
figure.chart figcaption {{ margin-bottom: .2rem; }}
.chart-title {{ font-weight: 600; margin-right: .4rem; }}
.chart-facts {{ display: block; color: #4b5563; font-size: .85rem; }}
svg.chart-svg {{ display: block; width: 100%; height: auto; }}
table.no-data {{ width: 100%; font-size: .92rem; }}
a {{ color: inherit; text-decoration-color: #9ca3af; }}
footer {{ margin-top: 2rem; padding-top: .6rem; border-top: 1px solid #e5e7eb; color: #4b5563; font-size: .85rem; }}
footer p {{ margin: .2rem 0; }}
{status_rules}
{"".join(f"figure.chart.s-{name} {{ border-left-color: {fg if name != 'moving_away' else bg}; background: #fff; color: inherit; }}" for name, (fg, bg) in STATUS_COLOURS.items())}
@media (max-width: {PHONE_WIDTH - 0.02}px) {{
  body {{ padding: 12px 12px 24px; }}
  h1 {{ font-size: 1.3rem; }}
  .summary-grid {{ display: block; }}
  .summary-grid > div {{ margin-bottom: .8rem; }}
  table.by-category {{ width: 100%; }}
  table.by-category th, table.by-category td {{ padding: .2rem .25rem; }}
  table.by-category .chip {{ white-space: normal; padding: 0 .2rem; }}
  ul.legend {{ columns: 1; }}
  /* one card per target: name and status, then latest, target and what is still required */
  table.status-table, table.status-table tbody {{ display: block; }}
  table.status-table thead {{ display: none; }}
  table.status-table tr.group {{ display: block; }}
  table.status-table tr.group th {{ display: block; padding: .8rem 0 .2rem; border: 0; }}
  tr.status-row {{ display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: .2rem .6rem; margin: .45rem 0; padding: .5rem .6rem; border: 1px solid #e5e7eb; border-left: 5px solid #9ca3af; border-radius: 6px; }}
{card_edges}
  tr.status-row td {{ display: block; padding: 0; border: 0; text-align: left; white-space: normal; }}
  tr.status-row td{hidden} {{ display: none; }}
  tr.status-row td.c-name {{ grid-area: 1 / 1 / 2 / 3; font-weight: 600; }}
  tr.status-row td.c-name .unit-inline {{ display: inline; font-weight: 400; color: #4b5563; }}
  tr.status-row td.c-status {{ grid-area: 1 / 3; justify-self: end; align-self: start; padding: 0 .45rem; border-radius: .6rem; }}
  tr.status-row td.c-latest {{ grid-area: 2 / 1; }}
  tr.status-row td.c-target {{ grid-area: 2 / 2; }}
  tr.status-row td.c-required {{ grid-area: 2 / 3; }}
  tr.status-row td.c-latest, tr.status-row td.c-target, tr.status-row td.c-required {{ font-variant-numeric: tabular-nums; }}
  tr.status-row td.c-latest::before, tr.status-row td.c-target::before, tr.status-row td.c-required::before {{
    content: attr(data-label); display: block; font-size: .85rem; color: #6b7280; }}
}}
@page {{ size: A4; margin: 12mm 11mm 14mm;
  @bottom-left {{ content: {foot}; font-size: 7.5pt; color: #6b7280; }}
  @bottom-right {{ content: counter(page) " / " counter(pages); font-size: 7.5pt; color: #6b7280; }} }}
/* The status table is as wide as the analysts' own: it prints on A4 turned, as the workbook and Word do. */
@page wide {{ size: A4 landscape; margin: 9mm 10mm 12mm;
  @bottom-left {{ content: {foot}; font-size: 7.5pt; color: #6b7280; }}
  @bottom-right {{ content: counter(page) " / " counter(pages); font-size: 7.5pt; color: #6b7280; }} }}
@media print {{
  html {{ font-size: 9pt; }}
  body {{ padding: 0; max-width: none; }}
  * {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
  h2 {{ margin-top: 1rem; }}
  h2, h3 {{ break-after: avoid; }}
  .key-points, .summary-grid, ul.legend, footer {{ break-inside: avoid; }}
  section.charts-section {{ break-before: page; }}
  thead {{ display: table-header-group; }}
  tr {{ break-inside: avoid; }}
  tr.group {{ break-after: avoid; }}
  section.targets {{ page: wide; }}
  table.status-table {{ font-size: .9rem; line-height: 1.35; }}
  table.status-table th, table.status-table td {{ padding: .12rem .25rem; }}
  .charts {{ grid-template-columns: 1fr 1fr; gap: .5rem .8rem; }}
  figure.chart {{ break-inside: avoid; }}
  a {{ text-decoration: none; }}
}}
"""


def _chip(status: str, lang: str) -> str:
    return f'<span class="chip s-{e(status)}">{e(tr(status, lang))}</span>'


def _header(data: ReportInput) -> str:
    facts = "".join(f"<div><dt>{e(label)}</dt><dd>{e(text)}</dd></div>" for label, text in header_facts(data))
    return (
        '<header class="report-header">'
        f"<h1>{e(title(data))}</h1>"
        f'<p class="subtitle">{e(tr("report.title", data.lang))}</p>'
        f'<dl class="facts">{facts}</dl>'
        "</header>"
    )


def _key_points(data: ReportInput) -> str:
    items = []
    for point in key_points(data):
        inner = "".join(f"<li>{e(item)}</li>" for item in point.items)
        items.append(
            f'<li class="kp kp-{e(point.kind)}">{e(point.text)}' + (f"<ol>{inner}</ol>" if inner else "") + "</li>"
        )
    return (
        f'<h2 id="key-points">{e(tr("report.key_points", data.lang))}</h2>'
        f'<div class="key-points"><ul>{"".join(items)}</ul></div>'
    )


def _summary(data: ReportInput) -> str:
    lang = data.lang
    counts = status_counts(data)
    total = sum(counts.values())
    bar = "".join(
        f'<span class="s-{e(s)}" style="flex: {n}" title="{e(tr(s, lang))} {n}"></span>' for s, n in counts.items() if n
    )
    status_rows = "".join(
        f'<tr class="summary-status" data-status="{e(s)}"><td>{_chip(s, lang)}</td>'
        f'<td class="num{" zero" if not n else ""}">{n}</td></tr>'
        for s, n in counts.items()
    )
    by_status = (
        f"<h3>{e(tr('report.by_status', lang))}</h3>"
        + (f'<div class="bar" aria-hidden="true">{bar}</div>' if total else "")
        + f'<table class="by-status"><thead><tr><th>{e(tr("col.status", lang))}</th>'
        f'<th class="num">{e(tr("col.count", lang))}</th></tr></thead><tbody>{status_rows}</tbody>'
        f'<tfoot><tr><th>{e(tr("report.total", lang))}</th><th class="num">{total}</th></tr></tfoot></table>'
    )
    statuses = shown_statuses(data)
    head = "".join(f'<th class="num">{_chip(s, lang)}</th>' for s in statuses)
    body = ""
    for c in category_counts(data):
        cells = "".join(f'<td class="num{" zero" if not c.counts[s] else ""}">{c.counts[s]}</td>' for s in statuses)
        body += f'<tr class="summary-category"><td>{e(c.name)}</td>{cells}<td class="num">{c.total}</td></tr>'
    foot = "".join(f'<th class="num">{counts[s]}</th>' for s in statuses)
    by_category = (
        f"<h3>{e(by_category_title(data))}</h3>"
        f'<table class="by-category"><thead><tr><th>{e(category_header(data))}</th>{head}'
        f'<th class="num">{e(tr("report.total", lang))}</th></tr></thead><tbody>{body}</tbody>'
        f'<tfoot><tr><th>{e(tr("report.total", lang))}</th>{foot}<th class="num">{total}</th></tr></tfoot></table>'
    )
    legend = "".join(f"<li>{_chip(s, lang)} {e(text)}</li>" for s, text in status_legend(data))
    return (
        '<section class="summary" id="summary">'
        f"{_key_points(data)}"
        f"<h2>{e(tr('report.summary', lang))}</h2>"
        f'<div class="summary-grid"><div>{by_status}</div><div>{by_category}</div></div>'
        f'<ul class="legend" aria-label="{e(tr("report.legend", lang))}">{legend}</ul>'
        "</section>"
    )


# A figure and the note after it: 75.33 (2023), -0.15个百分点, 7.14%（年内）, 100 (2023*).
FIGURE_AND_NOTE = re.compile(r"^([+\-−]?[\d.,]+%?)(\s*)([^\s\d.,%].*)$")


def _figure_parts(text: str) -> str:
    """A figure with a note, as two unbreakable pieces that may go on two lines ('' for a bare figure)."""
    match = FIGURE_AND_NOTE.match(text)
    if not match:
        return ""
    figure, space, note = match.groups()
    return f'<span class="nw">{e(figure)}</span>{" " if space else ""}<wbr><span class="nw">{e(note)}</span>'


def _status_html(text: str, word: str) -> str:
    """The status word, unbroken, and any note on it (据2023年旧数据) on a line of its own."""
    note = text[len(word) :] if text.startswith(word) else ""
    if not note:
        return e(text)
    return f'<span class="status-word">{e(word)}</span><span class="status-note">{e(note.strip())}</span>'


def _targets(data: ReportInput, charted: set[str]) -> str:
    lang = data.lang
    view = targets_view(data)
    cells = view.display_cells()
    columns = [c for c in view.columns if c.key != view.group_key]
    head = "".join(
        f'<th class="c-{e(c.key)}{" num" if c.align == "right" else ""}">{e(c.header)}</th>' for c in columns
    )
    groups: dict[str, list[int]] = {}
    for i, row in enumerate(cells):
        groups.setdefault(row.get(view.group_key or "", ""), []).append(i)
    bodies = []
    for label, indices in groups.items():
        rows = [f'<tr class="group"><th colspan="{len(columns)}">{e(label)}</th></tr>']
        for i in indices:
            row = data.status.rows[i]
            status = row.assessment.status
            tds = []
            for c in columns:
                text = e(cells[i].get(c.key, ""))
                attributes = f'data-label="{e(c.header)}"'
                if c.key == "name":
                    if row.target.id in charted:
                        text = f'<a href="#chart-{e(row.target.id)}">{text}</a>'
                    if row.indicator.unit:
                        text += f'<span class="unit-inline">（{e(row.indicator.unit)}）</span>'
                if c.key == "status":
                    tds.append(
                        f'<td class="c-status status s-{e(status)}" {attributes}>'
                        f"{_status_html(cells[i].get(c.key, ''), tr(status, lang))}</td>"
                    )
                elif c.align == "right" and (parts := _figure_parts(cells[i].get(c.key, ""))):
                    tds.append(f'<td class="c-{e(c.key)} num parts" {attributes}>{parts}</td>')
                else:
                    num = " num" if c.align == "right" else ""
                    tds.append(f'<td class="c-{e(c.key)}{num}" {attributes}>{text}</td>')
            rows.append(
                f'<tr class="status-row" data-target="{e(row.target.id)}" data-status="{e(status)}">{"".join(tds)}</tr>'
            )
        bodies.append(f"<tbody>{''.join(rows)}</tbody>")
    table = (
        f'<div class="table-wrap"><table class="status-table"><thead><tr>{head}</tr></thead>{"".join(bodies)}</table></div>'
        if cells
        else f"<p>{e(tr('report.no_targets', lang))}</p>"
    )
    # What the cells cannot hold, as `qzdc status` prints it under its table: where a plan's own rate
    # leads a level target, and what the * of an inferred year means.
    notes = "".join(f"<p>{e(line)}</p>" for line in footnotes(data.status, lang)) if cells else ""
    notes = f'<div class="table-notes">{notes}</div>' if notes else ""
    return f'<section class="targets" id="targets"><h2>{e(view.title or "")}</h2>{table}{notes}</section>'


def _swatch(kind: str) -> str:
    """A line or a mark as the charts draw it, for the key (inline SVG, drawn here)."""
    shapes = {
        "required": '<line x1="1" y1="6" x2="27" y2="6" stroke="#6b7280" stroke-width="1.8" stroke-dasharray="5 3"/>',
        "actual": '<line x1="1" y1="6" x2="27" y2="6" stroke="#1d4ed8" stroke-width="2"/>'
        '<circle cx="14" cy="6" r="3" fill="#1d4ed8"/>',
        "ytd": '<circle cx="14" cy="6" r="3.6" fill="#fff" stroke="#1d4ed8" stroke-width="1.6"/>',
        "due": '<line x1="8" y1="6" x2="20" y2="6" stroke="#6b7280" stroke-width="2.4"/>',
        "target": '<path d="M14 1 L15.5 4.6 L19.3 4.8 L16.4 7.2 L17.4 11 L14 8.9 L10.6 11 L11.6 7.2 L8.7 4.8 L12.5 4.6 Z" '
        'fill="#b91c1c"/>',
        "break": '<line x1="9" y1="10" x2="13" y2="3" stroke="#374151" stroke-width="1.2"/>'
        '<line x1="14" y1="10" x2="18" y2="3" stroke="#374151" stroke-width="1.2"/>',
    }
    return f'<svg width="28" height="12" viewBox="0 0 28 12" aria-hidden="true">{shapes[kind]}</svg>'


def _chart_key(lang: str) -> str:
    entries = [
        ("required", tr("chart.required", lang)),
        ("actual", tr("chart.actual", lang)),
        ("ytd", tr("chart.ytd", lang)),
        ("due", tr("chart.ytd_due", lang)),
        ("target", tr("chart.target", lang)),
        ("break", tr("chart.break", lang)),
    ]
    spans = "".join(f"<span>{_swatch(kind)}{e(text)}</span>" for kind, text in entries)
    return f'<p class="chart-key"><span>{e(tr("chart.legend", lang))}</span>{spans}</p>'


def _no_data_table(data: ReportInput, rows: list[Row]) -> str:
    lang = data.lang
    keys = [("name", "col.name"), ("baseline", "col.baseline"), ("target", "col.target"), ("required", "col.required")]
    head = "".join(f'<th class="{"num" if key != "name" else ""}">{e(tr(label, lang))}</th>' for key, label in keys)
    body = ""
    for row in rows:
        cells = status_cells(row, data.plan, lang)
        tds = "".join(f'<td class="{"num" if key != "name" else ""}">{e(cells.get(key, ""))}</td>' for key, _ in keys)
        body += f'<tr class="no-data-row" data-target="{e(row.target.id)}">{tds}</tr>'
    return (
        f'<h3 id="no-data">{e(tr("report.no_data_charts", lang))}</h3>'
        f'<table class="no-data"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )


def _charts(data: ReportInput, drawn: list[tuple[Row, ChartData, str]], empty: list[Row]) -> str:
    lang = data.lang
    figures = []
    for row, chart, svg in drawn:
        cells = status_cells(row, data.plan, lang)
        facts = " · ".join(
            f"{tr(key, lang)} {cells[name]}"
            for key, name in (
                ("col.latest", "latest"),
                ("col.target", "target"),
                ("col.required", "required"),
                ("col.progress", "progress"),
            )
            if cells.get(name, "—") not in ("—", "")
        )
        status = chart.status
        figures.append(
            f'<figure class="chart s-{e(status)}" id="chart-{e(chart.target_id)}" data-status="{e(status)}">'
            f'<figcaption><span class="chart-title">{e(chart.title)}</span>'
            f'{_chip(status, lang)}<span class="chart-facts">{e(facts)}</span></figcaption>'
            f"{svg}</figure>"
        )
    parts = []
    if figures:
        parts.append(_chart_key(lang) + f'<div class="charts">{"".join(figures)}</div>')
    elif not empty:
        parts.append(f"<p>{e(tr('report.no_charts' if data.status.rows else 'report.no_targets', lang))}</p>")
    if empty:
        parts.append(_no_data_table(data, empty))
    return (
        f'<section class="charts-section" id="charts"><h2>{e(tr("report.charts", lang))}</h2>{"".join(parts)}</section>'
    )


def _footer(data: ReportInput) -> str:
    lang = data.lang
    return (
        f"<footer><p>{e(plan_words(data))}</p><p>{e(method_words(data))}</p>"
        f"<p>{e(tr('report.made_by', lang))} · {e(tr('report.generated', lang))} {e(data.generated.isoformat())}</p>"
        "</footer>"
    )


def report_html(data: ReportInput, *, summary_only: bool = False) -> str:
    """The whole report as one HTML document (a str; write it as UTF-8); `summary_only`: its first page alone."""
    lang = data.lang
    body = [_header(data), _summary(data)]
    if not summary_only:
        from qzdc.report.charts import chart_svg

        drawn: list[tuple[Row, ChartData, str]] = []
        empty: list[Row] = []
        for row, chart in charts(data):
            if not chart.observed:
                empty.append(row)  # nothing to draw but a frame: listed instead
                continue
            label = f"{chart.title}: {tr('chart.actual', lang)} / {tr('chart.required', lang)} / {chart.target_label}"
            drawn.append((row, chart, chart_svg(chart, lang, salt=f"qzdc-{chart.target_id}", label=label)))
        charted = {chart.target_id for _, chart, _ in drawn}
        body += [_targets(data, charted), _charts(data, drawn, empty)]
    body.append(_footer(data))
    html_lang = "zh-CN" if lang == "zh" else "en"
    page_title = f"{title(data)} · {tr('report.title', lang)}"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # Nothing may load from anywhere: styles are inline, charts are inline SVG, no script at all.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'\">\n"
        '<meta name="generator" content="qzdc">\n'
        f"<title>{e(page_title)}</title>\n<style>{_css(css_string(page_title))}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def views_html(page_title: str, sections: list[tuple[str, View]], lang: str) -> str:
    """Tables as one self-contained page, with the report's styles and the same
    guarantees (nothing loaded, every text escaped). `qzdc batch` writes its
    combined status this way; a cell styled `status.X` gets status X's colours."""
    parts = []
    for heading, view in sections:
        cells = view.display_cells()
        styles = view.styles or [{} for _ in cells]
        head = "".join(
            f'<th class="num">{e(c.header)}</th>' if c.align == "right" else f"<th>{e(c.header)}</th>"
            for c in view.columns
        )
        rows = []
        for cell, style in zip(cells, styles, strict=True):
            tds = []
            for c in view.columns:
                text = e(cell.get(c.key, ""))
                status = style.get(c.key, "").removeprefix("status.")
                if status in STATUS_COLOURS:
                    tds.append(f'<td class="status s-{e(status)}">{text}</td>')
                else:
                    tds.append(f'<td class="num">{text}</td>' if c.align == "right" else f"<td>{text}</td>")
            rows.append(f'<tr class="status-row">{"".join(tds)}</tr>')
        footer = f"<p>{e(view.footer)}</p>" if view.footer else ""
        parts.append(
            f"<section><h2>{e(heading)}</h2>"
            f'<table class="status-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
            f"{footer}</section>"
        )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'\">\n"
        '<meta name="generator" content="qzdc">\n'
        f"<title>{e(page_title)}</title>\n<style>{_css(css_string(page_title))}</style>\n</head>\n<body>\n"
        f'<header class="report-header"><h1>{e(page_title)}</h1></header>\n'
        + "\n".join(parts)
        + f"\n<footer><p>{e(tr('report.made_by', lang))}</p></footer>\n</body>\n</html>\n"
    )
