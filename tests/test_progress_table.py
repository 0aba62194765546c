"""The progress table analysts circulate (指标完成情况表), through the commands: `status` in every format,
`show`, `owners`, `report` and `batch`.

Every figure is worked out by hand from docs/methodology.md, the arithmetic beside it; the engine's own
checks are in tests/test_progress_engine.py.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from conftest import edit
from qzdc.plan.loader import builtin_plan_dir

MINI = Path(__file__).parent / "fixtures" / "mini"


def status_json(cli, *args):
    result = cli("status", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def by_id(data):
    return {t["id"]: t for t in data["targets"]}


def csv_by_id(cli, *args):
    """`qzdc status --format csv` as one dict per target, by id."""
    result = cli("status", "--format", "csv", "--raw", *args)
    assert result.exit_code == 0, result.stderr
    return {r["id"]: r for r in csv.DictReader(io.StringIO(result.stdout))}


def write_actuals(path: Path, rows) -> Path:
    lines = ["actuals:"] + [f"  - {{indicator: {i}, period: '{p}', value: {v}}}" for i, p, v in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ── 1. still required, for every target with a known value ──────────────────


def test_builtin_plan_gives_what_is_still_required_without_any_actuals(cli):
    data = status_json(cli)
    assert data["schema_version"] == 4
    t = by_id(data)
    # 高新技术企业 34 (2022) → 67: (67/34)^(1/3) − 1 = 25.37 % a year, gap 33 家, from the baseline.
    assert t["high_tech_enterprises"]["status"] == "no_data"
    assert t["high_tech_enterprises"]["required_now"] == {"value": pytest.approx(25.3714441602), "type": "rate_pct"}
    assert t["high_tech_enterprises"]["gap"] == 33
    assert t["high_tech_enterprises"]["required_from"] == {"period": "2022", "value": 34, "origin": "baseline"}
    # 出口总额 6090 → 7500: (7500/6090)^(1/3) − 1 = 7.19 %.
    assert t["exports"]["required_now"]["value"] == pytest.approx(7.1884498535)
    # GDP 75.33 (2023) → 100: (100/75.33)^(1/2) − 1 = 15.22 %, gap 24.67; at the plan's 7.5 %: 75.33 · 1.075² = 87.05,
    # 12.95 short: rate_level.gap is value − target, 87.05 − 100 = −12.95 (README, "The signs of gaps").
    gdp = t["gdp_100"]
    assert gdp["required_now"]["value"] == pytest.approx(15.2168549700)
    assert gdp["gap"] == pytest.approx(24.67)
    assert gdp["rate_level"] == {
        "rate_target": "gdp_growth", "rate_pct": 7.5, "value": pytest.approx(87.05323125),
        "gap": pytest.approx(-12.94676875),
    }  # fmt: skip
    # linear level 镇区建成区面积 7 → 8: +1/3 a year; share 城镇化率 63.8 → 68.23: +4.43/3 pp a year.
    assert t["built_up_area"]["required_now"] == {"value": pytest.approx(1 / 3), "type": "change_per_year"}
    assert t["urbanisation_rate"]["required_now"]["value"] == pytest.approx(4.43 / 3)
    assert t["urbanisation_rate"]["gap"] == pytest.approx(4.43)
    # average growth, nothing observed: 8.1 % each year, 1.081³ − 1 = 26.32 % in all.
    fixed = t["fixed_asset_investment_growth"]
    assert fixed["required_now"] == {"value": pytest.approx(8.1), "type": "rate_pct"}
    assert fixed["required_rest"] == {"value": pytest.approx(26.3214441), "type": "rate_pct"}
    # average growth after 17.4 %: 21.32 % each year, 1.728/1.174 − 1 = 47.19 % in all, 20 − 17.4 = 2.6 pp short.
    industrial = t["industrial_output_growth"]
    assert industrial["required_rest"] == {"value": pytest.approx(47.1890971039), "type": "rate_pct"}
    assert industrial["gap"] == pytest.approx(2.6)
    # cumulative, nothing counted: 150/3 = 50 a year, 150 in all.
    projects = t["new_investment_projects"]
    assert projects["required_now"] == {"value": 50, "type": "change_per_year"}
    assert projects["required_rest"] == {"value": 150, "type": "change"}
    assert projects["gap"] == 150
    # maintain, held at the baseline: nothing more (0), and the table says 保持.
    assert t["waste_safe_disposal"]["required_now"] == {"value": 0, "type": "change"}
    # Only targets with no known value, or nothing to compute (classes, milestones), are left without a figure.
    without = sorted(i for i, x in t.items() if x["required_now"] is None)
    assert without == sorted(
        [
            "export_share_of_district", "grain_sown_area", "water_quality", "national_high_tech_zone",
            "carp_lantern_dance_heritage", "eastern_central_smart_town", "waste_sorting_model_town",
            "rural_revitalization_model_town", "national_health_town", "ecological_demo_town",
        ]
    )  # fmt: skip


def test_table_and_csv_carry_what_is_still_required(cli):
    table = cli("status", env={"COLUMNS": "240"}).stdout
    gdp = next(line for line in table.splitlines() if "地区生产总值（力争）" in line and "亿元" in line)
    assert "15.22%" in gdp and "+24.67" in gdp
    assert "地区生产总值（力争）：按年均增速目标7.5%，2025年为87.05亿元，比目标少12.95" in table
    rows = csv_by_id(cli)
    assert rows["high_tech_enterprises"]["required_now"] == "25.3714441602"
    assert rows["high_tech_enterprises"]["gap"] == "33"
    assert rows["gdp_100"]["rate_level"] == "87.05323125" and rows["gdp_100"]["rate_level_gap"] == "-12.94676875"


# ── 2. 责任单位 ───────────────────────────────────────────────────────────────

# Worked out from data/tasks.yaml by hand: 区科技局 leads task 2 (提升创新驱动能级: rd_intensity, little_giants,
# high_tech_enterprises, tech_smes) and policy 4 (支持高新区创建国家高新区: national_high_tech_zone); it supports
# nothing and leads no reform.
KEJIJU = ["rd_intensity", "little_giants", "high_tech_enterprises", "tech_smes", "national_high_tech_zone"]


def test_owner_filter_selects_exactly_the_departments_targets(cli, tmp_path):
    assert [t["id"] for t in status_json(cli, "--owner", "区科技局")["targets"]] == KEJIJU
    # report and batch take the same filter
    report = cli("report", "--owner", "区科技局", "--lang", "en").stdout
    assert "- Scope: Department: 区科技局" in report
    assert report.count("| 区科技局, 区经济信息委 |") == 4  # the four targets task 2 carries, led by both
    plan = tmp_path / "wangu"
    shutil.copytree(builtin_plan_dir(), plan)
    lines = cli("batch", str(plan), "--owner", "区科技局", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == KEJIJU


def test_owners_in_json_csv_and_the_table(cli):
    t = by_id(status_json(cli))
    assert t["high_tech_enterprises"]["owners"] == {
        "lead": ["区科技局", "区经济信息委"],
        "support": ["区发展改革委", "区市场监管局"],
    }
    # 鲤鱼灯舞: task 6 (区文化旅游委 leads, 区教委 supports) and reform 11 (区财政局, 区商务委, 区文化旅游委 lead).
    assert t["carp_lantern_dance_heritage"]["owners"] == {
        "lead": ["区文化旅游委", "区财政局", "区商务委"],
        "support": ["区教委"],
    }
    assert t["exports"]["owners"] == {"lead": [], "support": []}
    rows = csv_by_id(cli)
    assert rows["high_tech_enterprises"]["owners_lead"] == "区科技局、区经济信息委"
    assert rows["high_tech_enterprises"]["owners_support"] == "区发展改革委、区市场监管局"
    wide = cli("status", env={"COLUMNS": "240"}).stdout
    assert "责任单位" in wide and "区科技局、区经济信息委" in wide


def test_owner_unknown_is_a_usage_error(cli):
    result = cli("status", "--owner", "区科技", "--lang", "en")
    assert result.exit_code == 2
    assert "did you mean 区科技局?" in result.stderr
    assert "是否想用 区科技局" in cli("status", "--owner", "区科技").stderr


def test_owners_department_lists_its_targets_with_their_status(cli):
    result = cli("owners", "区科技局", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "Targets it answers for" in result.stdout
    assert "High-tech enterprises" in result.stdout and "no data" in result.stdout
    data = json.loads(cli("owners", "区科技局", "--format", "json").stdout)
    assert [(t["id"], t["role"], t["status"]) for t in data["targets"]] == [(i, "lead", "no_data") for i in KEJIJU]
    rows = list(csv.DictReader(io.StringIO(cli("owners", "区科技局", "--format", "csv", "--raw").stdout)))
    assert [r["id"] for r in rows] == KEJIJU and rows[2]["required_now"] == "25.3714441602"


def test_show_gives_owners_and_where_the_rate_leads(cli):
    out = cli("show", "gdp").stdout
    assert "按增速目标预计：按年均7.5%，2025年为87.05 亿元（比目标少12.95）" in out
    assert "剩余每年尚需：15.22 %/年" in out
    out = cli("show", "9", "--lang", "en").stdout
    assert "responsible: lead 区科技局, 区经济信息委; support 区发展改革委, 区市场监管局" in out
    assert "still required each year: 25.37 %/yr" in out
    assert "gap to the target: +33" in out


# ── 3. 序时进度 ───────────────────────────────────────────────────────────────


def test_time_elapsed_behind(cli, tmp_path):
    # 高新技术企业 at 50 in 2024: progress (50 − 34)/(67 − 34) = 48.48 %; time elapsed 2/3 = 66.67 %: behind.
    actuals = write_actuals(tmp_path / "a.yaml", [("high_tech_enterprises", "2024", 50)])
    t = by_id(status_json(cli, "--actuals", str(actuals)))["high_tech_enterprises"]
    assert t["progress_pct"] == pytest.approx(48.4848484848)
    assert t["time_elapsed_pct"] == pytest.approx(66.6666666667)
    assert t["on_schedule"] is False
    rows = csv_by_id(cli, "--actuals", str(actuals))
    assert (rows["high_tech_enterprises"]["time_elapsed_pct"], rows["high_tech_enterprises"]["on_schedule"]) == (
        "66.6666666667",
        "false",
    )
    md = cli("status", "--actuals", str(actuals), "--format", "markdown").stdout
    row = next(line for line in md.splitlines() if "| 高新技术企业 |" in line)
    assert "| 48% | 67% | 否 |" in row


def test_time_elapsed_year_to_date(cli, tmp_path):
    # 常住人口城镇化率 63.8 → 68.23 (2022 → 2025), 67 by 2025-Q3: time elapsed (2025 − 1 + 9/12 − 2022)/3 = 91.67 %;
    # progress (67 − 63.8)/4.43 = 72.23 %: behind.
    actuals = write_actuals(tmp_path / "a.yaml", [("urbanisation_rate", "2025-Q3", 67)])
    t = by_id(status_json(cli, "--actuals", str(actuals)))["urbanisation_rate"]
    assert t["time_elapsed_pct"] == pytest.approx(91.6666666667)
    assert t["progress_pct"] == pytest.approx(72.2347629797)
    assert t["on_schedule"] is False


def test_a_target_to_hold_shows_how_often_it_held(cli, tmp_path):
    # User test 1, finding 15. 镇域生活垃圾无害化处理率, 100 % to hold every year: 98 in 2023 (breached), 100 in
    # 2024 (held): held in 1 of the 2 years after the baseline, progress 1/2 = 50 %; held now, breached before
    # the target year: on track (docs/methodology.md, "Maintain").
    actuals = write_actuals(
        tmp_path / "a.yaml", [("waste_safe_disposal", "2023", 98), ("waste_safe_disposal", "2024", 100)]
    )
    t = by_id(status_json(cli, "--actuals", str(actuals)))["waste_safe_disposal"]
    assert (t["status"], t["progress_pct"], t["held"]) == ("on_track", 50, {"periods": 1, "of": 2})
    row = csv_by_id(cli, "--actuals", str(actuals))["waste_safe_disposal"]
    assert (row["progress_pct"], row["held_periods"], row["held_of"]) == ("50", "1", "2")
    md = cli("status", "--actuals", str(actuals), "--format", "markdown").stdout
    assert "| 1/2年达标 | 67% | 是 |" in next(
        line for line in md.splitlines() if "| 镇域生活垃圾无害化处理率 |" in line
    )
    assert "进度：2年中1年达标（50 %）" in cli("show", "waste_safe_disposal", "--actuals", str(actuals)).stdout
    en = cli("show", "waste_safe_disposal", "--actuals", str(actuals), "--lang", "en").stdout
    assert "progress: held in 1 of 2 years (50 %)" in en
    # A figure to date counts as a period: 100 (2023) held, 98 by 2024-Q2 breached: 1 of 2 periods; breached
    # at the latest figure, off track.
    actuals = write_actuals(
        tmp_path / "b.yaml", [("waste_safe_disposal", "2023", 100), ("waste_safe_disposal", "2024-Q2", 98)]
    )
    t = by_id(status_json(cli, "--actuals", str(actuals)))["waste_safe_disposal"]
    assert (t["status"], t["held"]) == ("off_track", {"periods": 1, "of": 2})
    md = cli("status", "--actuals", str(actuals), "--format", "markdown").stdout
    assert "| 1/2期达标 |" in next(line for line in md.splitlines() if "| 镇域生活垃圾无害化处理率 |" in line)
    # Other kinds keep the distance from baseline to target, and no `held`.
    assert by_id(status_json(cli))["gdp_growth"]["held"] is None


# ── 4 and 5. running totals, and year-to-date figures told honestly ──────────

# 新增招商引资项目 40 (2023) and 45 (2024); 出口总额 6800 (2024) and 5400 by September 2025; two more 2024 figures.
PROGRESS_ACTUALS = [
    ("new_investment_projects", "2023", 40),
    ("new_investment_projects", "2024", 45),
    ("high_tech_enterprises", "2024", 50),
    ("gdp", "2024", 80.1),
    ("exports", "2024", 6800),
    ("exports", "2025-09", 5400),
]

# 新增招商引资项目: running total 85 of 150 (2024), the year's own 45 beside it; due by 2024 on an even path
# 50 · 2 = 100; still (150 − 85)/1 = 65, gap 65; progress 85/150 = 56.67 %, time elapsed 2/3 = 66.67 %: behind;
# R = (85/2)/50 = 0.85: at risk; task 3, led by 大足高新区.
PROJECTS_ROW = (
    "|  | 新增招商引资项目 | 个 | — | 85 (2024) | 45 | 150 | 100 | +65 | +65 | 57% | 67% | 否 | 大足高新区 | 存在风险 |"
)
# 出口总额: 5400 by 2025-09 against 7500 · 9/12 = 5625 due by then; the rest of the year needs 7500 − 5400 = 2100.
# R = 5400/5625 = 0.96: on track, and so it keeps up with 序时进度 (the status says it for a flow to date).
# The year's estimate 5400/0.75 = 7200 is 300 short; progress (7200 − 6090)/1410 = 78.72 %; time elapsed
# (2024.75 − 2022)/3 = 91.67 %. No task carries it.
EXPORTS_ROW = "| 6 | 出口总额 | 万美元 | 6090 | 5400 (2025-09) | — | 7500 | 5625 | +2100（年内） | +300 | 79% | 92% | 是 | — | 进度正常 |"


def test_cumulative_and_year_to_date_rows(cli, tmp_path):
    actuals = write_actuals(tmp_path / "a.yaml", PROGRESS_ACTUALS)
    md = cli("status", "--actuals", str(actuals), "--format", "markdown").stdout
    lines = md.splitlines()
    assert PROJECTS_ROW in lines
    assert EXPORTS_ROW in lines
    # The figures end in different periods, and the as-of line says so. Most end in 2024: the table is as of
    # 2024, so the plan's own 2023 figures are current (the year before counts as current), and named.
    assert lines[0].startswith(
        "## 大足区万古镇“强镇带村”试点实施方案（2023—2025年） · 截至2024年（地区生产总值年均增速、"
        "社会消费品零售总额年均增速、规模以上工业总产值年均增速等4项至2023年；出口总额至2025年1—9月） · "
    )
    t = by_id(status_json(cli, "--actuals", str(actuals)))
    assert t["new_investment_projects"]["latest"] == {
        "period": "2024", "value": 85, "origin": "actuals", "flow": 45, "inferred": False,
    }  # fmt: skip
    assert t["new_investment_projects"]["actuals"] == {"2023": 40, "2024": 45, "2025": None}
    assert t["exports"]["year_to_date"] == {"period": "2025-09", "value": 5400, "due": 5625, "rest_of_year": 2100}
    assert t["exports"]["actuals"] == {"2023": None, "2024": 6800, "2025": None}
    en = cli("status", "--actuals", str(actuals), "--lang", "en", "--format", "markdown").stdout
    assert " and 1 more to 2023; Total exports to Jan–Sep 2025) · " in en.splitlines()[0]
    assert "· as of 2024 (Gross regional product, average annual growth, " in en.splitlines()[0]
    assert "| 5400 (2025-09) | — | 7500 | 5625 | +2100 (this year) |" in en


def test_show_running_total_and_year_to_date(cli, tmp_path):
    actuals = write_actuals(tmp_path / "a.yaml", PROGRESS_ACTUALS)
    out = cli("show", "新增招商引资项目", "--actuals", str(actuals)).stdout
    assert "累计：85 (2024, 录入)   当期：45" in out
    out = cli("show", "exports", "--actuals", str(actuals)).stdout
    assert "年内应达：5625" in out and "本年尚需：+2100 万美元" in out
    # a flow to date: progress rests on an estimate of the year, so the status (on track) decides 序时进度
    # (methodology, qzdc's choices) — and show says so, as 78.72 % stands above 91.67 %
    assert "进度：78.72 %\n  序时进度：91.67 %（按状态判断：已达到）\n" in out
    en = cli("show", "exports", "--actuals", str(actuals), "--lang", "en").stdout
    assert "time elapsed: 91.67 % (judged by the status: kept up)\n" in en
    # the running total is judged by distance: 85/150 = 56.67 % < time elapsed 2/3 = 66.67 %
    out = cli("show", "新增招商引资项目", "--actuals", str(actuals)).stdout
    assert "序时进度：66.67 %（未达到）\n" in out


def test_report_as_of_line_names_the_figures_that_end_elsewhere(cli, tmp_path):
    actuals = write_actuals(tmp_path / "a.yaml", PROGRESS_ACTUALS)
    md = cli("report", "--actuals", str(actuals)).stdout
    assert (
        "- 数据截至：2024年（地区生产总值年均增速、社会消费品零售总额年均增速、规模以上工业总产值年均增速"
        "等4项至2023年；出口总额至2025年1—9月）" in md.splitlines()
    )


# User test 1: 新增招商引资项目 40 (2023), 45 (2024), 38 by 2025-Q3. The year needs (150 − 85)/(3 − 2) = 65, of
# which 9/12 · 65 = 48.75 is due by September: R = 38/48.75 = 0.7795, at risk; the rest of the year needs
# 65 − 38 = 27; the running total 123 is 123/150 = 82 % of the way, time elapsed (2024.75 − 2022)/3 = 91.67 %.
PROJECTS_TO_DATE = [
    ("new_investment_projects", "2023", 40),
    ("new_investment_projects", "2024", 45),
    ("new_investment_projects", "2025-Q3", 38),
]


def test_a_cumulative_target_to_date_has_one_due_this_years_flow(cli, tmp_path):
    # User test 1, finding 5: the 应达 of the table, JSON and 要点 is the one the status rests on, 48.75 of the
    # year's flow, never the running total an even path gives (150 · 2.75/3 = 137.5).
    actuals = write_actuals(tmp_path / "a.yaml", PROJECTS_TO_DATE)
    t = by_id(status_json(cli, "--actuals", str(actuals)))["new_investment_projects"]
    assert (t["status"], t["pace_ratio"]) == ("at_risk", pytest.approx(38 / 48.75))
    assert t["latest"]["value"] == 123 and t["latest"]["flow"] == 38
    assert (t["expected_now"], t["expected_of"]) == (pytest.approx(48.75), "year_to_date")
    assert t["year_to_date"] == {"period": "2025-Q3", "value": 38, "due": 48.75, "rest_of_year": 27}
    assert (t["gap"], t["progress_pct"]) == (27, pytest.approx(82))
    md = cli("status", "--actuals", str(actuals), "--format", "markdown").stdout
    assert (
        "| 新增招商引资项目 | 个 | — | 123 (2025-Q3) | 38 | 150 | 48.75（当期） | +27（年内） | +27 | 82% | 92% | 否 |"
        in md
    )
    en = cli("status", "--actuals", str(actuals), "--format", "markdown", "--lang", "en").stdout
    assert "| 123 (2025-Q3) | 38 | 150 | 48.75 (flow) | +27 (this year) |" in en
    report = cli("report", "--actuals", str(actuals)).stdout
    assert "新增招商引资项目：2025年1—9月累计123个，其中当年38个（应达48.75个），年内尚需27个。" in report
    # Whole years only: the running total 85 against the even path's 150 · 2/3 = 100, the running total's due.
    actuals = write_actuals(tmp_path / "b.yaml", PROJECTS_TO_DATE[:2])
    t = by_id(status_json(cli, "--actuals", str(actuals)))["new_investment_projects"]
    assert (t["expected_now"], t["expected_of"]) == (pytest.approx(100), "running_total")


def test_an_average_growth_row_to_date_counts_the_year_so_far(cli, tmp_path):
    # User test 1, finding 6. 社会消费品零售总额年均增速 7 % a year over 2023–2025: 8.9 (2023, the plan's), 5.0 (2024),
    # 6.5 by 2025-09. Status: R = 6.5/7.1357 = 0.911, at risk (the reference's example). The figures beside it
    # count the year at its rate so far: projected average (1.089 · 1.05 · 1.065)^(1/3) − 1 = 6.788 %, gap
    # 7 − 6.788 = 0.212 pp; progress (1.089 · 1.05 · 1.065^(9/12) − 1)/(1.07³ − 1) = 0.19875/0.22504 = 88.32 %,
    # against time elapsed (2024.75 − 2022)/3 = 91.67 % (without the year so far: 0.14345/0.22504 = 63.74 %).
    actuals = write_actuals(
        tmp_path / "a.yaml", [("retail_sales_growth", "2024", 5.0), ("retail_sales_growth", "2025-09", 6.5)]
    )
    t = by_id(status_json(cli, "--actuals", str(actuals)))["retail_sales_growth"]
    assert (t["status"], t["pace_ratio"]) == ("at_risk", pytest.approx(0.910914539))
    assert t["projected"]["value"] == pytest.approx(6.787953129)
    assert t["gap"] == pytest.approx(0.212046871)
    assert t["projected"]["gap"] == pytest.approx(-0.212046871)  # value − target, README "The signs of gaps"
    assert t["progress_pct"] == pytest.approx(88.317392735)
    md = cli("status", "--actuals", str(actuals), "--format", "markdown").stdout
    assert "| 7.14%（年内） | +0.21个百分点 | 88% | 92% | 否 |" in md
    out = cli("show", "retail_sales_growth", "--actuals", str(actuals)).stdout
    # 6.79 % is not made from the 实际速度 6.5 printed above it: it is the average counting the year so far
    assert "计入本年至今的年均增速预计目标年：6.79 %（比目标低0.21个百分点）" in out
    assert "按实际速度预计目标年" not in out
    # a growth rate: the status (at risk) decides 序时进度 although 88.32 % < 91.67 %
    assert "序时进度：91.67 %（按状态判断：未达到）" in out
    en = cli("show", "retail_sales_growth", "--actuals", str(actuals), "--lang", "en").stdout
    assert "projected at the average including the year so far: 6.79 % (0.21 pp below the target)" in en
    assert "time elapsed: 91.67 % (judged by the status: behind)" in en
    assert "进度：88.32 %" in out


def test_show_sets_a_figure_to_date_against_what_is_due_by_then(cli, tmp_path):
    # User test 1, finding 7. The path's row for the year of a figure to date, and its bar, stand against what
    # the status compares it with, and a line says so.
    actuals = write_actuals(
        tmp_path / "a.yaml",
        [
            *PROJECTS_TO_DATE,
            ("exports", "2025-Q3", 5400),
            ("retail_sales_growth", "2024", 5.0),
            ("retail_sales_growth", "2025-09", 6.5),
        ],
    )
    # 出口总额: 5400 by 2025-Q3 against 0.75 · 7500 = 5625.
    out = cli("show", "exports", "--actuals", str(actuals), env={"COLUMNS": "120"}).stdout
    assert "5400 / 5625" in out and "2025-Q3为年初至今数：对照截至当期应达5625（2025年全年为7500）" in out
    assert " 2025       5625   5400   2025-Q3 " in out
    # 新增招商引资项目: the running total 123 against 85 before the year + 48.75 due of it = 133.75.
    out = cli("show", "new_investment_projects", "--actuals", str(actuals), env={"COLUMNS": "120"}).stdout
    assert "123 / 133.75" in out
    assert "2025-Q3为年初至今数：对照截至当期应达133.75（此前累计85，当年应达48.75；2025年全年为150）" in out
    data = json.loads(cli("show", "new_investment_projects", "--actuals", str(actuals), "--format", "json").stdout)
    assert [(s["year"], s["required"], s["actual"], s["due"]) for s in data["targets"][0]["path"]] == [
        (2023, 50, 40, None),
        (2024, 100, 85, None),
        (2025, 150, 123, 133.75),
    ]
    # 社会消费品零售总额年均增速: 6.5 by 2025-09 against the 1.07³/(1.089 · 1.05) − 1 = 7.14 % the year needs.
    out = cli("show", "retail_sales_growth", "--actuals", str(actuals), "--lang", "en", env={"COLUMNS": "120"}).stdout
    assert "2025-09 is year to date: set against the 7.14 % the year needs (the path: 7 %)" in out


# ── 6. stale figures ─────────────────────────────────────────────────────────


@pytest.fixture
def early(tmp_path: Path) -> Path:
    """The mini plan moved back: baseline 2020, period 2021–2024, a 2021 figure for firms and 2023 for the rest."""
    plan = tmp_path / "early"
    shutil.copytree(MINI, plan)
    edit(
        plan / "plan.yaml",
        "period: {start: 2023, end: 2024}\nbaseline_year: 2022",
        "period: {start: 2021, end: 2024}\nbaseline_year: 2020",
    )
    edit(plan / "indicators.yaml", "baseline: {year: 2022, value: 100}", "baseline: {year: 2020, value: 100}")
    edit(
        plan / "observations.yaml",
        "{indicator: firms, period: 2023, value: 115}",
        "{indicator: firms, period: 2021, value: 110}",
    )
    return plan


def test_a_2021_figure_in_a_report_as_of_2024_is_stale_everywhere(cli, early):
    args = ("--plan", str(early), "--as-of", "2024")
    data = status_json(cli, *args)
    firms = by_id(data)["firms"]
    # firms 100 (2020) → 144 (2024), 110 in 2021: still judged from it (r_obs 10 % vs r_req (1.44)^(1/4) − 1 =
    # 9.54 %: R = 1.048, on track), but stale and named.
    assert firms["stale"] is True and firms["rests_on"] == 2021
    assert firms["status"] == "on_track"
    assert data["stale"] == 1
    assert all(not t["stale"] for i, t in by_id(data).items() if i != "firms")
    rows = csv_by_id(cli, *args)
    assert (rows["firms"]["stale"], rows["firms"]["rests_on"]) == ("true", "2021")
    assert rows["coverage"]["stale"] == "false"
    table = cli("status", *args).stdout
    assert "进度正常（据2021年旧数据）" in table
    assert "其中数据陈旧 1" in table
    en = cli("status", *args, "--lang", "en").stdout
    assert "on track (stale: 2021 figure)" in en and "of which stale 1" in en


def test_stale_is_judged_against_the_as_of_the_output_states(cli, tmp_path):
    # User test 1, finding 3. The plan's own 2023 figures, 2024 figures for most targets and a
    # 2025-09 figure for exports. Without --as-of the figures mostly end in 2024: the output says
    # 截至2024年, and a 2023 figure, the year before, is current (methodology: "Stale figures").
    actuals = write_actuals(tmp_path / "a.yaml", PROGRESS_ACTUALS)
    data = status_json(cli, "--actuals", str(actuals))
    assert data["as_of"] == "2024"
    assert data["figures_end"]["period"] == "2024"
    assert data["stale"] == 0
    villages = by_id(data)["villages_income_over_200k"]  # 100 % in 2023 (an inferred year)
    assert (villages["rests_on"], villages["stale"], villages["status"]) == (2023, False, "on_track")
    table = cli("status", "--actuals", str(actuals), env={"COLUMNS": "240"}).stdout
    assert "截至2024年" in table and "旧数据" not in table and "数据陈旧" not in table
    # --as-of 2025-Q3: the output states it, and against 2025 the 2023 figures are stale; the 2025-09
    # figure is the same window as 2025-Q3, so it is not listed apart.
    data = status_json(cli, "--actuals", str(actuals), "--as-of", "2025-Q3")
    assert data["as_of"] == "2025-Q3"
    assert data["figures_end"]["period"] == "2025-Q3"
    assert [o["period"] for o in data["figures_end"]["others"]] == ["2024"]
    assert by_id(data)["villages_income_over_200k"]["stale"] is True
    assert data["stale"] == 4  # gdp_growth, retail_sales_growth, industrial_output_growth, villages_income_over_200k
    table = cli("status", "--actuals", str(actuals), "--as-of", "2025年1-9月", env={"COLUMNS": "240"}).stdout
    assert "截至2025年1-9月（" in table.replace("\n", "")  # — drawn as - in a terminal table
    assert "进度正常（据2023年旧数据）" in table and "其中数据陈旧 4" in table
    # --as-of 2024: as of 2024 (stated), a 2023 figure is current.
    data = status_json(cli, "--actuals", str(actuals), "--as-of", "2024")
    assert (data["as_of"], data["stale"]) == ("2024", 0)
    # The report's 要点 and its as-of line say the same.
    md = cli("report", "--actuals", str(actuals)).stdout
    assert "已过时" not in md
    md = cli("report", "--actuals", str(actuals), "--as-of", "2025-Q3").stdout
    assert "4项目标的最新数据早于2024年，已过时" in md
    assert "- 数据截至：2025年1—9月（" in md


def test_the_stated_as_of_counts_a_month_and_a_quarter_ending_together_once(cli, tmp_path):
    # Four targets' figures end in 2024; five end with September 2025, three as 2025-09 and two as 2025-Q3: one
    # window, so the output is as of 2025-09 (the form most of them use), and against 2025 the plan's own 2023
    # figures of 规模以上工业总产值年均增速 and 年经营性收入20万元以上村占比 are stale (2023 < 2025 − 1).
    rows = [
        ("high_tech_enterprises", "2024", 50),
        ("urbanisation_rate", "2024", 65.1),
        ("rd_intensity", "2024", 2.95),
        ("gdp_growth", "2024", 7.8),
        ("exports", "2025-09", 5400),
        ("gdp", "2025-09", 61.6),
        ("retail_sales_growth", "2025-09", 6.5),
        ("industrial_output", "2025-Q3", 70.5),
        ("new_investment_projects", "2025-Q3", 38),
    ]
    actuals = write_actuals(tmp_path / "a.yaml", rows)
    data = status_json(cli, "--actuals", str(actuals))
    assert (data["as_of"], data["stale"]) == ("2025-09", 2)
    assert [t["id"] for t in data["targets"] if t["stale"]] == ["industrial_output_growth", "villages_income_over_200k"]
    # A filter keeps rows, not a different as-of: the same targets are stale in every view of the plan.
    data = status_json(cli, "--actuals", str(actuals), "--category", "经济发展")
    assert (data["as_of"], by_id(data)["industrial_output_growth"]["stale"]) == ("2025-09", True)
    # show states the same as-of as status, and judges stale figures against it.
    actuals = write_actuals(tmp_path / "b.yaml", PROGRESS_ACTUALS)
    out = cli("show", "villages_income_over_200k", "--actuals", str(actuals)).stdout
    assert " · 截至 2024 · " in out.splitlines()[0] and "旧数据" not in out
    shown = json.loads(cli("show", "villages_income_over_200k", "--actuals", str(actuals), "--format", "json").stdout)
    assert (shown["as_of"], shown["targets"][0]["stale"]) == ("2024", False)


# ── 7. year-by-year actuals ──────────────────────────────────────────────────


def test_csv_has_one_actual_column_per_year_beside_the_latest_value(cli):
    reader = csv.DictReader(io.StringIO(cli("status", "--format", "csv", "--raw").stdout))
    header = reader.fieldnames
    at = header.index("latest_origin")
    assert header[at + 1 : at + 4] == ["actual_2023", "actual_2024", "actual_2025"]
    rows = {r["id"]: r for r in reader}
    assert (rows["gdp_growth"]["actual_2023"], rows["gdp_growth"]["actual_2024"]) == ("7.5", "")
    assert rows["gdp_100"]["actual_2023"] == "75.33"  # the baseline year's own figure is an actual too


def test_batch_rows_carry_the_new_fields(cli, tmp_path):
    plan = tmp_path / "wangu"
    shutil.copytree(builtin_plan_dir(), plan)
    write_actuals(plan / "actuals.yaml", PROGRESS_ACTUALS)
    lines = [json.loads(line) for line in cli("batch", str(plan), "--format", "jsonl").stdout.splitlines()]
    exports = next(line for line in lines if line["id"] == "exports")
    assert exports["year_to_date"] == {"period": "2025-09", "value": 5400, "due": 5625, "rest_of_year": 2100}
    rows = list(csv.DictReader(io.StringIO(cli("batch", str(plan), "--format", "csv", "--raw").stdout)))
    projects = next(r for r in rows if r["id"] == "new_investment_projects")
    assert (projects["latest_value"], projects["latest_flow"], projects["gap"]) == ("85", "45", "65")
    assert json.loads(projects["actuals"]) == {"2023": 40, "2024": 45, "2025": None}
    assert projects["owners_lead"] == "大足高新区"


# ── 9. the built-in plan's data ──────────────────────────────────────────────


def test_inferred_year_is_shown_where_it_decides_a_status(cli):
    # 年经营性收入20万元以上村占比 is on track on the strength of "15个村（社区）…均超过20万元", a sentence
    # that names no year: read as 2023, and marked so in every format.
    t = by_id(status_json(cli))["villages_income_over_200k"]
    assert t["status"] == "on_track"
    assert t["latest"] == {"period": "2023", "value": 100, "origin": "plan", "flow": None, "inferred": True}
    table = cli("status", env={"COLUMNS": "200"}).stdout
    assert "100 (2023*)" in table and "* 年份为推定：原文未写明该数据的年份" in table
    rows = csv_by_id(cli)
    assert rows["villages_income_over_200k"]["latest_inferred"] == "true"
    assert rows["gdp_growth"]["latest_inferred"] == "false"
    shown = cli("show", "22", "--lang", "en").stdout
    assert "latest: 100 (2023*, plan)" in shown and "* year inferred: the document does not state it" in shown


def test_titles_to_keep_and_the_rate_on_task_1(cli):
    t = by_id(status_json(cli))
    # 持续巩固提升“国家卫生城镇”“重庆市生态文明建设示范镇”创建成果: held at the baseline, nothing recorded since.
    for target_id in ("national_health_town", "ecological_demo_town"):
        assert (t[target_id]["kind"], t[target_id]["direction"], t[target_id]["status"]) == (
            "milestone",
            "maintain",
            "no_data",
        )
        assert t[target_id]["baseline"] == {"year": 2022, "value": "done"}
    # task 7 (巩固“国家卫生城镇”建设成果) answers for the first; no task names the second.
    assert t["national_health_town"]["owners"]["lead"] == ["区住房城乡建委"]
    assert t["ecological_demo_town"]["owners"] == {"lead": [], "support": []}
    # Annex 1 row 4 belongs to task 1, with the 110 亿元 on the same quantity.
    assert t["industrial_output_growth"]["owners"] == {
        "lead": ["大足高新区"],
        "support": ["区发展改革委", "区经济信息委", "区招商投资局"],
    }
    assert "industrial_output_growth" in [x["id"] for x in status_json(cli, "--owner", "大足高新区")["targets"]]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", ["80", "100"])
def test_new_columns_give_way_first(cli, lang, width):
    # At 80 and 100 columns the progress table's own columns drop before the latest value, what is still
    # required (at 100) and the status; on a wide terminal every one of them is there.
    words = {
        "zh": {
            "new": ["序时进度", "达序时", "差距", "应达", "责任单位"],
            "kept": ["最新值", "状态"],
            "required": "尚需/年",
        },
        "en": {
            "new": ["Time elapsed", "On time", "Gap", "Due now"],
            "kept": ["Latest", "Status"],
            "required": "Needed/yr",
        },
    }[lang]
    header = next(
        line
        for line in cli("status", "--lang", lang, env={"COLUMNS": width}).stdout.splitlines()
        if words["kept"][0] in line
    )
    assert all(word in header for word in words["kept"]), header
    assert not any(word in header for word in words["new"]), header
    if width == "100":
        assert words["required"] in header
    wide = next(
        line
        for line in cli("status", "--lang", lang, env={"COLUMNS": "260"}).stdout.splitlines()
        if words["kept"][0] in line
    )
    assert all(word in wide for word in [*words["new"], *words["kept"], words["required"]]), wide


def test_a_title_held_at_the_baseline_reads_done_in_the_workbook(cli, tmp_path):
    import openpyxl

    out = tmp_path / "r.xlsx"
    assert cli("report", "-o", str(out)).exit_code == 0
    ws = openpyxl.load_workbook(out).worksheets[0]
    row = next(r for r in ws.iter_rows(values_only=True) if r[1] == "巩固国家卫生城镇创建成果")
    assert "完成" in row and "done" not in row


def test_as_of_line_names_the_closed_verdicts_that_end_later(cli, tmp_path):
    """Closed verdicts (a figure for the target year) do not decide the stated as-of, but a title 截至2024年
    names them where their figures end elsewhere (user test 2, finding F): status, report and JSON alike."""
    actuals = write_actuals(
        tmp_path / "a.yaml",
        [
            ("gdp_growth", "2024", 7.8), ("retail_sales_growth", "2024", 5.0),
            ("industrial_output_growth", "2024", 19.1), ("rd_intensity", "2024", 2.95),
            ("resident_population", "2024", 3.95), ("high_tech_enterprises", "2024", 50),
            ("high_tech_enterprises", "2025", 66), ("exports", "2024", 6800), ("exports", "2025", 7600),
            ("urbanisation_rate", "2025-09", 66),
        ],
    )  # fmt: skip
    data = status_json(cli, "--actuals", str(actuals))
    t = by_id(data)
    # 7600 ≥ 7500 in the target year: achieved; 66 < 67: off track — both final, and left out of the count,
    # so the table is as of 2024 (five targets' figures end there).
    assert (t["exports"]["status"], t["exports"]["final"]) == ("achieved", True)
    assert (t["high_tech_enterprises"]["status"], t["high_tech_enterprises"]["final"]) == ("off_track", True)
    assert data["as_of"] == "2024"
    assert {"period": "2025", "targets": ["exports", "high_tech_enterprises"]} in data["figures_end"]["others"]
    title = "（年经营性收入20万元以上村占比至2023年；常住人口城镇化率至2025年1—9月；出口总额、高新技术企业至2025年）"
    md = cli("status", "--actuals", str(actuals), "--format", "markdown").stdout.splitlines()[0]
    assert "· 截至2024年" + title + " ·" in md
    report = cli("report", "--actuals", str(actuals)).stdout
    assert "数据截至2024年" + title in report
    en = cli("status", "--actuals", str(actuals), "--format", "markdown", "--lang", "en").stdout.splitlines()[0]
    assert "; Total exports, High-tech enterprises to 2025) ·" in en


def test_since_names_its_periods_as_the_rest_of_the_output(cli, tmp_path):
    """User test 2, finding G: `status --since 2024` said 自 2024 至 2025-Q3. 出口总额 6800 in 2024 (R 0.79, at risk)
    and 5400 to September 2025 (R = 5400/5625 = 0.96, on track) changed status."""
    actuals = write_actuals(tmp_path / "a.yaml", [("exports", "2024", 6800), ("exports", "2025-09", 5400)])
    md = cli("status", "--since", "2024", "--actuals", str(actuals), "--format", "markdown").stdout
    assert " · 自2024年至2025年1—9月 · " in md.splitlines()[0]
    assert "| 出口总额 | 存在风险 → 进度正常 | 6800 (2024) → 5400 (2025-09) | 0.79 → 0.96 |" in md
    # the terminal draws — and → with characters of certain width (render/table.py): a table's lines are padded
    out = cli("status", "--since", "2024", "--actuals", str(actuals), env={"COLUMNS": "200"}).stdout
    assert " ・ 自2024年至2025年1-9月 ・ " in out.splitlines()[0]
    en = cli("status", "--since", "2024", "--actuals", str(actuals), "--lang", "en", "--format", "markdown").stdout
    assert " · since 2024 to Jan–Sep 2025 · " in en.splitlines()[0]
