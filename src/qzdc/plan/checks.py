"""The plan's cross-field and cross-file rules, each one function in one list.

Pydantic has already checked each file's shape. These rules need the whole plan:
ids unique, references that resolve, values that fit their target's kind. Each
yields `Finding`s that name the file and the data path, so the loader can report
the exact line.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from qzdc.errors import closest
from qzdc.i18n import tr
from qzdc.plan.lookup import name_key
from qzdc.plan.models import NUMERIC_KINDS, IndicatorsFile, ObservationsFile, PlanFile, Target, TasksFile
from qzdc.plan.periods import PeriodError, parse_period
from qzdc.plan.yamlio import Loc, format_loc


@dataclass(frozen=True)
class Finding:
    file: str  # the file's key: "plan", "indicators", "tasks", "observations"
    loc: Loc
    message: str
    hint: str | None = None


@dataclass(frozen=True)
class PlanFiles:
    plan: PlanFile
    indicators: IndicatorsFile
    tasks: TasksFile
    observations: ObservationsFile

    def targets(self) -> Iterator[tuple[Loc, Target, int]]:
        """Each target with its data path and the index of its indicator."""
        for i, ind in enumerate(self.indicators.indicators):
            for j, target in enumerate(ind.targets):
                yield ("indicators", i, "targets", j), target, i


def _did_you_mean(name: str, known: Iterable[str]) -> str | None:
    guess = closest(name, list(known))
    return tr("plan.did_you_mean", guess=guess) if guess else None


def check_plan_years(f: PlanFiles) -> Iterator[Finding]:
    p = f.plan
    if p.target_year <= p.baseline_year:
        yield Finding(
            "plan",
            ("target_year",),
            tr("plan.target_year_not_after", year=p.target_year, baseline=p.baseline_year),
        )
    if p.period.end < p.period.start:
        yield Finding("plan", ("period", "end"), tr("plan.period_ends_before", end=p.period.end, start=p.period.start))
    if not p.baseline_year < p.period.start <= p.target_year:
        yield Finding(
            "plan",
            ("period", "start"),
            tr("plan.period_start", baseline=p.baseline_year, year=p.target_year),
        )
    t = p.thresholds
    if not t.on_track > t.at_risk >= t.off_track:
        yield Finding("plan", ("thresholds",), tr("plan.thresholds"))
    seen: set[str] = set()
    for i, c in enumerate(p.categories):
        if c.id in seen:
            yield Finding(
                "plan", ("categories", i, "id"), tr("plan.duplicate_id", what=tr("plan.what.category"), id=repr(c.id))
            )
        seen.add(c.id)


def check_unique_ids(f: PlanFiles) -> Iterator[Finding]:
    seen: dict[str, Loc] = {}
    for i, ind in enumerate(f.indicators.indicators):
        if ind.id in seen:
            yield Finding(
                "indicators",
                ("indicators", i, "id"),
                tr("plan.duplicate_id", what=tr("plan.what.indicator"), id=repr(ind.id)),
            )
        seen.setdefault(ind.id, ("indicators", i))
    targets: set[str] = set()
    for loc, target, _ in f.targets():
        if target.id in targets:
            yield Finding(
                "indicators", (*loc, "id"), tr("plan.duplicate_id", what=tr("plan.what.target"), id=repr(target.id))
            )
        targets.add(target.id)


def check_annex_numbers(f: PlanFiles) -> Iterator[Finding]:
    rows = f.plan.annex_rows
    seen: dict[int, int] = {}
    for i, ind in enumerate(f.indicators.indicators):
        if ind.annex_no is None:
            continue
        if ind.annex_no > rows:
            yield Finding(
                "indicators",
                ("indicators", i, "annex_no"),
                tr("plan.annex_beyond", number=ind.annex_no, rows=rows),
                tr("plan.annex_beyond.hint"),
            )
        elif ind.annex_no in seen:
            yield Finding(
                "indicators",
                ("indicators", i, "annex_no"),
                tr("plan.annex_twice", number=ind.annex_no, other=f.indicators.indicators[seen[ind.annex_no]].id),
            )
        seen.setdefault(ind.annex_no, i)
    missing = [n for n in range(1, rows + 1) if n not in seen]
    if missing:
        yield Finding("indicators", ("indicators",), tr("plan.annex_missing", rows=", ".join(map(str, missing))))


def check_indicator_references(f: PlanFiles) -> Iterator[Finding]:
    categories = [c.id for c in f.plan.categories]
    ids = [i.id for i in f.indicators.indicators]
    for i, ind in enumerate(f.indicators.indicators):
        if ind.category not in categories:
            yield Finding(
                "indicators",
                ("indicators", i, "category"),
                tr("plan.unknown_category", name=repr(ind.category)),
                _did_you_mean(ind.category, categories) or tr("plan.categories_are", names=", ".join(categories)),
            )
        if ind.rate_of is not None and ind.rate_of not in ids:
            yield Finding(
                "indicators",
                ("indicators", i, "rate_of"),
                tr("plan.unknown_indicator", name=repr(ind.rate_of)),
                _did_you_mean(ind.rate_of, ids),
            )
        for k, rel in enumerate(ind.related):
            if rel not in ids:
                yield Finding(
                    "indicators",
                    ("indicators", i, "related", k),
                    tr("plan.unknown_indicator", name=repr(rel)),
                    _did_you_mean(rel, ids),
                )
        if ind.classes is not None and len(set(ind.classes)) != len(ind.classes):
            yield Finding("indicators", ("indicators", i, "classes"), tr("plan.class_twice"))


def _is_number(value: object) -> bool:
    return isinstance(value, float | int) and not isinstance(value, bool)


_COMPARATORS = {"increase": {">=", ">", "="}, "decrease": {"<=", "<", "="}}
# Kinds whose comparator is read with the direction; a reduction, a comparison with
# another indicator and a monitored figure have their own rules (check_target_forms).
_DIRECTED_KINDS = frozenset({"level", "share", "average_growth", "cumulative", "maintain"})


def check_target_values(f: PlanFiles) -> Iterator[Finding]:
    plan = f.plan
    # When plan.yaml's own years are wrong, check_plan_years reports that once; a
    # target that only inherits those years is not reported again (else one typo
    # in target_year would bring one error per target).
    plan_years_ok = plan.baseline_year < plan.target_year
    for loc, t, i in f.targets():
        ind = f.indicators.indicators[i]
        year = t.year or plan.target_year
        changed = t.change is not None or t.change_pct is not None
        if t.kind in NUMERIC_KINDS:
            if not changed and not _is_number(t.value):
                yield Finding(
                    "indicators", (*loc, "value"), tr("plan.needs_a_number", kind=t.kind, value=repr(t.value))
                )
            if t.baseline is not None and not _is_number(t.baseline.value):
                yield Finding(
                    "indicators",
                    (*loc, "baseline", "value"),
                    tr("plan.baseline_needs_a_number", kind=t.kind, value=repr(t.baseline.value)),
                )
        if t.kind == "share" or (t.kind == "maintain" and ind.unit == "%"):
            for where, value in (
                ((*loc, "value"), t.changed_value() if changed else t.value),
                ((*loc, "baseline", "value"), t.baseline and t.baseline.value),
            ):
                if _is_number(value) and not 0 <= value <= 100:
                    yield Finding("indicators", where, tr("plan.share_range", value=value))
        if t.kind == "average_growth" and _is_number(t.value) and t.value <= -100:
            yield Finding("indicators", (*loc, "value"), tr("plan.rate_above_minus_100"))
        if t.kind == "ordinal":
            if not ind.classes:
                yield Finding(
                    "indicators",
                    ("indicators", i, "classes"),
                    tr("plan.needs_classes"),
                    tr("plan.needs_classes.hint"),
                )
            else:
                for where, value in (
                    ((*loc, "value"), t.value),
                    ((*loc, "baseline", "value"), t.baseline and t.baseline.value),
                ):
                    if value is not None and value not in ind.classes:
                        yield Finding(
                            "indicators",
                            where,
                            tr("plan.not_a_class", value=repr(value), classes=", ".join(ind.classes)),
                            _did_you_mean(str(value), ind.classes),
                        )
        if t.kind == "milestone" and t.value is not None:
            yield Finding("indicators", (*loc, "value"), tr("plan.milestone_value"))
        if t.path is not None and t.kind not in ("level", "share"):
            yield Finding("indicators", (*loc, "path"), tr("plan.path_kind", kind=t.kind))
        allowed = _COMPARATORS.get(t.direction)
        if allowed and t.kind in _DIRECTED_KINDS and t.comparator not in allowed:
            yield Finding(
                "indicators",
                (*loc, "comparator"),
                tr("plan.comparator_direction", comparator=repr(t.comparator), direction=t.direction),
                tr("plan.use_one_of", choices=", ".join(sorted(allowed))),
            )
        if t.baseline is not None and t.baseline.year >= year and (t.year is not None or plan_years_ok):
            yield Finding(
                "indicators",
                (*loc, "baseline", "year"),
                tr("plan.baseline_not_before", baseline=t.baseline.year, year=year),
            )
        if t.year is not None and t.year <= plan.baseline_year:
            yield Finding(
                "indicators",
                (*loc, "year"),
                tr("plan.target_not_after", year=t.year, baseline=plan.baseline_year),
            )
        for internal in ("indicator", "flow"):
            if getattr(t, internal):
                yield Finding(
                    "indicators",
                    (*loc, internal),
                    tr("plan.filled_in", field=repr(internal)),
                    tr("plan.remove_flow" if internal == "flow" else "plan.remove_it"),
                )
        if t.profile is not None:
            steps = t.profile
            if len(steps) not in (4, 12):
                yield Finding("indicators", (*loc, "profile"), tr("plan.profile_length"))
            elif any(b < a for a, b in itertools.pairwise(steps)) or steps[0] < 0 or steps[-1] != 100:
                yield Finding(
                    "indicators",
                    (*loc, "profile"),
                    tr("plan.profile_shape"),
                )
        start = t.start_year or plan.period.start
        # An inherited start only runs past the year when that year is already reported above.
        if t.start_year is not None and start > year:
            yield Finding("indicators", (*loc, "start_year"), tr("plan.starts_after", start=start, year=year))


def check_plan_words(f: PlanFiles) -> Iterator[Finding]:
    """Flags are declared once and used by their ids; `pilot` alone may go undeclared (it has generic words)."""
    declared: set[str] = set()
    for i, flag in enumerate(f.plan.flags):
        if flag.id in declared:
            yield Finding(
                "plan", ("flags", i, "id"), tr("plan.duplicate_id", what=tr("plan.what.flag"), id=repr(flag.id))
            )
        declared.add(flag.id)
    for i, ind in enumerate(f.indicators.indicators):
        for k, flag_id in enumerate(ind.flags):
            if flag_id not in declared and flag_id != "pilot":
                yield Finding(
                    "indicators",
                    ("indicators", i, "flags", k),
                    tr("plan.unknown_flag", name=repr(flag_id)),
                    _did_you_mean(flag_id, declared) or tr("plan.declare_flag", example="flags: [{id: …, name: …}]"),
                )


def check_target_forms(f: PlanFiles) -> Iterator[Finding]:
    """The wider vocabulary (methodology.md): changes from the baseline, compounded
    reductions, targets relative to another indicator, monitored indicators, and
    the fields that belong to one kind only."""
    ids = [i.id for i in f.indicators.indicators]
    for loc, t, i in f.targets():
        own = f.indicators.indicators[i].id
        if t.change is not None or t.change_pct is not None:
            field = "change" if t.change is not None else "change_pct"
            if t.kind not in ("level", "share"):
                yield Finding(
                    "indicators",
                    (*loc, field),
                    tr("plan.change_kind", kind=t.kind),
                )
            elif t.change is not None and t.change_pct is not None:
                yield Finding("indicators", (*loc, "change_pct"), tr("plan.change_both"))
            elif t.value is not None:
                yield Finding(
                    "indicators",
                    (*loc, "value"),
                    tr("plan.given_twice", value=repr(t.value), field=field, amount=getattr(t, field)),
                    tr("plan.given_twice.hint"),
                )
            elif t.baseline is None or not _is_number(t.baseline.value):
                yield Finding(
                    "indicators",
                    (*loc, field),
                    tr("plan.change_needs_baseline"),
                    tr("plan.add_baseline", example="baseline: {year: …, value: …}"),
                )
            elif t.change_pct is not None and t.change_pct <= -100:
                yield Finding("indicators", (*loc, "change_pct"), tr("plan.change_above_minus_100"))
        if t.kind == "cumulative_reduction":
            if _is_number(t.value) and not 0 < t.value < 100:
                yield Finding(
                    "indicators",
                    (*loc, "value"),
                    tr("plan.reduction_range", value=t.value),
                )
            if t.direction != "decrease":
                yield Finding(
                    "indicators",
                    (*loc, "direction"),
                    tr("plan.reduction_direction", direction=t.direction),
                    tr("plan.reduction_direction.hint"),
                )
            if t.comparator not in (">=", ">", "~"):
                yield Finding(
                    "indicators",
                    (*loc, "comparator"),
                    tr("plan.reduction_comparator", comparator=repr(t.comparator)),
                    tr("plan.reduction_comparator.hint"),
                )
        if t.kind == "relative":
            if t.relative_to is None:
                yield Finding(
                    "indicators",
                    loc,
                    tr("plan.relative_needs"),
                    tr("plan.relative_needs.hint", example="relative_to: gdp_growth"),
                )
            elif t.relative_to == own:
                yield Finding("indicators", (*loc, "relative_to"), tr("plan.relative_own"))
            elif t.relative_to not in ids:
                yield Finding(
                    "indicators",
                    (*loc, "relative_to"),
                    tr("plan.unknown_indicator", name=repr(t.relative_to)),
                    _did_you_mean(t.relative_to, ids),
                )
        elif t.relative_to is not None:
            yield Finding("indicators", (*loc, "relative_to"), tr("plan.relative_to_kind", kind=t.kind))
        if t.tolerance is not None and not (t.kind == "relative" and t.comparator in ("~", "=")):
            yield Finding(
                "indicators",
                (*loc, "tolerance"),
                tr("plan.tolerance"),
            )
        if t.kind in ("relative", "monitored") and t.value is not None:
            yield Finding(
                "indicators",
                (*loc, "value"),
                tr("plan.no_own_value", kind=t.kind),
                tr("plan.no_own_value.monitored" if t.kind == "monitored" else "plan.no_own_value.relative"),
            )
        if t.judged_on != "every_year" and t.kind not in ("maintain", "ordinal"):
            yield Finding("indicators", (*loc, "judged_on"), tr("plan.judged_on_kind", kind=t.kind))


def check_observations(f: PlanFiles) -> Iterator[Finding]:
    indicators = {i.id: i for i in f.indicators.indicators}
    kinds = {i.id: (i.targets[0].kind if i.targets else None) for i in f.indicators.indicators}
    seen: set[tuple[str, str]] = set()
    for n, obs in enumerate(f.observations.observations):
        loc = ("observations", n)
        ind = indicators.get(obs.indicator)
        if ind is None:
            yield Finding(
                "observations",
                (*loc, "indicator"),
                tr("plan.unknown_indicator", name=repr(obs.indicator)),
                _did_you_mean(obs.indicator, indicators),
            )
            continue
        try:
            period = parse_period(obs.period)
        except PeriodError as err:
            yield Finding("observations", (*loc, "period"), str(err))
            continue
        if period.year <= f.plan.baseline_year - 10:
            yield Finding(
                "observations", (*loc, "period"), tr("plan.long_before", period=period, baseline=f.plan.baseline_year)
            )
        key = (obs.indicator, str(period))
        if key in seen:
            yield Finding(
                "observations", (*loc, "period"), tr("plan.second_figure", indicator=obs.indicator, period=period)
            )
        seen.add(key)
        kind = kinds[obs.indicator]
        if kind in NUMERIC_KINDS or kind in ("relative", "monitored") or kind is None:
            if not _is_number(obs.value):
                yield Finding(
                    "observations",
                    (*loc, "value"),
                    tr("plan.takes_a_number", indicator=obs.indicator, value=repr(obs.value)),
                )
        elif kind == "ordinal" and obs.value not in (ind.classes or []):
            yield Finding(
                "observations",
                (*loc, "value"),
                tr("plan.not_a_class", value=repr(obs.value), classes=", ".join(ind.classes or [])),
            )


def check_tasks(f: PlanFiles) -> Iterator[Finding]:
    groups = [g.id for g in f.tasks.task_groups]
    targets = [t.id for _, t, _ in f.targets()]
    for key in ("task_groups", "tasks", "policies", "reforms"):
        items = getattr(f.tasks, key)
        nos: set[int] = set()
        ids: set[str] = set()
        for i, item in enumerate(items):
            if item.number in nos:
                yield Finding("tasks", (key, i, "number"), tr("plan.number_twice", number=item.number, key=key))
            nos.add(item.number)
            item_id = getattr(item, "id", None)
            if item_id is not None:
                if item_id in ids:
                    yield Finding("tasks", (key, i, "id"), tr("plan.id_twice", id=repr(item_id), key=key))
                ids.add(item_id)
            for k, target in enumerate(getattr(item, "targets", [])):
                if target not in targets:
                    yield Finding(
                        "tasks",
                        (key, i, "targets", k),
                        tr("plan.unknown_target", name=repr(target)),
                        _did_you_mean(target, targets),
                    )
    for i, task in enumerate(f.tasks.tasks):
        if task.group not in groups:
            yield Finding(
                "tasks",
                ("tasks", i, "group"),
                tr("plan.unknown_task_group", name=repr(task.group)),
                _did_you_mean(task.group, groups),
            )


def _collisions(file: str, names: Iterable[tuple[Loc, str, object]]) -> Iterator[Finding]:
    """Names of different things that `name_key` reads as one: each after the first, with the first named."""
    first: dict[str, tuple[Loc, str, object]] = {}
    for loc, name, owner in names:
        key = name_key(name)
        seen = first.setdefault(key, (loc, name, owner))
        if seen[2] is not owner and seen[2] != owner:
            yield Finding(
                file,
                loc,
                tr("plan.same_name", name=repr(name), other=repr(seen[1]), where=format_loc(seen[0])),
                tr("plan.same_name.hint"),
            )


def check_name_collisions(f: PlanFiles) -> Iterator[Finding]:
    """Names a user types to find one thing (`qzdc record`, `show`, `--category`, `owners`) must not collide.

    Two indicators named `乡村医生执业(助理)医师比例` and `乡村医生执业（助理）医师比例`
    would take each other's figures: a name typed loosely must find one thing.
    """
    yield from _collisions(
        "indicators",
        (
            (loc, name, ind)
            for i, ind in enumerate(f.indicators.indicators)
            for loc, name in (
                (("indicators", i, "name"), ind.name),
                (("indicators", i, "name_en"), ind.name_en),
                *((("indicators", i, "aliases", k), alias) for k, alias in enumerate(ind.aliases)),
            )
        ),
    )
    # An alias is also found as an id in any case (`GDP` for gdp): it must not read as another's id.
    ids = {name_key(ind.id): (i, ind) for i, ind in enumerate(f.indicators.indicators)}
    for i, ind in enumerate(f.indicators.indicators):
        for k, alias in enumerate(ind.aliases):
            other = ids.get(name_key(alias))
            if other is not None and other[1] is not ind:
                yield Finding(
                    "indicators",
                    ("indicators", i, "aliases", k),
                    tr("plan.same_name", name=repr(alias), other=repr(other[1].id), where=f"indicators[{other[0]}].id"),
                    tr("plan.alias_is_an_id.hint"),
                )
    yield from _collisions(
        "plan",
        (
            (("categories", i, key), getattr(c, key), c)
            for i, c in enumerate(f.plan.categories)
            for key in ("id", "name", "name_en")
        ),
    )
    departments: list[tuple[Loc, str, object]] = []
    for key in ("tasks", "policies", "reforms"):
        for i, item in enumerate(getattr(f.tasks, key)):
            for role in ("lead", "support"):
                for k, name in enumerate(getattr(item, role, [])):
                    # A department is its text: the same text in two places is one department.
                    departments.append(((key, i, role, k), name, name))
    yield from _collisions("tasks", departments)


CHECKS: list[Callable[[PlanFiles], Iterable[Finding]]] = [
    check_plan_years,
    check_unique_ids,
    check_annex_numbers,
    check_indicator_references,
    check_target_values,
    check_target_forms,
    check_plan_words,
    check_observations,
    check_tasks,
    check_name_collisions,
]


def run_checks(files: PlanFiles) -> list[Finding]:
    return [finding for check in CHECKS for finding in check(files)]
