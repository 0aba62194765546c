"""What every kind of target's assessment shares: the `Assessment` record, the
status words, the pace-ratio thresholds, "the target holds", and the year's
share due by a period. Methodology.md, "Status".
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from qzdc.engine.series import Point
from qzdc.plan.models import Target, Thresholds
from qzdc.plan.periods import Period

# `monitored`: an indicator with no numeric target, listed and never judged.
STATUSES = ("achieved", "on_track", "at_risk", "off_track", "moving_away", "pending", "no_data", "monitored")


def count_statuses(statuses: Iterable[str]) -> dict[str, int]:
    """Targets at each status, in the order of STATUSES, zeros kept — except `monitored`,
    counted only where there is one: most plans have no indicator without a numeric target."""
    counts = Counter(statuses)
    return {s: counts.get(s, 0) for s in STATUSES if s != "monitored" or counts.get(s)}


# For --fail-on: each status at or beyond the named one fails the gate.
SEVERITY = {"at_risk": 1, "off_track": 2, "moving_away": 3}

# Relative tolerance for "the target holds": figures are transcribed to 2–4
# significant digits, and 3.0 must meet a target of 3.
_EPS = 1e-9


@dataclass(frozen=True)
class RateLevel:
    """Where the plan's own rate on the same quantity leads a level target (methodology: "the rate's own window")."""

    rate_target: str  # the average-growth target's id
    rate: float  # its rate G, a fraction
    level: float  # the level the rate leads to in the target year
    gap: float  # level − the level target (negative: short)


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
    # Maintain, class, a title kept and a relative target: (figures at which the target held, figures
    # judged); their progress is that share, not a distance (docs/methodology.md, "qzdc's choices").
    held: tuple[int, int] | None = None
    pace_ratio: float | None = None  # R
    projected: float | None = None  # the target-year value at the observed pace
    projected_gap: float | None = None  # projected − target
    year_reached: int | None = None  # at the observed pace
    used: tuple[Point, ...] = field(default_factory=tuple)  # the observations behind it
    # What is still required is reckoned from the latest known value: the latest
    # observation, else the baseline (methodology: "What is still required — always").
    required_from: Point | None = None
    gap: float | None = None  # still to go in all: G − y (cumulative G − S; average growth G − a)
    total: float | None = None  # cumulative: the running total, which is the target's latest value
    year_due: float | None = None  # a yearly flow or cumulative target to date: what is due by then
    year_rest: float | None = None  # ... and what the rest of the year needs
    time_elapsed: float | None = None  # 序时进度: the share of the target's period gone by at the latest figure
    on_schedule: bool | None = None  # 达到序时进度: progress keeps up with the time gone by
    stale: bool = False  # the latest figure is older than the year before the as-of year
    rate_level: RateLevel | None = None  # a level target: the level the plan's rate on it leads to
    annual: tuple[Point, ...] = field(default_factory=tuple)  # every whole-year figure, for year columns

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
    "gap",
    "total",
    "year_due",
    "year_rest",
    "time_elapsed",
)


def printed(x: float) -> float:
    """`x` as the machine formats print it: 12 significant digits, and below 1e-9 nothing.

    Those digits are float noise (0.6 computed as 0.5999999999999993), never a
    figure of a plan; a verdict must not turn on them (methodology: R "is
    compared as it is shown").
    """
    if not math.isfinite(x):
        return x
    return 0.0 if abs(x) < 1e-9 else float(f"{x:.12g}")


def status_from_ratio(ratio: float, thresholds: Thresholds) -> str:
    """Eurostat's cut points (0.95 / 0.6 / 0 by default) on the pace ratio R, as printed."""
    ratio = printed(ratio)
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


def final_miss(ratio: float | None) -> str:
    """The verdict on a target missed in its target year."""
    return "moving_away" if ratio is not None and printed(ratio) < 0 else "off_track"


def after_target_year(series: list[Point], target: Target) -> tuple[list[Point], list[str]]:
    """Drop observations after the target year: the target is judged at its year."""
    assert target.year is not None
    kept = [p for p in series if p.period.year <= target.year]
    notes = []
    if len(kept) < len(series):
        notes.append(f"observations after {target.year} are not used: the target is judged at {target.year}")
    return kept, notes


def as_number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def reached_in(t: float, n: float | None) -> int | None:
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


def share_words(target: Target) -> str:
    return "the seasonal profile" if target.profile else "a linear share of the year"


def fmt_value(x: float) -> str:
    """A figure in a note: up to 2 decimals, no trailing zeros."""
    return f"{x:.2f}".rstrip("0").rstrip(".")


def years_in_period(target: Target, series: list[Point]) -> tuple[list[Point], Point | None, list[str]]:
    """Annual points within the target's period, the year-to-date point after them, and notes."""
    assert target.year is not None and target.start_year is not None
    notes: list[str] = []
    in_period = [
        p for p in series if target.start_year <= p.period.year <= target.year and as_number(p.value) is not None
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


def against_direction(rate: float, target: Target) -> bool:
    """A still-required pace of zero or against the direction: no more effort is needed."""
    return rate <= 0 if target.direction != "decrease" else rate >= 0


def elapsed(time: float, t0: float, end: int) -> float | None:
    """序时进度: the share of the period from `t0` to `end` gone by at `time` (2025-Q3 is 2024.75)."""
    return (time - t0) / (end - t0) if end > t0 else None


def baseline_point(target: Target) -> Point | None:
    """The plan's baseline as a point: the value still-required figures start from before any observation."""
    base = target.baseline
    if base is None or as_number(base.value) is None:
        return None
    return Point(Period(base.year), base.value, origin="baseline")
