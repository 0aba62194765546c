"""Property tests of the wider vocabulary (methodology.md, hypothesis).

- A constant yearly reduction at the rate required lands on the total: achieved at the end.
- A compounded reduction's status never gets worse as any year's reduction grows.
- No NaN or infinity leaves the engine for any finite reduction, relative or monitored input.
- 同步 is symmetric: the indicator in step with the other is the other in step with it.
- A monitored indicator is monitored whatever its figures.
"""

from __future__ import annotations

import math

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from qzdc.engine.assess import assess
from qzdc.engine.reduction import required_each_year
from qzdc.engine.verdict import STATUSES
from qzdc.plan.models import Observation, Source, Target

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
RANK = {"moving_away": 0, "off_track": 1, "at_risk": 2, "on_track": 3, "achieved": 4}
FIGURES = ("required_from_baseline", "observed_pace", "required_now", "required_rest", "progress", "pace_ratio")
FIGURES += ("projected", "projected_gap", "expected_now")

any_finite = st.floats(allow_nan=False, allow_infinity=False)
wild = st.one_of(any_finite, st.sampled_from([0.0, -0.0, 99.999999, 100.0, -100.0, 1e300, -1e300, 5e-324]))
reduction_pct = st.floats(min_value=-20, max_value=60, allow_nan=False)
periods = st.sampled_from([2020, 2021, 2022, 2023, 2024, 2025, 2026, "2023-Q3", "2025-06"])


def target(kind: str, **kw) -> Target:
    base = {"id": "t", "kind": kind, "direction": "decrease", "source": Source(ref="t")}
    return Target(**{**base, "year": 2025, "start_year": 2021, "indicator": "i", **kw})


def obs(pairs, indicator: str = "i") -> list[Observation]:
    return [Observation(indicator=indicator, period=p, value=v) for p, v in pairs]


def assert_clean(a) -> None:
    assert a.status in STATUSES
    for name in FIGURES:
        value = getattr(a, name)
        assert value is None or math.isfinite(value), (name, value, a)


@SETTINGS
@given(total=st.floats(min_value=0.1, max_value=95))
def test_the_constant_required_reduction_lands_on_the_total(total):
    rate = required_each_year(total / 100, 5) * 100
    a = assess(target("cumulative_reduction", value=total), obs([(y, rate) for y in range(2021, 2026)]))
    assert (a.status, a.final) == ("achieved", True)


@SETTINGS
@given(
    total=st.floats(min_value=1, max_value=60),
    earlier=st.lists(reduction_pct, max_size=3),
    ys=st.tuples(reduction_pct, reduction_pct),
)
def test_reduction_status_never_worse_as_the_reduction_grows(total, earlier, ys):
    low, high = sorted(ys)
    assume(high - low > 1e-6)
    t = target("cumulative_reduction", value=total)
    years = list(range(2021, 2021 + len(earlier)))
    last = 2021 + len(earlier)
    worse = assess(t, obs([*zip(years, earlier, strict=True), (last, low)]))
    better = assess(t, obs([*zip(years, earlier, strict=True), (last, high)]))
    assert RANK[better.status] >= RANK[worse.status], (worse, better)


# The loader refuses a total outside (0, 100): drawn inside it (filtering `wild` would discard most inputs).
totals = st.one_of(
    st.floats(min_value=5e-324, max_value=99.99999999, allow_nan=False),
    st.sampled_from([5e-324, 1e-300, 13.5, 99.999999]),
)


@example(total=13.5, data=[(2021, 100.0), (2022, -1e300)])
@example(total=99.999999, data=[(2021, -4.476546622757236e63)])  # overflowed the projection
@SETTINGS
@given(total=totals, data=st.lists(st.tuples(periods, wild), max_size=6))
def test_no_nan_or_infinity_from_a_reduction(total, data):
    assert_clean(assess(target("cumulative_reduction", value=total), obs(data)))


@SETTINGS
@given(
    comparator=st.sampled_from([">", ">=", "<", "<=", "~"]),
    tolerance=st.one_of(st.none(), st.floats(min_value=0, max_value=1e6)),
    own=st.lists(st.tuples(periods, wild), max_size=6),
    other=st.lists(st.tuples(periods, wild), max_size=6),
)
def test_no_nan_or_infinity_from_a_relative_target(comparator, tolerance, own, other):
    t = target("relative", comparator=comparator, relative_to="o", tolerance=tolerance)
    assert_clean(assess(t, obs(own), reference=obs(other, "o")))


@SETTINGS
@given(
    pairs=st.lists(
        st.tuples(st.integers(min_value=2021, max_value=2025), st.floats(-50, 50), st.floats(-50, 50)),
        min_size=1,
        max_size=5,
        unique_by=lambda p: p[0],
    ),
    tolerance=st.floats(min_value=0, max_value=5),
)
def test_in_step_is_symmetric(pairs, tolerance):
    t = target("relative", comparator="~", relative_to="o", tolerance=tolerance)
    mine = obs([(y, a) for y, a, _ in pairs])
    theirs = obs([(y, b) for y, _, b in pairs], "o")
    forward = assess(t, mine, reference=theirs)
    backward = assess(
        t,
        [Observation(indicator="i", period=o.period, value=o.value) for o in theirs],
        reference=[Observation(indicator="o", period=o.period, value=o.value) for o in mine],
    )
    assert forward.status == backward.status


@SETTINGS
@given(data=st.lists(st.tuples(periods, wild), max_size=6))
def test_monitored_is_always_monitored(data):
    a = assess(target("monitored", direction="increase"), obs(data))
    assert a.status == "monitored"
    assert_clean(a)
