"""Reading YAML safely, and finding where in the file a value stands.

Two paths. The fast one parses with PyYAML's C loader (where available) under a
safe constructor that refuses duplicate keys; it is all a valid file ever needs.
Only when something is wrong do we compose the file again into nodes to learn the
line and column of every key and value, so that a pydantic error at
`indicators[3].targets[0].value` can be reported at `indicators.yaml:88:16`.
"""

from __future__ import annotations

import contextlib
import math
import re
from typing import Any

import yaml

from qzdc.errors import Problem, quoted
from qzdc.i18n import tr, yaml_error_text
from qzdc.plan.numbers import Written

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Tags a plan may use: plain data only. Anything else (`!!python/object`, custom
# tags, `!!binary`) is refused before it can construct anything.
_SAFE_TAGS = frozenset(
    "tag:yaml.org,2002:" + t for t in ("null", "bool", "int", "float", "str", "timestamp", "map", "seq")
)

# Aliases can make a small file expand enormously ("billion laughs"); a plan has
# a few thousand nodes at most.
_MAX_NODES = 2_000_000

Loc = tuple[str | int, ...]


class YamlProblem(Exception):
    def __init__(self, message: str, line: int | None, column: int | None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.hint = hint


def _at(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _SafeLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """The C-accelerated safe loader; scalars that parse as no real value are refused."""


def _construct_float(loader: Any, node: yaml.ScalarNode) -> float:
    value = yaml.SafeLoader.construct_yaml_float(loader, node)
    if not math.isfinite(value):
        # .nan and .inf would poison every computation and cannot be written as JSON.
        raise YamlProblem(tr("yaml.not_finite", value=quoted(node.value)), *_at(node), tr("yaml.not_finite.hint"))
    return value


def _construct_int(loader: Any, node: yaml.ScalarNode) -> int:
    try:
        return yaml.SafeLoader.construct_yaml_int(loader, node)
    except ValueError:
        # Python refuses to read an integer of more than 4,300 digits (a defence against slow parsing).
        digits = sum(ch.isdigit() for ch in node.value)
        raise YamlProblem(tr("yaml.too_long", digits=digits), *_at(node), tr("yaml.too_long.hint")) from None


def _construct_timestamp(loader: Any, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError) as err:
        # A scalar that looks like a date but is none: 2024-13-05.
        raise YamlProblem(
            tr("yaml.bad_date", value=quoted(node.value), why=err), *_at(node), tr("yaml.bad_date.hint")
        ) from None


_SafeLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
_SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_SafeLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)

_DECIMALS = re.compile(r"^[-+]?[0-9_]*\.([0-9]+)$")


class _WrittenLoader(_SafeLoader):
    """The safe loader, with numbers that keep the decimals they were written with (67.00 stays 67.00)."""


def _construct_written_float(loader: Any, node: yaml.ScalarNode) -> float:
    value = _construct_float(loader, node)
    match = _DECIMALS.match(node.value)
    return Written(value, len(match.group(1))) if match else value


_WrittenLoader.add_constructor("tag:yaml.org,2002:float", _construct_written_float)

_MERGE = "tag:yaml.org,2002:merge"
_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"


def _check_nodes(root: yaml.Node, loader: Any, limit: int = _MAX_NODES) -> None:
    """One pass over the composed document, before anything is constructed.

    Refuses tags other than plain data (no `!!python/object` ever reaches a
    constructor), merge keys, keys YAML 1.1 reads as booleans (`no:`), duplicate
    keys (PyYAML silently keeps the last), and aliases that make the document
    recursive or enormous ("billion laughs"). Aliases share one node, so sizes
    are memoised by node and the pass costs one visit per distinct node.
    """
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def visit(node: yaml.Node) -> int:
        ident = id(node)
        if ident in sizes:
            return sizes[ident]
        if node.tag not in _SAFE_TAGS:
            raise YamlProblem(
                tr("yaml.tag", tag=quoted(node.tag)),
                *_at(node),
                tr("yaml.tag.hint"),
            )
        if isinstance(node, yaml.ScalarNode):
            sizes[ident] = 1
            return 1
        if ident in active:
            raise YamlProblem(tr("yaml.alias_loop"), *_at(node), tr("yaml.write_out"))
        active.add(ident)
        total = 1
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, yaml.Node] = {}
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE:
                    raise YamlProblem(tr("yaml.merge"), *_at(key_node), tr("yaml.write_out"))
                if not isinstance(key_node, yaml.ScalarNode):
                    raise YamlProblem(tr("yaml.key_kind"), *_at(key_node))
                if key_node.tag == _BOOL and key_node.value.lower() not in ("true", "false"):
                    word = "true" if key_node.value.lower() in ("yes", "on", "y") else "false"
                    raise YamlProblem(
                        tr("yaml.bool_key", key=quoted(key_node.value), word=word),
                        *_at(key_node),
                        tr("yaml.quote_it", text=f'"{key_node.value}"'),
                    )
                key = key_node.value if key_node.tag == _STR else loader.construct_object(key_node, deep=True)
                if key in seen:
                    raise YamlProblem(
                        tr("yaml.duplicate_key", key=quoted(key), line=seen[key].start_mark.line + 1),
                        *_at(key_node),
                        tr("yaml.duplicate_key.hint"),
                    )
                seen[key] = key_node
                total += 1 + visit(value_node)
                if total > limit:
                    break
        else:
            for item in node.value:
                total += visit(item)
                if total > limit:
                    break
        if total > limit:
            raise YamlProblem(
                tr("yaml.expands", limit=f"{limit:,}"),
                *_at(node),
                tr("yaml.write_out"),
            )
        active.discard(ident)
        sizes[ident] = total
        return total

    visit(root)


def _problem_from_yaml_error(err: yaml.YAMLError, file: str, text: str = "") -> Problem:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    what = getattr(err, "problem", None) or str(err)
    context = getattr(err, "context", None)
    message = yaml_error_text(what, context)
    return Problem(message=message, file=file, line=line, column=column, hint=_comparator_hint(err, text))


def _comparator_hint(err: yaml.YAMLError, text: str) -> str | None:
    """`comparator: >=` starts a YAML block scalar (>, |): say how to write it, in one line."""
    start = getattr(err, "context_mark", None)
    if getattr(err, "context", None) != "while scanning a block scalar" or start is None:
        return None
    lines = text.splitlines()
    if start.line >= len(lines):
        return None
    token = re.match(r"[>|]\S*", lines[start.line][start.column :])
    if token is None:
        return None
    return f'quote it: "{token.group(0)}"'


def _bare_percent_at(text: str, err: yaml.YAMLError) -> int | None:
    """Where a bare `%` stopped the scanner (`unit: %`), or None for any other error."""
    mark = getattr(err, "problem_mark", None)
    if not isinstance(err, yaml.scanner.ScannerError) or mark is None or mark.index >= len(text):
        return None
    return mark.index if text[mark.index] == "%" else None


def quote_bare_percent(text: str) -> str:
    """`unit: %` read as the text it obviously is: every bare scalar starting with `%` quoted.

    YAML reserves `%` for directives, so `%` cannot start a plain value and PyYAML
    stops with a bare syntax error. Each place the scanner stops at a `%` is quoted,
    up to the next space, comma, bracket or comment; nothing else is touched.
    """
    for _ in range(10_000):
        try:
            for _token in yaml.scan(text, Loader=_BaseLoader):
                pass
            return text
        except yaml.YAMLError as err:
            start = _bare_percent_at(text, err)
            if start is None:
                return text
            end = start
            while end < len(text) and text[end] not in " \t\r\n,]}#\"'":
                end += 1
            text = f'{text[:start]}"{text[start:end]}"{text[end:]}'
    return text


def parse(text: str, file: str, *, written: bool = False) -> tuple[Any, list[Problem]]:
    """Parse YAML text safely. Returns the data, or None and the problems.

    `written`: numbers with decimals come back as `Written`, keeping the digits (actuals files).
    """
    loader = _WrittenLoader(text) if written else _SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, []
        _check_nodes(node, loader)
        return loader.construct_document(node), []
    except YamlProblem as p:
        return None, [Problem(p.message, file, p.line, p.column, hint=p.hint)]
    except yaml.YAMLError as err:
        if _bare_percent_at(text, err) is not None and (quoted := quote_bare_percent(text)) != text:
            loader.dispose()
            return parse(quoted, file)
        return None, [_problem_from_yaml_error(err, file, text)]
    except RecursionError:
        return None, [Problem(tr("yaml.nests_too_deeply"), file)]
    finally:
        loader.dispose()


class Positions:
    """Line and column of each key and value in a YAML document, by data path."""

    def __init__(self, text: str):
        self.values: dict[Loc, tuple[int, int]] = {}
        self.keys: dict[Loc, tuple[int, int]] = {}
        try:
            root = yaml.compose(text, Loader=_BaseLoader)
        except yaml.YAMLError as err:
            root = None
            if _bare_percent_at(text, err) is not None:
                with contextlib.suppress(yaml.YAMLError):
                    root = yaml.compose(quote_bare_percent(text), Loader=_BaseLoader)
        if root is not None:
            self._walk(root, (), [0])

    def _walk(self, node: yaml.Node, loc: Loc, count: list[int]) -> None:
        count[0] += 1
        if count[0] > _MAX_NODES or len(loc) > 100:
            return  # an alias bomb or a recursive alias: enough places for any message
        self.values.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
                child = (*loc, key)
                self.keys.setdefault(child, (key_node.start_mark.line + 1, key_node.start_mark.column + 1))
                self._walk(value_node, child, count)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                self._walk(item, (*loc, i), count)

    def scalar_text(self, text: str, loc: Loc) -> str | None:
        """The plain scalar at `loc` as the file writes it (`+1`, where YAML reads 1), or None."""
        place = self.values.get(tuple(loc))
        if place is None:
            return None
        lines = text.splitlines()
        line, col = place
        if line > len(lines):
            return None
        token = re.match(r"[^\s,}\]#]*", lines[line - 1][col - 1 :])
        return token.group(0) if token else None

    def find(self, loc: Loc, *, key: bool = False) -> tuple[int | None, int | None]:
        """The place of `loc`, or of its nearest ancestor that exists in the file."""
        probe = tuple(loc)
        while True:
            if key and probe in self.keys:
                return self.keys[probe]
            if probe in self.values:
                return self.values[probe]
            if not probe:
                return None, None
            probe = probe[:-1]


def format_loc(loc: Loc) -> str:
    """`("indicators", 3, "targets", 0, "value")` → `indicators[3].targets[0].value`."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def decode(raw: bytes, shown: str) -> tuple[str, list[Problem]]:
    """A plan file's bytes as text: UTF-8, a BOM tolerated."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        return "", [Problem(tr("yaml.not_utf8", byte=err.start), shown, hint=tr("yaml.save_as_utf8"))]
