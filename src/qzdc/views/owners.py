"""`qzdc owners`: who is responsible for what (牵头单位 / 配合单位)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qzdc.errors import UsageError, closest, quoted
from qzdc.i18n import tr
from qzdc.plan.lookup import find_department
from qzdc.plan.models import Plan
from qzdc.views.listing import indicator_name, join
from qzdc.views.view import Column, View

ROLES = ("lead", "support")


@dataclass(frozen=True)
class Duty:
    department: str
    role: str  # lead (牵头) or support (配合)
    item: str  # task, policy or reform
    number: int
    name: str
    targets: tuple[str, ...]


def duties(plan: Plan) -> list[Duty]:
    """Every (department, role, item) in the plan, in the plan's order."""
    found: list[Duty] = []
    for task in plan.tasks:
        for role, names in (("lead", task.lead), ("support", task.support)):
            found += [Duty(d, role, "task", task.number, task.name, tuple(task.targets)) for d in names]
    for item, rows in (("policy", plan.policies), ("reform", plan.reforms)):
        for row in rows:
            found += [Duty(d, "lead", item, row.number, row.text, tuple(row.targets)) for d in row.lead]
    return found


def departments_view(plan: Plan, lang: str) -> View:
    """Each department with how many tasks, policies and reforms it leads or supports."""
    counts: dict[str, dict[str, int]] = {}
    for duty in duties(plan):
        row = counts.setdefault(
            duty.department, {"task_lead": 0, "task_support": 0, "policy_lead": 0, "reform_lead": 0}
        )
        row[f"{duty.item}_{duty.role}"] += 1
    rows = [{"department": d, **c, "total": sum(c.values())} for d, c in counts.items()]
    rows.sort(key=lambda r: (-r["total"], r["department"]))
    zh = lang == "zh"
    columns = [
        Column("department", tr("col.department", lang)),
        Column("task_lead", "牵头任务" if zh else "Tasks led", align="right", no_wrap=True),
        Column("task_support", "配合任务" if zh else "Tasks supported", align="right", no_wrap=True),
        Column("policy_lead", "牵头政策" if zh else "Policies led", align="right", no_wrap=True),
        Column("reform_lead", "牵头改革" if zh else "Reforms led", align="right", no_wrap=True),
        Column("total", "合计" if zh else "Total", align="right", no_wrap=True),
    ]
    return View(data=rows, columns=columns, rows=rows, title="单位职责" if zh else "Departments by role")


def department_view(plan: Plan, department: str, lang: str) -> View:
    """What one department leads or supports, and the targets those items carry."""
    all_duties = duties(plan)
    names = sorted({d.department for d in all_duties})
    found = find_department(names, department)
    if found is None:
        guess = closest(department, names) or next((n for n in names if department and department in n), None)
        raise UsageError(
            tr("err.unknown_department", name=quoted(department)),
            hint=tr("msg.did_you_mean", guess=guess) if guess else tr("err.unknown_department.hint"),
        )
    department = found
    zh = lang == "zh"
    item_words = {"task": ("任务", "task"), "policy": ("政策", "policy"), "reform": ("改革", "reform")}
    role_words = {"lead": ("牵头", "lead"), "support": ("配合", "support")}
    data: list[dict[str, Any]] = []
    cells: list[dict[str, str]] = []
    for duty in all_duties:
        if duty.department != department:
            continue
        data.append(
            {
                "item": duty.item,
                "number": duty.number,
                "name": duty.name,
                "role": duty.role,
                "targets": list(duty.targets),
            }
        )
        target_names = [indicator_name(plan.indicator(plan.targets_by_id[t].indicator), lang) for t in duty.targets]
        cells.append(
            {
                "item": item_words[duty.item][0 if zh else 1],
                "number": str(duty.number),
                "name": duty.name,
                "role": role_words[duty.role][0 if zh else 1],
                "targets": join(target_names, lang) or "—",
            }
        )
    columns = [
        Column("item", "类别" if zh else "Item", no_wrap=True),
        Column("number", tr("col.number", lang), align="right", no_wrap=True),
        Column("name", "内容" if zh else "Content", min_width=16),
        Column("role", tr("col.role", lang), no_wrap=True),
        Column("targets", tr("col.targets", lang), drop=1),
    ]
    return View(
        data={"department": department, "duties": data},
        columns=columns,
        rows=data,
        cells=cells,
        title=department,
        csv_columns=["item", "number", "name", "role", "targets"],
    )
