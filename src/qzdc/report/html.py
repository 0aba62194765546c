"""The HTML report: one self-contained file to circulate and to print.

Everything is inline (styles and SVG charts) and the page loads nothing: no
script, no stylesheet, no font, no image from anywhere. It is read on offline
intranets, so a reference to anything outside the file would be a blank on
someone's screen; a Content-Security-Policy of `default-src 'none'` makes the
browser refuse any that might slip in.

Every piece of plan text goes through `html.escape`: a name containing
`<script>` shows as those characters. Text is drawn in the reader's own
Chinese font (`FONT_STACK`), charts included, so nothing depends on a font the
file would have to carry.
"""

from __future__ import annotations

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
    shown_statuses,
    status_counts,
    status_legend,
    targets_view,
    title,
)
from qzdc.report.data import STATUS_COLOURS as REPORT_COLOURS
from qzdc.views.status import Row, status_cells
from qzdc.views.view import View

# The report's status colours as CSS colours.
STATUS_COLOURS = {status: (f"#{fg}", f"#{bg}") for status, (fg, bg) in REPORT_COLOURS.items()}


def e(text: object) -> str:
    """Plan text made safe for HTML text and attribute values."""
    return escape(str(text), quote=True)


def _css() -> str:
    status_rules = "\n".join(
        f".s-{name} {{ color: {fg}; background: {bg}; }}" for name, (fg, bg) in STATUS_COLOURS.items()
    )
    bar_rules = "\n".join(f".bar .s-{name} {{ background: {bg}; }}" for name, (_, bg) in STATUS_COLOURS.items())
    return f"""
:root {{ color-scheme: light; }}
* {{ box-sizing: border-box; }}
html {{ font-family: {FONT_STACK}; font-size: 14px; color: #111827; background: #fff; }}
body {{ margin: 0 auto; padding: 24px 28px 40px; max-width: 1180px; line-height: 1.5; }}
h1 {{ font-size: 1.55rem; margin: 0 0 .2rem; line-height: 1.3; }}
h2 {{ font-size: 1.2rem; margin: 1.8rem 0 .7rem; padding-bottom: .25rem; border-bottom: 2px solid #1f2937; }}
h3 {{ font-size: 1rem; margin: 1.1rem 0 .5rem; }}
.subtitle {{ font-size: 1.1rem; margin: 0 0 .9rem; color: #374151; }}
dl.facts {{ display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }}
dl.facts dt {{ color: #4b5563; }}
dl.facts dd {{ margin: 0; }}
table {{ border-collapse: collapse; font-variant-numeric: tabular-nums; }}
th, td {{ padding: .28rem .5rem; border-bottom: 1px solid #e5e7eb; text-align: left; vertical-align: top; }}
thead th {{ background: #f3f4f6; border-bottom: 1px solid #9ca3af; white-space: nowrap; }}
td.num, th.num {{ text-align: right; white-space: nowrap; }}
td.zero {{ color: #9ca3af; }}
tr.group th {{ background: #fff; padding-top: .8rem; border-bottom: 1px solid #d1d5db; font-size: 1.02rem; }}
table.status-table {{ width: 100%; }}
td.status {{ white-space: nowrap; font-weight: 600; }}
.chip {{ display: inline-block; padding: 0 .45rem; border-radius: .6rem; font-weight: 600; white-space: nowrap; }}
.summary-grid {{ display: grid; grid-template-columns: minmax(240px, 1fr) 2fr; gap: 1.5rem; align-items: start; }}
.bar {{ display: flex; height: 14px; border-radius: 3px; overflow: hidden; margin: .4rem 0 .8rem; border: 1px solid #d1d5db; }}
{bar_rules}
ul.legend {{ list-style: none; padding: 0; margin: .8rem 0 0; columns: 2; column-gap: 2rem; font-size: .92rem; }}
ul.legend li {{ break-inside: avoid; margin: .15rem 0; }}
.charts {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 1rem 1.4rem; }}
figure.chart {{ margin: 0; padding: .6rem .7rem .3rem; border: 1px solid #e5e7eb; border-left-width: 5px; border-radius: 4px; }}
figure.chart figcaption {{ margin-bottom: .3rem; }}
.chart-title {{ font-weight: 600; margin-right: .4rem; }}
.chart-facts {{ display: block; color: #4b5563; font-size: .88rem; }}
svg.chart-svg {{ display: block; width: 100%; height: auto; }}
a {{ color: inherit; text-decoration-color: #9ca3af; }}
footer {{ margin-top: 2rem; padding-top: .6rem; border-top: 1px solid #e5e7eb; color: #6b7280; font-size: .85rem; }}
{status_rules}
{"".join(f"figure.chart.s-{name} {{ border-left-color: {fg if name != 'moving_away' else bg}; background: #fff; color: inherit; }}" for name, (fg, bg) in STATUS_COLOURS.items())}
@page {{ size: A4; margin: 14mm 12mm 14mm; }}
@media print {{
  html {{ font-size: 9.5pt; }}
  body {{ padding: 0; max-width: none; }}
  * {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
  section {{ break-before: page; }}
  section.summary {{ break-before: auto; }}
  h2, h3 {{ break-after: avoid; }}
  thead {{ display: table-header-group; }}
  tr {{ break-inside: avoid; }}
  tr.group {{ break-after: avoid; }}
  table, .summary-grid {{ break-inside: auto; }}
  .summary-grid {{ display: block; }}
  .summary-grid > div {{ margin-bottom: 1rem; }}
  .charts {{ display: block; }}
  figure.chart {{ break-inside: avoid; margin: 0 0 .6rem; width: 100%; }}
  svg.chart-svg {{ max-height: 68mm; }}
  a {{ text-decoration: none; }}
}}
"""


def _chip(status: str, lang: str) -> str:
    return f'<span class="chip s-{e(status)}">{e(tr(status, lang))}</span>'


def _header(data: ReportInput) -> str:
    facts = "".join(f"<dt>{e(label)}</dt><dd>{e(text)}</dd>" for label, text in header_facts(data))
    return (
        '<header class="report-header">'
        f"<h1>{e(title(data))}</h1>"
        f'<p class="subtitle">{e(tr("report.title", data.lang))}</p>'
        f'<dl class="facts">{facts}</dl>'
        "</header>"
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
        f"<h2>{e(tr('report.summary', lang))}</h2>"
        f'<div class="summary-grid"><div>{by_status}</div><div>{by_category}</div></div>'
        f"<h3>{e(tr('report.legend', lang))}</h3>"
        f'<ul class="legend">{legend}</ul>'
        "</section>"
    )


def _targets(data: ReportInput, charted: set[str]) -> str:
    lang = data.lang
    view = targets_view(data)
    cells = view.display_cells()
    columns = [c for c in view.columns if c.key != view.group_key]
    head = "".join(
        f'<th class="num">{e(c.header)}</th>' if c.align == "right" else f"<th>{e(c.header)}</th>" for c in columns
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
                if c.key == "name" and row.target.id in charted:
                    text = f'<a href="#chart-{e(row.target.id)}">{text}</a>'
                if c.key == "status":
                    tds.append(f'<td class="status s-{e(status)}">{text}</td>')
                else:
                    tds.append(f'<td class="num">{text}</td>' if c.align == "right" else f"<td>{text}</td>")
            rows.append(
                f'<tr class="status-row" data-target="{e(row.target.id)}" data-status="{e(status)}">{"".join(tds)}</tr>'
            )
        bodies.append(f"<tbody>{''.join(rows)}</tbody>")
    table = (
        f'<table class="status-table"><thead><tr>{head}</tr></thead>{"".join(bodies)}</table>'
        if cells
        else f"<p>{e(tr('report.no_targets', lang))}</p>"
    )
    return f'<section class="targets" id="targets"><h2>{e(view.title or "")}</h2>{table}</section>'


def _charts(data: ReportInput, drawn: list[tuple[Row, ChartData, str]]) -> str:
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
            if cells[name] not in ("—", "")
        )
        status = chart.status
        figures.append(
            f'<figure class="chart s-{e(status)}" id="chart-{e(chart.target_id)}" data-status="{e(status)}">'
            f'<figcaption><span class="chart-title">{e(chart.title)}</span>'
            f'{_chip(status, lang)}<span class="chart-facts">{e(facts)}</span></figcaption>'
            f"{svg}</figure>"
        )
    if figures:
        body = f'<div class="charts">{"".join(figures)}</div>'
    else:
        empty = "report.no_charts" if data.status.rows else "report.no_targets"
        body = f"<p>{e(tr(empty, lang))}</p>"
    return f'<section class="charts-section" id="charts"><h2>{e(tr("report.charts", lang))}</h2>{body}</section>'


def report_html(data: ReportInput) -> str:
    """The whole report as one HTML document (a str; write it as UTF-8)."""
    from qzdc.report.charts import chart_svg

    lang = data.lang
    drawn: list[tuple[Row, ChartData, str]] = []
    for row, chart in charts(data):
        label = f"{chart.title}: {tr('chart.actual', lang)} / {tr('chart.required', lang)} / {chart.target_label}"
        drawn.append((row, chart, chart_svg(chart, lang, salt=f"qzdc-{chart.target_id}", label=label)))
    charted = {chart.target_id for _, chart, _ in drawn}
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
        f"<title>{e(page_title)}</title>\n<style>{_css()}</style>\n</head>\n<body>\n"
        f"{_header(data)}\n{_summary(data)}\n{_targets(data, charted)}\n{_charts(data, drawn)}\n"
        f"<footer><p>{e(tr('report.made_by', lang))} · {e(tr('report.method_note', lang))}</p></footer>\n"
        "</body>\n</html>\n"
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
        f"<title>{e(page_title)}</title>\n<style>{_css()}</style>\n</head>\n<body>\n"
        f'<header class="report-header"><h1>{e(page_title)}</h1></header>\n'
        + "\n".join(parts)
        + f"\n<footer><p>{e(tr('report.made_by', lang))}</p></footer>\n</body>\n</html>\n"
    )
