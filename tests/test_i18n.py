"""Every method and note the engine writes has Chinese words for people who read Chinese."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from qzdc.engine.assess import assess
from qzdc.i18n import method_text, note_text, tr
from qzdc.plan.models import Baseline, Observation, Source, Target
from qzdc.plan.periods import Period

SRC = Source(ref="x")


def target(kind: str, **kw) -> Target:
    base = {"id": "t", "kind": kind, "direction": "increase", "source": SRC, "year": 2025, "start_year": 2023}
    return Target(**{**base, **kw, "indicator": "i"})


def obs(period, value) -> Observation:
    return Observation(indicator="i", period=period, value=value)


LEVEL = {"path": "geometric", "baseline": Baseline(year=2022, value=34), "value": 67}
SCENARIOS = [
    (target("level", **LEVEL), [obs(2023, 40), obs(2026, 70)], {}),
    (target("level", **LEVEL), [obs(2025, 60)], {}),
    (target("level", **LEVEL), [], {}),
    (target("level", **{**LEVEL, "baseline": Baseline(year=2022, value=34, vintage=2020)}), [obs(2023, 40)], {}),
    (target("level", path="geometric", value=67), [obs(2023, 40), obs(2024, 45)], {}),
    (target("level", path="geometric", value=67), [obs(2024, 45)], {}),
    (target("level", path="geometric", baseline=Baseline(year=2022, value=0), value=10), [obs(2023, 1)], {}),
    (target("level", **{**LEVEL, "value": 34}), [obs(2023, 40)], {}),
    (target("level", **{**LEVEL, "value": 30}), [obs(2023, 40)], {}),
    (target("level", **LEVEL, flow=True), [obs("2025-Q3", 50)], {}),
    (target("level", **LEVEL, flow=True, profile=[10, 30, 60, 100]), [obs("2025-Q3", 50)], {}),
    (target("level", **LEVEL, flow=True, profile=[0, 30, 60, 100]), [obs("2025-Q1", 5)], {}),
    (target("average_growth", value=7.5), [obs(2023, 7), obs(2025, 7)], {}),
    (target("average_growth", value=7.5), [obs(2023, 7), obs(2024, 8), obs(2025, 7.5)], {}),
    (target("average_growth", value=7.5), [obs(2023, -100)], {}),
    (target("average_growth", value=7.5), [obs(2023, 50), obs(2024, 50)], {}),
    (target("average_growth", value=7.5), [], {}),
    (target("cumulative", value=150), [obs(2023, 40), obs("2024-Q2", 20)], {}),
    (target("cumulative", value=150), [obs(2023, 40), obs(2024, 50), obs(2025, 30)], {}),
    (target("cumulative", value=150), [], {}),
    (target("maintain", direction="maintain", value=100), [obs(2023, 99), obs(2025, 100)], {}),
    (target("maintain", direction="maintain", value=100), [], {}),
    (target("milestone"), [], {}),
    (target("milestone"), [obs(2024, "done")], {}),
    (target("milestone"), [obs(2026, dt.date(2026, 3, 1))], {}),
    (target("milestone"), [obs(2024, "not done")], {}),
    (target("milestone"), [obs(2025, "not done")], {"as_of": Period(2025)}),
    (target("cumulative_reduction", direction="decrease", value=13.5), [obs(2023, 3), obs(2024, -1)], {}),
    (target("cumulative_reduction", direction="decrease", value=13.5), [obs(2023, 9), obs(2024, 6)], {}),
    (target("cumulative_reduction", direction="decrease", value=13.5), [obs(2023, 100)], {}),
    (target("cumulative_reduction", direction="decrease", value=13.5), [], {}),
    (
        target("relative", comparator="~", relative_to="o"),
        [obs(2023, 5), obs(2025, 4)],
        {
            "reference": [
                Observation(indicator="o", period=2023, value=5.3),
                Observation(indicator="o", period=2025, value=5),
            ]
        },
    ),
    (target("relative", comparator=">", relative_to="o"), [obs(2023, 5)], {}),
    (target("relative", comparator=">", relative_to="o"), [], {}),
    (target("monitored"), [obs(2023, 5)], {}),
    (target("maintain", direction="maintain", value=100, judged_on="target_year"), [obs(2023, 99), obs(2025, 100)], {}),
]


@pytest.mark.parametrize(("t", "observations", "kwargs"), SCENARIOS)
def test_every_method_and_note_reads_in_chinese(t, observations, kwargs):
    a = assess(t, observations, **kwargs)
    english_word = re.compile(r"[A-Za-z]{3,}")
    zh_method = method_text(a.method, "zh")
    assert not english_word.search(zh_method), (a.method, zh_method)
    for note in a.notes:
        zh = note_text(note, "zh")
        assert not english_word.search(zh), (note, zh)
    assert method_text(a.method, "en") == a.method


def test_the_notes_seen_cover_most_patterns():
    from qzdc.i18n import _NOTES

    seen = {note for t, o, kw in SCENARIOS for note in assess(t, o, **kw).notes}
    used = {pattern for pattern, _ in _NOTES if any(re.fullmatch(pattern, note) for note in seen)}
    assert len(used) >= len(_NOTES) - 5  # the rest are overflow and rate-collapse corners


def test_unknown_words_fall_back_to_the_key():
    assert tr("on_track", "zh") == "进度正常"
    assert tr("no.such.key", "zh") == "no.such.key"
