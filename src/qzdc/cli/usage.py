"""click's usage errors in qzdc's words, in the chosen language.

click words its errors in English and raises them as exceptions whose classes
typer does not export; they are told apart here by class name and read by the
attributes click gives them (the option, the parameter, the possibilities).
What is not recognised keeps click's own words.
"""

from __future__ import annotations

import re
from typing import Any

from qzdc.cli.help import command_key, metavar
from qzdc.errors import closest
from qzdc.i18n import listing, tr


def _option_name(param: Any) -> str:
    longs = [o for o in param.opts if o.startswith("--")]
    return (longs or param.opts or [param.name])[0]


def _param_name(error: Any) -> str:
    param = getattr(error, "param", None)
    ctx = getattr(error, "ctx", None)
    if param is None:
        return ""
    if param.param_type_name == "argument":
        return metavar(command_key(ctx), param) if ctx is not None else param.name.upper()
    return _option_name(param)


def _choices(param: Any) -> list[str]:
    descriptor = getattr(param, "type_descriptor", None)
    choices = getattr(descriptor, "choices", None) or getattr(getattr(param, "type", None), "choices", None) or ()
    return [getattr(c, "value", c) for c in choices]


_CHOICE = re.compile(r"'(.*)' is not one of ")
_NO_COMMAND = re.compile(r"No such command '(.*)'\.")
_EXTRA = re.compile(r"Got unexpected extra argument(?:\(s\)|s)? \((.*)\)")
_NEEDS_VALUE = re.compile(r"Option '(.*)' requires (an argument|\d+ arguments)\.")
_NO_VALUE = re.compile(r"Option '(.*)' does not take a value\.")


def usage_message(error: Any, args: list[str]) -> str:
    """The error's message in this run's language (without "qzdc: error:"); `args` is the command line."""
    kind = type(error).__name__
    message = str(getattr(error, "message", "") or "")
    ctx = getattr(error, "ctx", None)
    if kind == "NoSuchOption":
        name = error.option_name
        options = [o for p in ctx.command.params for o in p.opts if o.startswith("-")] if ctx is not None else []
        guess = closest(name, options)
        text = tr("usage.no_such_option", option=name)
        return text + (tr("usage.did_you_mean", guess=guess) if guess else "")
    if kind == "MissingParameter":
        param = error.param
        key = (
            "usage.missing_argument"
            if param is not None and param.param_type_name == "argument"
            else "usage.missing_option"
        )
        return tr(key, name=_param_name(error))
    if kind == "BadParameter":
        param = error.param
        name = _param_name(error)
        # click names the environment variable whether or not the value came from it
        given = any(a == name or a.startswith(f"{name}=") for a in args)
        if not given and param is not None and param.envvar:
            name = tr("usage.from_envvar", option=name, envvar=param.envvar)
        choices = _choices(param) if param is not None else []
        found = _CHOICE.search(message)
        if choices and found:
            return tr("usage.bad_choice", option=name, value=found.group(1), choices=listing(choices))
        if "valid integer" in message:
            return tr("usage.not_an_integer", option=name)
        if "valid number" in message:
            return tr("usage.not_a_number", option=name)
        return tr("usage.bad_value", option=name, message=message)
    if kind == "BadOptionUsage":
        if found := _NEEDS_VALUE.fullmatch(message):
            return tr("usage.needs_value", option=found.group(1))
        if found := _NO_VALUE.fullmatch(message):
            return tr("usage.takes_no_value", option=found.group(1))
    if found := _NO_COMMAND.match(message):
        name = found.group(1)
        commands = list(getattr(ctx.command, "commands", {})) if ctx is not None else []
        guess = closest(name, commands)
        return tr("usage.no_such_command", command=name) + (tr("usage.did_you_mean", guess=guess) if guess else "")
    if found := _EXTRA.fullmatch(message):
        return tr("usage.extra_arguments", arguments=found.group(1))
    if message == "Missing command.":
        return tr("usage.missing_command")
    return error.format_message()
