"""Level and share targets moving along a geometric or linear path (methodology.md, "Formulas")."""

from __future__ import annotations

import math
from typing import Any

from qzdc.engine.formulas import finite, safe_exp, safe_expm1
from qzdc.engine.series import Point
from qzdc.engine.verdict import (
    Assessment,
    after_target_year,
    as_number,
    final_miss,
    fmt_value,
    holds,
    reached_in,
    share_due,
    share_words,
    status_from_ratio,
)
from qzdc.plan.models import Target, Thresholds


def assess_path(target: Target, series: list[Point], thresholds: Thresholds) -> Assessment:
    """Level and share targets moving along a geometric or linear path."""
    assert target.year is not None
    series, notes = after_target_year(series, target)
    goal = as_number(target.value)
    assert goal is not None
    base = target.baseline
    numeric = [p for p in series if as_number(p.value) is not None]
    t_end = target.year
    if base is not None:
        b, t0 = float(base.value), base.year  # type: ignore[arg-type]
        after = [p for p in numeric if p.period.time > t0]
    elif len(numeric) >= 2 and numeric[-1].period.time > numeric[0].period.time:
        # The plan gives no baseline: the earliest observation stands in for one.
        b, t0 = float(numeric[0].value), numeric[0].period.time
        after = [p for p in numeric if p.period.time > t0]
        notes.append(f"no baseline in the plan: the {numeric[0].period} observation serves as one")
    else:
        b, t0 = None, None  # type: ignore[assignment]
        after = numeric
    if base is not None and base.vintage is not None and base.vintage != base.year:
        notes.append(
            f"the baseline is a {base.vintage} figure filed under {base.year}; the path runs from {base.year} as the plan has it"
        )
    if not after:
        return Assessment(
            target.id, "no_data", target.path or "linear", tuple([*notes, "no observation after the baseline"])
        )
    latest = after[-1]
    y, t = float(latest.value), latest.period.time
    due = 1.0
    if target.flow and not latest.period.is_year:
        # A yearly flow (GDP, exports) to date is part of the year: estimate the year from the share due.
        due = share_due(target, latest.period)
        ytd = y
        y, t = ytd / due, float(latest.period.year)
        met = target.direction == "increase" and holds(ytd, target.comparator, goal)
        notes.append(
            f"yearly flow: {fmt_value(ytd)} to {latest.period} is {fmt_value(due * 100)} % of the year by "
            f"{share_words(target)}, an estimate of {fmt_value(y)} for {latest.period.year}"
        )
        final = False
    else:
        met = holds(y, target.comparator, goal)
        final = t >= t_end
    common: dict[str, Any] = {"latest": latest, "final": final, "used": tuple(after)}

    if b is None:
        # One observation and no baseline: no pace can be measured.
        notes.append("no baseline and a single observation: judged by whether the target holds")
        return Assessment(
            target.id,
            "achieved" if met else "off_track",
            "comparator",
            tuple(notes),
            progress=1.0 if met else None,
            **common,
        )

    increasing = target.direction != "decrease"
    toward = goal - b if increasing else b - goal  # > 0 when the target asks for movement
    if toward <= 0 or holds(b, target.comparator, goal):
        # Met at the baseline (or the target equals it): no pace to measure.
        why = "the target equals the baseline" if goal == b else "the target was already met at the baseline"
        notes.append(f"{why}: judged by whether it still holds (pace ratio undefined)")
        return Assessment(
            target.id,
            "achieved" if met else "off_track",
            "comparator",
            tuple(notes),
            progress=1.0 if met else 0.0,
            **common,
        )

    path = target.path or "linear"
    if path == "geometric" and (b <= 0 or y <= 0 or goal <= 0):
        path = "linear"
        method = "linear (a value is not positive, so compound growth is undefined)"
    else:
        method = path
    span = t_end - t0
    elapsed = t - t0
    remaining = t_end - t
    if path == "geometric":
        # In logarithms: G/b or y/b may overflow where their logarithms do not.
        log_b, log_y, log_goal = math.log(b), math.log(y), math.log(goal)
        g_req = (log_goal - log_b) / span  # continuous growth a year
        g_obs = (log_y - log_b) / elapsed if elapsed > 0 else None
        r_req = safe_expm1(g_req)
        expected = safe_exp(log_b + g_req * elapsed)
        r_obs = safe_expm1(g_obs) if g_obs is not None else None
        r_now = None if remaining <= 0 else safe_expm1((log_goal - log_y) / remaining)
        projected = y if remaining <= 0 else (safe_exp(log_y + g_obs * remaining) if g_obs is not None else None)
        if met:
            n = 0.0
        elif g_obs and (log_goal > log_y) == (g_obs > 0):
            n = (log_goal - log_y) / g_obs
        else:
            n = None
        pace_unit = "rate"
        ratio = finite(r_obs / r_req) if r_obs is not None and r_req else None
    else:
        d_req = (goal - b) / span
        expected = b + d_req * elapsed
        d_obs = (y - b) / elapsed if elapsed > 0 else math.nan
        r_req, r_obs = d_req, d_obs
        r_now = None if remaining <= 0 else (goal - y) / remaining
        projected = y if remaining <= 0 else y + d_obs * remaining
        if met:
            n = 0.0
        elif d_obs != 0 and (goal > y) == (d_obs > 0):
            n = (goal - y) / d_obs
        else:
            n = None
        pace_unit = "change"
        ratio = finite(d_obs / d_req) if d_req else None

    progress = finite((y - b) / (goal - b))
    if due != 1.0 and expected is not None:
        expected *= due  # what should have accumulated by now, comparable with the year-to-date figure
        method += f", year to date against {share_words(target)}"
    # What is left to do before the target year ends, in all: G/y − 1 or G − y.
    rest = None if met or remaining <= 0 else (goal / y - 1 if pace_unit == "rate" else goal - y)
    if met:
        status = "achieved"
        r_now = None  # nothing more is required
    elif ratio is None:
        status = "off_track"
        notes.append("the pace ratio cannot be computed")
    elif final:
        status = final_miss(ratio)
    else:
        status = status_from_ratio(ratio, thresholds)
    if final:
        notes.append(f"final: the latest figure is for the target year {t_end}")
    return Assessment(
        target.id,
        status,
        method,
        tuple(notes),
        pace_unit=pace_unit,
        required_from_baseline=finite(r_req),
        expected_now=finite(expected),
        observed_pace=finite(r_obs),
        required_now=finite(r_now),
        required_rest=finite(rest),
        progress=progress,
        pace_ratio=ratio,
        projected=finite(projected),
        projected_gap=finite(projected - goal) if projected is not None else None,
        year_reached=reached_in(t, n),
        **common,
    )
