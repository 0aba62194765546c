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

from qzdc.errors import UsageError, closest, quoted
from qzdc.i18n import language, listing, tr
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
    """The names an indicator is known by, besides its id and annex number: its names and the plan's aliases."""
    return [indicator.name, indicator.name_en, *indicator.aliases]


def find_indicator(plan: Plan, name: str) -> Indicator:
    """The indicator a user names, the one rule `record`, `import`, `show`, `history` and the actuals file share.

    In order, the first that finds anything decides:

    1. its id (`gdp_growth`) or a target's id (the indicator the target is set on);
    2. its number in the plan's indicator table (`1`: the built-in plan's Annex 1 序号);
    3. its name, English name or one of the aliases the plan lists for it
       (`aliases: [GDP, 地区生产总值]`), exactly as written, else as `name_key`
       reads them (full- and half-width forms, quotes, spaces, case);
    4. its id in any case (`GDP` for `gdp`);
    5. a part of one of those names that only one indicator has (`水质`).

    Where a step finds more than one indicator (`生产总值` is part of two names),
    the name is refused with every match listed; an unknown name is refused with
    the closest match suggested. Both are usage errors.
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
        if plan.meta.annex_rows:
            zh = language() == "zh"
            table = (plan.meta.annex.ref if zh else plan.meta.annex.ref_en or plan.meta.annex.ref) or tr(
                "err.the_indicator_table"
            )
            hint = tr("err.no_annex_number.hint", table=table, rows=plan.meta.annex_rows)
        else:
            hint = tr("err.no_annex_numbers")
        raise UsageError(tr("err.no_annex_number", number=text), hint=hint)
    found = match_name(text, ((n, i.id) for i in plan.indicators for n in indicator_names(i)))
    if not found:
        folded = text.casefold()
        found = [i.id for i in plan.indicators if i.id.casefold() == folded]
        found += [t.indicator for t in plan.targets if t.id.casefold() == folded and t.indicator not in found]
    if not found and text:
        key = name_key(text)
        found = [i.id for i in plan.indicators if any(key in name_key(n) for n in indicator_names(i))]
    if len(found) == 1:
        return plan.indicators_by_id[found[0]]
    if found:
        matches = listing([tr("word.name_id", name=plan.indicators_by_id[i].name, id=i) for i in found])
        raise UsageError(
            tr("err.ambiguous_indicator", name=quoted(name), ids=matches), hint=tr("err.ambiguous_indicator.hint")
        )
    candidates = [i.id for i in plan.indicators] + [t.id for t in plan.targets] + [i.name for i in plan.indicators]
    guess = closest(text, candidates)
    raise UsageError(
        tr("err.unknown_indicator", name=quoted(name)),
        hint=tr("msg.did_you_mean", guess=guess) if guess else tr("err.unknown_indicator.hint"),
    )


def find_categories(plan: Plan, name: str) -> list[Category]:
    """The categories `name` (an id, a Chinese or an English name) stands for; [] if none."""
    text = name.strip()
    return match_name(text, ((n, c) for c in plan.meta.categories for n in (c.id, c.name, c.name_en)))


def find_department(departments: Iterable[str], name: str) -> str | None:
    """The department, as the plan writes it, that `name` stands for; None if none."""
    found = match_name(name.strip(), ((d, d) for d in departments))
    return found[0] if len(found) == 1 else None
