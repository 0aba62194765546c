"""examples/cn-14th-fyp: the national 14th Five-Year Plan's main-indicator table (#16 item 6).

`validate`, `status`, `audit` and `report` run on it; every figure it encodes is
named in its target's note beside a cited source (SOURCES.md holds the quotes);
and a few of its figures are worked out by hand from methodology.md.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from qzdc.plan.loader import load_plan

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "cn-14th-fyp"


def _number(value: float) -> str:
    return f"{value:g}"


def test_validate_passes():
    plan = load_plan(EXAMPLE)
    assert len(plan.indicators) == 20
    assert [c.name for c in plan.meta.categories] == ["经济发展", "创新驱动", "民生福祉", "绿色生态", "安全保障"]
    # 3 + 3 + 7 + 5 + 2 rows (胡祖才: 7 in 民生福祉; 5 in 绿色生态, 2 in 安全保障)
    counts = [sum(1 for i in plan.indicators if i.category == c.id) for c in plan.meta.categories]
    assert counts == [3, 3, 7, 5, 2]


def test_every_figure_is_named_in_its_note_beside_a_cited_source():
    for target in load_plan(EXAMPLE).targets:
        note = target.note or ""
        assert note.startswith("verified: "), target.id
        assert "http" in note, f"{target.id}: no source cited"
        figures = [target.baseline.value] if target.baseline else []
        figures.append(target.change if target.change is not None else target.value)
        for figure in figures:
            if isinstance(figure, int | float):
                assert re.search(rf"(?<![\d.]){re.escape(_number(figure))}(?![\d])", note), (target.id, figure)


def test_what_is_not_verified_says_so():
    plan = load_plan(EXAMPLE)
    # 属性 of rows 4, 6, 7, 9, 10, 11, 13 is stated by no source: each note says so.
    for number in (4, 6, 7, 9, 10, 11, 13):
        indicator = next(i for i in plan.indicators if i.annex_no == number)
        assert "Not verified: " in (plan.targets_by_id[indicator.targets[0].id].note or ""), number
        assert "strength" in (plan.targets_by_id[indicator.targets[0].id].note or ""), number
    # Row 18's baseline is left out: its sources disagree.
    assert plan.targets_by_id["forest_coverage"].baseline is None
    text = (EXAMPLE / "SOURCES.md").read_text(encoding="utf-8")
    assert "## Not verified" in text and "**The table itself was not found**" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_status_audit_and_report_run(cli, tmp_path, lang):
    for args in (
        ["status"],
        ["status", "--format", "json"],
        ["audit"],
        ["indicators"],
        ["show", "14"],
        ["report"],
        ["report", "-o", str(tmp_path / f"r-{lang}.html")],
        ["report", "-o", str(tmp_path / f"r-{lang}.xlsx")],
    ):
        result = cli(*args, "--plan", str(EXAMPLE), "--lang", lang, env={"COLUMNS": "160"})
        assert result.exit_code == 0, (args, result.stderr)


def test_the_figures_qzdc_computes_for_the_example(cli):
    data = json.loads(cli("status", "--plan", str(EXAMPLE), "--format", "json").stdout)
    by_id = {t["id"]: t for t in data["targets"]}
    # 13.5 % over 2021–2025: 1 − 0.865^(1/5) = 2.8588543 % a year; 18 %: 1 − 0.82^(1/5) = 3.8912850 %
    assert by_id["energy_intensity_reduction"]["required_from_baseline"]["value"] == pytest.approx(2.8588542599)
    assert by_id["carbon_intensity_reduction"]["required_from_baseline"]["value"] == pytest.approx(3.891285039)
    # 6.3 → 12 件 over five years, geometric, nothing recorded yet: still (12/6.3)^(1/5) − 1 = 13.7543830 % a year
    assert by_id["high_value_patents"]["required_now"]["value"] == pytest.approx(13.754383035)
    # 77.3 + 〔1〕 = 78.3, a linear path: 0.2 a year
    life = by_id["life_expectancy"]
    assert (life["target"]["value"], life["path"]) == (78.3, "linear")
    assert life["required_now"] == {"value": pytest.approx(0.2), "type": "change_per_year"}
    # GDP growth has no numeric target: monitored, in every table
    assert by_id["gdp_growth"]["status"] == "monitored"
    assert data["summary"]["monitored"] == 1
    # The two census-year baselines are 2019 figures: the audit says so, and nothing else is wrong.
    audit = json.loads(cli("audit", "--plan", str(EXAMPLE), "--format", "json").stdout)
    assert sorted((f["rule"], f["subjects"][0]) for f in audit["findings"]) == [
        ("baseline_vintage", "life_expectancy"),
        ("baseline_vintage", "urbanisation_rate"),
    ]
