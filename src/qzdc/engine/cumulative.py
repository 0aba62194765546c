"""Cumulative targets: the sum of yearly flows against the period's total."""

from __future__ import annotations

import math
from typing import Any

from qzdc.engine.formulas import finite, pace_ratio
from qzdc.engine.series import Point
from qzdc.engine.verdict import (
    Assessment,
    as_number,
    elapsed,
    final_miss,
    holds,
    share_due,
    share_words,
    status_from_ratio,
    years_in_period,
)
from qzdc.plan.models import Target, Thresholds
from qzdc.plan.periods import Period


def assess_cumulative(target: Target, series: list[Point], thresholds: Thresholds) -> Assessment:
    goal = as_number(target.value)
    assert goal is not None and target.start_year is not None
    n_years = target.period_years
    annual, partial, notes = years_in_period(target, series)
    start = Point(Period(target.start_year - 1), 0.0, origin="baseline")
    if not annual and partial is None:
        # Nothing counted yet: the whole sum is still to come, evenly over the period.
        return Assessment(
            target.id, "no_data", "cumulative", tuple([*notes, "no yearly flow in the period"]), pace_unit="sum",
            required_from_baseline=goal / n_years, required_now=goal / n_years, required_rest=goal, gap=goal,
            total=0.0, required_from=start,
        )  # fmt: skip
    flows = [float(p.value) for p in annual]
    k = len(flows)
    total = sum(flows)
    used = tuple(annual + ([partial] if partial else []))
    latest = partial or annual[-1]
    required_avg = goal / n_years
    ytd = float(partial.value) if partial else 0.0
    so_far = total + ytd
    assert target.year is not None
    base: dict[str, Any] = {
        "latest": latest,
        "used": used,
        "pace_unit": "sum",
        "required_from_baseline": required_avg,
        "total": so_far,  # the running total: what the target counts, 85 of 150
        "required_from": Point(latest.period, so_far, latest.origin, latest.source, latest.inferred),
        "time_elapsed": elapsed(latest.period.time, target.start_year - 1, target.year),
    }
    progress = finite(so_far / goal) if goal else None
    met = holds(so_far, target.comparator, goal)
    years_gone = k + (share_due(target, partial.period) if partial else 0.0)
    average = so_far / years_gone if years_gone > 0 else None
    projected = None if average is None else (total if k >= n_years else so_far + average * (n_years - years_gone))
    gap = finite(projected - goal) if projected is not None else None
    if partial is not None:
        # To date, what is due is this year's share of what the year needs, (G − S)/(N − k): the
        # one figure the status compares the year's flow so far with (the table's 应达, labelled 当期).
        expected = share_due(target, partial.period) * (goal - total) / (n_years - k)
    else:
        expected = required_avg * k  # the running total due on an even path, G·k/N
    if met:
        year = (partial or annual[-1]).period.year
        return Assessment(
            target.id, "achieved", "cumulative", tuple(notes), final=k >= n_years, expected_now=expected,
            observed_pace=average, progress=progress, projected=projected, projected_gap=gap, year_reached=year, **base,
        )  # fmt: skip
    if k >= n_years:
        ratio = pace_ratio(total / k, required_avg)
        notes.append(f"final: all {n_years} years observed")
        return Assessment(
            target.id, final_miss(ratio), "cumulative", tuple(notes), final=True, expected_now=expected,
            observed_pace=total / k, progress=progress, pace_ratio=ratio, projected=total, projected_gap=gap, **base,
        )  # fmt: skip
    still_per_year = (goal - total) / (n_years - k)
    reach = None
    if average and average > 0 and goal > 0:
        years_needed = goal / average
        if years_needed <= 1000:
            reach = max(target.start_year - 1 + math.ceil(years_needed - 1e-9), latest.period.year)
    open_figures = {"required_rest": goal - so_far, "gap": goal - so_far}
    if partial is not None:
        # Year to date: this year's sum so far against the share of the year's requirement due by now.
        due = expected
        open_figures |= {"year_due": due, "year_rest": still_per_year - ytd}
        ratio = pace_ratio(ytd, due) if due > 0 else None
        method = f"cumulative, year to date against {share_words(target)}"
    else:
        ratio = pace_ratio(total / k, required_avg)
        method = "cumulative"
    status = status_from_ratio(ratio, thresholds) if ratio is not None else "on_track"
    return Assessment(
        target.id, status, method, tuple(notes), expected_now=expected, observed_pace=average,
        required_now=still_per_year, progress=progress, pace_ratio=ratio, projected=finite(projected),
        projected_gap=gap, year_reached=reach, **open_figures, **base,
    )  # fmt: skip
