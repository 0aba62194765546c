"""Average-growth targets: the realised average against the rate still needed each remaining year."""

from __future__ import annotations

import math

from qzdc.engine.formulas import CalcError, finite, pace_ratio, realised_average, remaining_rate, safe_pow
from qzdc.engine.series import Point
from qzdc.engine.verdict import (
    Assessment,
    against_direction,
    as_number,
    elapsed,
    final_miss,
    holds,
    status_from_ratio,
    years_in_period,
)
from qzdc.plan.models import Target, Thresholds


def assess_average_growth(target: Target, series: list[Point], thresholds: Thresholds) -> Assessment:
    goal = as_number(target.value)
    assert goal is not None
    g_target = goal / 100
    n_years = target.period_years
    annual, partial, notes = years_in_period(target, series)
    assert target.start_year is not None and target.year is not None
    t0 = target.start_year - 1
    if not annual and partial is None:
        # Nothing observed yet: every year of the period still needs the target rate.
        target_growth = safe_pow(1 + g_target, n_years) if g_target > -1 else None
        return Assessment(
            target.id, "no_data", "average growth", tuple([*notes, "no yearly growth rate in the period"]),
            pace_unit="rate", required_from_baseline=g_target, required_now=g_target,
            required_rest=target_growth - 1 if target_growth is not None else None,
        )  # fmt: skip
    rates = [float(p.value) / 100 for p in annual]
    k = len(rates)
    used = tuple(annual + ([partial] if partial else []))
    latest = partial or annual[-1]
    base = {
        "latest": latest,
        "used": used,
        "pace_unit": "rate",
        "required_from_baseline": g_target,
        "time_elapsed": elapsed(latest.period.time, t0, target.year),
    }
    collapsed = [p for p in annual if float(p.value) <= -100]
    if collapsed or g_target <= -1:
        # A fall of 100 % or more leaves nothing to compound: no average exists.
        why = f"a growth rate of {collapsed[0].value} % in {collapsed[0].period}" if collapsed else "the target rate"
        notes.append(f"{why} is −100 % or less and cannot be compounded")
        return Assessment(
            target.id, "moving_away" if collapsed else "off_track", "average growth", tuple(notes), **base
        )
    growth_so_far = math.prod(1 + g for g in rates)
    target_growth = safe_pow(1 + g_target, n_years)
    if target_growth is None:
        notes.append("the target rate is too large to compound")
        return Assessment(target.id, "off_track", "average growth", tuple(notes), **base)
    progress = finite((growth_so_far - 1) / (target_growth - 1)) if target_growth != 1 else None
    average = realised_average(rates) if rates else None
    # Still required in all: the growth the remaining years must compound to, (1+G)^N / Π(1+g) − 1.
    rest = finite(target_growth / growth_so_far - 1) if growth_so_far > 0 else None
    gap = g_target - average if average is not None else None

    if k >= n_years:
        assert average is not None
        met = holds(average * 100, target.comparator, goal)
        ratio = pace_ratio(average, g_target)
        status = "achieved" if met else final_miss(ratio)
        notes.append(f"final: all {n_years} years observed")
        return Assessment(
            target.id, status, "average growth", tuple(notes), final=True, observed_pace=average,
            progress=progress, pace_ratio=ratio, projected=average, projected_gap=average - g_target, **base,
        )  # fmt: skip

    try:
        r_now = g_target if not rates else remaining_rate(g_target, n_years, rates)
    except CalcError as error:
        notes.append(f"the rate still needed cannot be computed: {error}")
        return Assessment(target.id, "off_track", "average growth", tuple(notes), progress=progress, **base)
    base |= {"required_rest": rest, "gap": gap}
    projected = average  # the average over the period if the rest grows at the realised pace
    if partial is not None:
        # Year to date: this year's rate so far against the rate this year needs (the status).
        # The other figures include the year so far, as an analyst reads a row whose latest
        # figure is 6.5 (2025-09): the average counts the year at its rate so far (the
        # year-to-date rate is the best estimate of the year's), progress counts it for the
        # share of the year gone by, where 序时进度 is measured.
        method = "average growth, year to date against the rate the year needs"
        ytd = float(partial.value) / 100
        if ytd > -1:
            projected = realised_average([*rates, ytd])
            base["gap"] = g_target - projected
            gone = safe_pow(1 + ytd, partial.period.fraction)
            if gone is not None and target_growth != 1:
                progress = finite((growth_so_far * gone - 1) / (target_growth - 1))
        if against_direction(r_now, target):
            notes.append("the years observed already carry the average: no more growth is needed")
            return Assessment(
                target.id, "on_track", method, tuple(notes), observed_pace=ytd, required_now=r_now,
                progress=progress, projected=projected,
                projected_gap=projected - g_target if projected is not None else None, **base,
            )  # fmt: skip
        ratio = pace_ratio(ytd, r_now)
        status = status_from_ratio(ratio, thresholds) if ratio is not None else "off_track"
        return Assessment(
            target.id, status, method, tuple(notes), observed_pace=ytd, required_now=r_now, progress=progress,
            pace_ratio=ratio, projected=projected,
            projected_gap=projected - g_target if projected is not None else None, **base,
        )  # fmt: skip

    assert average is not None
    if against_direction(r_now, target):
        notes.append("the years observed already carry the average: no more growth is needed")
        return Assessment(
            target.id, "on_track", "average growth", tuple(notes), observed_pace=average, required_now=r_now,
            progress=progress, projected=projected, projected_gap=projected - g_target, **base,
        )  # fmt: skip
    ratio = pace_ratio(average, r_now)
    status = status_from_ratio(ratio, thresholds) if ratio is not None else "off_track"
    return Assessment(
        target.id, status, "average growth", tuple(notes), observed_pace=average, required_now=r_now,
        progress=progress, pace_ratio=ratio, projected=projected, projected_gap=projected - g_target, **base,
    )  # fmt: skip
