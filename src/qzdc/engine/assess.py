"""The engine: required growth, gap to target, pace and status. Pure functions.

Everything here follows docs/methodology.md (the project's copy of the shared
reference, with qzdc's own choices where it is silent). No I/O, no printing:
the CLI, reports and batch runs all call `assess` and share one implementation.

Conventions: rates are fractions inside the engine (0.0752 is 7.52 %); the
machine formats turn them into percent in fields named `*_pct`. A figure that
cannot be computed is None, and `notes` says why. No NaN or infinity leaves
this module.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from qzdc.engine.cumulative import assess_cumulative
from qzdc.engine.formulas import CalcError, rate_window
from qzdc.engine.growth import assess_average_growth
from qzdc.engine.held import assess_maintain, assess_milestone, assess_ordinal
from qzdc.engine.path import assess_path
from qzdc.engine.reduction import assess_cumulative_reduction
from qzdc.engine.relative import assess_monitored, assess_relative
from qzdc.engine.series import Point, points, usable_points
from qzdc.engine.verdict import Assessment, RateLevel, as_number, printed
from qzdc.plan.models import Observation, Plan, Target, Thresholds
from qzdc.plan.periods import Period


@dataclass(frozen=True)
class RateLink:
    """The plan's average-growth target on the quantity a level target is set on, and its observed rates."""

    target: Target
    observations: tuple[Observation, ...]


def assess(
    target: Target,
    observations: Iterable[Observation],
    *,
    as_of: Period | None = None,
    thresholds: Thresholds | None = None,
    classes: Sequence[str] | None = None,
    rate: RateLink | None = None,
    reference: Iterable[Observation] = (),
) -> Assessment:
    """Where `target` stands, from its indicator's observations, as of `as_of` (None: latest).

    `rate`, for a level target, is the plan's rate target on the same quantity:
    the assessment then says where that rate leads (`rate_level`). `reference`
    is the observations of the indicator a relative target is set against.
    """
    thresholds = thresholds or Thresholds()
    series = usable_points(points(observations), as_of)
    kind = target.kind
    if kind in ("level", "share"):
        a = assess_path(target, series, thresholds)
    elif kind == "average_growth":
        a = assess_average_growth(target, series, thresholds)
    elif kind == "cumulative":
        a = assess_cumulative(target, series, thresholds)
    elif kind == "maintain":
        a = assess_maintain(target, series)
    elif kind == "ordinal":
        a = assess_ordinal(target, series, list(classes or ()))
    elif kind == "milestone":
        a = assess_milestone(target, series, as_of)
    elif kind == "cumulative_reduction":
        a = assess_cumulative_reduction(target, series, thresholds)
    elif kind == "relative":
        a = assess_relative(target, series, usable_points(points(reference), as_of))
    elif kind == "monitored":
        a = assess_monitored(target, series)
    else:
        raise ValueError(f"unknown kind {kind!r}")
    return dataclasses.replace(
        a,
        on_schedule=on_schedule(target, a),
        stale=is_stale(a, as_of),
        annual=tuple(p for p in series if p.period.is_year),
        rate_level=rate_level(target, a, series, rate, as_of) if rate is not None else None,
    )


def on_schedule(target: Target, a: Assessment) -> bool | None:
    """达到序时进度: progress at least the share of time gone by (methodology: "Time elapsed").

    For growth-rate, maintain, class and milestone targets, where progress by
    distance means little, the status says it instead; so too for a yearly flow
    to date, whose progress rests on an estimate of the year; unknown without a figure.
    """
    if a.time_elapsed is None or a.latest is None:
        return None
    if a.status == "achieved":
        return True
    if not schedule_by_status(target, a):
        return printed(a.progress) >= printed(a.time_elapsed)
    if a.status == "on_track":
        return True
    if a.status in ("at_risk", "off_track", "moving_away"):
        return False
    return None


def schedule_by_status(target: Target, a: Assessment) -> bool:
    """Whether the status, not progress against time elapsed, says if the target keeps up with 序时进度.

    Progress by distance decides only for level, share and cumulative targets
    with a progress and a figure that is not a yearly flow to date.
    """
    flow_to_date = target.flow and a.latest is not None and not a.latest.period.is_year
    return target.kind not in ("level", "share", "cumulative") or a.progress is None or flow_to_date


def is_stale(a: Assessment, as_of: Period | None) -> bool:
    """The latest figure is older than the year before the as-of year (methodology: "Stale figures").

    A final verdict (a milestone done, a target-year figure) is closed, never stale.
    """
    if as_of is None or a.latest is None or a.final:
        return False
    return a.latest.period.year < as_of.year - 1


def rate_level(
    target: Target, a: Assessment, series: list[Point], rate: RateLink, as_of: Period | None
) -> RateLevel | None:
    """The level the plan's rate leads to in the target year, on the rate's own window.

    From the latest whole-year level inside the window whose years so far all
    have their rate (else the baseline, if it stands at the window's start):
    GDP 75.33 亿元 in 2023 after +7.5 %, at 7.5 % a year over 2023–2025, is 87.05 in 2025.
    """
    rt = rate.target
    g = as_number(rt.value)
    goal = as_number(target.value)
    if target.kind != "level" or a.final or g is None or goal is None or rt.year != target.year:
        return None
    assert rt.start_year is not None and rt.year is not None
    rates = {
        p.period.year: float(p.value) / 100
        for p in usable_points(points(rate.observations), as_of)
        if p.period.is_year and as_number(p.value) is not None
    }
    levels = [(p.period.year, float(p.value)) for p in series if p.period.is_year and as_number(p.value) is not None]
    if target.baseline is not None and as_number(target.baseline.value) is not None:
        levels.insert(0, (target.baseline.year, float(target.baseline.value)))  # type: ignore[arg-type]
    for year, level in sorted(levels, reverse=True):
        if not rt.start_year - 1 <= year <= rt.year:
            continue
        observed = [rates.get(y) for y in range(rt.start_year, year + 1)]
        if any(r is None for r in observed):
            continue
        try:
            window = rate_window(level, year, observed, g / 100, rt.start_year, rt.year)  # type: ignore[arg-type]
        except CalcError:
            continue
        implied = window.implied_level
        if implied is None:
            return None
        return RateLevel(rt.id, g / 100, implied, implied - goal)
    return None


def rate_link(plan: Plan, target: Target, observations: Iterable[Observation]) -> RateLink | None:
    """The average-growth target set on the growth of `target`'s quantity (`rate_of`), if the plan has one."""
    if target.kind != "level":
        return None
    for indicator in plan.indicators:
        if indicator.rate_of != target.indicator:
            continue
        for rt in indicator.targets:
            if rt.kind == "average_growth":
                own = tuple(o for o in observations if o.indicator == indicator.id)
                return RateLink(plan.targets_by_id.get(rt.id, rt), own)
    return None


def assess_plan(
    targets: Iterable[Target],
    observations: Iterable[Observation],
    *,
    as_of: Period | None = None,
    thresholds: Thresholds | None = None,
    classes: dict[str, Sequence[str]] | None = None,
) -> list[Assessment]:
    """Assess every target. Observations later in the list supersede earlier ones for
    the same indicator and period, so pass the plan's figures first and a user's after."""
    by_indicator: dict[str, list[Observation]] = {}
    for obs in observations:
        by_indicator.setdefault(obs.indicator, []).append(obs)
    classes = classes or {}
    return [
        assess(
            t,
            by_indicator.get(t.indicator, []),
            as_of=as_of,
            thresholds=thresholds,
            classes=classes.get(t.indicator),
            reference=by_indicator.get(t.relative_to or "", []),
        )
        for t in targets
    ]
