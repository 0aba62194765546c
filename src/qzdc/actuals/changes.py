"""What a new figure changes: nothing, the figure that counts for its period, or nothing yet there.

The figure that counts for an indicator and a window of time (January to the end
of a month, or a year's own figure) is the last one given: the plan's own, then
the actuals file's in file order. A new figure is

- **new** where none counts yet;
- **the same** where its value is the counting figure's (numbers compared as the
  engine compares them: as printed, to 12 significant digits) and it brings no
  other source or note, or where it repeats the plan's own figure: it is not
  written, so a re-imported sheet leaves the file as it was and the counting
  figure keeps its source and note;
- an **annotation** where the value is the same but the source or note is new: a
  revision of what is said about the figure, written with the counting figure's
  source or note where it gives none;
- a **revision** of a figure recorded before, or a figure that **supersedes** the
  plan's own, where the value differs.

A new figure more than 100 times, or less than 1/100 of, the indicator's latest
known figure (or its baseline) is still taken, but `scale_slip` finds it, for
`record` and `import` to warn: it is most likely in another scale of the unit.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from qzdc.actuals.values import Entry
from qzdc.engine.verdict import printed
from qzdc.plan.models import Observation, Plan
from qzdc.plan.periods import PeriodError, parse_period

Window = tuple[str, int, int, bool]
# What `change_of` may say of a figure; only "same" is not written.
CHANGES = ("new", "same", "annotates", "revises", "supersedes")


def _window(indicator: str, period: Any) -> Window | None:
    try:
        parsed = parse_period(period)
    except PeriodError:
        return None
    return (indicator, *parsed.window, parsed.is_year)


def counting_figures(observations: Iterable[Observation]) -> dict[Window, Observation]:
    """The figure that counts today for each indicator and window of time: the last one given."""
    counting: dict[Window, Observation] = {}
    for obs in observations:
        key = _window(obs.indicator, obs.period)
        if key is not None:
            counting[key] = obs
    return counting


def same_value(a: Any, b: Any) -> bool:
    """Whether two figures are one value: numbers as the engine compares them (printed), else equal.

    67.00 and 67 are one number; done (a word) and True, or a class and a number, are not.
    """
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return printed(float(a)) == printed(float(b))
    return type(a) is type(b) and a == b


def _says_more(entry: Entry, before: Observation) -> bool:
    """Whether the new figure gives a source or a note that the counting one does not have."""
    source = before.source.ref if before.source is not None else None
    return (entry.source is not None and entry.source != source) or (
        entry.note is not None and entry.note != before.note
    )


def change_of(entry: Entry, counting: dict[Window, Observation]) -> tuple[str, Any]:
    """What a new figure does (one of CHANGES), and the value of the figure it meets (None if new)."""
    before = counting.get((entry.indicator, *entry.period.window, entry.period.is_year))
    if before is None:
        return "new", None
    if same_value(entry.value, before.value):
        if before.origin == "plan" or not _says_more(entry, before):
            return "same", before.value
        return "annotates", before.value
    return ("supersedes" if before.origin == "plan" else "revises"), before.value


def changed(entries: Iterable[Entry], observations: Iterable[Observation]) -> tuple[list[Entry], list[Entry]]:
    """(the entries to write, those the same as the figure that counts): `observations` are what is there now."""
    counting = counting_figures(observations)
    written: list[Entry] = []
    unchanged: list[Entry] = []
    for entry in entries:
        key = (entry.indicator, *entry.period.window, entry.period.is_year)
        change, _ = change_of(entry, counting)
        if change == "same":
            unchanged.append(entry)
            continue
        if change == "annotates":
            # A new note keeps the figure's source, and a new source its note: only what is given changes.
            before = counting[key]
            entry = dataclasses.replace(
                entry,
                source=entry.source if entry.source is not None else before.source.ref if before.source else None,
                note=entry.note if entry.note is not None else before.note,
            )
        written.append(entry)
        counting[key] = entry.observation()
    return written, unchanged


# A figure this many times the latest known one, or less than its reciprocal, is most likely
# in another scale of the unit (元 for 亿元, 万元 for 亿元: 10⁴ and 10⁸ apart).
SCALE_SLIP = 100


@dataclass(frozen=True)
class Known:
    """The figure a new one is set against: the latest known value, or the baseline."""

    value: int | float  # as written (67.00 keeps its decimals)
    period: str  # 2024, 2025-09; the baseline's year for a baseline
    baseline: bool = False
    replaced: bool = False  # the counting figure of the new figure's own period, which it replaces


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def latest_known(plan: Plan, observations: Iterable[Observation]) -> dict[Any, Known]:
    """For each indicator, its latest known figure (the counting figure of its latest period), else its
    baseline; and, under (indicator, period), the counting figure of each period, which a new figure
    for that period replaces and is set against first."""
    latest: dict[str, tuple[tuple[int, int, int], Known]] = {}
    known: dict[Any, Known] = {}
    for obs in counting_figures(observations).values():
        if _number(obs.value) is None:
            continue
        period = parse_period(obs.period)
        known[(obs.indicator, str(period))] = Known(obs.value, str(period), replaced=True)
        if obs.indicator not in latest or period.sort_key() > latest[obs.indicator][0]:
            latest[obs.indicator] = (period.sort_key(), Known(obs.value, str(period)))
    known |= {indicator: figure for indicator, (_, figure) in latest.items()}
    for indicator in plan.indicators:
        if indicator.id in known:
            continue
        baselines = [t.baseline for t in indicator.targets if t.baseline is not None]
        found = next((b for b in baselines if _number(b.value) is not None), None)
        if found is not None:
            known[indicator.id] = Known(found.value, str(found.year), baseline=True)
    return known


def scale_slip(entry: Entry, known: dict[Any, Known]) -> Known | None:
    """The known figure a new one is more than 100 times, or less than 1/100 of: a likely slip of the unit.

    Zero on either side says nothing of a scale, and a sign is not a scale: magnitudes are compared.
    """
    number = _number(entry.value)
    # A 2024 figure is set against the 2024 figure it replaces, not against the latest (a 2025-09 figure to date).
    against = known.get((entry.indicator, str(entry.period))) or known.get(entry.indicator)
    if number is None or not number or against is None or not against.value:
        return None
    ratio = abs(number) / abs(against.value)
    return against if ratio > SCALE_SLIP or ratio < 1 / SCALE_SLIP else None
