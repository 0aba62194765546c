"""The report as Markdown, to paste into a document (`qzdc report`, the default format)."""

from __future__ import annotations

from qzdc.i18n import tr
from qzdc.report.data import (
    ReportInput,
    by_category_title,
    header_facts,
    method_words,
    plan_words,
    shown_statuses,
    status_legend,
    summary_views,
    targets_view,
    title,
)

# "<" before a letter, "/", "!" or "?" could open an HTML tag where the Markdown
# is rendered; "<1.7" cannot, and stays as the plan writes it.


def _md(text: str) -> str:
    from qzdc.render.formats import md_escape

    return md_escape(text)


def report_markdown(data: ReportInput, *, summary_only: bool = False) -> str:
    """Header, key points, summary and the status table, as Markdown to paste into a document;
    `summary_only`: without the table."""
    from qzdc.render.formats import to_markdown
    from qzdc.report.points import key_points

    lang = data.lang
    lines = [f"# {_md(title(data))}", "", f"**{_md(tr('report.title', lang))}**", ""]
    colon, semicolon = ("：", "；") if lang == "zh" else (": ", "; ")
    lines += [f"- {_md(label)}{colon}{_md(text)}" for label, text in header_facts(data)]
    lines.append("")
    lines += [f"## {_md(tr('report.key_points', lang))}", ""]
    for point in key_points(data):
        lines.append(f"- {_md(point.text)}")
        lines += [f"  {n}. {_md(item)}" for n, item in enumerate(point.items, start=1)]
    lines.append("")
    by_status, by_category = summary_views(data)
    lines += [f"## {_md(tr('report.summary', lang))}", ""]
    lines += [f"### {_md(tr('report.by_status', lang))}", "", to_markdown(by_status).rstrip("\n"), ""]
    lines += [
        f"### {_md(by_category_title(data))}",
        "",
        to_markdown(by_category).rstrip("\n"),
        "",
    ]
    legend = semicolon.join(
        f"{tr(s, lang)}{colon}{text}" for s, text in status_legend(data) if s in shown_statuses(data)
    )
    lines += [_md(legend), ""]
    if not summary_only:
        view = targets_view(data)
        if view.rows:
            lines += [to_markdown(view).rstrip("\n"), ""]
        else:
            lines += [f"## {_md(view.title or '')}", "", _md(tr("report.no_targets", lang)), ""]
    lines += ["---", "", _md(plan_words(data)), "", _md(method_words(data))]
    return "\n".join(lines).rstrip("\n") + "\n"
