"""Where every target stands: the engine's assessments joined to the plan's words.

`build_status` runs the engine over a plan and its observations (the plan's own
figures, then a user's actuals, which supersede them) and applies the filters.
`status_json` is the stable machine interface (README: "JSON interface");
`status_view` is the table, CSV and Markdown. Reports and batch runs reuse both.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from qzdc.engine.assess import assess, is_stale, rate_link
from qzdc.engine.series import Point, latest_period
from qzdc.engine.verdict import SEVERITY, STATUSES, Assessment, count_statuses, printed
from qzdc.errors import UsageError, quoted
from qzdc.i18n import amount, listing, tr, unit_text
from qzdc.plan.lookup import find_categories
from qzdc.plan.models import RATE_KINDS, Indicator, Observation, Plan, Target
from qzdc.plan.periods import Period
from qzdc.plan.words import GENERIC_COLUMNS, column
from qzdc.views.listing import category_name, indicator_name, join, pilot_header, plan_title
from qzdc.views.owners import Owners, resolve_department, target_owners
from qzdc.views.target_text import comparator_sign, target_text  # noqa: F401 - used by the report
from qzdc.views.view import Column, View, display, fmt_number

# 2: a cumulative target's latest value is its running total (the year's own flow
# moved to latest.flow); new fields for the progress table.
# 3: `as_of` is the as-of the output states, which stale figures are judged against; a
# cumulative target's `expected_now` to date is what is due of this year's flow (`expected_of`
# says what it is set against); `held`. Every gap keeps its sign (README, "The signs of gaps").
# 4: `figures_end.others` also names closed verdicts (a figure for the target year) ending in another window.
SCHEMA_VERSION = 4


@dataclass(frozen=True)
class Row:
    target: Target
    indicator: Indicator
    assessment: Assessment
    owners: Owners = field(default_factory=Owners)
    years: tuple[int, ...] = ()  # the plan period's years: one actual per year


@dataclass
class Filters:
    categories: list[str] = field(default_factory=list)  # ids or names, any language
    pilot: bool = False  # --pilot: the flag `pilot`
    statuses: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # --flag: ids of the plan's flags
    owners: list[str] = field(default_factory=list)  # departments: the targets they lead or support

    @property
    def wanted_flags(self) -> list[str]:
        return list(dict.fromkeys([*self.flags, *(["pilot"] if self.pilot else [])]))


@dataclass
class StatusReport:
    plan: Plan
    as_of: Period | None  # the figures used end here: --as-of, else the latest period with any data
    rows: list[Row]
    # The as-of period the output states (截至…) and judges stale figures against:
    # --as-of, else the period most current figures end in (`stated_as_of`).
    stated: Period | None = None

    def summary(self) -> dict[str, int]:
        return count_statuses(r.assessment.status for r in self.rows)

    def stale(self) -> int:
        """Targets whose status rests on a figure older than the year before the as-of year."""
        return sum(1 for r in self.rows if r.assessment.stale)


def plan_years(plan: Plan) -> tuple[int, ...]:
    """The years of the plan period (2023, 2024, 2025): the progress table's year columns."""
    return tuple(range(plan.meta.period.start, plan.meta.period.end + 1))


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
    owners = target_owners(plan)
    departments = {resolve_department(plan, name) for name in filters.owners}
    years = plan_years(plan)
    order = {c.id: i for i, c in enumerate(plan.meta.categories)}
    rows: list[Row] = []
    for target in plan.targets:
        indicator = plan.indicator(target.indicator)
        assessment = assess(
            target,
            by_indicator.get(indicator.id, []),
            as_of=effective,
            thresholds=plan.meta.thresholds,
            classes=indicator.classes,
            reference=by_indicator.get(target.relative_to or "", []),
            rate=rate_link(plan, target, observations),
        )
        rows.append(Row(target, indicator, assessment, owners.get(target.id, Owners()), years))
    # The as-of the output states is the whole plan's, whatever the filters keep: a target is
    # stale or current in every view of the plan alike.
    stated = as_of or stated_as_of(rows) or effective
    if stated != effective:
        # Stale is judged against the as-of the output states: a report as of 2024 counts a 2023 figure current.
        rows = [replace(r, assessment=replace(r.assessment, stale=is_stale(r.assessment, stated))) for r in rows]

    def kept(row: Row) -> bool:
        if categories is not None and row.indicator.category not in categories:
            return False
        if any(f not in row.indicator.flags for f in flags):
            return False
        if departments and not departments & {*row.owners.lead, *row.owners.support}:
            return False
        return not wanted or row.assessment.status in wanted

    rows = [r for r in rows if kept(r)]
    # Annex rows first in annex order, then the body-text targets, within each category.
    rows.sort(
        key=lambda r: (order.get(r.indicator.category, 99), r.indicator.annex_no is None, r.indicator.annex_no or 0)
    )
    return StatusReport(plan, effective, rows, stated)


def stated_as_of(rows: list[Row]) -> Period | None:
    """The period most targets' current figures end in (a tie goes to the later period): what a
    run without --as-of says it is as of. Figures stale at the latest period with data and
    closed verdicts do not count; None when no target has such a figure."""
    # 2025-09 and 2025-Q3 are one window: they count together, as the period most of them name.
    by_window: dict[tuple[int, int], list[Period]] = {}
    for r in rows:
        a = r.assessment
        if a.latest is not None and not a.stale and not a.final:
            by_window.setdefault(a.latest.period.window, []).append(a.latest.period)
    if not by_window:
        return None
    periods = max(by_window.values(), key=lambda ps: (len(ps), ps[0].sort_key()))
    return max(set(periods), key=lambda p: (periods.count(p), p.sort_key()))


# ── the JSON interface ───────────────────────────────────────────────────────


def _pct(fraction: float | None) -> float | None:
    return None if fraction is None else fraction * 100


def _pace(value: float | None, assessment: Assessment, target: Target) -> dict[str, Any] | None:
    """A pace figure with what it is: a growth rate in %, a change per year, or (maintain) a change."""
    if value is None:
        return None
    if assessment.pace_unit == "rate":
        return {"value": value * 100, "type": "rate_pct"}
    if assessment.pace_unit == "level":
        return {"value": value, "type": "change"}
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
        "latest": latest_json(row),
        "actuals": {str(y): actual(row, y) for y in row.years},
        "status": a.status,
        "final": a.final,
        "stale": a.stale,
        "rests_on": a.latest.period.year if a.latest else None,
        **_figures_json(row),
        "owners": row.owners.json(),
        "method": a.method,
        "notes": list(a.notes),
        "source": row.target.source.ref,
    }


def latest_json(row: Row) -> dict[str, Any] | None:
    """The latest value as the target reads it: a cumulative target's is its running total, beside its own flow."""
    a = row.assessment
    if a.latest is None:
        return None
    cumulative = row.target.kind == "cumulative" and a.total is not None
    return {
        "period": str(a.latest.period),
        "value": a.total if cumulative else json_value(a.latest.value),
        "origin": a.latest.origin,
        "flow": json_value(a.latest.value) if cumulative else None,
        "inferred": a.latest.inferred,
    }


def actual(row: Row, year: int) -> Any:
    """The whole-year figure recorded for `year` (a cumulative target's flow of that year), or None."""
    found = [p for p in row.assessment.annual if p.period.year == year]
    return json_value(found[-1].value) if found else None


def _point_json(point: Point | None) -> dict[str, Any] | None:
    if point is None:
        return None
    return {"period": str(point.period), "value": json_value(point.value), "origin": point.origin}


def year_to_date(row: Row) -> dict[str, Any] | None:
    """A yearly flow or cumulative target to date: the figure, what is due by then, what the rest of the year needs."""
    a, t = row.assessment, row.target
    if a.latest is None or a.latest.period.is_year or not (t.flow or t.kind == "cumulative"):
        return None
    return {
        "period": str(a.latest.period),
        "value": json_value(a.latest.value),
        "due": a.year_due,
        "rest_of_year": a.year_rest,
    }


def expected_of(row: Row) -> str | None:
    """What `expected_now`, the one 应达 of a target, counts: the figure its status compares it with.

    `year_to_date`: a yearly flow's or a cumulative target's figure for the year so far
    (`year_to_date.value`); `running_total`: a cumulative target's running total
    (`latest.value`); `value`: a level's or share's latest value. None without one.
    """
    a, t = row.assessment, row.target
    if a.expected_now is None or t.kind in RATE_KINDS:
        return None
    if year_to_date(row) is not None:
        return "year_to_date"
    return "running_total" if t.kind == "cumulative" else "value"


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
        "held": None if a.held is None else {"periods": a.held[0], "of": a.held[1]},
        "pace_ratio": a.pace_ratio,
        "required_from_baseline": _pace(a.required_from_baseline, a, t),
        "observed_pace": _pace(a.observed_pace, a, t),
        "required_now": _pace(a.required_now, a, t),
        "required_rest": None
        if a.required_rest is None
        else {"value": a.required_rest * 100, "type": "rate_pct"}
        if a.pace_unit == "rate"
        else {"value": a.required_rest, "type": "change"},
        "gap": None if a.gap is None else a.gap * 100 if rate_valued else a.gap,
        "required_from": _point_json(a.required_from),
        "year_to_date": year_to_date(row),
        "time_elapsed_pct": _pct(a.time_elapsed),
        "on_schedule": a.on_schedule,
        "expected_now": a.expected_now,
        "expected_of": expected_of(row),
        "rate_level": None
        if a.rate_level is None
        else {
            "rate_target": a.rate_level.rate_target,
            "rate_pct": a.rate_level.rate * 100,
            "value": a.rate_level.level,
            "gap": a.rate_level.gap,
        },
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
        "as_of": str(report.stated) if report.stated else None,
        "figures_end": figures_end(report),
        "targets": [target_json(r) for r in report.rows],
        "summary": report.summary(),
        "stale": report.stale(),
    }


def figures_end(report: StatusReport) -> dict[str, Any] | None:
    """Where the figures end: the as-of period the output states, and the targets whose figures end elsewhere.

    The stated period is the one most current figures end in; closed verdicts (a figure for the
    target year) do not decide it, but are named among the others where they end elsewhere, so that
    a title 截至2024年 does not hide six 2025 figures (user test 2, finding F). Stale figures (flagged
    on their own) and targets without a figure are left out. None when no target has a figure.
    """
    by_period: dict[Period, list[str]] = {}
    current: dict[Period, int] = {}
    for r in report.rows:
        a = r.assessment
        if a.latest is not None and not a.stale:
            by_period.setdefault(a.latest.period, []).append(r.target.id)
            current[a.latest.period] = current.get(a.latest.period, 0) + (not a.final)
    if not by_period:
        return None
    main = report.stated or max(by_period, key=lambda p: (current[p], len(by_period[p]), p.sort_key()))
    others = [
        {"period": str(p), "targets": ids}
        for p, ids in sorted(by_period.items(), key=lambda i: i[0].sort_key())
        if p.window != main.window  # 2025-09 and 2025-Q3 are one window
    ]
    return {"period": str(main), "others": others}


# ── table, CSV and Markdown ──────────────────────────────────────────────────

# The year-by-year actuals (actual_2023, …) follow latest_origin: `csv_columns` puts them there.
CSV_COLUMNS = [
    "id", "indicator", "annex_no", "category", "name", "name_en", "unit", "kind", "direction", "comparator",
    "strength", "pilot", "baseline_year", "baseline_value", "latest_period", "latest_value", "latest_origin",
    "latest_flow", "latest_inferred", "target_year", "target_value", "status", "final", "stale", "rests_on",
    "progress_pct", "held_periods", "held_of", "time_elapsed_pct", "on_schedule", "pace_ratio", "required_now",
    "required_now_type", "required_rest", "required_rest_type", "gap", "required_from_period", "required_from_value",
    "ytd_period", "ytd_value", "ytd_due", "ytd_rest_of_year", "expected_now", "expected_of", "rate_level",
    "rate_level_gap", "projected", "projected_gap", "year_reached", "owners_lead", "owners_support", "method", "notes",
    "source",
]  # fmt: skip


def csv_columns(years: tuple[int, ...] | None) -> list[str]:
    """The status CSV's columns for a plan period: one actual per year beside the latest value.

    With `years` None (a batch of plans whose periods differ) they are one
    `actuals` column instead, the JSON object {"2023": …} as text.
    """
    at = CSV_COLUMNS.index("latest_origin") + 1
    actuals = ["actuals"] if years is None else [f"actual_{y}" for y in years]
    return [*CSV_COLUMNS[:at], *actuals, *CSV_COLUMNS[at:]]


def csv_row(data: dict[str, Any]) -> dict[str, Any]:
    baseline, target, latest = data["baseline"] or {}, data["target"], data["latest"] or {}
    required = data["required_now"] or {}
    projected = data["projected"] or {}
    rest, known, ytd = data["required_rest"] or {}, data["required_from"] or {}, data["year_to_date"] or {}
    rate_level = data["rate_level"] or {}
    return {
        **{f"actual_{y}": v for y, v in data["actuals"].items()},
        "actuals": data["actuals"],
        **{k: data[k] for k in ("stale", "rests_on", "time_elapsed_pct", "on_schedule", "gap")},
        "latest_flow": latest.get("flow"),
        "latest_inferred": latest.get("inferred"),
        "required_rest": rest.get("value"),
        "required_rest_type": rest.get("type"),
        "required_from_period": known.get("period"),
        "required_from_value": known.get("value"),
        "ytd_period": ytd.get("period"),
        "ytd_value": ytd.get("value"),
        "ytd_due": ytd.get("due"),
        "ytd_rest_of_year": ytd.get("rest_of_year"),
        "rate_level": rate_level.get("value"),
        "rate_level_gap": rate_level.get("gap"),
        "owners_lead": data["owners"]["lead"],
        "owners_support": data["owners"]["support"],
        **{k: data[k] for k in ("id", "indicator", "annex_no", "category", "name", "name_en", "unit", "kind")},
        **{k: data[k] for k in ("direction", "comparator", "strength", "pilot", "status", "final")},
        **{k: data[k] for k in ("progress_pct", "pace_ratio", "source")},
        "latest_origin": latest.get("origin"),
        "notes": "; ".join(data["notes"]),
        "note_list": data["notes"],
        "baseline_year": baseline.get("year"),
        "baseline_value": baseline.get("value"),
        "latest_period": latest.get("period"),
        "latest_value": latest.get("value"),
        "target_year": target["year"],
        "target_value": target["value"],
        "required_now": required.get("value"),
        "required_now_type": required.get("type"),
        "expected_now": data["expected_now"],
        "expected_of": data["expected_of"],
        "held_periods": (data["held"] or {}).get("periods"),
        "held_of": (data["held"] or {}).get("of"),
        "projected": projected.get("value"),
        "projected_gap": projected.get("gap"),
        "year_reached": data["year_reached"],
        "method": data["method"],
    }


def _signed(value: float, row: Row, pace_unit: str | None, lang: str | None = None) -> str:
    """A change in the unit (+2.5, −0.17, +1.48个百分点 / +1.48pp) or a growth rate (15.22%)."""
    if pace_unit == "rate":
        return f"{fmt_number(value * 100)}%"
    unit = tr("unit.pp", lang) if row.indicator.unit == "%" else ""
    return f"{'+' if value > 0 else ''}{fmt_number(value)}{unit}"


@dataclass(frozen=True)
class Required:
    """The figure the progress table's 尚需/年 shows: `value` in `unit` ("rate", "change", "level"),
    per year, or, when `this_year`, what the rest of the year (the last part-year) still needs in all."""

    value: float
    unit: str | None
    this_year: bool


def required_figure(row: Row) -> Required | None:
    """What is still required each year — or, with less than a year left, in all by the end of the
    target year: a per-year rate over one quarter would read as 78 % where 15.5 % is what is needed,
    and a cumulative target's whole-year 65 as 65 more where 27 are. A yearly flow or cumulative
    target to date: what the rest of the year still needs. Every people's format shows this figure
    (table, people's CSV, workbook, `show`); JSON keeps `required_now` per year, and the part-year
    figure is `year_to_date.rest_of_year`, else `required_rest`."""
    a = row.assessment
    if a.year_rest is not None:
        return Required(a.year_rest, "sum", True)
    left = row.target.year - a.latest.period.time if a.latest is not None and row.target.year else None
    if a.required_rest is not None and left is not None and 0 < left < 1:
        return Required(a.required_rest, a.pace_unit, True)
    if a.required_now is None:
        return None
    return Required(a.required_now, a.pace_unit, False)


def this_year_mark(lang: str | None) -> str:
    return "（年内）" if lang == "zh" else " (this year)"


def required_text(row: Row, lang: str) -> str:
    """The table's 尚需/年: +0.33, 15.22%, 保持, or for the rest of the year +2100（年内）."""
    need = required_figure(row)
    if need is None:
        return "—"
    if need.unit == "level":  # maintain: nothing more while it holds
        return ("保持" if lang == "zh" else "hold") if need.value == 0 else _signed(need.value, row, "level", lang)
    return _signed(need.value, row, need.unit, lang) + (this_year_mark(lang) if need.this_year else "")


def milestone_text(value: Any, lang: str) -> str:
    """A milestone's recorded value as people read it: 完成 / 未完成 (done / not done)."""
    from qzdc.engine.held import milestone_done

    return tr("milestone.done" if milestone_done(value) else "milestone.not_done", lang)


def value_text(target: Target, value: Any, lang: str) -> str:
    """A figure of `target` as people read it: a milestone's as done / not done, any other as written."""
    return milestone_text(value, lang) if target.kind == "milestone" else display(json_value(value))


def _latest_text(row: Row, lang: str) -> str:
    latest = row.assessment.latest
    if latest is None:
        return "—"
    value = latest.value
    if row.target.kind == "milestone":
        text = milestone_text(value, lang)
    elif row.target.kind == "cumulative" and row.assessment.total is not None:
        text = display(row.assessment.total)  # the running total: what the target counts
    else:
        text = display(json_value(value))
    # * marks a period that is a reading of the document; the footer says so.
    return f"{text} ({latest.period}{'*' if latest.inferred else ''})"


def target_name(row: Row, lang: str) -> str:
    """The indicator's name, marked （力争） where the plan only strives for the target."""
    name = indicator_name(row.indicator, lang)
    if row.target.strength == "aspirational":
        name += "（力争）" if lang == "zh" else " (aspirational)"
    return name


def status_text(row: Row, lang: str) -> str:
    """The status, and for a stale figure the year it rests on: 存在风险（据2021年数据）."""
    a = row.assessment
    word = tr(a.status, lang)
    if a.stale and a.latest is not None:
        word += tr("status.stale_note", lang, year=a.latest.period.year)
    return word


def gap_text(row: Row, lang: str | None = None) -> str:
    a = row.assessment
    if a.gap is None:
        if _missed_at_a_strict_bound(row):
            # 100 against 超过100 in the target year: progress 100 % and yet not met; say why (需超过100).
            return tr("gap.needs", lang).format(target=target_text(row.target, lang or "zh"))
        return "—"
    if row.target.kind in RATE_KINDS:
        return f"{'+' if a.gap > 0 else ''}{fmt_number(a.gap * 100)}{tr('unit.pp', lang)}"
    return _signed(a.gap, row, "change", lang)


def _missed_at_a_strict_bound(row: Row) -> bool:
    """A final miss whose figure equals a strict target (> or <) as printed: nothing to go, but not met."""
    a, t = row.assessment, row.target
    if not a.final or a.status not in ("off_track", "moving_away") or t.comparator not in (">", "<"):
        return False
    if a.latest is None or not isinstance(t.value, int | float) or isinstance(a.latest.value, bool):
        return False
    if not isinstance(a.latest.value, int | float):
        return False
    return printed(float(t.value) - float(a.latest.value)) == 0


def held_text(row: Row, lang: str, *, long: bool = False) -> str | None:
    """A maintain, class or title-kept target's progress as what it is: 1/2年达标 (held in 1 of 2 years)."""
    held = row.assessment.held
    if held is None:
        return None
    years = all(p.period.is_year for p in row.assessment.used)
    key = "progress.held_" + ("years" if years else "periods") + ("_long" if long else "")
    return tr(key, lang, held=held[0], of=held[1])


def progress_text(row: Row, lang: str) -> str:
    """The 进度 cell: the share of the way from baseline to target, or for a target to hold, how often it held."""
    a = row.assessment
    held = held_text(row, lang)
    if held is not None:
        return held
    return f"{fmt_number(a.progress * 100, 0)}%" if a.progress is not None else "—"


def _schedule_text(on_schedule: bool | None, lang: str) -> str:
    return "—" if on_schedule is None else tr("yes" if on_schedule else "no", lang)


def status_cells(row: Row, plan: Plan, lang: str) -> dict[str, str]:
    t, ind, a = row.target, row.indicator, row.assessment
    name = target_name(row, lang)
    baseline = "—"
    if t.baseline is not None:
        baseline = value_text(t, t.baseline.value, lang)
        if t.baseline.year != plan.meta.baseline_year:
            baseline += f" ({t.baseline.year})"
    flow = "—"
    if t.kind == "cumulative" and a.latest is not None and a.total is not None:
        flow = display(json_value(a.latest.value))
    expected = "—"
    if a.expected_now is not None and t.kind not in RATE_KINDS:
        expected = display(a.expected_now)
        if t.kind == "cumulative" and expected_of(row) == "year_to_date":
            # Beside a running total, the 应达 of this year's flow says so: compare it with 当期.
            expected += "（当期）" if lang == "zh" else " (flow)"
    return {
        "category": category_name(plan, ind.category, lang),
        "annex_no": str(ind.annex_no) if ind.annex_no else "",
        "name": name,
        "unit": unit_text(ind.unit, lang),
        "baseline": baseline,
        "latest": _latest_text(row, lang),
        "flow": flow,
        "target": target_text(t, lang, plan),
        "strength": tr(t.strength, lang),
        "expected": expected,
        "required": required_text(row, lang),
        "gap": gap_text(row, lang),
        "progress": progress_text(row, lang),
        "time_elapsed": f"{fmt_number(a.time_elapsed * 100, 0)}%" if a.time_elapsed is not None else "—",
        "on_schedule": _schedule_text(a.on_schedule, lang),
        "owners": join(list(row.owners.lead), lang) or "—",
        "status": status_text(row, lang),
    }


def summary_text(summary: dict[str, int], lang: str, stale: int = 0) -> str:
    sep = "  " if lang == "zh" else " · "
    parts = [f"{tr(s, lang)} {n}" for s, n in summary.items() if n]
    if stale:
        parts.append(f"{'其中数据陈旧' if lang == 'zh' else 'of which stale'} {stale}")
    return sep.join(parts)


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
    The progress table's own columns (当期, 应达, 差距, 序时进度, 达序时, 责任单位)
    drop first, then the number and the unit (which joins the name), then the
    baseline and progress: the latest value, what is still required and the
    status stay longest.
    """

    def head(key: str) -> str:
        return column(plan, key, lang) if plan is not None else tr(GENERIC_COLUMNS[key], lang)

    columns = [
        Column("category", head("category")),
        Column("annex_no", head("number"), align="right", no_wrap=True, drop=3),
        # English names are long: below 22 cells they wrap into a column of fragments.
        Column("name", head("name"), min_width=12 if lang == "zh" else 22),
        # Without room of its own, the unit joins the name as Annex 1 writes it: 出口总额（万美元）.
        Column("unit", head("unit"), no_wrap=True, drop=3, join_into="name", join_format=_unit_join(lang)),
        Column("baseline", head("baseline"), align="right", drop=2, no_wrap=True),
        Column("latest", tr("col.latest", lang), align="right", no_wrap=True),
        Column("flow", tr("col.flow", lang), align="right", no_wrap=True, drop=5),
        Column("target", head("target"), align="right", no_wrap=not long_targets, drop=1),
        Column("expected", tr("col.due", lang), align="right", no_wrap=True, drop=5),
        Column("required", tr("col.required", lang), align="right", no_wrap=True),
        Column("gap", tr("col.gap", lang), align="right", no_wrap=True, drop=4),
        Column("progress", tr("col.progress", lang), align="right", no_wrap=True, drop=2),
        Column("time_elapsed", tr("col.time_elapsed", lang), align="right", no_wrap=True, drop=4),
        Column("on_schedule", tr("col.on_schedule", lang), no_wrap=True, drop=4),
        Column("owners", tr("col.owners", lang), min_width=8, drop=6),
        Column("status", tr("col.status", lang), no_wrap=True),
    ]
    if strength:
        after_target = next(i for i, c in enumerate(columns) if c.key == "target") + 1
        columns.insert(after_target, Column("strength", head("strength"), no_wrap=True, drop=2))
    return columns


def _unit_join(lang: str) -> str:
    return "（{}）" if lang == "zh" else " ({})"


_MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def period_text(period: Period, lang: str) -> str:
    """A period as a sentence says it: 2024年, 2025年1—9月 (2025-09 and 2025-Q3 alike: one period, one
    form; 2025年9月 would read as September alone); 2024, Jan–Sep 2025."""
    if period.is_year:
        return tr("points.year", lang).format(year=period.year)
    if period.end_month == 1:
        return tr("points.january", lang).format(year=period.year)
    return tr("points.year_to_date", lang).format(
        year=period.year, month=period.end_month, mon=_MONTHS[period.end_month]
    )


def recorded_at_a_point(target: Target) -> bool:
    """A level or share that is not a yearly flow (城镇化率, 常住人口): its figure for part of a year is
    the level at the period's end, not a sum from January."""
    return not target.flow and target.kind not in (*RATE_KINDS, "cumulative")


def figure_period_text(target: Target, period: Period, lang: str) -> str:
    """When a figure of `target` stands: a year to date as period_text says it (2025年1—9月), a level
    recorded during a year at the period's end (2025年9月末 / end of Sep 2025)."""
    if period.is_year or not recorded_at_a_point(target):
        return period_text(period, lang)
    return tr("points.month_end", lang).format(year=period.year, month=period.end_month, mon=_MONTHS[period.end_month])


def as_of_text(report: StatusReport, lang: str) -> str:
    """截至2024年（出口总额至2025年1—9月）: the period most figures end in, and the targets whose end elsewhere."""
    from qzdc.plan.periods import parse_period

    ends = figures_end(report)
    if ends is None:
        stated = report.stated or report.as_of
        if stated:
            return period_text(stated, lang)
        # No figure at all: what the table shows is the plan's baseline, not "截至—".
        return tr("status.as_of_baseline", lang, year=report.plan.meta.baseline_year)
    names = {r.target.id: target_name(r, lang) for r in report.rows}
    main = period_text(parse_period(ends["period"]), lang)
    # periods that read the same (2025-09, 2025-Q3: 2025年1—9月) are one
    same: dict[str, list[str]] = {}
    for other in ends["others"]:
        same.setdefault(period_text(parse_period(other["period"]), lang), []).extend(other["targets"])
    parts = []
    for when, ids in same.items():
        if when == main:
            continue
        listed = [names[i] for i in ids]
        shown = join(listed[:3], lang) + (f"等{len(listed)}项" if lang == "zh" else f" and {len(listed) - 3} more")
        if len(listed) <= 3:
            shown = join(listed, lang)
        parts.append(f"{shown}至{when}" if lang == "zh" else f"{shown} to {when}")
    if not parts:
        return main
    return f"{main}（{'；'.join(parts)}）" if lang == "zh" else f"{main} ({'; '.join(parts)})"


def footnotes(report: StatusReport, lang: str) -> list[str]:
    """What the table's cells cannot hold: where a plan's own rate leads a level target, and inferred years."""
    zh = lang == "zh"
    lines = []
    for r in report.rows:
        rl = r.assessment.rate_level
        if rl is None or r.target.year is None:
            continue
        unit, level, short = unit_text(r.indicator.unit, lang), fmt_number(rl.level), fmt_number(abs(rl.gap))
        rate = fmt_number(rl.rate * 100)
        if zh:
            side = "少" if rl.gap < 0 else "多"
            lines.append(
                f"{target_name(r, lang)}：按年均增速目标{rate}%，{r.target.year}年为{level}{unit}，比目标{side}{short}"
            )
        else:
            side = "short of" if rl.gap < 0 else "above"
            lines.append(
                f"{target_name(r, lang)}: at the plan's {rate} % a year, {amount(level, unit)} in {r.target.year}, "
                f"{short} {side} the target"
            )
    if any(r.assessment.latest is not None and r.assessment.latest.inferred for r in report.rows):
        lines.append(tr("status.year_inferred", lang))
    return lines


# Worst first: the order `--sort status` lists targets in.
SORT_ORDER = ("moving_away", "off_track", "at_risk", "on_track", "pending", "achieved", "monitored", "no_data")


def sorted_report(report: StatusReport, sort: str | None, lang: str) -> StatusReport:
    """The rows by `sort`: status (worst first), name (拼音 order in Chinese, by GB18030's), or as the plan has them."""
    if sort == "status":
        rank = {s: i for i, s in enumerate(SORT_ORDER)}
        rows = sorted(report.rows, key=lambda r: rank.get(r.assessment.status, len(rank)))
    elif sort == "name":
        # GB2312's first level, inside GB18030, orders characters by their 拼音: 出口 before 地区 before 高新.
        def key(r: Row) -> bytes | str:
            name = indicator_name(r.indicator, lang)
            return name.encode("gb18030", "replace") if lang == "zh" else name.casefold()

        rows = sorted(report.rows, key=key)
    else:
        return report
    return replace(report, rows=rows)


def status_view(report: StatusReport, lang: str, sort: str | None = None) -> View:
    """The status table; `sort` status or name lists every target in one table, its category a column."""
    report = sorted_report(report, sort, lang)
    data = status_json(report)
    cells = [status_cells(r, report.plan, lang) for r in report.rows]
    long_targets = any(len(c["target"]) > 12 for c in cells)
    columns = status_columns(lang, plan=report.plan, strength=shows_strength(report.plan), long_targets=long_targets)
    grouped = sort in (None, "category")
    if not grouped:  # one list: the category in a column of its own, the first to go
        columns = [replace(c, drop=7) if c.key == "category" else c for c in columns]
    title = f"{plan_title(report.plan, lang)} · {'截至' if lang == 'zh' else 'as of '}{as_of_text(report, lang)}"
    footer = "\n".join([summary_text(data["summary"], lang, data["stale"]), *footnotes(report, lang)])
    return View(
        data=data,
        columns=columns,
        rows=[csv_row(t) for t in data["targets"]],
        cells=cells,
        styles=[{"status": f"status.{r.assessment.status}"} for r in report.rows],
        title=title,
        group_key="category" if grouped else None,
        footer=footer,
        csv_columns=csv_columns(plan_years(report.plan)),
        csv_headers=pilot_header(report.plan, lang),
        csv_words={"category": {c.id: category_name(report.plan, c.id, lang) for c in report.plan.meta.categories}},
        people_cells=[people_cells(r, lang) for r in report.rows],
        lang=lang,
    )


def people_cells(row: Row, lang: str) -> dict[str, str]:
    """The people's CSV's 尚需/年 where the table shows the rest of the year's figure (27（年内）), not
    the per-year `required_now` (65) the machine CSV keeps; elsewhere the column's own number."""
    need = required_figure(row)
    if need is None or not need.this_year or need.unit == "level":
        return {}
    number = f"{fmt_number(need.value * 100)}%" if need.unit == "rate" else fmt_number(need.value)
    return {"required_now": number + this_year_mark(lang)}


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


CHANGE_COLUMNS = (
    "id",
    "name",
    "status_before",
    "status_after",
    "latest_before",
    "period_before",
    "latest_after",
    "period_after",
    "pace_ratio_before",
    "pace_ratio_after",
)


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
    # the periods in the words the rest of the output uses (2025年1—9月), never the machine's 2025-Q3
    to = period_text(as_of, lang) if as_of else "—"
    title = f"{plan_title(plan, lang)} · " + tr("changes.between", lang, since=period_text(since, lang), to=to)
    footer = f"{len(changes)} {'个目标状态变化' if zh else 'target(s) changed status'}"
    return View(
        data=data,
        columns=columns,
        rows=rows,
        cells=cells,
        styles=[{"status": f"status.{c.after.assessment.status}"} for c in changes],
        title=title,
        footer=footer,
        # the table's columns pair before → after in one cell; a CSV has a column for each
        csv_columns=list(CHANGE_COLUMNS),
        lang=lang,
    )
