"""Units mean what they say (#14 item 8): a % is bounded only for a share; rates may be negative;
a unit per head is a ratio, not a whole count.

The five-year plan in miniature (tests/fixtures/fyp) has the rates the built-in
plan lacks: a compounded reduction (单位GDP能源消耗降低), a monitored growth rate
and a growth rate set against another's.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import edit
from qzdc.actuals.values import check_entry, number_rule
from qzdc.plan.loader import load_plan

FYP = Path(__file__).parent / "fixtures" / "fyp"
TODAY = dt.date(2026, 11, 29)

# Messages are checked word for word, in English (their Chinese: tests/test_i18n.py).
pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture(scope="module")
def builtin():
    return load_plan()


@pytest.fixture(scope="module")
def fyp():
    return load_plan(FYP)


def issues(plan, indicator: str, value: str) -> list[str]:
    _, found = check_entry(plan, indicator, "2024", value, today=TODAY)
    return [i.message for i in found]


@pytest.mark.parametrize(
    ("indicator", "value"),
    [
        ("energy_intensity_reduction", "-1.2"),  # energy intensity rose: a negative reduction
        ("energy_intensity_reduction", "3.1"),
        ("gdp_growth", "-3"),  # a monitored growth rate
        ("gdp_growth", "120"),  # a rate in % is no share: above 100 is a figure, not a typo
        ("productivity_growth", "-2"),  # a growth rate set against another indicator's
    ],
)
def test_rates_may_be_negative(fyp, indicator, value):
    assert issues(fyp, indicator, value) == []


@pytest.mark.parametrize(
    ("plan_name", "indicator", "value", "message"),
    [
        ("fyp", "energy_intensity_reduction", "100", "Energy use per unit of GDP, reduction is a reduction in %: 100 is not below 100"),
        ("fyp", "unemployment", "120", "Surveyed urban unemployment rate is a share in %: 120 is outside 0–100"),  # a maintained share
        ("builtin", "urbanisation_rate", "-1", "Urbanisation rate of the resident population is a share in %: -1 is outside 0–100"),
        ("builtin", "waste_safe_disposal", "101", "Safe-disposal rate of household waste in the town is a share in %: 101 is outside 0–100"),
        ("builtin", "gdp_growth", "-100", "Gross regional product, average annual growth is a growth rate in %: -100 is not above −100"),
        ("builtin", "new_jobs", "2.5", "New jobs in the town in the year is a count of 人: 2.5 is not a whole number"),
        ("builtin", "high_tech_enterprises", "-1", "High-tech enterprises is a count of 家: -1 cannot be negative"),
    ],
)  # fmt: skip
def test_bounds_where_the_quantity_has_them(request, plan_name, indicator, value, message):
    assert issues(request.getfixturevalue(plan_name), indicator, value) == [message]


def test_the_built_in_growth_rate_may_be_negative(builtin):
    assert issues(builtin, "gdp_growth", "-2.5") == []


@pytest.mark.parametrize("unit", ["人/千人口", "件/万人", "个/千人口", "人／千人口"])
def test_a_unit_per_head_is_a_ratio(plan_copy, unit):
    edit(plan_copy / "indicators.yaml", "    name: 科技型企业\n    name_en: Technology-based enterprises\n    unit: 家\n",
         f"    name: 科技型企业\n    name_en: Technology-based enterprises\n    unit: {unit}\n")  # fmt: skip
    plan = load_plan(plan_copy)
    assert number_rule(plan, plan.indicator("tech_smes")).what == "a number"
    assert issues(plan, "tech_smes", "2.5") == []


@pytest.mark.parametrize(
    ("indicator", "what"),
    [
        ("urbanisation_rate", "a share in %"),  # kind share
        ("waste_safe_disposal", "a share in %"),  # maintain, in %
        ("gdp_growth", "a growth rate in %"),
        ("resident_income_growth", "a growth rate in %"),  # the rate of another indicator, no target
        ("new_jobs", "a count of 人"),
        ("resident_population", "a number"),  # 万人: a scale, not a bare count
        ("gdp", "a number"),
    ],
)
def test_the_rule_by_what_an_indicator_measures(builtin, indicator, what):
    assert number_rule(builtin, builtin.indicator(indicator)).what == what


def test_record_takes_a_rise_in_energy_intensity(cli, tmp_path):
    result = cli("record", "能源消耗降低", "2024", "-1.2", "--plan", str(FYP), "--actuals", str(tmp_path / "a.yaml"))
    assert result.exit_code == 0, result.stderr
    assert "value: -1.2" in (tmp_path / "a.yaml").read_text(encoding="utf-8")
