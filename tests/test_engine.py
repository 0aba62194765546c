"""An independent check of the engine against docs/methodology.md.

Every expected number below was worked out by hand (or in a separate scratch
Python shell, never by calling qzdc) from the formulas in methodology.md; the
arithmetic is written next to it. Rates are fractions (0.2537 = 25.37 %); linear
paths give changes per year in the indicator's unit (pp for shares).

Choices made where methodology.md is silent (an analyst's reading, written down
so that a failure here can be argued about rather than guessed at):

- `projected_gap` is `P(T) − G`, signed, in the indicator's unit: negative means
  the projection falls short of an increase target (or stays above a decrease
  target's ceiling when positive). For a rate target it is `a − G`.
- `year_reached` is the first whole year in which the value at the observed pace
  meets the target: `ceil(t + n)` where `n` solves the path equation from the
  latest value; None when the pace is zero or against the direction.
- `progress` is not capped at 100 %.
- Average growth: `required_from_baseline` is the target rate G itself,
  `observed_pace` the realised average `a` (for a year-to-date figure: the
  year-to-date rate, so that `R = observed_pace / required_now` holds),
  `projected` the N-year average if the remaining years grow at `a`, which is
  `a` (geometric mean of a constant), and its gap `a − G`.
- Cumulative: baseline 0 (the plan gives none), `required_from_baseline` G/N,
  `observed_pace` S/k, `expected_now` G·k/N (an even path), `progress` S/G,
  `projected` S + (S/k)(N − k), `year_reached` the first year the sum reaches G
  at S/k a year.
- Cumulative year to date: "f times the year's requirement" is read as f times
  the flow still required in each remaining year, `(G − S)/(N − k)`, the same
  reading the methodology gives for average growth (`R = ytd / r_now`).
- Level year to date: every formula uses `t − 1 + f` in place of `t`.
- A milestone whose year's own figure for the target year says "not done" has
  missed its deadline (the year is over): off_track, like "after the target year".
- A final verdict (the latest figure is for the target year, or every year of an
  average-growth or cumulative period is in) that misses the target is off_track
  (moving_away if R < 0), whatever R is: "on track" after the deadline has passed
  would mislead. methodology.md's step 3 read to the letter would band R instead
  (R = 0.975 → on_track); it should say which it means. For average growth at the
  end of the period R is `a / G` (r_now no longer exists).
- A year with no figure inside an average-growth or cumulative period is unknown,
  not zero: it counts among the years still to come (k counts observed years).
- A level or share target without a baseline in the plan (the plan has one such
  share) has no rule in the methodology; the engine takes the earliest observation
  as the baseline. Only "it answers, and does not crash" is asserted here.
- An ordinal target with direction `maintain` is judged like a maintain target:
  on_track while it holds before the target year, achieved once the target year
  is reached with every observation holding.
"""

from __future__ import annotations

import datetime as dt
import math
import re

import pytest

from qzdc.engine.assess import assess, assess_plan
from qzdc.engine.formulas import (
    CalcError,
    cagr,
    grow,
    rate_level_consistency,
    realised_average,
    remaining_rate,
    years_to_reach,
)
from qzdc.engine.held import milestone_done
from qzdc.engine.series import latest_period, points
from qzdc.engine.verdict import holds, status_from_ratio
from qzdc.plan.models import Baseline, Observation, Source, Target, Thresholds
from qzdc.plan.periods import Period

REL = 1e-6
WATER_CLASSES = ["I", "II", "III", "IV", "V", "劣V"]
NUMERIC_FIELDS = (
    "required_from_baseline",
    "expected_now",
    "observed_pace",
    "required_now",
    "progress",
    "pace_ratio",
    "projected",
    "projected_gap",
)


# --------------------------------------------------------------------------- helpers


def target(
    kind: str = "level",
    *,
    b: float | str | None = None,
    G: float | str | None = None,
    t0: int = 2022,
    T: int = 2025,
    start: int | None = 2023,
    path: str | None = None,
    direction: str = "increase",
    comparator: str | None = None,
) -> Target:
    if comparator is None:
        # Lower is better for a decrease, and for an ordinal class (I < II < … < 劣V).
        comparator = "<=" if direction == "decrease" or kind == "ordinal" else ">="
    return Target(
        id="t",
        kind=kind,
        direction=direction,
        source=Source(ref="test"),
        path=path,
        comparator=comparator,
        baseline=None if b is None else Baseline(year=t0, value=b),
        value=G,
        year=T,
        start_year=start,
        indicator="i",
    )


def obs(*pairs: tuple[int | str, object], indicator: str = "i") -> list[Observation]:
    return [Observation(indicator=indicator, period=p, value=v) for p, v in pairs]


def check_finite(a) -> None:
    for name in NUMERIC_FIELDS:
        value = getattr(a, name)
        assert value is None or math.isfinite(value), (name, value)


def approx(x: float) -> object:
    return pytest.approx(x, rel=REL, abs=1e-9)


# --------------------------------------------------------------------------- 1. worked figures


class TestWorkedFigures:
    """The table at the end of methodology.md and its year-to-date example."""

    def test_high_tech_firms_required_growth(self):
        # (67/34)^(1/3) − 1 = 0.2537144
        assert cagr(34, 67, 3) == approx(0.2537144416)
        assert round(cagr(34, 67, 3) * 100, 2) == 25.37

    def test_tech_smes_required_growth(self):
        # (205/100)^(1/3) − 1 = 0.2703341
        assert cagr(100, 205, 3) == approx(0.2703340928)
        assert round(cagr(100, 205, 3) * 100, 2) == 27.03

    def test_exports_required_growth(self):
        # (7500/6090)^(1/3) − 1 = 0.0718845
        assert cagr(6090, 7500, 3) == approx(0.0718844985)
        assert round(cagr(6090, 7500, 3) * 100, 2) == 7.19

    def test_gdp_grown_at_target_rate(self):
        # 75.33 · 1.075² = 87.0532
        assert grow(75.33, 0.075, 2) == approx(87.05323125)
        assert round(grow(75.33, 0.075, 2), 2) == 87.05

    def test_gdp_rate_needed_for_100(self):
        # (100/75.33)^(1/2) − 1 = 0.1521685
        assert cagr(75.33, 100, 2) == approx(0.1521685497)
        assert round(cagr(75.33, 100, 2) * 100, 2) == 15.22

    def test_industrial_output_grown_at_target_rate(self):
        # 74.22 · 1.2² = 106.8768
        assert grow(74.22, 0.20, 2) == approx(106.8768)
        assert round(grow(74.22, 0.20, 2), 2) == 106.88

    def test_industrial_output_rate_needed_for_110(self):
        # (110/74.22)^(1/2) − 1 = 0.2174072
        assert cagr(74.22, 110, 2) == approx(0.2174072046)
        assert round(cagr(74.22, 110, 2) * 100, 2) == 21.74

    def test_industrial_growth_remaining_rate(self):
        # (1.2³/1.174)^(1/2) − 1 = (1.728/1.174)^0.5 − 1 = 0.2132151
        assert remaining_rate(0.20, 3, [0.174]) == approx(0.2132151380)
        assert round(remaining_rate(0.20, 3, [0.174]) * 100, 2) == 21.32

    def test_consistency_gdp_rate_against_level(self):
        c = rate_level_consistency(75.33, 2023, 0.075, 100, 2025)
        # implied: 75.33 · 1.075² = 87.0532; needed: (100/75.33)^(1/2) − 1 = 0.1521685
        assert c.implied_level == approx(87.05323125)
        assert c.needed_rate == approx(0.1521685497)
        assert c.consistent is False  # 87.05 < 100: the rate does not reach the level

    def test_consistency_industrial_output(self):
        c = rate_level_consistency(74.22, 2023, 0.20, 110, 2025)
        # implied: 74.22 · 1.2² = 106.8768; needed: (110/74.22)^(1/2) − 1 = 0.2174072
        assert c.implied_level == approx(106.8768)
        assert c.needed_rate == approx(0.2174072046)
        assert c.consistent is False

    def test_consistency_when_the_rate_reaches_the_level(self):
        c = rate_level_consistency(75.33, 2023, 0.20, 100, 2025)
        # 75.33 · 1.2² = 108.4752 ≥ 100
        assert c.implied_level == approx(108.4752)
        assert c.consistent is True

    def test_retail_sales_year_to_date_remaining_rate(self):
        # 1.07³/(1.089·1.05) − 1 = 1.225043/1.14345 − 1 = 0.0713569
        assert remaining_rate(0.07, 3, [0.089, 0.05]) == approx(0.0713568586)
        assert round(remaining_rate(0.07, 3, [0.089, 0.05]) * 100, 2) == 7.14

    def test_retail_sales_year_to_date_assessment(self):
        t = target("average_growth", b=6.0, G=7.0, path=None)
        a = assess(t, obs((2023, 8.9), (2024, 5.0), ("2025-Q3", 6.5)))
        assert a.latest.period == Period(2025, "Q", 3)
        # r_now = 0.0713569 (above); R = 0.065/0.0713569 = 0.910915 → 0.6 ≤ R < 0.95
        assert a.required_now == approx(0.0713568586)
        assert a.pace_ratio == approx(0.9109145392)
        assert round(a.pace_ratio, 2) == 0.91
        assert a.status == "at_risk"
        assert a.observed_pace == approx(0.065)  # the year-to-date rate (choice, see module doc)
        assert a.final is False  # 2025 is not over at Q3
        check_finite(a)


# --------------------------------------------------------------------------- 2. every kind, every direction


class TestLevelGeometric:
    def test_increase_high_tech_firms(self):
        # 高新技术企业 34 (2022) → 67 (2025); 45 observed in 2024.
        t = target(b=34, G=67, path="geometric")
        a = assess(t, obs((2023, 40), (2024, 45)))
        assert a.status == "off_track"  # R = 0.59298 < 0.6
        assert "geometric" in a.method.lower()
        assert a.latest.period == Period(2024)
        assert a.final is False
        # r_req = (67/34)^(1/3) − 1 = 0.2537144
        assert a.required_from_baseline == approx(0.2537144416)
        # E(2024) = 34 · (67/34)^(2/3) = 53.441197
        assert a.expected_now == approx(53.4411966368)
        # r_obs = (45/34)^(1/2) − 1 = 0.1504475
        assert a.observed_pace == approx(0.1504474833)
        # r_now = (67/45)^(1/1) − 1 = 0.4888889
        assert a.required_now == approx(0.4888888889)
        # (45 − 34)/(67 − 34) = 11/33
        assert a.progress == approx(1 / 3)
        # R = 0.1504475/0.2537144 = 0.5929796
        assert a.pace_ratio == approx(0.5929795810)
        # P = 45 · 1.1504475 = 51.770137; gap = 51.770137 − 67 = −15.229863
        assert a.projected == approx(51.7701367472)
        assert a.projected_gap == approx(-15.2298632528)
        # 45 · 1.1504475^n = 67 → n = ln(67/45)/ln(1.1504475) = 2.84 → 2024 + 2.84 = 2026.84 → 2027
        assert a.year_reached == 2027
        assert a.pace_unit
        check_finite(a)

    def test_decrease(self):
        # A quantity to cut from 200 (2022) to 150 (2025) on a compound path; 175 in 2024.
        t = target(b=200, G=150, path="geometric", direction="decrease")
        a = assess(t, obs((2024, 175)))
        assert a.status == "at_risk"  # R = 0.70632
        assert "geometric" in a.method.lower()
        # r_req = (150/200)^(1/3) − 1 = −0.0914397
        assert a.required_from_baseline == approx(-0.0914397036)
        # E(2024) = 200 · 0.75^(2/3) = 165.096362
        assert a.expected_now == approx(165.0963624447)
        # r_obs = (175/200)^(1/2) − 1 = −0.0645857
        assert a.observed_pace == approx(-0.0645856533)
        # r_now = 150/175 − 1 = −0.1428571
        assert a.required_now == approx(-0.1428571429)
        # (175 − 200)/(150 − 200) = 0.5
        assert a.progress == approx(0.5)
        # R = −0.0645857/−0.0914397 = 0.7063196
        assert a.pace_ratio == approx(0.7063195830)
        # P = 175 · 0.9354143 = 163.697511; gap = 163.697511 − 150 = 13.697511
        assert a.projected == approx(163.6975106714)
        assert a.projected_gap == approx(13.6975106714)
        # n = ln(150/175)/ln(0.9354143) = 2.309 → 2026.31 → 2027
        assert a.year_reached == 2027
        check_finite(a)

    def test_increase_already_reached_before_target_year(self):
        t = target(b=34, G=67, path="geometric")
        a = assess(t, obs((2024, 70)))
        assert a.status == "achieved"
        # (70 − 34)/(67 − 34) = 36/33 = 1.090909: not capped
        assert a.progress == approx(36 / 33)
        check_finite(a)

    def test_decrease_reached(self):
        t = target(b=200, G=150, path="geometric", direction="decrease")
        assert assess(t, obs((2024, 149))).status == "achieved"

    def test_decrease_moving_away(self):
        # r_obs = (210/200)^(1/2) − 1 = +0.0247 against a required −0.0914: R = −0.27
        t = target(b=200, G=150, path="geometric", direction="decrease")
        a = assess(t, obs((2024, 210)))
        assert a.status == "moving_away"
        assert a.pace_ratio == approx(((210 / 200) ** 0.5 - 1) / ((150 / 200) ** (1 / 3) - 1))
        assert a.year_reached is None  # never, at a pace against the direction


class TestLevelLinear:
    def test_increase_single_observation(self):
        # Built-up area 5.0 → 6.5 km², 2022 → 2025, linear; one observation, 5.6 in 2023.
        t = target(b=5.0, G=6.5, path="linear")
        a = assess(t, obs((2023, 5.6)))
        assert a.status == "on_track"  # R = 1.2
        assert "linear" in a.method.lower()
        # Δ_req = (6.5 − 5.0)/3 = 0.5
        assert a.required_from_baseline == approx(0.5)
        # E(2023) = 5.0 + 0.5 · 1 = 5.5
        assert a.expected_now == approx(5.5)
        # Δ_obs = (5.6 − 5.0)/1 = 0.6
        assert a.observed_pace == approx(0.6)
        # Δ_now = (6.5 − 5.6)/2 = 0.45
        assert a.required_now == approx(0.45)
        # 0.6/1.5 = 0.4
        assert a.progress == approx(0.4)
        # 0.6/0.5 = 1.2
        assert a.pace_ratio == approx(1.2)
        # P = 5.6 + 0.6 · 2 = 6.8; gap = 0.3
        assert a.projected == approx(6.8)
        assert a.projected_gap == approx(0.3)
        # 5.6 + 0.6 n = 6.5 → n = 1.5 → 2024.5 → 2025
        assert a.year_reached == 2025
        check_finite(a)

    def test_decrease_urban_rural_income_ratio(self):
        # 城乡收入倍差 1.87 (2022) → 1.7 (2025), linear, lower is better; 1.80 in 2024.
        t = target(b=1.87, G=1.7, path="linear", direction="decrease")
        a = assess(t, obs((2023, 1.83), (2024, 1.80)))
        assert a.status == "at_risk"  # R = 0.617647
        assert "linear" in a.method.lower()
        # Δ_req = (1.7 − 1.87)/3 = −0.0566667
        assert a.required_from_baseline == approx(-0.17 / 3)
        # E(2024) = 1.87 − 0.0566667 · 2 = 1.7566667
        assert a.expected_now == approx(1.7566666667)
        # Δ_obs = (1.80 − 1.87)/2 = −0.035
        assert a.observed_pace == approx(-0.035)
        # Δ_now = (1.7 − 1.80)/1 = −0.1
        assert a.required_now == approx(-0.1)
        # (1.80 − 1.87)/(1.7 − 1.87) = 0.07/0.17 = 0.4117647
        assert a.progress == approx(0.4117647059)
        # R = 0.035/0.0566667 = 0.6176471
        assert a.pace_ratio == approx(0.6176470588)
        # P = 1.80 − 0.035 = 1.765; gap = 1.765 − 1.7 = 0.065
        assert a.projected == approx(1.765)
        assert a.projected_gap == approx(0.065)
        # 1.80 − 0.035 n = 1.7 → n = 2.857 → 2026.86 → 2027
        assert a.year_reached == 2027
        check_finite(a)

    def test_decrease_achieved(self):
        t = target(b=1.87, G=1.7, path="linear", direction="decrease")
        assert assess(t, obs((2024, 1.69))).status == "achieved"

    def test_maintain_direction_level_equal_to_baseline(self):
        # A level to hold: 100 → 100, direction maintain. R undefined; judged by the comparator.
        t = target(b=100, G=100, path="linear", direction="maintain", comparator=">=")
        a = assess(t, obs((2024, 100)))
        assert a.status == "achieved"
        assert a.progress == approx(1.0)
        assert a.pace_ratio is None


class TestShare:
    def test_increase_urbanisation(self):
        # 常住人口城镇化率 63.80 → 68.23 %, 2022 → 2025; 66.0 in 2024. No path given: a
        # share is a percentage, so linear (methodology: "linear for %").
        t = target("share", b=63.80, G=68.23, path=None)
        a = assess(t, obs((2024, 66.0)))
        assert a.status == "at_risk"  # R = 0.744921
        assert "linear" in a.method.lower()
        # Δ_req = 4.43/3 = 1.4766667 pp a year
        assert a.required_from_baseline == approx(1.4766666667)
        # E(2024) = 63.80 + 2 · 1.4766667 = 66.7533333
        assert a.expected_now == approx(66.7533333333)
        # Δ_obs = 2.2/2 = 1.1 pp
        assert a.observed_pace == approx(1.1)
        # Δ_now = (68.23 − 66.0)/1 = 2.23 pp
        assert a.required_now == approx(2.23)
        # 2.2/4.43 = 0.4966140
        assert a.progress == approx(0.4966139955)
        # R = 1.1/1.4766667 = 0.7449210
        assert a.pace_ratio == approx(0.7449209932)
        # P = 66.0 + 1.1 = 67.1; gap = 67.1 − 68.23 = −1.13
        assert a.projected == approx(67.1)
        assert a.projected_gap == approx(-1.13)
        # 66.0 + 1.1 n = 68.23 → n = 2.027 → 2026.03 → 2027
        assert a.year_reached == 2027
        check_finite(a)

    def test_decrease(self):
        # A share to cut from 30.0 % to 24.0 %; 28.5 in 2023.
        t = target("share", b=30.0, G=24.0, path="linear", direction="decrease")
        a = assess(t, obs((2023, 28.5)))
        assert a.status == "at_risk"  # R = 0.75
        # Δ_req = −6/3 = −2; E(2023) = 28; Δ_obs = −1.5; Δ_now = (24 − 28.5)/2 = −2.25
        assert a.required_from_baseline == approx(-2.0)
        assert a.expected_now == approx(28.0)
        assert a.observed_pace == approx(-1.5)
        assert a.required_now == approx(-2.25)
        # progress = −1.5/−6 = 0.25; R = −1.5/−2 = 0.75
        assert a.progress == approx(0.25)
        assert a.pace_ratio == approx(0.75)
        # P = 28.5 − 1.5 · 2 = 25.5; gap = 25.5 − 24 = 1.5
        assert a.projected == approx(25.5)
        assert a.projected_gap == approx(1.5)
        # 28.5 − 1.5 n = 24 → n = 3 → 2026 exactly
        assert a.year_reached == 2026
        check_finite(a)

    def test_rd_intensity_achieved(self):
        # 研发投入强度 2.8 → 3.0 %
        t = target("share", b=2.8, G=3.0, path="linear")
        assert assess(t, obs((2024, 3.05))).status == "achieved"


class TestAverageGrowth:
    def test_increase_industrial_output_growth(self):
        # 规模以上工业总产值年均增速 target 20 over 2023–2025; 2023 observed 17.4.
        t = target("average_growth", b=21, G=20)
        a = assess(t, obs((2023, 17.4)))
        assert a.status == "at_risk"  # R = 0.816077
        assert "average" in a.method.lower()
        assert a.required_from_baseline == approx(0.20)  # the target rate itself
        # a = (1.174)^(1/1) − 1 = 0.174
        assert a.observed_pace == approx(0.174)
        # r_now = (1.2³/1.174)^(1/2) − 1 = 0.2132151
        assert a.required_now == approx(0.2132151380)
        # R = 0.174/0.2132151 = 0.8160771
        assert a.pace_ratio == approx(0.8160771399)
        # Projected average at the observed pace: 0.174; gap 0.174 − 0.20 = −0.026
        assert a.projected == approx(0.174)
        assert a.projected_gap == approx(-0.026)
        assert a.final is False
        check_finite(a)

    def test_increase_two_years_observed(self):
        # GDP growth target 7.5; 2023: 7.5, 2024: 6.0.
        t = target("average_growth", b=3.8, G=7.5)
        a = assess(t, obs((2023, 7.5), (2024, 6.0)))
        # a = (1.075 · 1.06)^(1/2) − 1 = 0.0674737
        assert a.observed_pace == approx(0.0674736531)
        # r_now = 1.075³/(1.075 · 1.06) − 1 = 1.075²/1.06 − 1 = 0.0902123
        assert a.required_now == approx(0.0902122642)
        # R = 0.0674737/0.0902123 = 0.7479432
        assert a.pace_ratio == approx(0.7479432393)
        assert a.status == "at_risk"
        check_finite(a)

    def test_decrease(self):
        # A rate to fall 3 % a year on average (value −3, lower is better); −2.5 in 2023.
        t = target("average_growth", b=-1.0, G=-3.0, direction="decrease")
        a = assess(t, obs((2023, -2.5)))
        # r_now = (0.97³/0.975)^(1/2) − 1 = −0.0324904
        assert a.required_now == approx(-0.0324903764)
        assert a.observed_pace == approx(-0.025)
        # R = −0.025/−0.0324904 = 0.7694586 (signs carry the direction)
        assert a.pace_ratio == approx(0.7694586147)
        assert a.status == "at_risk"
        check_finite(a)

    def test_every_year_observed_and_met(self):
        # Target 8.0; 8.0, 7.5, 9.0 → a = (1.08 · 1.075 · 1.09)^(1/3) − 1 = 0.0816487 ≥ 0.08
        t = target("average_growth", b=8.0, G=8.0)
        a = assess(t, obs((2023, 8.0), (2024, 7.5), (2025, 9.0)))
        assert a.status == "achieved"
        assert a.final is True
        assert a.required_now is None  # nothing is still required
        assert a.observed_pace == approx(0.0816487164)
        check_finite(a)

    def test_every_year_observed_and_missed(self):
        # Target 20; 10, 12, 8 → a = (1.10 · 1.12 · 1.08)^(1/3) − 1 = 0.0998788: far short.
        # Not achieved; a final verdict, far below the pace (a/G = 0.499): off_track.
        t = target("average_growth", b=21, G=20)
        a = assess(t, obs((2023, 10), (2024, 12), (2025, 8)))
        assert a.status == "off_track"
        assert a.final is True
        assert a.required_now is None
        assert a.observed_pace == approx(0.0998787745)
        check_finite(a)

    def test_decrease_every_year_observed_and_met(self):
        # −3.5, −3.0, −4.0 → a = (0.965 · 0.97 · 0.96)^(1/3) − 1 = −0.0350086 ≤ −0.03
        t = target("average_growth", b=-1.0, G=-3.0, direction="decrease")
        a = assess(t, obs((2023, -3.5), (2024, -3.0), (2025, -4.0)))
        assert a.status == "achieved"
        assert a.observed_pace == approx(-0.0350086357)

    def test_so_far_ahead_that_remaining_years_could_shrink(self):
        # Target 5; 20 then 10: r_now = 1.05³/(1.2 · 1.1) − 1 = 1.157625/1.32 − 1 = −0.1230114.
        # No more effort needed: on_track until the period ends.
        t = target("average_growth", b=5.0, G=5.0)
        a = assess(t, obs((2023, 20), (2024, 10)))
        assert a.status == "on_track"
        assert a.required_now == approx(-0.1230113636)
        check_finite(a)
        # ... then achieved once every year is in: (1.2 · 1.1 · 1.0)^(1/3) − 1 = 0.0970 ≥ 0.05
        a = assess(t, obs((2023, 20), (2024, 10), (2025, 0)))
        assert a.status == "achieved"


class TestCumulative:
    def test_increase_new_investment_projects(self):
        # 新增招商引资项目 150 over 2023–2025 (N = 3), no baseline; flows 40, 45.
        t = target("cumulative", b=None, G=150)
        a = assess(t, obs((2023, 40), (2024, 45)))
        assert a.status == "at_risk"  # R = 0.85
        assert "cumulative" in a.method.lower()
        # required average flow G/N = 50; observed S/k = 85/2 = 42.5
        assert a.required_from_baseline == approx(50)
        assert a.observed_pace == approx(42.5)
        # still required: (150 − 85)/(3 − 2) = 65
        assert a.required_now == approx(65)
        # R = 42.5/50 = 0.85
        assert a.pace_ratio == approx(0.85)
        # expected sum by now on an even path: 50 · 2 = 100
        assert a.expected_now == approx(100)
        # progress S/G = 85/150
        assert a.progress == approx(85 / 150)
        # P = 85 + 42.5 · 1 = 127.5; gap = −22.5
        assert a.projected == approx(127.5)
        assert a.projected_gap == approx(-22.5)
        # 85 + 42.5 n ≥ 150 → n = 1.53 → 2026
        assert a.year_reached == 2026
        check_finite(a)

    def test_sum_reaches_target_early(self):
        t = target("cumulative", b=None, G=150)
        assert assess(t, obs((2023, 80), (2024, 75))).status == "achieved"  # 155 ≥ 150

    def test_every_year_met(self):
        t = target("cumulative", b=None, G=150)
        a = assess(t, obs((2023, 50), (2024, 50), (2025, 50)))
        assert a.status == "achieved"
        assert a.final is True

    def test_every_year_far_short(self):
        # 20 + 25 + 30 = 75: R = 25/50 = 0.5 → off_track; final, nothing still required.
        t = target("cumulative", b=None, G=150)
        a = assess(t, obs((2023, 20), (2024, 25), (2025, 30)))
        assert a.status == "off_track"
        assert a.final is True
        assert a.required_now is None
        assert a.pace_ratio == approx(0.5)

    def test_year_to_date_flow(self):
        # 40 + 45 in full years, 30 by 2025-H1 (f = 0.5). The year still needs (150 − 85)/1 = 65;
        # R = 30/(0.5 · 65) = 0.9230769 → at_risk.
        t = target("cumulative", b=None, G=150)
        a = assess(t, obs((2023, 40), (2024, 45), ("2025-H1", 30)))
        assert a.latest.period == Period(2025, "H", 1)
        assert a.pace_ratio == approx(0.9230769231)
        assert a.status == "at_risk"
        assert a.final is False


class TestMaintain:
    def test_held_before_target_year(self):
        # 镇域生活垃圾无害化处理率 100 %, every year.
        t = target("maintain", b=100, G=100, direction="maintain")
        a = assess(t, obs((2023, 100), (2024, 100)))
        assert a.status == "on_track"
        assert a.final is False
        check_finite(a)

    def test_held_through_target_year(self):
        t = target("maintain", b=100, G=100, direction="maintain")
        a = assess(t, obs((2023, 100), (2024, 100), (2025, 100)))
        assert a.status == "achieved"
        assert a.final is True

    def test_breached_at_latest(self):
        t = target("maintain", b=100, G=100, direction="maintain")
        assert assess(t, obs((2023, 100), (2024, 98.5))).status == "off_track"

    def test_breached_earlier_not_achieved_at_target_year(self):
        # achieved needs "held at every observation"; 2023 was a breach.
        # (Methodology step 4 would then say on_track since the latest holds; an analyst
        # might say off_track for a final verdict. Either way it is not achieved.)
        t = target("maintain", b=100, G=100, direction="maintain")
        a = assess(t, obs((2023, 97), (2024, 100), (2025, 100)))
        assert a.status != "achieved"

    def test_breached_earlier_held_at_latest_before_target_year(self):
        t = target("maintain", b=100, G=100, direction="maintain")
        assert assess(t, obs((2023, 97), (2024, 100))).status == "on_track"

    def test_ceiling(self):
        # A ceiling to hold (≤ 35), no baseline (like 粮食播种面积, baseline null).
        t = target("maintain", b=None, G=35, direction="maintain", comparator="<=")
        assert assess(t, obs((2024, 33))).status == "on_track"
        assert assess(t, obs((2024, 36))).status == "off_track"

    def test_floor_without_baseline(self):
        t = target("maintain", b=None, G=3.2, direction="maintain", comparator=">=")
        assert assess(t, obs((2024, 3.25))).status == "on_track"
        assert assess(t, obs((2024, 3.1))).status == "off_track"

    def test_within_rounding(self):
        t = target("maintain", b=100, G=100, direction="maintain")
        assert assess(t, obs((2024, 99.9999999999))).status == "on_track"


class TestOrdinal:
    def test_maintain_class_iii_or_better(self):
        # 淮远河及雍溪河水质 class III or better (lower is better).
        t = target("ordinal", b="III", G="III", direction="maintain")
        assert assess(t, obs((2024, "II")), classes=WATER_CLASSES).status == "on_track"
        assert assess(t, obs((2024, "III")), classes=WATER_CLASSES).status == "on_track"
        assert assess(t, obs((2024, "IV")), classes=WATER_CLASSES).status == "off_track"
        assert assess(t, obs((2024, "劣V")), classes=WATER_CLASSES).status == "off_track"

    def test_maintain_held_through_target_year(self):
        t = target("ordinal", b="III", G="III", direction="maintain")
        a = assess(t, obs((2023, "II"), (2024, "III"), (2025, "II")), classes=WATER_CLASSES)
        assert a.status == "achieved"

    def test_decrease_to_class_iii(self):
        # Improve from IV to III by 2025.
        t = target("ordinal", b="IV", G="III", direction="decrease")
        assert assess(t, obs((2024, "V")), classes=WATER_CLASSES).status == "off_track"
        assert assess(t, obs((2024, "IV")), classes=WATER_CLASSES).status == "off_track"
        # Holding at the latest observation: achieved by step 2, or on_track by step 4.
        assert assess(t, obs((2024, "II")), classes=WATER_CLASSES).status in ("achieved", "on_track")
        assert assess(t, obs((2025, "III")), classes=WATER_CLASSES).status == "achieved"

    def test_no_observation(self):
        t = target("ordinal", b="III", G="III", direction="maintain")
        assert assess(t, [], classes=WATER_CLASSES).status == "no_data"


class TestMilestone:
    def milestone(self) -> Target:
        # 鲤鱼灯舞 listed as national intangible heritage by 2025.
        return target("milestone", b=None, G=None, T=2025)

    def test_none_recorded(self):
        assert assess(self.milestone(), []).status == "no_data"

    def test_done_before_target_year(self):
        for value in (True, "done", dt.date(2024, 11, 5)):
            a = assess(self.milestone(), obs((2024, value)))
            assert a.status == "achieved", value

    def test_done_in_target_year(self):
        assert assess(self.milestone(), obs((2024, False), (2025, True))).status == "achieved"

    def test_not_done_before_target_year(self):
        for value in (False, "not done"):
            assert assess(self.milestone(), obs((2024, value))).status == "pending", value

    def test_not_done_year_to_date_in_target_year(self):
        assert assess(self.milestone(), obs(("2025-Q3", False))).status == "pending"

    def test_not_done_at_end_of_target_year(self):
        # The year's own figure for 2025 says not done: the deadline has passed.
        assert assess(self.milestone(), obs((2024, False), (2025, False))).status == "off_track"

    def test_not_done_after_target_year(self):
        a = assess(self.milestone(), obs((2024, False)), as_of=Period(2026))
        assert a.status == "off_track"

    def test_done_only_after_target_year(self):
        # Done in 2026 is late: the 2026 record is after the target year and ignored,
        # so as of 2026 the milestone was not done by its deadline.
        a = assess(self.milestone(), obs((2024, False), (2026, True)))
        assert a.status == "off_track"
        assert any(re.search(r"2026|after", n, re.IGNORECASE) for n in a.notes), a.notes

    def test_milestone_done_values(self):
        assert milestone_done(True) is True
        assert milestone_done("done") is True
        assert milestone_done(dt.date(2025, 3, 1)) is True
        assert milestone_done(False) is False
        assert milestone_done("not done") is False


# --------------------------------------------------------------------------- 3. edge cases


class TestEdgeCases:
    def test_zero_baseline_on_geometric_path_falls_back_to_linear(self):
        # b = 0 → 30; 16 in 2024. Linear: Δ_req = 10, E = 20, Δ_obs = 8, Δ_now = 14.
        t = target(b=0, G=30, path="geometric")
        a = assess(t, obs((2024, 16)))
        assert "linear" in a.method.lower()
        assert re.search(r"positive|zero|negative|≤ ?0|<= ?0", a.method, re.IGNORECASE), a.method
        assert a.required_from_baseline == approx(10)
        assert a.expected_now == approx(20)
        assert a.observed_pace == approx(8)
        assert a.required_now == approx(14)
        assert a.progress == approx(16 / 30)
        assert a.pace_ratio == approx(0.8)  # 8/10
        assert a.status == "at_risk"
        assert a.projected == approx(24)  # 16 + 8
        assert a.projected_gap == approx(-6)
        assert a.year_reached == 2026  # 16 + 8n = 30 → n = 1.75 → 2025.75 → 2026
        check_finite(a)

    def test_negative_observation_on_geometric_path_falls_back_to_linear(self):
        # 10 → 20; −5 in 2023. Linear: Δ_req = 10/3, Δ_obs = −15 → R = −4.5.
        t = target(b=10, G=20, path="geometric")
        a = assess(t, obs((2023, -5)))
        assert "linear" in a.method.lower()
        assert a.observed_pace == approx(-15)
        assert a.required_now == approx(12.5)  # (20 − (−5))/2
        assert a.pace_ratio == approx(-4.5)
        assert a.status == "moving_away"
        assert a.year_reached is None
        check_finite(a)

    def test_zero_target_on_geometric_path_falls_back_to_linear(self):
        # Cut from 12 to 0 by 2025; 6 in 2024. Linear: Δ_req = −4, E = 4, Δ_obs = −3, Δ_now = −6.
        t = target(b=12, G=0, path="geometric", direction="decrease")
        a = assess(t, obs((2024, 6)))
        assert "linear" in a.method.lower()
        assert a.required_from_baseline == approx(-4)
        assert a.expected_now == approx(4)
        assert a.observed_pace == approx(-3)
        assert a.required_now == approx(-6)
        assert a.pace_ratio == approx(0.75)
        assert a.status == "at_risk"
        assert a.projected == approx(3)  # 6 − 3
        assert a.projected_gap == approx(3)
        assert a.year_reached == 2026  # 6 − 3n = 0 → n = 2
        check_finite(a)

    def test_target_already_met_at_baseline_and_still_met(self):
        t = target(b=70, G=67, path="geometric")
        assert assess(t, obs((2023, 72))).status == "achieved"

    def test_target_already_met_at_baseline_then_lost(self):
        # Required pace from the baseline is against the direction; the latest value no
        # longer meets the target. It must not read as on track (R = −/− > 0 would).
        t = target(b=70, G=67, path="geometric")
        a = assess(t, obs((2023, 66)))
        assert a.status in ("off_track", "moving_away")
        check_finite(a)

    def test_target_already_met_at_baseline_no_observation(self):
        t = target(b=70, G=67, path="geometric")
        assert assess(t, []).status == "no_data"

    def test_target_equal_to_baseline_holds(self):
        t = target(b=100, G=100, path="geometric")
        a = assess(t, obs((2024, 101)))
        assert a.status == "achieved"
        assert a.progress == approx(1.0)  # 100 % while the comparator holds
        assert a.pace_ratio is None  # R undefined
        check_finite(a)

    def test_target_equal_to_baseline_breached(self):
        t = target(b=100, G=100, path="geometric")
        a = assess(t, obs((2024, 99)))
        assert a.status == "off_track"
        assert a.pace_ratio is None
        assert a.progress != pytest.approx(1.0)
        assert re.search(r"baseline|comparator|zero|undefined", a.method, re.IGNORECASE), a.method
        check_finite(a)

    def test_latest_observation_in_target_year_achieved(self):
        t = target(b=34, G=67, path="geometric")
        a = assess(t, obs((2024, 45), (2025, 70)))
        assert a.status == "achieved"
        assert a.final is True
        assert a.required_now is None

    def test_latest_observation_in_target_year_missed(self):
        t = target(b=34, G=67, path="geometric")
        a = assess(t, obs((2024, 38), (2025, 40)))
        assert a.final is True
        assert a.required_now is None  # nothing "still required"
        # r_obs = (40/34)^(1/3) − 1 = 0.0556672; R = 0.0556672/0.2537144 = 0.2194088
        assert a.observed_pace == approx(0.0556671920)
        assert a.pace_ratio == approx(0.2194088426)
        assert a.status == "off_track"
        assert a.expected_now == approx(67)  # E(T) = G
        assert a.progress == approx(6 / 33)  # (40 − 34)/(67 − 34)
        assert a.projected == approx(40)  # P(T) = y when t = T
        assert a.projected_gap == approx(-27)
        # 40 · 1.0556672^n = 67 → n = 9.52 → 2034.52 → 2035
        assert a.year_reached == 2035
        check_finite(a)

    def test_final_near_miss_is_off_track(self):
        # 66 in 2025 against 67: R = ((66/34)^(1/3) − 1)/0.2537144 = 0.2474458/0.2537144 = 0.9752924.
        # Missed at the deadline: off_track (choice, see module doc), not on_track.
        t = target(b=34, G=67, path="geometric")
        a = assess(t, obs((2025, 66)))
        assert a.final is True
        assert a.pace_ratio == approx(0.9752923921)
        assert a.status == "off_track"
        # Linear: (66 − 34)/(67 − 34) = 0.9696970
        a = assess(target(b=34, G=67, path="linear"), obs((2025, 66)))
        assert a.pace_ratio == approx(32 / 33)
        assert a.status == "off_track"

    def test_final_near_miss_average_growth(self):
        # Target 20; 19, 19, 19.5 → a = (1.19² · 1.195)^(1/3) − 1 = 0.1916643; R = a/G = 0.9583217
        t = target("average_growth", b=1.0, G=20)
        a = assess(t, obs((2023, 19), (2024, 19), (2025, 19.5)))
        assert a.final is True
        assert a.observed_pace == approx(0.1916643378)
        assert a.pace_ratio == approx(0.9583216892)
        assert a.status == "off_track"

    def test_final_near_miss_cumulative(self):
        # 45 + 50 + 50 = 145 < 150: R = (145/3)/50 = 0.9666667, missed at the end.
        t = target("cumulative", b=None, G=150)
        a = assess(t, obs((2023, 45), (2024, 50), (2025, 50)))
        assert a.final is True
        assert a.pace_ratio == approx(145 / 150)
        assert a.status == "off_track"

    def test_missing_year_inside_average_growth_period(self):
        # Target 8; 2023: 8, 2024 missing, 2025: 9. The missing year is still to come:
        # a = (1.08 · 1.09)^(1/2) − 1 = 0.0849885; r_now = 1.08³/(1.08 · 1.09) − 1 = 0.0700917;
        # R = 0.0849885/0.0700917 = 1.2125320.
        t = target("average_growth", b=1.0, G=8)
        a = assess(t, obs((2023, 8), (2025, 9)))
        assert a.final is False  # not every year is in
        assert a.observed_pace == approx(0.0849884792)
        assert a.required_now == approx(0.0700917431)
        assert a.pace_ratio == approx(1.2125319677)
        assert a.status == "on_track"
        assert any("2024" in n for n in a.notes), a.notes

    def test_missing_year_inside_cumulative_period(self):
        # 60 in 2023, 2024 missing, 50 in 2025: S = 110, k = 2; S/k = 55; R = 55/50 = 1.1;
        # still required (150 − 110)/(3 − 2) = 40.
        t = target("cumulative", b=None, G=150)
        a = assess(t, obs((2023, 60), (2025, 50)))
        assert a.observed_pace == approx(55)
        assert a.required_now == approx(40)
        assert a.pace_ratio == approx(1.1)
        assert a.status == "on_track"

    def test_observations_after_target_year_are_ignored(self):
        t = target(b=34, G=67, path="geometric")
        a = assess(t, obs((2024, 45), (2026, 80)))
        assert a.latest.period == Period(2024)
        assert a.pace_ratio == approx(0.5929795810)  # as from 2024 alone (see above)
        assert a.status == "off_track"
        assert any(re.search(r"2026|after", n, re.IGNORECASE) for n in a.notes), a.notes

    def test_missing_years_between_observations(self):
        # 34 → 67 over 2022–2027; observed 38 in 2023 and 55 in 2026 (2024, 2025 missing).
        # Time is measured in years from the baseline, not in number of observations.
        t = target(b=34, G=67, T=2027, path="geometric")
        a = assess(t, obs((2023, 38), (2026, 55)))
        # r_req = (67/34)^(1/5) − 1 = 0.1452998
        assert a.required_from_baseline == approx(0.1452997796)
        # E(2026) = 34 · (67/34)^(4/5) = 58.499968
        assert a.expected_now == approx(58.4999676026)
        # r_obs = (55/34)^(1/4) − 1 = 0.1277711
        assert a.observed_pace == approx(0.1277710529)
        # r_now = 67/55 − 1 = 0.2181818
        assert a.required_now == approx(0.2181818182)
        assert a.progress == approx(21 / 33)
        # R = 0.1277711/0.1452998 = 0.8793616
        assert a.pace_ratio == approx(0.8793616428)
        assert a.status == "at_risk"
        # P = 55 · 1.1277711 = 62.027408; gap = −4.972592
        assert a.projected == approx(62.0274079074)
        assert a.projected_gap == approx(-4.9725920926)
        # n = ln(67/55)/ln(1.1277711) = 1.64 → 2027.64 → 2028
        assert a.year_reached == 2028
        check_finite(a)

    def test_single_observation_is_enough(self):
        t = target(b=34, G=67, path="geometric")
        a = assess(t, obs((2023, 45)))
        # r_obs = 45/34 − 1 = 0.3235294; R = 0.3235294/0.2537144 = 1.275175
        assert a.observed_pace == approx(11 / 34)
        assert a.pace_ratio == approx((11 / 34) / 0.2537144416)
        assert a.status == "on_track"

    def test_target_year_past_with_no_data(self):
        t = target(b=34, G=67, path="geometric")
        a = assess(t, [], as_of=Period(2027))
        assert a.status == "no_data"
        check_finite(a)

    def test_only_baseline_year_observed_is_no_data(self):
        # "no observation after the baseline"
        t = target(b=34, G=67, path="geometric")
        assert assess(t, obs((2022, 34))).status == "no_data"

    def test_year_to_date_level_against_path_at_t_minus_1_plus_f(self):
        # 34 → 67; 60 by 2025-Q2, so t = 2024 + 0.5 = 2024.5, 2.5 years from the baseline.
        t = target(b=34, G=67, path="geometric")
        a = assess(t, obs((2024, 45), ("2025-Q2", 60)))
        # E = 34 · (67/34)^(2.5/3) = 59.837782
        assert a.expected_now == approx(59.8377821670)
        # r_obs = (60/34)^(1/2.5) − 1 = 0.2550728; R = 0.2550728/0.2537144 = 1.005354
        assert a.observed_pace == approx(0.2550728454)
        assert a.pace_ratio == approx(1.0053540657)
        assert a.status == "on_track"
        assert a.final is False

    def test_year_figure_supersedes_year_to_date(self):
        t = target(b=34, G=67, path="geometric")
        a = assess(t, obs(("2024-Q3", 44), (2024, 45)))
        assert a.latest.period == Period(2024)
        assert a.observed_pace == approx(0.1504474833)


class TestThresholds:
    @pytest.mark.parametrize(
        ("ratio", "status"),
        [
            (5.0, "on_track"),
            (0.95, "on_track"),
            (0.949, "at_risk"),
            (0.6, "at_risk"),
            (0.599, "off_track"),
            (0.0, "off_track"),
            (-0.001, "moving_away"),
            (-3.0, "moving_away"),
        ],
    )
    def test_default_cut_points(self, ratio, status):
        assert status_from_ratio(ratio, Thresholds()) == status

    @pytest.mark.parametrize(
        ("ratio", "status"),
        [(0.9, "on_track"), (0.89, "at_risk"), (0.5, "at_risk"), (0.49, "off_track"), (-0.2, "off_track")],
    )
    def test_custom_cut_points(self, ratio, status):
        assert status_from_ratio(ratio, Thresholds(on_track=0.9, at_risk=0.5, off_track=-0.2)) == status
        assert status_from_ratio(-0.21, Thresholds(on_track=0.9, at_risk=0.5, off_track=-0.2)) == "moving_away"

    @pytest.mark.parametrize(
        ("y2024", "status"),
        [
            (119, "on_track"),  # Δ_obs = 19/2 = 9.5, Δ_req = 30/3 = 10 → R = 0.95
            (118.8, "at_risk"),  # 9.4/10 = 0.94
            (112, "at_risk"),  # 6/10 = 0.6
            (111.8, "off_track"),  # 5.9/10 = 0.59
            (100, "off_track"),  # 0/10 = 0
            (99.8, "moving_away"),  # −0.1/10 = −0.01
        ],
    )
    def test_boundaries_through_assess(self, y2024, status):
        t = target(b=100, G=130, path="linear")
        a = assess(t, obs((2024, y2024)))
        assert a.status == status
        assert a.pace_ratio == approx((y2024 - 100) / 2 / 10)

    def test_custom_thresholds_through_assess(self):
        t = target(b=100, G=130, path="linear")
        o = obs((2024, 117))  # R = 8.5/10 = 0.85
        assert assess(t, o).status == "at_risk"
        assert assess(t, o, thresholds=Thresholds(on_track=0.8, at_risk=0.5, off_track=0.0)).status == "on_track"
        o = obs((2024, 99))  # R = −0.5/10 = −0.05
        assert assess(t, o).status == "moving_away"
        assert assess(t, o, thresholds=Thresholds(on_track=0.95, at_risk=0.6, off_track=-0.1)).status == "off_track"


class TestAsOf:
    def observations(self) -> list[Observation]:
        return obs((2023, 40), (2024, 45), ("2025-Q1", 50), (2025, 70))

    def test_as_of_a_year(self):
        t = target(b=34, G=67, path="geometric")
        a = assess(t, self.observations(), as_of=Period(2024))
        assert a.latest.period == Period(2024)
        assert a.pace_ratio == approx(0.5929795810)
        assert a.status == "off_track"

    def test_as_of_a_quarter(self):
        t = target(b=34, G=67, path="geometric")
        a = assess(t, self.observations(), as_of=Period(2025, "Q", 3))
        assert a.latest.period == Period(2025, "Q", 1)
        # t = 2024.25: r_obs = (50/34)^(1/2.25) − 1
        assert a.observed_pace == approx((50 / 34) ** (1 / 2.25) - 1)

    def test_as_of_before_any_observation(self):
        t = target(b=34, G=67, path="geometric")
        assert assess(t, self.observations(), as_of=Period(2022)).status == "no_data"

    def test_latest_without_as_of(self):
        t = target(b=34, G=67, path="geometric")
        a = assess(t, self.observations())
        assert a.latest.period == Period(2025)
        assert a.status == "achieved"

    def test_latest_period(self):
        assert latest_period(obs((2023, 1), ("2025-Q3", 2), (2024, 3))) == Period(2025, "Q", 3)
        assert latest_period([]) is None


class TestPlanLevel:
    def test_assess_plan_later_observation_supersedes(self):
        t1 = target(b=34, G=67, path="geometric")
        t2 = Target(
            id="u",
            kind="level",
            direction="increase",
            source=Source(ref="x"),
            path="linear",
            baseline=Baseline(year=2022, value=5.0),
            value=6.5,
            year=2025,
            start_year=2023,
            indicator="j",
        )
        observations = [*obs((2024, 40)), *obs((2024, 45)), *obs((2023, 5.6), indicator="j")]
        results = assess_plan([t1, t2], observations)
        assert [r.target_id for r in results] == ["t", "u"]
        assert results[0].latest.value == 45  # the later one given counts
        assert results[0].pace_ratio == approx(0.5929795810)
        assert results[1].pace_ratio == approx(1.2)

    def test_points_sorted_one_per_period(self):
        ps = points(obs((2024, 1), ("2024-Q2", 2), (2023, 3), (2024, 4)))
        assert [str(p.period) for p in ps] == ["2023", "2024-Q2", "2024"]
        assert ps[-1].value == 4


# --------------------------------------------------------------------------- never raise, never NaN


class TestAssessNeverRaises:
    """`assess` answers for any finite input: a figure it cannot compute is None and a
    note says why (issue 3; engine module doc). Each case below raised instead."""

    @pytest.mark.parametrize(
        ("t", "data"),
        [
            # A year's growth of −100 % (the quantity fell to zero): CalcError escaped assess.
            pytest.param(target("average_growth", b=3.8, G=7.5), [(2023, -100)], id="avg-observed-minus-100pct"),
            pytest.param(target("average_growth", b=3.8, G=7.5), [(2023, -150)], id="avg-observed-below-minus-100pct"),
            pytest.param(
                target("average_growth", b=3.8, G=7.5),
                [(2023, 10), (2024, -100), (2025, 10)],
                id="avg-final-with-minus-100pct",
            ),
            # A target rate of −100 % or below: CalcError escaped assess.
            pytest.param(
                target("average_growth", b=3.8, G=-150, direction="decrease"),
                [(2023, -5)],
                id="avg-target-below-minus-100pct",
            ),
            # A huge target rate: OverflowError from (1 + G)^N.
            pytest.param(target("average_growth", b=3.8, G=1e200), [(2023, 5)], id="avg-huge-target"),
            # No baseline; "2024-03" and "2024-Q1" end in the same month: ZeroDivisionError.
            pytest.param(
                target("share", b=None, G=67, path="linear"),
                [("2024-03", 40), ("2024-Q1", 41)],
                id="no-baseline-same-month",
            ),
            pytest.param(
                target(b=None, G=67, path="linear"),
                [("2025-03", 40), ("2025-Q1", 41)],
                id="no-baseline-same-month-target-year",
            ),
            # A tiny positive flow: OverflowError converting an infinite year to int.
            pytest.param(target("cumulative", b=None, G=1), [(2023, 5e-324)], id="cumulative-tiny-flow"),
            # Flows whose sum overflows: AssertionError from the engine's own guard.
            pytest.param(
                target("cumulative", b=None, G=150), [(2023, 1.7e308), (2024, 1.7e308)], id="cumulative-sum-overflows"
            ),
            # Final verdict, r_obs rounds to −100 %: ValueError (math domain error) in year_reached.
            pytest.param(
                target(b=1e20, G=1, T=2023, path="geometric", direction="decrease"),
                [(2023, 5)],
                id="geometric-r-obs-minus-1",
            ),
        ],
    )
    def test_assess_returns_an_answer(self, t, data):
        a = assess(t, obs(*data))
        check_finite(a)
        assert a.status in ("achieved", "on_track", "at_risk", "off_track", "moving_away", "pending", "no_data")

    def test_year_to_date_minus_100pct_is_already_handled(self):
        # The same −100 % as a year-to-date figure does not raise: the full-year path should match.
        a = assess(target("average_growth", b=3.8, G=7.5), obs((2023, 5), ("2024-Q3", -100)))
        assert a.status == "moving_away"

    def test_year_reached_is_never_before_the_latest_observation(self):
        # A cumulative target below zero with a flow above it: the sum moves away; the engine
        # gave year_reached = 1872.
        t = target("cumulative", b=None, G=-150, direction="decrease")
        a = assess(t, obs((2023, 1)))
        assert a.year_reached is None or a.year_reached >= 2023
        check_finite(a)


# --------------------------------------------------------------------------- calc helpers


class TestCalc:
    def test_years_to_reach(self):
        # ln(67/34)/ln(1.25) = 0.678332/0.223144 = 3.039891
        assert years_to_reach(34, 67, 0.25) == approx(3.0398910960)
        assert years_to_reach(67, 67, 0.25) == 0
        # Falling: ln(67/70)/ln(0.95) = −0.0438026/−0.0512933 = 0.8539639
        assert years_to_reach(70, 67, -0.05) == approx(0.8539639183)

    def test_realised_average(self):
        # (1.089 · 1.05)^(1/2) − 1 = 0.0693222
        assert realised_average([0.089, 0.05]) == approx(0.0693222152)
        assert realised_average([0.174]) == approx(0.174)
        # Rates so large that their product overflows: (1 + 1e154)² is beyond a float, its mean logarithm
        # is not, and the geometric mean of two equal rates is that rate.
        assert realised_average([1e154, 1e154]) == approx(1e154)

    def test_holds(self):
        assert holds(100, ">=", 100)
        assert holds(100 - 1e-12, ">=", 100)  # within rounding
        assert not holds(99, ">=", 100)
        assert holds(1.69, "<=", 1.7)
        assert not holds(1.71, "<=", 1.7)
        assert holds(101, ">", 100)
        assert holds(99, "<", 100)
        assert holds(100, "=", 100)
        assert not holds(100.5, "=", 100)

    @pytest.mark.parametrize(
        "args",
        [
            # 1 + 1e-17 == 1.0 in floating point: log(1 + r) = 0 → ZeroDivisionError.
            # ln 2 / log1p(1e-17) = 6.93e16 years is finite; a CalcError would do too.
            (1, 2, 1e-17),
            (2, 1, -1e-17),
            # end/start overflows to inf: the answer was inf. log2(1.8e8) + 300·log2(10) = 1024.0.
            (1e-300, 1.8e8, 1.0),
        ],
    )
    def test_years_to_reach_finite_or_calc_error(self, args):
        try:
            result = years_to_reach(*args)
        except CalcError:
            return
        assert math.isfinite(result)

    @pytest.mark.parametrize(
        ("call", "args"),
        [
            (cagr, (0, 67, 3)),  # zero base
            (cagr, (-5, 67, 3)),  # negative base
            (cagr, (34, -67, 3)),  # negative end: no real root
            (cagr, (34, 67, 0)),  # zero years
            (cagr, (34, 67, -2)),  # negative years
            (grow, (34, -1.5, 0.5)),  # (1 + r) < 0 to a fractional power
            (remaining_rate, (0.2, 3, [0.1, 0.1, 0.1])),  # no year left
            (remaining_rate, (0.2, 0, [])),
            (remaining_rate, (0.2, 3, [-1.0])),  # a fall of 100 %: product 0
            (remaining_rate, (-1.5, 3, [0.1])),
            (realised_average, ([],)),
            (realised_average, ([-1.2, 0.1],)),
            (years_to_reach, (0, 67, 0.25)),
            (years_to_reach, (34, 67, 0)),  # never reached
            (years_to_reach, (34, 67, -0.1)),
            (years_to_reach, (70, 67, 0.25)),  # growing away from a lower end value
        ],
    )
    def test_bad_input_raises_calc_error(self, call, args):
        with pytest.raises(CalcError):
            call(*args)
