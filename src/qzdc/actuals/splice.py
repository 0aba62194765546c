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
    newline = re.search(r"\r?\n", text)
    nl = newline.group() if newline else "\n"
    if not text.strip():  # a new file, or one of blank lines: qzdc's header, then the list
        return NEW_FILE_HEADER.replace("\n", nl) + "actuals:" + nl + _block_items(entries, 2, 4, nl)
    import yaml

    doc = _Document(text, list(yaml.parse(text, Loader=yaml.SafeLoader)), entries, nl)
    root = doc.root
    if root is None or isinstance(root, yaml.ScalarEvent):
        # No document (comments only), or an empty one (`---`, `~`): start the list.
        cut = [(root.start_mark.index, root.end_mark.index, "")] if root is not None else []
        return doc.new_list(cut, 2, "actuals:" + nl)
    if not isinstance(root, yaml.MappingStartEvent):
        raise ValueError("the file is not a mapping")
    found = doc.actuals_key()
    if found is None:
        # `{}`: the only mapping without the key that parses as an actuals file.
        closing = doc.events[doc.root_end].start_mark.index
        return _splice(text, [(closing, closing, f"actuals: [{_flow_items(entries)}]")])
    key, value_at, value_end = found
    value = doc.events[value_at]
    if isinstance(value, yaml.ScalarEvent):  # `actuals:` with nothing, `~` or null
        if not root.flow_style:
            return doc.new_list([(value.start_mark.index, value.end_mark.index, "")], key.start_mark.column + 2)
        colon = " " if ":" in text[key.end_mark.index : value.start_mark.index] else ": "
        return _splice(text, [(value.start_mark.index, value.end_mark.index, f"{colon}[{_flow_items(entries)}]")])
    if not isinstance(value, yaml.SequenceStartEvent):
        raise ValueError("actuals is not a list")
    if value_end + 1 != doc.root_end:
        raise ValueError("actuals is not the last key")
    if value.flow_style:
        return _append_to_flow_list(doc, key, value_at, value_end)
    return _append_to_block_list(doc, value_at, value_end)


class _Document:
    """An actuals file's text and YAML events, and where new text may go."""

    def __init__(self, text: str, events: list[Any], entries: Sequence[Entry], nl: str):
        import yaml

        self.text, self.events, self.entries, self.nl = text, events, entries, nl
        starts = [i for i, e in enumerate(events) if isinstance(e, yaml.DocumentStartEvent)]
        self.root_at = starts[0] + 1 if starts else None
        self.root = events[self.root_at] if self.root_at is not None else None
        self.root_end = _node_end(events, self.root_at) if self.root_at is not None else None
        # Where the document ends: before an explicit `...`, else at the end of the text.
        self.end = len(text)
        self.gap = "" if text.endswith(("\n", "\r")) else nl
        if self.root_end is not None:
            document_end = events[self.root_end + 1]
            if getattr(document_end, "explicit", False):
                self.end, self.gap = document_end.start_mark.index, ""

    def new_list(self, edits: list[tuple[int, int, str]], dash: int, key_line: str = "") -> str:
        """The entries as a new block list at the document's end (after `key_line`), with `edits` made."""
        items = _block_items(self.entries, dash, dash + 2, self.nl)
        return _splice(self.text, [*edits, (self.end, self.end, self.gap + key_line + items)])

    def actuals_key(self) -> tuple[Any, int, int] | None:
        """The root mapping's `actuals` key event, and the first and last event indices of its value."""
        import yaml

        assert self.root_at is not None and self.root_end is not None
        index = self.root_at + 1
        while index < self.root_end:
            key, value_at = self.events[index], index + 1
            value_end = _node_end(self.events, value_at)
            if isinstance(key, yaml.ScalarEvent) and key.value == "actuals":
                return key, value_at, value_end
            index = value_end + 1
        return None


def _append_to_flow_list(doc: _Document, key: Any, value_at: int, value_end: int) -> str:
    """`actuals: [...]`: after its last item, or inside the brackets; `[]` in a block file becomes a block list."""
    events, text = doc.events, doc.text
    if _item_starts(events, value_at, value_end):
        last_end = events[value_end - 1].end_mark.index
        return _splice(text, [(last_end, last_end, ", " + _flow_items(doc.entries))])
    assert doc.root is not None
    if not doc.root.flow_style:  # `actuals: []`: a block list reads best
        value = events[value_at]
        return doc.new_list([(value.start_mark.index, events[value_end].end_mark.index, "")], key.start_mark.column + 2)
    closing = events[value_end].start_mark.index
    return _splice(text, [(closing, closing, _flow_items(doc.entries))])


def _append_to_block_list(doc: _Document, value_at: int, value_end: int) -> str:
    """A block list: new items at the end, with the dash and the keys where the file has them."""
    import yaml

    events, text, value = doc.events, doc.text, doc.events[value_at]
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
            for i in _item_starts(events, value_at, value_end)
            if isinstance(events[i], yaml.MappingStartEvent)
            and not events[i].flow_style
            and events[i].anchor is None
            and events[i].tag is None
        ),
        dash + 2,
    )
    if key_column <= dash:
        key_column = dash + 2
    items = _block_items(doc.entries, dash, key_column, doc.nl)
    return _splice(text, [(doc.end, doc.end, doc.gap + items)])


def _item_starts(events: list[Any], start: int, end: int) -> list[int]:
    """The indices of the first events of the items of the collection from `start` to `end`."""
    items = []
    index = start + 1
    while index < end:
        items.append(index)
        index = _node_end(events, index) + 1
    return items
