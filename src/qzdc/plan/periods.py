"""Periods: a year (`2024`), or year to date (`2025-Q3`, `2025-09`, `2025-H1`).

The plan is reviewed monthly and quarterly (月调度、季研判、半年总结), so an
observation may cover January to the end of a month, quarter or half-year. A
period knows the fraction `f` of its year it covers and orders so that a year's
own figure comes after (and so supersedes) every year-to-date figure of that year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qzdc.errors import quoted
from qzdc.i18n import tr

_PATTERN = re.compile(r"^\s*(\d{4})(?:\s*-\s*(?:(Q|H)(\d+)|(\d{1,2})))?\s*$", re.IGNORECASE)


class PeriodError(ValueError):
    pass


@dataclass(frozen=True, order=False)
class Period:
    year: int
    # "Y" a whole year; "Q" quarter, "H" half-year, "M" month: year to date.
    unit: str = "Y"
    n: int = 0

    @property
    def end_month(self) -> int:
        return {"Y": 12, "Q": 3 * self.n, "H": 6 * self.n, "M": self.n}[self.unit]

    @property
    def window(self) -> tuple[int, int]:
        """(year, last month): what the period covers, January to that month.

        2025-09 and 2025-Q3 are the same window; so are 2025, 2025-Q4 and 2025-12.
        """
        return (self.year, self.end_month)

    @property
    def fraction(self) -> float:
        """The fraction of the year the period covers, from January."""
        return self.end_month / 12

    @property
    def is_year(self) -> bool:
        return self.unit == "Y"

    @property
    def time(self) -> float:
        """A point on the year axis: the end of the period (2025-Q3 → 2024.75)."""
        return self.year - 1 + self.fraction

    def sort_key(self) -> tuple[int, int, int]:
        # The year's own figure outranks a year-to-date figure ending in December.
        rank = {"M": 0, "Q": 1, "H": 2, "Y": 3}[self.unit]
        return (self.year, self.end_month, rank)

    def __lt__(self, other: Period) -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: Period) -> bool:
        return self.sort_key() <= other.sort_key()

    def __str__(self) -> str:
        if self.unit == "Y":
            return str(self.year)
        if self.unit == "M":
            return f"{self.year}-{self.n:02d}"
        return f"{self.year}-{self.unit}{self.n}"


def parse_period(text: str | int) -> Period:
    """`2024`, `2025-Q3`, `2025-H1` or `2025-09` → Period; PeriodError otherwise."""
    if isinstance(text, bool):
        raise PeriodError(tr("err.not_a_period", value=repr(text)))
    match = _PATTERN.match(str(text)) if not isinstance(text, int) or 0 <= text <= 9999 else None
    if not match:
        raise PeriodError(tr("err.not_a_period.write", value=quoted(text)))
    year = int(match.group(1))
    letter, number, month = match.group(2), match.group(3), match.group(4)
    if letter:
        unit = letter.upper()
        n = int(number)
        limit = 4 if unit == "Q" else 2
        if not 1 <= n <= limit:
            raise PeriodError(
                tr("err.not_a_period.quarters" if unit == "Q" else "err.not_a_period.halves", value=quoted(text))
            )
        return Period(year, unit, n)
    if month:
        n = int(month)
        if not 1 <= n <= 12:
            raise PeriodError(tr("err.not_a_period.months", value=quoted(text)))
        return Period(year, "M", n)
    return Period(year)


_CN_ORDINALS = {1: "一", 2: "二", 3: "三", 4: "四"}


def period_label(period: Period, lang: str) -> str:
    """A period as a Chinese table heads it (2024年, 2025年1-9月, 2025年前三季度, 2025年上半年), or `str` in English.

    `parse_period_loose` reads every one of these back as the same period.
    """
    if lang != "zh":
        return str(period)
    year = f"{period.year}年"
    if period.unit == "Y":
        return year
    if period.unit == "M":
        return f"{year}{period.n}月" if period.n == 1 else f"{year}1-{period.n}月"
    if period.unit == "Q":
        return f"{year}前{_CN_ORDINALS[period.n]}季度" if period.n > 1 else f"{year}一季度"
    return f"{year}上半年" if period.n == 1 else f"{year}下半年"


class MissingYear(PeriodError):
    """A period written without its year (`1-9月`, 前三季度): the caller says where the year may come from."""


_CN_NUMBERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_DASHES = "-—–~至到"
# What the statistics bureau and analysts write, each with an optional year in front
# (compiled on first use: `qzdc status` must not pay for them). Matched after NFKC
# (full-width digits and signs become ASCII) with the spaces taken out.
_YEAR = r"(?:(?P<year>\d{4})(?:年度?|[-/.])?)?"
_LOOSE_FORMS: tuple[tuple[str, str], ...] = (
    # 1-9月, 1—9月, 1至9月, 2025年1-9月累计: January to September
    (rf"^{_YEAR}(?P<first>\d{{1,2}}|一)月?[{_DASHES}](?P<n>\d{{1,2}})月(?:份)?(?:累计)?$", "range"),
    # 2025年9月, 9月份, 2025年9月末: year to date, to the end of September
    (rf"^{_YEAR}(?P<n>\d{{1,2}})月(?:份)?(?:末|底|累计)?$", "M"),
    # 前三季度, 2025年三季度, 2025年第3季度, 2025年Q3
    (rf"^{_YEAR}(?:前|第)?(?P<n>[1-4一二两三四])季度(?:末|累计)?$", "Q"),
    (rf"^{_YEAR}[Qq](?P<n>\d)$", "Q"),
    (rf"^{_YEAR}[Hh](?P<n>\d)$", "H"),
    # 上半年, 2025年上半年 / 下半年
    (rf"^{_YEAR}上半年(?:累计)?$", "H1"),
    (rf"^{_YEAR}下半年$", "H2"),
    # 2024年, 2024年度, 2024年全年, 全年
    (r"^(?P<year>\d{4})年度?$", "Y"),
    (rf"^{_YEAR}全年$", "Y"),
    # 2025/9 and 2025/9/1 (how Excel on a Chinese-locale Windows writes a month it took for a date), 2025.9
    (r"^(?P<year>\d{4})[/.](?P<n>\d{1,2})(?:[/.]0?1)?$", "M"),
)
_COMPILED: list[tuple[re.Pattern[str], str]] = []


def _number(text: str) -> int:
    return _CN_NUMBERS[text] if text in _CN_NUMBERS else int(text)


def _loose_match(text: str, year: int | None, shown: str) -> Period | None:
    """The period a bureau-style `text` names, or None if it is none of those forms."""
    if not _COMPILED:
        _COMPILED.extend((re.compile(pattern), unit) for pattern, unit in _LOOSE_FORMS)
    for pattern, unit in _COMPILED:
        match = pattern.match(text)
        if match is None:
            continue
        groups = match.groupdict()
        written_year = groups.get("year")
        if written_year is None and year is None:
            raise MissingYear(tr("err.period_without_year", value=quoted(shown), text=text))
        the_year = int(written_year) if written_year is not None else year
        assert the_year is not None
        if unit == "range":
            first = _number(groups["first"])
            if first != 1:
                raise PeriodError(tr("err.period_from_january", value=quoted(shown), n=int(groups["n"]), first=first))
            return parse_period(f"{the_year}-{int(groups['n']):02d}") if int(groups["n"]) <= 12 else _months(shown)
        if unit == "M":
            n = int(groups["n"])
            return Period(the_year, "M", n) if 1 <= n <= 12 else _months(shown)
        if unit in ("Q", "H"):
            return parse_period(f"{the_year}-{unit}{_number(groups['n'])}")
        if unit in ("H1", "H2"):
            return Period(the_year, "H", int(unit[1]))
        return Period(the_year)
    return None


# Forms that may name a quarter, a month or a half-year alone rather than the year to date
# (三季度 or 9月 is 当季 / 当月 in the bureau's usage; 前三季度 and 1-9月 are cumulative).
# 一季度 and 1月 are the year to date either way, so only a later one is in doubt.
_ALONE_FORMS: tuple[str, ...] = (
    rf"^{_YEAR}(?P<n>\d{{1,2}})月(?:份)?(?:末|底)?$",
    rf"^{_YEAR}第?(?P<n>[1-4一二两三四])季度(?:末)?$",
    rf"^{_YEAR}下半年$",
    r"^(?P<year>\d{4})[/.](?P<n>\d{1,2})$",
)
_ALONE_COMPILED: list[re.Pattern[str]] = []


def may_be_alone(value: object) -> bool:
    """Whether a period as written may be a quarter's, month's or half-year's own figure, not the year to date.

    `2025年三季度`, `2025年第三季度`, `2025年9月`, `9月份`, `2025.9` (also a spreadsheet's
    number 2025.9) and `2025年下半年` may be; `2025年前三季度`, `2025年1-9月`, `9月累计`,
    `上半年`, `2025年一季度`, `2025年1月` and the machine forms `2025-Q3`, `2025-09` are
    January to the end of the period, as qzdc's periods always are.
    """
    if isinstance(value, float):
        try:
            return not value.is_integer() and _float_period(value).n > 1
        except PeriodError:  # not a period at all: reading it says so
            return False
    if not isinstance(value, str):
        return False
    import unicodedata

    if not _ALONE_COMPILED:
        _ALONE_COMPILED.extend(re.compile(pattern) for pattern in _ALONE_FORMS)
    text = "".join(unicodedata.normalize("NFKC", value).split())
    for pattern in _ALONE_COMPILED:
        match = pattern.match(text)
        if match is not None:
            n = match.groupdict().get("n")
            return n is None or _number(n) > 1
    return False


def year_to_date_forms(period: Period, lang: str) -> str:
    """How to write the year to date ending with `period`: 2025年前三季度、2025年1-9月、2025-Q3 或 2025-09."""
    year, month = period.window
    forms: list[str] = [f"{year}年全年"] if month == 12 else []
    if month % 3 == 0 and month < 12:
        forms.append(f"{year}年前{_CN_ORDINALS[month // 3]}季度")
    forms.append(f"{year}年1-{month}月")
    if month % 3 == 0:
        forms.append(f"{year}-Q{month // 3}")
    forms.append(f"{year}-{month:02d}")
    last = " 或 " if lang == "zh" else " or "
    return ("、" if lang == "zh" else ", ").join(forms[:-1]) + last + forms[-1]


def _months(shown: str) -> Period:
    raise PeriodError(tr("err.not_a_period.months_1_12", value=quoted(shown)))


def _float_period(value: float) -> Period:
    """A spreadsheet number: 2024.0 is the year; 2025.9 (a cell typed 2025.9) is September."""
    if value.is_integer():
        return parse_period(int(value))
    text = repr(value)
    match = re.fullmatch(r"(\d{4})\.(\d{1,2})", text)
    if match is None:
        raise PeriodError(tr("err.not_a_period.write", value=quoted(value)))
    if match.group(2) == "1":
        # A number cell cannot tell 2025.1 from 2025.10: both are the number 2025.1.
        raise PeriodError(tr("err.period_january_or_october", value=quoted(value)))
    month = int(match.group(2))
    if not 1 <= month <= 12:
        _months(text)
    return Period(int(match.group(1)), "M", month)


def parse_period_loose(value: str | int | float, *, year: int | None = None) -> Period:
    """`parse_period`, also taking what analysts type, the statistics bureau writes and spreadsheets produce.

    Full-width digits (２０２５), `2025Q3`, `2025年`, `2025年9月`, `2025.9`, `2025/9`,
    `2025年1-9月` (also 1—9月, 1至9月, 1-9月累计), `2025年前三季度`, `2025年三季度`,
    `2025年第三季度`, `2025年上半年`, `2025年全年`, and a spreadsheet number (2024.0,
    2025.9). Each of these may leave out the year (1-9月, 前三季度, 上半年) when
    `year` is given; without it, that is a `MissingYear` error. Anything else goes to
    `parse_period` and gets its error message. A figure always runs from January:
    4-9月 is refused.
    """
    if isinstance(value, float):
        return _float_period(value)
    if isinstance(value, bool) or not isinstance(value, str):
        return parse_period(value)
    import unicodedata

    text = "".join(unicodedata.normalize("NFKC", value).split())
    found = _loose_match(text, year, value.strip())
    if found is not None:
        return found
    try:
        return parse_period(text)
    except PeriodError as err:
        # Say it in the user's own words, not the normalised ones.
        raise PeriodError(str(err).replace(quoted(text), quoted(value), 1)) from None
