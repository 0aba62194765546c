"""Batch benchmarks: throughput against the YAML parser, and memory as plans multiply.

    python benchmarks/batch.py throughput [--plans 1000] [--dir DIR]
    python benchmarks/batch.py memory [--small 100] [--large 10000] [--format jsonl|xlsx] [--dir DIR]

throughput: `qzdc batch --format jsonl` over N synthetic plans (benchmarks/make_plans.py)
against parsing the same YAML files (every plan's plan, indicators, tasks,
observations and actuals files) with PyYAML's C loader and nothing else. qzdc
runs twice: cold (an empty plan cache: every plan parsed and validated) and warm
(the cache filled by the first run, as for every later run over the same plans).
Goal: warm ratio ≤ 1.5.

memory: peak resident memory of a jsonl batch over the large set against the
small set (the large set's first plans are the small set). Goal: ratio ≤ 1.2.
`--format xlsx` measures `batch -o FILE.xlsx` the same way: the workbook streams
its rows (openpyxl's write-only mode), so its memory stays flat too.

Plans are generated once per DIR (default: a temporary directory) and reused.
Prints medians and ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
PARSE_ONLY = """
import sys, yaml
for d in sys.argv[1:]:
    for name in ("plan", "indicators", "tasks", "observations", "actuals"):
        with open(f"{d}/{name}.yaml", "rb") as handle:
            yaml.load(handle, Loader=yaml.CSafeLoader)
"""
PEAK_RSS = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def plans(directory: Path, n: int) -> list[str]:
    existing = sorted(str(p) for p in directory.glob("town-*") if p.is_dir())
    if len(existing) < n:
        subprocess.run([sys.executable, str(HERE / "make_plans.py"), str(n), str(directory)], check=True)
        existing = sorted(str(p) for p in directory.glob("town-*") if p.is_dir())
    return existing[:n]


def env_with(cache: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QZDC_") and k != "PYTHONDONTWRITEBYTECODE"}
    env["QZDC_CACHE_DIR"] = cache
    return env


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def qzdc() -> str:
    """The qzdc installed with this Python: a `qzdc` earlier on PATH may be another install, or
    a version manager's shim (pyenv's runs a shell script first, adding ~100 ms to every run)."""
    beside = Path(sys.executable).parent / ("qzdc.exe" if os.name == "nt" else "qzdc")
    found = str(beside) if beside.is_file() else shutil.which("qzdc")
    if found is None:
        sys.exit("qzdc is not installed with this Python: install it first (pip install .)")
    return found


def throughput(directory: Path, n: int) -> None:
    dirs = plans(directory, n)
    with tempfile.TemporaryDirectory() as cache:
        env = env_with(cache)
        parse = [sys.executable, "-c", PARSE_ONLY, *dirs]
        batch = [qzdc(), "batch", "--format", "jsonl", *dirs]
        timed(parse, env)  # warm the OS file cache for both
        base = timed(parse, env)
        cold = timed(batch, env)
        warm = min(timed(batch, env) for _ in range(2))
        base = min(base, timed(parse, env))
    print(f"throughput over {n} plans")
    print(f"  parse only (PyYAML C loader)   {base:7.2f} s")
    print(f"  qzdc batch --format jsonl cold {cold:7.2f} s   ratio {cold / base:.2f}")
    print(f"  qzdc batch --format jsonl warm {warm:7.2f} s   ratio {warm / base:.2f}  (goal ≤ 1.5)")


def memory(directory: Path, small: int, large: int, fmt: str = "jsonl") -> None:
    dirs = plans(directory, large)
    peaks = {}
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as out_dir:
        env = env_with(cache)
        where = ["-o", str(Path(out_dir) / "all.xlsx")] if fmt == "xlsx" else []
        for label, chosen in (("small", dirs[:small]), ("large", dirs)):
            cmd = [sys.executable, "-c", PEAK_RSS, qzdc(), "batch", "--format", fmt, *where, *chosen]
            out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
            peaks[label] = int(out.strip().splitlines()[-1])  # KiB on Linux
    print(f"peak RSS, qzdc batch --format {fmt}")
    print(f"  {small:>6} plans {peaks['small'] / 1024:8.1f} MiB")
    print(
        f"  {large:>6} plans {peaks['large'] / 1024:8.1f} MiB   ratio {peaks['large'] / peaks['small']:.2f}  (goal ≤ 1.2)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", choices=["throughput", "memory"])
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--format", default="jsonl", choices=["jsonl", "xlsx"], help="memory: the output format")
    parser.add_argument("--dir", type=Path, default=None, help="where the synthetic plans are (made if missing)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        directory = args.dir or Path(scratch)
        directory.mkdir(parents=True, exist_ok=True)
        if args.which == "throughput":
            throughput(directory, args.plans)
        else:
            memory(directory, args.small, args.large, args.format)


if __name__ == "__main__":
    main()
