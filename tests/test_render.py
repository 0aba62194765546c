"""Rendering: the plain table writer lays tables out exactly as rich does.

Pipes, files and NO_COLOR get `_plain_table`; colour terminals get rich. The
two must never differ but for colour, so they are compared on every kind of
table qzdc prints, at many widths, and on awkward text.
"""

from __future__ import annotations

from pathlib import Path

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


# ── below the narrowest table: one block per row ─────────────────────────────

MINI_AT_40 = """\
小镇试点方案（测试） ・ 截至2023年

经济发展
  企业数（家）
    最新值   115 (2023)
    目标值   144
    尚需/年  25.22%
    状态     存在风险
  产值年均增速（%）
    最新值   6 (2023)
    目标值   8
    尚需/年  10.04%
    状态     进度滞后
  新增项目（力争）（个）
    最新值   60 (2023)
    目标值   100
    尚需/年  +40
    状态     进度正常

生活富裕
  覆盖率（%）
    最新值   44 (2023)
    目标值   46
    尚需/年  +2个百分点
    状态     进度正常
  收入倍差
    最新值   2.1 (2023)
    目标值   1.8以内
    尚需/年  -0.3
    状态     背离目标
  创建示范镇
    最新值   -
    目标值   完成
    尚需/年  -
    状态     暂无数据

进度正常 2  存在风险 1  进度滞后 1
背离目标 1  暂无数据 1
"""


def test_status_at_40_columns_is_a_block_per_target(cli, mini_copy, monkeypatch):
    """User test 1, finding 18: COLUMNS=40 printed lines of 74 cells and dropped 尚需/年. Below the narrowest
    table each target is a block: its name (and unit), then 最新值, 目标值, 尚需/年 and 状态, a line each;
    the footer's counts break between counts (背离目标 1 whole)."""
    import io

    from qzdc.render.table import to_table

    plan = load_plan(str(Path(__file__).parent / "fixtures" / "mini"))
    view = status_view(build_status(plan, observations(plan, "/nonexistent/actuals.yaml")), "zh")
    assert to_table(view, io.StringIO(), width=40, color=False) == MINI_AT_40
    # the command itself, as the user ran it
    monkeypatch.chdir(mini_copy)  # the plan's own directory, where its actuals.yaml is found
    run = cli("status", "--plan", ".", env={"COLUMNS": "40"})
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[:2] == ["小镇试点方案（测试） ・ 截至2023年 ・ 尚", "未录入数据：无 actuals.yaml"]
    assert lines[2:] == MINI_AT_40.splitlines()[1:]
    assert max(cell_len(line) for line in lines) <= 40


def _user_test_views() -> list[tuple[str, View]]:
    from qzdc.plan.models import Observation

    plan = load_plan()
    figures = [
        ("gdp_growth", "2024", 7.8), ("retail_sales_growth", "2024", 5.0), ("retail_sales_growth", "2025-09", 6.5),
        ("exports", "2025-Q3", 5400), ("gdp", "2025-09", 61.6), ("new_investment_projects", "2025-Q3", 38),
    ]  # fmt: skip
    observed = [
        *plan.observations,
        *(Observation(origin="actuals", indicator=i, period=p, value=v) for i, p, v in figures),
    ]
    return [(lang, status_view(build_status(plan, observed), lang)) for lang in ("zh", "en")]


@pytest.mark.parametrize(("lang", "view"), _user_test_views(), ids=["zh", "en"])
def test_blocks_fit_the_terminal_and_keep_what_always_stays(lang, view):
    """From 20 to 56 columns: no line wider than the terminal, every target's 尚需/年 and status there, and
    the colour terminal's blocks the same text as a pipe's."""
    import re

    from qzdc.render.table import _plain_blocks, _rich_blocks

    needed = "尚需/年" if lang == "zh" else "Needed/yr"
    seen = 0
    for width in range(20, 57, 4):
        if not _layout(view, width).blocks:
            continue
        seen += 1
        text = _plain_blocks(view, width)
        assert max(cell_len(line) for line in text.splitlines()) <= width, width
        assert sum(line.lstrip().startswith(needed) for line in text.splitlines()) == len(view.rows), width
        coloured = re.sub(r"\x1b\[[0-9;]*m", "", _rich_blocks(view, width))
        assert [line.rstrip() for line in coloured.splitlines()] == text.splitlines(), width
    assert seen >= 5
    assert not _layout(view, 160).blocks  # a wide terminal keeps the table
