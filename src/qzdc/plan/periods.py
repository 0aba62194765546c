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
        raise PeriodError(f"{text!r} is not a period")
    match = _PATTERN.match(str(text)) if not isinstance(text, int) or 0 <= text <= 9999 else None
    if not match:
        raise PeriodError(
            f"{quoted(text)} is not a period: write a year (2024), a quarter (2025-Q3) or a month (2025-09)"
        )
    year = int(match.group(1))
    letter, number, month = match.group(2), match.group(3), match.group(4)
    if letter:
        unit = letter.upper()
        n = int(number)
        limit = 4 if unit == "Q" else 2
        if not 1 <= n <= limit:
            raise PeriodError(
                f"{quoted(text)} is not a period: {'quarters run Q1–Q4' if unit == 'Q' else 'halves are H1 and H2'}"
            )
        return Period(year, unit, n)
    if month:
        n = int(month)
        if not 1 <= n <= 12:
            raise PeriodError(f"{quoted(text)} is not a period: months run 01–12")
        return Period(year, "M", n)
    return Period(year)


_CN_NUMBERS = {"一": "1", "二": "2", "三": "3", "四": "4"}
# Patterns (compiled on first use: `qzdc status` must not pay for them) and their rewrites.
_LOOSE_FORMS: tuple[tuple[str, str], ...] = (
    # 2025年9月, 2025年09月 → 2025-09
    (r"^(\d{4})年(\d{1,2})月(?:份)?$", r"\1-\2"),
    # 2025年第3季度, 2025年三季度, 2025年Q3 → 2025-Q3
    (r"^(\d{4})年?(?:第)?([1-4一二三四])季度$", r"\1-Q\2"),
    (r"^(\d{4})年?([QqHh])(\d)$", r"\1-\2\3"),
    # 2025年上半年 / 下半年 → 2025-H1 / 2025-H2
    (r"^(\d{4})年?上半年$", r"\1-H1"),
    (r"^(\d{4})年?下半年$", r"\1-H2"),
    # 2024年, 2024年度 → 2024
    (r"^(\d{4})年度?$", r"\1"),
    # 2025/9 and 2025/9/1, the way Excel on a Chinese-locale Windows writes a month it took for a date
    (r"^(\d{4})[/.](\d{1,2})(?:[/.]0?1)?$", r"\1-\2"),
)


def parse_period_loose(value: str | int | float) -> Period:
    """`parse_period`, also taking what analysts type and spreadsheets produce.

    Full-width digits (２０２５), `2025Q3`, `2025年`, `2025年9月`, `2025年第三季度`,
    `2025年上半年`, `2025/9` and a whole float such as 2024.0 (a spreadsheet number
    cell). Anything else goes to `parse_period` and gets its error message.
    """
    if isinstance(value, float):
        if not value.is_integer():
            raise PeriodError(
                f"{quoted(value)} is not a period: write a year (2024), a quarter (2025-Q3) or a month (2025-09)"
            )
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, str):
        return parse_period(value)
    import unicodedata

    text = unicodedata.normalize("NFKC", value).strip().replace(" ", "")
    for pattern, replacement in _LOOSE_FORMS:
        if re.match(pattern, text):
            text = re.sub(pattern, replacement, text)
            for cn, digit in _CN_NUMBERS.items():
                text = text.replace(f"Q{cn}", f"Q{digit}")
            break
    try:
        return parse_period(text)
    except PeriodError as err:
        # Say it in the user's own words, not the normalised ones.
        raise PeriodError(str(err).replace(quoted(text), quoted(value), 1)) from None
