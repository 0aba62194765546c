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


def target_text(target: Target, lang: str | None = None, plan: Plan | None = None) -> str:
    """The target as a person writes it; `lang` "zh" prefers the plan's own notation.

    `plan` names the indicator a relative target is set against (its id without it).
    """
    if lang == "zh" and target.written:
        return target.written
    if target.kind == "milestone":
        return "✓"
    if target.kind == "ordinal":
        return str(target.value)
    if target.kind == "monitored":
        return tr("monitored", lang or "en")
    if target.kind == "relative":
        return _relative_text(target, lang or "en", plan)
    if target.change is not None:
        return f"{'+' if target.change >= 0 else ''}{display(target.change)}"
    if target.change_pct is not None:
        return f"{'+' if target.change_pct >= 0 else ''}{display(target.change_pct)}%"
    return comparator_sign(target) + display(target.value)


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
