"""Write N synthetic plans derived from the built-in one, for batch benchmarks and tests.

    python benchmarks/make_plans.py N DIR [--seed S]

Each plan DIR/town-00001 … is the Wangu plan with another town's name, its
baselines and targets scaled by a random factor (shares kept within 0–100,
classes and milestones as they are), and an actuals.yaml with figures for 2023,
2024 and 2025-Q2 drawn around the required path. Deterministic for a seed. The
plans are valid: `qzdc validate --plan DIR/town-00001` passes.
"""

from __future__ import annotations

import argparse
import copy
import random
import sys
from pathlib import Path

import yaml

BUILTIN = Path(__file__).resolve().parents[1] / "data"
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
TOWNS = [
    "万古",
    "龙水",
    "邮亭",
    "宝顶",
    "三驱",
    "珠溪",
    "石马",
    "高坪",
    "拾万",
    "回龙",
    "玉龙",
    "季家",
    "古龙",
    "铁山",
    "中敖",
    "金山",
    "雍溪",
    "高升",
    "国梁",
    "龙岗",
]


COUNTS = ("家", "个", "户", "人")


def scaled(value: float, factor: float, share: bool, count: bool = False) -> float:
    result = round(value * factor) if count else round(value * factor, 2)
    return min(100.0, max(0.0, result)) if share else result


def make_plan(n: int, rng: random.Random, base: dict[str, dict]) -> dict[str, dict]:
    town = TOWNS[n % len(TOWNS)] + (str(n // len(TOWNS)) if n >= len(TOWNS) else "")
    plan = copy.deepcopy(base["plan"])
    plan["id"] = f"town-{n:05d}"
    plan["title"] = plan["title"].replace("万古", town)
    indicators = copy.deepcopy(base["indicators"])
    actuals = []
    for ind in indicators["indicators"]:
        share = ind["unit"] == "%"
        count = ind["unit"] in COUNTS
        factor = rng.uniform(0.8, 1.25)
        for target in ind["targets"]:
            kind = target["kind"]
            if kind in ("ordinal", "milestone"):
                continue
            target["value"] = scaled(target["value"], factor, share and kind != "average_growth", count)
            baseline = target.get("baseline")
            if baseline and isinstance(baseline.get("value"), int | float):
                baseline["value"] = scaled(baseline["value"], factor, share and kind != "average_growth", count)
                if kind in ("level", "share") and baseline["value"] == target["value"]:
                    target["value"] = scaled(target["value"], 1.1, share, count) + (1 if count else 0)
            for statement in target.get("statements", []):
                if isinstance(statement.get("value"), int | float):
                    statement["value"] = target["value"]
            goal = target["value"]
            if kind == "average_growth":
                for year in (2023, 2024):
                    actuals.append((ind["id"], year, round(goal * rng.uniform(0.6, 1.3), 2)))
                actuals.append((ind["id"], "2025-Q2", round(goal * rng.uniform(0.6, 1.3), 2)))
            elif kind == "cumulative":
                for year in (2023, 2024):
                    flow = goal / 3 * rng.uniform(0.5, 1.4)
                    actuals.append((ind["id"], year, round(flow) if count else round(flow, 1)))
            elif kind in ("level", "share") and baseline:
                b = baseline["value"]
                for year, frac in ((2023, 1 / 3), (2024, 2 / 3)):
                    value = b + (goal - b) * frac * rng.uniform(0.3, 1.4)
                    actuals.append((ind["id"], year, scaled(value, 1, share, count)))
            elif kind == "maintain":
                actuals.append((ind["id"], 2024, goal if rng.random() < 0.8 else scaled(goal, 0.97, share)))
    observations = copy.deepcopy(base["observations"])
    for obs in observations["observations"]:
        obs["value"] = round(obs["value"] * rng.uniform(0.8, 1.25), 2)
        if obs["indicator"] == "villages_income_over_200k":
            obs["value"] = 100
    indicators_by_id = {i["id"]: i for i in indicators["indicators"]}
    for obs in observations["observations"]:
        for target in indicators_by_id[obs["indicator"]]["targets"]:
            baseline = target.get("baseline")
            if baseline and baseline.get("year") == obs["period"]:
                baseline["value"] = obs["value"]
    entries = [
        {"indicator": i, "period": p, "value": v, "source": "synthetic", "recorded_at": "2026-01-01T00:00:00+08:00"}
        for i, p, v in actuals
    ]
    return {
        "plan.yaml": plan,
        "indicators.yaml": indicators,
        "tasks.yaml": base["tasks"],
        "observations.yaml": observations,
        "actuals.yaml": {"actuals": entries},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("dir", type=Path)
    parser.add_argument("--seed", type=int, default=20231)
    args = parser.parse_args()
    base = {
        name: yaml.safe_load((BUILTIN / f"{name}.yaml").read_text(encoding="utf-8"))
        for name in ("plan", "indicators", "tasks", "observations")
    }
    rng = random.Random(args.seed)
    args.dir.mkdir(parents=True, exist_ok=True)
    for n in range(1, args.n + 1):
        target = args.dir / f"town-{n:05d}"
        target.mkdir(exist_ok=True)
        for name, data in make_plan(n, rng, base).items():
            text = yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=120)
            (target / name).write_text(text, encoding="utf-8")
    print(f"wrote {args.n} plans under {args.dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
