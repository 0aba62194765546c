"""Values and periods as people write them (items 2 and 3 of "figures in").

Every accepted notation with the value or period it is read as, and every
refused one with its message and exit code. Conversions are worked by hand:
a scale prefix multiplies the base unit (万 = 10⁴, 亿 = 10⁸), so 8130万元 in an
亿元 indicator is 8130 × 10⁴ / 10⁸ = 0.813.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from qzdc.actuals.values import check_entry
from qzdc.plan.loader import load_plan
from qzdc.plan.periods import MissingYear, PeriodError, parse_period, parse_period_loose

# Messages are checked word for word, in English (their Chinese: tests/test_i18n.py).
pytestmark = pytest.mark.usefixtures("english")

TODAY = dt.date(2026, 11, 29)


@pytest.fixture(scope="module")
def plan():
    return load_plan()


def stored(path: Path = Path("actuals.yaml")) -> list[tuple]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["actuals"]
    return [(e["indicator"], e["period"], e["value"]) for e in entries]


# ── values ───────────────────────────────────────────────────────────────────

ACCEPTED_VALUES = [
    ("gdp", "81.3亿元", 81.3, None),  # the indicator's own unit
    ("gdp", "81.3 亿元", 81.3, None),
    ("gdp", "8130万元", 0.813, "8130万元"),  # 8130 × 10⁴ / 10⁸
    ("gdp", "813000000元", 8.13, "813000000元"),  # 813000000 / 10⁸
    ("urbanisation_rate", "65.2%", 65.2, None),
    ("urbanisation_rate", "65.2％", 65.2, None),  # a full-width percent sign
    ("high_tech_enterprises", "1,234家", 1234, None),
    ("high_tech_enterprises", "1,234", 1234, None),
    ("exports", "１２，３４５．６", 12345.6, None),  # full-width digits, comma and point
    ("exports", "1.23亿美元", 12300, "1.23亿美元"),  # 1.23 × 10⁸ / 10⁴ 万美元
    ("gdp_growth", "-2.5", -2.5, None),  # a growth rate may be negative
    ("gdp_growth", "−2.5%", -2.5, None),  # the minus sign of Chinese documents
    ("gdp_growth", "＋3.1", 3.1, None),
    ("new_jobs", "1.2万人", 12000, "1.2万人"),  # 1.2 × 10⁴ people: a whole number
    ("built_up_area", "3500000平方米", 3.5, "3500000平方米"),  # 3.5 × 10⁶ m² = 3.5 km²
    ("village_collective_income", "415", 415, None),
]


@pytest.mark.parametrize(("indicator", "typed", "value", "written"), ACCEPTED_VALUES)
def test_values_as_people_write_them(plan, indicator, typed, value, written):
    entry, issues = check_entry(plan, indicator, "2024", typed, today=TODAY)
    assert issues == []
    assert entry is not None and entry.value == pytest.approx(value, abs=1e-12) and entry.written == written


def test_a_unit_from_the_sheet_applies_where_the_value_has_none(plan):
    entry, _ = check_entry(plan, "gdp", "2024", 615000, today=TODAY, unit="万元")
    assert entry is not None and entry.value == 61.5 and entry.written == "615000万元"
    entry, _ = check_entry(plan, "gdp", "2024", "61.5亿元", today=TODAY, unit="万元")  # the value's own unit wins
    assert entry is not None and entry.value == 61.5 and entry.written is None


REFUSED_VALUES = [
    (
        "gdp",
        "81.3万美元",
        "'81.3万美元' is in 万美元, but Gross regional product is in 亿元 (write the figure in 亿元)",
    ),
    ("gdp", "65.2%", "'65.2%' is in %, but Gross regional product is in 亿元 (write the figure in 亿元)"),
    ("urban_rural_income_ratio", "1.8倍", "Urban–rural income ratio has no unit, but '1.8倍' is in 倍"),
    ("high_tech_enterprises", "-3", "High-tech enterprises is a count of 家: -3 cannot be negative"),
    ("new_jobs", "1.23456万人", "New jobs in the town in the year is a count of 人: 12345.6 is not a whole number"),
    ("urbanisation_rate", "-1", "Urbanisation rate of the resident population is a share in %: -1 is outside 0–100"),
    (
        "gdp_growth",
        "-100",
        "Gross regional product, average annual growth is a growth rate in %: -100 is not above −100",
    ),
]


@pytest.mark.parametrize(("indicator", "typed", "message"), REFUSED_VALUES)
def test_values_that_are_refused_name_why(cli, indicator, typed, message):
    result = cli("record", indicator, "2024", typed)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"qzdc: error: {message}"), result.stderr
    assert not Path("actuals.yaml").exists()


def test_record_converts_and_says_so(cli):
    result = cli("record", "地区生产总值", "2024", "8130万元", "--lang", "zh")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("已录入 地区生产总值 2024 = 0.813 亿元（8130万元） → actuals.yaml")
    assert stored() == [("gdp", 2024, 0.813)]


# ── periods ──────────────────────────────────────────────────────────────────

ACCEPTED_PERIODS = [
    ("2025年1-9月", None, "2025-09"),
    ("2025年1—9月", None, "2025-09"),  # an em dash, as Chinese documents write a range
    ("２０２５年１－９月", None, "2025-09"),
    ("2025年1至9月", None, "2025-09"),
    ("1—9月", 2025, "2025-09"),
    ("1-9月累计", 2025, "2025-09"),
    ("前三季度", 2025, "2025-Q3"),
    ("2025年前三季度", None, "2025-Q3"),
    ("上半年", 2025, "2025-H1"),
    ("2025年上半年", None, "2025-H1"),
    ("2025年三季度", None, "2025-Q3"),
    ("2025年第三季度", None, "2025-Q3"),
    ("2025年9月", None, "2025-09"),
    ("9月", 2025, "2025-09"),
    ("2025.9", None, "2025-09"),
    ("2025/9", None, "2025-09"),
    ("2025年", None, "2025"),
    ("2025年全年", None, "2025"),
    ("2025-Q3", None, "2025-Q3"),
    (2025.9, None, "2025-09"),  # a spreadsheet number cell typed 2025.9
    (2024.0, None, "2024"),
]


@pytest.mark.parametrize(("typed", "year", "period"), ACCEPTED_PERIODS)
def test_periods_as_the_bureau_writes_them(typed, year, period):
    assert parse_period_loose(typed, year=year) == parse_period(period)


REFUSED_PERIODS = [
    ("1-9月", MissingYear, "'1-9月' has no year: write it with the year, e.g. 2025年1-9月"),
    ("前三季度", MissingYear, "'前三季度' has no year"),
    ("2025年4-9月", PeriodError, "'2025年4-9月' is not a period: a figure runs from January (1-9月), not from month 4"),
    ("2025年13月", PeriodError, "'2025年13月' is not a period: months run 1–12"),
    (2025.1, PeriodError, "2025.1 is not a period: it may be January or October; write 2025-01 or 2025-10"),
    ("2025年五季度", PeriodError, "'2025年五季度' is not a period"),
]


@pytest.mark.parametrize(("typed", "error", "message"), REFUSED_PERIODS)
def test_periods_that_are_refused(typed, error, message):
    with pytest.raises(error) as caught:
        parse_period_loose(typed)
    assert str(caught.value).startswith(message)


def test_record_takes_bureau_periods_and_the_year_option(cli):
    assert cli("record", "gdp", "2025年1-9月", "61.5").exit_code == 0
    assert cli("record", "gdp", "上半年", "40.2", "--year", "2025").exit_code == 0
    assert stored() == [("gdp", "2025-09", 61.5), ("gdp", "2025-H1", 40.2)]
    refused = cli("record", "gdp", "1-9月", "61.5")
    assert refused.exit_code == 2
    assert refused.stderr == (
        "qzdc: error: '1-9月' has no year: write it with the year, e.g. 2025年1-9月 (or give the year with --year)\n"
    )
    wrong = cli("record", "gdp", "2025年4-9月", "61.5")
    assert wrong.exit_code == 2
    assert "a figure runs from January (1-9月), not from month 4" in wrong.stderr


@pytest.mark.parametrize(
    ("option", "value", "as_of"),
    [("--as-of", "2025年1-9月", "2025-09"), ("--as-of", "2025年三季度", "2025-Q3"), ("--as-of", "2024年", "2024")],
)
def test_as_of_takes_the_same_forms(cli, option, value, as_of):
    result = cli("status", option, value, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["as_of"] == as_of


def test_since_takes_the_same_forms(cli):
    assert cli("record", "high_tech_enterprises", "2025年1-9月", "58").exit_code == 0
    result = cli("status", "--since", "2025年上半年", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["since"] == "2025-H1"


def test_a_period_without_its_year_is_refused_by_as_of(cli):
    result = cli("status", "--as-of", "前三季度")
    assert result.exit_code == 2
    assert result.stderr.startswith("qzdc: error: --as-of: '前三季度' has no year")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1-9月", "'1-9月' has no year: write it with the year, e.g. 2025年1-9月 (or give the year with --year)"),
        (
            "前三季度",
            "'前三季度' has no year: write it with the year, e.g. 2025年前三季度 (or give the year with --year)",
        ),
        ("2025年4-9月", "'2025年4-9月' is not a period: a figure runs from January (1-9月), not from month 4"),
        ("2025年13月", "'2025年13月' is not a period: months run 1–12"),
        ("2025-Q5", "'2025-Q5' is not a period: quarters run Q1–Q4"),
    ],
)
def test_record_refuses_a_period_it_cannot_read_as_a_usage_error(cli, typed, message):
    result = cli("record", "gdp", typed, "61.5")
    assert result.exit_code == 2
    assert result.stderr == f"qzdc: error: {message}\n"
    assert not Path("actuals.yaml").exists()


def test_a_spreadsheet_number_that_may_be_two_months_is_refused(cli):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["指标", "期间", "数值"])
    book.active.append(["gdp", 2025.1, 61.5])  # typed 2025.10 or 2025.1: Excel keeps the number 2025.1
    book.save("p.xlsx")
    result = cli("import", "p.xlsx")
    assert result.exit_code == 1
    assert "p.xlsx:2:2: Sheet!B2 期间: 2025.1 is not a period: it may be January or October" in result.stderr
