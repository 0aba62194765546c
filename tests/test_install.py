"""A plain, non-editable install finds the built-in plan from any working directory.

The wheel is built from this checkout and installed into a fresh virtual
environment. No network is needed: the wheel is installed with --no-deps and
--no-index, and the new environment sees this environment's site-packages
(typer, pydantic, rich, pyyaml) through a .pth file. That file only adds the
directory to sys.path; it does not run the .pth files inside it, so the
editable install of qzdc here stays invisible and the wheel's copy is the one
imported, which the tests check.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import sysconfig
from pathlib import Path
from site import getsitepackages

import pytest

ROOT = Path(__file__).resolve().parents[1]
# --ignore-installed: where qzdc is also installed in this environment (CI installs it
# with `pip install .`), pip would see that copy through the .pth and skip the wheel.
INSTALL_FLAGS = ("--ignore-installed", "--quiet")
SUMMARY = re.compile(r"^valid: 45 indicators \(24 in Annex 1\), \d+ targets, 15 tasks, 19 policies, 12 reforms$")


def _run(args: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, f"{args} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    return proc


def _clean_env() -> dict[str, str]:
    """No trace of this checkout or of a user's settings in the child's environment."""
    drop = (
        "PYTHONPATH",
        "PYTHONHOME",
        "VIRTUAL_ENV",
        "QZDC_PLAN",
        "QZDC_LANG",
        "QZDC_ACTUALS",
        "PIP_REQUIRE_VIRTUALENV",
    )
    return {k: v for k, v in os.environ.items() if k not in drop}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel built from this checkout installed in it; returns the venv."""
    base = tmp_path_factory.mktemp("install")
    wheels = base / "wheels"
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", wheels, ROOT]
    if importlib.util.find_spec("hatchling") is not None:
        # The build backend is already here: no need to fetch it into an isolated env.
        build[5:5] = ["--no-build-isolation", "--no-index"]
    _run(build, cwd=base, env=_clean_env())
    (wheel,) = wheels.glob("qzdc-*.whl")

    venv = base / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=base, env=_clean_env())
    python = venv / "bin" / "python"
    site = Path(
        _run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=base).stdout.strip()
    )
    # The dependencies come from this interpreter's environment, wherever they are: its own site-packages, and
    # the system's too when it is a venv made with --system-site-packages.
    outer = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *getsitepackages()])
    (site / "outer_site_packages.pth").write_text("\n".join(outer) + "\n", encoding="utf-8")
    _run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", *INSTALL_FLAGS, wheel],
        cwd=base,
        env=_clean_env(),
    )
    return venv


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A working directory with no plan in it, far from the checkout."""
    cwd = tmp_path / "elsewhere"
    cwd.mkdir()
    return cwd


def test_the_wheel_is_what_runs(installed, elsewhere):
    code = "import qzdc, qzdc.plan.loader; print(qzdc.__file__); print(qzdc.plan.loader.builtin_plan_dir())"
    out = _run([installed / "bin" / "python", "-c", code], cwd=elsewhere, env=_clean_env()).stdout.splitlines()
    package, plan = Path(out[0]), Path(out[1])
    assert installed in package.parents, f"qzdc imported from {package}, not from the new venv"
    assert installed in plan.parents, f"the built-in plan was found at {plan}, not inside the installed package"
    assert ROOT not in plan.parents
    assert (plan / "plan.yaml").is_file() and (plan / "indicators.yaml").is_file()


def test_installed_qzdc_validates_the_builtin_plan_from_another_directory(installed, elsewhere):
    proc = subprocess.run(
        [str(installed / "bin" / "qzdc"), "validate", "--lang", "en"],
        cwd=elsewhere,
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert SUMMARY.match(proc.stdout.strip()), proc.stdout
    assert proc.stderr == ""


def test_installed_qzdc_lists_the_builtin_plan(installed, elsewhere):
    proc = _run([installed / "bin" / "qzdc", "indicators", "--format", "json"], cwd=elsewhere, env=_clean_env())
    rows = json.loads(proc.stdout)
    assert len(rows) == 45
    # Annex 1 序号1: 地区生产总值年均增速（%） 3.8 → 7.5.
    first = next(r for r in rows if r["annex_no"] == 1)
    assert (first["name"], first["baseline"]["value"], first["target"]["value"]) == ("地区生产总值年均增速", 3.8, 7.5)


def test_installed_qzdc_ships_the_plan_files_json_schemas(installed, elsewhere):
    proc = _run([installed / "bin" / "qzdc", "schema", "indicators"], cwd=elsewhere, env=_clean_env())
    assert json.loads(proc.stdout)["title"] == "qzdc indicators.yaml"
