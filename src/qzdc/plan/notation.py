"""The Chinese plan's own notations, read into the plan format's fields.

Indicator tables write targets as ＞6.5, ≥7, 5.5以内, 20左右, 〔13.5〕 or +10%,
and strengths as 约束性 / 预期性 / 力争. A plan file may copy them as they stand;
before validation they become the fields the models know (`comparator`, `value`,
`change`, `change_pct`, `strength`), and the original cell is kept as `written`
so that tables show the target as the plan writes it. Only notations with one
reading are accepted (methodology.md, "The wider vocabulary"): 以上 and 以下
include the number, 超过 and 低于 do not, as in Chinese statistical and legal
usage (民法典第一千二百五十九条).

Works on the parsed YAML (plain dicts and lists), before pydantic sees it; what
it cannot read is left as it is, for validation to report.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from qzdc.i18n import tr
from qzdc.plan.yamlio import Loc

# Comparators as tables and texts write them → the plan format's.
COMPARATORS: dict[str, str] = {
    ">=": ">=", ">": ">", "<=": "<=", "<": "<", "=": "=", "~": "~",
    "≥": ">=", "⩾": ">=", "＞": ">", "≤": "<=", "⩽": "<=", "＜": "<", "＝": "=", "≈": "~", "～": "~",
    "以上": ">=", "不低于": ">=", "不少于": ">=", "高于": ">", "超过": ">",
    "以下": "<=", "以内": "<=", "不超过": "<=", "不高于": "<=", "低于": "<",
    "左右": "~", "约": "~", "同步": "~", "基本同步": "~",
}  # fmt: skip
STRENGTHS: dict[str, str] = {"约束性": "binding", "预期性": "anticipatory", "力争": "aspirational"}

_NUMBER = r"([+-]?\d+(?:\.\d+)?)"
# After NFKC: ＞ is >, ＜ is <, ～ is ~; ≥ and ≤ stay.
_PREFIX = re.compile(rf"^(不低于|不少于|不超过|不高于|高于|超过|低于|约|>=|<=|≥|≤|>|<|≈|~|=)\s*{_NUMBER}\s*%?$")
_SUFFIX = re.compile(rf"^{_NUMBER}\s*%?\s*(以上|以下|以内|左右)$")
_BRACKET = re.compile(rf"^〔\s*{_NUMBER}\s*%?\s*〕$")
_CHANGE = re.compile(r"^\+\s*(\d+(?:\.\d+)?)\s*(%?)$")

# 〔x〕 is a total over the period: a sum, a compounded reduction, or a level's change from its baseline.
_TOTAL_KINDS = ("cumulative", "cumulative_reduction")
_CHANGE_KINDS = ("level", "share")


# A value's text as the file writes it, by data path (None where unknown).
RawText = Callable[[Loc], str | None]


@dataclass(frozen=True)
class Reading:
    loc: Loc
    message: str
    hint: str | None = None


def _number(text: str) -> int | float:
    return int(text) if re.fullmatch(r"[+-]?\d+", text) else float(text)


def read_value(text: str) -> tuple[str | None, int | float | None, str]:
    """(comparator, number, form) for a target cell: form is "plain", "total" (〔x〕),
    "change" (+x) or "change_pct" (+x%); (None, None, "") when it is none of these."""
    cell = unicodedata.normalize("NFKC", text).strip()
    if m := _BRACKET.match(cell):
        return None, _number(m.group(1)), "total"
    if m := _PREFIX.match(cell):
        return COMPARATORS[m.group(1)], _number(m.group(2)), "plain"
    if m := _SUFFIX.match(cell):
        return COMPARATORS[m.group(2)], _number(m.group(1)), "plain"
    if m := _CHANGE.match(cell):
        return None, _number(m.group(1)), "change_pct" if m.group(2) else "change"
    return None, None, ""


def _comparator(raw: Any) -> Any:
    if isinstance(raw, str):
        return COMPARATORS.get(unicodedata.normalize("NFKC", raw).strip(), COMPARATORS.get(raw.strip(), raw))
    return raw


def _strength(raw: Any) -> Any:
    return STRENGTHS.get(raw.strip(), raw) if isinstance(raw, str) else raw


def _read_entry(
    entry: dict[str, Any], loc: Loc, kind: Any, target: bool, readings: list[Reading], raw: RawText | None
) -> None:
    """Read one target's (or, `target` False, one statement's) notations in place."""
    if "comparator" in entry:
        entry["comparator"] = _comparator(entry["comparator"])
    if "strength" in entry:
        entry["strength"] = _strength(entry["strength"])
    value = entry.get("value")
    if isinstance(value, int | float) and not isinstance(value, bool) and raw is not None:
        # YAML reads `+1` as the number 1; the plan meant "one more than the baseline".
        written = raw((*loc, "value"))
        if written is not None and written.startswith(("+", "＋")):
            value = written
    if not isinstance(value, str):
        return
    comparator, number, form = read_value(value)
    if number is None:
        return
    if comparator is not None:
        given = entry.get("comparator")
        if given is not None and given != comparator:
            readings.append(
                Reading(
                    (*loc, "comparator"),
                    tr("plan.value_says", value=repr(value), comparator=comparator, given=given),
                    tr("plan.keep_one"),
                )
            )
            return
        entry["comparator"] = comparator
    is_change = form in ("change", "change_pct") or (form == "total" and kind in _CHANGE_KINDS)
    if is_change and not target:
        return  # a statement of a change keeps its words; the target carries the figure
    if is_change:
        if kind not in _CHANGE_KINDS:
            readings.append(
                Reading(
                    (*loc, "value"),
                    tr("plan.change_cannot", value=repr(value), kind=kind),
                    tr("plan.change_cannot.hint"),
                )
            )
        elif "change" in entry or "change_pct" in entry:
            readings.append(
                Reading((*loc, "value"), tr("plan.value_and_change", value=repr(value)), tr("plan.keep_one"))
            )
        else:
            del entry["value"]
            entry["change_pct" if form == "change_pct" else "change"] = number
            entry.setdefault("written", value)
        return
    if form == "total" and kind not in _TOTAL_KINDS:
        readings.append(
            Reading(
                (*loc, "value"),
                tr("plan.total_cannot", value=repr(value), kind=kind),
                tr("plan.total_cannot.hint"),
            )
        )
        return
    entry["value"] = number
    if target:
        entry.setdefault("written", value)


def read_indicators(data: Any, raw: RawText | None = None) -> list[Reading]:
    """Read the notations of every target and statement in indicators.yaml's data, in place.

    `raw` gives a value's text as the file writes it, where YAML's reading loses the
    notation (a leading +).
    """
    readings: list[Reading] = []
    if not isinstance(data, dict) or not isinstance(data.get("indicators"), list):
        return readings
    for i, indicator in enumerate(data["indicators"]):
        if not isinstance(indicator, dict) or not isinstance(indicator.get("targets"), list):
            continue
        for j, target in enumerate(indicator["targets"]):
            if not isinstance(target, dict):
                continue
            loc: Loc = ("indicators", i, "targets", j)
            kind = target.get("kind")
            _read_entry(target, loc, kind, True, readings, raw)
            for k, statement in enumerate(target.get("statements") or []):
                if isinstance(statement, dict):
                    _read_entry(statement, (*loc, "statements", k), kind, False, readings, raw)
    return readings
