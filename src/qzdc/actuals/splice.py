"""Appending entries to an actuals file as text, keeping every byte the file holds.

`render_appended` adds new entries at the end of the `actuals` list in the layout
of the list they join; the caller (`qzdc.actuals.store`) parses the result back
before it replaces the file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

from qzdc.actuals.values import Entry

NEW_FILE_HEADER = """\
# qzdc 实际数据：由 `qzdc record` 和 `qzdc import` 录入。同一指标、同一期间的后一条
# 记录修订前一条，前一条保留作为历史。本文件可以手工编辑（见 docs/actuals.md）。
# Figures recorded with `qzdc record` and `qzdc import`. A later entry for the same
# indicator and period revises an earlier one, which stays as history. You may
# edit this file by hand (docs/actuals.md).
"""


class _Quoted(str):
    """Text always written in double quotes (the time of entry, so that it reads as text)."""


@functools.cache
def _dumper() -> type:
    import yaml

    class Dumper(yaml.SafeDumper):
        def choose_scalar_style(self) -> str:
            # Where a scalar needs quotes, double ones: one style throughout the file.
            style = super().choose_scalar_style()
            return '"' if style == "'" else style

        def ignore_aliases(self, data: Any) -> bool:
            return True

    Dumper.add_representer(
        _Quoted, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", str(text), style='"')
    )
    return Dumper


def _entry_data(entry: Entry) -> dict[str, Any]:
    data: dict[str, Any] = {
        "indicator": entry.indicator,
        "period": entry.period_value,
        "value": entry.value,
    }
    if entry.source:
        data["source"] = entry.source
    if entry.note:
        data["note"] = entry.note
    if entry.recorded_at:
        data["recorded_at"] = _Quoted(entry.recorded_at)
    return data


def _dump(entry: Entry, *, flow: bool) -> str:
    """One entry as YAML text by PyYAML's own emitter, which quotes whatever PyYAML would misread."""
    import yaml

    return yaml.dump(
        _entry_data(entry),
        Dumper=_dumper(),
        default_flow_style=flow,
        sort_keys=False,
        allow_unicode=True,
        width=1 << 30,
    ).rstrip("\n")


def _block_items(entries: Sequence[Entry], dash: int, key: int, nl: str) -> str:
    """`entries` as items of a block list: the dash at column `dash`, the keys at column `key`."""
    lines: list[str] = []
    for entry in entries:
        for n, line in enumerate(_dump(entry, flow=False).split("\n")):
            if n == 0:
                lines.append(" " * dash + "-" + " " * (key - dash - 1) + line)
            else:
                lines.append(" " * key + line if line else line)
    return "".join(line + nl for line in lines)


def _flow_items(entries: Sequence[Entry]) -> str:
    return ", ".join(_dump(entry, flow=True) for entry in entries)


def _node_end(events: list[Any], start: int) -> int:
    """The index of the last event of the node whose first event is `events[start]`."""
    import yaml

    depth = 0
    for index in range(start, len(events)):
        event = events[index]
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if depth == 0:
            return index
    raise ValueError("unbalanced YAML events")


def _splice(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Apply (start, end, replacement) edits to `text`; the spans do not overlap."""
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def render_appended(text: str, entries: Sequence[Entry]) -> str:
    """`text` (an actuals file, possibly empty) with `entries` appended, as text.

    What the file holds is kept byte for byte: the new entries are added at the end
    of the `actuals` list, in the layout of the list they join (a block list's
    indentation, or inside a flow list's brackets), with the file's line endings.
    Only an empty `actuals:` (nothing, `~` or `[]`) is replaced, by a block list.
    The entries themselves are written by PyYAML's emitter, whose quoting matches
    the PyYAML reader that `status` uses. The caller parses the result back.

    (A round-trip writer that re-emits the whole document, ruamel.yaml, was used
    before; it does not reproduce hand-edited files reliably: a comment before a
    flow-style entry swallowed a line break further down, and a comment between
    flow-style entries was dropped.)
    """
    import yaml

    newline = re.search(r"\r?\n", text)
    nl = newline.group() if newline else "\n"
    if not text.strip():  # a new file, or one of blank lines: qzdc's header, then the list
        return NEW_FILE_HEADER.replace("\n", nl) + "actuals:" + nl + _block_items(entries, 2, 4, nl)
    events = list(yaml.parse(text, Loader=yaml.SafeLoader))
    starts = [i for i, e in enumerate(events) if isinstance(e, yaml.DocumentStartEvent)]
    # Where the document ends: before an explicit `...`, else at the end of the text.
    end = len(text)
    gap = "" if text.endswith(("\n", "\r")) else nl
    if starts:
        document_end = events[_node_end(events, starts[0] + 1) + 1]
        if getattr(document_end, "explicit", False):
            end, gap = document_end.start_mark.index, ""
    root = events[starts[0] + 1] if starts else None

    def new_list(edits: list[tuple[int, int, str]], dash: int, key_line: str = "") -> str:
        return _splice(text, [*edits, (end, end, gap + key_line + _block_items(entries, dash, dash + 2, nl))])

    if root is None or isinstance(root, yaml.ScalarEvent):
        # No document (comments only), or an empty one (`---`, `~`): start the list.
        cut = [(root.start_mark.index, root.end_mark.index, "")] if root is not None else []
        return new_list(cut, 2, "actuals:" + nl)
    if not isinstance(root, yaml.MappingStartEvent):
        raise ValueError("the file is not a mapping")
    root_end = _node_end(events, starts[0] + 1)
    index = starts[0] + 2
    while index < root_end:
        key = events[index]
        value_at = index + 1
        value_end = _node_end(events, value_at)
        if isinstance(key, yaml.ScalarEvent) and key.value == "actuals":
            break
        index = value_end + 1
    else:
        # `{}`: the only mapping without the key that parses as an actuals file.
        closing = events[root_end].start_mark.index
        return _splice(text, [(closing, closing, f"actuals: [{_flow_items(entries)}]")])
    value = events[value_at]
    block_root = not root.flow_style
    if isinstance(value, yaml.ScalarEvent):  # `actuals:` with nothing, `~` or null
        if block_root:
            return new_list([(value.start_mark.index, value.end_mark.index, "")], key.start_mark.column + 2)
        colon = " " if ":" in text[key.end_mark.index : value.start_mark.index] else ": "
        return _splice(text, [(value.start_mark.index, value.end_mark.index, f"{colon}[{_flow_items(entries)}]")])
    if not isinstance(value, yaml.SequenceStartEvent):
        raise ValueError("actuals is not a list")
    if value_end + 1 != root_end:
        raise ValueError("actuals is not the last key")
    items = _item_starts(events, value_at, value_end)
    if value.flow_style:
        if items:
            last_end = events[value_end - 1].end_mark.index
            return _splice(text, [(last_end, last_end, ", " + _flow_items(entries))])
        if block_root:  # `actuals: []`: a block list reads best
            return new_list([(value.start_mark.index, events[value_end].end_mark.index, "")], key.start_mark.column + 2)
        closing = events[value_end].start_mark.index
        return _splice(text, [(closing, closing, _flow_items(entries))])
    # A block list: new items at the end, with the dash and the keys where the file has them.
    dash = value.start_mark.column
    if value.anchor is not None or value.tag is not None:
        # `actuals: &x` or `actuals: !!seq`: the list's mark is the anchor's; find its first dash.
        dash = next(
            token.start_mark.column
            for token in yaml.scan(text, Loader=yaml.SafeLoader)
            if isinstance(token, yaml.BlockEntryToken) and token.start_mark.index >= value.start_mark.index
        )
    key_column = next(
        (
            events[i].start_mark.column
            for i in items
            if isinstance(events[i], yaml.MappingStartEvent)
            and not events[i].flow_style
            and events[i].anchor is None
            and events[i].tag is None
        ),
        dash + 2,
    )
    if key_column <= dash:
        key_column = dash + 2
    return _splice(text, [(end, end, gap + _block_items(entries, dash, key_column, nl))])


def _item_starts(events: list[Any], start: int, end: int) -> list[int]:
    """The indices of the first events of the items of the collection from `start` to `end`."""
    items = []
    index = start + 1
    while index < end:
        items.append(index)
        index = _node_end(events, index) + 1
    return items
