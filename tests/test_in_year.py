"""In-year monitoring: year-to-date periods, `--as-of 2025-Q3`, `--since`, bad periods.

Every figure is worked out by hand from docs/methodology.md ("Periods within a
year"); the arithmetic is in the comments.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import edit

# Messages are checked word for word, in English (their Chinese: tests/test_i18n.py).
pytestmark = pytest.mark.usefixtures("english")

MINI = Path(__file__).parent / "fixtures" / "mini"


def write_actuals(path: Path, rows: list[tuple[str, str, object]]) -> Path:
    lines = ["actuals:"]
    lines += [f"  - {{indicator: {i}, period: '{p}', value: {v}}}" for i, p, v in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def status_of(cli, *args: str) -> dict:
    result = cli("status", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return {t["id"]: t for t in json.loads(result.stdout)["targets"]} | {"_as_of": json.loads(result.stdout)["as_of"]}


def test_growth_target_year_to_date(cli, tmp_path):
    # 社会消费品零售总额年均增速, 7.0 % a year over 2023–2025; 2023 8.9 (the plan), 2024 5.0, 2025-Q3 6.5:
    # 2025 needs 1.07³/(1.089 × 1.05) − 1 = 7.1357 %; R = 6.5/7.1357 = 0.9109 → at_risk.
    actuals = write_actuals(
        tmp_path / "a.yaml", [("retail_sales_growth", "2024", 5.0), ("retail_sales_growth", "2025-Q3", 6.5)]
    )
    t = status_of(cli, "--actuals", str(actuals), "--as-of", "2025-Q3")["retail_sales_growth"]
    assert t["status"] == "at_risk"
    assert t["latest"]["period"] == "2025-Q3"
    assert t["required_now"]["value"] == pytest.approx(7.135685863)
    assert t["pace_ratio"] == pytest.approx(0.910914539)
    assert "year to date" in t["method"]
    # Judged as of 2024 the year-to-date figure does not exist yet: 8.9 and 5.0 average
    # (1.089 × 1.05)^(1/2) − 1 = 6.93222 %, against 7.13569 % still needed: R = 0.97149 → on_track.
    t = status_of(cli, "--actuals", str(actuals), "--as-of", "2024")["retail_sales_growth"]
    assert t["status"] == "on_track"
    assert t["pace_ratio"] == pytest.approx(6.93222152 / 7.13568586)


def test_a_years_own_figure_supersedes_its_year_to_date_figures(cli, tmp_path):
    actuals = write_actuals(
        tmp_path / "a.yaml",
        [
            ("retail_sales_growth", "2024-Q3", 1.0),
            ("retail_sales_growth", "2024", 5.0),
            ("retail_sales_growth", "2024-06", 2.0),
        ],
    )
    t = status_of(cli, "--actuals", str(actuals))["retail_sales_growth"]
    assert t["latest"]["period"] == "2024"
    assert t["observed_pace"]["value"] == pytest.approx(6.93222152)  # (1.089 × 1.05)^(1/2) − 1


def test_cumulative_target_year_to_date_linear_and_seasonal(cli, tmp_path, plan_copy):
    # 新增招商引资项目 150 over 2023–2025: 40 in 2023, 50 in 2024, 20 to 2025-Q2.
    # 2025 needs 150 − 90 = 60; by Q2 a linear share (6/12) is 30 due: R = 20/30 = 0.667 → at_risk.
    rows = [
        ("new_investment_projects", "2023", 40),
        ("new_investment_projects", "2024", 50),
        ("new_investment_projects", "2025-Q2", 20),
    ]
    actuals = write_actuals(tmp_path / "a.yaml", rows)
    t = status_of(cli, "--actuals", str(actuals))["new_investment_projects"]
    assert t["status"] == "at_risk"
    assert t["pace_ratio"] == pytest.approx(2 / 3)
    assert t["required_now"]["value"] == pytest.approx(60)
    assert "linear share" in t["method"]
    # With a seasonal profile of 10/30/60/100 % by quarter end, 30 % of 60 = 18 is due: R = 20/18 → on_track.
    edit(
        plan_copy / "indicators.yaml",
        "        value: 150\n",
        "        value: 150\n        profile: [10, 30, 60, 100]\n",
    )
    t = status_of(cli, "--plan", str(plan_copy), "--actuals", str(actuals))["new_investment_projects"]
    assert t["status"] == "on_track"
    assert t["pace_ratio"] == pytest.approx(20 / 18)
    assert "seasonal profile" in t["method"]


def test_level_stock_year_to_date_uses_the_path_at_t_minus_1_plus_f(cli, tmp_path):
    # 高新技术企业 34 → 67 (2022 → 2025), 60 firms by 2025-Q2: t = 2024.5, elapsed 2.5 years.
    # r_obs = (60/34)^(1/2.5) − 1 = 25.507 %; r_req = 25.371 %; R = 1.00535 → on_track;
    # E(2024.5) = 34 × (67/34)^(2.5/3) = 59.838; still needed (67/60)^(1/0.5) − 1 = 24.694 %.
    actuals = write_actuals(tmp_path / "a.yaml", [("high_tech_enterprises", "2025-Q2", 60)])
    t = status_of(cli, "--actuals", str(actuals))["high_tech_enterprises"]
    assert t["status"] == "on_track"
    assert t["pace_ratio"] == pytest.approx(1.0053540657)
    assert t["expected_now"] == pytest.approx(59.837782167)
    assert t["required_now"]["value"] == pytest.approx(24.694444444)
    assert t["final"] is False


def test_level_flow_year_to_date_is_judged_against_what_is_due_by_then(cli, tmp_path):
    # methodology.md, "Periods within a year": a yearly flow's figure to date against f times the
    # year's requirement, which for a level target is the path's value for the year (the target in
    # the target year). 出口总额 6090 → 7500 万美元: 5400 to 2025-Q3, f = 9/12 = 0.75;
    # due 0.75 × 7500 = 5625; R = 5400/5625 = 0.96 → on_track; the rest of the year needs 7500 − 5400 = 2100.
    # The estimate of the year, 5400/0.75 = 7200, is an extra figure: projected 7200, gap 7500 − 7200 = 300,
    # r_obs = (7200/6090)^(1/3) − 1 = 5.740 %.
    actuals = write_actuals(tmp_path / "a.yaml", [("exports", "2025-Q3", 5400)])
    t = status_of(cli, "--actuals", str(actuals))["exports"]
    assert t["status"] == "on_track"
    assert t["pace_ratio"] == pytest.approx(0.96)
    assert t["expected_now"] == pytest.approx(5625)
    assert t["year_to_date"] == {"period": "2025-Q3", "value": 5400.0, "due": 5625.0, "rest_of_year": 2100.0}
    assert t["projected"]["value"] == pytest.approx(7200)
    assert t["gap"] == pytest.approx(300)
    assert t["observed_pace"]["value"] == pytest.approx(5.7397797)
    assert t["method"] == "geometric, year to date against a linear share of the year's path value"
    assert t["final"] is False
    # 序时进度: the progress of an estimate does not decide it either; the status does.
    assert t["on_schedule"] is True
    assert any("against 5625 due" in note and "about 7200" in note for note in t["notes"])


@pytest.mark.parametrize(
    ("indicator", "target_id", "period", "value", "due", "ratio", "status"),
    [
        # 地区生产总值（力争） 100 亿元 in 2025: 61.6 by 2025-09, due 9/12 × 100 = 75, R = 61.6/75 = 0.82133.
        ("gdp", "gdp_100", "2025-09", 61.6, 75, 61.6 / 75, "at_risk"),
        # 规模以上工业总产值（力争） 110 亿元 in 2025: 70.5 by 2025-Q3, due 0.75 × 110 = 82.5, R = 0.85455.
        ("industrial_output", "industrial_output_110", "2025-Q3", 70.5, 82.5, 70.5 / 82.5, "at_risk"),
        # 出口总额 in a year before the target year: 2024's path value 6090 × (7500/6090)^(2/3) = 6997.0238;
        # 3300 by 2024-Q2 against half of it, 3498.5119: R = 3300/3498.5119 = 0.94326 → at_risk.
        ("exports", "exports", "2024-Q2", 3300, 3498.5119, 3300 / 3498.5119, "at_risk"),
    ],
)
def test_other_yearly_flows_to_date(cli, tmp_path, indicator, target_id, period, value, due, ratio, status):
    actuals = write_actuals(tmp_path / "a.yaml", [(indicator, period, value)])
    t = status_of(cli, "--actuals", str(actuals))[target_id]
    assert t["year_to_date"]["due"] == pytest.approx(due)
    assert t["expected_now"] == pytest.approx(due)
    assert t["pace_ratio"] == pytest.approx(ratio, rel=1e-6)
    assert t["status"] == status


def test_a_yearly_flow_to_date_in_chinese_says_what_r_is(cli, tmp_path):
    actuals = write_actuals(tmp_path / "a.yaml", [("exports", "2025-Q3", 5400)])
    out = cli("show", "exports", "--actuals", str(actuals), "--lang", "zh").stdout
    out = "".join(line.strip() for line in out.splitlines())  # long notes wrap at the terminal's width
    assert "方法：几何路径（复合增长）：年初至今数对比当年路径值的线性分摊" in out
    assert "年度流量指标：截至2025-Q3为5400，应达5625（2025年路径值7500的75%，按线性分摊）；按此进度全年约7200" in out
    assert "速度比 R：0.960" in out


def test_level_flow_year_to_date_already_over_the_year_is_achieved(cli, tmp_path):
    actuals = write_actuals(tmp_path / "a.yaml", [("new_jobs", "2025-Q3", 1200)])
    assert status_of(cli, "--actuals", str(actuals))["new_jobs"]["status"] == "achieved"


def test_default_as_of_is_the_latest_period_with_data(cli, tmp_path):
    actuals = write_actuals(tmp_path / "a.yaml", [("exports", "2025-09", 5400)])
    assert status_of(cli, "--actuals", str(actuals))["_as_of"] == "2025-09"


# ── --since ──────────────────────────────────────────────────────────────────


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


def test_since_lists_the_targets_whose_status_moved(cli, mini, tmp_path):
    # 2024 (the target year) figures: firms 144 (at_risk → achieved); coverage 45 misses 46 in the
    # target year, a final verdict (on_track → off_track; Δ_obs = 5/2 = 2.5 against 3, R = 0.833);
    # projects +40 (on_track → achieved: 60 + 40 = 100).
    actuals = write_actuals(
        tmp_path / "a.yaml", [("firms", "2024", 144), ("coverage", "2024", 45), ("projects", "2024", 40)]
    )
    result = cli("status", "--plan", str(mini), "--actuals", str(actuals), "--since", "2023", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["since"], data["as_of"]) == ("2023", "2024")
    changes = {c["id"]: c for c in data["changes"]}
    assert set(changes) == {"firms", "coverage", "projects"}
    assert (changes["firms"]["before"]["status"], changes["firms"]["after"]["status"]) == ("at_risk", "achieved")
    assert changes["firms"]["before"]["latest"] == {"period": "2023", "value": 115.0}
    assert changes["firms"]["after"]["latest"] == {"period": "2024", "value": 144.0}
    assert changes["coverage"]["after"]["status"] == "off_track"
    assert changes["coverage"]["after"]["pace_ratio"] == pytest.approx(2.5 / 3)
    assert changes["coverage"]["before"]["pace_ratio"] == pytest.approx(4 / 3)
    table = cli("status", "--plan", str(mini), "--actuals", str(actuals), "--since", "2023", "--lang", "en").stdout
    assert "at risk -> achieved" in table  # → drawn as -> in a terminal table
    assert "3 target(s) changed status" in table


def test_since_must_be_before_the_period_judged(cli, mini):
    result = cli("status", "--plan", str(mini), "--since", "2023")
    assert result.exit_code == 2
    assert "--since 2023 is not before" in result.stderr


@pytest.mark.parametrize(
    ("period", "message"),
    [
        ("2025-Q5", "quarters run Q1–Q4"),
        ("2025-13", "months run 01–12"),
        ("2026-Q1", "outside the plan"),
        ("2022", "outside the plan"),
        ("2025Q", "is not a period"),
    ],
)
@pytest.mark.parametrize("option", ["--as-of", "--since"])
def test_bad_periods_are_refused(cli, option, period, message):
    result = cli("status", option, period)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_show_lists_in_year_observations(cli, tmp_path):
    actuals = write_actuals(tmp_path / "a.yaml", [("exports", "2025-Q1", 1500), ("exports", "2025-Q3", 5400)])
    data = json.loads(cli("show", "exports", "--actuals", str(actuals), "--format", "json").stdout)
    assert [(o["period"], o["value"]) for o in data["observations"]] == [("2025-Q1", 1500.0), ("2025-Q3", 5400.0)]
    # the year-to-date figure stands against what is due by then, 0.75 · 7500 = 5625, beside the year's 7500
    assert data["targets"][0]["path"][-1] == {
        "year": 2025, "required": 7500.0, "actual": 5400.0, "period": "2025-Q3", "due": 5625.0,
    }  # fmt: skip


def test_a_month_and_a_quarter_ending_together_are_one_window(cli, tmp_path):
    # 2025-Q3 and 2025-09 both cover January to September: the later entry revises the earlier.
    actuals = write_actuals(tmp_path / "a.yaml", [("exports", "2025-Q3", 5400), ("exports", "2025-09", 5700)])
    t = status_of(cli, "--actuals", str(actuals))["exports"]
    assert t["latest"] == {"period": "2025-09", "value": 5700.0, "origin": "actuals", "flow": None, "inferred": False}
    # and --as-of either spelling sees it
    for as_of in ("2025-Q3", "2025-09"):
        assert status_of(cli, "--actuals", str(actuals), "--as-of", as_of)["exports"]["latest"]["value"] == 5700.0
    shown = json.loads(cli("show", "exports", "--actuals", str(actuals), "--format", "json").stdout)
    assert [(o["period"], o["used"]) for o in shown["observations"]] == [("2025-09", True), ("2025-Q3", False)]


def test_less_than_a_year_left_shows_what_is_needed_in_all(cli, tmp_path):
    # 高新技术企业 58 by 2025-Q3 against 67 by the end of 2025: 67/58 − 1 = 15.517 % in the last quarter,
    # not the 78 % a year that a quarter's need annualises to. An achieved target needs nothing more.
    actuals = write_actuals(
        tmp_path / "a.yaml", [("high_tech_enterprises", "2025-Q3", 58), ("rural_sewage_treatment", "2024", 90)]
    )
    data = status_of(cli, "--actuals", str(actuals), "--format", "json")
    assert data["high_tech_enterprises"]["required_rest"] == {"value": pytest.approx(15.5172413793), "type": "rate_pct"}
    assert data["rural_sewage_treatment"]["status"] == "achieved"
    assert data["rural_sewage_treatment"]["required_now"] is None
    table = cli("status", "--actuals", str(actuals), "--lang", "en", env={"COLUMNS": "160"}).stdout
    assert "15.52% (this year)" in table
    sewage = next(line for line in table.splitlines() if "90 (2024)" in line)
    assert "-3pp" not in sewage and " - " in sewage  # — drawn as - in a terminal table


def test_show_says_what_is_still_required_by_the_end_of_the_target_year(cli, tmp_path):
    actuals = write_actuals(tmp_path / "a.yaml", [("high_tech_enterprises", "2025-Q3", 58)])
    out = cli("show", "9", "--actuals", str(actuals), "--lang", "en").stdout
    assert "still required by the end of 2025: +15.52 %" in out  # 67/58 − 1
    assert "至2025年底共需：+15.52 %" in cli("show", "9", "--actuals", str(actuals), "--lang", "zh").stdout
