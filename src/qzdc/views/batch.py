"""`qzdc batch`: the status of many plans at once, one target per row, the plan named on each.

Each DIR is a plan directory with its own actuals (`DIR/actuals.yaml`, if any).
Plans are read one at a time and their rows written as they are done, so that a
`jsonl` or `csv` run over ten thousand plans holds one plan in memory, not ten
thousand. A plan that fails to load is reported and the rest go on.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from qzdc.engine.verdict import STATUSES
from qzdc.errors import QzdcError
from qzdc.views.status import CSV_COLUMNS, Filters, StatusReport, build_status, csv_row, target_json

ACTUALS_FILE = "actuals.yaml"
STREAMED = ("jsonl", "csv")
FORMATS = ("table", "json", "jsonl", "csv", "markdown", "html", "xlsx")
PLAN_COLUMNS = ["plan", "plan_dir", "as_of"]


@dataclass
class PlanResult:
    directory: str
    report: StatusReport | None = None
    error: QzdcError | None = None
    observations: list[Any] = field(default_factory=list)


def read_plan(directory: str, as_of: str | None, filters: Filters) -> PlanResult:
    """One plan's status, or the error that stopped it."""
    from qzdc.actuals.store import read_actuals
    from qzdc.cli.actions import parse_as_of
    from qzdc.plan.loader import load_plan

    # Any error of this plan's — its files, its actuals, an --as-of outside its
    # years, a category it lacks — fails this plan only; the others go on.
    try:
        plan = load_plan(directory)
        observations = [*plan.observations, *read_actuals(Path(directory) / ACTUALS_FILE, plan)]
        report = build_status(plan, observations, as_of=parse_as_of(as_of, plan), filters=filters)
    except QzdcError as error:
        return PlanResult(directory, error=error)
    return PlanResult(directory, report=report, observations=observations)


def run(directories: Iterable[str], as_of: str | None, filters: Filters) -> Iterator[PlanResult]:
    for directory in directories:
        yield read_plan(directory, as_of, filters)


def records(result: PlanResult) -> Iterator[dict[str, Any]]:
    """The plan's targets as status JSON objects, each naming its plan."""
    assert result.report is not None
    plan = result.report.plan
    as_of = str(result.report.as_of) if result.report.as_of else None
    for row in result.report.rows:
        yield {"plan": plan.meta.id, "plan_dir": result.directory, "as_of": as_of, **target_json(row)}


def plan_summary(result: PlanResult) -> dict[str, Any]:
    if result.report is None:
        assert result.error is not None
        return {"dir": result.directory, "failed": True, "error": str(result.error)}
    meta = result.report.plan.meta
    return {
        "dir": result.directory,
        "failed": False,
        "id": meta.id,
        "title": meta.title,
        "title_en": meta.title_en,
        "as_of": str(result.report.as_of) if result.report.as_of else None,
        "targets": len(result.report.rows),
        "summary": result.report.summary(),
    }


class Writer:
    """Writes the combined status as plans arrive; `close` finishes what needs the whole."""

    def __init__(self, fmt: str, out: IO[str], lang: str):
        self.fmt = fmt
        self.out = out
        self.lang = lang
        self.results: list[PlanResult] = []  # kept only by the formats that need the whole
        self.plans: list[dict[str, Any]] = []
        self.totals: Counter[str] = Counter()
        if fmt == "csv":
            import csv

            self.csv = csv.writer(out, lineterminator="\r\n")
            self.csv.writerow(PLAN_COLUMNS + CSV_COLUMNS)

    def add(self, result: PlanResult) -> None:
        if self.fmt not in STREAMED:  # a stream keeps nothing per plan: memory stays flat
            self.plans.append(plan_summary(result))
        if result.report is None:
            return
        self.totals.update(r.assessment.status for r in result.report.rows)
        if self.fmt == "jsonl":
            from qzdc.render.formats import clean_floats

            for record in records(result):
                self.out.write(json.dumps(clean_floats(record), ensure_ascii=False, allow_nan=False) + "\n")
        elif self.fmt == "csv":
            from qzdc.render.formats import csv_value

            for record in records(result):
                row = {
                    "plan": record["plan"],
                    "plan_dir": record["plan_dir"],
                    "as_of": record["as_of"],
                    **csv_row(record),
                }
                self.csv.writerow([csv_value(row.get(k)) for k in PLAN_COLUMNS + CSV_COLUMNS])
        else:
            self.results.append(result)

    def summary(self) -> dict[str, int]:
        return {s: self.totals.get(s, 0) for s in STATUSES}

    def close(self) -> None:
        if self.fmt in STREAMED:
            return
        if self.fmt == "json":
            from qzdc.render.formats import to_json

            data = {
                "schema_version": 1,
                "plans": self.plans,
                "targets": [rec for result in self.results for rec in records(result)],
                "failures": [p for p in self.plans if p["failed"]],
                "summary": self.summary(),
            }
            self.out.write(to_json(data))
        elif self.fmt in ("table", "markdown"):
            from qzdc.render.formats import render

            view = summary_view(self.plans, self.summary(), self.lang) if self.fmt == "table" else targets_view(self)
            self.out.write(render(view, self.fmt, stream=self.out))

    def document(self) -> tuple[str, list[tuple[str, Any]]]:
        """The title and the (heading, view) parts of an HTML or Excel batch."""
        zh = self.lang == "zh"
        return (
            f"{len(self.plans)} {'个方案的目标进展' if zh else 'plans: status of every target'}",
            [
                ("方案汇总" if zh else "Plans", summary_view(self.plans, self.summary(), self.lang)),
                ("全部目标" if zh else "Targets", targets_view(self)),
            ],
        )


def summary_view(plans: list[dict[str, Any]], totals: dict[str, int], lang: str) -> Any:
    """One row per plan: how many targets at each status."""
    from qzdc.i18n import tr
    from qzdc.views.status import summary_text
    from qzdc.views.view import Column, View

    zh = lang == "zh"
    # The plan's id (short, as a script names it) always; its title where there is room.
    columns = [
        Column("plan", "方案" if zh else "Plan", no_wrap=True),
        Column("title", "名称" if zh else "Title", min_width=16, drop=1),
        Column("as_of", "截至" if zh else "As of", no_wrap=True),
    ]
    columns += [
        Column(s, tr(s, lang), align="right", no_wrap=True)  # every count stays, so that the row adds up
        for s in STATUSES
    ]
    rows, cells = [], []
    for p in plans:
        if p["failed"]:
            rows.append({"plan": p["dir"]})
            cells.append({"plan": Path(p["dir"]).name, "title": p["dir"], "as_of": "失败" if zh else "failed"})
            continue
        title = p["title_en"] if not zh and p["title_en"] else p["title"]
        rows.append({"plan": p["id"], "title": title, "as_of": p["as_of"], **p["summary"]})
        counts = {s: str(n) for s, n in p["summary"].items()}
        cells.append({"plan": p["id"], "title": title, "as_of": p["as_of"] or "—", **counts})
    title = f"{len(plans)} {'个方案' if zh else 'plans'}"
    return View(data=plans, columns=columns, rows=rows, cells=cells, title=title, footer=summary_text(totals, lang))


def targets_view(writer: Writer) -> Any:
    """Every target of every plan in one table, the plan first (Markdown, HTML, Excel)."""
    from qzdc.views.listing import plan_title
    from qzdc.views.status import status_cells, status_columns
    from qzdc.views.view import Column, View

    zh = writer.lang == "zh"
    rows, cells, styles = [], [], []
    columns = [Column("plan", "方案" if zh else "Plan", min_width=10), *status_columns(writer.lang)]
    for result in writer.results:
        assert result.report is not None
        plan = result.report.plan
        for row, record in zip(result.report.rows, records(result), strict=True):
            rows.append(
                {"plan": record["plan"], "plan_dir": record["plan_dir"], "as_of": record["as_of"], **csv_row(record)}
            )
            cells.append({"plan": plan_title(plan, writer.lang), **status_cells(row, plan, writer.lang)})
            styles.append({"status": f"status.{row.assessment.status}"})
    return View(
        data=None, columns=columns, rows=rows, cells=cells, styles=styles, csv_columns=PLAN_COLUMNS + CSV_COLUMNS
    )


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
    """Write the combined status of `directories` to `out`; return the plans that failed."""
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
    for n, result in enumerate(run(directories, as_of, filters), start=1):
        writer.add(result)
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
    """The combined status as an HTML page or an Excel workbook (bytes), and the plans that failed."""
    import io

    writer = Writer(fmt, io.StringIO(), lang)
    failures = _feed(writer, directories, as_of, filters, progress, failed)
    title, sections = writer.document()
    if fmt == "html":
        from qzdc.report.html import views_html

        return views_html(title, sections, lang).encode("utf-8"), failures
    from qzdc.report.xlsx import views_xlsx

    return views_xlsx(sections), failures
