"""Values and periods as people write them, checked against the plan: one `Entry` per figure.

`check_entry` turns what a person typed (in a command, a sheet or the actuals
file) into an `Entry` with the indicator's id, a parsed period and a typed value,
or the `Issue`s that say what is wrong with each field. The rules are in
`qzdc.actuals.store`'s docstring and docs/actuals.md.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from qzdc.errors import DataError, UsageError, quoted
from qzdc.plan.lookup import find_indicator
from qzdc.plan.models import Indicator, Observation, Plan, Source
from qzdc.plan.periods import Period, PeriodError, parse_period, parse_period_loose

FIELDS = ("indicator", "period", "value", "source", "note", "recorded_at")
# Units of counts of things: firms (家), projects (个), households (户), people (人).
COUNT_UNITS = frozenset({"家", "个", "户", "人"})
DONE = "done"
NOT_DONE = "not done"
_DONE_WORDS = frozenset({"done", "yes", "true", "完成", "已完成", "是"})
_NOT_DONE_WORDS = frozenset({"not done", "notdone", "not_done", "no", "false", "未完成", "否"})

_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_NOT_FINITE = frozenset({"nan", "inf", "infinity", "-inf", "+inf", "-infinity", "+infinity", "-nan", "+nan"})
_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")

ObservedValue = int | float | str | dt.date

# The largest figure, in absolute value, that qzdc records: beyond any figure a
# plan holds, and every whole number up to it is exact as a float, so the
# engine's arithmetic never meets an overflow. Larger ones are typos.
LARGEST = 1e15


# ── entries and their checks ─────────────────────────────────────────────────


@dataclass(frozen=True)
class Entry:
    """One recorded figure, checked: the indicator's id, a parsed period, a typed value."""

    indicator: str
    period: Period
    value: ObservedValue
    source: str | None = None
    note: str | None = None
    recorded_at: str | None = None

    @property
    def period_value(self) -> int | str:
        """The period as the plan's files write it: 2024 (a number) or "2025-Q3"."""
        return self.period.year if self.period.is_year else str(self.period)

    def observation(self) -> Observation:
        return Observation(
            indicator=self.indicator,
            period=self.period_value,
            value=self.value,
            source=Source(ref=self.source) if self.source else None,
            note=self.note,
            origin="actuals",
            recorded_at=self.recorded_at,
        )


@dataclass(frozen=True)
class Issue:
    """What is wrong with one field of an entry. `usage` marks a mistyped command argument."""

    field: str
    message: str
    hint: str | None = None
    usage: bool = False


class ValueProblem(ValueError):
    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint


def value_kind(indicator: Indicator) -> str | None:
    """The kind of value an indicator takes: its first target's kind; None (numbers) without a target."""
    return indicator.targets[0].kind if indicator.targets else None


def is_growth_rate(indicator: Indicator) -> bool:
    """A growth rate in %: it may be negative, down to (not including) −100."""
    return value_kind(indicator) == "average_growth" or indicator.rate_of is not None


def period_opens(period: Period) -> dt.date:
    """The first day on which a figure for `period` may be recorded: the start of its last month."""
    return dt.date(period.year, period.end_month, 1)


def period_end(period: Period) -> dt.date:
    import calendar  # here, not at the top: it imports locale, slow at start-up

    return dt.date(period.year, period.end_month, calendar.monthrange(period.year, period.end_month)[1])


def _number_text(raw: str, unit: str) -> str:
    text = unicodedata.normalize("NFKC", raw).strip().replace("−", "-").replace(" ", "")
    if unit == "%" and text.endswith("%"):
        text = text[:-1]
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    return text


def _parse_number(indicator: Indicator, raw: Any) -> int | float:
    name, unit = indicator.id, indicator.unit
    wants = f"{name} takes a number" + (f" in {unit}" if unit else "")
    number: int | float
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        raise ValueProblem(f"{wants}, not {_shown_value(raw)}")
    if isinstance(raw, str):
        text = _number_text(raw, unit)
        if text.lower() in _NOT_FINITE:
            raise ValueProblem(f"{name} takes a finite number, not {quoted(raw)}")
        if not _NUMBER.match(text):
            hint = "write the value without its unit" if unit and unit in text else None
            raise ValueProblem(f"{wants}, not {quoted(raw)}", hint)
        # float() first: int() of thousands of digits is slow or refused outright.
        number = float(text)
        if _INTEGER.match(text) and abs(number) <= LARGEST:
            number = int(number)
    else:
        number = raw
        if isinstance(number, float) and not math.isfinite(number):
            raise ValueProblem(f"{name} takes a finite number, not {quoted(raw)}")
    if not abs(number) <= LARGEST:  # also a text too long for a float, read as infinity
        raise ValueProblem(
            f"{name}: {quoted(raw)} is out of range: a figure lies within ±10^15", "check the number of digits"
        )
    if isinstance(number, float) and number.is_integer() and abs(number) < LARGEST:
        number = int(number)
    if is_growth_rate(indicator):
        if number <= -100:
            raise ValueProblem(
                f"{name} is a growth rate in %: {number} is not above −100", "a fall cannot exceed 100 %"
            )
    elif value_kind(indicator) == "cumulative_reduction":
        # A reduction rate: a rise is a negative reduction; a fall of 100 % leaves nothing.
        if number >= 100:
            raise ValueProblem(
                f"{name} is a reduction in %: {number} is not below 100", "a quantity cannot fall by 100 % or more"
            )
    elif unit == "%" and value_kind(indicator) not in ("relative", "monitored") and not 0 <= number <= 100:
        # A % alone is not a share: a rate set against another's, or a monitored figure, has no bounds.
        raise ValueProblem(f"{name} is a share in %: {number} is outside 0–100")
    if unit in COUNT_UNITS:
        if number < 0:
            raise ValueProblem(f"{name} is a count of {unit}: {number} cannot be negative")
        if not isinstance(number, int):
            raise ValueProblem(f"{name} is a count of {unit}: {number} is not a whole number")
    return number


def _parse_class(indicator: Indicator, raw: Any) -> str:
    classes = indicator.classes or []
    if isinstance(raw, str):
        # NFKC turns the roman-numeral characters of Chinese documents (Ⅲ, 劣Ⅴ) into letters.
        text = unicodedata.normalize("NFKC", raw).strip().removesuffix("类").strip()
        by_fold = {unicodedata.normalize("NFKC", c).casefold(): c for c in classes}
        found = by_fold.get(text.casefold())
        if found is not None:
            return found
    raise ValueProblem(f"{indicator.id} takes a class ({', '.join(classes)}), not {_shown_value(raw)}")


def _parse_date(text: str) -> dt.date | None:
    match = _DATE.match(text)
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _parse_milestone(indicator: Indicator, raw: Any, period: Period | None, today: dt.date | None) -> str | dt.date:
    name = indicator.id
    wants = f"{name} is a milestone: write done, not done or the date it was done (YYYY-MM-DD)"
    if isinstance(raw, bool):
        return DONE if raw else NOT_DONE
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        date = raw
    elif isinstance(raw, str):
        text = " ".join(unicodedata.normalize("NFKC", raw).strip().casefold().split())
        if text in _DONE_WORDS:
            return DONE
        if text in _NOT_DONE_WORDS:
            return NOT_DONE
        parsed = _parse_date(text)
        if parsed is None:
            raise ValueProblem(f"{wants}, not {quoted(raw)}")
        date = parsed
    else:
        raise ValueProblem(f"{wants}, not {_shown_value(raw)}")
    if today is not None and date > today:
        raise ValueProblem(
            f"{name}: the date {date.isoformat()} is in the future", "record a milestone once it is done"
        )
    if period is not None and date > period_end(period):
        raise ValueProblem(
            f"{name}: done on {date.isoformat()}, after the end of {period}",
            f"record it for the period it was done in, e.g. {date.year}",
        )
    return date


def parse_value(
    indicator: Indicator, raw: Any, *, period: Period | None = None, today: dt.date | None = None
) -> ObservedValue:
    """A value as typed or read (text, a number, a date) → the value to store; ValueProblem if wrong."""
    kind = value_kind(indicator)
    if kind == "ordinal":
        return _parse_class(indicator, raw)
    if kind == "milestone":
        return _parse_milestone(indicator, raw, period, today)
    return _parse_number(indicator, raw)


def read_period(raw: Any) -> Period:
    """A period as typed or as a spreadsheet gives it; PeriodError if it is not one.

    Beside `parse_period_loose`'s forms, a date on the first of a month is that month:
    Excel turns `2025-09` typed into a cell into the date 2025-09-01.
    """
    if isinstance(raw, Period):
        return raw
    if isinstance(raw, dt.date):
        if isinstance(raw, dt.datetime):
            raw = raw.date()
        if raw.day != 1:
            raise PeriodError(f"the date {raw.isoformat()} is not a period: write 2024, 2025-Q3 or 2025-09")
        return parse_period(f"{raw.year}-{raw.month:02d}")
    if isinstance(raw, str | int | float):
        return parse_period_loose(raw)
    raise PeriodError(f"{quoted(raw)} is not a period")


def check_period(plan: Plan, period: Period, today: dt.date | None) -> Issue | None:
    """A well-formed period that the plan cannot hold, or that has not come yet."""
    meta = plan.meta
    if not meta.baseline_year <= period.year <= meta.target_year:
        return Issue(
            "period",
            f"{period} is outside the plan, which runs from its {meta.baseline_year} baseline to {meta.target_year}",
        )
    if today is not None and today < period_opens(period):
        return Issue(
            "period",
            f"{period} is in the future: it can be recorded from {period_opens(period).isoformat()}",
            f"today is {today.isoformat()}",
        )
    return None


def _blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _name_text(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw)


def _optional_text(raw: Any, field: str) -> tuple[str | None, Issue | None]:
    if _blank(raw):
        return None, None
    if isinstance(raw, bool | dict | list):
        hint = "quote it in the YAML file" if isinstance(raw, bool) else None
        return None, Issue(field, f"{field} must be text, not {_shown_value(raw)}", hint)
    if isinstance(raw, str):
        return raw.strip(), None
    return _name_text(raw), None


def _recorded_at(raw: Any) -> tuple[str | None, Issue | None]:
    if raw is None:
        return None, None
    if isinstance(raw, dt.datetime):
        return raw.isoformat(), None
    if isinstance(raw, str):
        try:
            dt.datetime.fromisoformat(raw.strip())
        except ValueError:
            pass
        else:
            return raw.strip(), None
    return None, Issue(
        "recorded_at", f"not a date and time: {_shown_value(raw)}", 'write it as "2026-11-29T08:30:00+08:00"'
    )


def check_entry(
    plan: Plan,
    indicator: Any,
    period: Any,
    value: Any,
    source: Any = None,
    note: Any = None,
    *,
    recorded_at: Any = None,
    today: dt.date | None = None,
) -> tuple[Entry | None, list[Issue]]:
    """Check one entry's fields as typed, imported or read from the file: (entry, []) or (None, issues)."""
    issues: list[Issue] = []
    found: Indicator | None = None
    if _blank(indicator):
        issues.append(Issue("indicator", "the indicator is missing", usage=True))
    else:
        try:
            found = find_indicator(plan, _name_text(indicator))
        except UsageError as error:
            issues.append(Issue("indicator", error.message, error.hint, usage=True))
    parsed_period: Period | None = None
    if _blank(period):
        issues.append(Issue("period", "the period is missing", usage=True))
    else:
        try:
            parsed_period = read_period(period)
        except PeriodError as error:
            issues.append(Issue("period", str(error), usage=True))
        else:
            problem = check_period(plan, parsed_period, today)
            if problem is not None:
                issues.append(problem)
    parsed_value: ObservedValue | None = None
    if _blank(value):
        issues.append(Issue("value", "the value is missing"))
    elif found is not None:
        try:
            parsed_value = parse_value(found, value, period=parsed_period, today=today)
        except ValueProblem as problem:
            issues.append(Issue("value", problem.message, problem.hint))
    source_text, issue = _optional_text(source, "source")
    if issue:
        issues.append(issue)
    note_text, issue = _optional_text(note, "note")
    if issue:
        issues.append(issue)
    stamp, issue = _recorded_at(recorded_at)
    if issue:
        issues.append(issue)
    if issues:
        return None, issues
    assert found is not None and parsed_period is not None and parsed_value is not None
    return Entry(found.id, parsed_period, parsed_value, source_text, note_text, stamp), []


def make_entry(
    plan: Plan,
    indicator: Any,
    period: Any,
    value: Any,
    source: Any = None,
    note: Any = None,
    *,
    today: dt.date | None = None,
) -> Entry:
    """`check_entry` for one figure typed on the command line: a one-line error if it is wrong.

    A mistyped indicator or period is a usage error (exit 2); a value, or a period the
    plan cannot hold, that is wrong is bad data (exit 1).
    """
    entry, issues = check_entry(plan, indicator, period, value, source, note, today=today or dt.date.today())
    if entry is not None:
        return entry
    first = next((i for i in issues if i.usage), issues[0])
    error = UsageError if first.usage else DataError
    raise error(first.message, hint=first.hint)


def _shown_value(raw: Any) -> str:
    if raw is None:
        return "nothing"
    if isinstance(raw, bool):
        return str(raw).lower()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if isinstance(raw, dict):
        return "a mapping"
    if isinstance(raw, list):
        return "a list"
    return quoted(raw)


def parse_as_of(text: str | None, plan: Plan, option: str = "--as-of") -> Period | None:
    """`--as-of` (or `--since`) as a Period within the plan's years, or None for the latest data."""
    if text is None:
        return None
    try:
        period = parse_period_loose(text)
    except PeriodError as error:
        raise UsageError(f"{option}: {error}") from None
    meta = plan.meta
    if not meta.baseline_year < period.year <= meta.target_year:
        raise UsageError(
            f"{option} {period} is outside the plan",
            hint=f"the plan runs from {meta.baseline_year + 1} to {meta.target_year}",
        )
    return period
