"""Help pages in the chosen language, broken into lines as Chinese is set.

click's own help writer counts a Chinese character as one column, breaks lines
only at spaces (so a Chinese sentence never wraps), cuts each command's line in
the command list short, and shows typer's Python types (`<list[str]>`). qzdc
writes its help pages itself instead, from the words in `qzdc.i18n`:

    help.cmd.PATH (.more, .examples)   a command: its line, more, examples
    help.opt[.PATH].NAME               an option or argument, by parameter name
    help.meta[.PATH].NAME              the value it takes: 目录 / DIR

PATH is the command after `qzdc` (`status`, `calc cagr`; `qzdc` for the app).
This module reads click's objects but imports neither click nor typer.
"""

from __future__ import annotations

import sys
from typing import Any

from qzdc.i18n import tr

# The widest an option's name may make the first column; a longer one puts its help on the next line.
_FIRST_COLUMN = 26
_MAX_WIDTH = 100


def command_key(ctx: Any) -> str:
    """`status`, `calc cagr`, or `qzdc` for the app itself."""
    parts = ctx.command_path.split()[1:]
    return " ".join(parts) or "qzdc"


def words(kind: str, path: str, name: str) -> str | None:
    """help.KIND.PATH.NAME, else help.KIND.NAME; None where neither is defined."""
    for key in (f"help.{kind}.{path}.{name}", f"help.{kind}.{name}"):
        text = tr(key)
        if text != key:
            return text
    return None


def command_line(path: str) -> str:
    """A command's one line, for its help page, the command list and shell completion."""
    return tr(f"help.cmd.{path}")


def metavar(path: str, param: Any) -> str:
    return words("meta", path, param.name) or param.name.upper()


def _param_help(path: str, param: Any) -> str:
    if param.name == "help":
        return tr("help.opt.help")
    return words("opt", path, param.name) or f"help.opt.{path}.{param.name}"


def _signature(path: str, param: Any) -> str:
    opts = sorted(param.opts, key=lambda o: (o.startswith("--"), o)) + list(param.secondary_opts)
    text = ", ".join(opts)
    if not getattr(param, "is_flag", False) and not getattr(param, "count", False):
        text += " " + metavar(path, param)
    return text


def _argument_usage(path: str, param: Any) -> str:
    text = metavar(path, param)
    if param.nargs == -1:
        text += "..."
    return text if param.required else f"[{text}]"


def _wrap(text: str, width: int) -> list[str]:
    from qzdc.render.table import break_lines

    return break_lines(text, max(width, 10))


def _definitions(rows: list[tuple[str, str]], width: int) -> list[str]:
    """Two columns, as click writes them: the name, then its help wrapped beside it."""
    from qzdc.render.table import cell_len

    first = min(max((cell_len(name) for name, _ in rows), default=0), _FIRST_COLUMN)
    indent = 2 + first + 2
    lines: list[str] = []
    for name, text in rows:
        body = _wrap(text, width - indent)
        if cell_len(name) > first:
            lines.append(f"  {name}")
            lines += [" " * indent + line for line in body]
            continue
        pad = " " * (first - cell_len(name) + 2)
        lines.append(f"  {name}{pad}{body[0] if body else ''}".rstrip())
        lines += [" " * indent + line for line in body[1:]]
    return lines


def help_page(command: Any, ctx: Any, width: int | None = None) -> str:
    """The whole help page of `command` (an app, a group or a command) in this run's language."""
    if width is None:
        from qzdc.render.terminal import terminal_width

        width = terminal_width(sys.stdout)
    width = max(40, min(width, _MAX_WIDTH))
    path = command_key(ctx)
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    arguments = [p for p in params if p.param_type_name == "argument"]
    options = [p for p in params if p.param_type_name == "option"]
    subcommands = getattr(command, "commands", None)

    usage = [ctx.command_path]
    if options:
        usage.append(tr("help.options_metavar"))
    usage += [_argument_usage(path, p) for p in arguments]
    if subcommands is not None:
        usage.append(tr("help.command_metavar"))
    label = tr("help.usage")
    lines = [f"{label}{'' if label.endswith('：') else ' '}{' '.join(usage)}", ""]

    paragraphs = [command_line(path)]
    more = tr(f"help.cmd.{path}.more")
    if more != f"help.cmd.{path}.more":
        paragraphs.append(more)
    for paragraph in paragraphs:
        lines += ["  " + line for line in _wrap(paragraph, width - 2)] + [""]

    if arguments:
        lines.append(tr("help.arguments"))
        lines += _definitions([(metavar(path, p), _param_help(path, p)) for p in arguments], width)
        lines.append("")
    if options:
        lines.append(tr("help.options"))
        lines += _definitions([(_signature(path, p), _param_help(path, p)) for p in options], width)
        lines.append("")
    if subcommands:
        lines.append(tr("help.commands"))
        rows = [
            (name, command_line(f"{path} {name}".removeprefix("qzdc ")))
            for name, sub in subcommands.items()
            if not sub.hidden
        ]
        lines += _definitions(rows, width)
        lines.append("")
    examples = tr(f"help.cmd.{path}.examples")
    if examples != f"help.cmd.{path}.examples":
        lines.append(tr("help.examples"))
        lines += ["  " + line for line in examples.split("\n")]
        lines.append("")
    if subcommands and path == "qzdc":
        lines += [tr("help.more_help"), ""]
    return "\n".join(lines).rstrip("\n") + "\n"
