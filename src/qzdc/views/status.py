"""Where every target stands: the engine's assessments joined to the plan's words.

`build_status` runs the engine over a plan and its observations (the plan's own
figures, then a user's actuals, which supersede them) and applies the filters.
`status_json` is the stable machine interface (README: "JSON interface");
`status_view` is the table, CSV and Markdown. Reports and batch runs reuse both.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from qzdc.engine.assess import assess
from qzdc.engine.series import latest_period
from qzdc.engine.verdict import SEVERITY, STATUSES, Assessment, count_statuses
from qzdc.errors import UsageError, quoted
from qzdc.i18n import listing, tr
from qzdc.plan.lookup import find_categories
from qzdc.plan.models import RATE_KINDS, Indicator, Observation, Plan, Target
from qzdc.plan.periods import Period
from qzdc.plan.words import GENERIC_COLUMNS, column
from qzdc.views.listing import category_name, indicator_name, plan_title
from qzdc.views.target_text import comparator_sign, target_text  # noqa: F401 - used by the report
from qzdc.views.view import Column, View, display, fmt_number

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Row:
    target: Target
    indicator: Indicator
    assessment: Assessment


@dataclass
class Filters:
    categories: list[str] = field(default_factory=list)  # ids or names, any language
    pilot: bool = False  # --pilot: the flag `pilot`
    statuses: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # --flag: ids of the plan's flags

    @property
    def wanted_flags(self) -> list[str]:
        return list(dict.fromkeys([*self.flags, *(["pilot"] if self.pilot else [])]))


@dataclass
class StatusReport:
    plan: Plan
    as_of: Period | None
    rows: list[Row]

    def summary(self) -> dict[str, int]:
        return count_statuses(r.assessment.status for r in self.rows)


def _word_key(word: str) -> str:
    return word.strip().casefold().replace("-", "_").replace(" ", "_")


def status_key(word: str) -> str:
    """The status a word names, in either language: 存在风险, at_risk, "at risk" → at_risk."""
    words = {_word_key(w): s for s in STATUSES for w in (s, tr(s, "zh"), tr(s, "en"))}
    found = words.get(_word_key(word))
    if found is None:
        known = listing([tr("word.with_code", word=tr(s, "zh"), code=s) for s in STATUSES])
        raise UsageError(tr("err.unknown_status", name=quoted(word)), hint=tr("err.unknown_status.hint", known=known))
    return found


def gate_status(word: str) -> str:
    """The status `--fail-on` names (进度滞后 or off_track …); only at_risk, off_track and moving_away gate."""
    try:
        found = status_key(word)
    except UsageError:
        found = None
    if found not in SEVERITY:
        known = listing([tr("word.with_code", word=tr(s, "zh"), code=s) for s in SEVERITY])
        raise UsageError(tr("err.fail_on_status", name=quoted(word)), hint=tr("err.fail_on_status.hint", known=known))
    return found


def failing(rows: list[Row], fail_on: str) -> list[Row]:
    """Rows at `fail_on` or worse (at_risk < off_track < moving_away); `fail_on` in either language."""
    level = SEVERITY[gate_status(fail_on)]
    return [r for r in rows if SEVERITY.get(r.assessment.status, 0) >= level]


def _category_ids(plan: Plan, wanted: list[str]) -> set[str]:
    ids: set[str] = set()
    for name in wanted:
        match = [c.id for c in find_categories(plan, name)]
        if not match:
            known = listing([tr("word.with_code", word=c.name, code=c.id) for c in plan.meta.categories])
            raise UsageError(
                tr("err.unknown_category", name=quoted(name)), hint=tr("err.unknown_category.hint", known=known)
            )
        ids.update(match)
    return ids


def check_flags(plan: Plan, wanted: list[str]) -> None:
    """A flag the plan does not define is a usage error: another plan's flag means nothing here."""
    known = [f.id for f in plan.meta.flags]
    for flag in wanted:
        if flag not in known:
            raise UsageError(
                tr("err.no_flag", plan=plan.meta.id, flag=quoted(flag)),
                hint=tr("err.no_flag.its", flags=listing(known)) if known else tr("err.no_flag.none"),
            )


def build_status(
    plan: Plan,
    observations: list[Observation],
    *,
    as_of: Period | None = None,
    filters: Filters | None = None,
) -> StatusReport:
    """Assess every target of `plan`, then keep the rows the filters ask for.

    `as_of` None means the latest period with data; observations after `as_of`
    are ignored.
    """
    filters = filters or Filters()
    wanted = {status_key(s) for s in filters.statuses}
    effective = as_of or latest_period(observations)
    by_indicator: dict[str, list[Observation]] = {}
    for obs in observations:
        by_indicator.setdefault(obs.indicator, []).append(obs)
    categories = _category_ids(plan, filters.categories) if filters.categories else None
    flags = filters.wanted_flags
    check_flags(plan, flags)
    order = {c.id: i for i, c in enumerate(plan.meta.categories)}
    rows: list[Row] = []
    for target in plan.targets:
        indicator = plan.indicator(target.indicator)
        if categories is not None and indicator.category not in categories:
            continue
        if any(f not in indicator.flags for f in flags):
            continue
        assessment = assess(
            target,
            by_indicator.get(indicator.id, []),
            as_of=effective,
            thresholds=plan.meta.thresholds,
            classes=indicator.classes,
            reference=by_indicator.get(target.relative_to or "", []),
        )
        if wanted and assessment.status not in wanted:
            continue
        rows.append(Row(target, indicator, assessment))
    # Annex rows first in annex order, then the body-text targets, within each category.
    rows.sort(
        key=lambda r: (order.get(r.indicator.category, 99), r.indicator.annex_no is None, r.indicator.annex_no or 0)
    )
    return StatusReport(plan, effective, rows)


# ── the JSON interface ───────────────────────────────────────────────────────


def _pct(fraction: float | None) -> float | None:
    return None if fraction is None else fraction * 100


def _pace(value: float | None, assessment: Assessment, target: Target) -> dict[str, Any] | None:
    """A pace figure with what it is: a growth rate in % or a change per year."""
    if value is None:
        return None
    if assessment.pace_unit == "rate":
        return {"value": value * 100, "type": "rate_pct"}
    return {"value": value, "type": "change_per_year"}


def json_value(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def target_json(row: Row) -> dict[str, Any]:
    """One target in the JSON interface: the plan's words, where it stands, the figures, how they were judged."""
    a = row.assessment
    return {
        **_plan_words_json(row),
        "latest": {"period": str(a.latest.period), "value": json_value(a.latest.value), "origin": a.latest.origin}
        if a.latest
        else None,
        "status": a.status,
        "final": a.final,
        **_figures_json(row),
        "method": a.method,
        "notes": list(a.notes),
        "source": row.target.source.ref,
    }


def _plan_words_json(row: Row) -> dict[str, Any]:
    """What the plan says: the indicator, the kind of target, its baseline and its target."""
    t, ind = row.target, row.indicator
    return {
        "id": t.id,
        "indicator": ind.id,
        "annex_no": ind.annex_no,
        "category": ind.category,
        "name": ind.name,
        "name_en": ind.name_en,
        "unit": ind.unit,
        "kind": t.kind,
        "direction": t.direction,
        "path": t.path,
        "comparator": t.comparator,
        "strength": t.strength,
        "pilot": ind.pilot,
        "flags": ind.flags,
        "baseline": {"year": t.baseline.year, "value": t.baseline.value} if t.baseline else None,
        "target": {"year": t.year, "value": t.value},
        "written": t.written,
        "relative_to": t.relative_to,
    }


def _figures_json(row: Row) -> dict[str, Any]:
    """The engine's figures: progress, pace, what is still required, the expected and projected values."""
    t, a = row.target, row.assessment
    rate_valued = t.kind in RATE_KINDS
    projected = a.projected
    return {
        "progress_pct": _pct(a.progress),
        "pace_ratio": a.pace_ratio,
        "required_from_baseline": _pace(a.required_from_baseline, a, t),
        "observed_pace": _pace(a.observed_pace, a, t),
        "required_now": _pace(a.required_now, a, t),
        "required_rest": None
        if a.required_rest is None
        else {"value": a.required_rest * 100, "type": "rate_pct"}
        if a.pace_unit == "rate"
        else {"value": a.required_rest, "type": "change"},
        "expected_now": a.expected_now,
        "projected": None
        if projected is None
        else {
            "value": projected * 100 if rate_valued else projected,
            "gap": (a.projected_gap or 0) * 100 if rate_valued else a.projected_gap,
            "type": "rate_pct" if rate_valued else "value",
        },
        "year_reached": a.year_reached,
    }


def status_json(report: StatusReport) -> dict[str, Any]:
    meta = report.plan.meta
    return {
        "schema_version": SCHEMA_VERSION,
        "plan": {
            "id": meta.id,
            "title": meta.title,
            "document_no": meta.document_no,
            "baseline_year": meta.baseline_year,
            "target_year": meta.target_year,
        },
        "as_of": str(report.as_of) if report.as_of else None,
        "targets": [target_json(r) for r in report.rows],
        "summary": report.summary(),
    }


# ── table, CSV and Markdown ──────────────────────────────────────────────────

CSV_COLUMNS = [
    "id", "indicator", "annex_no", "category", "name", "name_en", "unit", "kind", "direction", "comparator",
    "strength", "pilot", "baseline_year", "baseline_value", "latest_period", "latest_value", "latest_origin",
    "target_year", "target_value", "status", "final", "progress_pct", "pace_ratio", "required_now",
    "required_now_type", "expected_now", "projected", "projected_gap", "year_reached", "method", "notes", "source",
]  # fmt: skip


def csv_row(data: dict[str, Any]) -> dict[str, Any]:
    baseline, target, latest = data["baseline"] or {}, data["target"], data["latest"] or {}
    required = data["required_now"] or {}
    projected = data["projected"] or {}
    return {
        **{k: data[k] for k in ("id", "indicator", "annex_no", "category", "name", "name_en", "unit", "kind")},
        **{k: data[k] for k in ("direction", "comparator", "strength", "pilot", "status", "final")},
        **{k: data[k] for k in ("progress_pct", "pace_ratio", "source")},
        "latest_origin": latest.get("origin"),
        "notes": "; ".join(data["notes"]),
        "baseline_year": baseline.get("year"),
        "baseline_value": baseline.get("value"),
        "latest_period": latest.get("period"),
        "latest_value": latest.get("value"),
        "target_year": target["year"],
        "target_value": target["value"],
        "required_now": required.get("value"),
        "required_now_type": required.get("type"),
        "expected_now": data["expected_now"],
        "projected": projected.get("value"),
        "projected_gap": projected.get("gap"),
        "year_reached": data["year_reached"],
        "method": data["method"],
    }


def required_text(row: Row, lang: str) -> str:
    """The growth or change still required each year — or, with less than a year
    left, in all by the end of the target year: a per-year rate over one quarter
    would read as 78 % where 15.5 % is what is needed."""
    a = row.assessment
    value, suffix = a.required_now, ""
    left = row.target.year - a.latest.period.time if a.latest is not None and row.target.year else None
    if a.required_rest is not None and left is not None and 0 < left < 1:
        value, suffix = a.required_rest, "（年内）" if lang == "zh" else " (this year)"
    if value is None:
        return "—"
    if a.pace_unit == "rate":
        return f"{fmt_number(value * 100)}%{suffix}"
    unit = "pp" if row.indicator.unit == "%" else ""
    sign = "+" if value > 0 else ""
    return f"{sign}{fmt_number(value)}{unit}{suffix}"


def _latest_text(row: Row, lang: str) -> str:
    latest = row.assessment.latest
    if latest is None:
        return "—"
    value = latest.value
    if row.target.kind == "milestone":
        from qzdc.engine.held import milestone_done

        text = (
            ("完成" if lang == "zh" else "done")
            if milestone_done(value)
            else ("未完成" if lang == "zh" else "not done")
        )
    else:
        text = display(json_value(value))
    return f"{text} ({latest.period})"


def target_name(row: Row, lang: str) -> str:
    """The indicator's name, marked （力争） where the plan only strives for the target."""
    name = indicator_name(row.indicator, lang)
    if row.target.strength == "aspirational":
        name += "（力争）" if lang == "zh" else " (aspirational)"
    return name


def status_cells(row: Row, plan: Plan, lang: str) -> dict[str, str]:
    t, ind, a = row.target, row.indicator, row.assessment
    name = target_name(row, lang)
    baseline = "—"
    if t.baseline is not None:
        baseline = display(t.baseline.value)
        if t.baseline.year != plan.meta.baseline_year:
            baseline += f" ({t.baseline.year})"
    return {
        "category": category_name(plan, ind.category, lang),
        "annex_no": str(ind.annex_no) if ind.annex_no else "",
        "name": name,
        "unit": ind.unit,
        "baseline": baseline,
        "latest": _latest_text(row, lang),
        "target": target_text(t, lang, plan),
        "strength": tr(t.strength, lang),
        "required": required_text(row, lang),
        "progress": f"{fmt_number(a.progress * 100, 0)}%" if a.progress is not None else "—",
        "status": tr(a.status, lang),
    }


def summary_text(summary: dict[str, int], lang: str) -> str:
    sep = "  " if lang == "zh" else " · "
    return sep.join(f"{tr(s, lang)} {n}" for s, n in summary.items() if n)


def shows_strength(plan: Plan) -> bool:
    """A plan with anticipatory (预期性) targets has an attribute column (属性); the table shows it."""
    return any(t.strength == "anticipatory" for t in plan.targets)


def status_columns(
    lang: str, *, plan: Plan | None = None, strength: bool = False, long_targets: bool = False
) -> list[Column]:
    """The status table's columns; secondary ones drop first when the terminal is narrow.

    With `plan`, the headers are the plan's own (qzdc.plan.words); without (many plans at once), qzdc's.
    `strength`: with the attribute column (约束性/预期性/力争) after the target.
    `long_targets`: some target is written in words (保持在合理区间…), so the column may wrap.
    """

    def head(key: str) -> str:
        return column(plan, key, lang) if plan is not None else tr(GENERIC_COLUMNS[key], lang)

    columns = [
        Column("category", head("category")),
        Column("annex_no", head("number"), align="right", no_wrap=True, drop=3),
        # English names are long: below 22 cells they wrap into a column of fragments.
        Column("name", head("name"), min_width=12 if lang == "zh" else 22),
        Column("unit", head("unit"), no_wrap=True, drop=2),
        Column("baseline", head("baseline"), align="right", drop=1, no_wrap=True),
        Column("latest", tr("col.latest", lang), align="right", no_wrap=True),
        Column("target", head("target"), align="right", no_wrap=not long_targets),
        Column("required", tr("col.required", lang), align="right", no_wrap=True, drop=1),
        Column("progress", tr("col.progress", lang), align="right", no_wrap=True, drop=2),
        Column("status", tr("col.status", lang), no_wrap=True),
    ]
    if strength:
        columns.insert(7, Column("strength", head("strength"), no_wrap=True, drop=2))
    return columns


def status_view(report: StatusReport, lang: str) -> View:
    data = status_json(report)
    cells = [status_cells(r, report.plan, lang) for r in report.rows]
    long_targets = any(len(c["target"]) > 12 for c in cells)
    columns = status_columns(lang, plan=report.plan, strength=shows_strength(report.plan), long_targets=long_targets)
    as_of = str(report.as_of) if report.as_of else "—"
    title = f"{plan_title(report.plan, lang)} · {'截至' if lang == 'zh' else 'as of'} {as_of}"
    return View(
        data=data,
        columns=columns,
        rows=[csv_row(t) for t in data["targets"]],
        cells=cells,
        styles=[{"status": f"status.{r.assessment.status}"} for r in report.rows],
        title=title,
        group_key="category",
        footer=summary_text(data["summary"], lang),
        csv_columns=CSV_COLUMNS,
    )


# ── what changed since an earlier period ─────────────────────────────────────


@dataclass
class Change:
    before: Row
    after: Row


def status_changes(
    plan: Plan,
    observations: list[Observation],
    *,
    since: Period,
    as_of: Period | None = None,
    filters: Filters | None = None,
) -> tuple[Period | None, list[Change]]:
    """The targets whose status moved between `since` and `as_of` (None: the latest data)."""
    # Status filters apply to the new status, after the comparison.
    unfiltered = replace(filters or Filters(), statuses=[])
    now = build_status(plan, observations, as_of=as_of, filters=unfiltered)
    if now.as_of is not None and not since.window < now.as_of.window:
        judged = tr("err.since_not_before.as_of" if as_of else "err.since_not_before.latest", period=now.as_of)
        raise UsageError(tr("err.since_not_before", since=since, judged=judged), hint=tr("err.since_not_before.hint"))
    then = build_status(plan, observations, as_of=since, filters=unfiltered)
    before = {r.target.id: r for r in then.rows}
    changes = [
        Change(before[r.target.id], r) for r in now.rows if before[r.target.id].assessment.status != r.assessment.status
    ]
    if filters and filters.statuses:
        wanted = {status_key(s) for s in filters.statuses}
        changes = [c for c in changes if c.after.assessment.status in wanted]
    return now.as_of, changes


def _snapshot(row: Row) -> dict[str, Any]:
    a = row.assessment
    return {
        "status": a.status,
        "latest": {"period": str(a.latest.period), "value": json_value(a.latest.value)} if a.latest else None,
        "progress_pct": _pct(a.progress),
        "pace_ratio": a.pace_ratio,
        "required_now": _pace(a.required_now, a, row.target),
    }


def changes_view(plan: Plan, since: Period, as_of: Period | None, changes: list[Change], lang: str) -> View:
    zh = lang == "zh"
    data = {
        "schema_version": SCHEMA_VERSION,
        "plan": plan.meta.id,
        "since": str(since),
        "as_of": str(as_of) if as_of else None,
        "changes": [
            {"id": c.after.target.id, "indicator": c.after.indicator.id, "name": c.after.indicator.name,
             "before": _snapshot(c.before), "after": _snapshot(c.after)}
            for c in changes
        ],
    }  # fmt: skip
    rows = [
        {
            "id": c["id"],
            "name": c["name"],
            "status_before": c["before"]["status"],
            "status_after": c["after"]["status"],
            "latest_before": (c["before"]["latest"] or {}).get("value"),
            "period_before": (c["before"]["latest"] or {}).get("period"),
            "latest_after": (c["after"]["latest"] or {}).get("value"),
            "period_after": (c["after"]["latest"] or {}).get("period"),
            "pace_ratio_before": c["before"]["pace_ratio"],
            "pace_ratio_after": c["after"]["pace_ratio"],
        }
        for c in data["changes"]
    ]

    def latest(row: Row) -> str:
        return _latest_text(row, lang)

    def ratio(row: Row) -> str:
        r = row.assessment.pace_ratio
        return fmt_number(r) if r is not None else "—"

    cells = [
        {
            "name": indicator_name(c.after.indicator, lang),
            "status": f"{tr(c.before.assessment.status, lang)} → {tr(c.after.assessment.status, lang)}",
            "latest": f"{latest(c.before)} → {latest(c.after)}",
            "pace_ratio": f"{ratio(c.before)} → {ratio(c.after)}",
        }
        for c in changes
    ]
    columns = [
        Column("name", tr("col.name", lang), min_width=12),
        Column("status", tr("col.status", lang)),
        Column("latest", tr("col.latest", lang)),
        Column("pace_ratio", "速度比 R" if zh else "Pace ratio R", drop=1),
    ]
    title = f"{plan_title(plan, lang)} · {'自' if zh else 'since'} {since} {'至' if zh else 'to'} {as_of or '—'}"
    footer = f"{len(changes)} {'个目标状态变化' if zh else 'target(s) changed status'}"
    return View(
        data=data,
        columns=columns,
        rows=rows,
        cells=cells,
        styles=[{"status": f"status.{c.after.assessment.status}"} for c in changes],
        title=title,
        footer=footer,
    )
