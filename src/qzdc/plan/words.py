"""A plan's own words: its indicator table and columns, its flags and its item lists.

Every table and document takes these from here, never from one plan's wording:
the built-in plan names its table 附件1 指标目标清单 with the column 一级指标 and
the flag 市级试点指标 in its plan.yaml; a five-year plan names its 专栏1 and 类别
and has no flag. Where a plan names nothing, qzdc's generic words are used
(`qzdc.i18n`), which belong to no plan.
"""

from __future__ import annotations

from qzdc.i18n import language, tr
from qzdc.plan.models import Flag, ItemList, Plan

COLUMNS = ("number", "category", "name", "unit", "baseline", "target", "strength")
# The generic word for each of the table's columns (i18n keys).
GENERIC_COLUMNS = {
    "number": "col.annex_no",
    "category": "col.category",
    "name": "col.name",
    "unit": "col.unit",
    "baseline": "col.baseline",
    "target": "col.target",
    "strength": "col.strength",
}
LISTS = ("tasks", "policies", "reforms")


def column(plan: Plan, key: str, lang: str | None = None) -> str:
    """The header of one of the indicator table's columns: the plan's own in Chinese, else qzdc's."""
    own = getattr(plan.meta.annex.columns, key)
    if own and (lang or language()) == "zh":
        return own
    return tr(GENERIC_COLUMNS[key], lang)


def annex_title(plan: Plan, lang: str | None = None) -> str:
    """The indicator table's title (指标目标清单, 主要指标), else qzdc's word for it."""
    annex = plan.meta.annex
    zh = (lang or language()) == "zh"
    own = annex.title if zh else (annex.title_en or None)
    return own or tr("title.indicators", lang)


def annex_ref(plan: Plan, lang: str | None = None) -> str | None:
    """How the document refers to its indicator table (附件1, 专栏1), or None where the plan does not say."""
    annex = plan.meta.annex
    return annex.ref if (lang or language()) == "zh" else (annex.ref_en or None)


def row_ref(plan: Plan, number: int, lang: str | None = None) -> str:
    """A row of the indicator table as the document cites it: 附件1 序号4; 序号 4 where the table has no name."""
    ref = annex_ref(plan, lang)
    label = column(plan, "number", lang)
    cited = f"{label}{number}" if (lang or language()) == "zh" else f"{label} {number}"
    return f"{ref} {cited}" if ref else cited


def flag_name(flag: Flag, lang: str | None = None) -> str:
    """The flag in full (市级试点指标)."""
    return flag.name if (lang or language()) == "zh" or not flag.name_en else flag.name_en


def flag_label(flag: Flag, lang: str | None = None) -> str:
    """The flag as a column header (市级试点), else its full name."""
    if (lang or language()) == "zh":
        return flag.label or flag.name
    return flag.label_en or flag.name_en or flag.label or flag.name


def flag(plan: Plan, flag_id: str) -> Flag | None:
    return next((f for f in plan.meta.flags if f.id == flag_id), None)


def item_list(plan: Plan, which: str) -> ItemList | None:
    """How the plan names its tasks, policies or reforms; None where it names none."""
    return getattr(plan.meta.lists, which)


def has_list(plan: Plan, which: str) -> bool:
    """Whether the plan has this list: it names it, or holds items in it."""
    items = plan.tasks if which == "tasks" else getattr(plan, which)
    return item_list(plan, which) is not None or bool(items)


def list_title(plan: Plan, which: str, lang: str | None = None) -> str:
    """The list's title (试点任务, 重大政策清单), else qzdc's word (任务, 政策, 改革)."""
    named = item_list(plan, which)
    zh = (lang or language()) == "zh"
    own = (named.title if zh else named.title_en) if named else None
    return own or tr(f"title.{which}", lang)


def list_item(plan: Plan, which: str, lang: str | None = None) -> str:
    """The header for one item of the list (任务, 重大政策)."""
    named = item_list(plan, which)
    zh = (lang or language()) == "zh"
    own = (named.item if zh else named.item_en) if named else None
    return own or tr({"tasks": "col.task", "policies": "col.policy", "reforms": "col.reform"}[which], lang)


def list_group(plan: Plan, lang: str | None = None) -> str:
    """The header for the task groups (任务组)."""
    named = item_list(plan, "tasks")
    zh = (lang or language()) == "zh"
    own = (named.group if zh else named.group_en) if named else None
    return own or tr("col.group", lang)


def item_ref(plan: Plan, which: str, number: int) -> str:
    """An item as the document cites it: 三 任务1, 附件2 序号3; 任务1, 政策3 where the plan names no place."""
    named = item_list(plan, which)
    word = "任务" if which == "tasks" else "序号"
    if named is None or not named.ref:
        return f"{tr(f'title.{which}', 'zh')}{number}"
    return f"{named.ref} {word}{number}"
