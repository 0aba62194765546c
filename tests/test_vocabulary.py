"""The wider vocabulary of Chinese target lists (methodology.md), checked by hand.

Every expected figure is worked out from the formulas in methodology.md in a
separate scratch shell, never by calling qzdc; the arithmetic is written beside
it. The plan's notations are read by the loader (`qzdc.plan.notation`).

Choices where methodology.md is silent, written down so that a failure can be
argued about:

- A compounded reduction is judged like average growth on `1 − c`: R is the
  realised average reduction `1 − (Π(1 − c_i))^(1/k)` over the reduction still
  required each remaining year; `progress` is the reduction so far over the
  total, `(1 − Π(1 − c_i))/C`; `projected` is the total at the realised average,
  `1 − (1 − a)^N`; `required_rest` the reduction still required in all,
  `1 − (1 − C)/Π(1 − c_i)`. The total reached before the last year is
  `achieved` (as a cumulative sum is), final only once every year is in.
- A change from the baseline is a level target `G = b + x` (or `b·(1 + x%)`)
  on a linear path for 〔x〕 and a geometric one for +x%, unless the plan says.
- A relative target compares figures of the same window only (a year with a
  year, 2025-Q3 with 2025-Q3); its years are those of the plan period; before
  the target year it is on_track where it holds at the latest pair and
  off_track where not; progress is the share of pairs where it held.
- A monitored indicator is `monitored` with or without figures.
"""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest

from qzdc.engine.assess import assess
from qzdc.engine.reduction import remaining_reduction, required_each_year
from qzdc.engine.required_path import required_path
from qzdc.errors import DataError
from qzdc.plan.loader import load_plan
from qzdc.plan.models import Baseline, Observation, Source, Target
from qzdc.plan.notation import read_value
from qzdc.plan.periods import Period

SRC = Source(ref="test")


def approx(x: float) -> object:
    return pytest.approx(x, rel=1e-6, abs=1e-9)


def obs(*pairs, indicator: str = "i") -> list[Observation]:
    return [Observation(indicator=indicator, period=p, value=v) for p, v in pairs]


def reduction(total: float = 13.5, **kw) -> Target:
    """单位GDP能源消耗降低〔13.5〕 over 2021–2025 (N = 5)."""
    base = {"id": "energy", "kind": "cumulative_reduction", "direction": "decrease", "source": SRC}
    return Target(**{**base, "value": total, "year": 2025, "start_year": 2021, "indicator": "i", **kw})


# ── compounded cumulative reduction ─────────────────────────────────────────


class TestCompoundedReduction:
    def test_13_5_percent_over_five_years_needs_2_86_a_year(self):
        # 1 − (1 − 0.135)^(1/5) = 1 − 0.865^0.2 = 1 − 0.9714115 = 0.0285885
        assert required_each_year(0.135, 5) == approx(0.0285885426)
        assert round(required_each_year(0.135, 5) * 100, 2) == 2.86
        a = assess(reduction(), [])
        assert a.status == "no_data"
        assert a.required_from_baseline == approx(0.0285885426)
        # Still required always: with nothing observed, 2.86 % in each year and the whole 13.5 % to go.
        assert (a.required_now, a.required_rest, a.gap) == (approx(0.0285885426), approx(0.135), approx(0.135))

    def test_the_rate_still_required_after_two_observed_years(self):
        # 2021 −2.7 %, 2022 −0.1 %: kept 0.973 × 0.999 = 0.972027, reduced 2.7973 % so far.
        # Still required in each of 3 years: 1 − (0.865/0.972027)^(1/3) = 1 − 0.9618616 = 0.0381384.
        assert remaining_reduction(0.135, 5, [0.027, 0.001]) == approx(0.0381383866)
        a = assess(reduction(), obs((2021, 2.7), (2022, 0.1)))
        assert a.required_now == approx(0.0381383866)
        # Realised average: 1 − 0.972027^(1/2) = 1 − 0.9859143 = 0.0140857.
        assert a.observed_pace == approx(0.0140857035)
        # R = 0.0140857 / 0.0381384 = 0.3693 → off_track (0 ≤ R < 0.6).
        assert a.pace_ratio == approx(0.3693313953)
        assert a.status == "off_track"
        # progress 0.027973 / 0.135 = 0.2072; still required in all 1 − 0.865/0.972027 = 0.1101070
        assert a.progress == approx(0.2072074074)
        assert a.required_rest == approx(0.1101070238)
        # projected over 5 years at the realised average: 1 − 0.972027^2.5 = 0.0684722; gap −0.0665278
        assert a.projected == approx(0.0684721979)
        assert a.projected_gap == approx(0.0684721979 - 0.135)
        assert a.pace_unit == "rate" and not a.final
        # 2 of 5 years gone: 序时进度 40 %, behind it at 20.72 %; to go 0.135 − 0.027973 = 0.107027
        assert a.time_elapsed == approx(0.4)
        assert a.gap == approx(0.107027)

    def test_a_year_with_a_rise_is_a_negative_reduction(self):
        # 2021 rose 1 % (−1), 2022 fell 5 %: kept 1.01 × 0.95 = 0.9595, reduced 4.05 %.
        # Still required: 1 − (0.865/0.9595)^(1/3) = 0.0339705; average 1 − 0.9595^0.5 = 0.0204593.
        a = assess(reduction(), obs((2021, -1), (2022, 5)))
        assert a.required_now == approx(0.0339705282)
        assert a.observed_pace == approx(0.0204592913)
        # R = 0.0204593 / 0.0339705 = 0.6023 → at_risk
        assert a.pace_ratio == approx(0.0204592913 / 0.0339705282)
        assert a.status == "at_risk"

    def test_rising_every_year_is_moving_away(self):
        a = assess(reduction(), obs((2021, -2), (2022, -1)))
        assert a.pace_ratio is not None and a.pace_ratio < 0
        assert a.status == "moving_away"

    def test_the_total_reached_is_achieved_and_final_once_every_year_is_in(self):
        # 3 % a year for five years: 1 − 0.97^5 = 0.1412660 ≥ 0.135
        a = assess(reduction(), obs(*[(y, 3) for y in range(2021, 2026)]))
        assert (a.status, a.final) == ("achieved", True)
        assert a.progress == approx(0.1412659743 / 0.135)
        # 9 % then 6 %: 1 − 0.91 × 0.94 = 0.1446, reached early: achieved, not final
        early = assess(reduction(), obs((2021, 9), (2022, 6)))
        assert (early.status, early.final) == ("achieved", False)

    def test_missed_at_the_end_is_off_track_whatever_r(self):
        # 2.8 % a year: 1 − 0.972^5 = 0.1322 < 0.135; R = 0.028/0.0285885 = 0.979 but the period is over.
        a = assess(reduction(), obs(*[(y, 2.8) for y in range(2021, 2026)]))
        assert (a.status, a.final) == ("off_track", True)
        assert a.pace_ratio == approx(0.028 / 0.0285885426)

    def test_year_to_date_against_the_rate_the_year_needs(self):
        # 2021 2.7, 2022 0.1 as above, then 3.0 % in 2023 to September: R = 0.03/0.0381384 = 0.7866 → at_risk
        a = assess(reduction(), obs((2021, 2.7), (2022, 0.1), ("2023-Q3", 3.0)))
        assert a.pace_ratio == approx(0.7866090494)
        assert a.status == "at_risk"
        assert "year to date" in a.method

    def test_the_required_path_is_the_constant_yearly_reduction(self):
        steps = required_path(reduction(), obs((2021, 2.7)))
        assert [s.year for s in steps] == [2021, 2022, 2023, 2024, 2025]
        assert steps[0].required == approx(2.85885426) and steps[0].actual == 2.7
        assert steps[1].actual is None

    def test_a_reduction_of_100_percent_or_more_does_not_crash(self):
        a = assess(reduction(), obs((2021, 100)))
        assert a.status == "achieved"
        assert all(v is None or math.isfinite(v) for v in (a.progress, a.pace_ratio, a.required_now))


# ── change from the baseline ────────────────────────────────────────────────


def changed(**kw) -> Target:
    """人均预期寿命 77.3 (2020) → 〔1〕: one year more by 2025."""
    base = {
        "id": "life",
        "kind": "level",
        "direction": "increase",
        "source": SRC,
        "baseline": Baseline(year=2020, value=77.3),
        "change": 1,
        "year": 2025,
        "start_year": 2021,
        "indicator": "i",
    }
    return Target(**{**base, **kw})


class TestChangeFromBaseline:
    def test_the_target_is_the_baseline_plus_the_change(self):
        # 77.3 + 1 = 78.3, written exactly
        assert changed().changed_value() == 78.3
        # +10 % on 200: 200 × 1.1 = 220
        assert changed(baseline=Baseline(year=2020, value=200), change=None, change_pct=10).changed_value() == 220

    def test_judged_as_a_level_on_a_linear_path(self):
        t = changed(value=78.3, path="linear")
        # Δ_req = (78.3 − 77.3)/5 = 0.2 a year; 2021 77.6: Δ_obs 0.3, R = 1.5 → on_track;
        # still required (78.3 − 77.6)/4 = 0.175 a year; progress 0.3/1 = 30 %.
        a = assess(t, obs((2021, 77.6)))
        assert a.required_from_baseline == approx(0.2)
        assert a.pace_ratio == approx(1.5)
        assert a.required_now == approx(0.175)
        assert a.progress == approx(0.3)
        assert a.status == "on_track"

    def test_a_percentage_change_is_geometric(self):
        t = changed(baseline=Baseline(year=2020, value=200), change=None, change_pct=10, value=220, path="geometric")
        # 1.1^(1/5) − 1 = 0.0192449
        assert assess(t, obs((2021, 203))).required_from_baseline == approx(0.0192448765)


# ── relative to another indicator ───────────────────────────────────────────


def relative(comparator: str = ">", **kw) -> Target:
    """全员劳动生产率增长 高于GDP增长 (>), or 居民人均可支配收入增长 与经济增长基本同步 (~)."""
    base = {
        "id": "r",
        "kind": "relative",
        "direction": "increase",
        "source": SRC,
        "comparator": comparator,
        "relative_to": "gdp",
        "year": 2025,
        "start_year": 2021,
        "indicator": "i",
    }
    return Target(**{**base, **kw})


GDP = obs((2020, 2.3), (2021, 8.1), (2022, 3.0), (2023, 5.2), (2025, 5.0), indicator="gdp")


class TestRelative:
    def test_higher_than_holds_year_by_year(self):
        # 2021 8.7 > 8.1, 2022 4.2 > 3.0, 2023 5.7 > 5.2: held at the latest year → on_track
        a = assess(relative(">"), obs((2021, 8.7), (2022, 4.2), (2023, 5.7)), reference=GDP)
        assert a.status == "on_track"
        assert a.progress == approx(1.0)
        assert "2023: 5.7 against 5.2 (+0.5 pp)" in a.notes

    def test_in_step_within_the_default_half_point(self):
        # 2021 8.1 vs 8.1 (0), 2022 2.9 vs 3.0 (−0.1): both within ±0.5; 2023 6.1 vs 5.2 (+0.9): not.
        a = assess(relative("~"), obs((2021, 8.1), (2022, 2.9), (2023, 6.1)), reference=GDP)
        assert a.status == "off_track"
        assert "not held in 2023" in a.notes
        assert a.progress == approx(2 / 3)
        assert a.held == (2, 3)  # shown as 3年中2年达标, the share it is (user test 1, finding 15)
        # With the plan's own tolerance of 1 pp, +0.9 is in step.
        wider = assess(relative("~", tolerance=1.0), obs((2021, 8.1), (2022, 2.9), (2023, 6.1)), reference=GDP)
        assert wider.status == "on_track"

    def test_the_half_point_itself_is_in_step(self):
        # 1.1 vs 0.6: +0.5 pp as printed, within ±0.5 — though 1.1 − 0.6 is 0.5000000000000001 in floating point.
        gdp = obs((2021, 0.6), indicator="gdp")
        assert assess(relative("~"), obs((2021, 1.1)), reference=gdp).status == "on_track"
        assert assess(relative("~"), obs((2021, 1.2)), reference=gdp).status == "off_track"

    def test_achieved_if_it_held_at_the_target_year(self):
        # 2021 missed (7.9 < 8.1), 2025 held (5.3 > 5.0): achieved, final
        a = assess(relative(">"), obs((2021, 7.9), (2025, 5.3)), reference=GDP)
        assert (a.status, a.final) == ("achieved", True)
        assert "not held in 2021" in a.notes
        missed = assess(relative(">"), obs((2021, 8.7), (2025, 4.9)), reference=GDP)
        assert (missed.status, missed.final) == ("off_track", True)

    def test_only_figures_for_the_same_period_are_compared(self):
        # 2024 has no GDP figure: the latest pair is 2023.
        a = assess(relative(">"), obs((2023, 5.7), (2024, 1.0)), reference=GDP)
        assert a.latest is not None and str(a.latest.period) == "2023"
        assert a.status == "on_track"
        none = assess(relative(">"), obs((2024, 1.0)), reference=GDP)
        assert none.status == "no_data"
        assert "no figure of the other indicator for the same period" in none.notes

    def test_the_baseline_year_is_not_judged(self):
        # 2020 is before the plan period (2021–2025): 2.5 vs 2.3 is the baseline, not a verdict.
        assert assess(relative(">"), obs((2020, 2.5)), reference=GDP).status == "no_data"


# ── monitored, and maintain judged on the target year ───────────────────────


def test_monitored_is_listed_never_judged():
    t = Target(id="gdp", kind="monitored", direction="increase", source=SRC, year=2025, start_year=2021, indicator="i")
    a = assess(t, obs((2020, 2.3), (2021, 8.1)))
    assert a.status == "monitored"
    assert a.latest is not None and a.latest.value == 8.1
    assert a.pace_ratio is None and a.progress is None
    assert assess(t, []).status == "monitored"


@pytest.mark.parametrize(("judged_on", "status"), [("every_year", "off_track"), ("target_year", "achieved")])
def test_maintain_a_breach_in_any_year_or_only_the_end_decides(judged_on, status):
    # 城镇调查失业率 ≤ 5.5 each year: 5.1 (2021), 5.6 (2022, breached), 5.2 (2025, held).
    t = Target(
        id="u",
        kind="maintain",
        direction="decrease",
        comparator="<=",
        value=5.5,
        judged_on=judged_on,
        source=SRC,
        year=2025,
        start_year=2021,
        indicator="i",
    )
    a = assess(t, obs((2021, 5.1), (2022, 5.6), (2025, 5.2)))
    assert (a.status, a.final) == (status, True)
    assert "breached in 2022" in a.notes
    # Before the target year, held now is on track either way.
    assert assess(t, obs((2021, 5.1), (2022, 5.6), (2023, 5.2)), as_of=Period(2023)).status == "on_track"


# ── the plan's notations, read by the loader ────────────────────────────────

FYP = Path(__file__).parent / "fixtures" / "fyp"


def test_the_tables_notations_become_fields():
    plan = load_plan(FYP)
    t = plan.targets_by_id
    # 5.5以内: at most 5.5 (以内 includes the number), shown as written
    assert (t["unemployment"].comparator, t["unemployment"].value, t["unemployment"].written) == ("<=", 5.5, "5.5以内")
    # ＞650: more than 650
    assert (t["grain_capacity"].comparator, t["grain_capacity"].value) == (">", 650)
    # 〔1〕 on a level: one more than the 77.3 baseline, on a linear path
    life = t["life_expectancy"]
    assert (life.change, life.value, life.path, life.written) == (1, 78.3, "linear", "〔1〕")
    # 〔13.5〕 on a reduction: the five-year total
    assert (t["energy_intensity_reduction"].value, t["energy_intensity_reduction"].written) == (13.5, "〔13.5〕")
    # 高于 and 同步, 预期性 and 约束性
    assert t["productivity_growth"].comparator == ">"
    assert t["income_growth"].comparator == "~"
    assert t["income_growth"].strength == "anticipatory"
    assert t["energy_intensity_reduction"].strength == "binding"
    # unit: % unquoted is the text "%"
    assert plan.indicator("gdp_growth").unit == "%"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("＞6.5", (">", 6.5, "plain")),
        (">=7", (">=", 7, "plain")),
        ("≥7", (">=", 7, "plain")),
        ("≤1.7", ("<=", 1.7, "plain")),
        ("5.5以内", ("<=", 5.5, "plain")),
        ("5.5%以内", ("<=", 5.5, "plain")),
        ("6.5以上", (">=", 6.5, "plain")),
        ("20左右", ("~", 20, "plain")),
        ("〔13.5〕", (None, 13.5, "total")),
        ("〔 1 〕", (None, 1, "total")),
        ("+10%", (None, 10, "change_pct")),
        ("＋1", (None, 1, "change")),
        ("保持在合理区间", (None, None, "")),
        ("7.5", (None, None, "")),  # a quoted number stays a mistake worth reporting
    ],
)
def test_cells_as_tables_write_them(cell, expected):
    assert read_value(cell) == expected


def _plan_with(tmp_path: Path, target_yaml: str, unit: str = '"%"') -> Path:
    shutil.copytree(FYP, tmp_path / "p")
    (tmp_path / "p" / "observations.yaml").write_text("observations: []\n", encoding="utf-8")
    (tmp_path / "p" / "indicators.yaml").write_text(
        "indicators:\n"
        "  - id: x\n    annex_no: null\n    category: economy\n    name: 某指标\n    name_en: X\n"
        f"    unit: {unit}\n    source: {{ref: r}}\n    targets:\n"
        "      - id: x\n        source: {ref: r}\n"
        + "".join(f"        {line}\n" for line in target_yaml.splitlines())
        + "  - id: y\n    annex_no: null\n    category: economy\n    name: 另一指标\n    name_en: Y\n"
        '    unit: "%"\n    source: {ref: r}\n',
        encoding="utf-8",
    )
    return tmp_path / "p"


@pytest.mark.parametrize(
    ("target_yaml", "place", "message"),
    [
        ("kind: level\ndirection: increase\nvalue: ＞6.5\ncomparator: '>='", "targets[0].comparator", "the value '＞6.5' says >, the comparator says >="),
        ("kind: maintain\ndirection: increase\nvalue: 〔3〕", "targets[0].value", "is a total over the period (〔〕), which a maintain target cannot be"),
        ("kind: average_growth\ndirection: increase\nvalue: +3", "targets[0].value", "is a change from the baseline, which a average_growth target cannot be"),
        ("kind: level\ndirection: increase\nchange: 1", "targets[0].change", "a change from the baseline needs the baseline"),
        ("kind: level\ndirection: increase\nvalue: 5\nchange: 1\nbaseline: {year: 2020, value: 4}", "targets[0].value", "the target is given twice"),
        ("kind: cumulative_reduction\ndirection: decrease\nvalue: 120", "targets[0].value", "a reduction over the period lies between 0 and 100 %"),
        ("kind: cumulative_reduction\ndirection: increase\nvalue: 13.5", "targets[0].direction", "a cumulative reduction has direction decrease"),
        ("kind: relative\ndirection: increase\ncomparator: '>'", "targets[0]", "a relative target needs relative_to"),
        ("kind: relative\ndirection: increase\nrelative_to: z", "targets[0].relative_to", "unknown indicator 'z'"),
        ("kind: relative\ndirection: increase\nrelative_to: x", "targets[0].relative_to", "a target cannot be relative to its own indicator"),
        ("kind: relative\ndirection: increase\nrelative_to: y\ntolerance: 1", "targets[0].tolerance", "a tolerance applies to a relative target in step"),
        ("kind: monitored\ndirection: increase\nvalue: 5", "targets[0].value", "a monitored target has no value of its own"),
        ("kind: level\ndirection: increase\nvalue: 5\njudged_on: target_year", "targets[0].judged_on", "judged_on applies to maintain and ordinal targets"),
        ("kind: level\ndirection: increase\nvalue: 5\nstrength: 预计性", "targets[0].strength", "'预计性' is not allowed"),
    ],
)  # fmt: skip
def test_each_misuse_is_one_line_with_its_place(tmp_path, target_yaml, place, message, english):
    plan = _plan_with(tmp_path, target_yaml)
    with pytest.raises(DataError) as caught:
        load_plan(plan)
    lines = [str(p) for p in caught.value.problems]
    found = [line for line in lines if f"indicators[0].{place}" in line and message in line]
    assert found, lines
    assert all("\n" not in line for line in lines)
    assert found[0].startswith(f"{plan / 'indicators.yaml'}:")


def test_a_bare_percent_unit_is_read_as_text(tmp_path, english):
    plan = _plan_with(
        tmp_path, "kind: share\ndirection: increase\nvalue: 65\nbaseline: {year: 2020, value: 60.6}", unit="%"
    )
    assert load_plan(plan).indicator("x").unit == "%"
    # and an error further down the same file still has its line
    text = (plan / "indicators.yaml").read_text(encoding="utf-8").replace("value: 65", "value: 650")
    (plan / "indicators.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_plan(plan)
    line = text.splitlines().index("        value: 650") + 1
    assert [str(p) for p in caught.value.problems] == [
        f"{plan / 'indicators.yaml'}:{line}:16: indicators[0].targets[0].value: a share must lie within 0–100, not 650.0"
    ]


def test_an_unquoted_plus_is_a_change_not_a_number(tmp_path):
    # YAML alone reads `+1` as 1: a target of one year of life. The plan means one more than 77.3.
    plan = _plan_with(tmp_path, "kind: level\ndirection: increase\nvalue: +1\nbaseline: {year: 2020, value: 77.3}")
    target = load_plan(plan).targets_by_id["x"]
    assert (target.change, target.value, target.written) == (1, 78.3, "+1")


# ── the commands on a plan in this vocabulary ───────────────────────────────


def test_status_keeps_every_row_and_judges_each_form(cli):
    result = cli("status", "--plan", str(FYP), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    by_id = {t["id"]: t for t in data["targets"]}
    assert len(by_id) == 7
    # Hand-worked from observations.yaml:
    # GDP growth: no numeric target → monitored, its latest figure shown
    assert (by_id["gdp_growth"]["status"], by_id["gdp_growth"]["latest"]["value"]) == ("monitored", 3.0)
    assert by_id["gdp_growth"]["written"] == "保持在合理区间、各年度视情提出"
    # productivity 8.7 > 8.1 (2021), 4.2 > 3.0 (2022) → on_track; income 8.1 vs 8.1, 2.9 vs 3.0 → in step
    assert by_id["productivity_growth"]["status"] == "on_track"
    assert by_id["productivity_growth"]["relative_to"] == "gdp_growth"
    assert by_id["income_growth"]["status"] == "on_track"
    # unemployment 5.6 > 5.5 in 2022, the latest → off_track
    assert by_id["unemployment"]["status"] == "off_track"
    # life expectancy 77.3 → 78.3, 77.6 in 2021: Δ_obs 0.3 against Δ_req 0.2 → on_track; 0.175 a year still
    life = by_id["life_expectancy"]
    assert (life["status"], life["target"]["value"]) == ("on_track", 78.3)
    assert life["required_now"] == {"value": pytest.approx(0.175), "type": "change_per_year"}
    # energy: 2.7, 0.1 → 3.8138 % a year still required, R 0.3693 → off_track
    energy = by_id["energy_intensity_reduction"]
    assert energy["status"] == "off_track"
    assert energy["required_now"] == {"value": pytest.approx(3.81383866), "type": "rate_pct"}
    assert energy["projected"]["value"] == pytest.approx(6.84721979)
    assert energy["strength"] == "binding" and life["strength"] == "anticipatory"
    # grain 686.5 > 650 → on_track (maintain, before the target year)
    assert by_id["grain_capacity"]["status"] == "on_track"
    assert data["summary"] == {
        "achieved": 0, "on_track": 4, "at_risk": 0, "off_track": 2, "moving_away": 0, "pending": 0, "no_data": 0,
        "monitored": 1,
    }  # fmt: skip


@pytest.mark.parametrize("fmt", ["table", "csv", "markdown"])
def test_a_monitored_row_is_in_every_format(cli, fmt):
    result = cli("status", "--plan", str(FYP), "--format", fmt, env={"COLUMNS": "240"})
    assert result.exit_code == 0, result.stderr
    assert "地区生产总值增长" in result.stdout
    if fmt != "csv":
        assert "监测" in result.stdout and "保持在合理区间、各年度视情提出" in result.stdout
        assert "属性" in result.stdout and "预期性" in result.stdout


def test_monitored_is_a_status_to_filter_on(cli):
    result = cli("status", "--plan", str(FYP), "--status", "monitored", "--format", "json")
    assert [t["id"] for t in json.loads(result.stdout)["targets"]] == ["gdp_growth"]


def test_a_plan_without_monitored_indicators_counts_no_monitored(cli):
    # The built-in plan has none: its summary (and every table of counts) is as before.
    data = json.loads(cli("status", "--format", "json").stdout)
    assert "monitored" not in data["summary"]


def test_show_compares_a_relative_target_with_the_other_indicator(cli):
    result = cli("show", "--plan", str(FYP), "income_growth", "--format", "json")
    target = json.loads(result.stdout)["targets"][0]
    assert target["status"] == "on_track"
    assert "2022: 2.9 against 3 (-0.1 pp)" in target["notes"]


def test_report_lists_monitored_in_its_counts_and_legend(cli):
    result = cli("report", "--plan", str(FYP))
    assert result.exit_code == 0, result.stderr
    assert "| 监测 | 1 |" in result.stdout
    assert "无量化目标：只列数据，不作判断" in result.stdout


def test_a_year_with_a_rise_is_recordable(cli, tmp_path):
    # Energy use per unit of GDP rose 1.2 % in 2023: a reduction of −1.2. A share's 0–100 does not apply.
    actuals = tmp_path / "actuals.yaml"
    recorded = cli(
        "record", "energy_intensity_reduction", "2023", "-1.2", "--plan", str(FYP), "--actuals", str(actuals)
    )
    assert recorded.exit_code == 0, recorded.stderr
    # A rise in the relative and monitored figures too (GDP fell 6.8 % in a quarter).
    assert cli("record", "gdp_growth", "2023-Q1", "-6.8", "--plan", str(FYP), "--actuals", str(actuals)).exit_code == 0
    # but no reduction reaches 100 %
    refused = cli("record", "energy_intensity_reduction", "2024", "100", "--plan", str(FYP), "--actuals", str(actuals))
    assert refused.exit_code == 1 and "100 不低于 100" in refused.stderr
    data = json.loads(cli("status", "--plan", str(FYP), "--actuals", str(actuals), "--format", "json").stdout)
    energy = next(t for t in data["targets"] if t["id"] == "energy_intensity_reduction")
    # 0.973 × 0.999 × 1.012 = 0.9836913; still required 1 − (0.865/0.9836913)^(1/2) = 0.0622682 a year
    assert energy["latest"] == {"period": "2023", "value": -1.2, "origin": "actuals", "flow": None, "inferred": False}
    assert energy["required_now"]["value"] == pytest.approx(6.22682223)


@pytest.mark.usefixtures("english")  # the message word for word
def test_an_unquoted_comparator_is_refused_with_the_fix(tmp_path):
    # `comparator: >=` starts a YAML block scalar: the error says how to write it.
    plan = _plan_with(tmp_path, "kind: level\ndirection: increase\nvalue: 5\ncomparator: >=")
    with pytest.raises(DataError) as caught:
        load_plan(plan)
    (problem,) = caught.value.problems
    assert str(problem).endswith('(quote it: ">=")')
