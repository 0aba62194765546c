"""Text from a plan or an actuals file, made safe for where it is shown.

A plan's name, a note or a source may hold any character, including the
control characters a terminal obeys: ESC starts a sequence that can clear the
screen (`\\x1b[2J`), retitle the window or write the clipboard (`\\x1b]52;`), BEL
rings, CR returns to the start of the line and so hides what came before it,
and C1's `\\x9b` is a one-byte CSI. Every control character except newline and
tab is shown as an escape (`\\x1b`, `\\r`), here and only here: terminal
tables, documents and Markdown (`terminal_text`), each line on stderr
(`TerminalStream`), and JSON, whose encoder leaves DEL and C1 raw (`json_text`).
CSV cells go through `terminal_text` too (`qzdc.render.formats.csv_cell`).
"""

from __future__ import annotations

import re
from typing import Any, TextIO

# C0 but tab and newline, DEL, and C1 (U+0080–U+009F): Unicode's category Cc.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_JSON_RAW = re.compile("[\x7f-\x9f]")


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    return "\\r" if ch == "\r" else f"\\x{ord(ch):02x}"


def terminal_text(text: str) -> str:
    """`text` with every control character but newline and tab shown as an escape (a CRLF is a newline)."""
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(_escape, text.replace("\r\n", "\n"))


def json_text(text: str) -> str:
    """JSON text with DEL and C1 characters written as \\u escapes (the encoder escapes only C0): the same data."""
    if _JSON_RAW.search(text) is None:
        return text
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class TerminalStream:
    """A text stream (stderr) that shows control characters written to it as escapes.

    Errors and notes quote plan and actuals text (an unknown indicator's name, a
    source, a path): whichever module writes the line, it reaches the terminal
    through here. `raw` is the stream itself, for what qzdc draws on purpose (a
    progress bar).
    """

    def __init__(self, raw: TextIO):
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(terminal_text(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


def raw_stream(stream: TextIO) -> TextIO:
    """The stream beneath a `TerminalStream` (itself otherwise)."""
    return stream.raw if isinstance(stream, TerminalStream) else stream
