"""`qzdc calc`: the hand calculations analysts do in a spreadsheet, as views.

Each function checks its inputs, calls the engine's formula and returns a View
whose JSON carries raw numbers, rates in percent in `*_pct` fields.
"""

from __future__ import annotations

import math
from typing import Any

from qzdc.engine import formulas
from qzdc.errors import UsageError
from qzdc.i18n import calc_reason_text, language, tr
from qzdc.views.view import Column, View, fmt_number


def _view(data: dict[str, Any], lines: list[tuple[str, str]], lang: str) -> View:
    header = ("项目", "数值") if lang == "zh" else ("Item", "Value")
    return View(
        data=data,
        columns=[Column("item", header[0]), Column("value", header[1], align="right", no_wrap=True)],
        rows=[{"item": k, "value": v} for k, v in data.items() if not isinstance(v, list)],
        cells=[{"item": k, "value": v} for k, v in lines],
        csv_columns=["item", "value"],
        csv_words={"item": {k: tr(f"calc.item.{k}", lang) for k in data}},
        lang=lang,
    )


def _run(fn: Any, *args: Any) -> Any:
    try:
        return fn(*args)
    except formulas.CalcError as error:
        raise UsageError(calc_reason_text(str(error), language())) from None


def _check(values: dict[str, float]) -> None:
    for name, value in values.items():
        if not math.isfinite(value):
            raise UsageError(tr("err.calc_not_finite", name=name, value=value))


def cagr_view(start: float, end: float, years: float, lang: str) -> View:
    _check({"from": start, "to": end, "years": years})
    rate = _run(formulas.cagr, start, end, years)
    data = {"from": start, "to": end, "years": years, "rate_pct": rate * 100}
    zh = lang == "zh"
    lines = [
        ("起点" if zh else "From", fmt_number(start)),
        ("终点" if zh else "To", fmt_number(end)),
        ("年数" if zh else "Years", fmt_number(years)),
        ("所需年均增速" if zh else "Required average growth", f"{fmt_number(rate * 100)} %"),
    ]
    return _view(data, lines, lang)


def grow_view(start: float, rate_pct: float, years: float, lang: str) -> View:
    _check({"from": start, "rate": rate_pct, "years": years})
    if years < 0:
        raise UsageError(tr("err.calc_negative_years"))
    value = _run(formulas.grow, start, rate_pct / 100, years)
    data = {"from": start, "rate_pct": rate_pct, "years": years, "value": value}
    zh = lang == "zh"
    lines = [
        ("起点" if zh else "From", fmt_number(start)),
        ("年增速" if zh else "Growth a year", f"{fmt_number(rate_pct)} %"),
        ("年数" if zh else "Years", fmt_number(years)),
        ("结果" if zh else "Result", fmt_number(value)),
    ]
    return _view(data, lines, lang)


def remaining_view(target_rate_pct: float, period: int, observed_pct: list[float], lang: str) -> View:
    _check({"target-rate": target_rate_pct, **{f"observed {i + 1}": g for i, g in enumerate(observed_pct)}})
    if period <= 0:
        raise UsageError(tr("err.calc_period"))
    rate = _run(formulas.remaining_rate, target_rate_pct / 100, period, [g / 100 for g in observed_pct])
    average = _run(formulas.realised_average, [g / 100 for g in observed_pct]) if observed_pct else None
    data = {
        "target_rate_pct": target_rate_pct,
        "period": period,
        "observed_pct": observed_pct,
        "remaining_years": period - len(observed_pct),
        "realised_average_pct": average * 100 if average is not None else None,
        "rate_pct": rate * 100,
    }
    zh = lang == "zh"
    lines = [
        ("目标年均增速" if zh else "Target average growth", f"{fmt_number(target_rate_pct)} %"),
        ("期间年数" if zh else "Years in the period", str(period)),
        ("已实现" if zh else "Observed", "、".join(f"{fmt_number(g)} %" for g in observed_pct) or "—"),
        ("剩余年数" if zh else "Years remaining", str(period - len(observed_pct))),
        ("剩余每年需增长" if zh else "Needed in each remaining year", f"{fmt_number(rate * 100)} %"),
    ]
    return _view(data, lines, lang)


def years_view(start: float, end: float, rate_pct: float, lang: str) -> View:
    _check({"from": start, "to": end, "rate": rate_pct})
    years = _run(formulas.years_to_reach, start, end, rate_pct / 100)
    whole = math.ceil(years - 1e-9)
    data = {"from": start, "to": end, "rate_pct": rate_pct, "years": years, "whole_years": whole}
    zh = lang == "zh"
    lines = [
        ("起点" if zh else "From", fmt_number(start)),
        ("终点" if zh else "To", fmt_number(end)),
        ("年增速" if zh else "Growth a year", f"{fmt_number(rate_pct)} %"),
        ("所需年数" if zh else "Years needed", fmt_number(years)),
        ("整年数" if zh else "In whole years", str(whole)),
    ]
    return _view(data, lines, lang)
