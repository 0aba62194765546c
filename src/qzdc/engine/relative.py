"""Targets relative to another indicator (高于GDP增长, 与经济增长基本同步), and monitored indicators.

Methodology.md, "The wider vocabulary": each year the indicator is compared with
the other indicator's figure for the same period, under the target's comparator;
同步 ("in step with", comparator `~`) holds within a tolerance the plan states,
±0.5 percentage points by default. The target is achieved at the target year if
it held at the latest year. An indicator with no numeric target is monitored:
listed with its figures, never judged.
"""

from __future__ import annotations

from qzdc.engine.series import Point
from qzdc.engine.verdict import Assessment, after_target_year, as_number, elapsed, fmt_value, holds
from qzdc.plan.models import Target

# 基本同步 without a stated tolerance: within half a percentage point.
DEFAULT_TOLERANCE_PP = 0.5

METHOD = "relative to another indicator"


def tolerance(target: Target) -> float:
    return target.tolerance if target.tolerance is not None else DEFAULT_TOLERANCE_PP


def relation_holds(value: float, other: float, target: Target) -> bool:
    """Whether `value` stands to `other` as the target's comparator asks."""
    if target.comparator in ("~", "="):
        return abs(value - other) <= tolerance(target) + 1e-9 * max(1.0, abs(other))
    return holds(value, target.comparator, other)


def _window(point: Point) -> tuple[int, int, bool]:
    return (*point.period.window, point.period.is_year)


def assess_relative(target: Target, series: list[Point], reference: list[Point]) -> Assessment:
    assert target.year is not None and target.start_year is not None and target.relative_to is not None
    series, notes = after_target_year(series, target)
    in_period = [p for p in series if p.period.year >= target.start_year and as_number(p.value) is not None]
    theirs = {_window(p): p for p in reference if as_number(p.value) is not None}
    pairs = [(p, theirs[_window(p)]) for p in in_period if _window(p) in theirs]
    if target.comparator in ("~", "="):
        notes.append(f"in step: within ±{fmt_value(tolerance(target))} pp")
    if not pairs:
        why = "no figure in the period" if not in_period else "no figure of the other indicator for the same period"
        return Assessment(target.id, "no_data", METHOD, tuple([*notes, why]))
    held = [relation_holds(float(p.value), float(q.value), target) for p, q in pairs]
    latest, latest_other = pairs[-1]
    missed = [str(p.period) for (p, _), ok in zip(pairs, held, strict=True) if not ok]
    diff = float(latest.value) - float(latest_other.value)
    notes.append(
        f"{latest.period}: {fmt_value(float(latest.value))} against {fmt_value(float(latest_other.value))} "
        f"({'+' if diff > 0 else ''}{fmt_value(diff)} pp)"
    )
    if missed:
        notes.append("not held in " + ", ".join(missed))
    final = latest.period.is_year and latest.period.year >= target.year
    status = ("achieved" if final else "on_track") if held[-1] else "off_track"
    if final:
        notes.append(f"final: the latest figure is for the target year {target.year}")
    return Assessment(
        target.id,
        status,
        METHOD,
        tuple(notes),
        latest=latest,
        final=final,
        used=tuple(p for p, _ in pairs),
        progress=sum(held) / len(held),
        held=(sum(held), len(held)),
        time_elapsed=elapsed(latest.period.time, target.start_year - 1, target.year),
    )


def assess_monitored(target: Target, series: list[Point]) -> Assessment:
    """No numeric target: the latest figure is shown, and nothing is judged."""
    assert target.year is not None
    series, notes = after_target_year(series, target)
    notes.append("no numeric target: the figures are listed, not judged")
    latest = series[-1] if series else None
    return Assessment(target.id, "monitored", "monitored", tuple(notes), latest=latest, used=tuple(series))
