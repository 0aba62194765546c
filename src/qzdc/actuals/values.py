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
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from qzdc.errors import DataError, UsageError, quoted
from qzdc.i18n import language, tr
from qzdc.plan.counts import is_whole_count
from qzdc.plan.lookup import find_indicator
from qzdc.plan.models import Indicator, Observation, Plan, Source
from qzdc.plan.numbers import Written, decimals_of
from qzdc.plan.periods import (
    MissingYear,
    Period,
    PeriodError,
    may_be_alone,
    parse_period,
    parse_period_loose,
    year_to_date_forms,
)

FIELDS = ("indicator", "period", "value", "source", "note", "recorded_at")
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
    # The value as it was written where it was converted to the indicator's unit
    # (8130万元 for an 亿元 indicator), to show the conversion; never stored.
    written: str | None = field(default=None, compare=False)

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


def known_as(indicator: Indicator) -> str:
    """The indicator as a message about one of its figures names it: its name as the plan writes it, not its id."""
    return indicator.name if language() == "zh" else indicator.name_en


def value_kind(indicator: Indicator) -> str | None:
    """The kind of value an indicator takes: its first target's kind; None (numbers) without a target."""
    return indicator.targets[0].kind if indicator.targets else None


def is_growth_rate(indicator: Indicator) -> bool:
    """A growth rate in %: it may be negative, down to (not including) −100."""
    return value_kind(indicator) == "average_growth" or indicator.rate_of is not None


# Targets counted over the period: a year's part of them is a sum (or a rate) from January.
_SUMMED_KINDS = frozenset({"cumulative", "cumulative_reduction"})


def counts_from_january(indicator: Indicator) -> bool:
    """Whether a figure within the year means January to date: a yearly flow, a cumulative target, a growth rate.

    For these a quarter's or a month's own figure (当季, 当月) differs from the year to
    date; a level, share, class or milestone is the value at the end of the period,
    which is the same whichever way the period is written.
    """
    return indicator.flow or is_growth_rate(indicator) or any(t.kind in _SUMMED_KINDS for t in indicator.targets)


@dataclass(frozen=True)
class NumberRule:
    """What a number must be for an indicator, by what it measures (docs/actuals.md, "What a value may be")."""

    what: str  # "a growth rate in %", "a share in %", "a count of 家", "a number"
    low: float | None = None
    low_open: bool = False  # the bound itself is refused (a growth rate of −100 %)
    high: float | None = None
    high_open: bool = False  # the bound itself is refused (a reduction of 100 %)
    whole: bool = False
    hint: str | None = None

    def problem(self, number: float) -> str | None:
        """Why `number` breaks the rule (to follow "gdp_growth is a growth rate in %: -100 …"), or None."""
        if self.whole and number < 0:
            return tr("rule.negative")
        both = self.low is not None and self.high is not None
        outside = tr("rule.outside", low=f"{self.low:g}", high=f"{self.high:g}") if both else None
        if self.low is not None and (number <= self.low if self.low_open else number < self.low):
            return outside or tr("rule.not_above", low=f"{self.low:g}".replace("-", "−"))
        if self.high is not None and (number >= self.high if self.high_open else number > self.high):
            return outside or tr("rule.not_below", high=f"{self.high:g}")
        if self.whole and not float(number).is_integer():
            return tr("rule.not_whole")
        return None


# Target kinds whose figures are a share of a whole, in %: a percentage from 0 to 100.
SHARE_KINDS = frozenset({"share", "level", "maintain"})


def number_rule(plan: Plan, indicator: Indicator) -> NumberRule:
    """The rule for an indicator's numbers, by what it measures, not by its unit alone.

    A `%` is bounded to 0–100 only for a share (a share, level or maintained value in
    %: 城镇化率, 处理率). A growth rate may be negative, down to (not including) −100;
    a reduction rate may be negative (a rise), up to (not including) 100; any other
    rate in % (a yearly flow summed over the period, one set against another
    indicator's, a monitored one) has no bounds. A count (a bare 人, 家, 个, 户, where
    the plan's own figures are whole and the name is not per head:
    `qzdc.plan.counts.is_whole_count`) is a whole number, not negative; a ratio
    (每千人口拥有执业（助理）医师数 in 人, 2.9 → 3.2) takes any number.
    """
    kind = value_kind(indicator)
    unit = indicator.unit
    if is_growth_rate(indicator):
        return NumberRule(tr("rule.growth_rate"), low=-100, low_open=True, hint=tr("rule.growth_rate.hint"))
    if kind == "cumulative_reduction":
        return NumberRule(tr("rule.reduction"), high=100, high_open=True, hint=tr("rule.reduction.hint"))
    if unit == "%":
        if kind in SHARE_KINDS:
            return NumberRule(tr("rule.share"), low=0, high=100)
        return NumberRule(tr("rule.rate"))
    if is_whole_count(plan, indicator):
        return NumberRule(tr("rule.count", unit=unit), low=0, whole=True)
    return NumberRule(tr("rule.number"))


def period_opens(period: Period) -> dt.date:
    """The first day on which a figure for `period` may be recorded: the start of its last month."""
    return dt.date(period.year, period.end_month, 1)


def periods_due(plan: Plan, today: dt.date) -> list[Period]:
    """The periods whose figures are due by `today`: each year of the plan that has reached its
    last month, then the year to date of the year under way, at the plan's finest rhythm
    (monthly 2025-09, quarterly 2025-Q3, half-yearly 2025-H1), if it has one."""
    meta = plan.meta
    due: list[Period] = []
    for year in range(meta.baseline_year + 1, meta.target_year + 1):
        whole = Period(year)
        if today >= period_opens(whole):
            due.append(whole)
            continue
        if today.year == year:
            month = today.month
            if "monthly" in meta.review:
                due.append(Period(year, "M", month))
            elif "quarterly" in meta.review and month >= 3:
                due.append(Period(year, "Q", month // 3))
            elif "half_year" in meta.review and month >= 6:
                due.append(Period(year, "H", 1))
        break
    return due


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


# Scales a unit may be written in: 8130万元 is 0.813 亿元. A unit is its scale
# prefixes (万, 亿, 十亿 …) on a base unit (元, 人, 亩 …); two units with the same
# base are the same unit in different scales.
_SCALES = (("万亿", 10**12), ("千万", 10**7), ("百万", 10**6), ("十万", 10**5), ("亿", 10**8), ("万", 10**4),
           ("千", 10**3), ("百", 10**2), ("十", 10))  # fmt: skip
# Bases that are a scale of another base.
_BASES = {"公里": ("米", 1000), "千米": ("米", 1000), "平方公里": ("平方米", 10**6), "平方千米": ("平方米", 10**6)}
_LEADING_NUMBER = re.compile(r"^([+-]?(?:\d[\d,]*\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(.*)$")


def fold_unit(unit: str) -> str:
    """A unit as compared: NFKC (％ is %), no spaces, casefolded."""
    return "".join(unicodedata.normalize("NFKC", unit).split()).casefold()


def unit_scale(unit: str) -> tuple[str, int]:
    """(base, factor): 亿元 → (元, 10⁸), 万人 → (人, 10⁴), 平方公里 → (平方米, 10⁶), % → (%, 1)."""
    text = fold_unit(unit)
    factor = 1
    while True:
        if text in _BASES:
            base, scale = _BASES[text]
            return base, factor * scale
        prefix = next((p for p, _ in _SCALES if text.startswith(p) and len(text) > len(p)), None)
        if prefix is None:
            return text, factor
        factor *= dict(_SCALES)[prefix]
        text = text[len(prefix) :]


def _split_unit(text: str) -> tuple[str, str]:
    """`81.3亿元` → ("81.3", "亿元"); `7.5` → ("7.5", ""); text that does not start with a number is left whole."""
    match = _LEADING_NUMBER.match(text)
    if match is None:
        return text, ""
    return match.group(1), match.group(2).strip()


def _decimals(text: str) -> int:
    """Decimals as written: "67.00" → 2, "81" → 0, "1.5e3" → 0 (an exponent says nothing of them)."""
    if "e" in text.lower() or "." not in text:
        return 0
    return len(text.split(".", 1)[1])


def _in_unit(indicator: Indicator, number: Decimal, unit: str, raw: Any) -> tuple[Decimal, bool]:
    """`number` written in `unit`, in the indicator's own unit: (number, converted?); ValueProblem if it is another unit."""
    own = indicator.unit
    if not unit or fold_unit(unit) == fold_unit(own):
        return number, False
    name = known_as(indicator)
    if not own:
        raise ValueProblem(tr("val.no_unit", name=name, value=quoted(raw), unit=unit), tr("val.no_unit.hint"))
    base, factor = unit_scale(unit)
    own_base, own_factor = unit_scale(own)
    if base != own_base or base == "%":
        raise ValueProblem(
            tr("val.other_unit", value=quoted(raw), unit=unit, name=name, own=own), tr("val.other_unit.hint", own=own)
        )
    return number * factor / own_factor, True


def _parse_number(
    plan: Plan, indicator: Indicator, raw: Any, unit: str | None = None
) -> tuple[int | float, str | None]:
    """The number a person wrote, in the indicator's unit, and what was written where it was converted.

    A number written with decimals keeps them (`Written`): 67.00 is shown as 67.00.
    """
    name, own = known_as(indicator), indicator.unit
    wants = tr("val.wants_number_in", name=name, unit=own) if own else tr("val.wants_number", name=name)
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        raise ValueProblem(tr("val.not", wants=wants, value=_shown_value(raw)))
    if isinstance(raw, str):
        text = _number_text(raw, own)
        if text.lower() in _NOT_FINITE:
            raise ValueProblem(tr("val.not_finite", name=name, value=quoted(raw)))
        text, written_unit = _split_unit(text)
        if _THOUSANDS.match(text):
            text = text.replace(",", "")
        if not _NUMBER.match(text):
            hint = tr("val.without_unit") if own and own in text else None
            raise ValueProblem(tr("val.not", wants=wants, value=quoted(raw)), hint)
        try:
            # 1e99999999999999999999 is too much even for Decimal, whose exponent is a C integer.
            if not abs(float(text)) <= LARGEST:
                raise ArithmeticError
            places = _decimals(text)
            exact = Decimal(text)
        except ArithmeticError:
            raise ValueProblem(
                tr("val.out_of_range", name=name, value=quoted(raw)), tr("val.out_of_range.hint")
            ) from None
    else:
        if isinstance(raw, float) and not math.isfinite(raw):
            raise ValueProblem(tr("val.not_finite", name=name, value=quoted(raw)))
        written_unit = ""
        # A number from a spreadsheet or YAML: the decimals it was written with, where it says.
        known = decimals_of(raw)
        if isinstance(raw, int):
            places, exact = 0, Decimal(raw)
        else:
            places = known if known is not None else _decimals(f"{raw:.10g}")
            if places:
                exact = Decimal(f"{raw:.{places}f}")
            else:
                exact = Decimal(int(raw)) if raw.is_integer() else Decimal(repr(raw))
    exact, converted = _in_unit(indicator, exact, (written_unit or unit or "").strip(), raw)
    if converted:
        exact = exact.normalize()
        places = max(0, -int(exact.as_tuple().exponent))
    if not abs(exact) <= LARGEST:
        raise ValueProblem(tr("val.out_of_range", name=name, value=quoted(raw)), tr("val.out_of_range.hint"))
    number = _number(exact, places)
    rule = number_rule(plan, indicator)
    problem = rule.problem(number)
    if problem is not None:
        raise ValueProblem(tr("val.rule", name=name, what=rule.what, number=number, problem=problem), rule.hint)
    written = None
    if converted:
        as_typed = raw.strip() if isinstance(raw, str) else f"{raw}"
        written = as_typed if written_unit else f"{as_typed}{unit}"
    return number, written


def _number(exact: Decimal, places: int) -> int | float:
    """A Decimal as the number to store: an int where nothing follows the point, else a `Written` float."""
    if places <= 0:
        integral = exact.to_integral_value()
        if integral == exact and abs(exact) <= LARGEST:
            return int(integral)
        return float(exact)
    return Written(float(exact), places)


def _parse_class(indicator: Indicator, raw: Any) -> str:
    classes = indicator.classes or []
    if isinstance(raw, str):
        # NFKC turns the roman-numeral characters of Chinese documents (Ⅲ, 劣Ⅴ) into letters.
        text = unicodedata.normalize("NFKC", raw).strip().removesuffix("类").strip()
        by_fold = {unicodedata.normalize("NFKC", c).casefold(): c for c in classes}
        found = by_fold.get(text.casefold())
        if found is not None:
            return found
    raise ValueProblem(tr("val.class", name=known_as(indicator), classes=", ".join(classes), value=_shown_value(raw)))


def _parse_date(text: str) -> dt.date | None:
    match = _DATE.match(text)
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _parse_milestone(indicator: Indicator, raw: Any, period: Period | None, today: dt.date | None) -> str | dt.date:
    name = known_as(indicator)
    wants = tr("val.wants_milestone", name=name)
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
            raise ValueProblem(tr("val.not", wants=wants, value=quoted(raw)))
        date = parsed
    else:
        raise ValueProblem(tr("val.not", wants=wants, value=_shown_value(raw)))
    if today is not None and date > today:
        raise ValueProblem(tr("val.future_date", name=name, date=date.isoformat()), tr("val.future_date.hint"))
    if period is not None and date > period_end(period):
        raise ValueProblem(
            tr("val.done_after", name=name, date=date.isoformat(), period=period),
            tr("val.done_after.hint", year=date.year),
        )
    return date


def parse_value(
    plan: Plan,
    indicator: Indicator,
    raw: Any,
    *,
    period: Period | None = None,
    today: dt.date | None = None,
    unit: str | None = None,
) -> ObservedValue:
    """A value as typed or read (text, a number, a date) → the value to store; ValueProblem if wrong."""
    return read_value(plan, indicator, raw, period=period, today=today, unit=unit)[0]


def read_value(
    plan: Plan,
    indicator: Indicator,
    raw: Any,
    *,
    period: Period | None = None,
    today: dt.date | None = None,
    unit: str | None = None,
) -> tuple[ObservedValue, str | None]:
    """`parse_value`, and the value as written where it was converted to the indicator's unit (else None).

    `unit` is the unit a sheet gives the value in (its 单位 column), where the value
    does not say: `8130` with the unit 万元, for an 亿元 indicator, is 0.813.
    """
    kind = value_kind(indicator)
    if kind == "ordinal":
        return _parse_class(indicator, raw), None
    if kind == "milestone":
        return _parse_milestone(indicator, raw, period, today), None
    return _parse_number(plan, indicator, raw, unit)


def read_period(raw: Any, year: int | None = None) -> Period:
    """A period as typed or as a spreadsheet gives it; PeriodError if it is not one.

    Beside `parse_period_loose`'s forms, a date on the first of a month is that month:
    Excel turns `2025-09` typed into a cell into the date 2025-09-01. `year` is the
    year of a period written without one (1-9月, 前三季度); MissingYear without it.
    """
    if isinstance(raw, Period):
        return raw
    if isinstance(raw, dt.date):
        if isinstance(raw, dt.datetime):
            raw = raw.date()
        if raw.day != 1:
            raise PeriodError(tr("val.date_not_period", date=raw.isoformat()))
        return parse_period(f"{raw.year}-{raw.month:02d}")
    if isinstance(raw, str | int | float):
        return parse_period_loose(raw, year=year)
    raise PeriodError(tr("err.not_a_period", value=quoted(raw)))


def check_period(plan: Plan, period: Period, today: dt.date | None) -> Issue | None:
    """A well-formed period that the plan cannot hold, or that has not come yet."""
    meta = plan.meta
    if not meta.baseline_year <= period.year <= meta.target_year:
        return Issue(
            "period", tr("val.outside_plan", period=period, baseline=meta.baseline_year, target=meta.target_year)
        )
    if today is not None and today < period_opens(period):
        return Issue(
            "period",
            tr("val.future_period", period=period, opens=period_opens(period).isoformat()),
            tr("val.future_period.hint", today=today.isoformat()),
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
        hint = tr("val.must_be_text.hint") if isinstance(raw, bool) else None
        return None, Issue(field, tr("val.must_be_text", field=field, value=_shown_value(raw)), hint)
    if isinstance(raw, str):
        try:
            raw.encode("utf-8")
        except UnicodeEncodeError:  # bytes a terminal passed on undecoded (surrogate escapes): no file can hold them
            return None, Issue(field, tr("val.not_text", field=field), tr("val.not_text.hint"))
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
    return None, Issue("recorded_at", tr("val.not_datetime", value=_shown_value(raw)), tr("val.not_datetime.hint"))


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
    year: int | None = None,
    unit: str | None = None,
    period_text: Any = None,
    year_to_date: bool = False,
) -> tuple[Entry | None, list[Issue]]:
    """Check one entry's fields as typed, imported or read from the file: (entry, []) or (None, issues).

    `year` is the year of a period written without one (1-9月); `unit` the unit a
    sheet states for the value (read_value). `period_text` is how the period was
    written where `period` is already read (a sheet's column header or title);
    `year_to_date` says the sheet's value column is cumulative (本年累计), so that a
    period written as a quarter or month alone (三季度, 9月) is the year to date. Without
    it, such a period is refused for an indicator that counts from January.
    """
    issues: list[Issue] = []
    found: Indicator | None = None
    if _blank(indicator):
        issues.append(Issue("indicator", tr("val.missing_indicator"), usage=True))
    else:
        try:
            found = find_indicator(plan, _name_text(indicator))
        except UsageError as error:
            issues.append(Issue("indicator", error.message, error.hint, usage=True))
    parsed_period: Period | None = None
    if _blank(period):
        issues.append(Issue("period", tr("val.missing_period"), usage=True))
    else:
        try:
            parsed_period = read_period(period, year)
        except MissingYear as error:
            issues.append(Issue("period", str(error), tr("val.or_year_option"), usage=True))
        except PeriodError as error:
            issues.append(Issue("period", str(error), usage=True))
        else:
            problem = check_period(plan, parsed_period, today)
            if problem is not None:
                issues.append(problem)
    written_as = period_text if period_text is not None else period
    if (
        found is not None
        and parsed_period is not None
        and not year_to_date
        and counts_from_january(found)
        and may_be_alone(written_as)
    ):
        issues.append(
            Issue(
                "period",
                tr(
                    "val.period_alone",
                    name=known_as(found),
                    value=quoted(written_as),
                    part=tr(f"val.period_alone.{parsed_period.unit}"),
                    forms=year_to_date_forms(parsed_period, language()),
                ),
                usage=True,
            )
        )
    parsed_value: ObservedValue | None = None
    written: str | None = None
    if _blank(value):
        issues.append(Issue("value", tr("val.missing_value")))
    elif found is not None:
        try:
            parsed_value, written = read_value(plan, found, value, period=parsed_period, today=today, unit=unit)
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
    return Entry(found.id, parsed_period, parsed_value, source_text, note_text, stamp, written), []


def make_entry(
    plan: Plan,
    indicator: Any,
    period: Any,
    value: Any,
    source: Any = None,
    note: Any = None,
    *,
    today: dt.date | None = None,
    year: int | None = None,
) -> Entry:
    """`check_entry` for one figure typed on the command line: a one-line error if it is wrong.

    A mistyped indicator or period is a usage error (exit 2); a value, or a period the
    plan cannot hold, that is wrong is bad data (exit 1). `year` is the year of a period
    written without one (`--year`).
    """
    entry, issues = check_entry(plan, indicator, period, value, source, note, today=today or dt.date.today(), year=year)
    if entry is not None:
        return entry
    first = next((i for i in issues if i.usage), issues[0])
    error = UsageError if first.usage else DataError
    raise error(first.message, hint=first.hint)


def _shown_value(raw: Any) -> str:
    if raw is None:
        return tr("val.nothing")
    if isinstance(raw, bool):
        return str(raw).lower()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if isinstance(raw, dict):
        return tr("val.a_mapping")
    if isinstance(raw, list):
        return tr("val.a_list")
    return quoted(raw)


def parse_as_of(text: str | None, plan: Plan, option: str = "--as-of") -> Period | None:
    """`--as-of` (or `--since`) as a Period within the plan's years, or None for the latest data."""
    if text is None:
        return None
    try:
        period = parse_period_loose(text)
    except PeriodError as error:
        raise UsageError(tr("val.option", option=option, error=error)) from None
    meta = plan.meta
    if not meta.baseline_year < period.year <= meta.target_year:
        raise UsageError(
            tr("val.option_outside_plan", option=option, period=period),
            hint=tr("val.option_outside_plan.hint", start=meta.baseline_year + 1, end=meta.target_year),
        )
    return period
