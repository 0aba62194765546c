"""Errors as values: every problem qzdc reports carries its place and a hint.

Loading collects `Problem`s in one pass instead of stopping at the first; the CLI
prints them as `file:line:col: field: message` or as JSON. Exceptions that reach
the CLI are `QzdcError`s with the exit code they stand for, never a traceback.
"""

from __future__ import annotations

import errno
from dataclasses import asdict, dataclass

from qzdc.i18n import tr

# Exit codes mean one thing each; README.md lists them.
EXIT_OK = 0
EXIT_BAD_DATA = 1
EXIT_USAGE = 2
EXIT_GATE = 3


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, where it is, and what to do about it."""

    message: str
    file: str | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    field: str | None = None  # dotted path, e.g. indicators[3].targets[0].value
    hint: str | None = None

    def location(self) -> str:
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        text = f"{self.location()}: "
        if self.field:
            text += f"{self.field}: "
        text += self.message
        if self.hint:
            text += tr("msg.hint", hint=self.hint)
        return text

    def as_dict(self) -> dict:
        return asdict(self)


class QzdcError(Exception):
    """An error the user can fix; carries the exit code it means."""

    exit_code = EXIT_BAD_DATA

    def __init__(self, message: str, *, problems: list[Problem] | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.problems = problems or []
        self.hint = hint

    def __str__(self) -> str:
        return self.message + (tr("msg.hint", hint=self.hint) if self.hint else "")


class DataError(QzdcError):
    """The plan, an actuals file or an import file is wrong: exit 1."""

    exit_code = EXIT_BAD_DATA


class UsageError(QzdcError):
    """The command line is wrong: exit 2."""

    exit_code = EXIT_USAGE


class GateError(QzdcError):
    """A `--fail-on` gate failed: the output was printed, and the exit code is 3."""

    exit_code = EXIT_GATE


def quoted(value: object, limit: int = 60) -> str:
    """A value as the user wrote it, for an error line: repr (control characters escaped), cut short.

    An error line must stay one line, however long or strange the value: an
    integer too long for `repr` (Python refuses beyond 4,300 digits) is described
    by its length.
    """
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**limit:
        import math

        digits = int(math.log10(abs(value))) + 1
        digits += (10**digits <= abs(value)) - (10 ** (digits - 1) > abs(value))  # log10's rounding
        return f"a {digits}-digit number"
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def os_reason(error: OSError) -> str:
    """Why the system refused, in the run's language: 磁盘空间不足 for ENOSPC; the system's words otherwise."""
    name = errno.errorcode.get(error.errno or 0, "")
    text = tr(f"os.{name}")
    return error.strerror or str(error) if text == f"os.{name}" else text


def closest(name: str, candidates: list[str]) -> str | None:
    """The candidate a mistyped name most likely meant, for "did you mean" hints."""
    import difflib

    matches = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    return matches[0] if matches else None
