"""The command line's typer-free half: formats, output files, errors and exit codes.

Both entry points use it: the typer app (`qzdc.cli.app`) and the fast path for
`qzdc status` (`qzdc.cli.fast`), which never imports typer so that scripts
calling qzdc in a loop start quickly.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from qzdc.errors import EXIT_BAD_DATA, EXIT_OK, GateError, Problem, QzdcError, UsageError, os_reason
from qzdc.i18n import tr

FORMATS = ("table", "json", "csv", "markdown")


def err(text: str) -> None:
    """One line on stderr; the plan or actuals text it quotes shows its control characters as escapes."""
    from qzdc.render.text import terminal_text

    sys.stderr.write(terminal_text(text.rstrip("\n")) + "\n")


def report_problems(problems: list[Problem]) -> None:
    for problem in problems:
        err(str(problem))


def report_error(error: QzdcError) -> int:
    """Print `error` as one line (or one line per problem) on stderr; return its exit code."""
    if error.problems:
        report_problems(error.problems)
        err(tr("msg.prefix", message=error.message))
    elif isinstance(error, GateError):
        err(tr("msg.prefix", message=str(error)))
    else:
        err(tr("msg.error", message=str(error)))
    return error.exit_code


def guarded(fn: Callable[[], Any]) -> int:
    """Run `fn`; qzdc's own errors become a message and an exit code, never a traceback.

    Whatever `fn` writes to stderr (a note from deep inside qzdc that quotes a
    path or a plan's text) goes through `TerminalStream`: no control character
    reaches the terminal raw.
    """
    from qzdc.fsutil import inputs
    from qzdc.render.text import TerminalStream, carry_what_the_encoding_cannot, escaped

    inputs.clear()  # what this command reads, it records anew
    # The note speaks of this command's output only: escapes written before it (another
    # command in the same process, one that ended by SystemExit, a stream set up elsewhere) are not its own.
    escaped.clear()
    carry_what_the_encoding_cannot(sys.stdout, sys.stderr)
    stderr = sys.stderr
    if not isinstance(stderr, TerminalStream):
        sys.stderr = TerminalStream(stderr)  # type: ignore[assignment]
    try:
        code = _guarded(fn)
        note_escaped_characters()
        return code
    finally:
        sys.stderr = stderr


def note_escaped_characters() -> None:
    """Once, if the output's encoding could not carry some characters and they went out as \\u escapes."""
    from qzdc.render.text import escaped

    if not escaped:
        return
    encoding = escaped[0]
    try:
        "中文".encode(encoding)
        lang = None
    except (UnicodeEncodeError, LookupError):
        lang = "en"  # a note the terminal cannot show in Chinese is written in English
    err(tr("msg.escaped_characters", lang, encoding=encoding))
    escaped.clear()


def _guarded(fn: Callable[[], Any]) -> int:
    try:
        fn()
    except QzdcError as error:
        return report_error(error)
    except BrokenPipeError:
        # `qzdc status | head` closed the pipe: the reader has what it wanted.
        quiet_broken_pipe()
        return EXIT_OK
    except OSError as error:
        # Writing the output failed (a full disk, a closed terminal): one line, not a traceback.
        err(tr("msg.error", message=tr("msg.cannot_write_output", reason=os_reason(error))))
        return EXIT_BAD_DATA
    except KeyboardInterrupt:
        err(tr("msg.interrupted"))
        return 130
    return EXIT_OK


def quiet_broken_pipe() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush does not fail again."""
    import contextlib
    import os

    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


# Options whose value is a path: an empty one ('' from an unset shell variable) names
# nothing, and must not quietly mean the default (or, through pathlib, the working directory).
PATH_OPTIONS = ("--plan", "--actuals", "--output", "-o")


def empty_path_option(args: list[str]) -> UsageError | None:
    """A usage error for the first path option given an empty value (`--plan ''`), or None."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        name, eq, value = arg.partition("=")
        if name in PATH_OPTIONS and ((eq and not value) or (not eq and i + 1 < len(args) and args[i + 1] == "")):
            return UsageError(tr("err.empty_path", option=name), hint=tr("err.empty_path.hint", option=name))
    return None


def resolve_format(
    fmt: str | None, output: Path | None, allowed: tuple[str, ...] = FORMATS, *, raw: bool = False
) -> str:
    """--format wins; else the -o extension; else a table. `raw` (--raw): the machine CSV, "csv_raw"."""
    from qzdc.render.formats import format_from_path

    if fmt is not None:
        chosen = str(fmt)
    elif output is not None:
        chosen = format_from_path(str(output)) or ""
        if not chosen:
            raise UsageError(tr("err.format_from_name", name=output.name), hint=tr("err.format_from_name.hint"))
    else:
        chosen = "table"
    if chosen not in allowed:
        # A workbook, a web page or a Word document is a report: say which command writes it.
        documents = chosen in ("xlsx", "html", "docx") and output is not None
        hint = tr("err.use_report", output=output) if documents else tr("err.choose_one_of", choices=", ".join(allowed))
        raise UsageError(tr("err.cannot_write_format", format=chosen), hint=hint)
    if raw:
        if chosen != "csv":
            raise UsageError(tr("err.raw_is_csv"))
        return "csv_raw"
    return chosen


def emit(view: Any, fmt: str, output: Path | None) -> None:
    """Render `view` and write it to stdout or, atomically, to `output`."""
    from qzdc.render.formats import render

    if output is None:
        sys.stdout.write(render(view, fmt, stream=sys.stdout))
        sys.stdout.flush()
        return
    text = render(view, fmt, stream=io.StringIO())
    # A BOM lets Excel on a Chinese-locale Windows read UTF-8 CSV without mojibake.
    write_output(output, text.encode("utf-8-sig" if fmt in ("csv", "csv_raw") else "utf-8"))
    err(tr("msg.wrote", path=output))


def write_output(output: Path, data: bytes) -> None:
    """Write `-o FILE` atomically; a path that cannot be written is a usage error."""
    from qzdc.errors import DataError
    from qzdc.fsutil import atomic_write

    protect_inputs()
    try:
        atomic_write(output, data)
    except DataError as error:
        raise UsageError(tr("err.output", message=error.message), hint=error.hint) from None


def protect_inputs() -> None:
    """Count every actuals file this command could mean among its inputs, read or not, so that no
    `-o` replaces one: `$QZDC_ACTUALS`, ./actuals.yaml, and the actuals.yaml of each plan read."""
    import os

    from qzdc.fsutil import inputs

    candidates = [os.environ.get("QZDC_ACTUALS") or "", "actuals.yaml"]
    candidates += [os.path.join(os.path.dirname(p), "actuals.yaml") for p in inputs if p.endswith("plan.yaml")]
    inputs.update(os.path.realpath(c) for c in candidates if c)


def load(plan: str | Path | None) -> Any:
    from qzdc.plan.loader import load_plan

    return load_plan(plan)
