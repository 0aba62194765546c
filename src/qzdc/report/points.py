"""The 要点: the few sentences a leader reads first, generated from the figures.

What is behind and what it needs against what it achieves, what is achieved,
where the plan contradicts itself, and how fresh the data are. Every number
in them is one `qzdc status` or `qzdc audit` computed; this module only words
them. Rates are written as the status table writes them (7.14%, 15.22%, 34%),
so a figure reads the same in both; values are shown as recorded.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from qzdc.engine.verdict import STATUSES
from qzdc.i18n import tr
from qzdc.plan.models import Plan
from qzdc.report.data import ReportInput, period_words
from qzdc.views.status import Row, as_of_text, figure_period_text, recorded_at_a_point, target_name, target_text
from qzdc.views.view import display, fmt_number

# The behind statuses, worst first: the order a leader should read them in.
BEHIND = ("moving_away", "off_track", "at_risk")


@dataclass(frozen=True)
class KeyPoint:
    """One point: a sentence, and the items under it (one per target or finding) where there are several."""

    kind: str  # missed, behind, achieved, contradictions, freshness
    text: str
    items: list[str] = field(default_factory=list)


def _years(first: int, last: int, lang: str) -> str:
    if first >= last:
        return tr("points.year", lang).format(year=last)
    return tr("points.years", lang).format(first=first, last=last)


def _pct(fraction: float) -> str:
    # as the status table writes a rate (7.14%（年内）), so the 要点 and the table never show two roundings
    return f"{fmt_number(fraction * 100)}%"


def _amount(value: float, unit: str, lang: str) -> str:
    """A change in the indicator's unit, without its sign: 2 个百分点, 0.3, 12 家."""
    unit = tr("points.pp", lang) if unit == "%" else unit
    text = fmt_number(abs(value))
    if not unit:
        return text
    return f"{text}{unit}" if lang == "zh" else f"{text} {unit}"


def _with_unit(value: object, unit: str, lang: str) -> str:
    """A value with its unit: 45家, 17.4%, 2.1; 45 家 in English."""
    text = display(value)
    if not unit or unit == "%" or lang == "zh":
        return f"{text}{unit}"
    return f"{text} {unit}"


def behind_sentence(row: Row, lang: str, plan: Plan | None = None) -> str:
    """What a target behind needs against what it achieves.

    规模以上工业总产值年均增速：2023年17.4%，2024—2025年需年均21.32%
    高新技术企业：2024年45家，年均增长15.04%，2025年需增长48.89%
    地区生产总值（力争）：2025年1—9月61.6亿元（应达75亿元），年内尚需38.4亿元
    新增招商引资项目：2025年1—9月累计123个，其中当年38个（应达48.75个），年内尚需27个
    """
    t, a, unit = row.target, row.assessment, row.indicator.unit
    name = target_name(row, lang)
    latest = a.latest
    if latest is None or t.year is None:
        return tr("points.no_figure", lang).format(name=name, target=target_text(t, lang, plan))
    period = figure_period_text(t, latest.period, lang)  # 2025年1—9月, or a level's 2025年9月末
    year_to_date = not latest.period.is_year
    if t.kind == "cumulative" and a.total is not None:
        now = tr("points.now_total", lang).format(period=period, value=_with_unit(a.total, unit, lang))
        if year_to_date:
            # The status compares this year's flow with what is due of it: that pair, not the running total.
            now += tr("points.of_which_this_year", lang).format(value=_with_unit(latest.value, unit, lang))
    else:
        at = year_to_date and recorded_at_a_point(t)  # 2025年9月末66% / 66% at end-Sep 2025
        now = tr("points.now_at" if at else "points.now", lang).format(
            period=period, value=_with_unit(latest.value, unit, lang)
        )
    # What it achieves: the pace observed since the baseline; a year-to-date flow
    # against what is due by now. A growth target's own rate is its value, until
    # the period is over and its average is the verdict.
    achieved = ""
    if year_to_date and a.year_rest is not None and a.expected_now is not None:
        achieved = tr("points.due", lang).format(value=_with_unit(fmt_number(a.expected_now), unit, lang))
    elif t.kind == "average_growth":
        if a.final and a.observed_pace is not None and t.start_year is not None:
            achieved = tr("points.average", lang).format(
                years=_years(t.start_year, t.year, lang), rate=_pct(a.observed_pace)
            )
    elif a.observed_pace is not None:
        if a.pace_unit == "rate":
            grows = "points.reduces" if t.kind == "cumulative_reduction" else "points.grows"
            achieved = tr(grows, lang).format(rate=_pct(a.observed_pace))
        elif a.pace_unit in ("change", "sum"):
            word = "points.adds" if a.observed_pace >= 0 else "points.loses"
            achieved = tr(word, lang).format(amount=_amount(a.observed_pace, unit, lang))
    # What it needs: what the rest of this year must bring (a flow to date), each
    # year still to come, or in all where less than a year is left.
    first = math.floor(latest.period.time) + 1
    left = t.year - latest.period.time
    if a.final:
        needs = tr("points.missed", lang).format(target=_target(row, lang, plan))
    elif year_to_date and a.year_rest is not None:
        needs = tr("points.year_rest", lang).format(amount=_with_unit(fmt_number(a.year_rest), unit, lang))
    elif a.required_rest is not None and 0 < left < 1 and t.kind != "average_growth":
        needs = _need(row, a.required_rest, tr("points.rest_of_year", lang), several=False, lang=lang)
    elif a.required_now is not None and first <= t.year:
        needs = _need(row, a.required_now, _years(first, t.year, lang), several=first < t.year, lang=lang)
    elif a.required_now is not None:
        needs = _need(row, a.required_now, _years(t.year, t.year, lang), several=False, lang=lang)
    else:
        needs = tr("points.target_is", lang).format(target=_target(row, lang, plan))
    return tr("points.behind_item", lang).format(name=name, now=now + achieved, needs=needs)


def _need(row: Row, value: float, when: str, *, several: bool, lang: str) -> str:
    a = row.assessment
    if a.pace_unit == "rate":
        key = {"average_growth": "points.needs_rate", "cumulative_reduction": "points.needs_reduction"}.get(
            row.target.kind, "points.needs_growth"
        )
        amount = _pct(value)
    else:
        key = "points.needs_increase" if value >= 0 else "points.needs_decrease"
        amount = _amount(value, row.indicator.unit, lang)
    each = tr("points.each_year", lang) if several else ""
    return tr(key, lang).format(when=when, each=each, amount=amount)


def _target(row: Row, lang: str, plan: Plan | None = None) -> str:
    unit = row.indicator.unit
    text = target_text(row.target, lang, plan)
    if (
        row.target.kind in ("milestone", "relative", "monitored", "ordinal")  # a class is written with its own unit
        or not unit
        or (lang == "zh" and row.target.written)
        or text.endswith(unit)  # a target written with its unit stays so: 不劣于III类, not III类类
    ):
        return text
    return f"{text}{unit}" if lang == "zh" or unit == "%" else f"{text} {unit}"


def contradictions(data: ReportInput) -> list[str]:
    """The audit's errors about the shown targets: where the plan cannot be met as written."""
    from qzdc.views.audit import audit

    shown = {r.target.id for r in data.status.rows} | {r.indicator.id for r in data.status.rows}
    end = tr("points.end", data.lang)
    found = []
    for f in audit(data.plan, data.observations):
        if f.severity == "error" and shown.intersection(f.subjects):
            message = (f.message_zh if data.lang == "zh" else f.message).rstrip("。.")
            found.append(message + end)
    return found


def key_points(data: ReportInput) -> list[KeyPoint]:
    """The 要点 of the shown targets, in the order a leader reads them."""
    lang = data.lang
    rows = data.status.rows
    points: list[KeyPoint] = []
    lagging = sorted(
        (r for r in rows if r.assessment.status in BEHIND), key=lambda r: BEHIND.index(r.assessment.status)
    )
    # A target whose year is over and not met is no longer behind schedule: it was not met (未完成).
    missed = [r for r in lagging if r.assessment.final]
    behind = [r for r in lagging if not r.assessment.final]
    for kind, head, group in (("missed", "points.missed_head", missed), ("behind", "points.behind", behind)):
        if group:
            sentences = [behind_sentence(r, lang, data.plan) for r in group]
            points.append(KeyPoint(kind, tr(head, lang).format(n=len(group)), sentences))
    achieved = [target_name(r, lang) for r in rows if r.assessment.status == "achieved"]
    if achieved:
        points.append(
            KeyPoint("achieved", tr("points.achieved", lang).format(n=len(achieved), names=_join(achieved, lang)))
        )
    found = contradictions(data)
    if found:
        points.append(KeyPoint("contradictions", tr("points.contradictions", lang).format(n=len(found)), found))
    as_of = data.status.stated  # the as-of the report states, which stale figures are judged against
    stale = [r for r in rows if r.assessment.stale and r.assessment.latest is not None]
    if stale and as_of is not None:
        names = [
            tr("points.stale_name", lang).format(
                name=target_name(r, lang), period=period_words(r.assessment.latest.period, lang)
            )
            for r in stale
        ]
        points.append(
            KeyPoint(
                "stale",
                tr("points.stale", lang).format(n=len(stale), year=as_of.year - 1, names=_join(names, lang)),
            )
        )
    counts = {s: 0 for s in STATUSES}
    for r in rows:
        counts[r.assessment.status] += 1
    fresh = (
        tr("points.as_of", lang).format(period=as_of_text(data.status, lang))
        if as_of
        else tr("points.no_data_at_all", lang)
    )
    if counts["no_data"] and as_of:
        fresh += tr("points.without_data", lang).format(n=counts["no_data"], total=len(rows))
    points.append(KeyPoint("freshness", fresh + tr("points.end", lang)))
    return points


def _join(names: list[str], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(names)
