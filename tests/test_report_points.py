"""The 要点: sentences generated from the figures, exact text in Chinese and English.

Every figure in them is worked by hand here from methodology.md, on the mini plan
(tests/fixtures/mini) with a few recorded figures, and on the built-in plan for
the issue's own example.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import edit
from test_report import MINI


def points_of(plan_dir: str | Path | None, extra: list[tuple[str, str, float]], lang: str) -> list[str]:
    """The key points as lines: each point's sentence, then its items indented."""
    from qzdc.plan.loader import load_plan
    from qzdc.plan.models import Observation
    from qzdc.report.data import ReportInput
    from qzdc.report.points import key_points
    from qzdc.views.status import build_status

    plan = load_plan(plan_dir)
    observed = [
        *plan.observations,
        *(Observation(indicator=i, period=p, value=v, origin="actuals") for i, p, v in extra),
    ]
    data = ReportInput(build_status(plan, observed), observed, lang=lang)
    lines = []
    for point in key_points(data):
        lines.append(point.text)
        lines += [f"  {item}" for item in point.items]
    return lines


# The mini plan as it stands (as of 2023, target year 2024):
# - 收入倍差 2.0 (2022) → 2.1 (2023), target ≤1.8: +0.1 a year; 2024 needs 1.8 − 2.1 = −0.3. moving away.
# - 产值年均增速 6 % in 2023 against 8 % on average over 2023–2024: 2024 needs 1.08²/1.06 − 1 = 10.04 %. off track.
# - 企业数 100 (2022) → 115 (2023), target 144: 15 % a year; 2024 needs 144/115 − 1 = 25.22 %. at risk.
# - 创建示范镇 has nothing recorded: 1 target of 6 without data.
MINI_ZH = [
    "3项目标落后于进度：",
    "  收入倍差：2023年2.1，年均增加0.1，2024年需减少0.3。",
    "  产值年均增速：2023年6%，2024年需10.04%。",
    "  企业数：2023年115家，年均增长15%，2024年需增长25.22%。",
    "数据截至2023年；1项目标（共6项）尚无基期以后的数据。",
]
MINI_EN = [
    "3 target(s) behind:",
    "  Income ratio: 2.1 in 2023, up 0.1 a year; 2024 needs 0.3 less.",
    "  Output growth: 6% in 2023; 2024 needs 10.04%.",
    "  Firms: 115 家 in 2023, growing 15% a year; 2024 needs growth of 25.22%.",
    "Data as of 2023; no figure after the baseline yet for 1 of 6 targets.",
]

# With figures for 2024, some of them for part of the year (as of 2024); 收入倍差 and 企业数 are levels,
# not flows, so a figure for part of the year is the level at its end (2024年6月末, 2024年9月末):
# - 收入倍差 2.05 in 2024-H1 (t = 2023.5): (2.05 − 2.0)/1.5 = +0.033 a year; half a year left, 1.8 − 2.05 = −0.25 in all.
# - 产值年均增速 7 % in 2024, the target year: √(1.06 · 1.07) − 1 = 6.50 % on average, short of 8 %: missed,
#   listed as not met (未完成), apart from those behind schedule.
# - 企业数 130 in 2024-Q3 (t = 2023.75): 1.3^(1/1.75) − 1 = 16.17 % a year; 144/130 − 1 = 10.77 % still in all.
# - 覆盖率 46 in 2024 meets 46: achieved.
# The figures end in three periods, one target each (覆盖率 and 产值年均增速 are final, so they do not count,
# but are named where they end, 2024): the latest leads.
LATER = [
    ("firms", "2024-Q3", 130),
    ("coverage", "2024", 46),
    ("output_growth", "2024", 7),
    ("income_ratio", "2024-H1", 2.05),
]
LATER_ZH = [
    "1项目标未完成（目标年已过）：",
    "  产值年均增速：2024年7%，2023—2024年年均6.5%，未达到目标8%。",
    "2项目标落后于进度：",
    "  收入倍差：2024年6月末2.05，年均增加0.03，年内尚需减少0.25。",
    "  企业数：2024年9月末130家，年均增长16.17%，年内尚需增长10.77%。",
    "已实现1项：覆盖率。",
    "数据截至2024年1—9月（新增项目（力争）至2023年；收入倍差至2024年1—6月；产值年均增速、覆盖率至2024年）；"
    "1项目标（共6项）尚无基期以后的数据。",
]
LATER_EN = [
    "1 target(s) not met (target year over):",
    "  Output growth: 7% in 2024, 6.5% a year over 2023–2024; target 8% missed.",
    "2 target(s) behind:",
    "  Income ratio: 2.05 at end-Jun 2024, up 0.03 a year; the rest of the year needs 0.25 less.",
    "  Firms: 130 家 at end-Sep 2024, growing 16.17% a year; the rest of the year needs growth of 10.77%.",
    "1 achieved: Coverage.",
    "Data as of Jan–Sep 2024 (New projects (aspirational) to 2023; Income ratio to Jan–Jun 2024; "
    "Output growth, Coverage to 2024); "
    "no figure after the baseline yet for 1 of 6 targets.",
]


@pytest.mark.parametrize(
    ("extra", "lang", "expected"),
    [([], "zh", MINI_ZH), ([], "en", MINI_EN), (LATER, "zh", LATER_ZH), (LATER, "en", LATER_EN)],
    ids=["mini-zh", "mini-en", "later-zh", "later-en"],
)
def test_key_points_mini(extra, lang, expected):
    assert points_of(MINI, extra, lang) == expected


def test_the_issues_example():
    """规上工业 17.4 % in 2023 and 15.2 % in 2024 against 20 % on average over 2023–2025:
    2025 needs 1.2³/(1.174 · 1.152) − 1 = 1.728/1.352448 − 1 = 27.77 %."""
    lines = points_of(None, [("industrial_output_growth", "2024", 15.2)], "zh")
    assert "  规模以上工业总产值年均增速：2024年15.2%，2025年需27.77%。" in lines
    lines = points_of(None, [("industrial_output_growth", "2024", 15.2)], "en")
    assert (
        "  Output of industrial firms above designated size, average annual growth: 15.2% in 2024; 2025 needs 27.77%."
        in lines
    )


def test_flows_to_date_and_stale_figures():
    """地区生产总值（力争）, a yearly flow to 100 亿元 in 2025: 61.6 to September 2025 against 100 · 9/12 = 75 due
    (R = 0.82, at risk), 100 − 61.6 = 38.4 still to come this year. 出口总额 5400 against 7500 · 9/12 = 5625
    due is R = 0.96, on track: not behind. 高新技术企业 34 → 45 in 2024: √(45/34) − 1 = 15.04 % a year;
    2025 needs 67/45 − 1 = 48.89 %. As of 2025-09, the plan's 2023 figures are older than 2024: stale."""
    extra = [("exports", "2025-09", 5400), ("gdp", "2025-09", 61.6), ("high_tech_enterprises", "2024", 45)]
    lines = points_of(None, extra, "zh")
    assert "  地区生产总值（力争）：2025年1—9月61.6亿元（应达75亿元），年内尚需38.4亿元。" in lines
    assert not any(line.startswith("  出口总额") for line in lines)
    assert "  高新技术企业：2024年45家，年均增长15.04%，2025年需增长48.89%。" in lines
    stale = next(line for line in lines if "已过时" in line)
    assert stale.startswith("4项目标的最新数据早于2024年，已过时：地区生产总值年均增速（2023年）、")
    # where the current figures end (the stale ones are flagged apart): qzdc status's own as-of words
    # (地区生产总值（力争） starts from the plan's 2023 figure, its baseline: 61.6 is its first figure after it.)
    assert lines[-1] == "数据截至2025年1—9月（高新技术企业至2024年）；33项目标（共40项）尚无基期以后的数据。"
    lines = points_of(None, extra, "en")
    assert (
        "  Gross regional product (aspirational): 61.6 亿元 in Jan–Sep 2025 (due by then: 75 亿元); "
        "the rest of the year needs 38.4 亿元." in lines
    )
    assert any(line.startswith("4 target(s) rest on figures older than 2024: Gross regional product") for line in lines)


def test_contradictions_come_from_the_audit(tmp_path):
    """A target the document states twice with different values: the audit's error, as a sentence."""
    plan = tmp_path / "mini"
    shutil.copytree(MINI, plan)
    edit(
        plan / "indicators.yaml",
        "value: 1.8, source: {ref: 正文}}",
        "value: 1.8, source: {ref: 正文}, statements: [{value: 1.7, source: {ref: 正文二}}]}",
    )
    zh = points_of(plan, [], "zh")
    assert zh[4:6] == ["方案自身有1处矛盾：", "  收入倍差：正文为1.8，正文二为1.7。"]
    en = points_of(plan, [], "en")
    assert en[4:6] == [
        "The plan contradicts itself in 1 place(s):",
        "  Income ratio: 正文 sets 1.8, 正文二 sets 1.7.",
    ]


def test_a_filtered_report_keeps_the_points_to_its_targets(tmp_path):
    from qzdc.plan.loader import load_plan
    from qzdc.report.data import ReportInput
    from qzdc.report.points import key_points
    from qzdc.views.status import Filters, build_status

    plan = load_plan(None)
    observed = list(plan.observations)
    data = ReportInput(build_status(plan, observed, filters=Filters(categories=["创新活力"])), observed)
    points = key_points(data)
    # none of the innovation targets is behind or contradicted; all 5 lack data
    assert [p.kind for p in points] == ["freshness"]
    assert points[0].text == "数据截至2023年；5项目标（共5项）尚无基期以后的数据。"


def test_final_misses_are_not_met_not_behind(cli, tmp_path):
    """The target year's figures (user test 2, finding E): 高新技术企业 66 against 67 in 2025, 地区生产总值 100
    against 超过100 (strict: 100 does not exceed 100), 水质 IV against 不劣于III类 — each a final miss, listed as
    未完成, apart from the targets still behind schedule (城镇化率 66 by 2025-09: 2.23 to go this year)."""
    extra = [
        ("high_tech_enterprises", "2024", 50), ("high_tech_enterprises", "2025", 66), ("gdp", "2024", 81.2),
        ("gdp", "2025", 100), ("water_quality", "2024", "III"), ("water_quality", "2025", "IV"),
        ("urbanisation_rate", "2025-09", 66),
    ]  # fmt: skip
    lines = points_of(None, extra, "zh")
    head = lines.index("3项目标未完成（目标年已过）：")
    missed = lines[head + 1 : head + 4]
    assert "  辖区淮远河及雍溪河水质：2025年IV类，未达到目标不劣于III类。" in missed  # not III类类
    assert any(line.startswith("  高新技术企业：2025年66家，") and line.endswith("未达到目标67家。") for line in missed)
    assert any(line.startswith("  地区生产总值（力争）：2025年100亿元，") for line in missed)
    # (规上增速 2023's 17.4 %, stale, is the other one behind)
    behind = lines[lines.index("2项目标落后于进度：") + 1]
    assert behind == "  常住人口城镇化率：2025年9月末66%，年均增加0.8个百分点，年内尚需增加2.23个百分点。"
    en = points_of(None, extra, "en")
    assert "3 target(s) not met (target year over):" in en
    assert "  Water quality class of the Huaiyuan and Yongxi rivers: IV 类 in 2025; target III or better missed." in en
    # 100 against 超过100: progress (100 − 75.33)/(100 − 75.33) = 100 %, yet not met; the 差距 cell says why.
    path = tmp_path / "a.yaml"
    path.write_text("actuals:\n  - {indicator: gdp, period: '2025', value: 100}\n", encoding="utf-8")
    md = cli("status", "--actuals", str(path), "--format", "markdown").stdout
    row = next(line for line in md.splitlines() if "| 地区生产总值（力争） |" in line)
    assert "| 需超过100 | 100% |" in row and row.endswith("| 进度滞后 |")
    assert "差距：需超过100" in cli("show", "gdp", "--actuals", str(path)).stdout


def test_rates_read_as_the_status_table_writes_them():
    """User test 2, finding G: the 要点 said 需7.1% where the table's 尚需/年 says 7.14%（年内）.
    社会消费品零售总额年均增速 8.9 (2023, the plan's), 5.0 (2024), 6.5 to September 2025, 7 % on average over
    2023–2025: 2025 needs 1.07³/(1.089 · 1.05) − 1 = 1.225043/1.14345 − 1 = 7.14 %."""
    extra = [("retail_sales_growth", "2024", 5.0), ("retail_sales_growth", "2025-09", 6.5)]
    assert "  社会消费品零售总额年均增速：2025年1—9月6.5%，2025年需7.14%。" in points_of(None, extra, "zh")
