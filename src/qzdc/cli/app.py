"""The command line's shared parts: the app, common options, errors, output.

Each command loads what it needs, calls one function that returns a `View` (or
other data), and hands it to `qzdc.render.formats`. Errors arrive as `QzdcError`s and
leave as one line on stderr with a documented exit code:
0 success, 1 bad data, 2 bad usage, 3 targets failing a `--fail-on` gate.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

# Re-exported for the command modules: the typer-free half of the CLI.
from qzdc.cli.output import (  # noqa: F401
    emit,
    empty_path_option,
    err,
    guarded,
    load,
    quiet_broken_pipe,
    report_error,
    report_problems,
    resolve_format,
    write_output,
)
from qzdc.errors import EXIT_BAD_DATA, Problem, QzdcError, UsageError  # noqa: F401
from qzdc.i18n import choose_language, language, language_in_args, set_language, tr


class QzdcCommand(TyperCommand):
    """A command whose help page is qzdc's own, in the chosen language (`qzdc.cli.help`)."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from qzdc.cli.help import help_page

        formatter.write(help_page(self, ctx))


class QzdcGroup(TyperGroup):
    """The app (and `calc`): help as for commands; the language chosen once, before anything is parsed."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from qzdc.cli.help import help_page

        formatter.write(help_page(self, ctx))

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command line: every usage error one line on stderr, exit 2; `qzdc` alone prints the help.

        The language is chosen here, from the arguments and the environment,
        before click reads anything, so that help pages and click's own errors
        are in it too (typer builds the commands when the module is imported,
        too early to know it).
        """
        args = list(sys.argv[1:] if args is None else args)
        from qzdc.render.text import carry_what_the_encoding_cannot

        carry_what_the_encoding_cannot(sys.stdout, sys.stderr)  # help and usage errors too
        set_language(choose_language(language_in_args(args)))
        _localise(self, "qzdc")
        empty = empty_path_option(args)
        if empty is not None:
            code = report_error(empty)
            if standalone_mode:
                sys.exit(code)
            return code
        try:
            code = super().main(
                args, prog_name=prog_name or "qzdc", complete_var=complete_var, standalone_mode=False, **extra
            )
        except BrokenPipeError:
            quiet_broken_pipe()
            code = 0
        except Exception as error:  # click's exceptions are not importable from typer's public API
            if not (hasattr(error, "format_message") and hasattr(error, "exit_code")):
                raise
            code = _click_error(error, args)
        if standalone_mode:
            sys.exit(code or 0)
        return code


def _localise(command: Any, path: str) -> None:
    """Each command's one line in this run's language, for shell completion's descriptions."""
    from qzdc.cli.help import command_line

    command.short_help = command_line(path)
    for param in command.params:
        if param.name == "install_completion":
            param.callback = _install_completion
    for name, sub in getattr(command, "commands", {}).items():
        _localise(sub, name if path == "qzdc" else f"{path} {name}")


def _click_error(error: Any, args: list[str]) -> int:
    """click's usage error as one line in this run's language; `qzdc` alone prints the help instead."""
    from qzdc.cli.usage import usage_message

    if type(error).__name__ == "NoArgsIsHelpError":  # `qzdc` or `qzdc calc` alone: show the help
        sys.stdout.write(error.format_message() + "\n")
        return 0
    ctx = getattr(error, "ctx", None)
    where = tr("msg.see_help", command=ctx.command_path) if ctx is not None else ""
    err(tr("msg.error", message=usage_message(error, args) + where))
    return int(error.exit_code)


def _install_completion(ctx: Any, param: Any, value: Any) -> Any:
    """typer's --install-completion (bash, zsh, fish, PowerShell), saying what it did in the run's language."""
    if not value or ctx.resilient_parsing:
        return value
    from typer._completion_shared import install

    from qzdc.errors import os_reason

    try:
        shell, path = install(shell=value if isinstance(value, str) else None, prog_name="qzdc")
    except OSError as error:  # PowerShell installs through `powershell`, which may not be there
        err(tr("msg.error", message=tr("err.completion", reason=os_reason(error))))
        raise typer.Exit(EXIT_BAD_DATA) from None
    sys.stdout.write(tr("msg.completion_installed", shell=shell, path=path) + "\n")
    raise typer.Exit(0)


class QzdcTyper(typer.Typer):
    """typer's app, whose commands are `QzdcCommand`s unless told otherwise."""

    def command(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("cls", QzdcCommand)
        return super().command(*args, **kwargs)


app = QzdcTyper(
    name="qzdc",
    cls=QzdcGroup,
    no_args_is_help=True,
    add_completion=True,
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


def _chosen_language(ctx: Any, param: Any, value: Lang | None) -> Lang:
    """--lang as given, else the language chosen for this run (QZDC_LANG, the locale, zh)."""
    if value is not None and ctx.get_parameter_source(param.name).name != "DEFAULT":
        set_language(value.value)
        return value
    return Lang(language())


PlanOption = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        show_default=False,
    ),
]
FormatOption = Annotated[
    Format | None,
    typer.Option("--format", "-f", show_default=False),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        show_default=False,
    ),
]
# --raw: with --format csv, the stable machine columns (keys, raw values) instead of the people's CSV.
RawOption = Annotated[bool, typer.Option("--raw")]
ActualsOption = Annotated[
    Path | None,
    typer.Option("--actuals", show_default=False),
]
# Every command takes --lang. Its default (Lang.zh in the signatures) is never used: without
# --lang the callback gives the language chosen for the run (QZDC_LANG, the locale, else zh).
LangOption = Annotated[
    Lang,
    typer.Option("--lang", envvar="QZDC_LANG", callback=_chosen_language, show_default=False),
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


def _show_version(value: bool) -> None:
    if value:
        from qzdc import __version__

        sys.stdout.write(f"qzdc {__version__}\n")
        raise typer.Exit(0)


@app.callback(invoke_without_command=True)
def _app(
    ctx: typer.Context,
    lang: Annotated[Lang | None, typer.Option("--lang", envvar="QZDC_LANG", show_default=False)] = None,
    version: Annotated[bool, typer.Option("--version", callback=_show_version, is_eager=True)] = False,
) -> None:
    # --lang was read before parsing (QzdcGroup.main); here it is only checked.
    if ctx.invoked_subcommand is None:
        sys.stdout.write(ctx.get_help() + "\n")


def main() -> None:
    import qzdc.cli.commands  # noqa: F401 - registers the commands on `app`

    app(prog_name="qzdc")
