"""`qzdc audit`: where a plan contradicts itself or cannot be met.

Each rule is one function over the plan and its observations, in one list
(`RULES`). Every finding is computed from the data — the figures, the links
between indicators (`rate_of`), the statements kept beside each target, the
departments as written — never from a particular name.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from qzdc.engine.assess import assess
from qzdc.engine.formulas import CalcError, RateWindow, rate_window
from qzdc.engine.series import points, usable_points
from qzdc.i18n import amount, tr, unit_text
from qzdc.plan.models import Indicator, Observation, Plan, Statement, Target
from qzdc.plan.words import item_ref
from qzdc.views.listing import indicator_name, join, plan_title
from qzdc.views.view import Column, View, decimals, display, fmt_number

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
GATES = ("warning", "error")  # the severities `audit --fail-on` takes


def gate_severity(word: str) -> str:
    """The severity `audit --fail-on` names, in either language: 错误 or error, 警告 or warning."""
    from qzdc.errors import UsageError, quoted
    from qzdc.i18n import listing

    words = {w.strip().lower(): s for s in GATES for w in (s, tr(f"severity.{s}", "zh"), tr(f"severity.{s}", "en"))}
    found = words.get(word.strip().lower())
    if found is None:
        known = listing([tr("word.with_code", word=tr(f"severity.{s}", "zh"), code=s) for s in GATES])
        raise UsageError(tr("err.fail_on_status", name=quoted(word)), hint=tr("err.fail_on_status.hint", known=known))
    return found


@dataclass(frozen=True)
class Finding:
    severity: str  # error, warning or info
    rule: str
    subjects: tuple[str, ...]  # target ids, indicator ids or department names
    message: str  # English
    message_zh: str
    figures: dict[str, Any] = field(default_factory=dict)
    sources: tuple[str, ...] = ()


@dataclass
class Context:
    plan: Plan
    observations: list[Observation]

    def series(self, indicator_id: str) -> list[Any]:
        return usable_points(points(o for o in self.observations if o.indicator == indicator_id), None)


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{fmt_number(x * 100)} %"


def _pct_zh(x: float | None) -> str:
    # Chinese writes 12.59% with no space, as the status table and every other Chinese figure do
    return _pct(x).replace(" %", "%")


def _binding(target: Target) -> bool:
    """Binding if the target or any other statement of it is binding."""
    return target.strength == "binding" or any(s.strength == "binding" for s in target.statements)


_STRENGTH_ZH = {"binding": "", "aspirational": "力争的", "anticipatory": "预期的"}


def _strength_of(target: Target) -> str:
    """The level's strength as the finding names it: binding if any statement of it is."""
    return "binding" if _binding(target) else target.strength


def _sources(target: Target) -> tuple[str, ...]:
    return (target.source.ref, *(s.source.ref for s in target.statements))


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


# ── rules ────────────────────────────────────────────────────────────────────


# The gap between the average a level target needs and the rate target that no
# finding is made for: the rate as qzdc prints it (two decimals) cannot tell them
# apart. Up to `_WARNING_PP` it is a warning, beyond that an error.
_UNSEEN_PP = 0.005
_WARNING_PP = 1.0


def rule_rate_level(ctx: Context) -> Iterator[Finding]:
    """A growth-rate target and a level target on one quantity that cannot both hold, on the rate's own window."""
    plan = ctx.plan
    for rate_ind in plan.indicators:
        if rate_ind.rate_of is None:
            continue
        rate_targets = [t for t in plan.targets if t.indicator == rate_ind.id and t.kind == "average_growth"]
        level_targets = [t for t in plan.targets if t.indicator == rate_ind.rate_of and t.kind == "level"]
        level_ind = plan.indicator(rate_ind.rate_of)
        for rt in rate_targets:
            for lt in level_targets:
                window = _rate_window(ctx, rt, lt)
                if window is None:
                    continue
                implied, average, each = window.implied_level, window.needed_average, window.needed_each
                level = window.level_target
                assert level is not None
                if implied is None or average is None or implied >= level * (1 - 1e-6):
                    continue
                gap_pp = (average - window.rate) * 100
                if gap_pp < _UNSEEN_PP:
                    continue
                both_binding = _binding(rt) and _binding(lt)
                rule = "rate_level_conflict" if both_binding else "aspirational_beyond_binding"
                severity = "error" if both_binding and gap_pp > _WARNING_PP else "warning"
                about = next((s for s in (rt, *rt.statements) if s.comparator == "~"), None)
                figures = {
                    "level_now": window.level_now,
                    "year_now": window.year_now,
                    "observed_rates_pct": [g * 100 for g in window.observed],
                    "level_before": window.level_before,
                    "rate_pct": window.rate * 100,
                    "window": [window.start, window.end],
                    "level_target": level,
                    "target_year": window.end,
                    "implied_level": implied,
                    "needed_average_pct": average * 100,
                    "gap_pp": gap_pp,
                    "needed_rate_pct": each * 100 if each is not None else None,
                }
                message, message_zh = _rate_level_words(window, rate_ind, level_ind, lt, about)
                yield Finding(severity, rule, (rt.id, lt.id), message, message_zh, figures, _sources(rt) + _sources(lt))


def _rate_window(ctx: Context, rt: Target, lt: Target) -> RateWindow | None:
    """The rate target's window beside the latest level whose years in the window all have their rate."""
    rate, level = _number(rt.value), _number(lt.value)
    if rate is None or level is None or rt.year is None or rt.start_year is None or lt.year != rt.year:
        return None
    rates = {
        p.period.year: float(p.value) / 100
        for p in ctx.series(rt.indicator)
        if p.period.is_year and _number(p.value) is not None
    }
    levels = [
        (p.period.year, float(p.value))
        for p in ctx.series(lt.indicator)
        if p.period.is_year and _number(p.value) is not None
    ]
    if lt.baseline is not None and _number(lt.baseline.value) is not None:
        levels.append((lt.baseline.year, float(lt.baseline.value)))  # type: ignore[arg-type]
    for year, value in sorted(levels, reverse=True):
        observed = [rates.get(y) for y in range(rt.start_year, year + 1)]
        if not rt.start_year - 1 <= year <= rt.year or any(g is None for g in observed):
            continue
        try:
            return rate_window(value, year, observed, rate / 100, rt.start_year, rt.year, level)  # type: ignore[arg-type]
        except CalcError:
            continue
    return None


def _rate_level_words(
    w: RateWindow, rate_ind: Indicator, level_ind: Indicator, lt: Target, about: Any
) -> tuple[str, str]:
    """The finding in English and Chinese: where the rate leads, and what the level needs."""
    assert w.needed_average is not None and w.implied_level is not None
    unit, rate, level = level_ind.unit, fmt_number(w.rate * 100), fmt_number(w.level_target or 0)
    unit_en = unit_text(unit, "en")
    years = f"{w.start}–{w.end}"
    gap = fmt_number((w.needed_average - w.rate) * 100)
    so_far = ", ".join(f"+{fmt_number(g * 100)} %" for g in w.observed)
    base = f"{amount(fmt_number(w.level_now), unit_en)} in {w.year_now}" + (f" after {so_far}" if so_far else "")
    each = f"; {_pct(w.needed_each)} in each remaining year" if w.needed_each is not None else ""
    said = f" (“{about.source.quote}”)" if about is not None and about.source.quote else ""
    message = (
        f"{rate_ind.name_en} at {rate} % a year on average over {years}{said}, from {base}, gives "
        f"{amount(fmt_number(w.implied_level), unit_en)} in {w.end}, short of the "
        f"{_strength_of(lt)} {amount(level, unit_en)}, which needs an average of "
        f"{_pct(w.needed_average)} ({gap} pp above the rate target){each}"
    )
    so_far_zh = "、".join(f"{fmt_number(g * 100)}%" for g in w.observed)
    base_zh = f"{w.year_now}年{fmt_number(w.level_now)}{unit}" + (f"（已增长{so_far_zh}）" if so_far_zh else "")
    each_zh = f"，其余每年需{_pct_zh(w.needed_each)}" if w.needed_each is not None else ""
    said_zh = f"（“{about.source.quote}”）" if about is not None and about.source.quote else ""
    message_zh = (
        f"{rate_ind.name}{years}年均{rate}%{said_zh}：从{base_zh}起，{w.end}年为{fmt_number(w.implied_level)}{unit}，"
        f"达不到{_STRENGTH_ZH[_strength_of(lt)]}{level}{unit}；后者需年均增长{_pct_zh(w.needed_average)}"
        f"（高于增速目标{gap}个百分点）{each_zh}"
    )
    return message, message_zh


def _describe(s: Statement | Target, ordinal: bool, lang: str) -> str:
    from qzdc.views.target_text import compared

    return compared(s.comparator, s.value, lang, ordinal=ordinal)


def rule_conflicting_statements(ctx: Context) -> Iterator[Finding]:
    """The same target stated with another value, comparator or strength elsewhere in the document."""
    for target in ctx.plan.targets:
        indicator = ctx.plan.indicator(target.indicator)
        for s in target.statements:
            if s.value is not None and s.value != target.value:
                yield Finding(
                    "error",
                    "conflicting_values",
                    (target.id,),
                    f"{indicator.name_en}: {target.source.ref} sets {display(target.value)}, "
                    f"{s.source.ref} sets {display(s.value)}",
                    f"{indicator.name}：{target.source.ref}为{display(target.value)}，{s.source.ref}为{display(s.value)}",
                    {"value": target.value, "other_value": s.value, "quote": s.source.quote},
                    (target.source.ref, s.source.ref),
                )
            elif s.comparator is not None and s.comparator != target.comparator:
                severity = "info" if "~" in (s.comparator, target.comparator) else "warning"
                ordinal = target.kind == "ordinal"
                yield Finding(
                    severity,
                    "conflicting_comparators",
                    (target.id,),
                    f"{indicator.name_en}: {target.source.ref} says {_describe(target, ordinal, 'en')}, "
                    f"{s.source.ref} says {_describe(s, ordinal, 'en')} (“{s.source.quote}”)",
                    f"{indicator.name}：{target.source.ref}为{_describe(target, ordinal, 'zh')}，"
                    f"{s.source.ref}为{_describe(s, ordinal, 'zh')}（“{s.source.quote}”）",
                    {"comparator": target.comparator, "other_comparator": s.comparator, "quote": s.source.quote},
                    (target.source.ref, s.source.ref),
                )
            if s.strength != target.strength:
                yield Finding(
                    "info",
                    "conflicting_strength",
                    (target.id,),
                    f"{indicator.name_en}: {target.strength} in {target.source.ref}, {s.strength} in {s.source.ref}",
                    f"{indicator.name}：{target.source.ref}为{tr(target.strength, 'zh')}，"
                    f"{s.source.ref}为{tr(s.strength, 'zh')}",
                    {"strength": target.strength, "other_strength": s.strength, "quote": s.source.quote},
                    (target.source.ref, s.source.ref),
                )


def rule_baseline_vintage(ctx: Context) -> Iterator[Finding]:
    """A baseline from another year than the one it is filed under, or than the plan's baseline year."""
    declared = ctx.plan.meta.baseline_year
    for target in ctx.plan.targets:
        base = target.baseline
        if base is None:
            continue
        name = ctx.plan.indicator(target.indicator)
        if base.vintage is not None and base.vintage != base.year:
            evidence = base.vintage_source.quote if base.vintage_source else None
            yield Finding(
                "warning",
                "baseline_vintage",
                (target.id,),
                f"{name.name_en}: the {base.year} baseline {fmt_number(base.value)} is a {base.vintage} figure",  # type: ignore[arg-type]
                f"{name.name}：{base.year}年基期值{fmt_number(base.value)}实为{base.vintage}年数据",  # type: ignore[arg-type]
                {"filed_under": base.year, "vintage": base.vintage, "value": base.value, "evidence": evidence},
                tuple(s.ref for s in (base.source, base.vintage_source) if s is not None),
            )
        elif base.year != declared and target.kind not in ("average_growth", "cumulative", "cumulative_reduction"):
            yield Finding(
                "info",
                "baseline_year",
                (target.id,),
                f"{name.name_en}: the baseline is {base.year}, not the plan's {declared}",
                f"{name.name}：基期为{base.year}年，而非方案的{declared}年",
                {"baseline_year": base.year, "plan_baseline_year": declared},
                tuple(s.ref for s in (base.source,) if s is not None),
            )


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


# One character apart counts as a variant only when the names are mostly shared:
# 区民政局 and 区财政局 differ in one of four characters and are two departments.
_VARIANT_SIMILARITY = 0.8


def rule_department_variants(ctx: Context) -> Iterator[Finding]:
    """Department names that look like variants of one another."""
    places: dict[str, list[str]] = {}
    # Each place as the document cites it (三 任务1, 附件2 序号3: the plan's own list references).
    for task in ctx.plan.tasks:
        for name in (*task.lead, *task.support):
            places.setdefault(name, []).append(item_ref(ctx.plan, "tasks", task.number))
    for which, items in (("policies", ctx.plan.policies), ("reforms", ctx.plan.reforms)):
        for item in items:
            for name in item.lead:
                places.setdefault(name, []).append(item_ref(ctx.plan, which, item.number))
    names = sorted(places)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if Counter(a) == Counter(b):
                how, how_zh = "the same characters in another order", "字相同而顺序不同"
            elif _edit_distance(a, b) == 1 and 1 - 1 / max(len(a), len(b)) >= _VARIANT_SIMILARITY:
                how, how_zh = "one character apart", "仅一字之差"
            else:
                continue
            yield Finding(
                "warning",
                "department_variants",
                (a, b),
                f"{a} ({len(places[a])}×) and {b} ({len(places[b])}×): {how}; probably one department",
                f"{a}（{len(places[a])}处）与{b}（{len(places[b])}处）{how_zh}，可能是同一单位",
                {"names": [a, b], "places": {a: places[a], b: places[b]}},
                tuple(places[a] + places[b]),
            )


def rule_met_at_baseline(ctx: Context) -> Iterator[Finding]:
    """Targets already met at the baseline, or equal to it on an increase or decrease target."""
    for target in ctx.plan.targets:
        base = target.baseline
        goal, b = _number(target.value), _number(base.value) if base else None
        if goal is None or b is None or target.kind not in ("level", "share"):
            continue
        ind = ctx.plan.indicator(target.indicator)
        if goal == b and target.direction != "maintain":
            yield Finding(
                "warning",
                "target_equals_baseline",
                (target.id,),
                f"{ind.name_en}: the target {fmt_number(goal)} equals the baseline on a target to {target.direction}",
                f"{ind.name}：目标值{fmt_number(goal)}与基期值相同，却要求{'提高' if target.direction == 'increase' else '降低'}",
                {"baseline": b, "target": goal, "direction": target.direction},
                _sources(target),
            )
        elif (target.direction == "increase" and b > goal) or (target.direction == "decrease" and b < goal):
            yield Finding(
                "warning",
                "met_at_baseline",
                (target.id,),
                f"{ind.name_en}: the baseline {fmt_number(b)} already meets the target {fmt_number(goal)}",
                f"{ind.name}：基期值{fmt_number(b)}已达到目标{fmt_number(goal)}",
                {"baseline": b, "target": goal},
                _sources(target),
            )
    for target in ctx.plan.targets:
        if target.kind != "average_growth" or target.baseline is None:
            continue
        goal, b = _number(target.value), _number(target.baseline.value)
        if goal is not None and b is not None and target.direction == "increase" and goal < b:
            ind = ctx.plan.indicator(target.indicator)
            yield Finding(
                "info",
                "rate_below_baseline",
                (target.id,),
                f"{ind.name_en}: the target rate {fmt_number(goal)} % is below the {target.baseline.year} rate "
                f"{fmt_number(b)} %: the plan expects growth to slow",
                f"{ind.name}：目标增速{fmt_number(goal)}%低于{target.baseline.year}年的{fmt_number(b)}%，方案预期增速放缓",
                {"baseline_rate_pct": b, "target_rate_pct": goal},
                _sources(target),
            )


def rule_share_over_100(ctx: Context) -> Iterator[Finding]:
    """A share whose projection at the observed pace passes 100 %: that pace cannot continue."""
    for target in ctx.plan.targets:
        if target.kind != "share":
            continue
        ind = ctx.plan.indicator(target.indicator)
        a = assess(target, [o for o in ctx.observations if o.indicator == ind.id], thresholds=ctx.plan.meta.thresholds)
        if a.projected is not None and a.projected > 100:
            yield Finding(
                "warning",
                "share_over_100",
                (target.id,),
                f"{ind.name_en}: at the observed pace the share reaches {fmt_number(a.projected)} % by {target.year}",
                f"{ind.name}：按实际速度{target.year}年将达{fmt_number(a.projected)}%，超过100%",
                {"projected": a.projected, "target_year": target.year},
                _sources(target),
            )


def rule_level_rate_series(ctx: Context) -> Iterator[Finding]:
    """A level series and a growth-rate series of one quantity that disagree beyond rounding."""
    plan = ctx.plan
    for rate_ind in plan.indicators:
        if rate_ind.rate_of is None:
            continue
        level_ind = plan.indicator(rate_ind.rate_of)
        levels: dict[int, float] = {}
        for t in plan.targets:
            if t.indicator == level_ind.id and t.baseline is not None and _number(t.baseline.value) is not None:
                levels[t.baseline.year] = float(t.baseline.value)  # type: ignore[arg-type]
        for p in ctx.series(level_ind.id):
            if p.period.is_year and _number(p.value) is not None:
                levels[p.period.year] = float(p.value)
        for p in ctx.series(rate_ind.id):
            year = p.period.year
            rate = _number(p.value)
            if not p.period.is_year or rate is None or year not in levels or year - 1 not in levels:
                continue
            now, before = levels[year], levels[year - 1]
            if before <= 0 or now <= 0:
                continue
            # Each figure may be off by half a unit in its last digit: the implied rate has a range.
            e_now, e_before = 0.5 * 10 ** -decimals(now), 0.5 * 10 ** -decimals(before)
            low = ((now - e_now) / (before + e_before) - 1) * 100
            high = ((now + e_now) / (before - e_before) - 1) * 100
            e_rate = 0.5 * 10 ** -decimals(rate)
            if rate + e_rate >= low and rate - e_rate <= high:
                continue
            implied = (now / before - 1) * 100
            yield Finding(
                "warning",
                "level_rate_mismatch",
                (level_ind.id, rate_ind.id),
                f"{level_ind.name_en}: {fmt_number(before)} ({year - 1}) → {fmt_number(now)} ({year}) is "
                f"{fmt_number(implied)} % growth, but {rate_ind.name_en} for {year} is {fmt_number(rate)} %",
                f"{level_ind.name}：{year - 1}年{fmt_number(before)}→{year}年{fmt_number(now)}，增长{fmt_number(implied)}%，"
                f"而{rate_ind.name}{year}年为{fmt_number(rate)}%",
                {
                    "year": year,
                    "level_before": before,
                    "level_now": now,
                    "implied_rate_pct": implied,
                    "stated_rate_pct": rate,
                    "implied_range_pct": [low, high],
                },
                (),
            )


def rule_stated_figures(ctx: Context) -> Iterator[Finding]:
    """A quantity the document states in several places, outside any target, with figures that differ.

    No status rests on such a figure, but a reader of the plan meets both: the
    document disagrees with itself (城乡融合发展先行区 3.5 and 3 平方公里).
    """
    for ind in ctx.plan.indicators:
        stated = [s for s in ind.statements if _number(s.value) is not None]
        if len({float(s.value) for s in stated}) < 2:  # type: ignore[arg-type]
            continue
        unit = ind.unit
        said = "; ".join(f"{s.source.ref} gives {fmt_number(s.value)} {unit}".rstrip() for s in stated)  # type: ignore[arg-type]
        said_zh = "，".join(f"{s.source.ref}为{fmt_number(s.value)}{unit}" for s in stated)  # type: ignore[arg-type]
        yield Finding(
            "warning",
            "stated_figures_differ",
            (ind.id,),
            f"{ind.name_en}: {said} (not a target: no status rests on it)",
            f"{ind.name}：{said_zh}（非目标数据，不影响任何目标的状态）",
            {"values": [s.value for s in stated], "quotes": [s.source.quote for s in stated], "unit": unit},
            tuple(s.source.ref for s in stated),
        )


def rule_unowned_targets(ctx: Context) -> Iterator[Finding]:
    """Targets that no task, policy or reform carries: nobody is named responsible."""
    carried = {t for task in ctx.plan.tasks for t in task.targets}
    carried |= {t for item in (*ctx.plan.policies, *ctx.plan.reforms) for t in item.targets}
    if not ctx.plan.tasks:
        return
    for target in ctx.plan.targets:
        if target.id in carried:
            continue
        ind: Indicator = ctx.plan.indicator(target.indicator)
        yield Finding(
            "info",
            "unowned_target",
            (target.id,),
            f"{ind.name_en}: no task, policy or reform carries this target, so no department is named for it",
            f"{ind.name}：没有任务、政策或改革承接该目标，未明确责任单位",
            {},
            (target.source.ref,),
        )


RULES: list[Callable[[Context], Iterable[Finding]]] = [
    rule_rate_level,
    rule_conflicting_statements,
    rule_baseline_vintage,
    rule_department_variants,
    rule_met_at_baseline,
    rule_share_over_100,
    rule_level_rate_series,
    rule_stated_figures,
    rule_unowned_targets,
]


def audit(plan: Plan, observations: list[Observation]) -> list[Finding]:
    """Every finding, most severe first, in rule order within a severity."""
    ctx = Context(plan, observations)
    findings = [f for rule in RULES for f in rule(ctx)]
    return sorted(findings, key=lambda f: -SEVERITY_RANK[f.severity])


def finding_json(f: Finding) -> dict[str, Any]:
    return {
        "severity": f.severity,
        "rule": f.rule,
        "subjects": list(f.subjects),
        "message": f.message,
        "message_zh": f.message_zh,
        "figures": f.figures,
        "sources": list(f.sources),
    }


def _subject_name(plan: Plan, subject: str, lang: str) -> str:
    """A finding's subject as people name it: an indicator's or a target's indicator's name; a department as is."""
    if subject in plan.indicators_by_id:
        return indicator_name(plan.indicator(subject), lang)
    if subject in plan.targets_by_id:
        return indicator_name(plan.indicator(plan.targets_by_id[subject].indicator), lang)
    return subject


def _grouped(findings: list[Finding]) -> list[list[Finding]]:
    """Findings of one rule together, in the order the first of each came."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        groups.setdefault((f.severity, f.rule), []).append(f)
    return list(groups.values())


def _group_cells(plan: Plan, group: list[Finding], lang: str) -> dict[str, str]:
    """One line for a rule: its finding in full when it has one, else the rule and every target it concerns."""
    first = group[0]
    subjects = list(dict.fromkeys(s for f in group for s in f.subjects))
    if len(group) == 1:
        message = first.message_zh if lang == "zh" else first.message
    else:
        names = list(dict.fromkeys(_subject_name(plan, s, lang) for f in group for s in f.subjects))
        message = tr(
            "audit.group", lang, rule=tr(f"audit.rule.{first.rule}", lang), n=len(group), names=join(names, lang)
        )
    return {
        "severity": tr(f"severity.{first.severity}", lang),
        "subjects": join(subjects, lang),
        "message": message,
        "sources": "\n".join(dict.fromkeys(src for f in group for src in f.sources)),  # a place a line
    }


def audit_view(plan: Plan, findings: list[Finding], lang: str) -> View:
    """The findings: JSON, CSV and Markdown one per finding; a terminal table one line per rule."""
    zh = lang == "zh"
    counts = Counter(f.severity for f in findings)
    data = {
        "schema_version": 1,
        "plan": plan.meta.id,
        "findings": [finding_json(f) for f in findings],
        "summary": {s: counts.get(s, 0) for s in SEVERITIES},
    }
    rows = [
        {
            **finding_json(f),
            "subjects": "、".join(f.subjects),
            "sources": "; ".join(f.sources),
            "source_list": f.sources,
        }
        for f in findings
    ]
    cells = [
        {
            "severity": tr(f"severity.{f.severity}", lang),
            "rule": f.rule,
            "subjects": join(list(f.subjects), lang),
            "message": f.message_zh if zh else f.message,
            "sources": "\n".join(dict.fromkeys(f.sources)),  # one place a line: a reference never splits
        }
        for f in findings
    ]
    severity = Column("severity", "级别" if zh else "Severity", no_wrap=True)
    message = Column("message", "发现" if zh else "Finding", min_width=30)
    # ids read whole or not at all: they drop before they would break mid-word
    subjects = Column("subjects", "涉及" if zh else "Involves", drop=3, no_wrap=True)
    sources = Column("sources", "出处" if zh else "Sources", drop=1, min_width=16)
    footer = ("  " if zh else " · ").join(f"{tr('severity.' + s, lang)} {counts.get(s, 0)}" for s in SEVERITIES)
    title = ("方案自洽性检查" if zh else "Plan audit") + f" · {plan_title(plan, lang)}"
    groups = _grouped(findings)
    table = View(
        data=data,
        columns=[severity, message, subjects, sources],
        rows=rows,
        cells=[_group_cells(plan, g, lang) for g in groups],
        styles=[{"severity": f"severity.{g[0].severity}"} for g in groups],
        title=title,
        footer=footer,
        lang=lang,
    )
    return View(
        data=data,
        columns=[severity, Column("rule", "规则" if zh else "Rule", drop=2, no_wrap=True), message, subjects, sources],
        rows=rows,
        cells=cells,
        styles=[{"severity": f"severity.{f.severity}"} for f in findings],
        title=title,
        footer=footer,
        csv_columns=["severity", "rule", "subjects", "message", "message_zh", "sources"],
        csv_words={"rule": {f.rule: tr(f"audit.rule.{f.rule}", lang) for f in findings}},
        table=table,
        lang=lang,
    )
