"""One small bad plan per error kind, each reported at its exact place.

Each test breaks a copy of the built-in plan with one edit and runs
`qzdc validate --plan DIR` twice: as a table (errors on stderr as
`file:line:col: field: message`) and as JSON (`{"valid": false, "errors": [...]}`
on stdout). The expected line and column are found in the edited file by
searching for the edited text, never taken from qzdc's output.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import edit
from qzdc.cli.app import app

# Messages are checked word for word, in English (their Chinese: tests/test_i18n.py).
pytestmark = pytest.mark.usefixtures("english")

ERROR_KEYS = {"file", "line", "column", "field", "message", "hint"}


@pytest.fixture
def run(cli):
    """Like `cli` (same scratch working directory), but a crash fails the test.

    The shared `Run` keeps no exception for exit codes 0–3, and an uncaught
    exception inside CliRunner exits 1 without printing its traceback, so the
    result's exception is checked here.
    """

    def go(*args: str, env: dict[str, str] | None = None):
        result = CliRunner().invoke(app, list(args), env=env)
        crash = result.exception
        assert crash is None or isinstance(crash, SystemExit), f"qzdc crashed: {crash!r}"
        assert "Traceback" not in result.stderr
        assert "Traceback" not in result.stdout
        return result

    return go


def place(path: Path, needle: str, offset: int = 0) -> tuple[int, int]:
    """1-based (line, column) of the first `needle` in the file, plus `offset` characters."""
    text = path.read_text(encoding="utf-8")
    assert text.count(needle) >= 1, f"{needle!r} not in {path}"
    index = text.index(needle) + offset
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


@dataclass
class Report:
    stderr: str
    errors: list[dict]

    def lines(self) -> list[str]:
        return self.stderr.splitlines()

    def find(self, file: Path, line: int | None, column: int | None, field: str | None = None) -> dict:
        """The JSON error at that place (and field), after checking the table form names it too."""
        shown = str(file)
        found = [
            e
            for e in self.errors
            if e["file"] == shown and e["line"] == line and e["column"] == column and field in (None, e["field"])
        ]
        assert len(found) == 1, f"no single error at {shown}:{line}:{column} in {self.errors}"
        location = ":".join(str(x) for x in (shown, line, column) if x is not None)
        error = found[0]
        prefix = f"{location}: " + (f"{error['field']}: " if error["field"] else "")
        assert any(text.startswith(prefix) for text in self.lines()), f"{prefix!r} not in stderr:\n{self.stderr}"
        return error


def validate_bad(run, plan: Path) -> Report:
    """Run validate on a bad plan in both forms and check what every bad plan must give."""
    table = run("validate", "--plan", str(plan))
    assert table.exit_code == 1, table.stdout + table.stderr
    assert table.stdout == ""
    as_json = run("validate", "--plan", str(plan), "--format", "json")
    assert as_json.exit_code == 1
    payload = json.loads(as_json.stdout)
    assert payload["valid"] is False
    errors = payload["errors"]
    assert errors, "an invalid plan must list its errors"
    for error in errors:
        assert set(error) == ERROR_KEYS
        assert error["message"]
    # The table form prints every error, one line each, then one summary line.
    lines = table.stderr.splitlines()
    assert len(lines) == len(errors) + 1, table.stderr
    assert lines[-1].startswith("qzdc: ")
    return Report(table.stderr, errors)


# ── one bad plan per kind ────────────────────────────────────────────────────


def test_yaml_syntax_error(run, plan_copy):
    path = plan_copy / "indicators.yaml"
    edit(path, "    name: 地区生产总值年均增速\n", "    name: 地区生产总值年均增速: x\n")
    # "a: b: c" is not YAML: the second colon is the error.
    line, col = place(path, "地区生产总值年均增速: x", offset=len("地区生产总值年均增速"))
    report = validate_bad(run, plan_copy)
    error = report.find(path, line, col)
    assert "YAML syntax error" in error["message"]
    assert error["field"] is None
    assert len(report.errors) == 1


def test_unknown_field_with_did_you_mean(run, plan_copy):
    path = plan_copy / "indicators.yaml"
    edit(path, "    pilot: false\n    source: {ref: 附件1 序号2", "    pilto: false\n    source: {ref: 附件1 序号2")
    line, col = place(path, "pilto:")
    report = validate_bad(run, plan_copy)
    error = report.find(path, line, col)
    assert error["field"] == "indicators[1].pilto"
    assert error["message"] == "unknown field 'pilto'"
    assert error["hint"] == "did you mean pilot?"
    assert len(report.errors) == 1
    assert f"{path}:{line}:{col}: indicators[1].pilto: unknown field 'pilto' (did you mean pilot?)" in report.lines()


def test_unknown_field_inside_a_flow_mapping(run, plan_copy):
    path = plan_copy / "indicators.yaml"
    edit(path, "baseline: {year: 2022, value: 8.0,", "baseline: {yaer: 2022, value: 8.0,")
    line, col = place(path, "yaer:")
    report = validate_bad(run, plan_copy)
    error = report.find(path, line, col)
    assert error["field"] == "indicators[1].targets[0].baseline.yaer"
    assert error["hint"] == "did you mean year?"


def test_unknown_field_in_observations_suggests_indicator(run, plan_copy):
    # `indicator` is a field the user writes in an observation; it must be offered.
    path = plan_copy / "observations.yaml"
    edit(path, "  - indicator: gdp_growth\n", "  - indicatr: gdp_growth\n")
    line, col = place(path, "indicatr:")
    report = validate_bad(run, plan_copy)
    error = report.find(path, line, col, field="observations[1].indicatr")
    assert error["hint"] == "did you mean indicator?"
    # The misspelt field is one mistake, not also "indicator: required field is missing".
    assert len(report.errors) == 1


def test_misspelt_required_field_is_one_error(run, plan_copy):
    path = plan_copy / "plan.yaml"
    edit(path, "\ntitle:", "\ntitel:")
    line, col = place(path, "titel:")
    report = validate_bad(run, plan_copy)
    error = report.find(path, line, col)
    assert (error["field"], error["message"], error["hint"]) == (
        "titel",
        "unknown field 'titel'",
        "did you mean title?",
    )
    assert len(report.errors) == 1


def test_missing_required_field(run, plan_copy):
    path = plan_copy / "indicators.yaml"
    edit(path, "        kind: average_growth\n        direction: increase\n", "        direction: increase\n")
    # Reported at the mapping that lacks it: the target's first key.
    line, col = place(path, "      - id: gdp_growth\n", offset=len("      - "))
    report = validate_bad(run, plan_copy)
    error = report.find(path, line, col)
    assert (error["field"], error["message"]) == ("indicators[0].targets[0].kind", "required field is missing")


@pytest.mark.parametrize(
    ("file", "old", "new", "needle", "field", "words"),
    [
        # a quoted number where a whole number belongs (the schema is strict, no coercion)
        ("indicators.yaml", "annex_no: 2\n", 'annex_no: "2"\n', '"2"', "indicators[1].annex_no", "whole number"),
        # a number where true/false belongs
        ("indicators.yaml", "    pilot: true\n", "    pilot: 1\n", "pilot: 1", "indicators[3].pilot", "true or false"),
        # text where a list of departments belongs
        ("tasks.yaml", "lead: [大足高新区]", "lead: 大足高新区", "lead: 大足高新区", "tasks[0].lead", "list"),
        # a list where a target value belongs
        (
            "indicators.yaml",
            "        value: 8.1\n",
            "        value: [8.1]\n",
            "[8.1]",
            "indicators[1].targets[0].value",
            "number",
        ),
        # a plain value where a mapping belongs
        ("tasks.yaml", "tasks:\n", "tasks:\n  - 7\n", "  - 7\n", "tasks[0]", "mapping"),
    ],
    ids=["str-for-int", "int-for-bool", "str-for-list", "list-for-number", "scalar-for-mapping"],
)
def test_wrong_type(run, plan_copy, file, old, new, needle, field, words):
    path = plan_copy / file
    edit(path, old, new)
    line, col = place(path, needle)
    if needle.startswith("  - "):
        col += len("  - ")
    elif ":" in needle and not needle.startswith('"'):
        col += needle.index(":") + 2
    report = validate_bad(run, plan_copy)
    error = report.find(path, line, col)
    assert error["field"] == field
    assert words in error["message"]
    # The message names what the user wrote in YAML terms, not qzdc's internal classes.
    assert "instance of" not in error["message"]


def test_duplicate_key(run, plan_copy):
    path = plan_copy / "indicators.yaml"
    edit(path, "        value: 8.1\n", "        value: 8.1\n        value: 9.1\n")
    first, _ = place(path, "        value: 8.1\n")
    line, col = place(path, "value: 9.1")
    report = validate_bad(run, plan_copy)
    error = report.find(path, line, col)
    assert error["message"] == f"duplicate key 'value' (first at line {first})"
    assert error["hint"]


def test_duplicate_key_in_a_flow_mapping(run, plan_copy):
    path = plan_copy / "indicators.yaml"
    edit(path, "baseline: {year: 2022, value: 8.0,", "baseline: {year: 2022, year: 2021, value: 8.0,")
    line, col = place(path, "year: 2021")
    report = validate_bad(run, plan_copy)
    assert "duplicate key 'year'" in report.find(path, line, col)["message"]


def test_duplicate_indicator_id(run, plan_copy):
    path = plan_copy / "indicators.yaml"
    edit(path, "  - id: exports\n    annex_no: 6", "  - id: gdp_growth\n    annex_no: 6")
    line, col = place(path, "gdp_growth\n    annex_no: 6")
    # Renaming exports leaves its observations nowhere to point: none exist, so one error.
    report = validate_bad(run, plan_copy)
    error = report.find(path, line, col)
    assert error["field"] == "indicators[5].id"
    assert error["message"] == "duplicate indicator id 'gdp_growth'"


def test_duplicate_target_id(run, plan_copy):
    path = plan_copy / "indicators.yaml"
    # The later of the two is reported: tech_smes (row 10) renamed to exports (row 6).
    edit(path, "      - id: tech_smes\n", "      - id: exports\n")
    text = path.read_text(encoding="utf-8")
    second = text.index("      - id: exports\n", text.index("      - id: exports\n") + 1)
    line = text.count("\n", 0, second) + 1
    report = validate_bad(run, plan_copy)
    error = report.find(path, line, len("      - id: ") + 1)
    assert error["field"] == "indicators[9].targets[0].id"
    assert error["message"] == "duplicate target id 'exports'"


def test_dangling_reference_task_to_target(run, plan_copy):
    path = plan_copy / "tasks.yaml"
    edit(path, "targets: [industrial_output_110, industrial_output_growth]", "targets: [industrial_output_11]")
    line, col = place(path, "industrial_output_11]")
    report = validate_bad(run, plan_copy)
    error = report.find(path, line, col)
    assert error["field"] == "tasks[0].targets[0]"
    assert error["message"] == "unknown target 'industrial_output_11'"
    assert error["hint"] == "did you mean industrial_output_110?"
    assert len(report.errors) == 1


def test_dangling_reference_observation_to_indicator(run, plan_copy):
    path = plan_copy / "observations.yaml"
    edit(path, "  - indicator: gdp\n", "  - indicator: gpd\n")
    line, col = place(path, "gpd\n")
    error = validate_bad(run, plan_copy).find(path, line, col)
    assert error["message"] == "unknown indicator 'gpd'"
    assert error["hint"] == "did you mean gdp?"


def test_share_over_100(run, plan_copy):
    path = plan_copy / "indicators.yaml"
    edit(path, "        value: 68.23\n", "        value: 168.23\n")
    line, col = place(path, "168.23")
    report = validate_bad(run, plan_copy)
    error = report.find(path, line, col)
    assert error["field"] == "indicators[12].targets[0].value"
    assert "0–100" in error["message"] and "168.23" in error["message"]
    assert len(report.errors) == 1


def test_share_baseline_below_0(run, plan_copy):
    path = plan_copy / "indicators.yaml"
    edit(path, "baseline: {year: 2022, value: 38.1,", "baseline: {year: 2022, value: -38.1,")
    line, col = place(path, "-38.1")
    error = validate_bad(run, plan_copy).find(path, line, col)
    assert error["field"] == "indicators[15].targets[0].baseline.value"


PYTHON_TAGS = [
    '!!python/object/apply:os.system ["echo hi"]',
    '!!python/object/apply:os.system ["touch PWNED"]',
    "!!python/name:os.system",
    '!!python/object/new:os.system ["echo hi"]',
    "!!python/object:collections.OrderedDict {}",
]


@pytest.mark.parametrize("tag", PYTHON_TAGS)
def test_python_tag_is_refused_and_nothing_runs(run, plan_copy, tag, monkeypatch, capfd):
    calls: list[tuple] = []
    monkeypatch.setattr(os, "system", lambda *a: calls.append(a) or 0)
    path = plan_copy / "indicators.yaml"
    edit(path, "    name_en: Gross regional product, average annual growth\n", f"    name_en: {tag}\n")
    line, col = place(path, tag)
    report = validate_bad(run, plan_copy)
    error = report.find(path, line, col)
    assert "not allowed" in error["message"]
    assert calls == []
    assert not Path("PWNED").exists() and not (plan_copy / "PWNED").exists()
    assert "hi" not in capfd.readouterr().out


def test_python_tag_in_a_real_process_runs_nothing(plan_copy, tmp_path):
    """The same in a separate process, where os.system would really write to fd 1."""
    marker = tmp_path / "PWNED"
    path = plan_copy / "tasks.yaml"
    edit(
        path,
        "    name: 打造百亿级产业集群\n",
        f'    name: !!python/object/apply:os.system ["echo hi; touch {marker}"]\n',
    )
    line, col = place(path, "!!python")
    proc = subprocess.run(
        [sys.executable, "-m", "qzdc", "validate", "--plan", str(plan_copy)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert proc.returncode == 1
    assert "hi" not in proc.stdout and not marker.exists()
    # Below the working directory, the file is shown relative to it.
    assert proc.stderr.startswith(f"plan/tasks.yaml:{line}:{col}: ")
    assert "is not allowed" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_target_year_before_the_plans_baseline_year(run, plan_copy):
    path = plan_copy / "indicators.yaml"
    edit(
        path,
        "鲤鱼灯舞成功申报国家级非物质文化遗产\n        year: 2025\n",
        "鲤鱼灯舞成功申报国家级非物质文化遗产\n        year: 2021\n",
    )
    line, col = place(path, "year: 2021", offset=len("year: "))
    report = validate_bad(run, plan_copy)
    error = report.find(path, line, col)
    assert error["field"].endswith(".targets[0].year")
    assert error["message"] == "the target year 2021 is not after the plan's baseline year 2022"
    # The inherited start of the period is not reported a second time.
    assert len(report.errors) == 1


def test_baseline_year_after_the_target_year(run, plan_copy):
    path = plan_copy / "indicators.yaml"
    edit(path, "baseline: {year: 2022, value: 3.8,", "baseline: {year: 2026, value: 3.8,")
    line, col = place(path, "2026")
    report = validate_bad(run, plan_copy)
    error = report.find(path, line, col)
    assert error["field"] == "indicators[0].targets[0].baseline.year"
    assert error["message"] == "the baseline year 2026 is not before the target year 2025"
    assert len(report.errors) == 1


def test_plan_target_year_before_baseline_year_is_reported_once(run, plan_copy):
    path = plan_copy / "plan.yaml"
    edit(path, "target_year: 2025", "target_year: 2021")
    line, col = place(path, "2021")
    report = validate_bad(run, plan_copy)
    error = report.find(path, line, col)
    assert error["field"] == "target_year"
    assert error["message"] == "the target year 2021 is not after the baseline year 2022"
    # One wrong year in plan.yaml must not bring one error per inherited target.
    assert all(e["file"] == str(path) for e in report.errors), report.errors
    assert len(report.errors) <= 2


@pytest.mark.parametrize("name", ["plan.yaml", "indicators.yaml"])
def test_missing_required_file(run, plan_copy, name):
    (plan_copy / name).unlink()
    report = validate_bad(run, plan_copy)
    error = report.find(plan_copy / name, None, None)
    assert error["message"] == "file not found"
    assert name in error["hint"]
    assert f"{plan_copy / name}: file not found" in report.stderr


def test_missing_optional_files_are_fine(run, plan_copy):
    (plan_copy / "tasks.yaml").unlink()
    (plan_copy / "observations.yaml").unlink()
    result = run("validate", "--plan", str(plan_copy), "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "0 tasks, 0 policies, 0 reforms" in result.stdout


def test_empty_plan_directory(run, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    report = validate_bad(run, empty)
    assert {e["file"] for e in report.errors} == {str(empty / "plan.yaml"), str(empty / "indicators.yaml")}


@pytest.mark.parametrize(
    ("text", "words"),
    [("issued: 2024-13-05", "not a valid date"), ("issued: 2024-02-30", "not a valid date")],
)
def test_impossible_date(run, plan_copy, text, words):
    path = plan_copy / "plan.yaml"
    edit(path, "issued: 2024-06-05", text)
    line, col = place(path, text[len("issued: ") :])
    error = validate_bad(run, plan_copy).find(path, line, col)
    assert words in error["message"]


@pytest.mark.parametrize("text", [".nan", ".inf", "-.inf", "1.0e+999"])
def test_non_finite_number(run, plan_copy, text):
    # NaN passes every comparison unnoticed and cannot be written as JSON.
    path = plan_copy / "indicators.yaml"
    edit(path, "        value: 7500\n", f"        value: {text}\n")
    line, col = place(path, f"value: {text}\n", offset=len("value: "))
    error = validate_bad(run, plan_copy).find(path, line, col)
    assert "not a finite number" in error["message"]


def test_not_utf8(run, plan_copy):
    path = plan_copy / "observations.yaml"
    path.write_bytes("observations: []\n# 注释\n".encode("gb18030"))
    error = validate_bad(run, plan_copy).find(path, None, None)
    assert "UTF-8" in error["message"]


def test_alias_bomb_is_refused_quickly(run, plan_copy):
    # "Billion laughs": 9 levels of 9 aliases is 387 million values once expanded.
    lines = ['l0: &l0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    lines += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 9)]
    path = plan_copy / "observations.yaml"
    path.write_text("\n".join([*lines, "observations: *l8", ""]), encoding="utf-8")
    report = validate_bad(run, plan_copy)
    # reported at the first list whose expansion passes the limit: l6, 9^7 values
    error = report.find(path, 7, 5)
    assert "aliases" in error["message"]
    assert len(report.stderr) < 1000


@pytest.mark.parametrize("text", ["observations: &a [*a]\n", "observations: &a [{indicator: *a}]\n"])
def test_recursive_alias_is_refused(run, plan_copy, text):
    path = plan_copy / "observations.yaml"
    path.write_text(text, encoding="utf-8")
    error = validate_bad(run, plan_copy).find(path, 1, 15)  # the list that contains itself
    assert "alias" in error["message"]


def test_small_aliases_are_fine(run, plan_copy):
    path = plan_copy / "indicators.yaml"
    edit(path, "source: {ref: 附件1 序号2, quote: 固定资产投资额年均增速（%）}", "source: &s2 {ref: 附件1 序号2}")
    edit(path, "        source: {ref: 附件1 序号2}\n", "        source: *s2\n")
    result = run("validate", "--plan", str(plan_copy))
    assert result.exit_code == 0, result.stderr


def test_a_long_wrong_value_is_cut_short(run, plan_copy):
    path = plan_copy / "observations.yaml"
    edit(path, "    value: 75.33\n", "    value: [" + ", ".join(["75.33"] * 500) + "]\n")
    line, col = place(path, "[75.33")
    report = validate_bad(run, plan_copy)
    error = report.find(path, line, col)
    assert len(error["message"]) < 200
    assert error["message"].endswith("…")


# ── several errors, one run ──────────────────────────────────────────────────


def test_several_errors_in_several_files_in_one_run(run, plan_copy):
    plan, indicators, tasks, obs = (
        plan_copy / n for n in ("plan.yaml", "indicators.yaml", "tasks.yaml", "observations.yaml")
    )
    edit(plan, "baseline_year: 2022", "baseline_year: 2022.5")
    edit(
        indicators, "    pilot: false\n    source: {ref: 附件1 序号2", '    pilot: "no"\n    source: {ref: 附件1 序号2'
    )
    edit(indicators, "    unit: 万美元\n", "    unti: 万美元\n")
    edit(tasks, "    name: 打造百亿级产业集群\n", "    name: [unclosed\n")
    edit(obs, "    value: 75.33\n", "    value: !!binary aGk=\n")
    expected = [
        (plan, *place(plan, "2022.5")),
        (indicators, *place(indicators, 'pilot: "no"', offset=len("pilot: "))),
        (indicators, *place(indicators, "unti:")),
        (obs, *place(obs, "!!binary")),
    ]
    report = validate_bad(run, plan_copy)
    for path, line, col in expected:
        report.find(path, line, col)
    # The YAML error in tasks.yaml is there too, wherever the parser notices it.
    assert any(e["file"] == str(tasks) and "YAML syntax error" in e["message"] for e in report.errors)
    # The unit is also missing where it was misspelt; every file has its say.
    assert {e["file"] for e in report.errors} == {str(plan), str(indicators), str(tasks), str(obs)}
    assert f"has {len(report.errors)} problem(s)" in report.lines()[-1]


def test_several_cross_file_errors_in_one_run(run, plan_copy):
    indicators, tasks = plan_copy / "indicators.yaml", plan_copy / "tasks.yaml"
    edit(indicators, "        value: 68.23\n", "        value: 168.23\n")
    edit(indicators, "  - id: exports\n    annex_no: 6", "  - id: gdp_growth\n    annex_no: 6")
    edit(
        tasks,
        "targets: [grain_sown_area, agricultural_output_growth]",
        "targets: [grain_area, agricultural_output_growth]",
    )
    expected = [
        (indicators, *place(indicators, "168.23")),
        (indicators, *place(indicators, "gdp_growth\n    annex_no: 6")),
        (tasks, *place(tasks, "grain_area")),
    ]
    report = validate_bad(run, plan_copy)
    for path, line, col in expected:
        report.find(path, line, col)
    assert len(report.errors) == 3


# ── choosing the plan ────────────────────────────────────────────────────────


def test_qzdc_plan_points_commands_at_another_plan(run, plan_copy):
    edit(plan_copy / "indicators.yaml", "    name_en: Total exports\n", "    name_en: Exports from the copy\n")
    env = {"QZDC_PLAN": str(plan_copy)}
    listed = run("indicators", "--format", "json", env=env)
    assert listed.exit_code == 0, listed.stderr
    names = {row["id"]: row["name_en"] for row in json.loads(listed.stdout)}
    assert names["exports"] == "Exports from the copy"
    # The built-in plan is untouched.
    builtin = run("indicators", "--format", "json")
    assert {row["id"]: row["name_en"] for row in json.loads(builtin.stdout)}["exports"] == "Total exports"


def test_qzdc_plan_at_a_bad_plan_is_validated(run, plan_copy):
    edit(plan_copy / "tasks.yaml", "targets: [industrial_output_110, industrial_output_growth]", "targets: [nope]")
    result = run("validate", env={"QZDC_PLAN": str(plan_copy)})
    assert result.exit_code == 1
    assert f"{plan_copy / 'tasks.yaml'}:" in result.stderr


def test_plan_option_wins_over_the_environment(run, plan_copy, tmp_path):
    result = run("validate", "--plan", str(plan_copy), env={"QZDC_PLAN": str(tmp_path / "nowhere")})
    assert result.exit_code == 0, result.stderr


def test_relative_plan_path_is_shown_as_given(run, plan_copy):
    # The cli fixture works in tmp_path/work; the copy is tmp_path/plan.
    inner = Path.cwd() / "myplan"
    plan_copy.rename(inner)
    edit(inner / "tasks.yaml", "targets: [industrial_output_110, industrial_output_growth]", "targets: [nope]")
    line, col = place(inner / "tasks.yaml", "nope")
    result = run("validate", "--plan", "myplan")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"myplan/tasks.yaml:{line}:{col}: tasks[0].targets[0]: unknown target 'nope'")


@pytest.mark.parametrize("command", ["validate", "indicators", "tasks", "policies", "reforms"])
def test_plan_option_at_a_non_directory_is_a_usage_error(run, tmp_path, command):
    a_file = tmp_path / "plan.yaml"
    a_file.write_text("schema_version: 1\n", encoding="utf-8")
    for target in (a_file, tmp_path / "missing"):
        result = run(command, "--plan", str(target))
        assert result.exit_code == 2, result.stderr
        assert "not a directory" in result.stderr
        assert result.stdout == ""


def test_qzdc_plan_at_a_non_directory_is_a_usage_error(run, tmp_path):
    result = run("validate", env={"QZDC_PLAN": str(tmp_path / "missing")})
    assert result.exit_code == 2
    assert "QZDC_PLAN" in result.stderr


def test_the_builtin_plan_is_valid_in_both_forms(run):
    table = run("validate", "--lang", "en")
    assert table.exit_code == 0 and table.stderr == ""
    assert table.stdout == "valid: 45 indicators (24 in Annex 1), 40 targets, 15 tasks, 19 policies, 12 reforms\n"
    as_json = json.loads(run("validate", "--format", "json").stdout)
    assert as_json["valid"] is True and as_json["errors"] == []
    assert as_json["counts"]["annex_indicators"] == 24
