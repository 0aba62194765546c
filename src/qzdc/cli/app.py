"""The command line's shared parts: the app, common options, errors, output.

Each command loads what it needs, calls one function that returns a `View` (or
other data), and hands it to `qzdc.render`. Errors arrive as `QzdcError`s and
leave as one line on stderr with a documented exit code:
0 success, 1 bad data, 2 bad usage, 3 targets failing a `--fail-on` gate.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from qzdc.errors import EXIT_BAD_DATA, Problem, QzdcError, UsageError  # noqa: F401 - re-exported

app = typer.Typer(
    name="qzdc",
    help="Indicator calculator for the Wangu town 强镇带村 pilot plan (2023–2025): "
    "required growth, gap to target, status and audit of a government target list.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class Lang(StrEnum):
    zh = "zh"
    en = "en"


PlanOption = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        help="Plan directory (plan.yaml, indicators.yaml, …). Default: $QZDC_PLAN, else the built-in plan.",
        show_default=False,
    ),
]
FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format", "-f", help="Output format. Default: from the -o extension, else table.", show_default=False
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to FILE instead of stdout (format from the extension: .json .csv .md .txt).",
        show_default=False,
    ),
]
LangOption = Annotated[
    Lang,
    typer.Option("--lang", envvar="QZDC_LANG", help="Language of headers, words and names: zh or en (or $QZDC_LANG)."),
]

F = TypeVar("F", bound=Callable[..., Any])


def err(text: str) -> None:
    sys.stderr.write(text.rstrip("\n") + "\n")


def report_problems(problems: list[Problem]) -> None:
    for problem in problems:
        err(str(problem))


def handle_errors(fn: F) -> F:
    """Turn qzdc's own errors into one line each on stderr and their exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except QzdcError as error:
            if error.problems:
                report_problems(error.problems)
                err(f"qzdc: {error.message}")
            else:
                err(f"qzdc: error: {error}")
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            err("qzdc: interrupted")
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def resolve_format(
    fmt: Format | None, output: Path | None, allowed: tuple[str, ...] = ("table", "json", "csv", "markdown")
) -> str:
    """--format wins; else the -o extension; else a table."""
    from qzdc.render import format_from_path

    if fmt is not None:
        chosen = fmt.value
    elif output is not None:
        chosen = format_from_path(str(output)) or ""
        if not chosen:
            raise UsageError(
                f"cannot tell the format from {output.name!r}",
                hint="use --format or an extension such as .csv or .json",
            )
    else:
        chosen = "table"
    if chosen not in allowed:
        raise UsageError(f"this command cannot write {chosen}", hint=f"choose one of {', '.join(allowed)}")
    return chosen


def emit(view: Any, fmt: str, output: Path | None) -> None:
    """Render `view` and write it to stdout or, atomically, to `output`."""
    from qzdc.render import render

    if output is None:
        sys.stdout.write(render(view, fmt, stream=sys.stdout))
        sys.stdout.flush()
        return
    text = render(view, fmt, stream=open_null())
    # A BOM lets Excel on a Chinese-locale Windows read UTF-8 CSV without mojibake.
    write_output(output, text.encode("utf-8-sig" if fmt == "csv" else "utf-8"))
    err(f"wrote {output}")


def write_output(output: Path, data: bytes) -> None:
    """Write `-o FILE` atomically; a path that cannot be written is a usage error."""
    from qzdc.errors import DataError
    from qzdc.fsutil import atomic_write

    try:
        atomic_write(output, data)
    except DataError as error:
        raise UsageError(f"-o: {error.message}") from None


def open_null() -> Any:
    import io

    return io.StringIO()


def load(plan: Path | None) -> Any:
    from qzdc.loader import load_plan

    return load_plan(plan)


def main() -> None:
    import qzdc.cli.commands  # noqa: F401 - registers the commands on `app`

    try:
        app()
    except BrokenPipeError:
        # `qzdc status | head` closed the pipe: not an error worth a traceback.
        sys.stderr.close()
        sys.exit(0)
