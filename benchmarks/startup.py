"""Start-up benchmark: `qzdc status` against importing qzdc's own dependencies.

    python benchmarks/startup.py [--runs 30]

Runs, interleaved so that machine noise hits both sides alike:
  - baseline: python -c "import typer, rich, pydantic, yaml"
  - qzdc status --format json   (goal: median ratio ≤ 0.7)
  - qzdc status                 (a table, piped; goal: ≤ 0.9)
on the built-in plan from an empty working directory, after one warm-up run
(which fills the plan cache) and with qzdc's bytecode compiled, as `pip install`
leaves it. Prints the medians and the ratios; it asserts nothing.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(cmd: list[str], env: dict[str, str], cwd: str) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    import qzdc

    compileall.compile_dir(str(Path(qzdc.__file__).parent), quiet=1)
    from batch import qzdc  # the qzdc installed with this Python, never a shim earlier on PATH

    qzdc_cmd = qzdc()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "QZDC_ACTUALS", "QZDC_PLAN")}
    with tempfile.TemporaryDirectory() as work, tempfile.TemporaryDirectory() as cache:
        env["QZDC_CACHE_DIR"] = cache
        cases = {
            "baseline: import typer, rich, pydantic, yaml": [
                sys.executable,
                "-c",
                "import typer, rich, pydantic, yaml",
            ],
            "qzdc status --format json": [qzdc_cmd, "status", "--format", "json"],
            "qzdc status (table)": [qzdc_cmd, "status"],
        }
        for cmd in cases.values():  # warm-up: fills the plan cache and the OS file cache
            timed(cmd, env, work)
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, cmd in cases.items():
                times[name].append(timed(cmd, env, work))
    medians = {name: statistics.median(values) for name, values in times.items()}
    base = medians["baseline: import typer, rich, pydantic, yaml"]
    print(f"start-up, median of {args.runs} interleaved runs")
    for name, value in medians.items():
        print(f"  {name:<48} {value * 1000:7.1f} ms")
    print(f"  ratio json/baseline  {medians['qzdc status --format json'] / base:.2f}  (goal ≤ 0.70)")
    print(f"  ratio table/baseline {medians['qzdc status (table)'] / base:.2f}  (goal ≤ 0.90)")


if __name__ == "__main__":
    main()
