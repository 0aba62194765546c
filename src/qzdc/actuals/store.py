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
earlier ones stay as history (`qzdc history`) and are never erased by qzdc. A
figure the same as the one that counts is not written again
(`qzdc.actuals.changes`).

Values, by the kind of the indicator's first target (an indicator without a
target takes numbers):

- numbers: finite (no NaN or infinity) and within ±10^15. A growth rate (an average-growth
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
written; writers in different processes are serialised by a hidden lock file beside the
actuals file (`.actuals.yaml.lock`, readable by all so that it never keeps another
user out; `fsutil.exclusive_lock`: flock on POSIX, msvcrt on Windows,
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
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qzdc.actuals.changes import changed
from qzdc.actuals.splice import CannotAppend, render_appended
from qzdc.actuals.values import FIELDS, Entry, check_entry
from qzdc.errors import DataError, Problem, UsageError, closest, os_reason
from qzdc.i18n import tr
from qzdc.plan.models import Observation, Plan

ACTUALS_ENV = "QZDC_ACTUALS"
DEFAULT_FILE = "actuals.yaml"
# Seconds a writer waits for another to finish. A write takes well under a second;
# a lock held this long is a hung process, and the user is told what to do.
LOCK_TIMEOUT = 60.0
# The largest actuals file qzdc reads (README: Limits): about 80,000 entries of a
# typical size; the supported size is 50,000 entries, which a record takes in seconds.
ACTUALS_LIMIT = 20_000_000
BOM = b"\xef\xbb\xbf"


# ── where the file is, and reading it ─────────────────────────────────────────


def actuals_path(
    explicit: str | os.PathLike[str] | None = None, *, writing: bool = False, plan: Plan | None = None
) -> Path:
    """Which actuals file: `--actuals FILE`, else `$QZDC_ACTUALS`, else the default.

    The default is the plan directory's `actuals.yaml` for a plan of one's own (so that
    figures recorded with `--plan DIR` are read with `--plan DIR` from any working
    directory), and `./actuals.yaml` for the built-in plan (or when no plan is given).
    A file someone named (by --actuals or $QZDC_ACTUALS) is likely meant to exist: to
    read (the default), one that does not is noted on stderr, once, and holds no
    figures; the default missing is the usual first run, and silent. To write, the
    file's directory must exist: a writer creates the file, never directories, so a
    mistyped path is a usage error rather than a new folder.
    """
    env = os.environ.get(ACTUALS_ENV)
    path = Path(explicit or env or default_actuals(plan))
    where = "--actuals" if explicit else ACTUALS_ENV if env else tr("store.default_file")
    if path.is_dir():
        raise UsageError(
            tr("store.is_directory", where=where, path=path),
            hint=tr("store.is_directory.hint", example=path / DEFAULT_FILE),
        )
    if writing:
        problem = missing_directory(path)
        if problem:
            raise UsageError(tr("store.where", where=where, problem=problem), hint=tr("store.no_directories"))
    elif (explicit or env) and not path.exists():
        note(tr("store.does_not_exist", path=shown_path(path)))
    return path


def default_actuals(plan: Plan | None) -> Path:
    """`actuals.yaml` in the plan's own directory, or in the working directory for the built-in plan."""
    if plan is None or not plan.source_dir:
        return Path(DEFAULT_FILE)
    from qzdc.plan.loader import builtin_plan_dir

    directory = Path(plan.source_dir)
    if directory.resolve() == builtin_plan_dir().resolve():
        return Path(DEFAULT_FILE)
    return directory / DEFAULT_FILE


@dataclass(frozen=True)
class ActualsRead:
    """The figures read from an actuals file, and which file it was: status, show and report name it."""

    path: Path
    observations: list[Observation]
    exists: bool

    @property
    def shown(self) -> str:
        return shown_path(self.path)


def read_actuals_file(path: Path, plan: Plan, *, today: dt.date | None = None) -> ActualsRead:
    """`read_actuals`, saying which file was read and whether it exists."""
    return ActualsRead(path, read_actuals(path, plan, today=today), path.is_file())


def missing_directory(path: Path) -> str | None:
    """Why `path` cannot be created where it is (its directory is missing or is a file), or None."""
    parent = path.parent
    if parent.is_dir():
        return None
    if parent.exists():
        return tr("store.not_a_directory", path=shown_path(parent))
    return tr("store.no_such_directory", path=shown_path(parent))


def note(text: str) -> None:
    """A note on stderr, for the reader of the output to know; not an error."""
    import sys

    sys.stderr.write(tr("store.note", text=text) + "\n")


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
    from qzdc.fsutil import read_regular

    try:
        data = read_regular(path, limit=ACTUALS_LIMIT, what="actuals", shown=shown)
    except IsADirectoryError:
        raise UsageError(tr("store.directory_not_file", path=shown)) from None
    if data is None:
        return None
    bom = data.startswith(BOM)
    try:
        return data.decode("utf-8-sig"), bom
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        problem = Problem(tr("store.not_utf8", byte=err.start), shown, line, hint=tr("store.not_utf8.hint"))
        raise DataError(tr("store.cannot_read_file", path=shown), problems=[problem]) from None


def parse_entries(text: str, shown: str, plan: Plan, today: dt.date | None) -> tuple[list[Entry], list[Problem]]:
    """An actuals file's text → its entries in file order, or every problem with file, line and column."""
    # Imported here: `qzdc status` with no actuals file never loads the YAML reader.
    from qzdc.plan.yamlio import Positions, format_loc, parse

    data, problems = parse(text, shown, written=True)
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
        return [], [Problem(tr("store.file_shape"), shown, line, col)]
    for key in data:
        if key != "actuals":
            line, col = place((key,), key=True)
            guess = closest(str(key), ["actuals"])
            hint = tr("msg.did_you_mean", guess="actuals") if guess else tr("store.unknown_key.hint")
            problems.append(Problem(tr("store.unknown_key", key=key), shown, line, col, hint=hint))
    items = data.get("actuals")
    if items is None:
        return [], problems
    if not isinstance(items, list):
        line, col = place(("actuals",))
        problems.append(Problem(tr("store.not_a_list"), shown, line, col, field="actuals"))
        return [], problems
    entries: list[Entry] = []
    for n, item in enumerate(items):
        loc: tuple[str | int, ...] = ("actuals", n)
        if not isinstance(item, dict):
            line, col = place(loc)
            problems.append(Problem(tr("store.entry_shape"), shown, line, col, field=format_loc(loc)))
            continue
        unknown = [k for k in item if k not in FIELDS]
        for key in unknown:
            line, col = place((*loc, str(key)), key=True)
            guess = closest(str(key), list(FIELDS))
            hint = tr("msg.did_you_mean", guess=guess) if guess else tr("store.entry_fields", fields=", ".join(FIELDS))
            problems.append(
                Problem(tr("store.unknown_field", key=key), shown, line, col, field=format_loc(loc), hint=hint)
            )
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
        raise DataError(tr("store.problems", path=shown, count=len(problems)), problems=problems)
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
    """What a write did: the entries written, those the file held before (read under the lock), and
    those not written because they repeat the figure that counts (`qzdc.actuals.changes`)."""

    entries: list[Entry]
    before: list[Entry]
    unchanged: list[Entry] = field(default_factory=list)


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
    """The hidden lock file beside the real actuals file (behind any link): `.actuals.yaml.lock`."""
    real = Path(os.path.realpath(path))
    return real.with_name(f".{real.name}.lock")


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
    An entry the same as the figure that counts for its period (the same value, and
    no other source or note; or the plan's own figure) is not written: when no entry
    is new, the file is left as it was, byte for byte.
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
        raise DataError(tr("store.nothing_written", path=shown, count=len(problems)), problems=problems)
    if not checked:
        return Appended([], read_entries(target, plan, today=day))

    # Before the lock, whose file goes into that directory.
    missing = missing_directory(target)
    if missing:
        raise UsageError(tr("store.cannot_write", path=shown, problem=missing), hint=tr("store.no_directories"))

    from qzdc.fsutil import exclusive_lock

    lock = lock_path(target)
    try:
        with exclusive_lock(lock, LOCK_TIMEOUT):
            before, written, unchanged = _append_locked(target, shown, plan, checked, day)
    except TimeoutError:
        raise DataError(
            tr("store.locked", path=shown, seconds=f"{LOCK_TIMEOUT:.0f}"), hint=tr("store.locked.hint")
        ) from None
    except OSError as err:
        raise DataError(
            tr("store.cannot_lock", path=shown, reason=f"{shown_path(lock)}: {os_reason(err)}"),
            hint=tr("store.cannot_lock.hint"),
        ) from None
    return Appended(written, before, unchanged)


def _append_locked(
    path: Path, shown: str, plan: Plan, new: list[Entry], today: dt.date
) -> tuple[list[Entry], list[Entry], list[Entry]]:
    """Under the lock: re-read, append what is new, check the result, replace the file.

    Returns the entries before, those written and those not written (the same as
    the figure that counts); with none to write, the file is not touched.

    A file with other hard links is not replaced (that would break them): the new
    entries are appended in place, under a second lock on the file itself, which
    writers through any of its names share.
    """
    import stat

    from qzdc.fsutil import append_in_place, atomic_write, exclusive_lock, writable_target

    # The real file behind a link; a read-only file is refused here, before anything is read.
    path, st = writable_target(path, shown=shown, rewriting_input=True)
    if st is not None and stat.S_ISREG(st.st_mode) and st.st_nlink > 1:
        with exclusive_lock(path, LOCK_TIMEOUT, lock_file=False):
            text, bom, before, updated, written, unchanged = _updated(path, shown, plan, new, today)
            if not written:
                return before, written, unchanged
            if not updated.startswith(text):
                raise DataError(tr("store.hard_links_layout", path=shown, count=st.st_nlink))
            size = len(text.encode("utf-8")) + (len(BOM) if bom else 0)
            append_in_place(path, size, updated[len(text) :].encode("utf-8"), shown=shown)
        return before, written, unchanged
    text, bom, before, updated, written, unchanged = _updated(path, shown, plan, new, today)
    if not written:
        return before, written, unchanged
    _remove_stale_temp_files(path)
    atomic_write(path, updated, encoding="utf-8-sig" if bom else "utf-8", shown=shown, rewriting_input=True)
    return before, written, unchanged


def _updated(
    path: Path, shown: str, plan: Plan, entries: list[Entry], today: dt.date
) -> tuple[str, bool, list[Entry], str, list[Entry], list[Entry]]:
    """The file's text, whether it has a BOM, its entries, its text with the new entries appended (read
    back and checked), the entries appended and those left out as the same as the figure that counts."""
    read = _read_file(path, shown)
    text, bom = read if read is not None else ("", False)
    before, problems = parse_entries(text, shown, plan, today)
    if problems:
        raise DataError(tr("store.fix_first", path=shown, count=len(problems)), problems=problems)
    new, unchanged = changed(entries, [*plan.observations, *(e.observation() for e in before)])
    if not new:
        return text, bom, before, text, new, unchanged
    import yaml

    try:
        updated = render_appended(text, new)
    except CannotAppend as err:
        raise DataError(tr("splice.cannot_append", path=shown, construct=err.construct), hint=err.hint) from None
    except (yaml.YAMLError, ValueError) as err:  # a file the reader took and the writer could not follow
        raise DataError(tr("store.cannot_update", path=shown, reason=err), hint=tr("store.bug.hint")) from None
    after, problems = parse_entries(updated, shown, plan, today)
    if problems or after != [*before, *new]:
        raise DataError(tr("store.read_back", path=shown), problems=problems, hint=tr("store.bug.hint"))
    return text, bom, before, updated, new, unchanged


def _remove_stale_temp_files(path: Path) -> None:
    """Temporary files a killed writer left beside the actuals file (`fsutil.atomic_write` names them).

    Only called under the lock: every writer holds it while its temporary file exists,
    so any such file found now belongs to a writer that died.
    """
    import contextlib

    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()
