"""The `qzdc` entry point: `qzdc status` without importing typer.

Scripts call `qzdc status --format json` in loops, and importing typer (with
its vendored click) takes longer than the whole of a cached status run. So
this entry point reads the arguments of `status` itself — the same options,
checked by a test against the typer command so the two cannot drift — and
calls the same body (`qzdc.cli.actions.status`). Anything it does not
recognise (`--help`, an unknown option, an invalid choice, another command)
goes to the typer app, which prints the usual help and usage errors.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from qzdc.i18n import LANGUAGES, choose_language, set_language

# option → (keyword of actions.status, "value" | "multiple" | "flag", allowed values or None)
STATUS_OPTIONS: dict[str, tuple[str, str, tuple[str, ...] | None]] = {
    "--plan": ("plan", "value", None),
    "--actuals": ("actuals", "value", None),
    "--as-of": ("as_of", "value", None),
    "--category": ("categories", "multiple", None),
    "--pilot": ("pilot", "flag", None),
    "--flag": ("flags", "multiple", None),
    "--status": ("statuses", "multiple", None),
    "--owner": ("owners", "multiple", None),
    "--since": ("since", "value", None),
    "--fail-on": ("fail_on", "value", None),
    "--sort": ("sort", "value", ("status", "name", "category")),
    "--raw": ("raw", "flag", None),
    "--format": ("fmt", "value", ("table", "json", "csv", "markdown")),
    "-f": ("fmt", "value", ("table", "json", "csv", "markdown")),
    "--output": ("output", "value", None),
    "-o": ("output", "value", None),
    "--lang": ("lang", "value", ("zh", "en")),
}


def parse_status(args: list[str]) -> dict[str, Any] | None:
    """Keyword arguments for `actions.status`, or None to leave `args` to typer."""
    kwargs: dict[str, Any] = {}
    i = 0
    while i < len(args):
        arg = args[i]
        name, _, attached = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        spec = STATUS_OPTIONS.get(name)
        if spec is None:
            return None  # --help, a positional, an unknown or clustered option
        keyword, kind, allowed = spec
        if kind == "flag":
            if attached:
                return None
            kwargs[keyword] = True
            i += 1
            continue
        if attached or "=" in arg:
            value = attached
            i += 1
        elif i + 1 < len(args):
            value = args[i + 1]
            i += 2
        else:
            return None  # a missing value: typer says so
        if not value and keyword in ("plan", "actuals", "output"):
            return None  # an empty path: typer's side refuses it in one place
        if allowed is not None and value not in allowed:
            return None
        if kind == "multiple":
            kwargs.setdefault(keyword, []).append(value)
        else:
            kwargs[keyword] = value
    if (os.environ.get("QZDC_LANG") or "zh") not in LANGUAGES:
        return None  # typer says what is wrong with it
    kwargs["lang"] = choose_language(kwargs.get("lang"))
    if "output" in kwargs:
        kwargs["output"] = Path(kwargs["output"])
    return kwargs


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["status"] and "_QZDC_COMPLETE" not in os.environ:
        kwargs = parse_status(args[1:])
        if kwargs is not None:
            set_language(kwargs["lang"])
            from qzdc.cli.actions import status
            from qzdc.cli.output import guarded

            sys.exit(guarded(lambda: status(**kwargs)))
    from qzdc.cli.app import main as typer_main

    typer_main()


if __name__ == "__main__":
    main()
