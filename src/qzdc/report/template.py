"""`qzdc import --template FILE`: a workbook to fill in with a period's figures, that imports as it is.

One row per indicator (the annex's rows first), one column per period due (each
year of the plan that has reached its last month, then the year to date at the
plan's finest rhythm), headed as the statistics bureau heads them (2024年,
2025年1-9月), which is the wide layout `qzdc.actuals.importer` reads. The name
and unit of every indicator are filled in; the value cells carry Excel data
validation by what the indicator takes (a number within its bounds, a whole
count, one of its classes, done / not done), so a typo is caught as it is
typed. A second sheet explains how to fill it in. Blank cells are figures not
yet known: the import skips them.
"""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from qzdc.actuals.values import LARGEST, number_rule, periods_due, value_kind
from qzdc.i18n import tr
from qzdc.plan.models import Indicator, Plan
from qzdc.plan.periods import Period, period_label
from qzdc.report.xlsx import _header_row, put
from qzdc.views.listing import indicator_name, plan_title

_VALUE_FILL = PatternFill("solid", fgColor="FFF7D6")  # the cells to fill in


def template_indicators(plan: Plan) -> list[Indicator]:
    """The indicators a template lists: the annex's rows by number, then the others in the plan's order."""
    annex = sorted((i for i in plan.indicators if i.annex_no is not None), key=lambda i: i.annex_no or 0)
    return [*annex, *(i for i in plan.indicators if i.annex_no is None)]


def _validation(plan: Plan, indicator: Indicator, lang: str) -> DataValidation:
    """Excel's check of a value cell, by what the indicator takes."""
    kind = value_kind(indicator)
    if kind == "ordinal":
        classes = ",".join(indicator.classes or [])
        check = DataValidation(type="list", formula1=f'"{classes}"', allow_blank=True)
        check.error = tr("template.check.class", lang, classes=classes)
    elif kind == "milestone":
        words = tr("template.done_words", lang)
        # A date is a valid answer too: Excel warns, and lets it stand.
        check = DataValidation(type="list", formula1=f'"{words}"', allow_blank=True, errorStyle="warning")
        check.error = tr("template.check.milestone", lang)
    else:
        rule = number_rule(plan, indicator)
        kind = "whole" if rule.whole else "decimal"
        unit = indicator.unit or "—"
        if rule.low is not None and rule.high is not None:
            low, high = f"{rule.low:g}", f"{rule.high:g}"
            check = DataValidation(type=kind, operator="between", formula1=low, formula2=high, allow_blank=True)
            check.error = tr("template.check.number", lang, unit=unit, low=low, high=high)
        elif rule.low is not None:  # above a growth rate of −100 %, or a count from 0
            operator = "greaterThan" if rule.low_open else "greaterThanOrEqual"
            check = DataValidation(type=kind, operator=operator, formula1=f"{rule.low:g}", allow_blank=True)
            key = "template.check.above" if rule.low_open else "template.check.at_least"
            check.error = tr(key, lang, unit=unit, low=f"{rule.low:g}")
        else:
            check = DataValidation(
                type=kind, operator="between", formula1=f"{-LARGEST:g}", formula2=f"{LARGEST:g}", allow_blank=True
            )
            check.error = tr("template.check.any", lang, unit=unit)
    check.errorTitle = tr("template.check.title", lang)
    check.showErrorMessage = True
    return check


def template_xlsx(plan: Plan, lang: str, *, today: dt.date | None = None) -> bytes:
    """The template as .xlsx bytes (the caller writes it atomically)."""
    periods: list[Period] = periods_due(plan, today or dt.date.today())
    book = Workbook()
    sheet = book.active
    sheet.title = tr("template.sheet", lang)
    headers = [
        tr("col.annex_no", lang),
        tr("template.col.name", lang),
        tr("col.id", lang),
        tr("col.unit", lang),
        *(period_label(p, lang) for p in periods),
        tr("template.col.source", lang),
        tr("template.col.note", lang),
    ]
    title = put(sheet, 1, 1, tr("template.title", lang, plan=plan_title(plan, lang)))
    title.font = Font(bold=True, size=13)
    _header_row(sheet, 2, headers)
    first_value = 5
    checks: dict[tuple, DataValidation] = {}
    for row, indicator in enumerate(template_indicators(plan), start=3):
        put(sheet, row, 1, indicator.annex_no)
        put(sheet, row, 2, indicator_name(indicator, lang))
        put(sheet, row, 3, indicator.id).font = Font(color="6B7280")
        put(sheet, row, 4, indicator.unit)
        for offset in range(len(periods)):
            sheet.cell(row=row, column=first_value + offset).fill = _VALUE_FILL
        if periods:
            check = _validation(plan, indicator, lang)
            key = (check.type, check.operator, check.formula1, check.formula2, check.error)
            check = checks.setdefault(key, check)
            start = get_column_letter(first_value)
            end = get_column_letter(first_value + len(periods) - 1)
            check.add(f"{start}{row}:{end}{row}")
    for check in checks.values():
        sheet.add_data_validation(check)
    widths = [6, 36, 26, 10, *[14] * len(periods), 18, 18]
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = sheet.cell(row=3, column=first_value)
    notes = book.create_sheet(tr("template.notes_sheet", lang))
    for row, line in enumerate(tr("template.notes", lang, plan=plan_title(plan, lang)).split("\n"), start=1):
        put(notes, row, 1, line).alignment = Alignment(wrap_text=False)
    notes.column_dimensions["A"].width = 100
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
