"""Entering figures as an analyst does (user test 1, findings 2, 4, 9, 14 and 16).

- A count unit (人, 个, 家, 户) is a whole count only where the plan's own figures are
  whole and the name is not per head; otherwise the indicator is a ratio.
- A figure's messages name the indicator as the plan writes it, never by its id.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from qzdc.actuals.values import number_rule
from qzdc.plan.loader import load_plan
from qzdc.report.template import template_xlsx

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "cn-14th-fyp"


def entries_in(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["actuals"]


# ── a count unit on a ratio (finding 2) ──────────────────────────────────────


@pytest.fixture
def fyp(tmp_path: Path) -> Path:
    plan = tmp_path / "fyp"
    shutil.copytree(EXAMPLE, plan)
    return plan


def test_a_per_head_ratio_with_a_count_unit_takes_its_real_figures(cli, fyp):
    # 每千人口拥有执业（助理）医师数, unit 人, 2.9 → 3.2; 每千人口拥有3岁以下婴幼儿托位数, unit 个, 1.8 → 4.5
    result = cli("record", "--plan", str(fyp), "每千人口拥有执业", "2023", "3.05")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("已录入 每千人口拥有执业（助理）医师数 2023 = 3.05 人 → ")
    result = cli("record", "--plan", str(fyp), "托位数", "2023", "2.5")
    assert result.exit_code == 0, result.stderr
    assert [(e["indicator"], e["value"]) for e in entries_in(fyp / "actuals.yaml")] == [
        ("licensed_doctors", 3.05),
        ("childcare_places", 2.5),
    ]


def test_the_rule_is_read_from_the_plan_not_from_the_unit_alone(fyp):
    plan = load_plan(fyp)
    for ratio in ("licensed_doctors", "childcare_places"):
        rule = number_rule(plan, plan.indicator(ratio))
        assert (rule.whole, rule.low) == (False, None)
    builtin = load_plan()
    # 高新技术企业 34 → 67 家, 新增就业 in 人 with whole figures: counts
    for count in ("high_tech_enterprises", "new_jobs"):
        rule = number_rule(builtin, builtin.indicator(count))
        assert (rule.whole, rule.low) == (True, 0)


def test_the_template_validates_a_ratio_as_a_decimal(fyp):
    plan = load_plan(fyp)
    sheet = load_workbook(io.BytesIO(template_xlsx(plan, "zh", today=dt.date(2024, 12, 15)))).worksheets[0]
    rows = {sheet.cell(row=r, column=3).value: r for r in range(3, sheet.max_row + 1)}
    checks = sheet.data_validations.dataValidation
    (doctors,) = [c for c in checks if f"E{rows['licensed_doctors']}" in c.sqref]
    assert (doctors.type, doctors.formula1, doctors.formula2) == ("decimal", "-1e+15", "1e+15")


def test_a_drafted_plan_takes_ratios_and_keeps_whole_counts(cli, tmp_path):
    table = tmp_path / "指标表.csv"
    table.write_text(
        "指标,基期值,目标值\n"
        "每千人口拥有执业（助理）医师数（人）,2.6,3.2\n"  # per head by its name and its figures
        "每万人拥有社会组织数（个）,6,8\n"  # per head by its name, whole figures
        "婴幼儿托位（个）,1.8,4.5\n"  # a ratio by its figures
        "高新技术企业（家）,34,67\n",  # a count
        encoding="utf-8",
    )
    plan = tmp_path / "shima"
    result = cli("init", str(plan), "--from", str(table), "--baseline-year", "2022", "--target-year", "2025")
    assert result.exit_code == 0, result.stderr
    for name, value in (("医师数", "2.8"), ("社会组织", "6.5"), ("婴幼儿托位", "2.5")):
        result = cli("record", "--plan", str(plan), name, "2024", value)
        assert result.exit_code == 0, result.stderr
    result = cli("record", "--plan", str(plan), "高新", "2024", "50.5")
    assert (result.exit_code, result.stderr) == (1, "qzdc：错误：高新技术企业是个数（家）：50.5 不是整数\n")
    assert [e["value"] for e in entries_in(plan / "actuals.yaml")] == [2.8, 6.5, 2.5]
    # the same rule in the template's data validation
    drafted = load_plan(plan)
    sheet = load_workbook(io.BytesIO(template_xlsx(drafted, "zh", today=dt.date(2024, 12, 15)))).worksheets[0]
    kinds = {}
    for check in sheet.data_validations.dataValidation:
        for cells in check.sqref.ranges:
            kinds[sheet.cell(row=cells.min_row, column=3).value] = check.type
    assert sorted(kinds.values()) == ["decimal", "decimal", "decimal", "whole"]
    assert kinds[drafted.indicators[3].id] == "whole"


def test_an_import_takes_a_ratio_with_a_count_unit(cli, fyp):
    (fyp / "q.csv").write_text("指标,期间,数值\n每千人口拥有执业（助理）医师数,2023,3.15\n", encoding="utf-8")
    result = cli("import", str(fyp / "q.csv"), "--plan", str(fyp))
    assert result.exit_code == 0, result.stderr
    assert [e["value"] for e in entries_in(fyp / "actuals.yaml")] == [3.15]


# ── messages name the indicator as the user knows it (finding 14) ─────────────


def test_a_bad_value_is_refused_naming_the_indicator_as_the_plan_writes_it(cli):
    # typed 城镇化率, a part of the name: the message gives the plan's full name, not urbanisation_rate
    result = cli("record", "城镇化率", "2024", "105")
    assert (result.exit_code, result.stderr) == (1, "qzdc：错误：常住人口城镇化率是比率（%）：105 不在 0 至 100 之间\n")
    result = cli("record", "高新技术企业", "2024", "50.5")
    assert result.stderr == "qzdc：错误：高新技术企业是个数（家）：50.5 不是整数\n"
    result = cli("record", "规上工业总产值", "2024", "70,5亿元")
    assert result.stderr == "qzdc：错误：规模以上工业总产值应为以亿元计的数字，不能是 '70,5亿元'\n"
    result = cli("record", "城镇化率", "2024", "105", "--lang", "en")
    assert (
        result.stderr
        == "qzdc: error: Urbanisation rate of the resident population is a share in %: 105 is outside 0–100\n"
    )


def test_a_bad_import_cell_names_the_indicator_as_the_plan_writes_it(cli):
    Path("填报.csv").write_text("指标,期间,数值\n科技型企业,2024,160.5\n", encoding="utf-8")
    result = cli("import", "填报.csv")
    assert result.exit_code == 1
    assert result.stderr.startswith("填报.csv:2:3: C2 数值: 科技型企业是个数（家）：160.5 不是整数\n")


def test_history_without_figures_names_the_indicator(cli):
    result = cli("history", "研发投入")
    assert result.stderr.endswith("方案和 actuals.yaml 中都没有研发投入强度的数据\n")


# ── a figure the same as the one that counts is not written again (finding 4) ──


def test_recording_the_same_figure_again_writes_nothing(cli):
    assert cli("record", "gdp", "2024", "81.2", "--source", "区统计局快报").exit_code == 0
    before = Path("actuals.yaml").read_bytes()
    for again in (["81.2"], ["81.20"], ["81.2", "--source", "区统计局快报"], ["812000万元"]):
        result = cli("record", "gdp", "2024", *again)
        assert result.exit_code == 0, result.stderr
        assert result.stderr.startswith("地区生产总值 2024 = 81.2")
        assert "与原有数据相同，未写入，actuals.yaml 未改动（大足区万古镇" in result.stderr
        assert Path("actuals.yaml").read_bytes() == before
    # 2025-Q3 and 2025年1-9月 are one period (January to September)
    assert cli("record", "exports", "2025-Q3", "5400").exit_code == 0
    before = Path("actuals.yaml").read_bytes()
    result = cli("record", "exports", "2025年1-9月", "5400")
    assert "与原有数据相同，未写入" in result.stderr
    assert Path("actuals.yaml").read_bytes() == before
    result = cli("record", "gdp", "2024", "81.2", "--lang", "en")
    assert result.stderr.startswith("Gross regional product 2024 = 81.2 100 million yuan is the same as before: ")


def test_the_plans_own_figure_is_not_recorded_again(cli):
    # the plan reports GDP 2023 at 75.33 亿元 (一、试点基础): the same figure, even with a source, adds nothing
    for again in (["75.33"], ["75.33", "--source", "统计公报"]):
        result = cli("record", "gdp", "2023", *again)
        assert result.exit_code == 0, result.stderr
        assert "与原有数据相同，未写入" in result.stderr
    assert not Path("actuals.yaml").exists()
    result = cli("record", "gdp", "2023", "75.4")
    assert "（原为方案数 75.33）" in result.stderr


def test_the_same_value_with_a_new_source_or_note_is_written_and_keeps_the_rest(cli):
    assert cli("record", "gdp", "2024", "81.2", "--source", "快报").exit_code == 0
    result = cli("record", "gdp", "2024", "81.2", "--note", "年报已核")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("已录入 地区生产总值 2024 = 81.2 亿元（数值不变，更新来源或备注） → actuals.yaml")
    result = cli("record", "gdp", "2024", "81.2", "--source", "年报")
    assert result.exit_code == 0, result.stderr
    assert [(e["value"], e.get("source"), e.get("note")) for e in entries_in(Path("actuals.yaml"))] == [
        (81.2, "快报", None),
        (81.2, "快报", "年报已核"),  # the note is new, the source stays
        (81.2, "年报", "年报已核"),  # the source is new, the note stays
    ]


BUREAU = (
    "万古镇2025年1-9月主要经济指标\n"
    "指标名称,计量单位,时间,本期数,本年累计,备注\n"
    "1.地区生产总值,万元,2025年1-9月,216000,616000,\n"
    "出口总额,万美元,2025年1-9月,1900,5400,海关\n"
)
WIDE = (
    "指标名称,单位,2023年实际,2024年实际\n"
    "地区生产总值年均增速,%,7.5,7.8\n"  # 7.5 in 2023 is the plan's own figure
    "出口总额,万美元,6400,6800\n"
)


def test_re_importing_a_sheet_changes_no_byte(cli):
    Path("统计局.csv").write_text(BUREAU, encoding="utf-8")
    Path("分析表.csv").write_text(WIDE, encoding="utf-8")
    first = cli("import", "分析表.csv")
    assert first.exit_code == 0, first.stderr
    assert "已导入 3 个数据（新增 3，修订 0，与原有相同未写入 1）" in first.stderr
    assert cli("import", "统计局.csv").exit_code == 0
    before = Path("actuals.yaml").read_bytes()
    for sheet in ("统计局.csv", "分析表.csv"):
        again = cli("import", sheet)
        assert again.exit_code == 0, again.stderr
        assert again.stderr.splitlines()[-1].startswith(f"{sheet} 的 ")
        assert "个数据都与原有数据相同，未写入，actuals.yaml 未改动" in again.stderr
        assert Path("actuals.yaml").read_bytes() == before
    # one entry per figure, and the counting one keeps its note 海关
    exports = [
        (e["period"], e["value"], e.get("note"))
        for e in entries_in(Path("actuals.yaml"))
        if e["indicator"] == "exports"
    ]
    assert exports == [(2023, 6400, None), (2024, 6800, None), ("2025-09", 5400, "海关")]
    # the plan's 2023 growth rate is still the figure that counts for 2023
    history = json.loads(cli("history", "1", "--format", "json").stdout)["entries"]
    assert [(e["period"], e["origin"], e["counts"]) for e in history if e["period"] == "2023"] == [
        ("2023", "plan", True)
    ]


def test_an_import_writes_only_its_new_and_changed_figures(cli):
    Path("统计局.csv").write_text(BUREAU, encoding="utf-8")
    assert cli("import", "统计局.csv").exit_code == 0
    Path("统计局.csv").write_text(BUREAU.replace("616000", "617000"), encoding="utf-8")
    dry = cli("import", "统计局.csv", "--dry-run")
    assert "已检查 统计局.csv：2 个数据全部有效（新增 0，修订 1，与原有相同未写入 1）" in dry.stderr
    result = cli("import", "统计局.csv")
    assert "已导入 1 个数据（新增 0，修订 1，与原有相同未写入 1）" in result.stderr
    assert [(e["indicator"], e["value"]) for e in entries_in(Path("actuals.yaml"))] == [
        ("gdp", 61.6),
        ("exports", 5400),
        ("gdp", 61.7),
    ]


def test_figures_are_the_same_as_the_engine_compares_them():
    from qzdc.actuals.changes import same_value

    assert same_value(0.1 + 0.2, 0.3)  # 0.30000000000000004, printed 0.3
    assert same_value(67, 67.0)  # 67.00 and 67 are one number
    assert not same_value(81.2, 81.21)
    assert not same_value("III", 3)
    assert same_value(dt.date(2025, 3, 18), dt.date(2025, 3, 18))
    assert not same_value(True, 1)


# ── 三季度 and 9月 may be the quarter or the month alone (finding 9) ─────────────

YEAR_TO_DATE = "请写年初至今的期间，如 2025年前三季度、2025年1-9月、2025-Q3 或 2025-09"


@pytest.mark.parametrize(
    ("name", "typed", "part"),
    [
        ("出口总额", "2025年三季度", "当季"),  # a yearly flow (flow: true)
        ("出口总额", "2025年第三季度", "当季"),
        ("出口总额", "2025年9月", "当月"),
        ("出口总额", "2025.9", "当月"),
        ("新增招商引资项目", "2025年三季度", "当季"),  # a cumulative target
        ("地区生产总值年均增速", "2025年9月", "当月"),  # a growth rate
    ],
)
def test_a_quarter_or_month_alone_is_refused_where_the_year_to_date_differs(cli, name, typed, part):
    result = cli("record", name, typed, "38")
    assert (result.exit_code, result.stderr) == (
        2,
        f"qzdc：错误：{name}按年初至今计算，'{typed}' 可能只是{part}的数：{YEAR_TO_DATE}\n",
    )
    assert not Path("actuals.yaml").exists()


def test_the_year_to_date_forms_are_taken_for_a_flow(cli):
    for typed in ("2025年前三季度", "2025年1-9月", "2025年1—9月", "2025-Q3", "2025-09", "2025年1-9月累计"):
        result = cli("record", "exports", typed, "5400")
        assert result.exit_code == 0, (typed, result.stderr)
    # 本年累计 in a year without --year; 三季度 with --year is refused like 2025年三季度
    assert cli("record", "exports", "前三季度", "5400", "--year", "2025").exit_code == 0
    result = cli("record", "exports", "三季度", "5400", "--year", "2025", "--lang", "en")
    assert (result.exit_code, result.stderr) == (
        2,
        "qzdc: error: Total exports counts from January, and '三季度' may be the quarter's own figure: "
        "write the year to date, e.g. 2025年前三季度, 2025年1-9月, 2025-Q3 or 2025-09\n",
    )
    # 一季度 and 1月 are the year to date whichever way they are written; 下半年 is the second half alone
    assert cli("record", "exports", "2025年一季度", "1800").exit_code == 0
    result = cli("record", "exports", "2025年下半年", "3700")
    assert result.stderr == (
        "qzdc：错误：出口总额按年初至今计算，'2025年下半年' 可能只是下半年的数："
        "请写年初至今的期间，如 2025年全年、2025年1-12月、2025-Q4 或 2025-12\n"
    )


@pytest.mark.parametrize(
    ("name", "typed", "value", "period"),
    [
        ("城镇化率", "2025年三季度", "65.5", "2025-Q3"),  # a share: its value at the end of September
        ("城镇化率", "2025年第三季度", "65.5", "2025-Q3"),
        ("城镇化率", "2025.9", "65.5", "2025-09"),
        ("水质", "2025年9月", "III", "2025-09"),  # a class
        ("城乡收入倍差", "2025年9月", "1.78", "2025-09"),  # a level
    ],
)
def test_a_value_at_the_end_of_the_period_takes_the_quarter_or_month(cli, name, typed, value, period):
    result = cli("record", name, typed, value)
    assert result.exit_code == 0, result.stderr
    assert [e["period"] for e in entries_in(Path("actuals.yaml"))] == [period]


def test_an_import_lists_each_quarter_alone_of_a_flow_and_takes_the_levels(cli):
    Path("宽表.csv").write_text(
        "指标名称,单位,2024年,2025年三季度\n出口总额,万美元,6800,5400\n常住人口城镇化率,%,65.1,65.5\n新增招商引资项目,个,45,38\n",
        encoding="utf-8",
    )
    result = cli("import", "宽表.csv")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-3:] == [
        f"宽表.csv:2:4: D2 2025年三季度: 出口总额按年初至今计算，'2025年三季度' 可能只是当季的数：{YEAR_TO_DATE}",
        f"宽表.csv:4:4: D4 2025年三季度: 新增招商引资项目按年初至今计算，'2025年三季度' 可能只是当季的数：{YEAR_TO_DATE}",
        "qzdc：宽表.csv：2 行中有 2 个单元格有误；未导入任何数据",
    ]
    assert not Path("actuals.yaml").exists()


def test_a_bureau_sheet_of_the_months_own_figures_is_refused_and_its_running_totals_taken(cli):
    # 时间 2025年9月 beside 本期数 is September alone; beside 本年累计 it is January to September
    own = "指标名称,计量单位,时间,本期数\n出口总额,万美元,2025年9月,700\n常住人口城镇化率,%,2025年9月,65.5\n"
    Path("当月.csv").write_text(own, encoding="utf-8")
    result = cli("import", "当月.csv")
    assert result.exit_code == 1
    assert (
        f"当月.csv:2:3: C2 时间: 出口总额按年初至今计算，'2025年9月' 可能只是当月的数：{YEAR_TO_DATE}" in result.stderr
    )
    assert "当月.csv:3" not in result.stderr  # a share at the end of September is its value then
    Path("累计.csv").write_text(own.replace("本期数", "本年累计").replace(",700", ",5400"), encoding="utf-8")
    result = cli("import", "累计.csv")
    assert result.exit_code == 0, result.stderr
    assert [(e["indicator"], e["period"], e["value"]) for e in entries_in(Path("actuals.yaml"))] == [
        ("exports", "2025-09", 5400),
        ("urbanisation_rate", "2025-09", 65.5),
    ]
    # the period in the title: 2025年9月 over 本期数 is September alone too
    Path("标题.csv").write_text("万古镇2025年9月主要经济指标\n指标名称,本期数\n出口总额,700\n", encoding="utf-8")
    result = cli("import", "标题.csv")
    assert result.exit_code == 1
    assert "出口总额按年初至今计算，'2025年9月' 可能只是当月的数" in result.stderr


# ── a figure orders of magnitude off the latest known one (finding 16) ─────────


def test_a_figure_a_hundred_times_off_is_taken_with_a_warning(cli):
    assert cli("record", "gdp", "2024", "81.2").exit_code == 0
    # 81.3元 is 81.3 / 10⁸ = 0.000000813 亿元: 81.2 / 0.000000813 ≈ 10⁸, far beyond 100
    result = cli("record", "gdp", "2024", "81.3元")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[1] == (
        "qzdc：注意：地区生产总值 2024 = 0.000000813 亿元（81.3元），不到同期原有数据 81.2 亿元（2024）的 1/100，请核对单位"
    )
    assert entries_in(Path("actuals.yaml"))[-1]["value"] == 8.13e-07  # still recorded
    # 8130000万元 is 813 亿元: 813 / 0.000000813 = 10⁹ times the figure that counts now
    result = cli("record", "gdp", "2024", "8130000万元", "--lang", "en")
    assert result.stderr.splitlines()[1] == (
        "qzdc: note: Gross regional product 2024 = 813 100 million yuan (8130000万元) is more than 100 times "
        "the figure it replaces, 0.000000813 100 million yuan (2024): check the unit"
    )


def test_a_figure_is_set_against_the_one_it_replaces_before_the_latest(cli):
    """User test 2, finding H: a 2024 figure is set against the 2024 figure it revises, not the
    2025-Q3 figure to date. 出口总额 2024 6800, 2025-Q3 5400: 60 for 2024 is 60/6800 = 1/113, under
    1/100 of the figure it replaces, though 60/5400 = 1/90 of the latest is within; 68 for 2025-Q3 is
    68/5400 = 1/79 of the figure it replaces, within (68/6800 = 1/100 of 2024 would not matter)."""
    assert cli("record", "exports", "2024", "6800").exit_code == 0
    assert cli("record", "exports", "2025-Q3", "5400").exit_code == 0
    result = cli("record", "exports", "2024", "60")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[1] == (
        "qzdc：注意：出口总额 2024 = 60 万美元，不到同期原有数据 6800 万美元（2024）的 1/100，请核对单位"
    )
    assert "请核对单位" not in cli("record", "exports", "2025-Q3", "68").stderr
    # a period with no figure yet is set against the latest, as before: 2023 against 2025-Q3's 68, 0.5/68 = 1/136
    result = cli("record", "exports", "2023", "0.5")
    assert "不到最近的数据 68 万美元（2025-Q3）的 1/100" in result.stderr


def test_without_figures_the_baseline_is_the_yardstick(cli):
    # 高新技术企业: baseline 34 家 (2022); 3400 is exactly 100 times it
    result = cli("record", "高新技术企业", "2024", "3400")
    assert result.exit_code == 0 and len(result.stderr.splitlines()) == 1
    # 科技型企业: baseline 100 家 (2022); 10001 is more than 100 times it
    result = cli("record", "科技型企业", "2024", "10001")
    assert result.stderr.splitlines()[1] == (
        "qzdc：注意：科技型企业 2024 = 10001 家，是基期值 100 家（2022）的 100 倍以上，请核对单位"
    )


@pytest.mark.parametrize("value", ["81.3", "0.82", "8120", "0", "-5"])
def test_a_figure_within_a_hundredfold_or_zero_gives_no_warning(cli, value):
    # 0.82 / 81.2 = 0.0101 and 8120 / 81.2 = 100: within; zero and a sign say nothing of a scale
    assert cli("record", "gdp", "2024", "81.2").exit_code == 0
    result = cli("record", "gdp_growth" if value == "-5" else "gdp", "2024", value)
    assert result.exit_code == 0, result.stderr
    assert "请核对单位" not in result.stderr


def test_an_import_warns_of_each_figure_a_hundred_times_off_by_its_cell(cli):
    assert cli("record", "gdp", "2024", "81.2").exit_code == 0
    Path("月报.csv").write_text(
        "指标名称,单位,2025年1-9月\n地区生产总值,元,616000\n出口总额,万美元,5400\n", encoding="utf-8"
    )
    warning = (
        "qzdc：注意：C2：地区生产总值 2025-09 = 0.00616 亿元（616000元），"
        "不到最近的数据 81.2 亿元（2024）的 1/100，请核对单位"
    )
    dry = cli("import", "月报.csv", "--dry-run")
    assert dry.stderr.splitlines()[-1] == warning
    result = cli("import", "月报.csv")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == warning  # exports 5400 against its baseline 6090: no warning
    assert [e["value"] for e in entries_in(Path("actuals.yaml"))] == [81.2, 0.00616, 5400]
