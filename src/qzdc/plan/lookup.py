"""Finding an indicator the way a user names it: id, annex number or Chinese name."""

from __future__ import annotations

from qzdc.errors import UsageError, closest
from qzdc.plan.models import Indicator, Plan


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
    folded = text.casefold()
    loose = _loose(text)
    for indicator in plan.indicators:
        if text == indicator.name or folded == indicator.name_en.casefold() or loose == _loose(indicator.name):
            return indicator
    candidates = [i.id for i in plan.indicators] + [t.id for t in plan.targets] + [i.name for i in plan.indicators]
    guess = closest(text, candidates) or _containing(plan, text)
    raise UsageError(
        f"unknown indicator {name!r}",
        hint=f"did you mean {guess}?" if guess else "see `qzdc indicators` for ids, annex numbers and names",
    )


_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"'})


def _loose(name: str) -> str:
    """A name as typed on any keyboard: full- and half-width forms alike, quotes alike, no spaces.

    `乡村医生执业(助理)医师比例` finds `乡村医生执业（助理）医师比例`.
    """
    import unicodedata

    return unicodedata.normalize("NFKC", name).translate(_QUOTES).replace(" ", "").casefold()


def _containing(plan: Plan, text: str) -> str | None:
    """A Chinese name that contains what was typed (e.g. 高新技术 → 高新技术企业)."""
    for indicator in plan.indicators:
        if text and text in indicator.name:
            return indicator.name
    return None
