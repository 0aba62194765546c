"""Targets that hold or happen: maintain a level, keep an ordinal class, reach a milestone."""

from __future__ import annotations

import datetime as dt
from typing import Any

from qzdc.engine.series import Point
from qzdc.engine.verdict import Assessment, after_target_year, as_number, baseline_point, elapsed, holds
from qzdc.plan.models import Target
from qzdc.plan.periods import Period


def held_series(target: Target, series: list[Point], test: Any, method: str, still: Any = None) -> Assessment:
    """Maintain and ordinal targets, and titles to keep: held at every observation, judged at the latest.

    `still(point)`, where given, gives what is still required from a known value (maintain targets).
    """
    assert target.year is not None and target.start_year is not None
    series, notes = after_target_year(series, target)
    t0 = target.baseline.year if target.baseline else None
    after = [p for p in series if t0 is None or p.period.time > t0]
    if not after:
        known = baseline_point(target)
        figures = still(known) if still is not None and known is not None and known.period.year < target.year else {}
        return Assessment(target.id, "no_data", method, tuple([*notes, "no observation after the baseline"]), **figures)
    latest = after[-1]
    breaches = [p for p in after if not test(p.value)]
    final = latest.period.year >= target.year and latest.period.is_year
    if breaches:
        notes.append("breached in " + ", ".join(str(p.period) for p in breaches))
    if not test(latest.value):
        status = "off_track"
    elif final:
        # judged_on: target_year — only the target year's figure decides; earlier breaches are noted.
        status = "achieved" if not breaches or target.judged_on == "target_year" else "off_track"
    else:
        status = "on_track"
    if breaches and target.judged_on == "target_year":
        notes.append(f"judged on the target year {target.year}: a breach before it does not decide")
    if final:
        notes.append(f"final: the latest figure is for the target year {target.year}")
    held = sum(1 for p in after if test(p.value))
    start = t0 if t0 is not None else target.start_year - 1
    return Assessment(
        target.id,
        status,
        method,
        tuple(notes),
        latest=latest,
        final=final,
        used=tuple(after),
        progress=held / len(after),
        held=(held, len(after)),
        time_elapsed=elapsed(latest.period.time, start, target.year),
        **(still(latest) if still is not None and not final else {}),
    )


def assess_maintain(target: Target, series: list[Point]) -> Assessment:
    goal = as_number(target.value)
    assert goal is not None

    def test(value: Any) -> bool:
        number = as_number(value)
        return number is not None and holds(number, target.comparator, goal)

    def still(known: Point) -> dict[str, Any]:
        """To maintain is to hold: nothing more while it holds, else the change back to the target."""
        y = as_number(known.value)
        if y is None:
            return {}
        needed = 0.0 if test(y) else goal - y
        return {
            "pace_unit": "level",
            "required_now": needed,
            "required_rest": needed,
            "gap": needed,
            "required_from": known,
        }

    return held_series(target, series, test, "maintain", still)


def assess_ordinal(target: Target, series: list[Point], classes: list[str]) -> Assessment:
    order = {c: i for i, c in enumerate(classes)}  # best first
    goal = order.get(str(target.value))
    assert goal is not None

    def test(value: Any) -> bool:
        rank = order.get(str(value))
        # lower rank is better: "III or better" is rank ≤ rank(III)
        return rank is not None and holds(rank, target.comparator, goal)

    return held_series(target, series, test, "ordinal class")


def milestone_done(value: Any) -> bool:
    """`done`, `true` or a date means done; `false` or `not done` means not yet."""
    if isinstance(value, bool):
        return value
    if isinstance(value, dt.date):
        return True
    return str(value).strip().lower() in ("done", "yes", "true", "完成", "已完成")


def assess_milestone(target: Target, series: list[Point], as_of: Period | None) -> Assessment:
    assert target.year is not None and target.start_year is not None
    if target.direction == "maintain":
        # A title already won (国家卫生城镇), to keep through the target year: held like a level.
        return held_series(target, series, milestone_done, "milestone kept")
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
            time_elapsed=elapsed(first.period.time, target.start_year - 1, target.year),
        )
    now = as_of or latest.period
    past = now.year > target.year or (latest.period.year >= target.year and latest.period.is_year)
    status = "off_track" if past else "pending"
    notes = (f"not done by the end of {target.year}",) if past else (f"not done yet; due by {target.year}",)
    return Assessment(
        target.id, status, "milestone", notes, latest=latest, final=past, used=tuple(series), progress=0.0,
        time_elapsed=elapsed(latest.period.time, target.start_year - 1, target.year),
    )  # fmt: skip
