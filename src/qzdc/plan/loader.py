"""Loading a plan directory into a checked `Plan`, with every error in one pass.

A plan is a directory holding `plan.yaml` and `indicators.yaml`, and optionally
`tasks.yaml` and `observations.yaml`. The built-in plan ships inside the package.
Every problem found, in YAML syntax, in a file's shape or across files, comes back
at once as `Problem`s with file, line, column and field path.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
import typing
from pathlib import Path
from typing import Any

from qzdc.errors import DataError, Problem, UsageError, closest, quoted
from qzdc.i18n import language, tr
from qzdc.plan.models import (
    Flag,
    Indicator,
    IndicatorsFile,
    ObservationsFile,
    Plan,
    PlanFile,
    Target,
    TasksFile,
)

# Validation (pydantic, the YAML reader, the cross-file checks) is imported only
# when a plan is not in the cache: a cached plan starts in a fraction of the time.
if typing.TYPE_CHECKING:
    from pydantic import TypeAdapter

    from qzdc.plan.checks import PlanFiles
    from qzdc.plan.yamlio import Loc

FILES: dict[str, tuple[str, type, bool]] = {
    # key: (file name, model, required)
    "plan": ("plan.yaml", PlanFile, True),
    "indicators": ("indicators.yaml", IndicatorsFile, True),
    "tasks": ("tasks.yaml", TasksFile, False),
    "observations": ("observations.yaml", ObservationsFile, False),
}

PLAN_ENV = "QZDC_PLAN"


def builtin_plan_dir() -> Path:
    """The plan that ships with qzdc: inside the package once installed, `data/` in a checkout."""
    packaged = Path(__file__).parents[1] / "data"
    if (packaged / "plan.yaml").is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "data"


def plan_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Which plan to use: `--plan DIR`, else `QZDC_PLAN`, else the built-in plan."""
    chosen = explicit or os.environ.get(PLAN_ENV)
    if not chosen:
        return builtin_plan_dir()
    path = Path(chosen)
    if not path.is_dir():
        where = "--plan" if explicit else PLAN_ENV
        raise UsageError(tr("plan.not_a_directory", where=where, path=path), hint=tr("plan.is_a_directory"))
    return path


@functools.cache
def _adapter(model: type) -> TypeAdapter:
    from pydantic import TypeAdapter

    return TypeAdapter(model)


# ── pydantic errors → problems with a place ──────────────────────────────────

# pydantic's error types that say what a value should have been (plan.type.* in i18n)
_TYPE_WORDS = (
    "float_type",
    "int_type",
    "string_type",
    "bool_type",
    "none_required",
    "date_type",
    "list_type",
    "dict_type",
    "dataclass_type",
)
_UNKNOWN_FIELD = ("extra_forbidden", "unexpected_keyword_argument")
# pydantic's error types for a number out of bounds and a length out of range: (i18n key, ctx field of the limit)
_BOUNDS = {
    "greater_than": ("plan.greater_than", "gt"),
    "greater_than_equal": ("plan.greater_than_equal", "ge"),
    "less_than": ("plan.less_than", "lt"),
    "less_than_equal": ("plan.less_than_equal", "le"),
}
_LENGTHS = {
    "string_too_short": ("plan.string_too_short", "min_length"),
    "string_too_long": ("plan.string_too_long", "max_length"),
    "too_short": ("plan.too_short", "min_length"),
    "too_long": ("plan.too_long", "max_length"),
}
_MISSING_FIELD = ("missing", "missing_argument")


def _data_loc(data: Any, loc: tuple) -> tuple[Loc, str]:
    from qzdc.plan.yamlio import format_loc

    """Split a pydantic loc into the part that exists in the data and a display path.

    Pydantic adds union member names (`float`, `str`) to locs; they are not in the
    data, so they are dropped. A missing or unknown field's name is kept for
    display, though it has no place of its own.
    """
    kept: list[str | int] = []
    node = data
    for part in loc:
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            kept.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and part.isidentifier():
            return tuple(kept), format_loc((*kept, part))
    return tuple(kept), format_loc(tuple(kept))


def _expected_words(kinds: list[str]) -> str:
    return tr("plan.or").join(dict.fromkeys(tr(f"plan.type.{kind}") for kind in kinds))


def _literals(err: dict) -> list[str]:
    """The values a literal allows, from pydantic's "'level', 'share' or 'cumulative'"."""
    expected = err.get("ctx", {}).get("expected", "")
    return [w.strip(" '") for w in expected.replace(" or ", ",").split(",") if w.strip(" '")]


def _message(err: dict) -> str:
    kind = err["type"]
    value = err.get("input")
    if kind in _UNKNOWN_FIELD:
        return tr("plan.unknown_field", name=repr(str(err["loc"][-1])))
    if kind in _MISSING_FIELD:
        return tr("plan.missing_field")
    if kind in ("dataclass_type", "dict_type", "model_type"):
        # pydantic names the internal class ("an instance of TasksFile"); the user wrote YAML.
        return tr("plan.expected_mapping") + ("" if value is None else tr("plan.got", value=quoted(value)))
    if kind == "literal_error":
        if language() == "zh":
            expected = "、".join(repr(w) for w in _literals(err))
        else:
            expected = err.get("ctx", {}).get("expected", "")
        return tr("plan.not_allowed", value=quoted(value), expected=expected)
    if kind in _TYPE_WORDS and value is not None and not isinstance(value, dict | list):
        return tr("plan.expected", words=_expected_words([kind]), value=quoted(value))
    ctx = err.get("ctx", {})
    if kind in _BOUNDS:
        return tr(_BOUNDS[kind][0], limit=ctx.get(_BOUNDS[kind][1]), value=quoted(value))
    if kind in _LENGTHS:
        length = len(value) if isinstance(value, str | list | dict) else ctx.get("actual_length")
        return tr(_LENGTHS[kind][0], limit=ctx.get(_LENGTHS[kind][1]), length=length)
    if kind == "string_pattern_mismatch":
        return tr("plan.pattern", value=quoted(value), pattern=ctx.get("pattern"))
    # pydantic's own English for what qzdc has no words of its own for (none the plan models are known to raise)
    if value is None or isinstance(value, dict | list):
        return err["msg"]
    return f"{err['msg']} (got {quoted(value)})"


def _dataclass_in(hint: Any) -> type | None:
    """The dataclass inside a type hint such as `list[Target] | None`, if any."""
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return hint
    for arg in typing.get_args(hint):
        found = _dataclass_in(arg)
        if found is not None:
            return found
    return None


def _fields_at(model: type, loc: Loc) -> list[str]:
    """The field names allowed in the mapping at `loc`, for a "did you mean" hint."""
    current: type | None = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        hints = typing.get_type_hints(current)
        current = _dataclass_in(hints.get(part))
    if current is None:
        return []
    # A target's `indicator` is filled in when the plan is assembled; elsewhere
    # (an observation) it is a field the user writes.
    internal = {"indicator"} if current is Target else set()
    return [f.name for f in dataclasses.fields(current) if f.init and f.name not in internal]


def _validation_problems(err: Any, data: Any, text: str, shown: str, model: type) -> list[Problem]:
    """Turn a pydantic ValidationError into problems with file, line and column."""
    from qzdc.plan.yamlio import Positions, format_loc

    positions = Positions(text)
    grouped: dict[str, tuple[Loc, list[dict]]] = {}
    for e in err.errors(include_url=False):
        loc, display = _data_loc(data, e["loc"])
        grouped.setdefault(display, (loc, []))[1].append(e)
    problems: list[Problem] = []
    missing: set[str] = set()  # display paths of required fields not given
    misspelt: set[str] = set()  # display paths an unknown field was probably meant as
    for display, (loc, errs) in grouped.items():
        first = errs[0]
        if first["type"] in _MISSING_FIELD:
            missing.add(display)
        hint = None
        if len(errs) > 1 and all(e["type"] in _TYPE_WORDS for e in errs):
            # one value that matched no member of a union: say what it could be
            message = tr(
                "plan.expected", words=_expected_words([e["type"] for e in errs]), value=quoted(first.get("input"))
            )
        else:
            message = _message(first)
        line, col = positions.find(loc)
        if first["type"] in _UNKNOWN_FIELD:
            name = str(first["loc"][-1])
            parent = loc[:-1] if loc and loc[-1] == name else loc
            allowed = _fields_at(model, parent)
            guess = closest(name, allowed)
            hint = (
                tr("plan.did_you_mean", guess=guess)
                if guess
                else (tr("plan.allowed", fields=", ".join(allowed)) if allowed else None)
            )
            line, col = positions.find((*parent, name), key=True)
            if guess:
                misspelt.add(format_loc((*parent, guess)))
        elif first["type"] == "literal_error":
            guess = closest(str(first.get("input")), _literals(first))
            hint = tr("plan.did_you_mean", guess=repr(guess)) if guess else None
        problems.append(Problem(message, shown, line, col, field=display or None, hint=hint))
    # A misspelt required field is one mistake: "titel: unknown field (did you mean
    # title?)" says it all, without a second "title: required field is missing".
    return [p for p in problems if not (p.field in missing and p.field in misspelt)]


# ── assembly ─────────────────────────────────────────────────────────────────


def default_path(indicator: Indicator, target: Target | None = None) -> str:
    """Linear for percentages and ratios, geometric (compound growth) otherwise.

    A change from the baseline follows its own form: 〔x〕 (so many units more) is
    linear, +x% geometric.
    """
    if target is not None and target.change is not None:
        return "linear"
    if target is not None and target.change_pct is not None:
        return "geometric"
    return "linear" if indicator.unit in ("%", "", "倍") else "geometric"


def _resolve_target(target: Target, indicator: Indicator, meta: PlanFile) -> Target:
    update: dict[str, Any] = {"indicator": indicator.id, "flow": indicator.flow}
    if target.year is None:
        update["year"] = meta.target_year
    if target.start_year is None:
        update["start_year"] = meta.period.start
    if target.path is None and target.kind in ("level", "share"):
        update["path"] = default_path(indicator, target)
    changed = target.changed_value()
    if changed is not None:
        update["value"] = changed
    return dataclasses.replace(target, **update)


# The flag `pilot: true` stands for where a plan declares none of its own (a plan
# written before flags were the plan's): generic words, never one plan's.
_PILOT = Flag(id="pilot", name="试点指标", name_en="pilot indicator")


def _resolve_flags(meta: PlanFile, indicators: list[Indicator]) -> tuple[PlanFile, list[Indicator]]:
    """`pilot: true` and `flags: [pilot]` are one thing; an undeclared `pilot` gets generic words."""
    resolved = []
    for ind in indicators:
        flags = list(dict.fromkeys([*ind.flags, *(["pilot"] if ind.pilot else [])]))
        resolved.append(dataclasses.replace(ind, flags=flags, pilot="pilot" in flags))
    declared = {f.id for f in meta.flags}
    if "pilot" not in declared and any(ind.pilot for ind in resolved):
        meta = dataclasses.replace(meta, flags=[*meta.flags, _PILOT])
    return meta, resolved


def assemble(files: PlanFiles, source_dir: str) -> Plan:
    meta, indicators = _resolve_flags(files.plan, files.indicators.indicators)
    targets = [_resolve_target(t, ind, meta) for ind in indicators for t in ind.targets]
    return Plan(
        meta=meta,
        indicators=indicators,
        targets=targets,
        observations=files.observations.observations,
        task_groups=files.tasks.task_groups,
        tasks=files.tasks.tasks,
        policies=files.tasks.policies,
        reforms=files.tasks.reforms,
        source_dir=source_dir,
    )


def display_path(path: Path) -> str:
    """A path as the user will recognise it: relative below the working directory."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


# The largest plan file qzdc reads (README: Limits): a national plan's indicators.yaml is
# well under 1 MB; /dev/zero or a runaway file is refused without filling memory.
PLAN_FILE_LIMIT = 10_000_000


def _read(path: Path) -> bytes | None:
    from qzdc.fsutil import read_regular

    shown = display_path(path)
    try:
        return read_regular(path, limit=PLAN_FILE_LIMIT, what="plan", shown=shown)
    except IsADirectoryError:
        raise DataError(tr("fs.cannot_read", path=shown, reason=tr("os.EISDIR"))) from None


def load_plan(directory: str | os.PathLike[str] | None = None) -> Plan:
    """Load and check the plan in `directory` (see `plan_dir`); DataError lists every problem.

    A plan whose files are byte for byte the same as one read before comes from
    the cache (`qzdc.plan.cache`) without being parsed or validated again.
    """
    from qzdc.plan import cache

    base = plan_dir(directory)
    contents = {key: _read(base / name) for key, (name, _, _) in FILES.items()}
    cache_key = cache.key([(FILES[k][0], v) for k, v in contents.items()])
    plan = cache.get(cache_key)
    if isinstance(plan, Plan):
        plan.source_dir = str(base)
        return plan
    plan = validate_plan(base, contents)
    cache.put(cache_key, plan)
    return plan


def validate_plan(base: Path, contents: dict[str, bytes | None]) -> Plan:
    """Parse and validate the plan files' bytes; every problem at once, with its place."""
    from pydantic import ValidationError

    from qzdc.plan.checks import PlanFiles, run_checks
    from qzdc.plan.notation import read_indicators
    from qzdc.plan.yamlio import Positions, decode, format_loc, parse

    problems: list[Problem] = []
    parsed: dict[str, Any] = {}
    texts: dict[str, tuple[str, str, Any]] = {}
    for key, (name, model, required) in FILES.items():
        path = base / name
        shown = display_path(path)
        raw = contents[key]
        if raw is None:
            if required:
                problems.append(Problem(tr("plan.file_not_found"), shown, hint=tr("plan.needs_file", name=name)))
            else:
                parsed[key] = model()
            continue
        text, decode_problems = decode(raw, shown)
        data, file_problems = (None, decode_problems) if decode_problems else parse(text, shown)
        if file_problems:
            problems.extend(file_problems)
            continue
        if data is None and not required:
            parsed[key] = model()
            continue
        texts[key] = (text, shown, data)
        if key == "indicators":
            # The plan's own notations (＞6.5, 5.5以内, 〔13.5〕, 预期性) become the format's fields.
            signed = None
            if re.search(r"value:\s*[+＋]", text):
                places = Positions(text)
                signed = functools.partial(places.scalar_text, text)
            readings = read_indicators(data, signed)
            if readings:
                positions = Positions(text)
                for r in readings:
                    line, col = positions.find(r.loc)
                    problems.append(Problem(r.message, shown, line, col, field=format_loc(r.loc), hint=r.hint))
        try:
            parsed[key] = _adapter(model).validate_python(data)
        except ValidationError as err:
            problems.extend(_validation_problems(err, data, text, shown, model))
    if problems:
        raise DataError(tr("plan.problems", base=base, count=len(problems)), problems=problems)

    files = PlanFiles(**parsed)  # type: ignore[arg-type]
    findings = run_checks(files)
    if findings:
        positions: dict[str, Positions] = {}
        for f in findings:
            text, shown, _ = texts[f.file]
            if f.file not in positions:
                positions[f.file] = Positions(text)
            line, col = positions[f.file].find(f.loc)
            problems.append(Problem(f.message, shown, line, col, field=format_loc(f.loc) or None, hint=f.hint))
        raise DataError(tr("plan.problems", base=base, count=len(problems)), problems=problems)
    return assemble(files, str(base))
