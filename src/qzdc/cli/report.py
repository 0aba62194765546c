"""`qzdc report`: the status of every target as a document to circulate.

HTML (one self-contained file with charts), an Excel workbook, a Word document
laid out as an office's report (GB/T 9704), or Markdown to paste into a
document. The inputs and filters are those of `qzdc status`, and so are the
figures. Heavy libraries (matplotlib for the charts, openpyxl for the
workbook, python-docx for Word) are imported only once the format is known.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from qzdc.cli.app import Lang, LangOption, PlanOption, app, err, handle_errors, load
from qzdc.cli.status import (
    ActualsOption,
    AsOfOption,
    CategoryOption,
    FlagOption,
    OwnerOption,
    PilotOption,
    StatusOption,
)
from qzdc.errors import UsageError
from qzdc.i18n import tr


class ReportFormat(StrEnum):
    html = "html"
    xlsx = "xlsx"
    docx = "docx"
    markdown = "markdown"


ReportFormatOption = Annotated[
    ReportFormat | None,
    typer.Option(
        "--format",
        "-f",
        show_default=False,
    ),
]
ReportOutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        show_default=False,
    ),
]


def report_format(fmt: ReportFormat | None, output: Path | None) -> str:
    """--format wins; else the -o extension; else Markdown on stdout. Checked before anything is read."""
    from qzdc.render.formats import format_from_path

    if fmt is not None:
        chosen = fmt.value
    elif output is not None:
        chosen = format_from_path(str(output)) or ""
        if chosen not in ("html", "xlsx", "docx", "markdown"):
            raise UsageError(
                tr("err.report_format_from_name", name=output.name), hint=tr("err.report_format_from_name.hint")
            )
    else:
        chosen = "markdown"
    if chosen == "xlsx" and output is None:
        raise UsageError(tr("err.workbook_needs_file"))
    if chosen == "docx" and output is None:
        raise UsageError(tr("err.word_needs_file"))
    return chosen


SummaryOption = Annotated[bool, typer.Option("--summary")]


@app.command()
@handle_errors
def report(
    plan: PlanOption = None,
    actuals: ActualsOption = None,
    as_of: AsOfOption = None,
    category: CategoryOption = None,
    pilot: PilotOption = False,
    flag: FlagOption = None,
    status_filter: StatusOption = None,
    owner: OwnerOption = None,
    fmt: ReportFormatOption = None,
    output: ReportOutputOption = None,
    summary: SummaryOption = False,
    lang: LangOption = Lang.zh,
) -> None:
    """A report to circulate: self-contained HTML with charts, an Excel workbook, a Word document, or Markdown.

    Same inputs, filters and figures as `qzdc status`.

    Examples: qzdc report -o progress.html;  qzdc report -o 进展报告.docx;  qzdc report -o progress.xlsx --lang en
    """
    from qzdc.actuals.values import parse_as_of
    from qzdc.cli.actions import read_figures
    from qzdc.report.data import ReportInput
    from qzdc.views.listing import actuals_text as actuals_words
    from qzdc.views.status import Filters, build_status, status_key

    chosen = report_format(fmt, output)
    loaded = load(plan)
    filters = Filters(
        categories=list(category or []),
        pilot=pilot,
        statuses=[status_key(s) for s in status_filter or []],
        flags=list(flag or []),
        owners=list(owner or []),
    )
    figures = read_figures(loaded, actuals)
    observed = [*loaded.observations, *figures.observations]
    status = build_status(loaded, observed, as_of=parse_as_of(as_of, loaded), filters=filters)
    words = actuals_words(figures.shown, len(figures.observations), figures.exists, lang.value, labelled=False)
    data = ReportInput(status, observed, lang=lang.value, filters=filters, actuals=words)

    payload: str | bytes
    if chosen == "html":
        from qzdc.report.html import report_html

        payload = report_html(data, summary_only=summary)
    elif chosen == "xlsx":
        from qzdc.report.xlsx import report_xlsx

        payload = report_xlsx(data, summary_only=summary)
    elif chosen == "docx":
        from qzdc.report.docx import report_docx

        payload = report_docx(data, summary_only=summary)
    else:
        from qzdc.report.markdown import report_markdown

        payload = report_markdown(data, summary_only=summary)

    if output is None:
        # UTF-8 whatever the console's code page: the HTML declares utf-8, and a
        # redirect to a file must match it.
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is not None and chosen == "html":
            sys.stdout.flush()
            buffer.write(payload.encode("utf-8") if isinstance(payload, str) else payload)
            buffer.flush()
        else:
            sys.stdout.write(payload if isinstance(payload, str) else payload.decode("utf-8"))
            sys.stdout.flush()
        return
    from qzdc.cli.output import write_output

    # as for every -o: written whole or not at all, and an unwritable path is a usage error
    write_output(output, payload.encode("utf-8") if isinstance(payload, str) else payload)
    err(tr("msg.wrote", path=output))
