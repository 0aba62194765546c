"""The engine's figures for the progress table (指标完成情况表), checked by hand.

Every expected number is worked out from docs/methodology.md ("What is still
required — always", "Time elapsed (序时进度)", "Stale figures", R "compared as it
is shown", the rate's own window), with the arithmetic written beside it. Rates
are fractions here (0.2537 is 25.37 %).
"""

from __future__ import annotations

import pytest
from pytest import approx

from qzdc.engine.assess import RateLink, assess, rate_link
from qzdc.engine.formulas import CalcError, rate_window
from qzdc.engine.series import latest_period
from qzdc.engine.verdict import printed, status_from_ratio
from qzdc.plan.loader import load_plan
from qzdc.plan.models import Baseline, Observation, Source, Target, Thresholds
from qzdc.plan.periods import Period, parse_period


def target(kind="level", *, b=None, G=None, t0=2022, T=2025, start=2023, path=None, direction="increase", **kw):
    comparator = kw.pop("comparator", "<=" if direction == "decrease" else ">=")
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
        **kw,
    )


def obs(*pairs, indicator="i"):
    return [Observation(indicator=indicator, period=p, value=v) for p, v in pairs]


# ── still required, for every target with a known value ─────────────────────


@pytest.fixture(scope="module")
def builtin():
    """The built-in plan with no actuals (only the figures the document itself reports, for 2023)."""
    plan = load_plan(None)
    as_of = latest_period(plan.observations)

    def assessed(target_id: str):
        t = plan.targets_by_id[target_id]
        ind = plan.indicator(t.indicator)
        own = [o for o in plan.observations if o.indicator == ind.id]
        return assess(
            t,
            own,
            as_of=as_of,
            thresholds=plan.meta.thresholds,
            classes=ind.classes,
            rate=rate_link(plan, t, plan.observations),
        )

    return assessed


class TestStillRequiredOnTheBuiltinPlan:
    def test_level_geometric_from_the_baseline(self, builtin):
        # 高新技术企业 34 (2022) → 67 (2025), nothing later: (67/34)^(1/3) − 1 = 1.970588^(1/3) − 1 = 25.37 %;
        # in all 67/34 − 1 = 97.06 %; gap 67 − 34 = 33 家.
        a = builtin("high_tech_enterprises")
        assert a.status == "no_data"
        assert a.pace_unit == "rate"
        assert a.required_now == approx(0.2537144416)
        assert a.required_rest == approx(33 / 34)
        assert a.gap == approx(33)
        assert a.required_from is not None and a.required_from.period == Period(2022)
        assert a.required_from.value == 34

    def test_exports(self, builtin):
        # 出口总额 6090 → 7500: (7500/6090)^(1/3) − 1 = 1.231527^(1/3) − 1 = 7.19 %; gap 1410 万美元.
        a = builtin("exports")
        assert a.required_now == approx(0.0718844985)
        assert a.gap == approx(1410)

    def test_gdp_100_from_its_2023_baseline_and_where_the_plan_rate_leads(self, builtin):
        # GDP 75.33 (2023) → 力争 100 (2025): (100/75.33)^(1/2) − 1 = 1.327492^0.5 − 1 = 15.22 %; gap 24.67 亿元.
        a = builtin("gdp_100")
        assert a.required_now == approx(0.1521685497)
        assert a.gap == approx(24.67)
        # The plan's own 7.5 % a year over 2023–2025, with 2023 at +7.5 %: 75.33 / 1.075 · 1.075³
        # = 75.33 · 1.155625 = 87.0532, 12.9468 short of 100.
        assert a.rate_level is not None
        assert a.rate_level.rate_target == "gdp_growth"
        assert a.rate_level.level == approx(87.05323125)
        assert a.rate_level.gap == approx(-12.94676875)

    def test_industrial_output_rate_leads_short_of_110(self, builtin):
        # 74.22 (2023, +17.4 %): 74.22 / 1.174 · 1.2³ = 63.2198 · 1.728 = 109.2437; 0.7563 short of 110.
        a = builtin("industrial_output_110")
        assert a.rate_level.level == approx(109.2437478705)
        assert a.rate_level.gap == approx(-0.7562521295)

    def test_level_linear(self, builtin):
        # 镇区建成区面积 7 → 8 平方公里 (linear), 2022 → 2025: (8 − 7)/3 = 0.3333 a year; gap 1.
        a = builtin("built_up_area")
        assert a.pace_unit == "change"
        assert a.required_now == approx(1 / 3)
        assert a.required_rest == approx(1)
        assert a.gap == approx(1)

    def test_level_decrease(self, builtin):
        # 城乡收入倍差 1.87 → ≤ 1.7: (1.7 − 1.87)/3 = −0.05667 a year; gap −0.17.
        a = builtin("urban_rural_income_ratio")
        assert a.required_now == approx(-0.17 / 3)
        assert a.gap == approx(-0.17)

    def test_share(self, builtin):
        # 常住人口城镇化率 63.8 → 68.23 %: (68.23 − 63.8)/3 = 1.4767 pp a year; gap 4.43 pp.
        a = builtin("urbanisation_rate")
        assert a.required_now == approx(4.43 / 3)
        assert a.gap == approx(4.43)

    def test_average_growth_with_nothing_observed(self, builtin):
        # 固定资产投资额年均增速 8.1 % over 2023–2025, no year observed: 8.1 % each year;
        # in all 1.081³ − 1 = 1.263214441 − 1 = 26.32 %. No average yet, so no gap.
        a = builtin("fixed_asset_investment_growth")
        assert a.status == "no_data"
        assert a.required_now == approx(0.081)
        assert a.required_rest == approx(0.263214441)
        assert a.gap is None

    def test_average_growth_after_one_year(self, builtin):
        # 规上工业 20 % after 17.4 %: each of 2024, 2025 (1.2³/1.174)^(1/2) − 1 = 21.32 %;
        # in all 1.728/1.174 − 1 = 47.19 %; gap 20 − 17.4 = 2.6 pp.
        a = builtin("industrial_output_growth")
        assert a.required_now == approx(0.2132151380)
        assert a.required_rest == approx(1.728 / 1.174 - 1)
        assert a.gap == approx(0.026)

    def test_cumulative_with_nothing_counted(self, builtin):
        # 新增招商引资项目 150 over 2023–2025, nothing counted: 150/3 = 50 a year, 150 in all, gap 150.
        a = builtin("new_investment_projects")
        assert a.status == "no_data"
        assert a.pace_unit == "sum"
        assert a.required_now == approx(50)
        assert a.required_rest == approx(150)
        assert a.gap == approx(150)
        assert a.total == 0

    def test_maintain_held_at_its_baseline(self, builtin):
        # 镇域生活垃圾无害化处理率 100 % at the baseline, to stay at 100: nothing more, gap 0.
        a = builtin("waste_safe_disposal")
        assert a.status == "no_data"
        assert a.required_now == 0 and a.required_rest == 0 and a.gap == 0

    def test_no_known_value_leaves_nothing_to_compute(self, builtin):
        # 出口额占全区比重 has no baseline and no figure.
        a = builtin("export_share_of_district")
        assert a.required_now is None and a.gap is None


class TestStillRequiredElsewhere:
    def test_maintain_breached_needs_the_change_back(self):
        # 100 % to hold, 97 in 2024: +3 back to the target.
        a = assess(target("maintain", b=100, G=100, direction="maintain"), obs((2024, 97)))
        assert a.status == "off_track"
        assert a.required_now == approx(3) and a.gap == approx(3)

    def test_achieved_needs_nothing(self):
        a = assess(target(b=34, G=67, path="geometric"), obs((2024, 70)))
        assert a.status == "achieved"
        assert a.required_now is None and a.required_rest is None and a.gap is None

    def test_final_needs_nothing(self):
        a = assess(target(b=34, G=67, path="geometric"), obs((2025, 60)))
        assert a.final
        assert a.required_now is None and a.gap is None

    def test_cumulative_required_rest(self):
        # 150 over 2023–2025 after 40 + 45 = 85: 65 in all (it was null before).
        a = assess(target("cumulative", G=150), obs((2023, 40), (2024, 45)))
        assert a.required_rest == approx(65)
        assert a.gap == approx(65)
        assert a.total == approx(85)

    def test_average_growth_required_rest(self):
        # 7 % over 2023–2025 after 8.9 and 5.0: 1.07³/(1.089 · 1.05) − 1 = 1.225043/1.14345 − 1 = 7.1357 %.
        a = assess(target("average_growth", b=6, G=7), obs((2023, 8.9), (2024, 5.0)))
        assert a.required_rest == approx(0.0713568586)
        # gap: 7 − the realised average (1.089 · 1.05)^(1/2) − 1 = 6.9317 % → 0.0683 pp
        assert a.gap == approx(0.07 - ((1.089 * 1.05) ** 0.5 - 1))

    def test_no_baseline_single_observation(self):
        # No baseline, one figure of 25 against > 30 (linear): still +5, i.e. 5/(2025 − 2023) = 2.5 a year.
        a = assess(target("share", G=30, path="linear", comparator=">"), obs((2023, 25)))
        assert a.required_now == approx(2.5) and a.gap == approx(5)


# ── year to date: a flow against what is due, and what the year still needs ───


class TestYearToDate:
    def test_exports_to_september_in_the_target_year(self):
        # 出口总额 6090 → 7500 (geometric, flow), 5400 by 2025-09: due by then 7500 · 9/12 = 5625;
        # the rest of the year needs 7500 − 5400 = 2100.
        t = target(b=6090, G=7500, path="geometric", flow=True)
        a = assess(t, obs(("2025-09", 5400)))
        assert a.expected_now == approx(5625)
        assert a.year_rest == approx(2100)
        # The status rests on 5400 against 5625: R = 0.96 → on_track.
        assert a.pace_ratio == approx(0.96)
        assert a.status == "on_track"
        # The estimate of the year, 5400/0.75 = 7200, is 300 short of the target: an extra figure.
        assert a.gap == approx(300)
        assert a.projected == approx(7200)

    def test_a_flow_to_date_with_a_seasonal_profile(self):
        # Profile 10/30/60/100 % by quarter end: by 2025-Q3 60 % of 7500 = 4500 is due; R = 5400/4500 = 1.2.
        t = target(b=6090, G=7500, path="geometric", flow=True, profile=[10, 30, 60, 100])
        a = assess(t, obs(("2025-Q3", 5400)))
        assert a.expected_now == approx(4500)
        assert a.pace_ratio == approx(1.2)
        assert a.status == "on_track"
        assert a.method == "geometric, year to date against the seasonal profile's share of the year's path value"

    @pytest.mark.parametrize(
        ("to_date", "ratio", "status"),
        [
            # A decrease flow, linear 100 → 80 over 2022–2025: 80 for 2025, 0.75 × 80 = 60 due by 2025-Q3.
            # 66 is 10 % over what is due: R = 1 − (66 − 60)/60 = 0.9 → at_risk (as 54 would be for an increase).
            (66, 0.9, "at_risk"),
            # 57 is 5 % under: R = 1 − (57 − 60)/60 = 1.05 → on_track.
            (57, 1.05, "on_track"),
            # 90 is 50 % over: R = 0.5 → off_track.
            (90, 0.5, "off_track"),
        ],
    )
    def test_a_decrease_flow_to_date(self, to_date, ratio, status):
        t = target(b=100, G=80, path="linear", direction="decrease", flow=True)
        a = assess(t, obs(("2025-Q3", to_date)))
        assert a.expected_now == approx(60)
        assert a.pace_ratio == approx(ratio)
        assert a.status == status

    def test_cumulative_year_to_date(self):
        # 150 over 2023–2025; 40, 45, then 30 by 2025-H1: running total 115; the year needs 65, 35 still.
        a = assess(target("cumulative", G=150), obs((2023, 40), (2024, 45), ("2025-H1", 30)))
        assert a.total == approx(115)
        assert a.year_rest == approx(35)
        assert a.required_rest == approx(35)


# ── 序时进度 ─────────────────────────────────────────────────────────────────


class TestTimeElapsed:
    def test_high_tech_behind(self):
        # 高新技术企业 at 50 in 2024: progress (50 − 34)/(67 − 34) = 16/33 = 48.5 %; time elapsed 2/3 = 66.7 %.
        a = assess(target(b=34, G=67, path="geometric"), obs((2024, 50)))
        assert a.progress == approx(16 / 33)
        assert a.time_elapsed == approx(2 / 3)
        assert a.on_schedule is False

    def test_ahead(self):
        # 60 in 2024: (60 − 34)/33 = 78.8 % ≥ 66.7 %.
        a = assess(target(b=34, G=67, path="geometric"), obs((2024, 60)))
        assert a.on_schedule is True

    def test_exactly_on_schedule_counts_as_reaching_it(self):
        # Linear 0 → 3 over 2022–2025, 2 in 2024: progress 2/3 = time elapsed 2/3.
        a = assess(target(b=0, G=3, path="linear"), obs((2024, 2)))
        assert a.on_schedule is True

    def test_year_to_date_counts_the_fraction_of_the_year(self):
        # Share 60 → 63 (2022 → 2025), 62 by 2025-Q3: time elapsed (2025 − 1 + 9/12 − 2022)/3 = 2.75/3 = 91.7 %;
        # progress (62 − 60)/3 = 66.7 %: behind.
        a = assess(target("share", b=60, G=63, path="linear"), obs(("2025-Q3", 62)))
        assert a.time_elapsed == approx(2.75 / 3)
        assert a.progress == approx(2 / 3)
        assert a.on_schedule is False

    def test_cumulative_year_to_date(self):
        # 150 over 2023–2025 (t0 = 2022); 40, 45, 30 by 2025-H1: (2024.5 − 2022)/3 = 83.3 %; 115/150 = 76.7 %.
        a = assess(target("cumulative", G=150), obs((2023, 40), (2024, 45), ("2025-H1", 30)))
        assert a.time_elapsed == approx(2.5 / 3)
        assert a.on_schedule is False

    def test_growth_rate_target_the_status_says_it(self):
        # 规上工业 17.4 % in 2023 against 20: at_risk, so not keeping up, whatever "progress" says.
        a = assess(target("average_growth", b=21, G=20), obs((2023, 17.4)))
        assert a.time_elapsed == approx(1 / 3)
        assert a.status == "at_risk" and a.on_schedule is False
        a = assess(target("average_growth", b=6, G=7), obs((2023, 8.9)))
        assert a.status == "on_track" and a.on_schedule is True

    def test_maintain_the_status_says_it(self):
        t = target("maintain", b=100, G=100, direction="maintain")
        assert assess(t, obs((2023, 100))).on_schedule is True
        assert assess(t, obs((2023, 98))).on_schedule is False

    def test_no_figure_no_schedule(self):
        a = assess(target(b=34, G=67, path="geometric"), [])
        assert a.time_elapsed is None and a.on_schedule is None


# ── stale figures ────────────────────────────────────────────────────────────


class TestStale:
    def test_a_figure_two_years_old_is_stale(self):
        # Baseline 2020, target 2025; the latest figure is for 2021, the report as of 2024:
        # older than 2023, the year before the as-of year.
        t = target(b=34, G=67, t0=2020, start=2021, path="geometric")
        a = assess(t, obs((2021, 40)), as_of=Period(2024))
        assert a.stale is True
        assert a.latest.period == Period(2021)
        assert a.status != "no_data"  # still judged, from that figure

    def test_last_years_figure_is_current(self):
        t = target(b=34, G=67, t0=2020, start=2021, path="geometric")
        assert assess(t, obs((2023, 45)), as_of=Period(2024)).stale is False
        assert assess(t, obs((2023, 45)), as_of=parse_period("2024-09")).stale is False

    def test_no_as_of_no_staleness(self):
        t = target(b=34, G=67, t0=2020, start=2021, path="geometric")
        assert assess(t, obs((2021, 40))).stale is False

    def test_a_milestone_done_never_goes_stale(self):
        t = target("milestone", T=2025)
        a = assess(t, obs((2021, "done")), as_of=Period(2024))
        assert a.status == "achieved" and a.stale is False


# ── R compared as it is printed ──────────────────────────────────────────────

# Each case's R lands exactly on a cut point in decimal arithmetic, and a little
# below it in floating point (the raw value is asserted, so the case stays a real test).
AT_CUT_POINTS = [
    # share 60 → 62.1 % (2022 → 2025), 61.33 in 2024: Δ_req = 2.1/3 = 0.7, Δ_obs = 1.33/2 = 0.665, R = 0.95
    ("share 0.95", target("share", b=60, G=62.1, path="linear"), obs((2024, 61.33)), 0.95, "on_track"),
    # share 60 → 60.3 %, 60.12 in 2024: Δ_req = 0.1, Δ_obs = 0.06, R = 0.6
    ("share 0.6", target("share", b=60, G=60.3, path="linear"), obs((2024, 60.12)), 0.6, "at_risk"),
    # level, linear, 0.1 → 0.5 (2022 → 2024), 0.29 in 2023: Δ_req = 0.2, Δ_obs = 0.19, R = 0.95
    ("linear 0.95", target(b=0.1, G=0.5, T=2024, path="linear"), obs((2023, 0.29)), 0.95, "on_track"),
    # level, linear, 0.1 → 0.4 (2022 → 2024), 0.19 in 2023: Δ_req = 0.15, Δ_obs = 0.09, R = 0.6
    ("linear 0.6", target(b=0.1, G=0.4, T=2024, path="linear"), obs((2023, 0.19)), 0.6, "at_risk"),
    # geometric 100 → 121 (2022 → 2024): r_req = 1.21^(1/2) − 1 = 10 %; 109.5 in 2023: r_obs = 9.5 %, R = 0.95
    ("geometric 0.95", target(b=100, G=121, T=2024, path="geometric"), obs((2023, 109.5)), 0.95, "on_track"),
    # the same, 106 in 2023: r_obs = 6 %, R = 0.6
    ("geometric 0.6", target(b=100, G=121, T=2024, path="geometric"), obs((2023, 106)), 0.6, "at_risk"),
    # cumulative 19.8 over 2023–2025 (6.6 a year), 6.27 in 2023: R = 6.27/6.6 = 0.95
    ("cumulative 0.95", target("cumulative", G=19.8), obs((2023, 6.27)), 0.95, "on_track"),
    # cumulative 2.1 over 2023–2025 (0.7 a year), 0.42 in 2023: R = 0.42/0.7 = 0.6
    ("cumulative 0.6", target("cumulative", G=2.1), obs((2023, 0.42)), 0.6, "at_risk"),
    # average growth 10 % over 2023–2024 after 10 %: 2024 needs 1.1²/1.1 − 1 = 10 %; 9.5 to 2024-Q3, R = 0.95
    ("growth 0.95", target("average_growth", b=1, G=10, T=2024), obs((2023, 10), ("2024-Q3", 9.5)), 0.95, "on_track"),
    # ... and 6 to 2024-Q3: R = 0.6
    ("growth 0.6", target("average_growth", b=1, G=10, T=2024), obs((2023, 10), ("2024-Q3", 6)), 0.6, "at_risk"),
]


@pytest.mark.parametrize(
    ("case", "t", "observations", "cut", "status"), AT_CUT_POINTS, ids=[c[0] for c in AT_CUT_POINTS]
)
def test_r_exactly_at_a_threshold_gives_the_higher_status(case, t, observations, cut, status):
    a = assess(t, observations)
    assert a.pace_ratio < cut, "floating point should leave R just below the cut point"
    assert a.pace_ratio == approx(cut, abs=1e-12)
    assert printed(a.pace_ratio) == cut
    assert a.status == status


def test_r_exactly_zero_is_off_track_not_moving_away():
    # 63.8 in 2024, as at the baseline: Δ_obs = 0, R = 0 → off_track (0 ≤ R < 0.6).
    a = assess(target("share", b=63.8, G=68.23, path="linear"), obs((2024, 63.8)))
    assert a.pace_ratio == 0
    assert a.status == "off_track"


def test_a_plans_own_threshold_is_compared_as_printed():
    # on_track from 0.7 in this plan: 0.1 → 0.4 with 0.31 in 2023 gives Δ_obs 0.21 / Δ_req 0.15 = 1.4; with
    # 0.205 in 2023 R = 0.105/0.15 = 0.7 (0.6999999999999998 in floating point): on_track at that cut.
    a = assess(target(b=0.1, G=0.4, T=2024, path="linear"), obs((2023, 0.205)), thresholds=Thresholds(0.7, 0.5, 0))
    assert a.pace_ratio == approx(0.7, abs=1e-12)
    assert a.status == "on_track"
    assert status_from_ratio(0.5999999999999993, Thresholds()) == "at_risk"
    assert status_from_ratio(0.9499999999999998, Thresholds()) == "on_track"
    assert status_from_ratio(0.5989, Thresholds()) == "off_track"  # real differences still count


# ── the rate's own window ────────────────────────────────────────────────────


class TestRateWindow:
    def test_industrial_output(self):
        # 规上工业 74.22 亿元 in 2023 after +17.4 %, 20 % a year over 2023–2025, 110 in 2025:
        # 2022 level 74.22/1.174 = 63.2198; 63.2198 · 1.2³ = 109.2437; needed average
        # (110/63.2198)^(1/3) − 1 = 1.7399623^(1/3) − 1 = 20.276 %; needed in 2024 and 2025 (110/74.22)^(1/2) − 1
        # = 21.74 %.
        w = rate_window(74.22, 2023, [0.174], 0.20, 2023, 2025, level_target=110)
        assert w.level_before == approx(63.2197614991)
        assert w.implied_level == approx(109.2437478705)
        assert w.needed_average == approx(0.2027626798)
        assert w.needed_each == approx(0.2174072046)

    def test_gdp(self):
        # 75.33 in 2023 after +7.5 %, 7.5 % over 2023–2025: 75.33 · 1.075² = 87.0532; 100 needs an average of
        # (100/70.0744186)^(1/3) − 1 = 1.4270670^(1/3) − 1 = 12.585 %, and 15.22 % in each of 2024 and 2025.
        w = rate_window(75.33, 2023, [0.075], 0.075, 2023, 2025, level_target=100)
        assert w.implied_level == approx(87.05323125)
        assert w.needed_average == approx(0.1258490498)
        assert w.needed_each == approx(0.1521685497)

    def test_from_the_year_before_the_window(self):
        # Level 100 in 2022, 10 % over 2023–2025: 133.1.
        assert rate_window(100, 2022, [], 0.10, 2023, 2025).implied_level == approx(133.1)

    def test_every_year_up_to_the_level_needs_its_rate(self):
        with pytest.raises(CalcError):
            rate_window(100, 2024, [0.1], 0.1, 2023, 2025)
        with pytest.raises(CalcError):
            rate_window(100, 2021, [], 0.1, 2023, 2025)

    def test_rate_link_on_an_assessment(self):
        # A level target with its rate target: from 110 in 2024 after +10 % (2023) and +10 % (2024),
        # 10 % over 2023–2025 leads to 110 · 1.1 = 121 in 2025, 9 short of 130.
        level = target(b=100, G=130, path="geometric")
        rate_target = target("average_growth", b=5, G=10)
        rate = RateLink(rate_target, tuple(obs((2023, 10), (2024, 10), indicator="r")))
        a = assess(level, obs((2024, 110)), rate=rate)
        assert a.rate_level.level == approx(121)
        assert a.rate_level.gap == approx(-9)


class TestTitleKept:
    """A title already won (国家卫生城镇) to keep through the target year: a milestone with direction maintain."""

    def kept(self):
        return Target(
            id="t", kind="milestone", direction="maintain", source=Source(ref="test"),
            baseline=Baseline(year=2022, value="done"), year=2025, start_year=2023, indicator="i",
        )  # fmt: skip

    def test_held_before_the_target_year(self):
        a = assess(self.kept(), obs((2023, "done"), (2024, "done")))
        assert a.status == "on_track" and a.on_schedule is True

    def test_lost(self):
        a = assess(self.kept(), obs((2023, "done"), (2024, "not done")))
        assert a.status == "off_track"

    def test_kept_to_the_end(self):
        a = assess(self.kept(), obs((2023, "done"), (2024, "done"), (2025, "done")))
        assert a.status == "achieved" and a.final

    def test_nothing_recorded(self):
        assert assess(self.kept(), []).status == "no_data"


@pytest.mark.parametrize(
    ("case", "t", "observations"),
    [
        # R = 0 exactly is off_track (0 ≤ R < 0.6), never moving_away, for every kind with a pace ratio.
        ("level linear", target(b=7, G=8, path="linear"), obs((2024, 7))),  # Δ_obs = 0
        ("level geometric", target(b=34, G=67, path="geometric"), obs((2024, 34))),  # r_obs = 0
        ("cumulative", target("cumulative", G=150), obs((2023, 0))),  # S/k = 0
        ("average growth", target("average_growth", b=5, G=8), obs((2023, 0))),  # a = 0
    ],
    ids=lambda x: x if isinstance(x, str) else "",
)
def test_r_exactly_zero_for_every_kind(case, t, observations):
    a = assess(t, observations)
    assert a.pace_ratio == 0
    assert a.status == "off_track"
