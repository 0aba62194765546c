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

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from qzdc.plan.models import Observation, Target, Thresholds
from qzdc.plan.periods import Period, PeriodError, parse_period

STATUSES = ("achieved", "on_track", "at_risk", "off_track", "moving_away", "pending", "no_data")
# For --fail-on: each status at or beyond the named one fails the gate.
SEVERITY = {"at_risk": 1, "off_track": 2, "moving_away": 3}

# Relative tolerance for "the target holds": figures are transcribed to 2–4
# significant digits, and 3.0 must meet a target of 3.
_EPS = 1e-9


class CalcError(ValueError):
    """An input the formulas cannot take (zero years, a zero base for a rate)."""


# ── the formulas of methodology.md, one function each ─────────────────────────


def _finite(x: float | None) -> float | None:
    if x is None or isinstance(x, complex) or not math.isfinite(x):
        return None
    return x


def _pow(base: float, exponent: float) -> float | None:
    try:
        result = base**exponent
    except (OverflowError, ZeroDivisionError):
        return None
    if isinstance(result, complex):
        return None
    return _finite(result)


def _exp(x: float) -> float | None:
    try:
        return _finite(math.exp(x))
    except OverflowError:
        return None


def _expm1(x: float) -> float | None:
    try:
        return _finite(math.expm1(x))
    except OverflowError:
        return None


def cagr(start: float, end: float, years: float) -> float:
    """The constant yearly growth rate that takes `start` to `end` in `years`."""
    if years <= 0:
        raise CalcError("years must be positive")
    if start <= 0 or end <= 0:
        raise CalcError("compound growth needs positive values (the base and the end value)")
    rate = _pow(end / start, 1 / years)
    if rate is None:
        raise CalcError("the rate is too large to compute")
    return rate - 1


def grow(start: float, rate: float, years: float) -> float:
    """`start` grown at `rate` a year for `years`."""
    if rate <= -1:
        raise CalcError("a growth rate must be above −100 %")
    factor = _pow(1 + rate, years)
    if factor is None:
        raise CalcError("the result is too large to compute")
    result = _finite(start * factor)
    if result is None:
        raise CalcError("the result is too large to compute")
    return result


def remaining_rate(target_rate: float, period_years: int, observed: Sequence[float]) -> float:
    """The rate needed in each remaining year for an average-growth target.

    `((1+G)^N / Π(1+g_i))^(1/(N−k)) − 1`; e.g. 20 % over 3 years after 17.4 %
    gives 21.32 %.
    """
    if period_years <= 0:
        raise CalcError("the period must be at least one year")
    k = len(observed)
    if k >= period_years:
        raise CalcError(f"all {period_years} years are observed; nothing remains")
    if target_rate <= -1 or any(g <= -1 for g in observed):
        raise CalcError("growth rates must be above −100 %")
    done = math.prod(1 + g for g in observed)
    needed = _pow(1 + target_rate, period_years)
    if needed is None:
        raise CalcError("the target rate is too large to compute")
    rate = _pow(needed / done, 1 / (period_years - k))
    if rate is None:
        raise CalcError("the rate is too large to compute")
    return rate - 1


def realised_average(observed: Sequence[float]) -> float:
    """The geometric mean of yearly growth rates: `(Π(1+g_i))^(1/k) − 1`."""
    if not observed:
        raise CalcError("no observed years")
    if any(g <= -1 for g in observed):
        raise CalcError("growth rates must be above −100 %")
    if len(observed) == 1:
        return observed[0]  # exactly, not through a root that adds float noise
    value = _pow(math.prod(1 + g for g in observed), 1 / len(observed))
    if value is None:
        raise CalcError("the average is too large to compute")
    return value - 1


def years_to_reach(start: float, end: float, rate: float) -> float:
    """Years for `start` growing at `rate` a year to reach `end` (0 if it is there).

    Worked in logarithms, so that neither a tiny rate nor a huge ratio overflows.
    """
    if start <= 0 or end <= 0:
        raise CalcError("compound growth needs positive values")
    if rate <= -1:
        raise CalcError("a growth rate must be above −100 %")
    if end == start:
        return 0.0
    if rate == 0 or (end > start) != (rate > 0):
        raise CalcError("at this rate the value never reaches the end value")
    years = (math.log(end) - math.log(start)) / math.log1p(rate)
    if not math.isfinite(years):
        raise CalcError("too many years to compute")
    return years


@dataclass
class Consistency:
    """A rate target and a level target on the same quantity, checked against each other."""

    level_now: float
    year_now: int
    rate: float
    level_target: float
    year_target: int
    implied_level: float | None  # y·(1+G)^(T−t)
    needed_rate: float | None  # (L/y)^(1/(T−t)) − 1

    @property
    def consistent(self) -> bool:
        """The rate, held, reaches the level (within rounding)."""
        if self.implied_level is None:
            return False
        return self.implied_level >= self.level_target * (1 - 1e-6)


def rate_level_consistency(
    level_now: float, year_now: int, rate: float, level_target: float, year_target: int
) -> Consistency:
    """The level the rate implies by the target year, and the rate the level needs."""
    years = year_target - year_now
    implied = needed = None
    if years > 0 and level_now > 0 and rate > -1:
        factor = _pow(1 + rate, years)
        implied = _finite(level_now * factor) if factor is not None else None
        if level_target > 0:
            root = _pow(level_target / level_now, 1 / years)
            needed = root - 1 if root is not None else None
    return Consistency(level_now, year_now, rate, level_target, year_target, implied, needed)


# ── observations as the engine sees them ─────────────────────────────────────


@dataclass
class Point:
    period: Period
    value: Any
    origin: str = "plan"
    source: str | None = None


def points(observations: Iterable[Observation]) -> list[Point]:
    """Observations as sorted points, one per window of time (the last one given counts).

    `2025-09` and `2025-Q3` both cover January to September: the later entry of
    either revises the earlier. A year's own figure is kept apart from its
    year-to-date ones (see `usable_points`).
    """
    by_window: dict[tuple[int, int, bool], Point] = {}
    for obs in observations:
        try:
            period = parse_period(obs.period)
        except PeriodError:
            continue  # the loader has already reported it
        source = obs.source.ref if obs.source else None
        by_window[(*period.window, period.is_year)] = Point(period, obs.value, obs.origin, source)
    return sorted(by_window.values(), key=lambda p: p.period.sort_key())


def usable_points(series: Sequence[Point], as_of: Period | None) -> list[Point]:
    """Points up to `as_of`; within a year, the year's own figure supersedes year-to-date ones."""
    kept = [p for p in series if as_of is None or p.period.window <= as_of.window]
    by_year: dict[int, list[Point]] = {}
    for p in kept:
        by_year.setdefault(p.period.year, []).append(p)
    result: list[Point] = []
    for year in sorted(by_year):
        year_points = by_year[year]
        annual = [p for p in year_points if p.period.is_year]
        result.extend(annual or year_points)
    return result


# ── the assessment ───────────────────────────────────────────────────────────


@dataclass
class Assessment:
    target_id: str
    status: str
    method: str
    notes: tuple[str, ...] = ()
    # the latest observation used, and whether the verdict is final (target year reached)
    latest: Point | None = None
    final: bool = False
    # "rate": fractions per year (growth); "change": units per year; "sum": totals
    pace_unit: str | None = None
    required_from_baseline: float | None = None  # r_req or Δ_req (per year)
    expected_now: float | None = None  # E(t)
    observed_pace: float | None = None  # r_obs, Δ_obs, realised average, or average flow
    required_now: float | None = None  # still required each remaining year
    required_rest: float | None = None  # still required in all, by the end of the target year
    progress: float | None = None  # fraction of the way from baseline to target
    pace_ratio: float | None = None  # R
    projected: float | None = None  # the target-year value at the observed pace
    projected_gap: float | None = None  # projected − target
    year_reached: int | None = None  # at the observed pace
    used: tuple[Point, ...] = field(default_factory=tuple)  # the observations behind it

    def __post_init__(self) -> None:
        # The one guard that keeps NaN and infinity inside the engine: a figure
        # that overflowed is dropped, and the notes say so.
        dropped = []
        for name in _FIGURES:
            value = getattr(self, name)
            if value is not None and not math.isfinite(value):
                setattr(self, name, None)
                dropped.append(name.replace("_", " "))
        if dropped:
            note = f"too large to compute: {', '.join(dropped)}"
            self.notes = (*self.notes, note)


_FIGURES = (
    "required_from_baseline",
    "required_rest",
    "expected_now",
    "observed_pace",
    "required_now",
    "progress",
    "pace_ratio",
    "projected",
    "projected_gap",
)


def status_from_ratio(ratio: float, thresholds: Thresholds) -> str:
    """Eurostat's cut points (0.95 / 0.6 / 0 by default) on the pace ratio R."""
    if ratio >= thresholds.on_track:
        return "on_track"
    if ratio >= thresholds.at_risk:
        return "at_risk"
    if ratio >= thresholds.off_track:
        return "off_track"
    return "moving_away"


def holds(value: float, comparator: str, target: float) -> bool:
    """Whether `value` meets `target` under `comparator`, within rounding."""
    tol = _EPS * max(1.0, abs(target))
    if comparator in (">=", "~"):
        return value >= target - tol
    if comparator == ">":
        return value > target + tol
    if comparator == "<=":
        return value <= target + tol
    if comparator == "<":
        return value < target - tol
    return abs(value - target) <= tol


def _final_miss(ratio: float | None) -> str:
    """The verdict on a target missed in its target year."""
    return "moving_away" if ratio is not None and ratio < 0 else "off_track"


def assess(
    target: Target,
    observations: Iterable[Observation],
    *,
    as_of: Period | None = None,
    thresholds: Thresholds | None = None,
    classes: Sequence[str] | None = None,
) -> Assessment:
    """Where `target` stands, from its indicator's observations, as of `as_of` (None: latest)."""
    thresholds = thresholds or Thresholds()
    series = usable_points(points(observations), as_of)
    kind = target.kind
    if kind in ("level", "share"):
        return _assess_path(target, series, thresholds)
    if kind == "average_growth":
        return _assess_average_growth(target, series, thresholds)
    if kind == "cumulative":
        return _assess_cumulative(target, series, thresholds)
    if kind == "maintain":
        return _assess_maintain(target, series)
    if kind == "ordinal":
        return _assess_ordinal(target, series, list(classes or ()))
    if kind == "milestone":
        return _assess_milestone(target, series, as_of)
    raise ValueError(f"unknown kind {kind!r}")


def _after_target_year(series: list[Point], target: Target) -> tuple[list[Point], list[str]]:
    """Drop observations after the target year: the target is judged at its year."""
    assert target.year is not None
    kept = [p for p in series if p.period.year <= target.year]
    notes = []
    if len(kept) < len(series):
        notes.append(f"observations after {target.year} are not used: the target is judged at {target.year}")
    return kept, notes


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _year_reached(t: float, n: float | None) -> int | None:
    """The calendar year in which a value reaches the target, `n` years after `t`."""
    if n is None or n < 0 or not math.isfinite(n) or n > 1000:
        return None
    return math.ceil(t + n - 1e-9)


def share_due(target: Target, period: Period) -> float:
    """The fraction of a year's requirement due by the end of `period`.

    Linear (the fraction of the year elapsed) unless the target has a seasonal
    profile; a monthly period on a quarterly profile is interpolated.
    """
    profile = target.profile
    if not profile or period.is_year:
        return period.fraction
    month = period.end_month
    if len(profile) == 12:
        return profile[month - 1] / 100
    quarter, within = divmod(month, 3)
    before = profile[quarter - 1] / 100 if quarter else 0.0
    if within == 0:
        return before
    after = profile[quarter] / 100
    return before + (after - before) * within / 3


def _share_words(target: Target) -> str:
    return "the seasonal profile" if target.profile else "a linear share of the year"


def fmt_value(x: float) -> str:
    """A figure in a note: up to 2 decimals, no trailing zeros."""
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _assess_path(target: Target, series: list[Point], thresholds: Thresholds) -> Assessment:
    """Level and share targets moving along a geometric or linear path."""
    assert target.year is not None
    series, notes = _after_target_year(series, target)
    goal = _number(target.value)
    assert goal is not None
    base = target.baseline
    numeric = [p for p in series if _number(p.value) is not None]
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
            f"{_share_words(target)}, an estimate of {fmt_value(y)} for {latest.period.year}"
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
        r_req = _expm1(g_req)
        expected = _exp(log_b + g_req * elapsed)
        r_obs = _expm1(g_obs) if g_obs is not None else None
        r_now = None if remaining <= 0 else _expm1((log_goal - log_y) / remaining)
        projected = y if remaining <= 0 else (_exp(log_y + g_obs * remaining) if g_obs is not None else None)
        if met:
            n = 0.0
        elif g_obs and (log_goal > log_y) == (g_obs > 0):
            n = (log_goal - log_y) / g_obs
        else:
            n = None
        pace_unit = "rate"
        ratio = _finite(r_obs / r_req) if r_obs is not None and r_req else None
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
        ratio = _finite(d_obs / d_req) if d_req else None

    progress = _finite((y - b) / (goal - b))
    if due != 1.0 and expected is not None:
        expected *= due  # what should have accumulated by now, comparable with the year-to-date figure
        method += f", year to date against {_share_words(target)}"
    # What is left to do before the target year ends, in all: G/y − 1 or G − y.
    rest = None if met or remaining <= 0 else (goal / y - 1 if pace_unit == "rate" else goal - y)
    if met:
        status = "achieved"
        r_now = None  # nothing more is required
    elif ratio is None:
        status = "off_track"
        notes.append("the pace ratio cannot be computed")
    elif final:
        status = _final_miss(ratio)
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
        required_from_baseline=_finite(r_req),
        expected_now=_finite(expected),
        observed_pace=_finite(r_obs),
        required_now=_finite(r_now),
        required_rest=_finite(rest),
        progress=progress,
        pace_ratio=ratio,
        projected=_finite(projected),
        projected_gap=_finite(projected - goal) if projected is not None else None,
        year_reached=_year_reached(t, n),
        **common,
    )


def _years_in_period(target: Target, series: list[Point]) -> tuple[list[Point], Point | None, list[str]]:
    """Annual points within the target's period, the year-to-date point after them, and notes."""
    assert target.year is not None and target.start_year is not None
    notes: list[str] = []
    in_period = [
        p for p in series if target.start_year <= p.period.year <= target.year and _number(p.value) is not None
    ]
    annual = [p for p in in_period if p.period.is_year]
    ytd = [p for p in in_period if not p.period.is_year]
    partial = ytd[-1] if ytd and (not annual or ytd[-1].period.year > annual[-1].period.year) else None
    observed_years = {p.period.year for p in annual}
    last_year = partial.period.year if partial else (annual[-1].period.year if annual else target.start_year - 1)
    missing = [y for y in range(target.start_year, last_year) if y not in observed_years]
    if missing:
        notes.append(f"no figure for {', '.join(map(str, missing))}: counted among the years still to come")
    if any(p.period.year > target.year for p in series):
        notes.append(f"observations after {target.year} are not used: the target is judged at {target.year}")
    return annual, partial, notes


def _against_direction(rate: float, target: Target) -> bool:
    """A still-required pace of zero or against the direction: no more effort is needed."""
    return rate <= 0 if target.direction != "decrease" else rate >= 0


def _assess_average_growth(target: Target, series: list[Point], thresholds: Thresholds) -> Assessment:
    goal = _number(target.value)
    assert goal is not None
    g_target = goal / 100
    n_years = target.period_years
    annual, partial, notes = _years_in_period(target, series)
    if not annual and partial is None:
        return Assessment(
            target.id, "no_data", "average growth", tuple([*notes, "no yearly growth rate in the period"])
        )
    rates = [float(p.value) / 100 for p in annual]
    k = len(rates)
    used = tuple(annual + ([partial] if partial else []))
    latest = partial or annual[-1]
    base = {"latest": latest, "used": used, "pace_unit": "rate", "required_from_baseline": g_target}
    collapsed = [p for p in annual if float(p.value) <= -100]
    if collapsed or g_target <= -1:
        # A fall of 100 % or more leaves nothing to compound: no average exists.
        why = f"a growth rate of {collapsed[0].value} % in {collapsed[0].period}" if collapsed else "the target rate"
        notes.append(f"{why} is −100 % or less and cannot be compounded")
        return Assessment(
            target.id, "moving_away" if collapsed else "off_track", "average growth", tuple(notes), **base
        )
    growth_so_far = math.prod(1 + g for g in rates)
    target_growth = _pow(1 + g_target, n_years)
    if target_growth is None:
        notes.append("the target rate is too large to compound")
        return Assessment(target.id, "off_track", "average growth", tuple(notes), **base)
    progress = _finite((growth_so_far - 1) / (target_growth - 1)) if target_growth != 1 else None
    average = realised_average(rates) if rates else None

    if k >= n_years:
        assert average is not None
        met = holds(average * 100, target.comparator, goal)
        ratio = _finite(average / g_target) if g_target else None
        status = "achieved" if met else _final_miss(ratio)
        notes.append(f"final: all {n_years} years observed")
        return Assessment(
            target.id, status, "average growth", tuple(notes), final=True, observed_pace=average,
            progress=progress, pace_ratio=ratio, projected=average, projected_gap=average - g_target, **base,
        )  # fmt: skip

    try:
        r_now = remaining_rate(g_target, n_years, rates)
    except CalcError as error:
        notes.append(f"the rate still needed cannot be computed: {error}")
        return Assessment(target.id, "off_track", "average growth", tuple(notes), progress=progress, **base)
    projected = average  # the average over the period if the rest grows at the realised pace
    if partial is not None:
        # Year to date: this year's rate so far against the rate this year needs.
        method = "average growth, year to date against the rate the year needs"
        ytd = float(partial.value) / 100
        if _against_direction(r_now, target):
            notes.append("the years observed already carry the average: no more growth is needed")
            return Assessment(
                target.id, "on_track", method, tuple(notes), observed_pace=ytd, required_now=r_now,
                progress=progress, projected=projected, **base,
            )  # fmt: skip
        ratio = _finite(ytd / r_now)
        status = status_from_ratio(ratio, thresholds) if ratio is not None else "off_track"
        return Assessment(
            target.id, status, method, tuple(notes), observed_pace=ytd, required_now=r_now, progress=progress,
            pace_ratio=ratio, projected=projected,
            projected_gap=projected - g_target if projected is not None else None, **base,
        )  # fmt: skip

    assert average is not None
    if _against_direction(r_now, target):
        notes.append("the years observed already carry the average: no more growth is needed")
        return Assessment(
            target.id, "on_track", "average growth", tuple(notes), observed_pace=average, required_now=r_now,
            progress=progress, projected=projected, projected_gap=projected - g_target, **base,
        )  # fmt: skip
    ratio = _finite(average / r_now)
    status = status_from_ratio(ratio, thresholds) if ratio is not None else "off_track"
    return Assessment(
        target.id, status, "average growth", tuple(notes), observed_pace=average, required_now=r_now,
        progress=progress, pace_ratio=ratio, projected=projected, projected_gap=projected - g_target, **base,
    )  # fmt: skip


def _assess_cumulative(target: Target, series: list[Point], thresholds: Thresholds) -> Assessment:
    goal = _number(target.value)
    assert goal is not None and target.start_year is not None
    n_years = target.period_years
    annual, partial, notes = _years_in_period(target, series)
    if not annual and partial is None:
        return Assessment(target.id, "no_data", "cumulative", tuple([*notes, "no yearly flow in the period"]))
    flows = [float(p.value) for p in annual]
    k = len(flows)
    total = sum(flows)
    used = tuple(annual + ([partial] if partial else []))
    latest = partial or annual[-1]
    required_avg = goal / n_years
    base: dict[str, Any] = {"latest": latest, "used": used, "pace_unit": "sum", "required_from_baseline": required_avg}
    ytd = float(partial.value) if partial else 0.0
    so_far = total + ytd
    progress = _finite(so_far / goal) if goal else None
    met = holds(so_far, target.comparator, goal)
    elapsed = k + (share_due(target, partial.period) if partial else 0.0)
    average = so_far / elapsed if elapsed > 0 else None
    projected = None if average is None else (total if k >= n_years else so_far + average * (n_years - elapsed))
    gap = _finite(projected - goal) if projected is not None else None
    expected = required_avg * elapsed
    if met:
        year = (partial or annual[-1]).period.year
        return Assessment(
            target.id, "achieved", "cumulative", tuple(notes), final=k >= n_years, expected_now=expected,
            observed_pace=average, progress=progress, projected=projected, projected_gap=gap, year_reached=year, **base,
        )  # fmt: skip
    if k >= n_years:
        ratio = _finite((total / k) / required_avg) if required_avg else None
        notes.append(f"final: all {n_years} years observed")
        return Assessment(
            target.id, _final_miss(ratio), "cumulative", tuple(notes), final=True, expected_now=expected,
            observed_pace=total / k, progress=progress, pace_ratio=ratio, projected=total, projected_gap=gap, **base,
        )  # fmt: skip
    still_per_year = (goal - total) / (n_years - k)
    reach = None
    if average and average > 0 and goal > 0:
        years_needed = goal / average
        if years_needed <= 1000:
            reach = max(target.start_year - 1 + math.ceil(years_needed - 1e-9), latest.period.year)
    if partial is not None:
        # Year to date: this year's sum so far against the share of the year's requirement due by now.
        due = share_due(target, partial.period) * still_per_year
        ratio = _finite(ytd / due) if due > 0 else None
        method = f"cumulative, year to date against {_share_words(target)}"
    else:
        ratio = _finite((total / k) / required_avg) if required_avg else None
        method = "cumulative"
    status = status_from_ratio(ratio, thresholds) if ratio is not None else "on_track"
    return Assessment(
        target.id, status, method, tuple(notes), expected_now=expected, observed_pace=average,
        required_now=still_per_year, progress=progress, pace_ratio=ratio, projected=_finite(projected),
        projected_gap=gap, year_reached=reach, **base,
    )  # fmt: skip


def _held_series(target: Target, series: list[Point], test: Any, method: str) -> Assessment:
    """Maintain and ordinal targets: held at every observation, judged at the latest."""
    assert target.year is not None
    series, notes = _after_target_year(series, target)
    t0 = target.baseline.year if target.baseline else None
    after = [p for p in series if t0 is None or p.period.time > t0]
    if not after:
        return Assessment(target.id, "no_data", method, tuple([*notes, "no observation after the baseline"]))
    latest = after[-1]
    breaches = [p for p in after if not test(p.value)]
    final = latest.period.year >= target.year and latest.period.is_year
    if breaches:
        notes.append("breached in " + ", ".join(str(p.period) for p in breaches))
    if not test(latest.value):
        status = "off_track"
    elif final:
        status = "achieved" if not breaches else "off_track"
    else:
        status = "on_track"
    if final:
        notes.append(f"final: the latest figure is for the target year {target.year}")
    held = sum(1 for p in after if test(p.value))
    return Assessment(
        target.id,
        status,
        method,
        tuple(notes),
        latest=latest,
        final=final,
        used=tuple(after),
        progress=held / len(after),
    )


def _assess_maintain(target: Target, series: list[Point]) -> Assessment:
    goal = _number(target.value)
    assert goal is not None

    def test(value: Any) -> bool:
        number = _number(value)
        return number is not None and holds(number, target.comparator, goal)

    return _held_series(target, series, test, "maintain")


def _assess_ordinal(target: Target, series: list[Point], classes: list[str]) -> Assessment:
    order = {c: i for i, c in enumerate(classes)}  # best first
    goal = order.get(str(target.value))
    assert goal is not None

    def test(value: Any) -> bool:
        rank = order.get(str(value))
        # lower rank is better: "III or better" is rank ≤ rank(III)
        return rank is not None and holds(rank, target.comparator, goal)

    return _held_series(target, series, test, "ordinal class")


def milestone_done(value: Any) -> bool:
    """`done`, `true` or a date means done; `false` or `not done` means not yet."""
    if isinstance(value, bool):
        return value
    if isinstance(value, dt.date):
        return True
    return str(value).strip().lower() in ("done", "yes", "true", "完成", "已完成")


def _assess_milestone(target: Target, series: list[Point], as_of: Period | None) -> Assessment:
    assert target.year is not None
    if not series:
        return Assessment(target.id, "no_data", "milestone", ("nothing recorded",))
    latest = series[-1]
    done = [p for p in series if milestone_done(p.value)]
    if done:
        first = done[0]
        when = first.value if isinstance(first.value, dt.date) else None
        year = when.year if when else first.period.year
        notes = (
            (f"done in {year}",) if year <= target.year else (f"done in {year}, after the target year {target.year}",)
        )
        status = "achieved" if year <= target.year else "off_track"
        return Assessment(
            target.id,
            status,
            "milestone",
            notes,
            latest=first,
            final=True,
            used=tuple(series),
            progress=1.0,
            year_reached=year,
        )
    now = as_of or latest.period
    past = now.year > target.year or (latest.period.year >= target.year and latest.period.is_year)
    status = "off_track" if past else "pending"
    notes = (f"not done by the end of {target.year}",) if past else (f"not done yet; due by {target.year}",)
    return Assessment(
        target.id, status, "milestone", notes, latest=latest, final=past, used=tuple(series), progress=0.0
    )


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
            t, by_indicator.get(t.indicator, []), as_of=as_of, thresholds=thresholds, classes=classes.get(t.indicator)
        )
        for t in targets
    ]


def latest_period(observations: Iterable[Observation]) -> Period | None:
    """The latest period with data: what "as of" means when no --as-of is given."""
    latest: Period | None = None
    for obs in observations:
        try:
            period = parse_period(obs.period)
        except PeriodError:
            continue
        if latest is None or latest < period:
            latest = period
    return latest


# ── the required path, year by year ──────────────────────────────────────────


@dataclass
class PathStep:
    """One year of a target's required path beside what was observed."""

    year: int
    required: float | None  # the value (or cumulative sum, or yearly rate) the path asks for
    actual: Any = None  # the observation for that year (its latest year-to-date one if no annual figure)
    period: Period | None = None


def required_path(
    target: Target, observations: Iterable[Observation], *, as_of: Period | None = None
) -> list[PathStep]:
    """The path the target asks for in each year, with the actuals beside it.

    Each step is in the same terms as the observations it stands beside:
    level/share: E(year) on the target's path; average growth: the target rate
    in % each year; cumulative: the sum due by each year-end beside the running
    sum of the flows; maintain: the target value each year. Milestones and
    classes have no path.
    """
    assert target.year is not None and target.start_year is not None
    series = usable_points(points(observations), as_of)
    by_year: dict[int, Point] = {}
    for p in series:
        by_year[p.period.year] = p  # the annual figure if any, else the latest year-to-date one
    goal = _number(target.value)
    steps: list[PathStep] = []

    def step(year: int, required: float | None, actual: Any = None) -> PathStep:
        point = by_year.get(year)
        value = actual if actual is not None else (point.value if point else None)
        return PathStep(
            year, _finite(required) if required is not None else None, value, point.period if point else None
        )

    if target.kind in ("level", "share") and goal is not None and target.baseline is not None:
        b, t0 = _number(target.baseline.value), target.baseline.year
        if b is None:
            return []
        span = target.year - t0
        geometric = target.path == "geometric" and b > 0 and goal > 0
        for year in range(t0, target.year + 1):
            frac = (year - t0) / span
            expected = b * (goal / b) ** frac if geometric else b + (goal - b) * frac
            steps.append(step(year, expected, b if year == t0 else None))
    elif target.kind == "average_growth" and goal is not None:
        for year in range(target.start_year, target.year + 1):
            steps.append(step(year, goal))
    elif target.kind == "cumulative" and goal is not None:
        n_years = target.period_years
        running = 0.0
        for k, year in enumerate(range(target.start_year, target.year + 1), start=1):
            flow = _number(by_year[year].value) if year in by_year else None
            running += flow or 0.0
            steps.append(step(year, goal * k / n_years, running if flow is not None else None))
    elif target.kind == "maintain" and goal is not None:
        first = target.baseline.year if target.baseline else target.start_year
        for year in range(first, target.year + 1):
            steps.append(step(year, goal))
    return steps
