"""Level and share targets moving along a geometric or linear path (methodology.md, "Formulas")."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from qzdc.engine.formulas import finite, pace_ratio, safe_exp, safe_expm1
from qzdc.engine.series import Point
from qzdc.engine.verdict import (
    Assessment,
    after_target_year,
    as_number,
    baseline_point,
    elapsed,
    final_miss,
    fmt_value,
    holds,
    reached_in,
    share_due,
    share_words,
    status_from_ratio,
)
from qzdc.plan.models import Target, Thresholds


@dataclass
class PathFigures:
    """One path's figures between the baseline b (year t0) and the latest value y (year t).

    Per year: a growth rate (geometric) or a change in the unit (linear), as `pace_unit` says.
    """

    pace_unit: str  # "rate" or "change"
    required: float | None  # r_req or Δ_req, from the baseline
    expected: float | None  # E(t)
    observed: float | None  # r_obs or Δ_obs
    still_required: float | None  # r_now or Δ_now, each remaining year
    projected: float | None  # P(T) at the observed pace
    years_to_go: float | None  # years after t until the target is met at the observed pace
    ratio: float | None  # R = observed / required


def geometric_figures(b: float, y: float, goal: float, t0: float, t: float, t_end: int, met: bool) -> PathFigures:
    """Compound growth, worked in logarithms: G/b or y/b may overflow where their logarithms do not."""
    span, elapsed, remaining = t_end - t0, t - t0, t_end - t
    log_b, log_y, log_goal = math.log(b), math.log(y), math.log(goal)
    g_req = (log_goal - log_b) / span  # continuous growth a year
    g_obs = (log_y - log_b) / elapsed if elapsed > 0 else None
    r_req = safe_expm1(g_req)
    r_obs = safe_expm1(g_obs) if g_obs is not None else None
    if met:
        n = 0.0
    elif g_obs and (log_goal > log_y) == (g_obs > 0):
        n = (log_goal - log_y) / g_obs
    else:
        n = None
    return PathFigures(
        pace_unit="rate",
        required=r_req,
        expected=safe_exp(log_b + g_req * elapsed),
        observed=r_obs,
        still_required=None if remaining <= 0 else safe_expm1((log_goal - log_y) / remaining),
        projected=y if remaining <= 0 else (safe_exp(log_y + g_obs * remaining) if g_obs is not None else None),
        years_to_go=n,
        ratio=pace_ratio(r_obs, r_req),
    )


def linear_figures(b: float, y: float, goal: float, t0: float, t: float, t_end: int, met: bool) -> PathFigures:
    """Equal yearly changes: the same figures as differences."""
    span, elapsed, remaining = t_end - t0, t - t0, t_end - t
    d_req = (goal - b) / span
    d_obs = (y - b) / elapsed if elapsed > 0 else math.nan
    if met:
        n = 0.0
    elif d_obs != 0 and (goal > y) == (d_obs > 0):
        n = (goal - y) / d_obs
    else:
        n = None
    return PathFigures(
        pace_unit="change",
        required=d_req,
        expected=b + d_req * elapsed,
        observed=d_obs,
        still_required=None if remaining <= 0 else (goal - y) / remaining,
        projected=y if remaining <= 0 else y + d_obs * remaining,
        years_to_go=n,
        ratio=pace_ratio(d_obs, d_req),
    )


def path_origin(
    target: Target, numeric: list[Point], notes: list[str]
) -> tuple[float | None, float | None, list[Point]]:
    """Where the path starts, (b, t0), and the points after it.

    The plan's baseline; without one, the earliest observation stands in (and a
    single observation leaves no origin: (None, None, every point)).
    """
    base = target.baseline
    if base is not None:
        if base.vintage is not None and base.vintage != base.year:
            notes.append(
                f"the baseline is a {base.vintage} figure filed under {base.year}; the path runs from {base.year} as the plan has it"
            )
        t0 = base.year
        return float(base.value), t0, [p for p in numeric if p.period.time > t0]  # type: ignore[arg-type]
    if len(numeric) >= 2 and numeric[-1].period.time > numeric[0].period.time:
        t0 = numeric[0].period.time
        notes.append(f"no baseline in the plan: the {numeric[0].period} observation serves as one")
        return float(numeric[0].value), t0, [p for p in numeric if p.period.time > t0]
    return None, None, numeric


@dataclass
class LatestValue:
    """The latest value as the path reads it: a yearly flow to date becomes an estimate of its year."""

    y: float
    t: float
    due: float  # the share of the year due by the latest period (1 for a whole year)
    met: bool
    final: bool
    to_date: float | None = None  # a yearly flow's figure to date, which its status is judged on


def _scalable(target: Target, points: list[Point], notes: list[str]) -> list[Point]:
    """The points a path can judge: a yearly flow's figure to date for a period by which its
    seasonal profile has nothing of the year due (a first quarter of 0) cannot be scaled up to
    an estimate of the year, and is left out of the judgment, with a note saying so."""
    if not target.flow:
        return points
    kept = []
    for p in points:
        if not p.period.is_year and share_due(target, p.period) <= 0:
            notes.append(
                f"nothing of the year is due by {p.period} by {share_words(target)}: the figure to date "
                f"({fmt_value(float(p.value))}) cannot be scaled to the year and is not judged"
            )
        else:
            kept.append(p)
    return kept


def latest_value(target: Target, latest: Point, goal: float, notes: list[str]) -> LatestValue:
    y, t = float(latest.value), latest.period.time
    assert target.year is not None
    if target.flow and not latest.period.is_year:
        # A yearly flow (GDP, exports) to date is part of the year. Its status is the figure so far
        # against the share of the year's path value due by then; the estimate of the year
        # (figure / share due) gives the extra figures only: pace, projection, progress, gap.
        due = share_due(target, latest.period)
        ytd = y
        y, t = ytd / due, float(latest.period.year)
        met = target.direction == "increase" and holds(ytd, target.comparator, goal)
        return LatestValue(y, t, due, met, final=False, to_date=ytd)
    return LatestValue(y, t, 1.0, holds(y, target.comparator, goal), final=t >= target.year)


def flow_ratio(to_date: float, due: float, direction: str) -> float | None:
    """R for a yearly flow to date: the figure so far against what is due by then.

    `to_date / due` for an increase target (5400 against 5625 is 0.96). Written as
    1 ± (to_date − due)/|due| so that a decrease target, or a due below zero,
    reads the same way: a figure 4 % worse than due is R = 0.96 either way.
    None when nothing is due.
    """
    if due == 0:
        return None
    if direction != "decrease" and due > 0:
        return finite(to_date / due)
    off = (to_date - due) / abs(due)
    return finite(1 - off if direction == "decrease" else 1 + off)


def flow_share_words(target: Target) -> str:
    """What a yearly flow's figure to date is judged against, for `method`."""
    return (
        "the seasonal profile's share of the year's path value"
        if target.profile
        else "a linear share of the year's path value"
    )


def still_required(
    target: Target, y: float, t: float, goal: float, rate: bool
) -> tuple[float | None, float | None, float | None]:
    """From the value `y` at `t`: what each remaining year still needs, what is needed in all, and the gap `G − y`.

    Growth rates on a geometric path (`rate`), changes in the unit otherwise; nothing once the target year is here.
    """
    assert target.year is not None
    remaining = target.year - t
    if remaining <= 0:
        return None, None, None
    if rate:
        per_year = safe_expm1((math.log(goal) - math.log(y)) / remaining)
        return per_year, finite(goal / y - 1), goal - y
    return (goal - y) / remaining, goal - y, goal - y


def _geometric(target: Target, *values: float) -> bool:
    return target.path == "geometric" and all(v > 0 for v in values)


def assess_path(target: Target, series: list[Point], thresholds: Thresholds) -> Assessment:
    """Level and share targets moving along a geometric or linear path."""
    assert target.year is not None
    series, notes = after_target_year(series, target)
    goal = as_number(target.value)
    assert goal is not None
    numeric = [p for p in series if as_number(p.value) is not None]
    b, t0, after = path_origin(target, numeric, notes)
    after = _scalable(target, after, notes)
    if not after:
        known = baseline_point(target)
        figures: dict[str, Any] = {}
        if known is not None and b is not None and t0 is not None and not holds(b, target.comparator, goal):
            # No status without a later figure, but what is still required is known from the baseline.
            rate = _geometric(target, b, goal)
            per_year, rest, gap = still_required(target, b, t0, goal, rate)
            figures = {
                "pace_unit": "rate" if rate else "change",
                "required_now": per_year,
                "required_rest": rest,
                "gap": gap,
                "required_from": known,
            }
        return Assessment(
            target.id,
            "no_data",
            target.path or "linear",
            tuple([*notes, "no observation after the baseline"]),
            **figures,
        )
    latest = after[-1]
    now = latest_value(target, latest, goal, notes)
    common: dict[str, Any] = {"latest": latest, "final": now.final, "used": tuple(after), "required_from": latest}
    if t0 is not None:
        common["time_elapsed"] = elapsed(latest.period.time, t0, target.year)

    def open_figures() -> dict[str, Any]:
        """What is still required while the target does not hold and its year has not ended."""
        if now.met or now.final:
            return {}
        rate = _geometric(target, now.y, goal)
        per_year, rest, gap = still_required(target, now.y, now.t, goal, rate)
        return {"pace_unit": "rate" if rate else "change", "required_now": per_year, "required_rest": rest, "gap": gap}

    if b is None:
        # One observation and no baseline: no pace can be measured.
        notes.append("no baseline and a single observation: judged by whether the target holds")
        status = "achieved" if now.met else "off_track"
        return Assessment(
            target.id,
            status,
            "comparator",
            tuple(notes),
            progress=1.0 if now.met else None,
            **common,
            **open_figures(),
        )
    assert t0 is not None
    toward = goal - b if target.direction != "decrease" else b - goal  # > 0 when the target asks for movement
    if toward <= 0 or holds(b, target.comparator, goal):
        # Met at the baseline (or the target equals it): no pace to measure.
        why = "the target equals the baseline" if goal == b else "the target was already met at the baseline"
        notes.append(f"{why}: judged by whether it still holds (pace ratio undefined)")
        status = "achieved" if now.met else "off_track"
        return Assessment(
            target.id,
            status,
            "comparator",
            tuple(notes),
            progress=1.0 if now.met else 0.0,
            **common,
            **open_figures(),
        )

    y, t = now.y, now.t
    method = target.path or "linear"
    if method == "geometric" and (b <= 0 or y <= 0 or goal <= 0):
        method = "linear (a value is not positive, so compound growth is undefined)"
        fig = linear_figures(b, y, goal, t0, t, target.year, now.met)
    elif method == "geometric":
        fig = geometric_figures(b, y, goal, t0, t, target.year, now.met)
    else:
        fig = linear_figures(b, y, goal, t0, t, target.year, now.met)
    expected = fig.expected
    ratio = fig.ratio
    year_rest = year_due = None
    if now.to_date is not None and expected is not None:
        # A yearly flow to date: E(year), the path's value for the year (the target in the target
        # year), is the year's requirement; the share of it due by now is what the figure so far is
        # judged against, and the rest of the year must bring the figure to E(year).
        year_value = expected
        if not now.met:
            year_rest = year_value - now.to_date
        expected *= now.due
        year_due = expected
        ratio = flow_ratio(now.to_date, expected, target.direction)
        method += f", year to date against {flow_share_words(target)}"
        notes.append(
            f"yearly flow: {fmt_value(now.to_date)} to {latest.period} against {fmt_value(expected)} due, "
            f"{fmt_value(now.due * 100)} % of {fmt_value(year_value)} ({latest.period.year} on the path) by "
            f"{share_words(target)}; at that pace about {fmt_value(y)} for {latest.period.year}"
        )
    # What is left to do before the target year ends, in all: G/y − 1 or G − y.
    remaining = target.year - t
    rest = None if now.met or remaining <= 0 else (goal / y - 1 if fig.pace_unit == "rate" else goal - y)
    gap = None if now.met or now.final else goal - y
    still = fig.still_required
    if now.met:
        status = "achieved"
        still = None  # nothing more is required
    elif ratio is None:
        status = "off_track"
        notes.append("the pace ratio cannot be computed")
    elif now.final:
        status = final_miss(ratio)
    else:
        status = status_from_ratio(ratio, thresholds)
    if now.final:
        notes.append(f"final: the latest figure is for the target year {target.year}")
    return Assessment(
        target.id,
        status,
        method,
        tuple(notes),
        pace_unit=fig.pace_unit,
        required_from_baseline=finite(fig.required),
        expected_now=finite(expected),
        observed_pace=finite(fig.observed),
        required_now=finite(still),
        required_rest=finite(rest),
        progress=finite((y - b) / (goal - b)),
        pace_ratio=ratio,
        projected=finite(fig.projected),
        projected_gap=finite(fig.projected - goal) if fig.projected is not None else None,
        year_reached=reached_in(t, fig.years_to_go),
        gap=finite(gap),
        year_rest=finite(year_rest),
        year_due=finite(year_due),
        **common,
    )
