"""Finding what a user names: an indicator by id, annex number or name; a category; a department.

Every name qzdc compares is compared in one form, `name_key`: the form a name
takes whatever keyboard typed it. Two names of a plan that share that form are
refused when the plan is validated (`qzdc.plan.checks.check_name_collisions`),
so a name typed loosely finds one thing or nothing. A name typed exactly as
the plan writes it always wins over one that only matches loosely.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TypeVar

from qzdc.errors import UsageError, closest
from qzdc.plan.models import Category, Indicator, Plan

T = TypeVar("T")

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"'})


def name_key(name: str) -> str:
    """A name as typed on any keyboard: full- and half-width forms alike, quotes alike, no spaces, any case.

    `乡村医生执业(助理)医师比例` and `乡村医生执业（助理）医师比例` have one key.
    """
    return "".join(unicodedata.normalize("NFKC", name).translate(_QUOTES).split()).casefold()


def match_name(text: str, named: Iterable[tuple[str, T]]) -> list[T]:
    """What `text` names among (name, thing) pairs: the exact matches if any, else the loose ones.

    More than one thing comes back only when the names themselves collide,
    which a validated plan does not allow.
    """
    pairs = list(named)
    found = [thing for name, thing in pairs if name == text]
    if not found:
        key = name_key(text)
        found = [thing for name, thing in pairs if name_key(name) == key]
    unique: list[T] = []
    for thing in found:  # one thing under several of its names (an id and a name) is one match
        if all(thing != other for other in unique):
            unique.append(thing)
    return unique


def indicator_names(indicator: Indicator) -> list[str]:
    """The names an indicator is known by, besides its id and annex number."""
    return [indicator.name, indicator.name_en]


def find_indicator(plan: Plan, name: str) -> Indicator:
    """`gdp_growth`, `1` (Annex 1 序号) or `地区生产总值年均增速` → the indicator.

    A target id also works (it names the indicator the target is set on). An
    unknown name is a usage error with the closest match suggested.
    """
    text = name.strip()
    if text in plan.indicators_by_id:
        return plan.indicators_by_id[text]
    if text in plan.targets_by_id:
        return plan.indicators_by_id[plan.targets_by_id[text].indicator]
    if text.isdigit():
        for indicator in plan.indicators:
            if indicator.annex_no == int(text):
                return indicator
        raise UsageError(f"no indicator has annex number {text}", hint=f"Annex 1 runs 1–{plan.meta.annex_rows}")
    found = match_name(text, ((n, i.id) for i in plan.indicators for n in indicator_names(i)))
    if len(found) == 1:
        return plan.indicators_by_id[found[0]]
    if found:
        raise UsageError(f"{name!r} names more than one indicator: {', '.join(found)}", hint="use the indicator's id")
    candidates = [i.id for i in plan.indicators] + [t.id for t in plan.targets] + [i.name for i in plan.indicators]
    guess = closest(text, candidates) or _containing(plan, text)
    raise UsageError(
        f"unknown indicator {name!r}",
        hint=f"did you mean {guess}?" if guess else "see `qzdc indicators` for ids, annex numbers and names",
    )


def find_categories(plan: Plan, name: str) -> list[Category]:
    """The categories `name` (an id, a Chinese or an English name) stands for; [] if none."""
    text = name.strip()
    return match_name(text, ((n, c) for c in plan.meta.categories for n in (c.id, c.name, c.name_en)))


def find_department(departments: Iterable[str], name: str) -> str | None:
    """The department, as the plan writes it, that `name` stands for; None if none."""
    found = match_name(name.strip(), ((d, d) for d in departments))
    return found[0] if len(found) == 1 else None


def _containing(plan: Plan, text: str) -> str | None:
    """A Chinese name that contains what was typed (e.g. 高新技术 → 高新技术企业)."""
    for indicator in plan.indicators:
        if text and text in indicator.name:
            return indicator.name
    return None
