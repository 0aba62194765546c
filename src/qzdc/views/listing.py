"""Views of the plan as written: indicators, tasks, policies and reforms."""

from __future__ import annotations

from typing import Any

from qzdc.errors import UsageError
from qzdc.i18n import listing, tr, unit_text
from qzdc.plan.models import Indicator, ListItem, Plan, Target
from qzdc.plan.words import (
    LISTS,
    annex_ref,
    annex_title,
    column,
    flag_label,
    has_list,
    list_group,
    list_item,
    list_title,
)
from qzdc.views.view import Column, View, display


def indicator_name(indicator: Indicator, lang: str) -> str:
    return indicator.name if lang == "zh" else indicator.name_en


def plan_title(plan: Plan, lang: str) -> str:
    """The plan's title in `lang`: its English title where it has one."""
    return plan.meta.title_en if lang != "zh" and plan.meta.title_en else plan.meta.title


def actuals_text(shown: str, entries: int, exists: bool, lang: str, *, labelled: bool = True) -> str:
    """Which actuals file a view read, and how many entries: `数据：actuals.yaml，12 条记录`.

    `labelled` False: without the label, for a place that gives its own (a report's 录入数据).
    """
    if not exists:
        return tr("actuals.none" if labelled else "actuals.none_file", lang, file=shown)
    return tr("actuals.read" if labelled else "actuals.entries", lang, file=shown, n=entries)


def join(names: list[str], lang: str) -> str:
    """A list as people write it: 甲、乙 in Chinese, "a, b" in English."""
    return ("、" if lang == "zh" else ", ").join(names)


def category_name(plan: Plan, category_id: str, lang: str) -> str:
    category = plan.category(category_id)
    return category.name if lang == "zh" else category.name_en


def primary_target(indicator: Indicator, plan: Plan) -> Target | None:
    """The target the indicator's own row sets: its first, with resolved defaults."""
    if not indicator.targets:
        return None
    return plan.targets_by_id[indicator.targets[0].id]


def _value_text(value: Any, indicator: Indicator) -> str:
    return display(value)


def summary(plan: Plan) -> dict[str, int]:
    return {
        "indicators": len(plan.indicators),
        "annex_indicators": sum(1 for i in plan.indicators if i.annex_no is not None),
        "targets": len(plan.targets),
        "observations": len(plan.observations),
        "tasks": len(plan.tasks),
        "policies": len(plan.policies),
        "reforms": len(plan.reforms),
    }


def summary_line(plan: Plan, lang: str) -> str:
    """`qzdc validate`'s line, in the plan's words: its table's name, and only the lists it has."""
    counts = summary(plan)
    numbered = counts["annex_indicators"]
    ref = annex_ref(plan, lang)
    zh = lang == "zh"
    if zh:
        parts = [f"{counts['indicators']} 个指标" + (f"（{ref or '指标表'} {numbered} 个）" if numbered else "")]
        parts.append(f"{counts['targets']} 个目标")
        words = {"tasks": "项任务", "policies": "项政策", "reforms": "项改革"}
        parts += [f"{counts[w]} {words[w]}" for w in LISTS if has_list(plan, w)]
        return "有效：" + "，".join(parts)
    parts = [f"{counts['indicators']} indicators" + (f" ({numbered} in {ref or 'the table'})" if numbered else "")]
    parts.append(f"{counts['targets']} targets")
    parts += [f"{counts[w]} {w}" for w in LISTS if has_list(plan, w)]
    return "valid: " + ", ".join(parts)


def pilot_header(plan: Plan, lang: str) -> dict[str, str]:
    """The people's CSV heads the `pilot` column with the plan's own word for its pilot flag (市级试点)."""
    from qzdc.plan.words import flag, flag_label

    found = flag(plan, "pilot")
    return {"pilot": flag_label(found, lang)} if found else {}


def indicators_view(plan: Plan, lang: str) -> View:
    data: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    cells: list[dict[str, str]] = []
    for ind in plan.indicators:
        target = primary_target(ind, plan)
        baseline = target.baseline if target else None
        record = {
            "id": ind.id,
            "annex_no": ind.annex_no,
            "category": ind.category,
            "name": ind.name,
            "name_en": ind.name_en,
            "unit": ind.unit,
            "kind": target.kind if target else None,
            "direction": target.direction if target else None,
            "path": target.path if target else None,
            "comparator": target.comparator if target else None,
            "strength": target.strength if target else None,
            "pilot": ind.pilot,
            "flags": ind.flags,
            "baseline": {"year": baseline.year, "value": baseline.value} if baseline else None,
            "target": {"year": target.year, "value": target.value} if target else None,
            "targets": [t.id for t in ind.targets],
            "source": ind.source.ref,
        }
        data.append(record)
        rows.append(
            {
                **{k: v for k, v in record.items() if k not in ("baseline", "target", "targets")},
                "baseline_year": baseline.year if baseline else None,
                "baseline_value": baseline.value if baseline else None,
                "target_year": target.year if target else None,
                "target_value": target.value if target else None,
            }
        )
        cells.append(
            {
                "annex_no": display(ind.annex_no) if ind.annex_no else "",
                "id": ind.id,
                "category": category_name(plan, ind.category, lang),
                "name": indicator_name(ind, lang)
                + (f" ({tr('aspirational', lang)})" if target and target.strength == "aspirational" else ""),
                "unit": unit_text(ind.unit, lang),
                "kind": tr(target.kind, lang) if target else "—",
                "baseline": f"{_baseline_text(target, baseline.value, lang)} ({baseline.year})"
                if target and baseline
                else "—",
                "target": _target_text(target, lang, plan) if target else "—",
                # One column per flag the plan defines, as the plan names it.
                **{f"flag.{f.id}": tr("yes", lang) if f.id in ind.flags else "" for f in plan.meta.flags},
            }
        )
    columns = [
        Column("category", column(plan, "category", lang)),
        Column("annex_no", column(plan, "number", lang), align="right", no_wrap=True),
        Column("id", tr("col.id", lang), drop=2),
        Column("name", column(plan, "name", lang), min_width=12),
        Column("unit", column(plan, "unit", lang), no_wrap=True),
        Column("kind", tr("col.kind", lang), drop=1),
        Column("baseline", column(plan, "baseline", lang), align="right"),
        Column("target", column(plan, "target", lang), align="right"),
        *(Column(f"flag.{f.id}", flag_label(f, lang), drop=1) for f in plan.meta.flags),
    ]
    csv_columns = [
        "id", "annex_no", "category", "name", "name_en", "unit", "kind", "direction", "path", "comparator",
        "strength", "pilot", "baseline_year", "baseline_value", "target_year", "target_value", "source", "flags",
    ]  # fmt: skip
    return View(
        data=data,
        columns=columns,
        rows=rows,
        cells=cells,
        title=annex_title(plan, lang),
        group_key="category",
        csv_columns=csv_columns,
        csv_headers=pilot_header(plan, lang),
        csv_words={"category": {c.id: category_name(plan, c.id, lang) for c in plan.meta.categories}},
        lang=lang,
    )


def _baseline_text(target: Target, value: Any, lang: str) -> str:
    from qzdc.views.status import value_text  # status imports this module

    return value_text(target, value, lang)


def _target_text(target: Target, lang: str, plan: Plan) -> str:
    from qzdc.views.target_text import target_text

    text = target_text(target, lang, plan)
    return f"{text} ({target.year})"


def require_list(plan: Plan, which: str) -> None:
    """A plan without this list (a five-year plan has no tasks): a usage error, not an empty table under another plan's name."""
    if not has_list(plan, which):
        present = [w for w in LISTS if has_list(plan, w)]
        raise UsageError(
            tr("err.no_list", plan=plan.meta.id, which=tr(f"list.{which}")),
            hint=tr("err.no_list.its", lists=listing([tr(f"list.{w}") for w in present]))
            if present
            else tr("err.no_list.none"),
        )


def tasks_view(plan: Plan, lang: str) -> View:
    require_list(plan, "tasks")
    groups = {g.id: g for g in plan.task_groups}
    data = []
    cells = []
    for task in plan.tasks:
        group = groups.get(task.group)
        data.append(
            {
                "number": task.number,
                "id": task.id,
                "group": task.group,
                "group_name": group.name if group else None,
                "name": task.name,
                "lead": task.lead,
                "support": task.support,
                "targets": task.targets,
                "source": task.source.ref if task.source else None,
            }
        )
        cells.append(
            {
                "group": f"{group.number}. {group.name if lang == 'zh' or not group.name_en else group.name_en}"
                if group
                else task.group,
                "number": str(task.number),
                "name": task.name,
                "lead": "、".join(task.lead),
                "support": "、".join(task.support) or "—",
                "targets": join([_target_label(plan, t, lang) for t in task.targets], lang) or "—",
            }
        )
    columns = [
        Column("group", list_group(plan, lang)),
        Column("number", tr("col.number", lang), align="right", no_wrap=True),
        # A task's name and lead department matter most; its targets drop first when narrow.
        Column("name", list_item(plan, "tasks", lang), min_width=16),
        Column("lead", tr("col.lead", lang), min_width=12),
        Column("support", tr("col.support", lang), drop=1, min_width=12),
        Column("targets", tr("col.targets", lang), drop=2, min_width=16),
    ]
    rows = [{**d, "group": d["group"]} for d in data]
    return View(
        data=data,
        columns=columns,
        rows=rows,
        cells=cells,
        title=list_title(plan, "tasks", lang),
        group_key="group",
        csv_columns=["number", "id", "group", "group_name", "name", "lead", "support", "targets"],
        csv_headers={"name": tr("col.task", lang)},
        lang=lang,
    )


def _target_label(plan: Plan, target_id: str, lang: str) -> str:
    target = plan.targets_by_id[target_id]
    return indicator_name(plan.indicator(target.indicator), lang)


def list_view(plan: Plan, which: str, lang: str) -> View:
    """The policy list or the reform list, under the plan's own names for them."""
    require_list(plan, which)
    items: list[ListItem] = plan.policies if which == "policies" else plan.reforms
    data = [
        {
            "number": item.number,
            "text": item.text,
            "lead": item.lead,
            "targets": item.targets,
            "source": item.source.ref if item.source else None,
        }
        for item in items
    ]
    cells = [
        {
            "number": str(item.number),
            "text": item.text,
            "lead": "、".join(item.lead),
        }
        for item in items
    ]
    columns = [
        Column("number", tr("col.number", lang), align="right", no_wrap=True),
        Column("text", list_item(plan, which, lang), min_width=20),
        Column("lead", tr("col.lead", lang), min_width=12),
    ]
    return View(
        data=data,
        columns=columns,
        rows=data,
        cells=cells,
        title=list_title(plan, which, lang),
        csv_columns=["number", "text", "lead", "targets"],
        lang=lang,
    )
