"""Terminal tables: a `View` laid out in the terminal's width, in rich on a colour terminal
and in the same layout without rich everywhere else."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import TextIO

from qzdc.render.terminal import STYLES, terminal_width, use_color
from qzdc.render.text import terminal_text
from qzdc.views.view import Column, View


def grouped_rows(view: View, cells: list[dict[str, str]]) -> list[tuple[str, list[int]]]:
    groups: dict[str, list[int]] = {}
    for i, row in enumerate(cells):
        groups.setdefault(row.get(view.group_key or "", ""), []).append(i)
    return list(groups.items())


# ── tables ───────────────────────────────────────────────────────────────────
#
# A colour terminal gets a rich table. Everything else — a pipe, a file, NO_COLOR,
# TERM=dumb — gets the same layout from `_plain_table`, which lays the table out
# exactly as rich's SIMPLE_HEAD box does (tests/test_render.py compares the two
# on every table qzdc prints) without importing rich: importing and running rich
# costs more than the rest of `qzdc status` together, and scripts pipe it.


def cell_len(text: str) -> int:
    """Terminal cells `text` takes: 2 for wide (CJK) characters, 0 for combining marks."""
    if text.isascii():
        return len(text)
    return sum(_char_cells(ch) for ch in text)


def _char_cells(ch: str) -> int:
    import unicodedata

    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _chop(text: str, width: int) -> list[str]:
    """Fold `text` into pieces of at most `width` cells (rich.cells.chop_cells)."""
    lines: list[str] = []
    start = size = 0
    for i, ch in enumerate(text):
        cells = _char_cells(ch)
        if size + cells > width:
            lines.append(text[start:i])
            start, size = i, 0
        size += cells
    if size:
        lines.append(text[start:])
    return lines


# ── line breaking, as Chinese is set ─────────────────────────────────────────
#
# Chinese breaks between any two characters; English between words. Either way a
# line never starts with a closing mark (、。，；：）」 …) nor ends with an opening
# one (（「 …), a number keeps its unit (2023年, 20万元, III类), and the last line
# of a cell never holds a single character alone ("年均增 / 速" becomes
# "年均 / 增速"). Cells are broken here for both table writers: rich is handed
# the lines and only pads them, so the two lay a table out alike.

# No line starts with these (行首禁则).
NO_LINE_START = frozenset("、。，．；：！？）」』】》〉〕｝”’,.;:!?)]}%％‰…·・—～°℃")
# No line ends with these (行尾禁则).
NO_LINE_END = frozenset("（「『【《〈〔｛“‘([{")
# Glued on both sides: 尚需/年 never breaks at the slash.
_GLUE = frozenset("/／")
_SPACES = frozenset(" \u3000")


# Characters of "ambiguous" width: one cell in most terminals, two in a CJK font (the
# Windows console in a Chinese locale, many CJK terminal settings). No width is right
# everywhere, so tables draw them with characters whose width is certain.
_GLYPHS = str.maketrans(
    {
        "—": "-",  # — (an empty cell, a range) and –
        "–": "-",
        "≤": "<=",
        "≥": ">=",
        "≈": "~",
        "±": "+/-",
        "×": "x",
        "→": "->",
        "·": "・",
        "…": "...",
        "“": "「",
        "”": "」",
        "‘": "『",
        "’": "』",
        "✓": "Y",
        "✗": "N",
        "°": "度",
        "²": "2",
    }
)


def terminal_glyphs(text: str) -> str:
    """`text` with the characters CJK fonts draw two cells wide (— ≤ “ ” ✓ …) drawn with ones of certain width."""
    return text.translate(_GLYPHS)


def _is_wide(ch: str) -> bool:
    return _char_cells(ch) == 2


def _breakable(a: str, b: str) -> bool:
    """Whether a line may break between the characters `a` and `b`."""
    if b in _SPACES:
        return False  # spaces stay at the end of the line they follow
    if a in _SPACES:
        return b not in NO_LINE_START
    if b in NO_LINE_START or a in NO_LINE_END or a in _GLUE or b in _GLUE:
        return False
    if a.isascii() and a.isalnum() and _is_wide(b):
        return False  # a number or Latin word keeps the wide character after it: 2023年, III类
    return _is_wide(a) or _is_wide(b)


# A short bracketed note stays whole: （力争）, （%）, （亿元）, (aspirational) is not.
_SHORT_BRACKETS = {"（": "）", "(": ")"}
_SHORT = 8  # cells inside the brackets


def _held_together(text: str) -> set[int]:
    """Offsets inside a short bracketed note, where no line may break."""
    held: set[int] = set()
    for i, ch in enumerate(text):
        close = _SHORT_BRACKETS.get(ch)
        if close is None:
            continue
        j = text.find(close, i + 1)
        if j > i and cell_len(text[i + 1 : j]) <= _SHORT and not any(c in _SHORT_BRACKETS for c in text[i + 1 : j]):
            held.update(range(i + 1, j + 1))
    return held


# A unit of more than one character after a figure stays with it: 75.33亿元, 5.08个百分点, 6090万美元
# (one character, 2023年 or 12家, already does: `_breakable`).
_UNIT_AFTER_NUMBER = re.compile(
    r"(?<=\d)(个百分点|百分点|亿吨标准煤|平方公里|万美元|亿美元|万元|亿元|万亩|万人|万吨|亿吨|千人口)"
)


def _number_units(text: str) -> set[int]:
    """Offsets inside a unit that follows a figure, where no line may break."""
    return {i for m in _UNIT_AFTER_NUMBER.finditer(text) for i in range(m.start() + 1, m.end())}


def _units(text: str) -> list[str]:
    """`text` cut at every break opportunity; each piece keeps the spaces after it."""
    units: list[str] = []
    start = 0
    held = _held_together(text) if "（" in text or "(" in text else set()
    if any(ch.isdigit() for ch in text):
        held |= _number_units(text)
    for i in range(1, len(text)):
        if i not in held and _breakable(text[i - 1], text[i]):
            units.append(text[start:i])
            start = i
    if text:
        units.append(text[start:])
    return units


def _letters(line: str) -> int:
    """Characters on a line that are neither spaces nor punctuation."""
    return sum(1 for ch in line if not (ch in _SPACES or ch in NO_LINE_START or ch in NO_LINE_END or ch in _GLUE))


def break_lines(text: str, width: int) -> list[str]:
    """`text` as lines of at most `width` cells, broken as Chinese (and English) is set.

    Greedy, then the last line is given a second character from the line before
    when it would hold one alone. A piece that cannot break and is wider than
    the line (a long id) is folded by cells. Line-end spaces are dropped.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += _break_paragraph(paragraph, max(width, 1))
    return lines


def _break_paragraph(text: str, width: int) -> list[str]:
    lines: list[list[str]] = [[]]
    size = 0
    for unit in _units(text):
        length = cell_len(unit.rstrip())
        if lines[-1] and size + length > width:
            lines.append([])
            size = 0
        if length > width:
            pieces = _chop(unit, width)
            for piece in pieces[:-1]:
                lines[-1].append(piece)
                lines.append([])
            unit = pieces[-1] if pieces else ""
            size = 0
        lines[-1].append(unit)
        size += cell_len(unit)
    _keep_company(lines, width)
    return ["".join(line).rstrip() for line in lines]


def _keep_company(lines: list[list[str]], width: int) -> None:
    """Move pieces down from the line before until the last line holds two characters or more."""
    if len(lines) < 2:
        return
    last, before = lines[-1], lines[-2]
    while _letters("".join(last)) < 2 and len(before) > 1:
        moved = [before[-1], *last]
        if cell_len("".join(moved).rstrip()) > width or _letters("".join(before[:-1])) < 2:
            return
        before.pop()
        last[:] = moved


def _fit(text: str, width: int, ellipsis: bool) -> str:
    """Crop `text` to `width` cells (with … when asked), padding a split wide character."""
    if cell_len(text) <= width:
        return text
    limit = width - 1 if ellipsis else width
    out, size = [], 0
    for ch in text:
        cells = _char_cells(ch)
        if size + cells > limit:
            break
        out.append(ch)
        size += cells
    return "".join(out) + " " * (limit - size) + ("…" if ellipsis else "")


def cell_lines(text: str, width: int, right: bool, no_wrap: bool) -> list[str]:
    """A cell's text as lines of exactly `width` cells (rich's Text.wrap and justify)."""
    lines: list[str] = []
    for line in text.split("\n"):
        pieces = [line] if no_wrap else break_lines(line, width)
        for piece in pieces:
            if right:
                piece = _fit(piece.rstrip(), width, no_wrap)
                lines.append(" " * (width - cell_len(piece)) + piece)
            else:
                piece = _fit(piece, width, no_wrap)
                lines.append(piece + " " * (width - cell_len(piece)))
    return lines


def _natural_width(column: Column, cells: list[dict[str, str]]) -> int:
    content = max((cell_len(line) for row in cells for line in row.get(column.key, "").split("\n")), default=0)
    return max(cell_len(column.header), content, 1)


def _overhead(n: int) -> int:
    # SIMPLE_HEAD with pad_edge=False: an edge space each side, one space between
    # columns, and one cell of padding on each inner side.
    return 2 + (n - 1) + 2 * (n - 1)


def _column_widths(columns: list[Column], cells: list[dict[str, str]], width: int) -> list[int] | None:
    """Widths that fit `width`: no-wrap columns whole, the rest shared by need.

    None when even the narrowest wrapping columns do not fit (drop a column).
    """
    natural = [_natural_width(c, cells) for c in columns]
    budget = width - _overhead(len(columns))
    fixed = sum(w for c, w in zip(columns, natural, strict=True) if c.no_wrap)
    wrap = [i for i, c in enumerate(columns) if not c.no_wrap]
    floors = {i: min(natural[i], columns[i].min_width) for i in wrap}
    room = budget - fixed
    if room < sum(floors.values()):
        return None
    widths = list(natural)
    if sum(natural[i] for i in wrap) <= room:
        return widths
    # Share the room in proportion to need, never below a column's floor.
    pending = set(wrap)
    while pending:
        share = room / sum(natural[i] for i in pending)
        low = {i for i in pending if natural[i] * share < floors[i]}
        if not low:
            for i in pending:
                widths[i] = max(floors[i], int(natural[i] * share))
            break
        for i in low:
            widths[i] = floors[i]
            room -= floors[i]
        pending -= low
    return widths


def _squeezed(columns: list[Column], cells: list[dict[str, str]], width: int) -> list[int]:
    """Widths below the columns' floors: no-wrap columns whole, the wrapping ones the rest, by floor, 4 cells at least."""
    widths = [_natural_width(c, cells) if c.no_wrap else c.min_width for c in columns]
    wrap = [i for i, c in enumerate(columns) if not c.no_wrap]
    room = width - _overhead(len(columns)) - sum(w for c, w in zip(columns, widths, strict=True) if c.no_wrap)
    floors = sum(widths[i] for i in wrap)
    for i in wrap:
        widths[i] = max(4, min(widths[i], room * widths[i] // floors if floors else 4))
    return widths


@dataclass
class _Layout:
    columns: list[Column]
    widths: list[int]
    rows: list[list[tuple[str, str]]]  # per row: (text, style name) per column
    sections: set[int]  # row indices that start a new section
    fits: bool  # False when even the narrowest columns are wider than the terminal
    blocks: bool = False  # not even squeezed does the table read: one block per row instead (`to_table`)


def _layout(view: View, width: int) -> _Layout:
    """Which columns fit, their widths, and the rows with group labels in place."""
    every = view.display_cells()
    styles = view.styles or [{} for _ in every]
    shown = [c for c in view.columns if c.key != view.group_key]
    cells = _joined(view, shown, every)
    widths = _column_widths(shown, cells, width)
    for level in sorted({c.drop for c in shown if c.drop}, reverse=True):
        if widths is not None:
            break
        shown = [c for c in shown if c.drop != level]
        cells = _joined(view, shown, every)
        widths = _column_widths(shown, cells, width)
    fits = widths is not None
    blocks = False
    if widths is None:  # nothing left to drop: the wrapping columns share what room there is, and fold
        widths = _squeezed(shown, cells, width)
        total = 2 + sum(widths) + 3 * (len(widths) - 1)
        blocks = total > width or any(w < BLOCK_BELOW for c, w in zip(shown, widths, strict=True) if not c.no_wrap)
    rows: list[list[tuple[str, str]]] = []
    sections: set[int] = set()
    groups = grouped_rows(view, cells) if view.group_key else [("", list(range(len(cells))))]
    # The group label goes in the first wrapping column, so it never widens a narrow one.
    label_at = next((i for i, c in enumerate(shown) if not c.no_wrap), 0)
    for g, (label, indices) in enumerate(groups):
        if view.group_key:
            if g:
                sections.add(len(rows))
            label_row = [("", "")] * len(shown)
            label_row[label_at] = (label, "group")
            rows.append(label_row)
        for i in indices:
            rows.append([(cells[i].get(c.key, ""), styles[i].get(c.key, "")) for c in shown])
    return _Layout(shown, widths, rows, sections, fits, blocks)


def _joined(view: View, shown: list[Column], cells: list[dict[str, str]]) -> list[dict[str, str]]:
    """`cells` with the text of each dropped column that joins another appended to that column's cell."""
    keys = {c.key for c in shown}
    joins = [c for c in view.columns if c.join_into in keys and c.key not in keys and c.key != view.group_key]
    if not joins:
        return cells
    joined = []
    for row in cells:
        row = dict(row)
        for c in joins:
            if row.get(c.key):
                row[c.join_into] = row.get(c.join_into, "") + c.join_format.format(row[c.key])
        joined.append(row)
    return joined


def footer_lines(view: View, width: int) -> list[str]:
    """The footer (counts, then notes, one a line) folded to the terminal's width."""
    if not view.footer:
        return []
    lines: list[str] = []
    for line in view.footer.split("\n"):
        counts = _COUNTS.fullmatch(line) and re.split(r"(  | [·・] )", line)
        if not counts:  # a note
            lines += [piece.rstrip() for piece in cell_lines(line, width, False, False)]
            continue
        # Counts break between counts, never inside one (背离目标 1, "no data 27").
        current = counts[0]
        for sep, count in zip(counts[1::2], counts[2::2], strict=True):
            if cell_len(current + sep + count) <= width:
                current += sep + count
            else:
                lines += [piece.rstrip() for piece in cell_lines(current, width, False, False)]
                current = count
        lines += [piece.rstrip() for piece in cell_lines(current, width, False, False)]
    return lines


# A footer line of counts: "进度正常 3  存在风险 1", "no data 27 · at risk 1".
_COUNTS = re.compile(r"[^\d·・]+ \d+(?:(?:  | [·・] )[^\d·・]+ \d+)*")


def _plain_table(view: View, width: int) -> str:
    """The table as plain text, laid out exactly as `_rich_table` lays it out."""
    layout = _layout(view, width)
    columns, widths = layout.columns, layout.widths
    n = len(columns)
    total = 2 + sum(widths) + 2 * (n - 1) + (n - 1)
    out: list[str] = []

    def row_lines(texts: list[str], header: bool = False) -> list[str]:
        blocks = [
            cell_lines(text, w, c.align == "right", c.no_wrap)
            for text, w, c in zip(texts, widths, columns, strict=True)
        ]
        height = max(len(b) for b in blocks)
        if header:  # header cells sit at the bottom of their row, as rich puts them
            blocks = [[" " * w] * (height - len(b)) + b for b, w in zip(blocks, widths, strict=True)]
        lines = []
        for k in range(height):
            parts = []
            for i, (block, w) in enumerate(zip(blocks, widths, strict=True)):
                text = block[k] if k < len(block) else " " * w
                parts.append(("" if i == 0 else " ") + text + ("" if i == n - 1 else " "))
            lines.append(" " + " ".join(parts) + " ")
        return lines

    if view.title:
        out += cell_lines(view.title, total, False, False)
    out.append(" " * total)
    out += row_lines([c.header for c in columns], header=True)
    out.append(" " + "─" * (total - 2) + " ")
    for r, row in enumerate(layout.rows):
        if r in layout.sections:
            out.append(" " * total)
        out += row_lines([text for text, _ in row])
    out.append(" " * total)
    out += footer_lines(view, width)
    return "\n".join(out) + "\n"


def _rich_table(view: View, width: int, color: bool) -> str:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    layout = _layout(view, width)
    total = 2 + sum(layout.widths) + 3 * (len(layout.widths) - 1)
    # Text: never read as rich markup. Lines broken here, as _plain_table breaks them: rich only pads them.
    title = Text("\n".join(break_lines(view.title, total))) if view.title else None
    table = Table(box=box.SIMPLE_HEAD, title=title, pad_edge=False, title_justify="left")
    for c, w in zip(layout.columns, layout.widths, strict=True):
        table.add_column(
            Text(c.header if c.no_wrap else "\n".join(break_lines(c.header, w))),
            justify="right" if c.align == "right" else "left",
            no_wrap=c.no_wrap,
            overflow="ellipsis" if c.no_wrap else "fold",
            width=w,
        )
    for r, row in enumerate(layout.rows):
        if r in layout.sections:
            table.add_section()
        table.add_row(
            *[
                Text(text if c.no_wrap else "\n".join(break_lines(text, w)), style=STYLES.get(style, ""))
                for (text, style), c, w in zip(row, layout.columns, layout.widths, strict=True)
            ]
        )
    console = Console(
        file=io.StringIO(),
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    console.print(table)
    for line in footer_lines(view, width):  # folded here, so that rich has nothing left to fold
        console.print(Text(line))
    return console.file.getvalue()  # type: ignore[attr-defined]


def _shown(view: View) -> View:
    """`view` with the text of its title, headers, cells and footer safe for a terminal (`terminal_text`)."""
    import dataclasses

    def safe(text: str | None) -> str | None:
        return None if text is None else terminal_glyphs(terminal_text(text))

    return dataclasses.replace(
        view,
        title=safe(view.title),
        footer=safe(view.footer),
        columns=[dataclasses.replace(c, header=terminal_glyphs(terminal_text(c.header))) for c in view.columns],
        cells=[{k: terminal_glyphs(terminal_text(v)) for k, v in row.items()} for row in view.display_cells()],
    )


def to_table(view: View, stream: TextIO, *, width: int | None = None, color: bool | None = None) -> str:
    """A table fitted to `width` (low-priority columns drop first); coloured by rich on a terminal.

    Where even the columns that always stay do not fit, one block per row instead (`blocks`)."""
    view = _shown(view.table or view)
    color = use_color(stream) if color is None else color
    width = width or terminal_width(stream)
    if _layout(view, width).blocks:
        return _rich_blocks(view, width) if color else _plain_blocks(view, width)
    return _rich_table(view, width, color) if color else _plain_table(view, width)


# ── blocks: the layout below the narrowest table ─────────────────────────────
#
# A terminal too narrow for the columns that always stay (COLUMNS=40: 最新值, 尚需/年 and 状态
# beside a name; see BLOCK_BELOW) gets one block per row: its name on a line, then a line for each
# column a table drops last (drop 0 and 1: 最新值, 目标值, 尚需/年, 状态), its header before its
# value. No line is wider than the terminal, and nothing that always stays is lost (user test 1,
# finding 18).

BLOCK_DROP = 1  # the block shows the columns of this drop level and below
# A table squeezed wider than the terminal, or a wrapping column (the name) narrower than this many cells
# (four Chinese characters: 地区/生产/总值/年均… reads as fragments), gives way to blocks.
BLOCK_BELOW = 8
INDENT = 2  # each level in: a row's fields under its name, a group's rows under its label
VALUE_ROOM = 8  # below this a value starts on the line after its header


def _block_lines(view: View, width: int) -> list[tuple[str, str, str]]:
    """The blocks, a line at a time: (what leads the line, its value, the value's style name)."""
    every = view.display_cells()
    styles = view.styles or [{} for _ in every]
    shown = [c for c in view.columns if c.key != view.group_key and c.drop <= BLOCK_DROP]
    cells = _joined(view, shown, every)
    head = next((c for c in shown if not c.no_wrap), shown[0])
    fields = [c for c in shown if c is not head]
    out: list[tuple[str, str, str]] = []

    def put(text: str, indent: int, style: str = "") -> None:
        for line in break_lines(text, max(width - indent, 1)) or [""]:
            out.append((" " * indent, line, style))

    if view.title:
        put(view.title, 0)
    label_width = max((cell_len(c.header.replace("\n", "")) for c in fields), default=0)
    groups = grouped_rows(view, cells) if view.group_key else [("", list(range(len(cells))))]
    base = INDENT if view.group_key else 0
    at = base + INDENT + label_width + 2  # where a value starts
    for label, indices in groups:
        out.append(("", "", ""))
        if view.group_key:
            put(label, 0, "group")
        for i in indices:
            for line in cells[i].get(head.key, "").split("\n"):
                put(line, base)
            for c in fields:
                name, text, style = c.header.replace("\n", ""), cells[i].get(c.key, ""), styles[i].get(c.key, "")
                if width - at < VALUE_ROOM:  # too narrow for a value beside its header
                    put(name, base + INDENT)
                    put(text, base + 2 * INDENT, style)
                    continue
                lines = break_lines(text, width - at) or [""]
                lead = " " * (base + INDENT) + name + " " * (at - base - INDENT - cell_len(name))
                out += [(lead if k == 0 else " " * at, line, style) for k, line in enumerate(lines)]
    out.append(("", "", ""))
    out += [("", line, "") for line in footer_lines(view, width)]
    return out


def _plain_blocks(view: View, width: int) -> str:
    return "".join(f"{lead}{value}".rstrip() + "\n" for lead, value, _ in _block_lines(view, width))


def _rich_blocks(view: View, width: int) -> str:
    """The blocks on a colour terminal: the same lines, each value in its style (a status in its colour)."""
    from rich.console import Console
    from rich.text import Text

    console = Console(
        file=io.StringIO(), width=width, color_system="standard", force_terminal=True, highlight=False, emoji=False
    )
    for lead, value, style in _block_lines(view, width):
        line = Text(lead if value.strip() else lead.rstrip(), no_wrap=True)
        line.append(value.rstrip(), style=STYLES.get(style, ""))
        console.print(line, overflow="ignore", crop=False)
    return console.file.getvalue()  # type: ignore[attr-defined]
