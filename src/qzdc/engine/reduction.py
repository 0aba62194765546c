"""Cumulative reductions that compound: 单位GDP能源消耗降低〔13.5〕 over five years.

Methodology.md, "The wider vocabulary": each year's reduction `c_i` applies to
what the year before left, so the reduction achieved so far is `1 − Π(1 − c_i)`
and the rate still required in each remaining year is
`1 − ((1 − C)/Π(1 − c_i))^(1/(N − k))`; 13.5 % over five years is 2.86 % a year.
A year with a rise is a negative reduction.

This is the average-growth arithmetic on `1 − c`: a reduction `c` is a growth of
`−c`. The figures are reported as reductions (positive: the quantity fell), in
the indicator's own terms, so that "2.86 % a year" reads as the plan writes it.
"""

from __future__ import annotations

import math
from typing import Any

from qzdc.engine.formulas import finite, safe_pow
from qzdc.engine.series import Point
from qzdc.engine.verdict import (
    Assessment,
    as_number,
    elapsed,
    final_miss,
    fmt_value,
    holds,
    status_from_ratio,
    years_in_period,
)
from qzdc.plan.models import Target, Thresholds

METHOD = "cumulative reduction, compounded"


def required_each_year(total: float, years: int) -> float:
    """The constant yearly reduction that compounds to `total` over `years`: `1 − (1 − C)^(1/N)`."""
    return 1 - (1 - total) ** (1 / years)


def remaining_reduction(total: float, years: int, observed: list[float]) -> float | None:
    """The reduction still needed in each remaining year, `1 − ((1 − C)/Π(1 − c_i))^(1/(N − k))`; None if none remain."""
    left = years - len(observed)
    if left <= 0:
        return None
    kept = math.prod(1 - c for c in observed)
    root = safe_pow((1 - total) / kept, 1 / left)
    return None if root is None else 1 - root


def realised_reduction(observed: list[float]) -> float | None:
    """The average yearly reduction so far: `1 − (Π(1 − c_i))^(1/k)`; None if it overflows."""
    if len(observed) == 1:
        return observed[0]  # exactly, not through a root that adds float noise
    root = safe_pow(math.prod(1 - c for c in observed), 1 / len(observed))
    return None if root is None else 1 - root


def assess_cumulative_reduction(target: Target, series: list[Point], thresholds: Thresholds) -> Assessment:
    goal = as_number(target.value)
    assert goal is not None
    total = goal / 100
    n_years = target.period_years
    annual, partial, notes = years_in_period(target, series)
    required = required_each_year(total, n_years) if total < 1 else None
    base: dict[str, Any] = {"pace_unit": "rate", "required_from_baseline": required}
    if not annual and partial is None:
        # Nothing observed yet: every year still needs the constant reduction, the whole total is to go.
        return Assessment(
            target.id, "no_data", METHOD, tuple([*notes, "no yearly reduction in the period"]),
            required_now=required, required_rest=total, gap=total, **base,
        )  # fmt: skip
    assert target.start_year is not None and target.year is not None
    cuts = [float(p.value) / 100 for p in annual]
    k = len(cuts)
    latest = partial or annual[-1]
    base.update(
        latest=latest,
        used=tuple(annual + ([partial] if partial else [])),
        time_elapsed=elapsed(latest.period.time, target.start_year - 1, target.year),
    )
    vanished = [p for p in annual if float(p.value) >= 100]
    if vanished:
        # Nothing is left to reduce further: the total is reached, but no rate compounds.
        notes.append(f"a reduction of {vanished[0].value} % in {vanished[0].period} leaves nothing to compound")
        return Assessment(target.id, "achieved", METHOD, tuple(notes), final=k >= n_years, progress=None, **base)
    kept = math.prod(1 - c for c in cuts)
    so_far = 1 - kept
    progress = finite(so_far / total) if total else None
    average = realised_reduction(cuts) if cuts else None
    compounded = safe_pow(1 - average, n_years) if average is not None else None
    projected = None if compounded is None else 1 - compounded
    gap = finite(projected - total) if projected is not None else None
    figures: dict[str, Any] = {"progress": progress, "projected": finite(projected), "projected_gap": gap}
    # Still to go in all, as a difference of totals (C − achieved so far), like average growth's G − a.
    to_go = finite(total - so_far)
    final = k >= n_years
    if holds(so_far * 100, target.comparator, goal):
        notes.append(f"reduced by {fmt_value(so_far * 100)} % so far")
        if final:
            notes.append(f"final: all {n_years} years observed")
        return Assessment(
            target.id, "achieved", METHOD, tuple(notes), final=final, observed_pace=average, **figures, **base
        )
    if final:
        ratio = finite(average / required) if required and average is not None else None
        notes.append(f"final: all {n_years} years observed")
        return Assessment(
            target.id, final_miss(ratio), METHOD, tuple(notes), final=True, observed_pace=average,
            pace_ratio=ratio, **figures, **base,
        )  # fmt: skip
    still = remaining_reduction(total, n_years, cuts)
    rest = finite(1 - (1 - total) / kept)
    figures["gap"] = to_go
    if partial is not None:
        # Year to date: the reduction so far this year against the one the year needs.
        ytd = float(partial.value) / 100
        ratio = finite(ytd / still) if still else None
        status = status_from_ratio(ratio, thresholds) if ratio is not None else "off_track"
        return Assessment(
            target.id, status, f"{METHOD}, year to date against the rate the year needs", tuple(notes),
            observed_pace=ytd, required_now=still, required_rest=rest, pace_ratio=ratio, **figures, **base,
        )  # fmt: skip
    ratio = finite(average / still) if still and average is not None else None
    status = status_from_ratio(ratio, thresholds) if ratio is not None else "off_track"
    return Assessment(
        target.id, status, METHOD, tuple(notes), observed_pace=average, required_now=still, required_rest=rest,
        pace_ratio=ratio, **figures, **base,
    )  # fmt: skip
