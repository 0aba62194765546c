"""`qzdc import --template FILE`: generated, filled in with openpyxl, imported as it is."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from qzdc.actuals.values import periods_due
from qzdc.plan.loader import load_plan
from qzdc.plan.periods import parse_period
from qzdc.report.template import template_indicators, template_xlsx


@pytest.fixture(scope="module")
def plan():
    return load_plan()


@pytest.mark.parametrize(
    ("today", "due"),
    [
        # the built-in plan runs 2023–2025 with a monthly rhythm; a year is due from 1 December
        (dt.date(2025, 10, 15), ["2023", "2024", "2025-10"]),
        (dt.date(2025, 12, 1), ["2023", "2024", "2025"]),
        (dt.date(2024, 1, 5), ["2023", "2024-01"]),
        (dt.date(2023, 3, 1), ["2023-03"]),
        (dt.date(2026, 11, 29), ["2023", "2024", "2025"]),
    ],
)
def test_the_periods_due(plan, today, due):
    assert periods_due(plan, today) == [parse_period(p) for p in due]


def test_a_quarterly_plan_is_due_by_quarter(plan):
    import dataclasses

    quarterly = dataclasses.replace(plan, meta=dataclasses.replace(plan.meta, review=["quarterly", "year_end"]))
    assert periods_due(quarterly, dt.date(2025, 10, 15)) == [parse_period(p) for p in ("2023", "2024", "2025-Q3")]
    assert periods_due(quarterly, dt.date(2025, 2, 15)) == [parse_period(p) for p in ("2023", "2024")]


def test_the_template_lists_every_indicator_with_its_unit(plan):
    book = load_workbook(io.BytesIO(template_xlsx(plan, "zh", today=dt.date(2025, 10, 15))))
    sheet = book.worksheets[0]
    assert sheet.title == "填报"
    assert [c.value for c in sheet[2]] == [
        "序号", "指标名称", "编号", "单位", "2023年", "2024年", "2025年1-10月", "来源", "备注"
    ]  # fmt: skip
    rows = [(r[1], r[2], r[3]) for r in sheet.iter_rows(min_row=3, values_only=True)]
    assert rows == [(i.name, i.id, i.unit or None) for i in template_indicators(plan)]
    assert len(rows) == len(plan.indicators)
    assert rows[0] == ("地区生产总值年均增速", "gdp_growth", "%")  # annex row 1 first
    assert book.worksheets[1].title == "填表说明"


def test_the_value_cells_are_validated(plan):
    sheet = load_workbook(io.BytesIO(template_xlsx(plan, "zh", today=dt.date(2025, 10, 15)))).worksheets[0]
    rows = {sheet.cell(row=r, column=3).value: r for r in range(3, sheet.max_row + 1)}
    checks = sheet.data_validations.dataValidation

    def check_of(indicator: str):
        cell = f"E{rows[indicator]}"
        (found,) = [c for c in checks if cell in c.sqref]
        return found

    share = check_of("urbanisation_rate")
    assert (share.type, share.operator, share.formula1, share.formula2) == ("decimal", "between", "0", "100")
    growth = check_of("gdp_growth")
    assert (growth.type, growth.operator, growth.formula1) == ("decimal", "greaterThan", "-100")
    count = check_of("high_tech_enterprises")
    assert (count.type, count.operator, count.formula1) == ("whole", "greaterThanOrEqual", "0")
    classes = check_of("water_quality")
    assert (classes.type, classes.formula1) == ("list", '"I,II,III,IV,V,劣V"')
    milestone = check_of("national_high_tech_zone")
    assert (milestone.type, milestone.formula1, milestone.errorStyle) == ("list", '"完成,未完成"', "warning")
    assert "单位：亿元" in check_of("gdp").error


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_template_round_trip(cli, lang):
    result = cli("import", "--template", "模板.xlsx", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    assert Path("模板.xlsx").is_file() and not Path("actuals.yaml").exists()
    book = load_workbook("模板.xlsx")
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[2]]
    ids = {sheet.cell(row=r, column=3).value: r for r in range(3, sheet.max_row + 1)}
    # today (December 2026) the plan's three years are all due
    year = {p: header.index(f"{p}年" if lang == "zh" else str(p)) + 1 for p in (2023, 2024, 2025)}
    source = header.index("来源" if lang == "zh" else "Source") + 1

    def fill(indicator: str, period: int, value: object) -> None:
        sheet.cell(row=ids[indicator], column=year[period], value=value)

    fill("gdp", 2024, 81.3)
    fill("gdp", 2025, 90.12)
    fill("high_tech_enterprises", 2024, 52)
    fill("urbanisation_rate", 2025, 66.5)
    fill("water_quality", 2024, "II")
    fill("national_high_tech_zone", 2025, "完成" if lang == "zh" else "done")
    sheet.cell(row=ids["gdp"], column=source, value="区统计局")
    book.save("模板.xlsx")
    imported = cli("import", "模板.xlsx", "--lang", lang)
    assert imported.exit_code == 0, imported.stderr
    entries = yaml.safe_load(Path("actuals.yaml").read_text(encoding="utf-8"))["actuals"]
    # in the template's order: the annex's rows (9, 13, 15), then the plan's other indicators
    assert [(e["indicator"], e["period"], e["value"], e.get("source")) for e in entries] == [
        ("high_tech_enterprises", 2024, 52, None),
        ("urbanisation_rate", 2025, 66.5, None),
        ("water_quality", 2024, "II", None),
        ("gdp", 2024, 81.3, "区统计局"),
        ("gdp", 2025, 90.12, "区统计局"),
        ("national_high_tech_zone", 2025, "done", None),
    ]


def test_a_template_is_a_workbook(cli):
    result = cli("import", "--template", "模板.csv")
    assert result.exit_code == 2
    assert "--template 生成的是 Excel 工作簿：文件名请用 .xlsx，而不是 模板.csv" in result.stderr
    english = cli("import", "--template", "模板.csv", "--lang", "en")
    assert "--template writes an Excel workbook: name it .xlsx, not 模板.csv" in english.stderr
    assert not Path("模板.csv").exists()
