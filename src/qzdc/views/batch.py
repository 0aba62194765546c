"""`qzdc batch`: the status of many plans at once, one target per row, the plan named on each.

This module reads each plan and builds the rows and views; `qzdc.report.batch`
writes them as they come.

Each DIR is a plan directory with its own actuals (`DIR/actuals.yaml`, if any).
Plans are read one at a time and their rows written as they are done, so that a
`jsonl` or `csv` run over ten thousand plans holds one plan in memory, not ten
thousand. A plan that fails to load is reported and the rest go on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qzdc.errors import QzdcError
from qzdc.views.status import Filters, StatusReport, build_status, csv_columns, csv_row, target_json

ACTUALS_FILE = "actuals.yaml"
PLAN_COLUMNS = ["plan", "plan_dir", "as_of"]
# Plans differ in their years: each row's year-by-year actuals are one `actuals` column.
BATCH_COLUMNS = PLAN_COLUMNS + csv_columns(None)


@dataclass
class PlanResult:
    directory: str
    report: StatusReport | None = None
    error: QzdcError | None = None
    observations: list[Any] = field(default_factory=list)


def read_plan(directory: str, as_of: str | None, filters: Filters) -> PlanResult:
    """One plan's status, or the error that stopped it."""
    from qzdc.actuals.store import read_actuals
    from qzdc.actuals.values import parse_as_of
    from qzdc.plan.loader import load_plan

    # Any error of this plan's — its files, its actuals, an --as-of outside its
    # years, a category it lacks — fails this plan only; the others go on.
    try:
        plan = load_plan(directory)
        observations = [*plan.observations, *read_actuals(Path(directory) / ACTUALS_FILE, plan)]
        report = build_status(plan, observations, as_of=parse_as_of(as_of, plan), filters=filters)
    except QzdcError as error:
        return PlanResult(directory, error=error)
    except Exception as error:  # a bug met on this plan's data fails this plan, not the run
        return crashed(directory, error)
    return PlanResult(directory, report=report, observations=observations)


def crashed(directory: str, error: Exception) -> PlanResult:
    """A plan on which qzdc itself failed (a bug, or memory), reported as a failed plan like any other."""
    from qzdc.errors import DataError, quoted
    from qzdc.i18n import tr

    what = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return PlanResult(
        directory,
        error=DataError(tr("err.crashed_on_plan", what=quoted(what, 120)[1:-1]), hint=tr("err.crashed_on_plan.hint")),
    )


def run(directories: Iterable[str], as_of: str | None, filters: Filters) -> Iterator[PlanResult]:
    for directory in directories:
        yield read_plan(directory, as_of, filters)


def records(result: PlanResult) -> Iterator[dict[str, Any]]:
    """The plan's targets as status JSON objects, each naming its plan."""
    assert result.report is not None
    plan = result.report.plan
    as_of = str(result.report.stated) if result.report.stated else None
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
        "as_of": str(result.report.stated) if result.report.stated else None,
        "targets": len(result.report.rows),
        "summary": result.report.summary(),
        "stale": result.report.stale(),
    }


_PLACE_ZH = r"([\u4e00-\u9fff]{1,6}?(?:镇|乡|街道))"
_PLACE_EN = r"^([A-Z][\w'-]* (?:town|township|subdistrict))\b"


def short_title(title: str, title_en: str | None, plan_id: str, lang: str) -> str:
    """A plan named as people name it beside others: its town (万古镇, Wangu town), else its id.

    A town's plan title names its district first (大足区万古镇…): the town is the
    last place before the plan's own words.
    """
    import re

    if lang == "zh" or not title_en:
        head = re.split(r"[“「\"（(]", title, maxsplit=1)[0]
        places = re.findall(_PLACE_ZH, re.sub(r"^.*?[省市区县](?=.)", "", head) or head)
        if places:
            return places[-1]
    else:
        found = re.match(_PLACE_EN, title_en)
        if found:
            return found.group(1)
    return plan_id


def summary_view(plans: list[dict[str, Any]], totals: dict[str, int], lang: str) -> Any:
    """One row per plan: how many targets at each status.

    Each plan by its short name (万古镇); the counts under short, distinct status
    words (正常, 风险, 滞后 …), so that no header breaks into two that read alike;
    the plan's full title last, whole, where there is room for it.
    """
    from qzdc.i18n import tr
    from qzdc.views.status import summary_text
    from qzdc.views.view import Column, View

    zh = lang == "zh"
    columns = [
        Column("plan", "方案" if zh else "Plan", no_wrap=True),
        Column("as_of", "截至" if zh else "As of", no_wrap=True),
    ]
    columns += [
        Column(s, tr(f"short.{s}", lang), align="right", no_wrap=True)  # every count stays, so that the row adds up
        for s in totals
    ]
    columns.append(Column("title", "名称" if zh else "Title", no_wrap=True, drop=1))
    rows, cells = [], []
    for p in plans:
        if p["failed"]:
            rows.append({"plan": p["dir"]})
            cells.append({"plan": Path(p["dir"]).name, "title": p["dir"], "as_of": "失败" if zh else "failed"})
            continue
        title = p["title_en"] if not zh and p["title_en"] else p["title"]
        rows.append({"plan": p["id"], "title": title, "as_of": p["as_of"], **p["summary"]})
        counts = {s: str(n) for s, n in p["summary"].items()}
        short = short_title(p["title"], p["title_en"], p["id"], lang)
        cells.append({"plan": short, "title": title, "as_of": p["as_of"] or "—", **counts})
    title = f"{len(plans)} {'个方案' if zh else 'plans'}"
    return View(
        data=plans, columns=columns, rows=rows, cells=cells, title=title, footer=summary_text(totals, lang), lang=lang
    )


def targets_view(results: list[PlanResult], lang: str) -> Any:
    """Every target of every plan in one table, the plan first (Markdown, HTML, Excel)."""
    from qzdc.views.listing import plan_title
    from qzdc.views.status import people_cells, status_cells, status_columns
    from qzdc.views.view import Column, View

    zh = lang == "zh"
    rows, cells, styles, people = [], [], [], []
    columns = [Column("plan", "方案" if zh else "Plan", min_width=10), *status_columns(lang)]
    for result in results:
        assert result.report is not None
        plan = result.report.plan
        for row, record in zip(result.report.rows, records(result), strict=True):
            rows.append(
                {"plan": record["plan"], "plan_dir": record["plan_dir"], "as_of": record["as_of"], **csv_row(record)}
            )
            cells.append({"plan": plan_title(plan, lang), **status_cells(row, plan, lang)})
            styles.append({"status": f"status.{row.assessment.status}"})
            people.append(people_cells(row, lang))
    return View(
        data=None, columns=columns, rows=rows, cells=cells, styles=styles, csv_columns=BATCH_COLUMNS,
        people_cells=people, lang=lang,
    )  # fmt: skip
