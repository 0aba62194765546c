"""A target as a person reads it in a table: 67, >100, ≤1.7, III, ✓, 〔13.5〕, 高于GDP增长.

In Chinese, a target the plan writes in its own notation (`written`, or the cell
the notation was read from) is shown as the plan writes it; otherwise, and in
English, it is spelled from its fields.
"""

from __future__ import annotations

from qzdc.engine.relative import tolerance
from qzdc.i18n import tr
from qzdc.plan.models import Plan, Target
from qzdc.views.view import display, fmt_number

_COMPARATOR_SIGNS = {">": ">", "<": "<", "<=": "≤", "=": "=", "~": "≈"}
_RELATIONS = {
    ">": ("高于{}", "above {}"),
    ">=": ("不低于{}", "at least {}"),
    "<": ("低于{}", "below {}"),
    "<=": ("不高于{}", "at most {}"),
    "~": ("与{}同步", "in step with {}"),
    "=": ("与{}同步", "in step with {}"),
}


def comparator_sign(target: Target) -> str:
    """The sign written before a numeric target: "" for the usual ≥ (达到), else >, ≤, <, =, ≈."""
    return _COMPARATOR_SIGNS.get(target.comparator, "")


def compared(comparator: str | None, value: object, lang: str | None = None, *, ordinal: bool = False) -> str:
    """A value with its comparator as the language writes it.

    Chinese: 超过100 (>), 低于5 (<), 1.7以内 (<=), 20左右 (~), 20以上 (>=), each read back as the
    same comparator by the plan notation (qzdc.plan.notation); a class
    优于III类 (<), 不劣于III类 (<=), III类. English: >100, <5, ≤1.7, ≈20, at least 20;
    better than III, III or better, III. (Terminal tables draw ≤ and ≈ as <= and ~:
    qzdc.render.table.terminal_text.)
    """
    text = display(value)
    key = comparator or ">="
    if ordinal:
        return tr(f"cmp.class.{key}" if f"cmp.class.{key}" in _CLASS_KEYS else "cmp.class", lang, value=text)
    return tr(f"cmp.{key}", lang, value=text) if key in _VALUE_KEYS else text


_VALUE_KEYS = {">", ">=", "<", "<=", "~", "="}
_CLASS_KEYS = {"cmp.class.<", "cmp.class.<="}


def target_text(target: Target, lang: str | None = None, plan: Plan | None = None) -> str:
    """The target as a person writes it; `lang` "zh" prefers the plan's own notation.

    `plan` names the indicator a relative target is set against (its id without it).
    """
    if lang == "zh" and target.written:
        return target.written
    if target.kind == "milestone":
        return tr("milestone.done", lang or "en")
    if target.kind == "ordinal":
        return compared(target.comparator, target.value, lang or "en", ordinal=True)
    if target.kind == "monitored":
        return tr("monitored", lang or "en")
    if target.kind == "relative":
        return _relative_text(target, lang or "en", plan)
    if target.change is not None:
        return f"{'+' if target.change >= 0 else ''}{display(target.change)}"
    if target.change_pct is not None:
        return f"{'+' if target.change_pct >= 0 else ''}{display(target.change_pct)}%"
    if target.comparator in (None, ">=", "<="):
        # the usual 达到 (>=), or at most for a target to decrease: the number alone, as a target column reads
        return display(target.value) if target.comparator != "<=" else compared("<=", target.value, lang or "en")
    return compared(target.comparator, target.value, lang or "en")


def _relative_text(target: Target, lang: str, plan: Plan | None) -> str:
    other = target.relative_to or ""
    if plan is not None and other in plan.indicators_by_id:
        indicator = plan.indicator(other)
        other = indicator.name if lang == "zh" else indicator.name_en
    zh, en = _RELATIONS[target.comparator]
    text = (zh if lang == "zh" else en).format(other)
    if target.comparator in ("~", "="):
        text += f"（±{fmt_number(tolerance(target))}）" if lang == "zh" else f" (±{fmt_number(tolerance(target))} pp)"
    return text
