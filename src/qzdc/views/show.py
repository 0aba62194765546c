"""`qzdc show`: one indicator in full — the plan's words, every observation, the
required path beside the actuals, and every figure behind each target's status."""

from __future__ import annotations

from typing import Any

from qzdc.engine.assess import schedule_by_status
from qzdc.engine.required_path import PathStep, required_path
from qzdc.engine.verdict import Assessment, printed
from qzdc.i18n import amount, method_text, note_text, tr, unit_text
from qzdc.plan.models import RATE_KINDS, Indicator, Observation, Plan, Target
from qzdc.plan.periods import Period, PeriodError, parse_period
from qzdc.plan.words import flag_name, row_ref
from qzdc.views.chart import text_chart
from qzdc.views.history import figure_statuses, status_word
from qzdc.views.listing import category_name, indicator_name, join
from qzdc.views.status import (
    SCHEMA_VERSION,
    Row,
    build_status,
    figure_period_text,
    gap_text,
    held_text,
    json_value,
    recorded_at_a_point,
    required_figure,
    status_text,
    target_json,
    value_text,
)
from qzdc.views.target_text import target_text
from qzdc.views.view import Column, Document, Section, View, display, fmt_number, recorded_text


def _label(zh: str, en: str, lang: str) -> str:
    return zh if lang == "zh" else en


def _name_line(indicator: Indicator, lang: str) -> str:
    """高新技术企业（家） in Chinese; in English both names, the unit translated and as the plan writes it."""
    if lang == "zh":
        return indicator.name + (f"（{indicator.unit}）" if indicator.unit else "")
    unit = indicator.unit
    shown = unit_text(unit, lang)
    units = f" ({shown}, {unit})" if unit and shown != unit else f" ({unit})" if unit else ""
    return f"{indicator.name_en} / {indicator.name}{units}"


def _colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "


def _window(period: Period | None, obs: Observation) -> object:
    """What a figure covers: 2025-09 and 2025-Q3 are one window, the later entry counts."""
    return (*period.window, period.is_year) if period else str(obs.period)


def observation_records(
    observations: list[Observation], statuses: dict[int, str] | None = None
) -> list[dict[str, Any]]:
    """Every observation, in period order, each marked used or superseded.

    For each window of months the last one given counts (the plan's figure first,
    then a user's entries in the order they were recorded). `statuses` (by the
    figure's id(), from `qzdc.views.history.figure_statuses`) adds what `history`
    says of each, in the same words.
    """
    last: dict[object, int] = {}
    keyed: list[tuple[Period | None, int, Observation]] = []
    for i, obs in enumerate(observations):
        try:
            period = parse_period(obs.period)
        except PeriodError:
            period = None
        last[_window(period, obs)] = i
        keyed.append((period, i, obs))
    keyed.sort(key=lambda item: (item[0].sort_key() if item[0] else (0, 0, 0), item[1]))
    records = []
    for period, i, obs in keyed:
        key = str(period) if period else str(obs.period)
        records.append(
            {
                "period": key,
                "value": json_value(obs.value),
                "origin": obs.origin,
                "source": obs.source.ref if obs.source else None,
                "quote": obs.source.quote if obs.source else None,
                "note": obs.note,
                "recorded_at": obs.recorded_at,
                "used": last[_window(period, obs)] == i,
                "inferred": obs.inferred,
                **({"status": statuses.get(id(obs), "used")} if statuses is not None else {}),
            }
        )
    return records


def _statement_records(target: Target) -> list[dict[str, Any]]:
    return [
        {
            "source": s.source.ref,
            "quote": s.source.quote,
            "value": s.value,
            "comparator": s.comparator,
            "strength": s.strength,
            "note": s.note,
        }
        for s in target.statements
    ]


def _path_records(steps: list[PathStep], a: Assessment, target: Target) -> list[dict[str, Any]]:
    """Each year of the path beside its actual; `due`, for a year-to-date actual, is what it is judged against."""
    return [
        {
            "year": s.year,
            "required": s.required,
            "actual": json_value(s.actual),
            "period": str(s.period) if s.period else None,
            "due": due_by_then(target, a, s),
        }
        for s in steps
    ]


def due_by_then(target: Target, a: Assessment, step: PathStep) -> float | None:
    """What a year-to-date figure on the path is judged against, in the path's terms: the one 应达 of
    `qzdc status` (a running sum's is the years before it plus this year's due), or the rate the year needs.
    None for a whole year's figure, which stands against the path's value for the year."""
    if step.period is None or step.period.is_year or a.latest is None or step.period != a.latest.period:
        return None
    if target.kind in RATE_KINDS:
        return a.required_now * 100 if a.required_now is not None else None
    if a.expected_now is None:
        return None
    if target.kind == "cumulative":
        if not isinstance(step.actual, int | float) or isinstance(a.latest.value, bool):
            return None
        return float(step.actual) - float(a.latest.value) + a.expected_now
    return a.expected_now


def _facts_target(target: Target, plan: Plan, lang: str) -> list[str]:
    lines = [
        f"{_label('目标', 'target', lang)}{_colon(lang)}{target_text(target, lang, plan)} ({target.year})  "
        f"{tr(target.kind, lang)} · {tr(target.direction, lang)} · {tr(target.strength, lang)}"
        + (f" · {_label('路径', 'path', lang)} {tr('path.' + target.path, lang)}" if target.path else ""),
    ]
    if target.baseline is not None:
        base = (
            f"{_label('基期', 'baseline', lang)}{_colon(lang)}"
            f"{value_text(target, target.baseline.value, lang)} ({target.baseline.year})"
        )
        if target.baseline.vintage and target.baseline.vintage != target.baseline.year:
            base += _label(
                f"，实为{target.baseline.vintage}年数据", f", really a {target.baseline.vintage} figure", lang
            )
        lines.append(base)
    quote = f" “{target.source.quote}”" if target.source.quote else ""
    lines.append(f"{_label('出处', 'source', lang)}{_colon(lang)}{target.source.ref}{quote}")
    for s in target.statements:
        lines.append(
            f"{_label('另见', 'also', lang)}{_colon(lang)}{s.source.ref} “{s.source.quote or ''}” → {display(s.value)}"
            + (f" ({tr(s.strength, lang)})" if s.strength != "binding" else "")
        )
    if target.note:
        lines.append(f"{_label('说明', 'note', lang)}{_colon(lang)}{target.note}")
    return lines


def _in_unit(number: str, unit: str, lang: str) -> str:
    """2.6个百分点 / 2.6 pp for a change in %; 12 亿元 / 12 100 million yuan otherwise."""
    if unit == "%":
        return f"{number}{tr('unit.pp', lang)}" if lang == "zh" else f"{number} pp"
    return amount(number, unit_text(unit, lang))


def _pace_text(value: float | None, a: Assessment, unit: str, lang: str) -> str:
    if value is None:
        return "—"
    if a.pace_unit == "rate":
        return f"{fmt_number(value * 100)} %"
    return _in_unit(fmt_number(value), unit, lang)


def _facts_status(row: Row, lang: str) -> list[str]:
    target, ind, a = row.target, row.indicator, row.assessment
    unit = ind.unit
    per_year = _label("/年", "/yr", lang)
    need = required_figure(row)
    lines = [
        f"{_label('状态', 'status', lang)}{_colon(lang)}{status_text(row, lang)}"
        + (_label("（最终）", " (final)", lang) if a.final else "")
        + f"   {_label('方法', 'method', lang)}{_colon(lang)}{method_text(a.method, lang)}",
    ]
    if a.latest is not None:
        value = a.latest.value
        shown = value_text(target, value, lang)
        origin = _label("方案", "plan", lang) if a.latest.origin == "plan" else _label("录入", "actuals", lang)
        period = f"{a.latest.period}{'*' if a.latest.inferred else ''}"
        if target.kind == "cumulative" and a.total is not None:
            # The running total is the target's latest value; the period's own flow beside it.
            lines.append(
                f"{_label('累计', 'running total', lang)}{_colon(lang)}{display(a.total)} ({period}, {origin})   "
                f"{_label('当期', 'of which in the period', lang)}{_colon(lang)}{shown}"
            )
        else:
            lines.append(f"{_label('最新值', 'latest', lang)}{_colon(lang)}{shown} ({period}, {origin})")
        if a.latest.inferred:
            lines.append(tr("status.year_inferred", lang))
    elif a.required_from is not None and a.required_now is not None:
        known = f"{display(json_value(a.required_from.value))} ({a.required_from.period})"
        lines.append(f"{_label('尚需自', 'still required from', lang)}{_colon(lang)}{known}")
    figures = [
        (
            _label("自基期起所需", "required from the baseline", lang),
            _pace_text(a.required_from_baseline, a, unit, lang) + per_year,
        ),
        (_label("当前应达", "expected now", lang), display(a.expected_now) if a.year_due is None else "—"),
        (_label("实际速度", "observed pace", lang), _pace_text(a.observed_pace, a, unit, lang) + per_year),
        (
            _label("剩余每年尚需", "still required each year", lang),
            _pace_text(need.value, a, unit, lang) + per_year
            if need and not need.this_year and a.pace_unit != "level"
            else "—",
        ),
        (
            _label(f"至{target.year}年底共需", f"still required by the end of {target.year}", lang),
            _rest_text(a.required_rest, a, unit, lang),
        ),
        (_label("差距", "gap to the target", lang), gap_text(row, lang)),
        (_label("年内应达", "due by now this year", lang), display(a.year_due) if a.year_due is not None else "—"),
        (
            # the table's 尚需/年 when it is the rest of the last part-year's (+27（年内）), never a
            # whole year's 65 or a quarter's 2.23 pp annualised to 8.92 beside 共需
            _label("本年尚需", "still needed this year", lang),
            _rest_text(need.value, a, unit, lang, amount=need.unit == "sum") if need and need.this_year else "—",
        ),
        (_label("进度", "progress", lang), _progress_line(row, lang)),
        (_label("序时进度", "time elapsed", lang), _schedule_line(target, a, lang)),
        (_label("速度比 R", "pace ratio R", lang), fmt_number(a.pace_ratio, 3) if a.pace_ratio is not None else "—"),
        (_projected_label(target, a, lang), _projected_text(target, a, lang)),
        (
            # a milestone has no pace: the year it is reached is the year it was done
            _label("完成年份", "year done", lang)
            if target.kind == "milestone"
            else _label("按实际速度达标年份", "year reached at the observed pace", lang),
            str(a.year_reached) if a.year_reached else "—",
        ),
        (_label("按增速目标预计", "at the plan's own rate", lang), _rate_level_text(row, lang)),
        (_label("责任单位", "responsible", lang), _owners_text(row, lang)),
    ]
    lines += [f"{k}{_colon(lang)}{v}" for k, v in figures if not v.startswith("—")]
    lines += [f"· {note_text(note, lang)}" for note in a.notes]
    return lines


def _schedule_line(target: Target, a: Assessment, lang: str) -> str:
    """序时进度 66.67 %, and whether progress keeps up with it — saying so where the status decides it,
    as 进度 78.72 % above 序时进度 91.67 %（已达到） would otherwise read as a contradiction."""
    if a.time_elapsed is None:
        return "—"
    text = f"{fmt_number(a.time_elapsed * 100)} %"
    if a.on_schedule is None:
        return text
    key = "show.on_schedule" if a.on_schedule else "show.behind_schedule"
    return text + tr(key + ("_by_status" if schedule_by_status(target, a) else ""), lang)


def _projected_label(target: Target, a: Assessment, lang: str) -> str:
    # with a rate to date the 实际速度 is the year's own rate so far, the projection the average counting it
    to_date = target.kind == "average_growth" and a.latest is not None and not a.latest.period.is_year
    return tr("show.projected_with_year_so_far" if to_date else "show.projected", lang)


def _progress_line(row: Row, lang: str) -> str:
    """进度 78.72 %; for a target to hold, how often it held: 2年中1年达标（50 %）."""
    a = row.assessment
    if a.progress is None:
        return "—"
    share = f"{fmt_number(a.progress * 100)} %"
    held = held_text(row, lang, long=True)
    return share if held is None else held + (f"（{share}）" if lang == "zh" else f" ({share})")


def _against_target(over: float, lang: str, *, pp: bool = False) -> str:
    """A figure's difference from the target in words, never a bare sign: 比目标少12.95 / 12.95 short of the target."""
    size = fmt_number(abs(over) * 100 if pp else abs(over))
    if printed(over) == 0:
        return _label("与目标持平", "at the target", lang)
    if pp:
        side = ("高", "above") if over > 0 else ("低", "below")
        return _label(f"比目标{side[0]}{size}个百分点", f"{size} pp {side[1]} the target", lang)
    side = ("多", "above") if over > 0 else ("少", "short of")
    return _label(f"比目标{side[0]}{size}", f"{size} {side[1]} the target", lang)


def _rate_level_text(row: Row, lang: str) -> str:
    rl, unit = row.assessment.rate_level, unit_text(row.indicator.unit, lang)
    if rl is None:
        return "—"
    rate, level, words = fmt_number(rl.rate * 100), fmt_number(rl.level), _against_target(rl.gap, lang)
    return _label(
        f"按年均{rate}%，{row.target.year}年为{level} {unit}（{words}）",
        f"at {rate} % a year, {amount(level, unit)} in {row.target.year} ({words})",
        lang,
    )


def _owners_text(row: Row, lang: str) -> str:
    lead, support = row.owners.lead, row.owners.support
    if not lead and not support:
        return "—"
    parts = [f"{_label('牵头', 'lead', lang)} {join(list(lead), lang)}"] if lead else []
    if support:
        parts.append(f"{_label('配合', 'support', lang)} {join(list(support), lang)}")
    return ("；" if lang == "zh" else "; ").join(parts)


def _rest_text(value: float | None, a: Assessment, unit: str, lang: str, amount: bool = False) -> str:
    if value is None:
        return "—"
    if a.pace_unit == "rate" and not amount:
        return f"{'+' if value > 0 else ''}{fmt_number(value * 100)} %"
    return _in_unit(f"{'+' if value > 0 else ''}{fmt_number(value)}", unit, lang)


def _projected_text(target: Target, a: Assessment, lang: str) -> str:
    if a.projected is None:
        return "—"
    rate = target.kind in RATE_KINDS
    shown = f"{fmt_number(a.projected * 100)} %" if rate else fmt_number(a.projected)
    if a.projected_gap is None:
        return shown
    words = _against_target(a.projected_gap, lang, pp=rate)
    return shown + (f"（{words}）" if lang == "zh" else f" ({words})")


def _path_view(rows: list[dict[str, Any]], lang: str) -> View:
    """The path year by year; a year-to-date actual stands against what is due by then, not the whole year."""
    columns = [
        Column("year", _label("年份", "Year", lang), align="right", no_wrap=True),
        Column("required", _label("路径要求", "Required", lang), align="right", no_wrap=True),
        Column("actual", _label("实际", "Actual", lang), align="right", no_wrap=True),
        Column("period", _label("期间", "Period", lang), no_wrap=True),
    ]
    cells = [
        {
            "year": str(r["year"]),
            "required": display(r["required"] if r["due"] is None else r["due"]),
            "actual": display(r["actual"]),
            "period": r["period"] or "",
        }
        for r in rows
    ]
    return View(data=rows, columns=columns, rows=rows, cells=cells, lang=lang)


def _chart(target: Target, rows: list[dict[str, Any]], a: Assessment, lang: str) -> list[str]:
    numeric = [
        (
            str(r["year"]),
            r["actual"] if isinstance(r["actual"], int | float) and not isinstance(r["actual"], bool) else None,
            r["required"] if r["due"] is None else r["due"],
        )
        for r in rows
    ]
    legend = (_label("实际", "actual", lang), _label("路径要求", "required path", lang))
    lines = text_chart(numeric, legend=legend, zero_based=target.kind in (*RATE_KINDS, "cumulative"), lang=lang)
    return lines + [_due_line(target, r, a, lang) for r in rows if r["due"] is not None and lines]


def _due_line(target: Target, r: dict[str, Any], a: Assessment, lang: str) -> str:
    """Why a year-to-date row's requirement is not the year's: 2025-Q3为年初至今数：对照截至当期应达5625（2025年全年为7500）."""
    period, due, year, whole = r["period"], fmt_number(r["due"]), r["year"], fmt_number(r["required"])
    if target.kind in RATE_KINDS:
        return _label(
            f"{period}为年初至今数：对照当年所需{due}%（路径要求{whole}%）",
            f"{period} is year to date: set against the {due} % the year needs (the path: {whole} %)",
            lang,
        )
    if target.kind == "cumulative" and a.expected_now is not None:
        before, this_year = fmt_number(r["due"] - a.expected_now), fmt_number(a.expected_now)
        return _label(
            f"{period}为年初至今数：对照截至当期应达{due}（此前累计{before}，当年应达{this_year}；{year}年全年为{whole}）",
            f"{period} is year to date: set against {due} due by then ({before} before this year and "
            f"{this_year} due this year; {whole} for the whole of {year})",
            lang,
        )
    if recorded_at_a_point(target) and a.latest is not None:
        # A level (城镇化率 66 at the end of September) stands against the path at its date, not a sum.
        when = figure_period_text(target, a.latest.period, lang)
        return tr("show.level_due", lang).format(when=when, value=display(r["actual"]), due=due, year=year, whole=whole)
    return _label(
        f"{period}为年初至今数：对照截至当期应达{due}（{year}年全年为{whole}）",
        f"{period} is year to date: set against {due} due by then ({whole} for the whole of {year})",
        lang,
    )


def show_document(
    plan: Plan, indicator: Indicator, observations: list[Observation], as_of: Period | None, lang: str
) -> Document:
    own = [o for o in observations if o.indicator == indicator.id]
    targets = [t for t in plan.targets if t.indicator == indicator.id]
    target_data = []
    sections = [
        Section(
            _label("指标", "Indicator", lang),
            lines=[
                f"{indicator.id} · {category_name(plan, indicator.category, lang)}"
                + (f" · {row_ref(plan, indicator.annex_no, lang)}" if indicator.annex_no else "")
                + "".join(f" · {flag_name(f, lang)}" for f in plan.meta.flags if f.id in indicator.flags),
                _name_line(indicator, lang),
                f"{_label('出处', 'source', lang)}{_colon(lang)}{indicator.source.ref}"
                + (f" “{indicator.source.quote}”" if indicator.source.quote else ""),
                *([f"{_label('说明', 'note', lang)}{_colon(lang)}{indicator.note}"] if indicator.note else []),
            ],
        )
    ]
    path_rows: list[dict[str, Any]] = []
    # The plan's status as of `as_of`: the same assessments, and the same stated as-of (which stale
    # figures are judged against), as `qzdc status` gives.
    report = build_status(plan, observations, as_of=as_of)
    effective, stated = report.as_of, report.stated
    rows = {r.target.id: r for r in report.rows}
    for target in targets:
        row = rows[target.id]
        a = row.assessment
        steps = required_path(target, own, as_of=effective)
        record = target_json(row)
        record["statements"] = _statement_records(target)
        record["path"] = _path_records(steps, a, target)
        target_data.append(record)
        path_rows += [{"target": target.id, **r} for r in record["path"]]
        title = _label("目标", "Target", lang) + f" {target.id}"
        sections.append(Section(title, lines=[*_facts_target(target, plan, lang), "", *_facts_status(row, lang)]))
        if steps:
            sections.append(
                Section(
                    _label("路径与实际", "Path and actuals", lang),
                    view=_path_view(record["path"], lang),
                    lines=_chart(target, record["path"], a, lang),
                    preformatted=True,
                )
            )
    statuses = {id(obs): status for _, _, obs, status in figure_statuses(indicator, own, targets)}
    records = observation_records(own, statuses)
    obs_view = View(
        data=records,
        columns=[
            Column("period", _label("期间", "Period", lang), no_wrap=True),
            Column("value", _label("数值", "Value", lang), align="right", no_wrap=True),
            Column("origin", _label("来源类型", "From", lang), no_wrap=True),
            Column("source", _label("来源", "Source", lang)),
            Column("used", _label("采用", "Used", lang), no_wrap=True),
        ],
        rows=records,
        cells=[
            {
                "period": r["period"] + ("*" if r["inferred"] else ""),
                "value": recorded_text(r["value"], lang),
                "origin": _label("方案", "plan", lang) if r["origin"] == "plan" else _label("录入", "actuals", lang),
                "source": r["source"] or "",
                # in history's words (docs/actuals.md): 已被修订, 被录入值取代, 以全年数为准, 基期及以前…
                "used": tr("yes", lang) if r["status"] == "used" else status_word(r["status"], lang),
            }
            for r in records
        ],
        lang=lang,
    )
    sections.append(
        Section(
            _label("观测值", "Observations", lang), view=obs_view if records else None, lines=[] if records else ["—"]
        )
    )
    data = {
        "schema_version": SCHEMA_VERSION,
        "as_of": str(stated) if stated else None,
        "indicator": {
            "id": indicator.id,
            "annex_no": indicator.annex_no,
            "category": indicator.category,
            "name": indicator.name,
            "name_en": indicator.name_en,
            "unit": indicator.unit,
            "pilot": indicator.pilot,
            "flags": indicator.flags,
            "source": indicator.source.ref,
            "quote": indicator.source.quote,
            "note": indicator.note,
        },
        "targets": target_data,
        "observations": records,
    }
    csv_view = View(
        data=path_rows,
        columns=[Column(k, k) for k in ("target", "year", "required", "actual", "period", "due")],
        rows=path_rows,
        lang=lang,
    )
    title = f"{indicator_name(indicator, lang)} · {_label('截至', 'as of', lang)} {stated or '—'}"
    return Document(data=data, title=title, sections=sections, csv_view=csv_view)
