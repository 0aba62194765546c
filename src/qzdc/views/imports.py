"""What an import would record, shown by `qzdc import --dry-run`."""

from __future__ import annotations

import datetime as dt

from qzdc.actuals.values import Entry
from qzdc.plan.models import Plan
from qzdc.views.listing import indicator_name
from qzdc.views.view import Column, View, display

# column of the --dry-run table → (zh, en), the words `qzdc status` and `history` use
_DRY_RUN_HEADERS = {
    "indicator": ("编号", "ID"),
    "name": ("指标", "Indicator"),
    "period": ("期间", "Period"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "source": ("来源", "Source"),
    "note": ("备注", "Note"),
}


def entries_view(plan: Plan, entries: list[Entry], lang: str = "zh") -> View:
    """What an import would record, for `--dry-run`: headers and indicator names in `lang`."""
    rows = [
        {
            "indicator": e.indicator,
            "name": indicator_name(plan.indicator(e.indicator), lang),
            "period": str(e.period),
            "value": e.value.isoformat() if isinstance(e.value, dt.date) else e.value,
            "unit": plan.indicator(e.indicator).unit,
            "source": e.source,
            "note": e.note,
        }
        for e in entries
    ]

    def header(key: str) -> str:
        zh, en = _DRY_RUN_HEADERS[key]
        return zh if lang == "zh" else en

    columns = [
        Column("indicator", header("indicator")),
        Column("name", header("name"), drop=1),
        Column("period", header("period"), no_wrap=True),
        Column("value", header("value"), align="right"),
        Column("unit", header("unit"), no_wrap=True, drop=2),
        Column("source", header("source"), drop=1),
        Column("note", header("note"), drop=3),
    ]
    cells = [{k: display(v) if v is not None else "" for k, v in row.items()} for row in rows]
    return View(data=rows, columns=columns, rows=rows, cells=cells)
