"""`qzdc owners`: who is responsible for what (牵头单位 / 配合单位)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from qzdc.errors import UsageError, closest, quoted
from qzdc.i18n import tr
from qzdc.plan.lookup import find_department
from qzdc.plan.models import Plan
from qzdc.views.listing import category_name, indicator_name, join, pilot_header
from qzdc.views.view import Column, Document, Section, View

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


@dataclass(frozen=True)
class Owners:
    """责任单位 of one target: the departments that lead (牵头) or support (配合) an item carrying it."""

    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()

    def json(self) -> dict[str, list[str]]:
        return {"lead": list(self.lead), "support": list(self.support)}


def target_owners(plan: Plan) -> dict[str, Owners]:
    """Each target's owners, from the tasks, policies and reforms that carry it, in the plan's order.

    A department that leads any item carrying the target is a lead department,
    even where it only supports another.
    """
    lead: dict[str, dict[str, None]] = {}
    support: dict[str, dict[str, None]] = {}
    for duty in duties(plan):
        for target_id in duty.targets:
            (lead if duty.role == "lead" else support).setdefault(target_id, {})[duty.department] = None
    return {
        t.id: Owners(tuple(lead.get(t.id, {})), tuple(d for d in support.get(t.id, {}) if d not in lead.get(t.id, {})))
        for t in plan.targets
    }


def resolve_department(plan: Plan, name: str) -> str:
    """The department as the plan writes it that `name` stands for; a usage error naming the closest if none."""
    names = sorted({d.department for d in duties(plan)})
    found = find_department(names, name)
    if found is None:
        guess = closest(name, names) or next((n for n in names if name and name in n), None)
        raise UsageError(
            tr("err.unknown_department", name=quoted(name)),
            hint=tr("msg.did_you_mean", guess=guess) if guess else tr("err.unknown_department.hint"),
        )
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
    return View(data=rows, columns=columns, rows=rows, title="单位职责" if zh else "Departments by role", lang=lang)


def department_view(plan: Plan, department: str, lang: str) -> View:
    """What one department leads or supports, and the targets those items carry."""
    all_duties = duties(plan)
    department = resolve_department(plan, department)
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
        csv_words={"role": {"lead": tr("role.lead", lang), "support": tr("role.support", lang)}},
        csv_headers={"name": tr("csv.text", lang)},
        lang=lang,
    )


def department_document(plan: Plan, department: str, report: Any, lang: str) -> Document:
    """`qzdc owners DEPT`: the targets the department answers for, each with its status, then its duties.

    `report` is the status of the whole plan (a `StatusReport`); a target is the
    department's when an item it leads or supports carries it.
    """
    from qzdc.views.status import csv_columns, csv_row, people_cells, plan_years, status_cells, target_json

    duties_view = department_view(plan, department, lang)
    department = duties_view.data["department"]
    zh = lang == "zh"
    rows = [
        (r, "lead" if department in r.owners.lead else "support")
        for r in report.rows
        if department in (*r.owners.lead, *r.owners.support)
    ]
    records = [{"role": role, **target_json(r)} for r, role in rows]
    role_words = {"lead": "牵头" if zh else "lead", "support": "配合" if zh else "support"}
    keys = ("name", "latest", "target", "required", "progress", "time_elapsed", "on_schedule", "status")
    cells = []
    for r, role in rows:
        row_cells = status_cells(r, plan, lang)
        cells.append({"role": role_words[role], **{k: row_cells[k] for k in keys}})
    columns = [c for c in _target_columns(lang) if c.key in ("role", *keys)]
    targets = View(
        data=records,
        columns=columns,
        rows=[{"role": rec["role"], **csv_row(rec)} for rec in records],
        cells=cells,
        styles=[{"status": f"status.{r.assessment.status}"} for r, _ in rows],
        csv_columns=["role", *csv_columns(plan_years(plan))],
        csv_words={
            "role": {"lead": tr("role.lead", lang), "support": tr("role.support", lang)},
            "category": {c.id: category_name(plan, c.id, lang) for c in plan.meta.categories},
        },
        csv_headers=pilot_header(plan, lang),
        people_cells=[people_cells(r, lang) for r, _ in rows],
        lang=lang,
    )
    title_targets = "负责的目标" if zh else "Targets it answers for"
    return Document(
        data={**duties_view.data, "targets": records},
        title=department,
        sections=[
            Section(title_targets, view=targets if rows else None, lines=[] if rows else ["—"]),
            Section("职责" if zh else "Duties", view=dataclasses.replace(duties_view, title=None)),
        ],
        csv_view=targets,
    )


def _target_columns(lang: str) -> list[Column]:
    from qzdc.views.status import status_columns

    columns = status_columns(lang)
    at = next(i for i, c in enumerate(columns) if c.key == "name") + 1
    return [*columns[:at], Column("role", tr("col.role", lang), no_wrap=True), *columns[at:]]
