"""The command line's shared parts: the app, common options, errors, output.

Each command loads what it needs, calls one function that returns a `View` (or
other data), and hands it to `qzdc.render.formats`. Errors arrive as `QzdcError`s and
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

# Re-exported for the command modules: the typer-free half of the CLI.
from qzdc.cli.output import (  # noqa: F401
    emit,
    err,
    guarded,
    load,
    quiet_broken_pipe,
    report_problems,
    resolve_format,
    write_output,
)
from qzdc.errors import EXIT_BAD_DATA, Problem, QzdcError, UsageError  # noqa: F401

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
ActualsOption = Annotated[
    Path | None,
    typer.Option("--actuals", help="Actuals file (default: $QZDC_ACTUALS, else ./actuals.yaml).", show_default=False),
]
LangOption = Annotated[
    Lang,
    typer.Option("--lang", envvar="QZDC_LANG", help="Language of headers, words and names: zh or en (or $QZDC_LANG)."),
]

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(fn: F) -> F:
    """Turn qzdc's own errors into one line each on stderr and their exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        code = guarded(lambda: fn(*args, **kwargs))
        if code:
            raise typer.Exit(code)

    return wrapper  # type: ignore[return-value]


def main() -> None:
    import qzdc.cli.commands  # noqa: F401 - registers the commands on `app`

    # standalone_mode=False: click hands its usage errors to us instead of printing
    # its usage block, so that every error is one line, as qzdc's own are.
    try:
        code = app(standalone_mode=False, prog_name="qzdc")
    except BrokenPipeError:
        quiet_broken_pipe()
        code = 0
    except Exception as error:  # click's exceptions are not importable from typer's public API
        if not (hasattr(error, "format_message") and hasattr(error, "exit_code")):
            raise
        if type(error).__name__ == "NoArgsIsHelpError":  # `qzdc` or `qzdc calc` alone: show the help
            sys.stdout.write(error.format_message() + "\n")
            sys.exit(0)
        ctx = getattr(error, "ctx", None)
        where = f" (see: {ctx.command_path} --help)" if ctx is not None else ""
        err(f"qzdc: error: {error.format_message()}{where}")
        code = error.exit_code
    sys.exit(code or 0)
