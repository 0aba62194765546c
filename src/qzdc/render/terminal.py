"""The terminal: whether to colour, how wide, the status colours, a progress bar on stderr."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from typing import TextIO

# Status colours: green for done or on course, amber for risk, red for behind.
STYLES = {
    "status.achieved": "bold green",
    "status.on_track": "green",
    # black on yellow: yellow text alone vanishes on a light background
    "status.at_risk": "black on yellow",
    "status.off_track": "red",
    "status.moving_away": "bold red",
    "status.pending": "cyan",
    "status.no_data": "dim",
    "status.monitored": "blue",
    "severity.error": "bold red",
    "severity.warning": "black on yellow",
    "severity.info": "cyan",
    "dim": "dim",
    "group": "bold",
}


@contextlib.contextmanager
def progress_bar(total: int, stream: TextIO, label: str) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on `stream` (stderr) while a long run goes on, only on a terminal.

    Yields a function taking the number done so far, or None when there is no bar.
    """
    from qzdc.render.text import raw_stream

    stream = raw_stream(stream)  # the bar's own escape codes are meant for the terminal
    # NO_COLOR only takes the colour away (rich honours it); a dumb terminal cannot redraw a line.
    if total < 2 or not (getattr(stream, "isatty", None) and stream.isatty()) or os.environ.get("TERM") == "dumb":
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(file=stream), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda done: bar.update(task, completed=done)


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal, and never under NO_COLOR or TERM=dumb."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


MAX_WIDTH = 1000


def terminal_width(stream: TextIO) -> int:
    columns = os.environ.get("COLUMNS", "")
    # A width beyond any screen (COLUMNS=99999999999) would pad every line to it: taken as the widest.
    if columns.isdigit() and int(columns) > 20:
        return min(int(columns), MAX_WIDTH)
    if use_color(stream) or (getattr(stream, "isatty", None) and stream.isatty()):
        try:
            return os.get_terminal_size(stream.fileno()).columns
        except (OSError, ValueError, AttributeError):
            pass
    return 100
