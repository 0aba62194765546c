"""`qzdc audit`: each rule on a small plan that triggers it and one that does not,
and the built-in plan's findings, each explained (see README, "audit")."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import edit
from qzdc.plan.loader import load_plan
from qzdc.views.audit import audit

MINI = Path(__file__).parent / "fixtures" / "mini"

# A level indicator for output, linked to output_growth by rate_of: 8 % a year from
# 100 in 2023 gives 100 × 1.08 = 108 in 2024.
OUTPUT_LEVEL = """
  - id: output
    annex_no: null
    category: economy
    name: 产值
    name_en: Output
    unit: 亿元
    source: {ref: 正文}
    targets:
      - {id: output_level, kind: level, direction: increase, path: geometric, baseline: {year: 2023, value: 100}, value: LEVEL, STRENGTH source: {ref: 正文}}
"""


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


def findings(plan_dir: Path, rule: str | None = None) -> list:
    plan = load_plan(plan_dir)
    found = audit(plan, plan.observations)
    return [f for f in found if rule is None or f.rule == rule]


def add_output_level(plan_dir: Path, level: str, strength: str = "") -> None:
    indicators = plan_dir / "indicators.yaml"
    edit(
        indicators,
        '    unit: "%"\n    source: {ref: 附件1 序号2}',
        '    unit: "%"\n    rate_of: output\n    source: {ref: 附件1 序号2}',
    )
    text = indicators.read_text(encoding="utf-8") + OUTPUT_LEVEL.replace("LEVEL", level).replace("STRENGTH ", strength)
    indicators.write_text(text, encoding="utf-8")


def test_rate_level_conflict_binding_is_an_error(mini):
    add_output_level(mini, "130")
    (found,) = findings(mini, "rate_level_conflict")
    assert found.severity == "error"
    assert found.subjects == ("output_growth", "output_level")
    # On the rate's own window 2023–2024: 100 in 2023 after +6 % is 100/1.06 = 94.3396 before it, and
    # 94.3396 × 1.08² = 110.0377 < 130 in 2024. 130 needs an average of (130/94.3396)^(1/2) − 1
    # = 1.378^(1/2) − 1 = 17.39 %, 9.39 pp above the 8 % target (beyond 1 pp: an error), and 30 % in 2024.
    assert found.figures["implied_level"] == pytest.approx(110.0377358491)
    assert found.figures["needed_average_pct"] == pytest.approx(17.3882447266)
    assert found.figures["gap_pp"] == pytest.approx(9.3882447266)
    assert found.figures["needed_rate_pct"] == pytest.approx(30)
    assert "110.04" in found.message and "17.39 %" in found.message and "30 %" in found.message


@pytest.mark.parametrize(
    ("level", "severity"),
    [
        # The window's start is 100/1.06 = 94.3396; the average L needs is (L/94.3396)^(1/2) − 1.
        ("110.045", None),  # (110.045/94.3396)^(1/2) − 1 = 8.0036 %: 0.0036 pp, unseen at two decimals
        ("111.06", "warning"),  # 8.5005 %: 0.50 pp, within 1 pp
        ("112.2", "error"),  # 9.0559 %: 1.06 pp, beyond 1 pp, both binding
    ],
)
def test_rate_level_severity_follows_the_size_of_the_gap(mini, level, severity):
    add_output_level(mini, level)
    found = findings(mini, "rate_level_conflict")
    assert [f.severity for f in found] == ([severity] if severity else [])


def test_aspirational_level_beyond_the_binding_rate_is_a_warning(mini):
    add_output_level(mini, "130", "strength: aspirational, ")
    assert findings(mini, "rate_level_conflict") == []
    (found,) = findings(mini, "aspirational_beyond_binding")
    assert found.severity == "warning"


def test_rate_and_level_that_agree_give_no_finding(mini):
    add_output_level(mini, "108")
    assert findings(mini, "rate_level_conflict") == []
    assert findings(mini, "aspirational_beyond_binding") == []


STATEMENT = "statements: [{source: {ref: 正文, quote: 文}, value: VALUE, comparator: 'CMP', strength: STRENGTH}], "


def add_statement(plan_dir: Path, value: str, comparator: str = ">=", strength: str = "binding") -> None:
    statement = STATEMENT.replace("VALUE", value).replace("CMP", comparator).replace("STRENGTH", strength)
    edit(plan_dir / "indicators.yaml", "value: 144, source:", f"value: 144, {statement}source:")


def test_a_second_statement_with_another_value_is_an_error(mini):
    add_statement(mini, "150")
    (found,) = findings(mini, "conflicting_values")
    assert found.severity == "error"
    assert (found.figures["value"], found.figures["other_value"]) == (144, 150)


def test_conflicting_values_print_whole_numbers_without_decimals(mini):
    """A target of 144 stated elsewhere as 150.0 (YAML reads a float) reads 150, as every figure qzdc prints."""
    add_statement(mini, "150.0")
    (found,) = findings(mini, "conflicting_values")
    assert found.message_zh.endswith("为144，正文为150")
    assert found.message.endswith("sets 144, 正文 sets 150")


def test_a_second_statement_with_another_comparator_is_a_warning(mini):
    add_statement(mini, "144", ">")
    (found,) = findings(mini, "conflicting_comparators")
    assert found.severity == "warning"
    assert findings(mini, "conflicting_values") == []


def test_a_second_statement_about_the_figure_is_info(mini):
    add_statement(mini, "144", "~")
    (found,) = findings(mini, "conflicting_comparators")
    assert found.severity == "info"


def test_a_second_statement_with_another_strength_is_info(mini):
    add_statement(mini, "144", ">=", "aspirational")
    (found,) = findings(mini, "conflicting_strength")
    assert found.severity == "info"


def test_an_identical_second_statement_gives_no_finding(mini):
    add_statement(mini, "144")
    assert [f.rule for f in findings(mini) if f.subjects == ("firms",)] == []


def test_baseline_vintage(mini):
    assert findings(mini, "baseline_vintage") == []
    edit(
        mini / "indicators.yaml",
        "baseline: {year: 2022, value: 100}",
        "baseline: {year: 2022, value: 100, vintage: 2020}",
    )
    (found,) = findings(mini, "baseline_vintage")
    assert found.severity == "warning"
    assert (found.figures["filed_under"], found.figures["vintage"]) == (2022, 2020)


@pytest.mark.parametrize(
    ("first", "second", "found"),
    [
        ("区经信委", "区信经委", True),  # the same characters in another order
        ("区农业农村委", "区农业农林委", True),  # one character apart in six
        ("区财政局", "区民政局", False),  # one character apart in four: two departments
        ("区经信委", "区财政局", False),
    ],
)
def test_department_variants(mini, first, second, found):
    edit(mini / "tasks.yaml", "lead: [区经信委], support: [区财政局]", f"lead: [{first}], support: [{second}]")
    edit(mini / "tasks.yaml", "lead: [区经信委, 区财政局]", f"lead: [{first}]")
    edit(mini / "tasks.yaml", "lead: [区财政局]", f"lead: [{second}]")
    variants = findings(mini, "department_variants")
    assert bool(variants) is found
    if found:
        assert set(variants[0].subjects) == {first, second}


def test_target_met_at_baseline_and_equal_to_baseline(mini):
    assert findings(mini, "met_at_baseline") == findings(mini, "target_equals_baseline") == []
    edit(
        mini / "indicators.yaml",
        "baseline: {year: 2022, value: 40}, value: 46",
        "baseline: {year: 2022, value: 50}, value: 46",
    )
    (found,) = findings(mini, "met_at_baseline")
    assert found.subjects == ("coverage",)
    edit(
        mini / "indicators.yaml",
        "baseline: {year: 2022, value: 50}, value: 46",
        "baseline: {year: 2022, value: 46}, value: 46",
    )
    (found,) = findings(mini, "target_equals_baseline")
    assert found.severity == "warning"


def test_share_projected_past_100(mini):
    assert findings(mini, "share_over_100") == []
    # 40 → 80 in one year: at that pace 80 + 40 = 120 % in 2024.
    edit(
        mini / "observations.yaml",
        "{indicator: coverage, period: 2023, value: 44}",
        "{indicator: coverage, period: 2023, value: 80}",
    )
    (found,) = findings(mini, "share_over_100")
    assert found.figures["projected"] == pytest.approx(120)


@pytest.mark.parametrize(("level_2023", "mismatch"), [("106", False), ("106.04", False), ("107", False), ("108", True)])
def test_level_and_rate_series_that_disagree_beyond_rounding(mini, level_2023, mismatch):
    # output_growth says 6 % for 2023, i.e. 5.5–6.5 % given its last digit. Levels 100 → L:
    #   106    → 105.5/100.5 − 1 … 106.5/99.5 − 1 = 4.98 … 7.04 %: fits.
    #   106.04 → 106.035/100.5 − 1 … 106.045/99.5 − 1 = 5.51 … 6.58 %: fits.
    #   107    → 106.5/100.5 − 1 … 107.5/99.5 − 1 = 5.97 … 8.04 %: rounding could explain it.
    #   108    → 107.5/100.5 − 1 … 108.5/99.5 − 1 = 6.97 … 9.05 %: beyond rounding.
    add_output_level(mini, "108")
    observations = mini / "observations.yaml"
    text = observations.read_text(encoding="utf-8")
    text += f"  - {{indicator: output, period: 2022, value: 100}}\n  - {{indicator: output, period: 2023, value: {level_2023}}}\n"
    observations.write_text(text, encoding="utf-8")
    found = findings(mini, "level_rate_mismatch")
    assert bool(found) is mismatch, [f.message for f in found]
    if mismatch:
        assert found[0].severity == "warning"
        assert found[0].subjects == ("output", "output_growth")
        assert found[0].figures["implied_rate_pct"] == pytest.approx(8.0)


def test_unowned_targets(mini):
    # Task 1 carries firms and projects; the other four targets have no department.
    assert {f.subjects[0] for f in findings(mini, "unowned_target")} == {
        "output_growth", "coverage", "income_ratio", "model_town",
    }  # fmt: skip


# ── the built-in plan ────────────────────────────────────────────────────────

BUILTIN = [
    # 农村居民人均可支配收入年均增速: Annex 1 row 21 says 7.74; 二（三） and task 12 say 7.54.
    ("error", "conflicting_values", ("rural_income_growth",)),
    ("error", "conflicting_values", ("rural_income_growth",)),
    # GDP: 75.33 in 2023 after +7.5 %, at 7.5 % a year over 2023–2025, is 87.05 in 2025; the 100 亿元 the text
    # strives for needs a 12.58 % average, beyond 1 pp but only 力争: a warning.
    ("warning", "aspirational_beyond_binding", ("gdp_growth", "gdp_100")),
    # 规上工业 on the rate's own window: 74.22/1.174 · 1.2³ = 109.24 in 2025; task 1 binds 110, which needs a
    # 20.28 % average, 0.28 pp above the rate (within 1 pp): a warning, not an error.
    ("warning", "rate_level_conflict", ("industrial_output_growth", "industrial_output_110")),
    # Water quality: Annex 1 sets class III; the text twice says 优于III类, "better than III".
    ("warning", "conflicting_comparators", ("water_quality",)),
    ("warning", "conflicting_comparators", ("water_quality",)),
    # 3.79 万人 and 63.8 % are the 7th census (2020) figures, filed as 2022 baselines.
    ("warning", "baseline_vintage", ("resident_population",)),
    ("warning", "baseline_vintage", ("urbanisation_rate",)),
    # 区金融事务发展中心 (reform 12) and 区金融发展事务中心 (policies 5 and 16).
    ("warning", "department_variants", ("区金融事务发展中心", "区金融发展事务中心")),
    # 城乡融合发展先行区: 3.5 平方公里 in 一、试点基础, 3 in task 8 — not a target, but the document disagrees.
    ("warning", "stated_figures_differ", ("integration_zone_area",)),
    # 保持在20%左右 ("about 20 %") beside Annex 1's plain 20.
    ("info", "conflicting_comparators", ("industrial_output_growth",)),
    # 年经营性收入20万元以上村占比: binding in Annex 1, 力争 in the text (twice).
    ("info", "conflicting_strength", ("villages_income_over_200k",)),
    ("info", "conflicting_strength", ("villages_income_over_200k",)),
    # 110 亿元: 力争 in 二（三）, binding in task 1.
    ("info", "conflicting_strength", ("industrial_output_110",)),
    # The plan gives GDP and industrial output levels from 2023, not 2022.
    ("info", "baseline_year", ("gdp_100",)),
    ("info", "baseline_year", ("industrial_output_110",)),
    # 规上工业 grew 21 % in 2022; the target is 20 % a year.
    ("info", "rate_below_baseline", ("industrial_output_growth",)),
]
# Task 1 carries Annex 1 row 4 (the rate on its 110 亿元's quantity); no task names the ecological-civilisation
# title (二（三） alone keeps it).
UNOWNED = {
    "gdp_growth", "fixed_asset_investment_growth", "retail_sales_growth", "exports", "built_up_area",
    "resident_population", "urbanisation_rate", "new_jobs", "green_coverage", "gdp_100", "export_share_of_district",
    "urban_rural_income_ratio", "ecological_demo_town",
}  # fmt: skip


def test_builtin_plan_findings():
    plan = load_plan()
    found = audit(plan, plan.observations)
    listed = [(f.severity, f.rule, f.subjects) for f in found if f.rule != "unowned_target"]
    assert listed == BUILTIN
    assert {f.subjects[0] for f in found if f.rule == "unowned_target"} == UNOWNED


def test_builtin_rate_level_figures():
    plan = load_plan()
    by_rule = {f.rule: f for f in audit(plan, plan.observations)}
    industrial = by_rule["rate_level_conflict"].figures
    assert industrial["level_before"] == pytest.approx(63.2197614991)  # 74.22 / 1.174
    assert industrial["implied_level"] == pytest.approx(109.2437478705)  # 63.2198 × 1.2³ = 63.2198 × 1.728
    assert industrial["needed_average_pct"] == pytest.approx(20.2762679767)  # (110/63.2198)^(1/3) − 1
    assert industrial["gap_pp"] == pytest.approx(0.2762679767)
    assert industrial["needed_rate_pct"] == pytest.approx(21.7407204597)  # (110/74.22)^(1/2) − 1
    gdp = by_rule["aspirational_beyond_binding"]
    assert gdp.figures["implied_level"] == pytest.approx(87.05323125)  # 75.33 / 1.075 × 1.075³ = 75.33 × 1.075²
    assert gdp.figures["needed_average_pct"] == pytest.approx(12.5849049768)  # (100/(75.33/1.075))^(1/3) − 1
    assert gdp.figures["needed_rate_pct"] == pytest.approx(15.2168549700)  # (100/75.33)^(1/2) − 1
    # Chinese writes 12.58% with no space, as every other Chinese figure (user test 2, finding G); the gap
    # 12.58 − 7.5 = 5.08 pp. English keeps its space (12.58 %), as `show` writes rates in English.
    assert gdp.message_zh.endswith("后者需年均增长12.58%（高于增速目标5.08个百分点），其余每年需15.22%")
    assert gdp.message.endswith("an average of 12.58 % (5.08 pp above the rate target); 15.22 % in each remaining year")


def test_builtin_recorded_gdp_2022_that_does_not_fit_the_growth_rate(cli, tmp_path):
    """75.33 亿元 in 2023 and +7.5 % do not fit a 2022 level of 68.5 (9.97 % growth)."""
    actuals = tmp_path / "actuals.yaml"
    actuals.write_text("actuals:\n  - {indicator: gdp, period: 2022, value: 68.5}\n", encoding="utf-8")
    result = cli("audit", "--actuals", str(actuals), "--format", "json")
    assert result.exit_code == 0, result.stderr
    mismatches = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "level_rate_mismatch"]
    assert len(mismatches) == 1
    assert mismatches[0]["figures"]["implied_rate_pct"] == pytest.approx(9.97080291971)
    assert mismatches[0]["figures"]["stated_rate_pct"] == 7.5


# ── the command ──────────────────────────────────────────────────────────────


def test_audit_exits_0_with_findings_and_3_on_a_gate(cli):
    result = cli("audit", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["summary"] == {"error": 2, "warning": 8, "info": 7 + len(UNOWNED)}
    assert cli("audit", "--fail-on", "error").exit_code == 3
    assert cli("audit", "--fail-on", "warning").exit_code == 3


def test_audit_gate_passes_on_a_plan_without_errors(cli, mini):
    result = cli("audit", "--plan", str(mini), "--fail-on", "warning")
    assert result.exit_code == 0, result.stdout


def test_audit_formats(cli):
    csv_out = cli("audit", "--format", "csv", "--raw").stdout.splitlines()
    assert csv_out[0] == "severity,rule,subjects,message,message_zh,sources"
    assert len(csv_out) == 1 + 17 + len(UNOWNED)
    md = cli("audit", "--format", "markdown", "--lang", "en").stdout
    assert md.startswith("## Plan audit")
    assert "| warning | rate_level_conflict |" in md
    table = cli("audit").stdout
    assert "错误 2" in table and "警告 8" in table


def test_stated_figures_that_differ(mini):
    """A quantity stated twice outside any target, with different figures: a warning naming both places."""
    indicators = mini / "indicators.yaml"
    text = (
        indicators.read_text(encoding="utf-8")
        + """
  - id: zone
    annex_no: null
    category: economy
    name: 先行区面积
    name_en: Zone area
    unit: 平方公里
    source: {ref: 正文}
    targets: []
    statements:
      - {source: {ref: 一, quote: 先行区（3.5平方公里）}, value: 3.5}
      - {source: {ref: 三, quote: 3平方公里先行区}, value: SECOND}
"""
    )
    indicators.write_text(text.replace("SECOND", "3"), encoding="utf-8")
    (found,) = findings(mini, "stated_figures_differ")
    assert (found.severity, found.subjects, found.sources) == ("warning", ("zone",), ("一", "三"))
    assert found.message_zh == "先行区面积：一为3.5平方公里，三为3平方公里（非目标数据，不影响任何目标的状态）"
    indicators.write_text(text.replace("SECOND", "3.5"), encoding="utf-8")
    assert findings(mini, "stated_figures_differ") == []
