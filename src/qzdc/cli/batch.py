"""`qzdc batch DIR...`: the status of many plans in one table, file or stream."""

from __future__ import annotations

import io
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from qzdc.cli.app import Lang, LangOption, RawOption, app, handle_errors
from qzdc.cli.output import err, report_problems
from qzdc.cli.status import AsOfOption, CategoryOption, FlagOption, OwnerOption, PilotOption, StatusOption
from qzdc.errors import DataError, UsageError
from qzdc.i18n import tr


class BatchFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"


def _format(fmt: BatchFormat | None, output: Path | None) -> str:
    from qzdc.render.formats import format_from_path

    if fmt is not None:
        return fmt.value
    if output is None:
        return "table"
    chosen = format_from_path(str(output))
    if chosen is None:
        raise UsageError(tr("err.format_from_name", name=output.name), hint=tr("err.batch_format_from_name.hint"))
    return chosen


@app.command()
@handle_errors
def batch(
    directories: Annotated[list[str], typer.Argument()],
    as_of: AsOfOption = None,
    category: CategoryOption = None,
    pilot: PilotOption = False,
    flag: FlagOption = None,
    status_filter: StatusOption = None,
    owner: OwnerOption = None,
    fmt: Annotated[
        BatchFormat | None,
        typer.Option(
            "--format",
            "-f",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", show_default=False),
    ] = None,
    raw: RawOption = False,
    lang: LangOption = Lang.zh,
) -> None:
    """The status of many plans at once, the plan named on every row; failed plans are listed and the rest go on.

    Example: qzdc batch towns/* --format jsonl -o all.jsonl
    """
    from qzdc.report.batch import batch as run_batch
    from qzdc.views.status import Filters, status_key

    chosen = _format(fmt, output)
    if raw:
        if chosen != "csv":
            raise UsageError(tr("err.raw_is_csv"))
        chosen = "csv_raw"
    if chosen in ("html", "xlsx") and output is None:
        raise UsageError(tr("err.needs_output", format=chosen))
    # checked once here: a word no plan could match must not fail every plan in turn
    filters = Filters(
        categories=list(category or []),
        pilot=pilot,
        statuses=[status_key(s) for s in status_filter or []],
        flags=list(flag or []),
        owners=list(owner or []),
    )

    def failed(result: Any) -> None:
        error = result.error
        if error.problems:
            report_problems(error.problems)
        err(tr("msg.batch_failed_plan", directory=result.directory, message=error))

    if output is not None:
        _protect(directories, output)

    from qzdc.fsutil import unrecorded
    from qzdc.render.terminal import progress_bar

    with unrecorded(), progress_bar(len(directories), sys.stderr, "qzdc batch") as progress:
        if chosen == "html":
            from qzdc.cli.output import write_output
            from qzdc.report.batch import batch_document

            data, failures = batch_document(
                directories, fmt=chosen, lang=lang.value, as_of=as_of, filters=filters, progress=progress, failed=failed
            )
            assert output is not None
            if len(failures) < len(directories):  # a file of nothing but failures helps no one
                write_output(output, data)
                err(tr("msg.wrote", path=output))
        elif output is None:
            failures = run_batch(
                directories,
                fmt=chosen,
                out=sys.stdout,
                lang=lang.value,
                as_of=as_of,
                filters=filters,
                progress=progress,
                failed=failed,
            )
        else:
            from qzdc.fsutil import atomic_writer

            try:
                with atomic_writer(output) as raw:
                    # BOM: Excel on a Chinese-locale Windows reads UTF-8 CSV only with one. A
                    # workbook is written as bytes, its rows kept in openpyxl's temporary files.
                    out: Any = (
                        raw
                        if chosen == "xlsx"
                        else io.TextIOWrapper(
                            raw, encoding="utf-8-sig" if chosen in ("csv", "csv_raw") else "utf-8", newline=""
                        )
                    )
                    failures = run_batch(
                        directories,
                        fmt=chosen,
                        out=out,
                        lang=lang.value,
                        as_of=as_of,
                        filters=filters,
                        progress=progress,
                        failed=failed,
                    )
                    out.flush()
                    if chosen != "xlsx":
                        out.detach()
                    if len(failures) == len(directories):
                        raise _NothingToWrite  # leaves no file behind
            except _NothingToWrite:
                pass
            except DataError as error:
                # as for every -o: a path that cannot be written is a usage error
                raise UsageError(tr("err.output", message=error.message), hint=error.hint) from None
            else:
                err(tr("msg.wrote", path=output))
    if failures:
        names = ", ".join(f.directory for f in failures)
        raise DataError(tr("err.batch_failed", failed=len(failures), total=len(directories), names=names))


def _protect(directories: list[str], output: Path) -> None:
    """Every plan's files and actuals are inputs: no `-o` may replace one. Checked by directory, before
    any is read, so that memory does not grow with every plan (a path recorded for each of five files
    of 10,000 plans was half of such a run's growth)."""
    from qzdc.cli.output import protect_inputs
    from qzdc.fsutil import refuse_plan_file_as_output
    from qzdc.plan.loader import FILES
    from qzdc.views.batch import ACTUALS_FILE

    try:
        refuse_plan_file_as_output(output, directories, [*(spec[0] for spec in FILES.values()), ACTUALS_FILE])
    except DataError as error:
        raise UsageError(tr("err.output", message=error.message), hint=error.hint) from None
    protect_inputs()  # $QZDC_ACTUALS and ./actuals.yaml


class _NothingToWrite(Exception):
    """Every plan failed: the output file is not written."""
