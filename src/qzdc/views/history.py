"""Every figure an indicator has: the plan's own and each recorded revision, and which one counts.

Figures are grouped by the window of time they cover, as the engine groups them
(`qzdc.engine.series.points`): a year-to-date figure covers January to the end of its
month, quarter or half, so `2025-09` and `2025-Q3` are one window, and so are
`2025-06`, `2025-Q2` and `2025-H1`; a year's own figure is a window of its own.
Within a window the figures stand in the order they arrived: the plan's figure
first, then the actuals file's entries in file order. The last one counts; the
others are kept as history. Within a year, the year's own figure supersedes its
year-to-date figures (methodology.md, "Periods within a year").

A figure that counts for its window may still be one that status does not read:
targets are judged from the plan's baseline, so a figure for the baseline year
or before (a revised 2022 figure) feeds only the audit's level/rate check. Such
a figure is marked `baseline`, not `used`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from qzdc.i18n import unit_text
from qzdc.plan.models import Indicator, Observation, Plan, Target
from qzdc.plan.periods import Period, PeriodError, parse_period
from qzdc.views.listing import indicator_name
from qzdc.views.view import Column, View, recorded_text

# status of a figure → (zh, en)
_STATUS = {
    "used": ("采用", "used"),
    "revised": ("已被修订", "revised"),
    "superseded": ("被录入值取代", "superseded by a recorded value"),
    "year_figure": ("以全年数为准", "the year's figure counts"),
    "baseline": (
        "基期及以前：不用于进度判断（以方案基期值为准）",
        "at or before the baseline: not used for status (the plan's baseline counts)",
    ),
}
_ORIGIN = {"plan": ("方案", "plan"), "actuals": ("录入", "recorded")}
_HEADERS = {
    "period": ("期间", "Period"),
    "revision": ("次", "#"),
    "value": ("数值", "Value"),
    "origin": ("出处", "From"),
    "source": ("来源", "Source"),
    "recorded_at": ("录入时间", "Recorded at"),
    "status": ("状态", "Status"),
    "note": ("备注", "Note"),
}


def _word(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    zh, en = table[key]
    return zh if lang == "zh" else en


def _raw(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _window(period: Period) -> tuple[int, int, bool]:
    """What a figure covers: its year, the month it runs to from January, and whether it is the year's own.

    2025-09 and 2025-Q3 share a window. A year-to-date figure ending in December
    (2025-12, 2025-Q4, 2025-H2) is not the year's own figure, which supersedes it
    whenever it arrived; the year's window sorts after all of its year's others.
    """
    return (period.year, period.end_month, period.is_year)


def first_year_judged(target: Target) -> int | None:
    """The first year whose figures the target's status reads (`qzdc.engine`), or None: every year.

    An average growth rate and a cumulative sum run over the target's period from
    its start year; a level, a share, a maintained value or a class is judged from
    the plan's baseline, by figures after the baseline year. A milestone, and a
    target without a baseline (whose earliest figure stands in for one), read all.
    """
    if target.kind in ("average_growth", "cumulative", "cumulative_reduction"):
        return target.start_year
    if target.kind == "milestone" or target.baseline is None:
        return None
    return target.baseline.year + 1


def status_word(status: str, lang: str) -> str:
    """A figure's status as `history` and `show` both say it (docs/actuals.md): 采用, 已被修订, 被录入值取代 …"""
    return _word(_STATUS, status, lang)


def figure_statuses(
    indicator: Indicator, observations: Iterable[Observation], targets: Iterable[Target] = ()
) -> list[tuple[Period, int, Observation, str]]:
    """(period, revision, figure, status) for the indicator's figures by window, revisions in arrival order.

    `targets` are the indicator's targets (with the plan's defaults resolved): a figure
    from before the first year every one of them reads is marked `baseline`.
    """
    firsts = [first_year_judged(t) for t in targets]
    years = [year for year in firsts if year is not None]
    # Status leaves a figure aside only when no target reads it (None: a target reads every year).
    judged_from = min(years) if firsts and len(years) == len(firsts) else None
    by_window: dict[tuple[int, int, bool], list[tuple[Period, Observation]]] = {}
    for obs in observations:
        if obs.indicator != indicator.id:
            continue
        try:
            period = parse_period(obs.period)
        except PeriodError:
            continue
        by_window.setdefault(_window(period), []).append((period, obs))
    years_with_figure = {year for year, _, is_year in by_window if is_year}
    found: list[tuple[Period, int, Observation, str]] = []
    for window in sorted(by_window):
        figures = by_window[window]
        user_figures = [o for _, o in figures if o.origin == "actuals"]
        for n, (period, obs) in enumerate(figures, start=1):
            last = n == len(figures)
            if not last:
                status = "superseded" if obs.origin == "plan" and user_figures else "revised"
            elif not period.is_year and period.year in years_with_figure:
                status = "year_figure"
            elif judged_from is not None and period.year < judged_from:
                status = "baseline"
            else:
                status = "used"
            found.append((period, n, obs, status))
    return found


def history_records(
    indicator: Indicator, observations: Iterable[Observation], targets: Iterable[Target] = ()
) -> list[dict[str, Any]]:
    """The indicator's figures by window, revisions in arrival order, each saying whether it counts
    (`figure_statuses`)."""
    records: list[dict[str, Any]] = []
    for period, n, obs, status in figure_statuses(indicator, observations, targets):
        records.append(
            {
                "period": str(period),
                "revision": n,
                "value": _raw(obs.value),
                "origin": obs.origin,
                "source": obs.source.ref if obs.source else None,
                "recorded_at": obs.recorded_at,
                "counts": status == "used",
                "status": status,
                "note": obs.note,
            }
        )
    return records


def history_view(plan: Plan, indicator: Indicator, observations: Iterable[Observation], lang: str) -> View:
    """`qzdc history`: one row per figure; JSON carries the indicator and the same rows."""
    targets = [t for t in plan.targets_by_id.values() if t.indicator == indicator.id]
    records = history_records(indicator, observations, targets)
    cells = [
        {
            "period": r["period"],
            "revision": str(r["revision"]),
            "value": recorded_text(r["value"], lang),
            "origin": _word(_ORIGIN, r["origin"], lang),
            "source": r["source"] or "",
            "recorded_at": (r["recorded_at"] or "").replace("T", " "),
            "status": _word(_STATUS, r["status"], lang),  # the counting one in green (styles)
            "note": r["note"] or "",
        }
        for r in records
    ]
    styles = [{"status": "status.on_track" if r["counts"] else "dim"} for r in records]
    columns = [
        Column("period", _word(_HEADERS, "period", lang), no_wrap=True),
        Column("revision", _word(_HEADERS, "revision", lang), align="right", drop=2),
        Column("value", _word(_HEADERS, "value", lang), align="right", no_wrap=True),
        Column("origin", _word(_HEADERS, "origin", lang), no_wrap=True),
        Column("status", _word(_HEADERS, "status", lang)),
        Column("source", _word(_HEADERS, "source", lang), drop=1),
        Column("recorded_at", _word(_HEADERS, "recorded_at", lang), drop=1),
        Column("note", _word(_HEADERS, "note", lang), drop=3),
    ]
    name = indicator_name(indicator, lang)
    unit = f", {unit_text(indicator.unit, lang)}" if indicator.unit else ""
    title = f"{name} ({indicator.id}{unit}) — " + ("历史数据" if lang == "zh" else "history")
    used = sum(1 for r in records if r["counts"])
    footer = f"{len(records)} 条数据，{used} 条采用" if lang == "zh" else f"{len(records)} figure(s), {used} used"
    data = {
        "schema_version": 1,
        "indicator": {"id": indicator.id, "annex_no": indicator.annex_no, "name": indicator.name,
                      "name_en": indicator.name_en, "unit": indicator.unit},
        "entries": records,
    }  # fmt: skip
    return View(
        data=data,
        columns=columns,
        rows=records,
        cells=cells,
        styles=styles,
        title=title,
        footer=footer,
        csv_columns=["period", "revision", "value", "origin", "source", "recorded_at", "counts", "status", "note"],
        csv_words={"status": {k: _word(_STATUS, k, lang) for k in _STATUS}},
        lang=lang,
    )
