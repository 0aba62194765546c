"""The formulas of methodology.md, one function each: required growth, growth
forward, the rate still needed, the realised average, years to reach, and a rate
checked against a level. Rates are fractions (0.0752 is 7.52 %).

A result that would overflow or be complex is refused (`CalcError`) or None:
no NaN or infinity leaves here.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass


class CalcError(ValueError):
    """An input the formulas cannot take (zero years, a zero base for a rate)."""


def finite(x: float | None) -> float | None:
    if x is None or isinstance(x, complex) or not math.isfinite(x):
        return None
    return x


# The smallest magnitude a figure is printed with (qzdc.engine.verdict.printed: below it, 0).
_SMALLEST_SHOWN = 1e-9


def pace_ratio(observed: float | None, required: float | None) -> float | None:
    """R = observed pace / required pace; None when either is missing or the required pace is zero.

    A quotient beyond the largest float (a pace against a subnormal requirement,
    1e-3 / 2e-311) keeps its sign at that largest float (±1.8e308), and one too
    small to print keeps it at ±1e-9, so that the status still follows R: its
    sign decides moving_away, its size on_track.
    """
    if observed is None or required is None or required == 0:
        return None
    if not (math.isfinite(observed) and math.isfinite(required)):
        return None
    quotient = observed / required
    if math.isinf(quotient):
        return math.copysign(sys.float_info.max, quotient)
    if 0 < abs(quotient) < _SMALLEST_SHOWN <= abs(observed):
        # A real pace against an enormous requirement (−99.999999999 % a year against
        # +1e11 % still needed): R is compared as printed, and below 1e-9 prints as 0,
        # which would lose its sign. It keeps its sign at the smallest R shown.
        return math.copysign(_SMALLEST_SHOWN, quotient)
    return quotient


def safe_pow(base: float, exponent: float) -> float | None:
    try:
        result = base**exponent
    except (OverflowError, ZeroDivisionError):
        return None
    if isinstance(result, complex):
        return None
    return finite(result)


def safe_exp(x: float) -> float | None:
    try:
        return finite(math.exp(x))
    except OverflowError:
        return None


def safe_expm1(x: float) -> float | None:
    try:
        return finite(math.expm1(x))
    except OverflowError:
        return None


def cagr(start: float, end: float, years: float) -> float:
    """The constant yearly growth rate that takes `start` to `end` in `years`."""
    if years <= 0:
        raise CalcError("years must be positive")
    if start <= 0 or end <= 0:
        raise CalcError("compound growth needs positive values (the base and the end value)")
    rate = safe_pow(end / start, 1 / years)
    if rate is None:
        raise CalcError("the rate is too large to compute")
    return rate - 1


def grow(start: float, rate: float, years: float) -> float:
    """`start` grown at `rate` a year for `years`."""
    if rate <= -1:
        raise CalcError("a growth rate must be above −100 %")
    factor = safe_pow(1 + rate, years)
    if factor is None:
        raise CalcError("the result is too large to compute")
    result = finite(start * factor)
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
    needed = safe_pow(1 + target_rate, period_years)
    if needed is None:
        raise CalcError("the target rate is too large to compute")
    rate = safe_pow(needed / done, 1 / (period_years - k))
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
    value = safe_pow(math.prod(1 + g for g in observed), 1 / len(observed))
    if value is None:
        # The product overflowed (rates of 1e154 %): its logarithm does not, and the mean of logarithms is the same average.
        return math.expm1(math.fsum(math.log1p(g) for g in observed) / len(observed))
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
        factor = safe_pow(1 + rate, years)
        implied = finite(level_now * factor) if factor is not None else None
        if level_target > 0:
            root = safe_pow(level_target / level_now, 1 / years)
            needed = root - 1 if root is not None else None
    return Consistency(level_now, year_now, rate, level_target, year_target, implied, needed)


@dataclass
class RateWindow:
    """An average-growth target over the years `start … end` beside the level of the same quantity.

    The level `level_now` is known at `year_now` (start − 1 ≤ year_now ≤ end), and
    the rates `observed` are those of `start … year_now`: they are part of the
    average, not added to it (methodology: "the rate's own window"). So the level
    before the window is `level_now / Π(1+g)`, and the rate implies
    `that · (1+G)^N` at the end.
    """

    level_now: float
    year_now: int
    observed: tuple[float, ...]
    rate: float  # G, a fraction
    start: int
    end: int
    level_target: float | None = None

    @property
    def years(self) -> int:
        return self.end - self.start + 1

    @property
    def level_before(self) -> float | None:
        """The level at the start of the window, `y / Π(1+g)` (63.22 from 74.22 after +17.4 %)."""
        done = math.prod(1 + g for g in self.observed)
        return finite(self.level_now / done) if done > 0 else None

    @property
    def implied_level(self) -> float | None:
        """The level the rate target leads to at the end of the window: `y·Π(1+g)^(-1)·(1+G)^N`."""
        before = self.level_before
        factor = safe_pow(1 + self.rate, self.years) if self.rate > -1 else None
        return finite(before * factor) if before is not None and factor is not None else None

    @property
    def needed_average(self) -> float | None:
        """The average over the window the level target needs: `(L / y_before)^(1/N) − 1`."""
        before = self.level_before
        if self.level_target is None or before is None or before <= 0 or self.level_target <= 0:
            return None
        root = safe_pow(self.level_target / before, 1 / self.years)
        return root - 1 if root is not None else None

    @property
    def needed_each(self) -> float | None:
        """The rate the level target needs in each remaining year: `(L / y)^(1/(T−t)) − 1`."""
        left = self.end - self.year_now
        if self.level_target is None or left <= 0 or self.level_now <= 0 or self.level_target <= 0:
            return None
        root = safe_pow(self.level_target / self.level_now, 1 / left)
        return root - 1 if root is not None else None


def rate_window(
    level_now: float,
    year_now: int,
    observed: Sequence[float],
    rate: float,
    start: int,
    end: int,
    level_target: float | None = None,
) -> RateWindow:
    """The rate target's window beside the level known at `year_now`; see `RateWindow`."""
    if not start - 1 <= year_now <= end:
        raise CalcError(f"the level's year {year_now} is outside the rate's window {start}–{end}")
    if len(observed) != year_now - start + 1:
        raise CalcError("every year of the window up to the level's year needs its rate")
    if level_now <= 0 or any(g <= -1 for g in observed):
        raise CalcError("compound growth needs a positive level and rates above −100 %")
    return RateWindow(level_now, year_now, tuple(observed), rate, start, end, level_target)
