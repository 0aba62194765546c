"""The required path, year by year, beside what was observed (`qzdc show`, the report's charts)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from qzdc.engine.formulas import finite
from qzdc.engine.series import Point, points, usable_points
from qzdc.engine.verdict import as_number
from qzdc.plan.models import Observation, Target
from qzdc.plan.periods import Period


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
    sum of the flows; cumulative reduction: the constant yearly reduction that
    compounds to the total, beside each year's reduction; maintain: the target
    value each year. Milestones, classes, relative and monitored targets have no path.
    """
    assert target.year is not None and target.start_year is not None
    series = usable_points(points(observations), as_of)
    by_year: dict[int, Point] = {}
    for p in series:
        by_year[p.period.year] = p  # the annual figure if any, else the latest year-to-date one
    goal = as_number(target.value)
    steps: list[PathStep] = []

    def step(year: int, required: float | None, actual: Any = None) -> PathStep:
        point = by_year.get(year)
        value = actual if actual is not None else (point.value if point else None)
        return PathStep(
            year, finite(required) if required is not None else None, value, point.period if point else None
        )

    if target.kind in ("level", "share") and goal is not None and target.baseline is not None:
        b, t0 = as_number(target.baseline.value), target.baseline.year
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
            flow = as_number(by_year[year].value) if year in by_year else None
            running += flow or 0.0
            steps.append(step(year, goal * k / n_years, running if flow is not None else None))
    elif target.kind == "cumulative_reduction" and goal is not None and 0 < goal < 100:
        # The constant yearly reduction that compounds to the total, beside each year's reduction.
        rate = 100 * (1 - (1 - goal / 100) ** (1 / target.period_years))
        for year in range(target.start_year, target.year + 1):
            steps.append(step(year, rate))
    elif target.kind == "maintain" and goal is not None:
        first = target.baseline.year if target.baseline else target.start_year
        for year in range(first, target.year + 1):
            steps.append(step(year, goal))
    return steps
