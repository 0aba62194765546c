"""Entering figures as an analyst does (user test 1, findings 2, 4, 9, 14 and 16).

- A figure's messages name the indicator as the plan writes it, never by its id.
"""

from __future__ import annotations

from pathlib import Path

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
