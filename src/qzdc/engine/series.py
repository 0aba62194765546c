"""Observations as the engine sees them: sorted points, one per window of time."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from qzdc.plan.models import Observation
from qzdc.plan.periods import Period, PeriodError, parse_period


@dataclass
class Point:
    period: Period
    value: Any
    origin: str = "plan"
    source: str | None = None
    inferred: bool = False  # the period is a reading: the document does not state it


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
        by_window[(*period.window, period.is_year)] = Point(period, obs.value, obs.origin, source, obs.inferred)
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
