"""Actuals: the figures analysts record, kept in a YAML file a person can read and edit.

The plan reports a few figures of its own (`observations.yaml`); everything that
arrives later, monthly, quarterly and at year end (月调度、季研判、年底总评), is
recorded here by `qzdc record` and `qzdc import`, and read by `status`, `show`
and `history`.

Which file: `--actuals FILE`, else `$QZDC_ACTUALS`, else `actuals.yaml` in the
working directory. A missing file simply holds no figures.

The file format::

    # comments a person wrote stay
    actuals:
      - indicator: gdp                # the indicator's id
        period: 2024                  # 2024, 2025-Q3, 2025-H1 or 2025-09 (year to date)
        value: 81.2                   # a number, a class (III, 劣V), done / not done or a date
        source: 区统计局快报           # optional: where the figure comes from
        note: 快报数，待年报修订        # optional
        recorded_at: "2026-11-29T08:30:00+08:00"   # when it was entered (qzdc fills it in)

Revisions: a revised figure is a new entry for the same indicator and period,
appended after the first. The entry that comes last in the file counts; the
earlier ones stay as history (`qzdc history`) and are never erased by qzdc.

Values, by the kind of the indicator's first target (an indicator without a
target takes numbers):

- numbers: finite (no NaN or infinity). A growth rate (an average-growth
  indicator, or one that is the rate of another) must be above −100; any other
  share in % lies within 0–100; a count (家, 个, 户, 人) is a whole number, not
  negative. `63.8%` and `1,234.5` are read as people write them.
- ordinal classes: one of the indicator's classes (I … V, 劣V); `Ⅲ`, `iii` and
  `III类` are read as `III`.
- milestones: `done`, `not done` (完成 / 未完成), or the ISO date it was done,
  which must not lie after the period or in the future.

Periods: within the plan (its baseline year to its target year) and not in the
future. A period may be recorded from the first day of its last month on:
`2025-09` from 1 September 2025, `2025-Q3` from 1 September, `2025` and
`2025-H2` from 1 December. The plan's own rhythm asks for figures at month end
and for the year-end evaluation in December (年底总评), before the statistics
bureau publishes; such early figures are estimates to be revised later, which a
new entry does. A period whose last month has not begun is a typo, and is refused.

Safety of writes (`append_entries`): everything is checked before anything is
written; writers in different processes are serialised by a lock file beside the
actuals file (`actuals.yaml.lock`, `filelock`: flock on POSIX, msvcrt on Windows,
released by the operating system when a process dies, so a killed writer never
blocks the next one); under the lock the file is read again, the new entries are
appended as text at the end of the `actuals` list (`render_appended`: what the
file holds is kept byte for byte), the result is parsed back and compared with
what was meant, and only then does it replace the file in one atomic step
(`fsutil.atomic_write`). A crash at any moment leaves the old file or the new
one; a refused write leaves the file as it was.

Reading stays fast: the file is parsed with PyYAML's C loader (`qzdc.plan.yamlio`);
the lock and the writer's pure-Python YAML parser are used only when writing.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qzdc.errors import DataError, Problem, UsageError, closest
from qzdc.plan.lookup import find_indicator
from qzdc.plan.models import Indicator, Observation, Plan, Source
from qzdc.plan.periods import Period, PeriodError, parse_period, parse_period_loose

ACTUALS_ENV = "QZDC_ACTUALS"
DEFAULT_FILE = "actuals.yaml"
# Seconds a writer waits for another to finish. A write takes well under a second;
# a lock held this long is a hung process, and the user is told what to do.
LOCK_TIMEOUT = 60.0

FIELDS = ("indicator", "period", "value", "source", "note", "recorded_at")
# Units of counts of things: firms (家), projects (个), households (户), people (人).
COUNT_UNITS = frozenset({"家", "个", "户", "人"})
DONE = "done"
NOT_DONE = "not done"
_DONE_WORDS = frozenset({"done", "yes", "true", "完成", "已完成", "是"})
_NOT_DONE_WORDS = frozenset({"not done", "notdone", "not_done", "no", "false", "未完成", "否"})

_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_NOT_FINITE = frozenset({"nan", "inf", "infinity", "-inf", "+inf", "-infinity", "+infinity", "-nan", "+nan"})
_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")

NEW_FILE_HEADER = """\
# qzdc 实际数据：由 `qzdc record` 和 `qzdc import` 录入。同一指标、同一期间的后一条
# 记录修订前一条，前一条保留作为历史。本文件可以手工编辑（见 docs/actuals.md）。
# Figures recorded with `qzdc record` and `qzdc import`. A later entry for the same
# indicator and period revises an earlier one, which stays as history. You may
# edit this file by hand (docs/actuals.md).
"""

ObservedValue = int | float | str | dt.date


# ── entries and their checks ─────────────────────────────────────────────────


@dataclass(frozen=True)
class Entry:
    """One recorded figure, checked: the indicator's id, a parsed period, a typed value."""

    indicator: str
    period: Period
    value: ObservedValue
    source: str | None = None
    note: str | None = None
    recorded_at: str | None = None

    @property
    def period_value(self) -> int | str:
        """The period as the plan's files write it: 2024 (a number) or "2025-Q3"."""
        return self.period.year if self.period.is_year else str(self.period)

    def observation(self) -> Observation:
        return Observation(
            indicator=self.indicator,
            period=self.period_value,
            value=self.value,
            source=Source(ref=self.source) if self.source else None,
            note=self.note,
            origin="actuals",
            recorded_at=self.recorded_at,
        )


@dataclass(frozen=True)
class Issue:
    """What is wrong with one field of an entry. `usage` marks a mistyped command argument."""

    field: str
    message: str
    hint: str | None = None
    usage: bool = False


class ValueProblem(ValueError):
    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint


def value_kind(indicator: Indicator) -> str | None:
    """The kind of value an indicator takes: its first target's kind; None (numbers) without a target."""
    return indicator.targets[0].kind if indicator.targets else None


def is_growth_rate(indicator: Indicator) -> bool:
    """A growth rate in %: it may be negative, down to (not including) −100."""
    return value_kind(indicator) == "average_growth" or indicator.rate_of is not None


def period_opens(period: Period) -> dt.date:
    """The first day on which a figure for `period` may be recorded: the start of its last month."""
    return dt.date(period.year, period.end_month, 1)


def period_end(period: Period) -> dt.date:
    import calendar  # here, not at the top: it imports locale, slow at start-up

    return dt.date(period.year, period.end_month, calendar.monthrange(period.year, period.end_month)[1])


def _number_text(raw: str, unit: str) -> str:
    text = unicodedata.normalize("NFKC", raw).strip().replace("−", "-").replace(" ", "")
    if unit == "%" and text.endswith("%"):
        text = text[:-1]
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    return text


def _parse_number(indicator: Indicator, raw: Any) -> int | float:
    name, unit = indicator.id, indicator.unit
    wants = f"{name} takes a number" + (f" in {unit}" if unit else "")
    number: int | float
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        raise ValueProblem(f"{wants}, not {_shown_value(raw)}")
    if isinstance(raw, str):
        text = _number_text(raw, unit)
        if text.lower() in _NOT_FINITE:
            raise ValueProblem(f"{name} takes a finite number, not {raw!r}")
        if not _NUMBER.match(text):
            hint = "write the value without its unit" if unit and unit in text else None
            raise ValueProblem(f"{wants}, not {raw!r}", hint)
        number = int(text) if _INTEGER.match(text) else float(text)
    else:
        number = raw
    if isinstance(number, float):
        if not math.isfinite(number):
            raise ValueProblem(f"{name} takes a finite number, not {raw!r}")
        if number.is_integer() and abs(number) < 1e15:
            number = int(number)
    if is_growth_rate(indicator):
        if number <= -100:
            raise ValueProblem(
                f"{name} is a growth rate in %: {number} is not above −100", "a fall cannot exceed 100 %"
            )
    elif unit == "%" and not 0 <= number <= 100:
        raise ValueProblem(f"{name} is a share in %: {number} is outside 0–100")
    if unit in COUNT_UNITS:
        if number < 0:
            raise ValueProblem(f"{name} is a count of {unit}: {number} cannot be negative")
        if not isinstance(number, int):
            raise ValueProblem(f"{name} is a count of {unit}: {number} is not a whole number")
    return number


def _parse_class(indicator: Indicator, raw: Any) -> str:
    classes = indicator.classes or []
    if isinstance(raw, str):
        # NFKC turns the roman-numeral characters of Chinese documents (Ⅲ, 劣Ⅴ) into letters.
        text = unicodedata.normalize("NFKC", raw).strip().removesuffix("类").strip()
        by_fold = {unicodedata.normalize("NFKC", c).casefold(): c for c in classes}
        found = by_fold.get(text.casefold())
        if found is not None:
            return found
    raise ValueProblem(f"{indicator.id} takes a class ({', '.join(classes)}), not {_shown_value(raw)}")


def _parse_date(text: str) -> dt.date | None:
    match = _DATE.match(text)
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _parse_milestone(indicator: Indicator, raw: Any, period: Period | None, today: dt.date | None) -> str | dt.date:
    name = indicator.id
    wants = f"{name} is a milestone: write done, not done or the date it was done (YYYY-MM-DD)"
    if isinstance(raw, bool):
        return DONE if raw else NOT_DONE
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        date = raw
    elif isinstance(raw, str):
        text = " ".join(unicodedata.normalize("NFKC", raw).strip().casefold().split())
        if text in _DONE_WORDS:
            return DONE
        if text in _NOT_DONE_WORDS:
            return NOT_DONE
        parsed = _parse_date(text)
        if parsed is None:
            raise ValueProblem(f"{wants}, not {raw!r}")
        date = parsed
    else:
        raise ValueProblem(f"{wants}, not {_shown_value(raw)}")
    if today is not None and date > today:
        raise ValueProblem(
            f"{name}: the date {date.isoformat()} is in the future", "record a milestone once it is done"
        )
    if period is not None and date > period_end(period):
        raise ValueProblem(
            f"{name}: done on {date.isoformat()}, after the end of {period}",
            f"record it for the period it was done in, e.g. {date.year}",
        )
    return date


def parse_value(
    indicator: Indicator, raw: Any, *, period: Period | None = None, today: dt.date | None = None
) -> ObservedValue:
    """A value as typed or read (text, a number, a date) → the value to store; ValueProblem if wrong."""
    kind = value_kind(indicator)
    if kind == "ordinal":
        return _parse_class(indicator, raw)
    if kind == "milestone":
        return _parse_milestone(indicator, raw, period, today)
    return _parse_number(indicator, raw)


def read_period(raw: Any) -> Period:
    """A period as typed or as a spreadsheet gives it; PeriodError if it is not one.

    Beside `parse_period_loose`'s forms, a date on the first of a month is that month:
    Excel turns `2025-09` typed into a cell into the date 2025-09-01.
    """
    if isinstance(raw, Period):
        return raw
    if isinstance(raw, dt.date):
        if isinstance(raw, dt.datetime):
            raw = raw.date()
        if raw.day != 1:
            raise PeriodError(f"the date {raw.isoformat()} is not a period: write 2024, 2025-Q3 or 2025-09")
        return parse_period(f"{raw.year}-{raw.month:02d}")
    if isinstance(raw, str | int | float):
        return parse_period_loose(raw)
    raise PeriodError(f"{raw!r} is not a period")


def check_period(plan: Plan, period: Period, today: dt.date | None) -> Issue | None:
    """A well-formed period that the plan cannot hold, or that has not come yet."""
    meta = plan.meta
    if not meta.baseline_year <= period.year <= meta.target_year:
        return Issue(
            "period",
            f"{period} is outside the plan, which runs from its {meta.baseline_year} baseline to {meta.target_year}",
        )
    if today is not None and today < period_opens(period):
        return Issue(
            "period",
            f"{period} is in the future: it can be recorded from {period_opens(period).isoformat()}",
            f"today is {today.isoformat()}",
        )
    return None


def _blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _name_text(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw)


def _optional_text(raw: Any, field: str) -> tuple[str | None, Issue | None]:
    if _blank(raw):
        return None, None
    if isinstance(raw, bool | dict | list):
        hint = "quote it in the YAML file" if isinstance(raw, bool) else None
        return None, Issue(field, f"{field} must be text, not {_shown_value(raw)}", hint)
    if isinstance(raw, str):
        return raw.strip(), None
    return _name_text(raw), None


def _recorded_at(raw: Any) -> tuple[str | None, Issue | None]:
    if raw is None:
        return None, None
    if isinstance(raw, dt.datetime):
        return raw.isoformat(), None
    if isinstance(raw, str):
        try:
            dt.datetime.fromisoformat(raw.strip())
        except ValueError:
            pass
        else:
            return raw.strip(), None
    return None, Issue(
        "recorded_at", f"not a date and time: {_shown_value(raw)}", 'write it as "2026-11-29T08:30:00+08:00"'
    )


def check_entry(
    plan: Plan,
    indicator: Any,
    period: Any,
    value: Any,
    source: Any = None,
    note: Any = None,
    *,
    recorded_at: Any = None,
    today: dt.date | None = None,
) -> tuple[Entry | None, list[Issue]]:
    """Check one entry's fields as typed, imported or read from the file: (entry, []) or (None, issues)."""
    issues: list[Issue] = []
    found: Indicator | None = None
    if _blank(indicator):
        issues.append(Issue("indicator", "the indicator is missing", usage=True))
    else:
        try:
            found = find_indicator(plan, _name_text(indicator))
        except UsageError as error:
            issues.append(Issue("indicator", error.message, error.hint, usage=True))
    parsed_period: Period | None = None
    if _blank(period):
        issues.append(Issue("period", "the period is missing", usage=True))
    else:
        try:
            parsed_period = read_period(period)
        except PeriodError as error:
            issues.append(Issue("period", str(error), usage=True))
        else:
            problem = check_period(plan, parsed_period, today)
            if problem is not None:
                issues.append(problem)
    parsed_value: ObservedValue | None = None
    if _blank(value):
        issues.append(Issue("value", "the value is missing"))
    elif found is not None:
        try:
            parsed_value = parse_value(found, value, period=parsed_period, today=today)
        except ValueProblem as problem:
            issues.append(Issue("value", problem.message, problem.hint))
    source_text, issue = _optional_text(source, "source")
    if issue:
        issues.append(issue)
    note_text, issue = _optional_text(note, "note")
    if issue:
        issues.append(issue)
    stamp, issue = _recorded_at(recorded_at)
    if issue:
        issues.append(issue)
    if issues:
        return None, issues
    assert found is not None and parsed_period is not None and parsed_value is not None
    return Entry(found.id, parsed_period, parsed_value, source_text, note_text, stamp), []


def make_entry(
    plan: Plan,
    indicator: Any,
    period: Any,
    value: Any,
    source: Any = None,
    note: Any = None,
    *,
    today: dt.date | None = None,
) -> Entry:
    """`check_entry` for one figure typed on the command line: a one-line error if it is wrong.

    A mistyped indicator or period is a usage error (exit 2); a value, or a period the
    plan cannot hold, that is wrong is bad data (exit 1).
    """
    entry, issues = check_entry(plan, indicator, period, value, source, note, today=today or dt.date.today())
    if entry is not None:
        return entry
    first = next((i for i in issues if i.usage), issues[0])
    error = UsageError if first.usage else DataError
    raise error(first.message, hint=first.hint)


def _shown_value(raw: Any) -> str:
    if raw is None:
        return "nothing"
    if isinstance(raw, bool):
        return str(raw).lower()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if isinstance(raw, dict):
        return "a mapping"
    if isinstance(raw, list):
        return "a list"
    return repr(raw)


# ── where the file is, and reading it ─────────────────────────────────────────


def actuals_path(explicit: str | os.PathLike[str] | None = None, *, writing: bool = False) -> Path:
    """Which actuals file: `--actuals FILE`, else `$QZDC_ACTUALS`, else ./actuals.yaml.

    A file someone named (by --actuals or $QZDC_ACTUALS) is likely meant to exist:
    to read (the default), one that does not is noted on stderr, once, and holds no
    figures; the default ./actuals.yaml missing is the usual first run, and silent.
    To write, the file's directory must exist: a writer creates the file, never
    directories, so a mistyped path is a usage error rather than a new folder.
    """
    env = os.environ.get(ACTUALS_ENV)
    chosen = explicit or env or DEFAULT_FILE
    path = Path(chosen)
    where = "--actuals" if explicit else ACTUALS_ENV if env else "the default actuals file"
    if path.is_dir():
        raise UsageError(f"{where}: {path} is a directory", hint=f"name a file, e.g. {path / DEFAULT_FILE}")
    if writing:
        problem = missing_directory(path)
        if problem:
            raise UsageError(f"{where}: {problem}", hint="qzdc creates the actuals file, not directories")
    elif (explicit or env) and not path.exists():
        note(f"{shown_path(path)} does not exist; no actuals read")
    return path


def missing_directory(path: Path) -> str | None:
    """Why `path` cannot be created where it is (its directory is missing or is a file), or None."""
    parent = path.parent
    if parent.is_dir():
        return None
    if parent.exists():
        return f"{shown_path(parent)} is not a directory"
    return f"the directory {shown_path(parent)} does not exist"


def note(text: str) -> None:
    """A note on stderr, for the reader of the output to know; not an error."""
    import sys

    sys.stderr.write(f"qzdc: note: {text}\n")


def shown_path(path: Path) -> str:
    """A path as the user will recognise it: relative below the working directory.

    (`qzdc.plan.loader.display_path` does the same, but importing the loader brings in
    pydantic, which the fast read path avoids.)
    """
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


def _read_file(path: Path, shown: str) -> tuple[str, bool] | None:
    """(text, had a BOM), or None when there is no file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise UsageError(f"{shown} is a directory, not an actuals file") from None
    except OSError as err:
        raise DataError(f"cannot read {shown}: {err.strerror}") from None
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8-sig"), bom
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        problem = Problem(f"not UTF-8 text (byte {err.start})", shown, line, hint="save the file as UTF-8")
        raise DataError(f"cannot read {shown}", problems=[problem]) from None


def parse_entries(text: str, shown: str, plan: Plan, today: dt.date | None) -> tuple[list[Entry], list[Problem]]:
    """An actuals file's text → its entries in file order, or every problem with file, line and column."""
    # Imported here: `qzdc status` with no actuals file never loads the YAML reader.
    from qzdc.plan.yamlio import Positions, format_loc, parse

    data, problems = parse(text, shown)
    if problems:
        return [], problems
    if data is None:
        return [], []
    positions: Positions | None = None

    def place(loc: tuple[str | int, ...], *, key: bool = False) -> tuple[int | None, int | None]:
        nonlocal positions
        if positions is None:
            positions = Positions(text)
        return positions.find(loc, key=key)

    if not isinstance(data, dict):
        line, col = place(())
        return [], [Problem("an actuals file is a mapping with one key, actuals: a list of entries", shown, line, col)]
    for key in data:
        if key != "actuals":
            line, col = place((key,), key=True)
            guess = closest(str(key), ["actuals"])
            hint = "did you mean actuals?" if guess else "the file holds one key, actuals: a list of entries"
            problems.append(Problem(f"unknown key {key!r}", shown, line, col, hint=hint))
    items = data.get("actuals")
    if items is None:
        return [], problems
    if not isinstance(items, list):
        line, col = place(("actuals",))
        problems.append(Problem("actuals must be a list of entries", shown, line, col, field="actuals"))
        return [], problems
    entries: list[Entry] = []
    for n, item in enumerate(items):
        loc: tuple[str | int, ...] = ("actuals", n)
        if not isinstance(item, dict):
            line, col = place(loc)
            problems.append(
                Problem(
                    "an entry is a mapping with indicator, period and value", shown, line, col, field=format_loc(loc)
                )
            )
            continue
        unknown = [k for k in item if k not in FIELDS]
        for key in unknown:
            line, col = place((*loc, str(key)), key=True)
            guess = closest(str(key), list(FIELDS))
            hint = f"did you mean {guess}?" if guess else f"an entry has {', '.join(FIELDS)}"
            problems.append(Problem(f"unknown field {key!r}", shown, line, col, field=format_loc(loc), hint=hint))
        entry, issues = check_entry(
            plan,
            item.get("indicator"),
            item.get("period"),
            item.get("value"),
            item.get("source"),
            item.get("note"),
            recorded_at=item.get("recorded_at"),
            today=today,
        )
        for issue in issues:
            line, col = place((*loc, issue.field))
            problems.append(
                Problem(issue.message, shown, line, col, field=format_loc((*loc, issue.field)), hint=issue.hint)
            )
        if entry is not None and not unknown:
            entries.append(entry)
    return entries, problems


def read_entries(path: str | os.PathLike[str], plan: Plan, *, today: dt.date | None = None) -> list[Entry]:
    """The checked entries of an actuals file in file order; [] if there is no file."""
    target = Path(path)
    shown = shown_path(target)
    read = _read_file(target, shown)
    if read is None:
        return []
    entries, problems = parse_entries(read[0], shown, plan, today or dt.date.today())
    if problems:
        raise DataError(f"{shown} has {len(problems)} problem(s)", problems=problems)
    return entries


def read_actuals(path: str | os.PathLike[str], plan: Plan, *, today: dt.date | None = None) -> list[Observation]:
    """The figures in an actuals file as observations (origin "actuals"), in file order.

    Later entries for the same indicator and period come later, so the engine, which
    lets later observations supersede earlier ones, counts the latest revision.
    """
    return [entry.observation() for entry in read_entries(path, plan, today=today)]


def all_observations(plan: Plan, actuals: Iterable[Observation]) -> list[Observation]:
    """The plan's own figures, then the user's: a user's value supersedes the plan's for its period."""
    return [*plan.observations, *actuals]


# ── writing ──────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Appended:
    """What a write did: the entries written, and those the file held before (read under the lock)."""

    entries: list[Entry]
    before: list[Entry]


def _fields(item: Entry | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(item, Entry):
        return {
            "indicator": item.indicator,
            "period": item.period,
            "value": item.value,
            "source": item.source,
            "note": item.note,
            "recorded_at": item.recorded_at,
        }
    unknown = [k for k in item if k not in FIELDS]
    if unknown:
        raise ValueError(f"unknown entry fields: {', '.join(map(str, unknown))}")
    return {k: item.get(k) for k in FIELDS}


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def append_entries(
    path: str | os.PathLike[str],
    plan: Plan,
    entries: Sequence[Entry | Mapping[str, Any]],
    *,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Appended:
    """Check `entries`, then append them to the actuals file safely (see the module docstring).

    Entries without `recorded_at` get the current time. Raises DataError (with every
    problem) and writes nothing if any entry, or the file as it stands, is wrong.
    """
    target = Path(path)
    shown = shown_path(target)
    moment = now or dt.datetime.now().astimezone()
    day = today or moment.date()
    stamp = moment.isoformat(timespec="seconds")
    checked: list[Entry] = []
    problems: list[Problem] = []
    for n, item in enumerate(entries):
        fields = _fields(item)
        fields["recorded_at"] = fields["recorded_at"] or stamp
        entry, issues = check_entry(plan, **fields, today=day)
        if entry is not None:
            checked.append(entry)
        for issue in issues:
            problems.append(Problem(issue.message, field=f"entries[{n}].{issue.field}", hint=issue.hint))
    if problems:
        raise DataError(f"nothing was written to {shown}: {len(problems)} problem(s)", problems=problems)
    if not checked:
        return Appended([], read_entries(target, plan, today=day))
    # Before the lock: filelock would create the lock file's missing directories.
    missing = missing_directory(target)
    if missing:
        raise UsageError(f"cannot write {shown}: {missing}", hint="qzdc creates the actuals file, not directories")

    from filelock import FileLock, Timeout

    lock = FileLock(str(lock_path(target)), timeout=LOCK_TIMEOUT)
    try:
        lock.acquire()
    except Timeout:
        raise DataError(
            f"another qzdc has been writing {shown} for {LOCK_TIMEOUT:.0f} s; nothing was written",
            hint=f"try again; if no qzdc is running, delete {shown_path(lock_path(target))}",
        ) from None
    except OSError as err:
        raise DataError(f"cannot lock {shown}: {err.strerror}; nothing was written") from None
    try:
        before = _append_locked(target, shown, plan, checked, day)
    finally:
        lock.release()
    return Appended(checked, before)


def _append_locked(path: Path, shown: str, plan: Plan, new: list[Entry], today: dt.date) -> list[Entry]:
    """Under the lock: re-read, append, check the result, replace the file. Returns the entries before."""
    from qzdc.fsutil import atomic_write

    read = _read_file(path, shown)
    text, bom = read if read is not None else ("", False)
    before, problems = parse_entries(text, shown, plan, today)
    if problems:
        raise DataError(
            f"{shown} has {len(problems)} problem(s); fix them first, nothing was written", problems=problems
        )
    import yaml

    try:
        updated = render_appended(text, new)
    except (yaml.YAMLError, ValueError) as err:  # a file the C reader took and the Python parser did not
        raise DataError(
            f"cannot update {shown}: {err}; nothing was written",
            hint="this is a bug in qzdc: please report it with the file",
        ) from None
    after, problems = parse_entries(updated, shown, plan, today)
    if problems or after != [*before, *new]:
        raise DataError(
            f"the updated {shown} did not read back as intended; nothing was written",
            problems=problems,
            hint="this is a bug in qzdc: please report it with the file",
        )
    _remove_stale_temp_files(path)
    atomic_write(path, updated, encoding="utf-8-sig" if bom else "utf-8")
    return before


def _remove_stale_temp_files(path: Path) -> None:
    """Temporary files a killed writer left beside the actuals file (`fsutil.atomic_write` names them).

    Only called under the lock: every writer holds it while its temporary file exists,
    so any such file found now belongs to a writer that died.
    """
    import contextlib

    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


class _Quoted(str):
    """Text always written in double quotes (the time of entry, so that it reads as text)."""


@functools.cache
def _dumper() -> type:
    import yaml

    class Dumper(yaml.SafeDumper):
        def choose_scalar_style(self) -> str:
            # Where a scalar needs quotes, double ones: one style throughout the file.
            style = super().choose_scalar_style()
            return '"' if style == "'" else style

        def ignore_aliases(self, data: Any) -> bool:
            return True

    Dumper.add_representer(
        _Quoted, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", str(text), style='"')
    )
    return Dumper


def _entry_data(entry: Entry) -> dict[str, Any]:
    data: dict[str, Any] = {
        "indicator": entry.indicator,
        "period": entry.period_value,
        "value": entry.value,
    }
    if entry.source:
        data["source"] = entry.source
    if entry.note:
        data["note"] = entry.note
    if entry.recorded_at:
        data["recorded_at"] = _Quoted(entry.recorded_at)
    return data


def _dump(entry: Entry, *, flow: bool) -> str:
    """One entry as YAML text by PyYAML's own emitter, which quotes whatever PyYAML would misread."""
    import yaml

    return yaml.dump(
        _entry_data(entry),
        Dumper=_dumper(),
        default_flow_style=flow,
        sort_keys=False,
        allow_unicode=True,
        width=1 << 30,
    ).rstrip("\n")


def _block_items(entries: Sequence[Entry], dash: int, key: int, nl: str) -> str:
    """`entries` as items of a block list: the dash at column `dash`, the keys at column `key`."""
    lines: list[str] = []
    for entry in entries:
        for n, line in enumerate(_dump(entry, flow=False).split("\n")):
            if n == 0:
                lines.append(" " * dash + "-" + " " * (key - dash - 1) + line)
            else:
                lines.append(" " * key + line if line else line)
    return "".join(line + nl for line in lines)


def _flow_items(entries: Sequence[Entry]) -> str:
    return ", ".join(_dump(entry, flow=True) for entry in entries)


def _node_end(events: list[Any], start: int) -> int:
    """The index of the last event of the node whose first event is `events[start]`."""
    import yaml

    depth = 0
    for index in range(start, len(events)):
        event = events[index]
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if depth == 0:
            return index
    raise ValueError("unbalanced YAML events")


def _splice(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Apply (start, end, replacement) edits to `text`; the spans do not overlap."""
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def render_appended(text: str, entries: Sequence[Entry]) -> str:
    """`text` (an actuals file, possibly empty) with `entries` appended, as text.

    What the file holds is kept byte for byte: the new entries are added at the end
    of the `actuals` list, in the layout of the list they join (a block list's
    indentation, or inside a flow list's brackets), with the file's line endings.
    Only an empty `actuals:` (nothing, `~` or `[]`) is replaced, by a block list.
    The entries themselves are written by PyYAML's emitter, whose quoting matches
    the PyYAML reader that `status` uses. The caller parses the result back.

    (A round-trip writer that re-emits the whole document, ruamel.yaml, was used
    before; it does not reproduce hand-edited files reliably: a comment before a
    flow-style entry swallowed a line break further down, and a comment between
    flow-style entries was dropped.)
    """
    import yaml

    newline = re.search(r"\r?\n", text)
    nl = newline.group() if newline else "\n"
    if not text.strip():  # a new file, or one of blank lines: qzdc's header, then the list
        return NEW_FILE_HEADER.replace("\n", nl) + "actuals:" + nl + _block_items(entries, 2, 4, nl)
    events = list(yaml.parse(text, Loader=yaml.SafeLoader))
    starts = [i for i, e in enumerate(events) if isinstance(e, yaml.DocumentStartEvent)]
    # Where the document ends: before an explicit `...`, else at the end of the text.
    end = len(text)
    gap = "" if text.endswith(("\n", "\r")) else nl
    if starts:
        document_end = events[_node_end(events, starts[0] + 1) + 1]
        if getattr(document_end, "explicit", False):
            end, gap = document_end.start_mark.index, ""
    root = events[starts[0] + 1] if starts else None

    def new_list(edits: list[tuple[int, int, str]], dash: int, key_line: str = "") -> str:
        return _splice(text, [*edits, (end, end, gap + key_line + _block_items(entries, dash, dash + 2, nl))])

    if root is None or isinstance(root, yaml.ScalarEvent):
        # No document (comments only), or an empty one (`---`, `~`): start the list.
        cut = [(root.start_mark.index, root.end_mark.index, "")] if root is not None else []
        return new_list(cut, 2, "actuals:" + nl)
    if not isinstance(root, yaml.MappingStartEvent):
        raise ValueError("the file is not a mapping")
    root_end = _node_end(events, starts[0] + 1)
    index = starts[0] + 2
    while index < root_end:
        key = events[index]
        value_at = index + 1
        value_end = _node_end(events, value_at)
        if isinstance(key, yaml.ScalarEvent) and key.value == "actuals":
            break
        index = value_end + 1
    else:
        # `{}`: the only mapping without the key that parses as an actuals file.
        closing = events[root_end].start_mark.index
        return _splice(text, [(closing, closing, f"actuals: [{_flow_items(entries)}]")])
    value = events[value_at]
    block_root = not root.flow_style
    if isinstance(value, yaml.ScalarEvent):  # `actuals:` with nothing, `~` or null
        if block_root:
            return new_list([(value.start_mark.index, value.end_mark.index, "")], key.start_mark.column + 2)
        colon = " " if ":" in text[key.end_mark.index : value.start_mark.index] else ": "
        return _splice(text, [(value.start_mark.index, value.end_mark.index, f"{colon}[{_flow_items(entries)}]")])
    if not isinstance(value, yaml.SequenceStartEvent):
        raise ValueError("actuals is not a list")
    if value_end + 1 != root_end:
        raise ValueError("actuals is not the last key")
    items = _item_starts(events, value_at, value_end)
    if value.flow_style:
        if items:
            last_end = events[value_end - 1].end_mark.index
            return _splice(text, [(last_end, last_end, ", " + _flow_items(entries))])
        if block_root:  # `actuals: []`: a block list reads best
            return new_list([(value.start_mark.index, events[value_end].end_mark.index, "")], key.start_mark.column + 2)
        closing = events[value_end].start_mark.index
        return _splice(text, [(closing, closing, _flow_items(entries))])
    # A block list: new items at the end, with the dash and the keys where the file has them.
    dash = value.start_mark.column
    if value.anchor is not None or value.tag is not None:
        # `actuals: &x` or `actuals: !!seq`: the list's mark is the anchor's; find its first dash.
        dash = next(
            token.start_mark.column
            for token in yaml.scan(text, Loader=yaml.SafeLoader)
            if isinstance(token, yaml.BlockEntryToken) and token.start_mark.index >= value.start_mark.index
        )
    key_column = next(
        (
            events[i].start_mark.column
            for i in items
            if isinstance(events[i], yaml.MappingStartEvent)
            and not events[i].flow_style
            and events[i].anchor is None
            and events[i].tag is None
        ),
        dash + 2,
    )
    if key_column <= dash:
        key_column = dash + 2
    return _splice(text, [(end, end, gap + _block_items(entries, dash, key_column, nl))])


def _item_starts(events: list[Any], start: int, end: int) -> list[int]:
    """The indices of the first events of the items of the collection from `start` to `end`."""
    items = []
    index = start + 1
    while index < end:
        items.append(index)
        index = _node_end(events, index) + 1
    return items
