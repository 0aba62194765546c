"""`qzdc batch` output: the combined status written as plans arrive, or as one HTML or Excel document.

Plans are read one at a time (`qzdc.views.batch`) and their rows written as
they are done, so that a `jsonl` or `csv` run over ten thousand plans holds one
plan in memory, not ten thousand.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any

from qzdc.engine.verdict import count_statuses
from qzdc.i18n import tr
from qzdc.views.batch import (
    BATCH_COLUMNS,
    PlanResult,
    crashed,
    plan_summary,
    records,
    run,
    summary_view,
    targets_view,
)
from qzdc.views.status import SCHEMA_VERSION, Filters, csv_row, people_cells

STREAMED = ("jsonl", "csv", "csv_raw")
FORMATS = ("table", "json", "jsonl", "csv", "markdown", "html", "xlsx")


@dataclass
class _Part:
    """What one plan adds to the output, made in full before any of it is written."""

    statuses: list[str] = field(default_factory=list)
    summary: dict[str, Any] | None = None
    lines: str = ""  # jsonl
    rows: list[list[Any]] = field(default_factory=list)  # csv
    records: list[dict[str, Any]] = field(default_factory=list)  # json
    view: Any = None  # markdown, html, xlsx: the plan's rows of the targets table


class Writer:
    """Writes the combined status as plans arrive; `close` finishes what needs the whole."""

    def __init__(self, fmt: str, out: IO[Any], lang: str):
        self.fmt = fmt
        self.out = out  # text; for a workbook, bytes
        self.lang = lang
        self.plans: list[dict[str, Any]] = []
        self.records: list[dict[str, Any]] = []  # json
        self.targets = targets_view([], lang) if fmt in ("markdown", "html", "xlsx") else None
        self.totals: Counter[str] = Counter()
        if fmt == "xlsx":
            # A workbook streams too: each plan's rows go to a write-only sheet as it is read.
            from qzdc.report.xlsx import StreamedSheet, streamed_workbook

            _, sections = self.document()
            self.book = streamed_workbook()
            self.sheets = [StreamedSheet(self.book, heading, _keys(view)) for heading, view in sections]
            self.targets = None  # the rows are in the sheet, not held here

        if fmt in ("csv", "csv_raw"):
            import csv

            from qzdc.render.formats import people_headers, people_keys

            # the people's CSV (--format csv) in the run's words; the machine's (--raw) the stable keys
            self.columns = BATCH_COLUMNS if fmt == "csv_raw" else people_keys(BATCH_COLUMNS, lang)
            self.csv = csv.writer(out, lineterminator="\r\n")
            self.csv.writerow(self.columns if fmt == "csv_raw" else people_headers(self.columns, lang))

    def add(self, result: PlanResult) -> PlanResult:
        """Write one plan's rows; a plan that qzdc fails on is written as a failed plan. Returns what was written."""
        try:
            part = self._part(result)
        except Exception as error:  # this plan's figures broke qzdc: that plan fails, the run goes on
            result = crashed(result.directory, error)
            part = self._part(result)
        if self.fmt not in STREAMED:  # a stream keeps nothing per plan: memory stays flat
            assert part.summary is not None
            self.plans.append(part.summary)
        self.totals.update(part.statuses)
        if self.fmt == "jsonl":
            self.out.write(part.lines)
        elif self.fmt in ("csv", "csv_raw"):
            self.csv.writerows(part.rows)
        elif self.fmt == "xlsx" and part.view is not None:
            for row in part.view.rows:
                self.sheets[1].add(row)
        elif self.fmt == "json":
            self.records += part.records
        elif self.targets is not None and part.view is not None:
            for name in ("rows", "cells", "styles"):
                getattr(self.targets, name).extend(getattr(part.view, name))
        return result

    def _part(self, result: PlanResult) -> _Part:
        part = _Part()
        if self.fmt not in STREAMED:
            part.summary = plan_summary(result)
        if result.report is None:
            return part
        part.statuses = [r.assessment.status for r in result.report.rows]
        if self.fmt == "jsonl":
            from qzdc.render.formats import json_line

            part.lines = "".join(json_line(record, self.out) for record in records(result))
        elif self.fmt in ("csv", "csv_raw"):
            from qzdc.render.formats import csv_text, csv_value, people_value
            from qzdc.views.listing import category_name

            plan = result.report.plan
            words = {"category": {c.id: category_name(plan, c.id, self.lang) for c in plan.meta.categories}}
            for target, record in zip(result.report.rows, records(result), strict=True):
                row = {"plan": record["plan"], "plan_dir": record["plan_dir"], "as_of": record["as_of"]}
                row.update(csv_row(record))
                if self.fmt == "csv_raw":
                    part.rows.append([csv_value(row.get(k)) for k in self.columns])
                else:
                    own = people_cells(target, self.lang)  # the table's 尚需/年 where it is the rest of the year's
                    part.rows.append(
                        [
                            csv_text(own[k]) if k in own else people_value(k, row.get(k), row, words, self.lang)
                            for k in self.columns
                        ]
                    )
        elif self.fmt == "json":
            from qzdc.render.formats import clean_floats

            part.records = [clean_floats(record) for record in records(result)]
        elif self.targets is not None or self.fmt == "xlsx":
            part.view = targets_view([result], self.lang)
        return part

    def summary(self) -> dict[str, int]:
        return count_statuses(self.totals.elements())

    def close(self) -> None:
        if self.fmt in STREAMED:
            return
        if self.fmt == "xlsx":
            plans, targets = self.sheets
            for row in summary_view(self.plans, self.summary(), self.lang).rows:
                plans.add(row)
            plans.close()
            targets.close()
            self.book.save(self.out)
        if self.fmt == "json":
            from qzdc.render.formats import to_json

            data = {
                "schema_version": SCHEMA_VERSION,
                "plans": self.plans,
                "targets": self.records,
                "failures": [p for p in self.plans if p["failed"]],
                "summary": self.summary(),
            }
            self.out.write(to_json(data, stream=self.out))
        elif self.fmt in ("table", "markdown"):
            from qzdc.render.formats import render

            view = summary_view(self.plans, self.summary(), self.lang) if self.fmt == "table" else self.targets
            self.out.write(render(view, self.fmt, stream=self.out))

    def document(self) -> tuple[str, list[tuple[str, Any]]]:
        """The title and the (heading, view) parts of an HTML or Excel batch."""
        lang = self.lang
        return (
            tr("batch.title", lang, count=len(self.plans)),
            [
                (tr("batch.plans", lang), summary_view(self.plans, self.summary(), lang)),
                (tr("batch.targets", lang), self.targets),
            ],
        )


def _keys(view: Any) -> list[str]:
    return view.csv_columns or [c.key for c in view.columns if not c.display_only]


def batch(
    directories: list[str],
    *,
    fmt: str,
    out: IO[str],
    lang: str,
    as_of: str | None,
    filters: Filters,
    progress: Callable[[int], None] | None = None,
    failed: Callable[[PlanResult], None] | None = None,
) -> list[PlanResult]:
    """Write the combined status of `directories` to `out` (binary for xlsx); return the plans that failed."""
    writer = Writer(fmt, out, lang)
    failures = _feed(writer, directories, as_of, filters, progress, failed)
    writer.close()
    return failures


def _feed(
    writer: Writer,
    directories: list[str],
    as_of: str | None,
    filters: Filters,
    progress: Callable[[int], None] | None,
    failed: Callable[[PlanResult], None] | None,
) -> list[PlanResult]:
    """Read each plan into `writer`, reporting progress and failures as they come."""
    failures = []
    for n, read in enumerate(run(directories, as_of, filters), start=1):
        result = writer.add(read)
        if result.error is not None:
            failures.append(result)
            if failed is not None:
                failed(result)
        if progress is not None:
            progress(n)
    return failures


def batch_document(
    directories: list[str],
    *,
    fmt: str,
    lang: str,
    as_of: str | None,
    filters: Filters,
    progress: Callable[[int], None] | None = None,
    failed: Callable[[PlanResult], None] | None = None,
) -> tuple[bytes, list[PlanResult]]:
    """The combined status as an HTML page (bytes), and the plans that failed."""
    import io

    writer = Writer(fmt, io.StringIO(), lang)
    failures = _feed(writer, directories, as_of, filters, progress, failed)
    title, sections = writer.document()
    from qzdc.report.html import views_html

    return views_html(title, sections, lang).encode("utf-8"), failures
