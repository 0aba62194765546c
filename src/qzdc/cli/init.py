"""`qzdc init DIR`: a plan to start from — minimal, or drafted from the plan's indicator table."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from qzdc.cli.app import Lang, LangOption, UsageError, app, err, handle_errors
from qzdc.errors import DataError
from qzdc.i18n import tr


@app.command()
@handle_errors
def init(
    directory: Annotated[Path, typer.Argument()],
    source: Annotated[Path | None, typer.Option("--from", show_default=False)] = None,
    baseline_year: Annotated[int | None, typer.Option("--baseline-year", show_default=False)] = None,
    target_year: Annotated[int | None, typer.Option("--target-year", show_default=False)] = None,
    lang: LangOption = Lang.zh,
) -> None:
    """Write a plan to start from in DIR: a minimal one, or one drafted from the plan's indicator table.

    Example: qzdc init ./my-plan --from 指标表.xlsx
    """
    from qzdc.plan.draft import draft_from_table, starter

    words = lang.value
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise UsageError(tr("init.exists", words, path=directory))
    plan_id = _plan_id(directory)
    if source is None:
        base = baseline_year or 2025
        files = starter(plan_id, base, target_year or base + 5, words)
        _check(directory, files)
        _write(directory, files)
        err(tr("init.next", words, path=directory))
        return
    from qzdc.actuals.tables import read_tables
    from qzdc.plan.draft import find_header

    shown = str(source)
    tables = [t for t in read_tables(source, shown) if find_header(t.rows) is not None]
    if not tables:
        raise DataError(f"{shown}: {tr('init.no_header', words)}")
    table = tables[0]
    skip: dict[int, str] = {}
    while True:
        try:
            draft = draft_from_table(
                table.rows, source=source.name, plan_id=plan_id, lines=table.lines, baseline_year=baseline_year,
                target_year=target_year, lang=words, skip=skip,
            )  # fmt: skip
        except ValueError as why:
            raise UsageError(f"{shown}: {why}") from None
        problems = _check(directory, {**draft.files, "observations.yaml": ""}, quiet=True)
        # A row the draft could not make valid becomes a placeholder with the validator's word; the rest is drafted again.
        bad = {draft.lines[i]: message for i, message in _indicator_problems(problems) if i < len(draft.lines)}
        if not problems:
            break
        if not bad or bad.keys() <= skip.keys():
            # Nothing left to set aside: a fault of the draft itself, reported rather than written.
            raise DataError(f"{shown}: the draft is not a valid plan: {'; '.join(problems)}")
        skip.update(bad)
    for message in draft.left_out:
        err(tr("msg.prefix", words, message=tr("init.left_out", words, source=shown, message=message)))
    _write(directory, draft.files)
    drafted, left = len(draft.lines), len(draft.left_out)
    summary = "init.summary" if left else "init.summary_all"
    err(tr(summary, words, drafted=drafted, left=left, path=directory))


def _plan_id(directory: Path) -> str:
    from qzdc.plan.draft import plan_id_for

    return plan_id_for(directory.resolve().name)


def _indicator_problems(problems: list[str]) -> list[tuple[int, str]]:
    found = []
    for problem in problems:
        if m := re.search(r"indicators\[(\d+)\][^:]*: (.*)$", problem):
            found.append((int(m.group(1)), m.group(2)))
    return found


def _check(directory: Path, files: dict[str, str], quiet: bool = False) -> list[str]:
    """The drafted files validated as the plan they will be: every problem, or a DataError unless `quiet`."""
    from qzdc.plan.loader import validate_plan

    contents: dict[str, bytes | None] = {"plan": None, "indicators": None, "tasks": None, "observations": None}
    for name, text in files.items():
        contents[name.removesuffix(".yaml")] = text.encode("utf-8")
    try:
        validate_plan(directory, contents)
    except DataError as error:
        if not quiet:
            raise
        return [f"{p.field}: {p.message}" for p in error.problems]
    return []


def _write(directory: Path, files: dict[str, str]) -> None:
    """Every file, and the plan files' JSON Schemas in schema/, appear together or not at all."""
    from qzdc.plan.schema import FILES, shipped_text

    parent = directory.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", dir=parent))
    except OSError as error:
        raise UsageError(f"cannot write into {parent}: {error.strerror or error}") from None
    try:
        for name, text in files.items():
            (staging / name).write_text(text, encoding="utf-8")
        (staging / "schema").mkdir()
        for kind in FILES:
            (staging / "schema" / f"{kind}.schema.json").write_text(shipped_text(kind), encoding="utf-8")
        if directory.exists():
            directory.rmdir()  # empty: checked before anything was drafted
        os.replace(staging, directory)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise UsageError(f"cannot write {directory}: {error.strerror or error}") from None
    for name in files:
        err(tr("msg.wrote", path=directory / name))
