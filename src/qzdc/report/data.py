"""The report people circulate: what goes in it, whatever the file format.

`qzdc report` writes the same content three ways: a self-contained HTML page
(`qzdc.report.html`), an Excel workbook (`qzdc.report.xlsx`) and Markdown for
pasting into documents (`qzdc.report.markdown`). This module gathers what all three share: the
plan header, the counts by status and by category, the filters in force, and
each target's chart series (actuals against the required path). The figures
are those of `qzdc status` (`qzdc.views.status`): a report never computes its own.

No third-party imports here, so the Markdown report starts as fast as `status`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from qzdc.engine.required_path import required_path
from qzdc.engine.series import points, usable_points
from qzdc.i18n import tr
from qzdc.plan.lookup import find_categories
from qzdc.plan.models import RATE_KINDS, Observation, Plan
from qzdc.plan.periods import Period
from qzdc.plan.words import column, flag, flag_name
from qzdc.views.listing import category_name
from qzdc.views.status import Filters, Row, StatusReport, as_of_text, period_text, status_view, target_name
from qzdc.views.target_text import target_text
from qzdc.views.view import Column, View, fmt_number

REPORT_FORMATS = ("html", "xlsx", "docx", "markdown")

# Status colours for the page and the workbook alike (text, fill; RGB hex): text on a
# tint, readable in greyscale print because the word is always there.
STATUS_COLOURS = {
    "achieved": ("14532D", "BBF7D0"),
    "on_track": ("166534", "DCFCE7"),
    "at_risk": ("854D0E", "FEF08A"),
    "off_track": ("991B1B", "FECACA"),
    "moving_away": ("FFFFFF", "991B1B"),
    "pending": ("075985", "E0F2FE"),
    "no_data": ("4B5563", "F3F4F6"),
    "monitored": ("1E3A8A", "E0E7FF"),
}

# One font stack for everything the report shows, charts included: the first
# that the reader's machine has wins. Windows has Microsoft YaHei, macOS PingFang
# SC, Linux desktops Noto Sans CJK SC (fonts-noto-cjk) or WenQuanYi; every one
# covers the Chinese, Latin and digits a plan uses, so no glyph falls to a box.
CJK_FONTS = (
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "SimHei",
)
FONT_STACK = ", ".join(f'"{name}"' for name in CJK_FONTS) + ", sans-serif"


@dataclass
class ReportInput:
    """Everything a report is made from: the status rows and what produced them."""

    status: StatusReport
    observations: list[Observation]
    lang: str = "zh"
    filters: Filters = field(default_factory=Filters)
    generated: dt.date = field(default_factory=dt.date.today)
    # Which actuals file the figures came from, in words (`qzdc.views.listing.actuals_text`).
    actuals: str | None = None

    @property
    def plan(self) -> Plan:
        return self.status.plan


# ── the header ───────────────────────────────────────────────────────────────


def title(data: ReportInput) -> str:
    meta = data.plan.meta
    if data.lang == "en" and meta.title_en:
        return meta.title_en
    return meta.title


def filters_text(data: ReportInput) -> str | None:
    """The filters in force, in words; None when the report covers every target."""
    f, lang = data.filters, data.lang
    colon = "：" if lang == "zh" else ": "
    parts: list[str] = []
    if f.categories:
        names = []
        for wanted in f.categories:
            match = find_categories(data.plan, wanted)
            names += [category_name(data.plan, c.id, lang) for c in match] or [wanted]
        parts.append(column(data.plan, "category", lang) + colon + "、".join(dict.fromkeys(names)))
    for flag_id in f.wanted_flags:
        named = flag(data.plan, flag_id)
        parts.append(tr("report.flag_only", lang, name=flag_name(named, lang) if named else flag_id))
    if f.statuses:
        parts.append(tr("col.status", lang) + colon + "、".join(tr(s, lang) for s in f.statuses))
    if f.owners:
        from qzdc.views.owners import resolve_department

        parts.append(
            tr("report.filter_owner", lang) + colon + "、".join(resolve_department(data.plan, d) for d in f.owners)
        )
    if not parts:
        return None
    return ("；" if lang == "zh" else "; ").join(parts)


def header_facts(data: ReportInput) -> list[tuple[str, str]]:
    """(label, text) pairs under the title: document number, dates, the as-of period."""
    meta, lang = data.plan.meta, data.lang
    facts: list[tuple[str, str]] = []
    if meta.document_no:
        facts.append((tr("report.document_no", lang), meta.document_no))
    issuer = meta.issuer_en if lang == "en" and meta.issuer_en else meta.issuer
    if issuer:
        facts.append((tr("report.issuer", lang), issuer))
    if meta.issued:
        facts.append((tr("report.issued", lang), meta.issued.isoformat()))
    facts.append((tr("report.period", lang), f"{meta.period.start}–{meta.period.end}"))
    facts.append((tr("report.baseline_year", lang), str(meta.baseline_year)))
    # 截至2024年（出口总额至2025年9月）: where the figures end, and the targets whose figures end elsewhere.
    facts.append((tr("report.as_of", lang), as_of_text(data.status, lang)))
    if data.actuals:
        facts.append((tr("report.actuals", lang), data.actuals))
    scope = filters_text(data)
    facts.append((tr("report.scope", lang), scope or tr("report.all_targets", lang)))
    facts.append((tr("report.generated", lang), data.generated.isoformat()))
    return facts


def plan_words(data: ReportInput) -> str:
    """The plan a report rests on, as a reader names it: its title, document number, issuer and date."""
    meta, lang = data.plan.meta, data.lang
    text = tr("report.plan_words", lang).format(title=title(data))
    details = [meta.document_no] if meta.document_no else []
    issuer = meta.issuer_en if lang == "en" and meta.issuer_en else meta.issuer
    if issuer and meta.issued:
        day = meta.issued
        date = tr("report.date", lang).format(year=day.year, month=day.month, day=day.day)
        details.append(tr("report.issued_by_on", lang).format(issuer=issuer, date=date))
    if details:
        text += tr("report.in_brackets", lang).format(text=("，" if lang == "zh" else ", ").join(details))
    return text + tr("points.end", lang)


def method_words(data: ReportInput) -> str:
    """How the figures are judged, in a reader's words (docs/methodology.md has the formulas)."""
    return tr("report.method_words", data.lang)


def period_words(period: Period, lang: str) -> str:
    """A period as a sentence says it: 2024年, 2025年1—9月; 2024, Jan–Sep 2025 (as the status title does)."""
    return period_text(period, lang)


# ── the summaries ────────────────────────────────────────────────────────────


def category_header(data: ReportInput) -> str:
    """The plan's own word for its categories (一级指标, 类别)."""
    return column(data.plan, "category", data.lang)


def by_category_title(data: ReportInput) -> str:
    """按一级指标 / 按类别: the by-category summary's heading, in the plan's word."""
    return tr("report.by_category", data.lang, category=category_header(data))


def status_counts(data: ReportInput) -> dict[str, int]:
    """Targets at each status, in the fixed order of `STATUSES` (zeros kept; see `count_statuses`)."""
    return data.status.summary()


@dataclass(frozen=True)
class CategoryCount:
    category: str  # id
    name: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def category_counts(data: ReportInput) -> list[CategoryCount]:
    """Per category (in the plan's order), how many of its targets are at each status."""
    result = []
    for category in data.plan.meta.categories:
        rows = [r for r in data.status.rows if r.indicator.category == category.id]
        if not rows:
            continue
        counts = dict.fromkeys(status_counts(data), 0)
        for r in rows:
            counts[r.assessment.status] += 1
        result.append(CategoryCount(category.id, category_name(data.plan, category.id, data.lang), counts))
    return result


def shown_statuses(data: ReportInput) -> list[str]:
    """The statuses worth a column: those any target has (all of them if none has any)."""
    counts = status_counts(data)
    return [s for s, n in counts.items() if n] or list(counts)


def status_legend(data: ReportInput) -> list[tuple[str, str]]:
    """(status, what it means) with the plan's own thresholds, for readers of the report."""
    t, lang = data.plan.meta.thresholds, data.lang
    on, risk, off = fmt_number(t.on_track), fmt_number(t.at_risk), fmt_number(t.off_track)
    counted = status_counts(data)
    legend = [
        ("achieved", tr("legend.achieved", lang)),
        ("on_track", tr("legend.on_track", lang, on=on)),
        ("at_risk", f"{risk} ≤ R < {on}"),  # a formula, the same in both languages
        ("off_track", tr("legend.off_track", lang, off=off, risk=risk)),
        ("moving_away", tr("legend.moving_away", lang, off=off)),
        ("pending", tr("legend.pending", lang)),
        ("no_data", tr("legend.no_data", lang)),
        ("monitored", tr("legend.monitored", lang)),
    ]
    return [(s, text) for s, text in legend if s in counted]


def targets_view(data: ReportInput) -> View:
    """The status table exactly as `qzdc status` shows it, under the report's own heading."""
    view = status_view(data.status, data.lang)
    return dataclasses.replace(view, title=tr("report.targets", data.lang))


# ── chart series ─────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class ChartPoint:
    x: float  # on the year axis: a year's figure at the year, 2025-Q3 at 2024.75
    value: float
    label: str  # the period as written: 2024, 2025-Q3


@dataclass(frozen=True)
class ChartData:
    """One target's chart: the required path, the actuals, and the target itself."""

    target_id: str
    title: str
    unit: str
    status: str
    required: list[tuple[int, float]]
    actual: list[ChartPoint]  # the baseline and whole-year figures, joined by a line
    year_to_date: list[ChartPoint]  # year-to-date figures, shown as points
    target: tuple[int, float]
    target_label: str
    zero_based: bool  # growth rates and running sums read best from zero
    value_label: str  # what the y axis measures
    # What the latest year-to-date figure is judged against (the engine's figure):
    # the path's value or the running total due by then, or the rate the year needs.
    ytd_required: ChartPoint | None = None
    # Whether anything was recorded after the baseline: without it a chart is an empty frame.
    observed: bool = True


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


# The largest figure a chart draws: matplotlib's axes fail on spans near the largest float.
_DRAWABLE = 1e300


def chart_data(row: Row, observations: list[Observation], data: ReportInput) -> ChartData | None:
    """The series for `row`'s chart, or None where the target has no path (milestones, classes)
    or its figures are too large to draw (beyond ±1e300, far beyond any plan's)."""
    target, indicator, lang = row.target, row.indicator, data.lang
    goal = _number(target.value)
    if goal is None or target.year is None or target.start_year is None:
        return None
    own = [o for o in observations if o.indicator == indicator.id]
    as_of = data.status.as_of
    steps = required_path(target, own, as_of=as_of)
    required = [(s.year, s.required) for s in steps if s.required is not None]
    if not required:
        return None
    first_year = required[0][0]
    # A level's path starts at its baseline, drawn from the plan; other paths start
    # with the first year of the period, whose own figure belongs on the chart.
    after = first_year if target.kind in ("level", "share") else first_year - 1
    series = [
        p
        for p in usable_points(points(own), as_of)
        if _number(p.value) is not None and after < p.period.time <= target.year
    ]
    actual: list[ChartPoint] = []
    ytd: list[ChartPoint] = []
    if target.kind == "cumulative":
        # Running sums: each whole year adds its flow; a year-to-date figure adds to the years before it.
        running = 0.0
        for p in series:
            value = float(p.value)
            if p.period.is_year:
                running += value
                actual.append(ChartPoint(p.period.time, running, str(p.period)))
            else:
                ytd.append(ChartPoint(p.period.time, running + value, str(p.period)))
        actual.insert(0, ChartPoint(float(first_year - 1), 0.0, str(first_year - 1)))
        required = [(first_year - 1, 0.0), *required]
    else:
        if target.kind in ("level", "share") and target.baseline is not None:
            base = _number(target.baseline.value)
            if base is not None:
                actual.append(ChartPoint(float(target.baseline.year), base, str(target.baseline.year)))
        for p in series:
            point = ChartPoint(p.period.time, float(p.value), str(p.period))
            (actual if p.period.is_year else ytd).append(point)
    drawn = [v for _, v in required] + [p.value for p in actual + ytd] + [goal]
    if not all(math.isfinite(v) and abs(v) <= _DRAWABLE for v in drawn):
        return None  # a running sum that overflowed, or figures no axis can span: the table has them
    name = target_name(row, lang)
    unit = indicator.unit
    ytd_required = None
    a = row.assessment
    if ytd and a.latest is not None and not a.latest.period.is_year and ytd[-1].x == a.latest.period.time:
        due = a.required_now * 100 if target.kind in RATE_KINDS and a.required_now is not None else a.expected_now
        if due is not None and math.isfinite(due):
            label = tr("chart.due", lang).format(value=fmt_number(due))
            at = due
            if target.kind == "cumulative":
                # What is due is this year's flow (the table's 应达 48.75（当期）): on the running
                # sum's axis it stands on the years before, beside the year's own point.
                at = ytd[-1].value - float(a.latest.value) + due
                label = tr("chart.due_flow", lang).format(value=fmt_number(due))
            ytd_required = ChartPoint(ytd[-1].x, at, label)
    if target.kind == "average_growth":
        value_label = tr("chart.growth_rate", lang) + " (%)"
    elif target.kind == "cumulative_reduction":
        value_label = tr("chart.reduction_rate", lang) + " (%)"
    elif target.kind == "cumulative":
        value_label = tr("chart.cumulative", lang) + (f" ({unit})" if unit else "")
    else:
        value_label = unit
    return ChartData(
        target_id=target.id,
        title=name,
        unit=unit,
        status=row.assessment.status,
        required=required,
        actual=actual,
        year_to_date=ytd,
        target=(target.year, goal),
        target_label=f"{tr('chart.target', lang)} {target_text(target, lang, data.plan)}{unit if unit == '%' else ' ' + unit}".rstrip(),
        zero_based=target.kind in (*RATE_KINDS, "cumulative"),
        value_label=value_label,
        ytd_required=ytd_required,
        observed=bool(series),
    )


def charts(data: ReportInput) -> list[tuple[Row, ChartData]]:
    """Every shown target that has a path, with its chart series, in table order."""
    result = []
    for row in data.status.rows:
        chart = chart_data(row, data.observations, data)
        if chart is not None:
            result.append((row, chart))
    return result


# ── Markdown ─────────────────────────────────────────────────────────────────


def summary_views(data: ReportInput) -> tuple[View, View]:
    """The two summary tables: targets by status, and by category and status."""
    lang = data.lang
    counts = status_counts(data)
    total = sum(counts.values())
    by_status = View(
        data=counts,
        columns=[Column("status", tr("col.status", lang)), Column("count", tr("col.count", lang), align="right")],
        rows=[{"status": s, "count": n} for s, n in counts.items()],
        cells=[{"status": tr(s, lang), "count": str(n)} for s, n in counts.items()]
        + [{"status": tr("report.total", lang), "count": str(total)}],
    )
    statuses = shown_statuses(data)
    categories = category_counts(data)
    columns = [Column("category", column(data.plan, "category", lang))]
    columns += [Column(s, tr(s, lang), align="right") for s in statuses]
    columns.append(Column("total", tr("report.total", lang), align="right"))
    cells = [{"category": c.name, **{s: str(c.counts[s]) for s in statuses}, "total": str(c.total)} for c in categories]
    cells.append({"category": tr("report.total", lang), **{s: str(counts[s]) for s in statuses}, "total": str(total)})
    by_category = View(
        data=[dataclasses.asdict(c) for c in categories],
        columns=columns,
        rows=[{"category": c.category, **c.counts, "total": c.total} for c in categories],
        cells=cells,
    )
    return by_status, by_category
