"""What the last part-year still needs, and figures to date, told alike in every people's format
(user test 2, findings A, D, I): the table, the people's CSV, the workbook and `show`.

Built-in plan, the tester's figures (FINDINGS-usertest-2): 新增招商引资项目 40, 45 and 38 by 2025-Q3;
常住人口城镇化率 65.1 (2024) and 66 by 2025-09; 出口总额 6800 (2024) and 5400 by 2025-Q3. Every figure is
worked out by hand from docs/methodology.md, the arithmetic beside it.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

FIGURES = [
    ("new_investment_projects", "2023", 40),
    ("new_investment_projects", "2024", 45),
    ("new_investment_projects", "2025-Q3", 38),
    ("urbanisation_rate", "2024", 65.1),
    ("urbanisation_rate", "2025-09", 66),
    ("exports", "2024", 6800),
    ("exports", "2025-Q3", 5400),
    ("retail_sales_growth", "2023", 8.9),
    ("retail_sales_growth", "2024", 5.0),
    ("retail_sales_growth", "2025-09", 6.5),
]


@pytest.fixture
def actuals(tmp_path: Path) -> str:
    path = tmp_path / "a.yaml"
    rows = [f"  - {{indicator: {i}, period: '{p}', value: {v}}}" for i, p, v in FIGURES]
    path.write_text("actuals:\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return str(path)


def people_csv(cli, actuals: str, *args: str) -> dict[str, dict[str, str]]:
    result = cli("status", "--actuals", actuals, "--format", "csv", *args)
    assert result.exit_code == 0, result.stderr
    return {r["编号" if "编号" in r else "ID"]: r for r in csv.DictReader(io.StringIO(result.stdout))}


# ── A. 尚需/年 in the last part-year ─────────────────────────────────────────


def test_json_and_machine_csv_keep_required_now_per_year(cli, actuals):
    """The documented fields do not change: required_now is per year; the part-year figure has its own field."""
    t = {x["id"]: x for x in json.loads(cli("status", "--actuals", actuals, "--format", "json").stdout)["targets"]}
    # cumulative 150 over 2023–2025, 40 + 45 = 85 in the whole years: (150 − 85)/(3 − 2) = 65 a year;
    # 38 of it counted by 2025-Q3, so the rest of the year needs 65 − 38 = 27.
    projects = t["new_investment_projects"]
    assert projects["required_now"] == {"value": pytest.approx(65), "type": "change_per_year"}
    assert projects["year_to_date"]["rest_of_year"] == pytest.approx(27)
    # 城镇化率: (68.23 − 66)/(2025 − 2024.75) = 8.92 pp a year, 68.23 − 66 = 2.23 in all.
    urban = t["urbanisation_rate"]
    assert urban["required_now"]["value"] == pytest.approx(8.92)
    assert urban["required_rest"] == {"value": pytest.approx(2.23), "type": "change"}
    raw = {
        r["id"]: r
        for r in csv.DictReader(io.StringIO(cli("status", "--actuals", actuals, "--format", "csv", "--raw").stdout))
    }
    assert float(raw["new_investment_projects"]["required_now"]) == pytest.approx(65)
    assert float(raw["urbanisation_rate"]["required_now"]) == pytest.approx(8.92)


def test_people_csv_shows_the_tables_figure_for_the_rest_of_the_year(cli, actuals):
    table = cli("status", "--actuals", actuals, env={"COLUMNS": "300"}).stdout
    assert "+27（年内）" in table and "+2.23个百分点（年内）" in table and "+2100（年内）" in table
    rows = people_csv(cli, actuals)
    assert rows["new_investment_projects"]["尚需/年"] == "27（年内）"  # not the whole year's 65
    assert rows["urbanisation_rate"]["尚需/年"] == "2.23（年内）"  # not 2.23 annualised over a quarter, 8.92
    assert rows["exports"]["尚需/年"] == "2100（年内）"  # 7500 − 5400
    # 社零: the year needs 1.07³/(1.089·1.05) − 1 = 7.14 %, as the table says 7.14%（年内）
    assert rows["retail_sales_growth"]["尚需/年"] == "7.14%（年内）"
    # a target with whole years left keeps its number: 高新技术企业 (67/34)^(1/3) − 1 = 25.37 % a year
    assert rows["high_tech_enterprises"]["尚需/年"] == "25.37%"
    en = people_csv(cli, actuals, "--lang", "en")
    assert en["new_investment_projects"]["Needed/yr"] == "27 (this year)"


def test_workbook_details_show_the_tables_figure_and_stay_numbers(cli, actuals, tmp_path):
    out = tmp_path / "r.xlsx"
    assert cli("report", "--actuals", actuals, "-o", str(out)).exit_code == 0
    ws = load_workbook(out)["计算明细"]
    col = {c.value: c.column for c in ws[1]}
    rows = {ws.cell(row=r, column=col["目标编号"]).value: r for r in range(2, ws.max_row + 1)}

    def cell(target: str, name: str):
        return ws.cell(row=rows[target], column=col[name])

    change = cell("new_investment_projects", "尚需年增量")
    assert change.value == pytest.approx(27) and change.number_format == '0.00"（年内）"'
    assert cell("urbanisation_rate", "尚需年增量").value == pytest.approx(2.23)
    rate = cell("retail_sales_growth", "尚需年增速")
    assert rate.value == pytest.approx(1.07**3 / (1.089 * 1.05) - 1) and rate.number_format == '0.00%"（年内）"'
    # whole years left: per year, as before (25.37 %)
    assert cell("high_tech_enterprises", "尚需年增速").number_format == "0.00%"


def test_show_never_calls_a_whole_year_figure_what_each_year_still_needs(cli, actuals):
    out = cli("show", "new_investment_projects", "--actuals", actuals).stdout
    assert "本年尚需：+27 个" in out and "至2025年底共需：+27 个" in out
    assert "剩余每年尚需" not in out and "65 个/年" not in out
    out = cli("show", "urbanisation_rate", "--actuals", actuals).stdout
    assert "本年尚需：+2.23个百分点" in out
    assert "剩余每年尚需" not in out and "8.92" not in out
    # with whole years left, the per-year figure under its own name: 高新技术企业 25.37 % a year
    out = cli("show", "high_tech_enterprises", "--actuals", actuals).stdout
    assert "剩余每年尚需：25.37 %/年" in out and "本年尚需" not in out


# ── D. a level recorded during a year is a level at that date ────────────────


def test_a_level_to_date_is_worded_as_a_level_at_the_periods_end(cli, actuals, tmp_path):
    # 城镇化率 63.8 (2022) → 68.23 (2025), linear: at 2024.75, 63.8 + 4.43 · 2.75/3 = 67.86; 2025: 68.23.
    out = cli("show", "urbanisation_rate", "--actuals", actuals).stdout
    assert "2025年9月末66，对照路径应达67.86（2025年末68.23）" in out
    assert "年初至今" not in out and "全年" not in out
    en = cli("show", "urbanisation_rate", "--actuals", actuals, "--lang", "en").stdout
    assert "66 at end-Sep 2025: set against 67.86 on the path (68.23 at the end of 2025)" in en
    # a yearly flow to date is still a sum from January: 7500 · 9/12 = 5625
    out = cli("show", "exports", "--actuals", actuals).stdout
    assert "2025-Q3为年初至今数：对照截至当期应达5625（2025年全年为7500）" in out
    md = cli("report", "--actuals", actuals).stdout
    assert "常住人口城镇化率：2025年9月末66%" in md
    out = tmp_path / "r.xlsx"
    assert cli("report", "--actuals", actuals, "-o", str(out)).exit_code == 0
    ws = load_workbook(out)["完成情况表"]
    header = [c.value for c in ws[3]]
    assert "本年累计" not in header and "本年最新" in header
    rows = {ws.cell(row=r, column=2).value: r for r in range(4, ws.max_row + 1)}
    latest = ws.cell(row=rows["常住人口城镇化率"], column=header.index("本年最新") + 1)
    assert latest.value == 66 and latest.number_format.endswith('" (2025-09)"')
    en = tmp_path / "en.xlsx"
    assert cli("report", "--actuals", actuals, "--lang", "en", "-o", str(en)).exit_code == 0
    assert "Latest this year" in [c.value for c in load_workbook(en).worksheets[0][3]]
