"""Rendering: the plain table writer lays tables out exactly as rich does.

Pipes, files and NO_COLOR get `_plain_table`; colour terminals get rich. The
two must never differ but for colour, so they are compared on every kind of
table qzdc prints, at many widths, and on awkward text.
"""

from __future__ import annotations

import pytest

from qzdc.cli.actions import observations
from qzdc.plan.loader import load_plan
from qzdc.render.formats import to_csv, to_json, to_markdown
from qzdc.render.table import _layout, _plain_table, _rich_table, cell_len
from qzdc.views.audit import audit, audit_view
from qzdc.views.listing import indicators_view, list_view, tasks_view
from qzdc.views.owners import department_view, departments_view
from qzdc.views.status import build_status, status_view
from qzdc.views.view import Column, View


def builtin_views() -> list[tuple[str, View]]:
    plan = load_plan()
    obs = observations(plan, "/nonexistent/actuals.yaml")
    found = audit(plan, obs)
    views = []
    for lang in ("zh", "en"):
        views += [
            (f"status-{lang}", status_view(build_status(plan, obs), lang)),
            (f"audit-{lang}", audit_view(plan, found, lang)),
            (f"indicators-{lang}", indicators_view(plan, lang)),
            (f"tasks-{lang}", tasks_view(plan, lang)),
            (f"policies-{lang}", list_view(plan, "policies", lang)),
            (f"owners-{lang}", departments_view(plan, lang)),
            (f"department-{lang}", department_view(plan, "区农业农村委", lang)),
        ]
    return views


@pytest.mark.parametrize(("name", "view"), builtin_views(), ids=lambda v: v if isinstance(v, str) else "")
def test_plain_tables_match_rich_at_every_width(name, view):
    compared = 0
    for width in range(50, 181, 5):
        if not _layout(view, width).fits:
            continue
        assert _plain_table(view, width) == _rich_table(view, width, color=False), (name, width)
        compared += 1
    assert compared >= 10


AWKWARD = [
    "a very long word: supercalifragilisticexpialidocious_and_more_of_it",
    "中文没有空格的长句子会在任意字之间折行直到放下为止",
    "mixed 中文 and English, with spaces   and  runs  of   spaces",
    "trailing spaces    ",
    "   leading spaces",
    "（全角括号）“引号”——破折号…省略号",
    "line one\nline two with 中文",
    "",
    "x",
    "I II III IV V 劣V",
]


@pytest.mark.parametrize("width", [30, 41, 57, 80])
def test_plain_tables_match_rich_on_awkward_text(width):
    columns = [
        Column("a", "Left wraps", min_width=5),
        Column("b", "右对齐", align="right", min_width=4),
        Column("c", "No wrap", no_wrap=True),
    ]
    rows = [{"a": t, "b": t[::-1], "c": t[:12]} for t in AWKWARD]
    view = View(
        data=None, columns=columns, rows=rows, title="标题 title that is quite long indeed", footer="footer 脚注"
    )
    if _layout(view, width).fits:
        assert _plain_table(view, width) == _rich_table(view, width, color=False)


def test_cell_len_counts_wide_characters_twice():
    assert cell_len("abc") == 3
    assert cell_len("中文") == 4
    assert cell_len("（测试）") == 8
    assert cell_len("—·“”≤✓") == 6


def test_rich_markup_in_plan_text_is_shown_as_written():
    view = View(data=None, columns=[Column("a", "[bold]A[/bold]")], rows=[{"a": "[red]x[/red]"}], title="[b]t[/b]")
    text = _rich_table(view, 60, color=True)
    assert "[red]x[/red]" in text and "[b]t[/b]" in text and "[bold]A[/bold]" in text


def test_machine_formats():
    columns = [Column("n", "N"), Column("v", "V", align="right")]
    view = View(data={"v": 17.39999999999999, "nan": None}, columns=columns, rows=[{"n": "a|b", "v": 0.1 + 0.2}])
    assert to_json(view.data) == '{\n  "v": 17.4,\n  "nan": null\n}\n'
    assert to_csv(view) == "n,v\r\na|b,0.3\r\n"
    assert to_markdown(view) == "| N | V |\n| --- | ---: |\n| a\\|b | 0.3 |\n"
    # A figure that overflowed on its way out is null, as one that cannot be computed: never NaN or Infinity.
    assert to_json({"x": float("nan"), "y": [float("inf"), -float("inf")]}, indent=None) == (
        '{"x": null, "y": [null, null]}\n'
    )


def test_progress_bar_only_on_a_terminal(monkeypatch):
    import io

    from qzdc.render.terminal import progress_bar

    class Tty(io.StringIO):
        def isatty(self):
            return True

    with progress_bar(10, io.StringIO(), "x") as update:
        assert update is None  # a pipe or file: nothing drawn
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    stream = Tty()
    with progress_bar(10, stream, "qzdc batch") as update:
        assert callable(update)
        update(5)
    assert "qzdc batch" in stream.getvalue()
    monkeypatch.setenv("TERM", "dumb")
    with progress_bar(10, Tty(), "x") as update:
        assert update is None
