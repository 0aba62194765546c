"""Indicators by the names people use: one rule (`plan.lookup.find_indicator`) for record, import, show and history.

The rule, in order: an id (or a target's id), an annex number, a name, English
name or alias (exact, then as `name_key` reads it), an id in any case, and last
a part of a name that only one indicator has. A name that finds several is
refused with every match listed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import edit
from qzdc.errors import UsageError
from qzdc.plan.loader import load_plan
from qzdc.plan.lookup import find_indicator

# Messages are checked word for word, in English (their Chinese: tests/test_i18n.py).
pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture(scope="module")
def plan():
    return load_plan()


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("gdp", "gdp"),
        ("gdp_100", "gdp"),  # a target's id
        ("4", "industrial_output_growth"),  # the annex number
        ("地区生产总值", "gdp"),  # a full name wins over being part of 地区生产总值年均增速
        ("Gross regional product", "gdp"),
        ("规上工业总产值", "industrial_output"),  # the built-in plan's alias, the document's own short form
        ("GDP", "gdp"),  # an id in any case
        ("High_Tech_Enterprises", "high_tech_enterprises"),
        ("水质", "water_quality"),  # a part of one name only
        ("高新技术", "high_tech_enterprises"),
        ("淮远河", "water_quality"),
        ("城镇化", "urbanisation_rate"),
        ("urbanisation", "urbanisation_rate"),  # part of an English name
    ],
)
def test_names_people_use(plan, typed, found):
    assert find_indicator(plan, typed).id == found


@pytest.mark.parametrize(
    ("typed", "matches"),
    [
        ("生产总值", "地区生产总值年均增速 (gdp_growth), 地区生产总值 (gdp)"),
        ("工业", "规模以上工业总产值年均增速 (industrial_output_growth), 规模以上工业总产值 (industrial_output)"),
    ],
)
def test_an_ambiguous_name_is_refused_with_every_match(cli, typed, matches):
    result = cli("record", typed, "2024", "81")
    assert result.exit_code == 2
    assert result.stderr == (
        f"qzdc: error: '{typed}' names more than one indicator: {matches} "
        "(write more of the name, or the indicator's id)\n"
    )
    assert not Path("actuals.yaml").exists()


def test_record_import_show_and_history_share_the_rule(cli):
    assert cli("record", "GDP", "2024", "81.3").exit_code == 0
    assert cli("record", "水质", "2024", "III").exit_code == 0
    Path("f.csv").write_text("指标名称,期间,数值\n规上工业总产值,2024,90.2\n城镇化,2024,65.2\n", encoding="utf-8")
    assert cli("import", "f.csv").exit_code == 0
    entries = yaml.safe_load(Path("actuals.yaml").read_text(encoding="utf-8"))["actuals"]
    assert [(e["indicator"], e["value"]) for e in entries] == [
        ("gdp", 81.3),
        ("water_quality", "III"),
        ("industrial_output", 90.2),
        ("urbanisation_rate", 65.2),
    ]
    shown = json.loads(cli("show", "水质", "--format", "json").stdout)
    assert shown["indicator"]["id"] == "water_quality"
    history = json.loads(cli("history", "GDP", "--format", "json").stdout)
    assert history["indicator"]["id"] == "gdp"
    refused = cli("show", "生产总值")
    assert refused.exit_code == 2 and "names more than one indicator" in refused.stderr


def test_an_unknown_name_suggests_the_closest(cli):
    result = cli("record", "gpd", "2024", "81")
    assert result.exit_code == 2
    assert result.stderr == "qzdc: error: unknown indicator 'gpd' (did you mean gdp?)\n"


def test_aliases_a_plan_lists(cli, plan_copy):
    edit(
        plan_copy / "indicators.yaml",
        "    name: 地区生产总值\n",
        "    name: 地区生产总值\n    aliases: [经济总量, 区GDP]\n",
    )
    for alias in ("经济总量", "区gdp", "区ＧＤＰ"):  # as name_key reads it: case and full-width forms alike
        result = cli("show", alias, "--plan", str(plan_copy), "--format", "json")
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["indicator"]["id"] == "gdp"


@pytest.mark.parametrize(
    ("alias", "message"),
    [
        ("地区生产总值年均增速", "'地区生产总值年均增速' reads as the same name as '地区生产总值年均增速'"),
        ("GDP_growth", "'GDP_growth' reads as the same name as 'gdp_growth'"),
    ],
)
def test_an_alias_that_names_another_indicator_is_refused(cli, plan_copy, alias, message):
    edit(plan_copy / "indicators.yaml", "    name: 地区生产总值\n", f"    name: 地区生产总值\n    aliases: [{alias}]\n")
    result = cli("validate", "--plan", str(plan_copy))
    assert result.exit_code == 1
    assert message in result.stderr


def test_every_alias_of_the_built_in_plan_is_the_documents_own(plan):
    text = "".join((Path(__file__).parents[1] / "docs" / "source" / "plan.txt").read_text(encoding="utf-8").split())
    aliases = [a for i in plan.indicators for a in i.aliases]
    assert aliases == ["规上工业总产值"]
    assert all(a in text for a in aliases)


def test_the_rule_can_refuse(plan):
    with pytest.raises(UsageError):
        find_indicator(plan, "率")
