"""The listing commands (`indicators`, `tasks`, `policies`, `reforms`) in every format, and help.

Expected values come from the document (docs/source/plan.txt, parsed in
test_plan_data), not from what qzdc prints.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

import qzdc.cli.commands  # noqa: F401 - registers the commands
from qzdc.cli.app import app
from test_plan_data import ANNEX1, POLICIES, REFORMS, TASK_TEXT

INDICATOR_KEYS = {
    "id",
    "annex_no",
    "category",
    "name",
    "name_en",
    "unit",
    "kind",
    "direction",
    "pilot",
    "baseline",
    "target",
}
CATEGORY_IDS = {
    "经济发展": "economy",
    "创新活力": "innovation",
    "发展潜力": "potential",
    "生态宜居": "ecology",
    "生活富裕": "prosperity",
}


@pytest.fixture
def run(cli):
    """Like `cli` (same scratch working directory), but a crash fails the test."""

    def go(*args: str, env: dict[str, str] | None = None):
        result = CliRunner().invoke(app, list(args), env=env)
        crash = result.exception
        assert crash is None or isinstance(crash, SystemExit), f"qzdc crashed: {crash!r}"
        assert "Traceback" not in result.stderr
        return result

    return go


def ok(result) -> str:
    assert result.exit_code == 0, result.stderr
    return result.stdout


def indicators_json(run, *args: str) -> list[dict]:
    return json.loads(ok(run("indicators", "--format", "json", *args)))


# ── indicators --format json ─────────────────────────────────────────────────


def test_indicators_json_shape(run):
    rows = indicators_json(run)
    assert isinstance(rows, list) and len(rows) == 45
    for row in rows:
        assert set(row) >= INDICATOR_KEYS, row["id"]
        assert isinstance(row["pilot"], bool)
        assert row["annex_no"] is None or isinstance(row["annex_no"], int)
        for key in ("baseline", "target"):
            assert row[key] is None or set(row[key]) == {"year", "value"}, (row["id"], key)
    assert len({row["id"] for row in rows}) == 45
    assert sorted(r["annex_no"] for r in rows if r["annex_no"] is not None) == list(range(1, 25))
    assert sum(r["annex_no"] is None for r in rows) == 21


def test_indicators_json_exact_rows(run):
    by_id = {row["id"]: row for row in indicators_json(run)}
    # Annex 1 序号13: 常住人口城镇化率（%） 63.80 → 68.23, 市级试点指标.
    urbanisation = {k: by_id["urbanisation_rate"][k] for k in INDICATOR_KEYS}
    assert urbanisation == {
        "id": "urbanisation_rate",
        "annex_no": 13,
        "category": "potential",
        "name": "常住人口城镇化率",
        "name_en": "Urbanisation rate of the resident population",
        "unit": "%",
        "kind": "share",
        "direction": "increase",
        "pilot": True,
        "baseline": {"year": 2022, "value": 63.8},
        "target": {"year": 2025, "value": 68.23},
    }
    # Annex 1 序号15: 水质（类） III → III, an ordinal class, not a number.
    water = by_id["water_quality"]
    assert (water["annex_no"], water["unit"], water["kind"], water["pilot"]) == (15, "类", "ordinal", False)
    assert water["baseline"] == {"year": 2022, "value": "III"} and water["target"] == {"year": 2025, "value": "III"}
    # Body only (二（三）): 城乡收入倍差由1.87缩小到1.7以内.
    ratio = by_id["urban_rural_income_ratio"]
    assert ratio["annex_no"] is None
    assert ratio["direction"] == "decrease"
    assert ratio["baseline"] == {"year": 2022, "value": 1.87}
    assert ratio["target"] == {"year": 2025, "value": 1.7}
    # Body only: 力争突破百亿元大关, from 75.33 亿元 in 2023 (一、试点基础).
    gdp = by_id["gdp"]
    assert (gdp["annex_no"], gdp["unit"], gdp["pilot"]) == (None, "亿元", False)
    assert gdp["baseline"] == {"year": 2023, "value": 75.33}
    assert gdp["target"] == {"year": 2025, "value": 100}


@pytest.fixture(scope="module")
def listed() -> list[dict]:
    """`qzdc indicators --format json` on the built-in plan, run once for the 24 row tests."""
    result = CliRunner().invoke(app, ["indicators", "--format", "json"], env={"QZDC_PLAN": None, "QZDC_LANG": None})
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("row", ANNEX1, ids=lambda r: f"annex{r['annex_no']}")
def test_indicators_json_matches_annex1(listed, row):
    got = next(r for r in listed if r["annex_no"] == row["annex_no"])
    assert got["name"] == row["name"]
    assert got["unit"] == row["unit"]
    assert got["pilot"] is row["pilot"]
    assert got["category"] == CATEGORY_IDS[row["category"]]
    assert got["baseline"] == {"year": 2022, "value": row["baseline"]}
    assert got["target"] == {"year": 2025, "value": row["target"]}


def test_indicators_json_english_names(run):
    rows = indicators_json(run, "--lang", "en")
    # JSON carries both names whatever the language; ids do not change.
    assert {r["id"]: r["name_en"] for r in rows}["gdp_growth"] == "Gross regional product, average annual growth"
    assert {r["id"]: r["name"] for r in rows}["gdp_growth"] == "地区生产总值年均增速"


# ── csv, markdown, table ─────────────────────────────────────────────────────


def test_indicators_csv(run):
    text = ok(run("indicators", "--format", "csv", "--raw"))
    assert not text.startswith("\ufeff")  # a BOM only when writing a file
    rows = list(csv.DictReader(io.StringIO(text)))
    header = text.splitlines()[0].split(",")
    assert header[:2] == ["id", "annex_no"]
    assert {"name", "name_en", "unit", "kind", "direction", "pilot", "baseline_value", "target_value"} <= set(header)
    assert len(rows) == 45
    by_id = {r["id"]: r for r in rows}
    # Annex 1 序号6: 出口总额（万美元） 6090 → 7500; raw numbers, no separators.
    exports = by_id["exports"]
    assert (exports["annex_no"], exports["unit"], exports["pilot"]) == ("6", "万美元", "false")
    assert (exports["baseline_year"], exports["baseline_value"]) == ("2022", "6090")
    assert (exports["target_year"], exports["target_value"]) == ("2025", "7500")
    # Annex 1 序号21: 6.01 → 7.74, 市级试点指标.
    income = by_id["rural_income_growth"]
    assert (income["baseline_value"], income["target_value"], income["pilot"]) == ("6.01", "7.74", "true")
    assert by_id["gdp"]["annex_no"] == ""


def test_indicators_markdown(run):
    text = ok(run("indicators", "--format", "markdown"))
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("| "))
    assert "指标" in lines[header] and "单位" in lines[header]
    assert set(lines[header + 1].replace("|", "").split()) <= {"---", "---:"}
    body = [line for line in lines if line.startswith("| ") and not set(line) <= set("|-: ")]
    headers = [line for line in body if line == lines[header]]
    assert len(body) - len(headers) == 45
    assert "| 13 | urbanisation_rate | 常住人口城镇化率 | % |" in text


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_lang_en_uses_english_names(run, fmt):
    # Wide enough that the table does not wrap names inside their cells.
    text = ok(run("indicators", "--format", fmt, "--lang", "en", env={"COLUMNS": "300"}))
    assert "Urbanisation rate of the resident population" in text
    assert "Economy" in text
    assert "常住人口城镇化率" not in text
    zh = ok(run("indicators", "--format", fmt))
    assert "常住人口城镇化率" in zh


def test_lang_from_environment(run):
    text = ok(run("indicators", "--format", "markdown", env={"QZDC_LANG": "en"}))
    assert "Urbanisation rate of the resident population" in text


def test_output_csv_file_has_bom_and_stdout_is_empty(run):
    result = run("indicators", "-o", "out.csv", "--raw")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "out.csv" in result.stderr
    data = Path("out.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 45
    assert {r["id"]: r["name"] for r in rows}["urbanisation_rate"] == "常住人口城镇化率"


@pytest.mark.parametrize(("name", "fmt"), [("out.json", "json"), ("out.md", "markdown")])
def test_output_file_format_from_extension(run, name, fmt):
    result = run("policies", "-o", name)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    data = Path(name).read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8")
    if fmt == "json":
        assert len(json.loads(text)) == 19
    else:
        assert text.count("\n| ") >= 19


def test_unknown_output_extension_is_a_usage_error(run):
    result = run("indicators", "-o", "out.xyz")
    assert result.exit_code == 2
    assert result.stdout == ""


# ── tasks, policies, reforms ─────────────────────────────────────────────────


def test_tasks_json_match_the_document(run):
    rows = json.loads(ok(run("tasks", "--format", "json")))
    assert [r["number"] for r in rows] == list(range(1, 16))
    for row, text in zip(rows, TASK_TEXT, strict=True):
        assert row["name"] == text["name"]
        assert row["lead"] == text["lead"]
        assert row["support"] == text["support"]
    assert rows[0]["targets"] == ["industrial_output_110", "industrial_output_growth"]


@pytest.mark.parametrize(("command", "expected"), [("policies", POLICIES), ("reforms", REFORMS)])
def test_lists_json_match_the_annexes(run, command, expected):
    rows = json.loads(ok(run(command, "--format", "json")))
    assert len(rows) == len(expected)
    for row, doc in zip(rows, expected, strict=True):
        assert (row["number"], row["text"], row["lead"]) == (doc["number"], doc["text"], doc["lead"])


@pytest.mark.parametrize(("command", "count"), [("tasks", 15), ("policies", 19), ("reforms", 12)])
def test_lists_csv_and_markdown(run, command, count):
    rows = list(csv.DictReader(io.StringIO(ok(run(command, "--format", "csv", "--raw")))))
    assert len(rows) == count
    assert "lead" in rows[0]
    # Several departments in one cell, joined the way the document joins them.
    assert any("、" in r["lead"] for r in rows)
    md = ok(run(command, "--format", "markdown"))
    assert md.count("| ---") >= 1
    table = ok(run(command))
    assert table.strip()


def test_policies_csv_row(run):
    rows = list(csv.DictReader(io.StringIO(ok(run("policies", "--format", "csv", "--raw")))))
    # 附件2 序号4: 支持高新区创建国家高新区。 led by four departments.
    assert rows[3]["number"] == "4"
    assert rows[3]["text"] == "支持高新区创建国家高新区。"
    assert rows[3]["lead"] == "区科技局、区发展改革委、区经济信息委、大足高新区"


@pytest.mark.parametrize("command", ["indicators", "tasks", "policies", "reforms"])
def test_listing_a_bad_plan_exits_1_with_places(run, plan_copy, command):
    text = (plan_copy / "plan.yaml").read_text(encoding="utf-8")
    (plan_copy / "plan.yaml").write_text(text.replace("target_year: 2025", "target_yaer: 2025"), encoding="utf-8")
    result = run(command, "--plan", str(plan_copy))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{plan_copy / 'plan.yaml'}:" in result.stderr


# ── help ─────────────────────────────────────────────────────────────────────


def _commands(group, path=()):
    for name, command in group.commands.items():
        yield (*path, name), command
        if hasattr(command, "commands"):
            yield from _commands(command, (*path, name))


COMMANDS = list(_commands(typer.main.get_command(app)))


def test_the_plan_commands_are_registered():
    names = {path[0] for path, _ in COMMANDS}
    assert {"validate", "indicators", "tasks", "policies", "reforms"} <= names


def test_top_level_help(run):
    text = ok(run("--help"))
    for name in ("validate", "indicators", "tasks", "policies", "reforms"):
        assert name in text
