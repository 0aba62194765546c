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


# ── characters the output encoding cannot carry ──────────────────────────────
#
# Output goes out in the encoding Python chose for the stream: UTF-8 on a modern
# terminal, but GBK (cp936) where a Chinese-locale Windows redirects it to a file
# or a pipe, and ASCII or Latin-1 under some servers' locales or PYTHONIOENCODING.
# Instead of failing on the first ✓ (UnicodeEncodeError), every character the
# encoding cannot carry is written as the nearest one it can: a fallback from the
# table below (✓ → √ in GBK, v in ASCII), else its compatibility form (NFKC:
# full-width （ → ( ), else as an escape \uXXXX, which loses nothing and keeps
# JSON valid. No fallback brings in a character that means something in one of
# the formats (a quote, a backslash, |, a comma, a sign that starts a formula). When an escape was needed, a note on stderr says so once, and how
# to get the text whole (PYTHONIOENCODING=utf-8, or -o FILE, always UTF-8).

_FALLBACKS: dict[str, tuple[str, ...]] = {
    "✓": ("√", "v"),
    "✗": ("×", "x"),
    "×": ("x",),
    "√": ("v",),
    "·": (".",),
    "・": ("·", "."),
    "…": ("...",),
    "│": (":",),
    "┃": (":",),
    "─": ("_",),
    "━": ("_",),
    "█": ("#",),
    "▉": ("#",),
    "▊": ("#",),
    "▋": ("#",),
    "▌": ("#",),
    "▍": (":",),
    "▎": (":",),
    "▏": (":",),
    "\u3000": (" ",),
}
# A fallback may bring in none of the ASCII that means something in some format: a
# quote or a backslash (JSON, CSV), | [ ] < > (Markdown), , (CSV), = + - @ (a formula).
_SAFE_ASCII = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ().:;!?%/_#~^&$*")
ERRORS = "qzdc.fallback"
_carries: dict[tuple[str, str], bool] = {}
escaped: list[str] = []  # the encodings that needed an escape this run (for the note)


def _can_carry(encoding: str, text: str) -> bool:
    known = _carries.get((encoding, text))
    if known is None:
        try:
            text.encode(encoding)
            known = True
        except UnicodeEncodeError:
            known = False
        _carries[(encoding, text)] = known
    return known


def _safe(text: str) -> bool:
    return all(ch in _SAFE_ASCII or (not ch.isascii() and ch.isprintable()) for ch in text)


def _fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    import unicodedata

    out = []
    for ch in error.object[error.start : error.end]:
        candidates = (*_FALLBACKS.get(ch, ()), unicodedata.normalize("NFKC", ch))
        chosen = next((c for c in candidates if c != ch and _safe(c) and _can_carry(error.encoding, c)), None)
        if chosen is None:
            code = ord(ch)
            chosen = f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
            if error.encoding not in escaped:
                escaped.append(error.encoding)
        out.append(chosen)
    return "".join(out), error.end


def carries_everything(stream: Any) -> bool:
    """Whether `stream` can write any character: a UTF encoding, or text kept in memory (a file qzdc writes as UTF-8)."""
    encoding = getattr(raw_stream(stream), "encoding", None)
    if not encoding:
        return True
    import codecs

    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def carry_what_the_encoding_cannot(*streams: Any) -> None:
    """Make `streams` (stdout, stderr) write what their encoding cannot carry as fallbacks, never fail on it."""
    import codecs

    try:
        codecs.lookup_error(ERRORS)
    except LookupError:
        codecs.register_error(ERRORS, _fallback)
    for stream in streams:
        reconfigure = getattr(raw_stream(stream), "reconfigure", None)
        if reconfigure is not None and getattr(stream, "encoding", None):
            import contextlib

            with contextlib.suppress(ValueError, OSError):  # a stream already closed, or one that cannot change
                reconfigure(errors=ERRORS)
