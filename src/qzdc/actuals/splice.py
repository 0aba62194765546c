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
from qzdc.errors import quoted
from qzdc.plan.numbers import Written

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
    # A figure keeps the decimals it was written with: 67.00, not 67.0.
    Dumper.add_representer(
        Written, lambda dumper, number: dumper.represent_scalar("tag:yaml.org,2002:float", number.text)
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


class CannotAppend(ValueError):
    """The file is valid, but in a layout that new entries cannot follow without a change to what is there."""

    def __init__(self, construct: str, hint: str):
        super().__init__(construct)
        self.construct = construct
        self.hint = hint


def _events(text: str) -> list[Any]:
    """The file's YAML events by libyaml, the same parser as the reader's (`qzdc.plan.yamlio`):
    what one reads, the other reads alike (a tab after a colon, NEL or LS inside quotes)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return list(yaml.parse(text, Loader=loader))


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


def render_appended(text: str, entries: Sequence[Entry]) -> str:
    """`text` (an actuals file, possibly empty) followed by `entries`, as text: `text` is its prefix.

    Nothing the file holds is touched: the new entries are added after its last
    byte, as items of its block `actuals` list, with the list's own indentation
    and the file's line endings. A layout that new text at the end cannot extend
    (a flow list `[…]`, `actuals: ~`, a `...` document end) raises CannotAppend,
    which names the construct and the edit that allows appending. The entries
    are written by PyYAML's emitter, whose quoting matches the reader's; the
    caller parses the result back before anything is written.

    (Earlier versions edited inside the file: they replaced `actuals: ~` and
    wrote inside a flow list's brackets. A round-trip writer, ruamel.yaml, was
    used before that; it lost comments and line breaks in hand-edited files.)
    """
    from qzdc.i18n import tr

    newline = re.search(r"\r?\n", text)
    nl = newline.group() if newline else "\n"
    gap = "" if not text or text.endswith(("\n", "\r")) else nl
    if not text.strip():  # a new file, or one of blank lines: qzdc's header, then the list
        return text + gap + NEW_FILE_HEADER.replace("\n", nl) + "actuals:" + nl + _block_items(entries, 2, 4, nl)
    import yaml

    events = _events(text)
    starts = [i for i, e in enumerate(events) if isinstance(e, yaml.DocumentStartEvent)]
    if not starts:  # comments only: the list starts the document
        return text + gap + "actuals:" + nl + _block_items(entries, 2, 4, nl)
    root_at = starts[0] + 1
    root_end = _node_end(events, root_at)
    if getattr(events[root_end + 1], "explicit", False):
        raise CannotAppend(tr("splice.document_end"), tr("splice.document_end.hint"))
    root = events[root_at]
    if isinstance(root, yaml.ScalarEvent):
        if root.value == "" and not root.style:  # `---` alone: an empty document, which the list fills
            return text + gap + "actuals:" + nl + _block_items(entries, 2, 4, nl)
        raise CannotAppend(tr("splice.root_scalar", value=quoted(root.value)), tr("splice.root_scalar.hint"))
    if not isinstance(root, yaml.MappingStartEvent) or root.flow_style:
        raise CannotAppend(tr("splice.flow_mapping"), tr("splice.flow.hint"))
    key_at = root_at + 1
    while key_at < root_end:
        key, value_at = events[key_at], key_at + 1
        value_end = _node_end(events, value_at)
        if isinstance(key, yaml.ScalarEvent) and key.value == "actuals":
            break
        key_at = value_end + 1
    else:
        raise ValueError("the file has no actuals key")  # the reader refuses such a file first
    if value_end + 1 != root_end:
        raise ValueError("actuals is not the last key")  # likewise: no other key is allowed
    value = events[value_at]
    if isinstance(value, yaml.ScalarEvent):
        if value.value == "" and not value.style and value.anchor is None and value.tag is None:
            # `actuals:` with nothing after it: the list that follows becomes its value.
            dash = key.start_mark.column + 2
            return text + gap + _block_items(entries, dash, dash + 2, nl)
        raise CannotAppend(tr("splice.scalar_value", value=quoted(value.value)), tr("splice.scalar_value.hint"))
    if not isinstance(value, yaml.SequenceStartEvent):
        raise ValueError("actuals is not a list")  # the reader refuses such a file first
    if value.flow_style:
        raise CannotAppend(tr("splice.flow_list"), tr("splice.flow.hint"))
    return text + gap + _block_items(entries, *_columns(text, events, value_at, value_end), nl)


def _columns(text: str, events: list[Any], value_at: int, value_end: int) -> tuple[int, int]:
    """Where a block list's dashes and its items' keys stand, for new items to match."""
    import yaml

    value = events[value_at]
    dash = value.start_mark.column
    if value.anchor is not None or value.tag is not None:
        # `actuals: &x` or `actuals: !!seq`: the list's mark is the anchor's; find its first dash.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        here = (value.start_mark.line, value.start_mark.column)
        dash = next(
            token.start_mark.column
            for token in yaml.scan(text, Loader=loader)
            if isinstance(token, yaml.BlockEntryToken) and (token.start_mark.line, token.start_mark.column) >= here
        )
    key = next(
        (
            events[i].start_mark.column
            for i in _item_starts(events, value_at, value_end)
            if isinstance(events[i], yaml.MappingStartEvent)
            and not events[i].flow_style
            and events[i].anchor is None
            and events[i].tag is None
        ),
        dash + 2,
    )
    return dash, key if key > dash else dash + 2


def _item_starts(events: list[Any], start: int, end: int) -> list[int]:
    """The indices of the first events of the items of the collection from `start` to `end`."""
    items = []
    index = start + 1
    while index < end:
        items.append(index)
        index = _node_end(events, index) + 1
    return items
