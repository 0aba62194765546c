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

from collections.abc import Iterable, Sequence

from qzdc.engine.cumulative import assess_cumulative
from qzdc.engine.growth import assess_average_growth
from qzdc.engine.held import assess_maintain, assess_milestone, assess_ordinal
from qzdc.engine.path import assess_path
from qzdc.engine.series import points, usable_points
from qzdc.engine.verdict import Assessment
from qzdc.plan.models import Observation, Target, Thresholds
from qzdc.plan.periods import Period


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
        return assess_path(target, series, thresholds)
    if kind == "average_growth":
        return assess_average_growth(target, series, thresholds)
    if kind == "cumulative":
        return assess_cumulative(target, series, thresholds)
    if kind == "maintain":
        return assess_maintain(target, series)
    if kind == "ordinal":
        return assess_ordinal(target, series, list(classes or ()))
    if kind == "milestone":
        return assess_milestone(target, series, as_of)
    raise ValueError(f"unknown kind {kind!r}")


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
