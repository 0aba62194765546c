"""Terminal tables set as Chinese is set.

Lines break between characters (or, in English, between words); no line starts
with a closing mark (、。，；：）」 …) or ends with an opening one (（「 …); a cell's
last line never holds a single character alone; a short bracketed note
（力争）stays whole; a number keeps its unit (2023年). When the unit column has
no room it joins the name, 出口总额（万美元）; the latest value, what is still
required and the status are the last columns to go; characters CJK fonts draw
two cells wide (— ≤ “ ” ✓) are drawn with ones of certain width.

The expected tables are in tests/fixtures/tables/, written by qzdc and checked
by eye once; regenerate them with `QZDC_WRITE_TABLES=1 python -m pytest
tests/test_linebreak.py` after a deliberate change, and read the diff.
"""

from __future__ import annotations

import io
import itertools
import os
import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from qzdc.cli.actions import observations
from qzdc.plan.loader import builtin_plan_dir, load_plan
from qzdc.render.table import (
    NO_LINE_END,
    NO_LINE_START,
    _layout,
    break_lines,
    cell_len,
    cell_lines,
    terminal_glyphs,
    to_table,
)
from qzdc.views.owners import department_view
from qzdc.views.status import build_status, status_view

TABLES = Path(__file__).parent / "fixtures" / "tables"
FIXTURES = Path(__file__).parent / "fixtures"
PLAN = load_plan()
OBS = observations(PLAN, "/nonexistent/actuals.yaml")


def _letters(line: str) -> int:
    return sum(1 for ch in line if not (ch.isspace() or ch in NO_LINE_START or ch in NO_LINE_END))


def _expect(name: str, text: str) -> None:
    path = TABLES / name
    if os.environ.get("QZDC_WRITE_TABLES"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs"


def _table(view, width: int) -> str:
    """The table as a pipe or a file gets it (rich lays out a colour terminal's alike: tests/test_render.py)."""
    return to_table(view, io.StringIO(), width=width, color=False)


def _check_cells(view, width: int) -> int:
    """Every wrapped cell obeys the rules; returns how many cells wrapped (the test must see some)."""
    layout = _layout(view, width)
    wrapped = 0
    for row in layout.rows:
        for (text, _), column, w in zip(row, layout.columns, layout.widths, strict=True):
            if column.no_wrap or not text:
                continue
            lines = [line.strip() for line in cell_lines(terminal_glyphs(text), w, False, False)]
            lines = [line for line in lines if line]
            for line in lines:
                assert line[0] not in NO_LINE_START, (text, lines)
                assert line[-1] not in NO_LINE_END, (text, lines)
            if len(lines) > 1:
                wrapped += 1
                assert all(_letters(line) >= 2 for line in lines), (text, lines)
    return wrapped


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [60, 80, 100])
def test_the_status_table_at_60_80_and_100_columns(lang, width):
    view = status_view(build_status(PLAN, OBS), lang)
    assert _check_cells(view, width) > 0
    _expect(f"status-{lang}-{width}.txt", _table(view, width))


@pytest.mark.parametrize("width", [60, 80, 100])
def test_a_department_table_breaks_its_lists_at_the_right_places(width):
    view = department_view(PLAN, "区农业农村委", "zh")
    _check_cells(view, width)
    _expect(f"department-zh-{width}.txt", _table(view, width))


def test_the_unit_joins_the_name_when_its_column_has_no_room():
    view = status_view(build_status(PLAN, OBS), "zh")
    narrow = _table(view, 80)
    assert "出口总额（万美元）" in narrow and " 单位 " not in narrow
    wide = _table(view, 160)
    assert " 单位 " in wide and "出口总额（万美元）" not in wide
    english = _table(status_view(build_status(PLAN, OBS), "en"), 80)
    assert "Total exports (10,000 US" in english  # and the unit in English


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_latest_required_and_status_are_the_last_columns_to_go(lang):
    view = status_view(build_status(PLAN, OBS), lang)
    keys = {c.key for c in _layout(view, 50).columns}
    assert {"name", "latest", "required", "status"} <= keys
    assert "target" not in keys and "unit" not in keys


def test_glyphs_of_uncertain_width_are_drawn_with_certain_ones():
    assert terminal_glyphs("—") == "-" and terminal_glyphs("≤1.7") == "<=1.7"
    assert terminal_glyphs("国家级专精特新“小巨人”企业") == "国家级专精特新「小巨人」企业"
    assert terminal_glyphs("at risk → achieved") == "at risk -> achieved"
    import unicodedata

    for ch in terminal_glyphs("—–≤≥≈±×→·…“”‘’✓✗°²"):
        assert unicodedata.east_asian_width(ch) != "A", ch


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("地区生产总值年均增速", 18, ["地区生产总值年均", "增速"]),  # never 年均增 / 速
        ("地区生产总值（力争）", 14, ["地区生产总值", "（力争）"]),  # never （力 / 争）
        ("年经营性收入20万元以上村占比", 18, ["年经营性收入20万元", "以上村占比"]),
        ("区农业农村委、区财政局、区发展改革委", 12, ["区农业农村", "委、区财政", "局、区发展改", "革委"]),
        ("截至2023年底", 8, ["截至", "2023年底"]),  # 2023年 keeps its 年
        ("Gross regional product, average annual growth", 22, ["Gross regional", "product, average", "annual growth"]),
        ("尚需/年", 4, ["尚", "需/", "年"]),  # narrower than anything can be: folded
    ],
)
def test_break_lines(text, width, lines):
    assert break_lines(text, width) == lines


CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4E40)
MARKS = st.sampled_from(list("、。，；：）」（「 ab1%"))


@given(st.text(st.one_of(CJK, MARKS), min_size=1, max_size=40), st.integers(min_value=6, max_value=30))
@example("（力争）（亿元）", 6)
@example("、、、、", 6)
def test_broken_lines_fit_and_lose_nothing_but_spaces(text, width):
    lines = break_lines(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert re.sub(r"\s", "", "".join(lines)) == re.sub(r"\s", "", text)


# ── batch ────────────────────────────────────────────────────────────────────


def test_batch_at_80_columns(cli):
    """Each plan by its town (or its id where its title names none), short distinct status heads, no title broken."""
    plans = [str(builtin_plan_dir()), str(FIXTURES / "mini"), str(FIXTURES / "fyp")]
    result = cli("batch", *plans, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    _expect("batch-zh-80.txt", result.stdout)
    heads = result.stdout.splitlines()[2].split()
    assert len(heads) == len(set(heads))  # no two heads alike (进度 / 进度)
    english = cli("batch", *plans, "--lang", "en", env={"COLUMNS": "80"})
    _expect("batch-en-80.txt", english.stdout)


# A number and what it counts in (亿元, %, 个百分点, a space then %) are one piece (user test 1, finding 18):
# the audit's own sentence, and the figures the status table writes.
_NUMBERS = re.compile(r"[+-]?\d+(?:\.\d+)?(?: ?%|个百分点|亿元|万美元|年|家|pp)?")
AUDIT_SENTENCE = (
    "地区生产总值年均增速2023–2025年均7.5%：从2023年75.33亿元（已增长7.5%）起，2025年为87.05亿元，达不到力争的"
    "100亿元；后者需年均增长12.58%（高于增速目标5.08个百分点），其余每年需15.22%"
)


@pytest.mark.parametrize("width", range(12, 61))
def test_a_number_with_its_unit_never_breaks(width):
    lines = break_lines(AUDIT_SENTENCE, width)
    assert "".join(lines) == AUDIT_SENTENCE.replace(" ", "") or "".join(lines).replace(
        " ", ""
    ) == AUDIT_SENTENCE.replace(" ", "")
    joined = "\n".join(lines)
    for number in _NUMBERS.finditer(AUDIT_SENTENCE):
        text = number.group()
        assert text in joined, f"{text!r} broken at {width}: {lines}"


@pytest.mark.parametrize("args", [["audit"], ["status"], ["audit", "--lang", "en"], ["status", "--lang", "en"]])
def test_no_table_breaks_inside_a_number(cli, args, monkeypatch):
    """Every cell the table writers break, at widths from 60 to 200: no line ends in a digit that the next
    line's digits, decimal point or % continue."""
    import qzdc.render.table as table

    broken: list[tuple[str, str]] = []
    original = table._break_paragraph

    def checked(text: str, width: int) -> list[str]:
        lines = original(text, width)
        broken.extend(
            (a, b) for a, b in itertools.pairwise(lines) if re.search(r"\d\.?$", a) and re.match(r"[\d.%]", b)
        )
        return lines

    monkeypatch.setattr(table, "_break_paragraph", checked)
    for width in (60, 80, 100, 120, 140, 160, 200):
        assert cli(*args, env={"COLUMNS": str(width)}).exit_code == 0
    assert not broken, broken[:5]
