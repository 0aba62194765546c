"""Periods: a year (`2024`), or year to date (`2025-Q3`, `2025-09`, `2025-H1`).

The plan is reviewed monthly and quarterly (月调度、季研判、半年总结), so an
observation may cover January to the end of a month, quarter or half-year. A
period knows the fraction `f` of its year it covers and orders so that a year's
own figure comes after (and so supersedes) every year-to-date figure of that year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    if isinstance(text, int):
        text = str(text)
    match = _PATTERN.match(str(text))
    if not match:
        raise PeriodError(f"{text!r} is not a period: write a year (2024), a quarter (2025-Q3) or a month (2025-09)")
    year = int(match.group(1))
    letter, number, month = match.group(2), match.group(3), match.group(4)
    if letter:
        unit = letter.upper()
        n = int(number)
        limit = 4 if unit == "Q" else 2
        if not 1 <= n <= limit:
            raise PeriodError(
                f"{text!r} is not a period: {'quarters run Q1–Q4' if unit == 'Q' else 'halves are H1 and H2'}"
            )
        return Period(year, unit, n)
    if month:
        n = int(month)
        if not 1 <= n <= 12:
            raise PeriodError(f"{text!r} is not a period: months run 01–12")
        return Period(year, "M", n)
    return Period(year)
