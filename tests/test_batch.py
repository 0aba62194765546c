"""`qzdc batch`: many plans at once, one broken, in every format."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from qzdc.plan.loader import builtin_plan_dir

MINI = Path(__file__).parent / "fixtures" / "mini"
BENCHMARKS = Path(__file__).parents[1] / "benchmarks"


@pytest.fixture
def plans(tmp_path: Path) -> list[str]:
    """Three plans: the built-in one with an actuals file, the mini plan, and a broken one."""
    wangu = tmp_path / "wangu"
    shutil.copytree(builtin_plan_dir(), wangu)
    (wangu / "actuals.yaml").write_text(
        "actuals:\n  - {indicator: exports, period: 2024, value: 7000}\n", encoding="utf-8"
    )
    mini = tmp_path / "mini"
    shutil.copytree(MINI, mini)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "plan.yaml").write_text("schema_version: [\n", encoding="utf-8")
    return [str(wangu), str(broken), str(mini)]


def test_jsonl_names_the_plan_on_every_line_and_goes_on_past_a_broken_plan(cli, plans):
    result = cli("batch", *plans, "--format", "jsonl")
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 40 + 6
    assert {line["plan"] for line in lines} == {"wangu-qzdc-2023-2025", "mini"}
    assert all(line["plan_dir"] in (plans[0], plans[2]) for line in lines)
    exports = next(line for line in lines if line["id"] == "exports")
    # the plan's own actuals file is read: 6090 → 7000 in two years of three
    assert exports["latest"] == {
        "period": "2024", "value": 7000.0, "origin": "actuals", "flow": None, "inferred": False,
    }  # fmt: skip
    # most targets' figures are the plan's own for 2023: the plan is as of 2023 (exports to 2024)
    assert exports["as_of"] == "2023"
    assert "broken/plan.yaml:2:1: YAML 语法错误" in result.stderr
    assert result.stderr.rstrip().endswith(f"qzdc：错误：1 个方案（共 3 个）读取失败：{plans[1]}")


def test_json_has_plans_targets_failures_and_summary(cli, plans):
    result = cli("batch", *plans, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [p["failed"] for p in data["plans"]] == [False, True, False]
    assert data["failures"][0]["dir"] == plans[1]
    assert len(data["targets"]) == 46
    # mini: on_track 2, at_risk 1, off_track 1, moving_away 1, no_data 1; built-in with exports 2024 as well
    assert data["summary"]["moving_away"] == 1
    assert sum(data["summary"].values()) == 46


def test_csv_has_plan_columns(cli, plans):
    result = cli("batch", *plans, "--format", "csv", "--raw")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 46
    assert list(rows[0])[:4] == ["plan", "plan_dir", "as_of", "id"]
    assert {r["plan"] for r in rows} == {"wangu-qzdc-2023-2025", "mini"}


def test_table_is_one_row_per_plan(cli, plans):
    result = cli("batch", *plans, "--lang", "en")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(line.split()[:1] == ["mini"] for line in lines)  # one row per plan: no town in its title, by id
    assert "failed" in result.stdout
    wide = cli("batch", *plans, "--lang", "en", env={"COLUMNS": "200"})
    assert "Small test plan" in wide.stdout  # the English title, whole, where there is room
    assert "failed" in result.stdout


def test_markdown_names_the_plan_on_every_row(cli, plans):
    result = cli("batch", *plans, "--format", "markdown")
    table_rows = [line for line in result.stdout.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert len(table_rows) == 46
    assert all(
        line.split(" | ")[0] in ("| 大足区万古镇“强镇带村”试点实施方案（2023—2025年）", "| 小镇试点方案（测试）")
        for line in table_rows
    )


def test_html_and_xlsx(cli, plans, tmp_path):
    html_path, xlsx_path = tmp_path / "all.html", tmp_path / "all.xlsx"
    assert cli("batch", *plans, "-o", str(html_path)).exit_code == 1
    page = html_path.read_text(encoding="utf-8")
    assert page.count('class="status-row"') == 3 + 46  # the plans table and the targets table
    assert "default-src 'none'" in page and "<script" not in page
    assert cli("batch", *plans, "-o", str(xlsx_path), "--lang", "en").exit_code == 1
    wb = openpyxl.load_workbook(xlsx_path)
    assert wb.sheetnames == ["Plans", "Targets"]
    ws = wb["Targets"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["plan", "plan_dir", "as_of"]
    assert ws.max_row == 47
    ratio = header.index("pace_ratio") + 1
    assert any(isinstance(ws.cell(r, ratio).value, float) for r in range(2, 46))
    assert ws.freeze_panes == "A2"


def test_html_and_xlsx_need_a_file(cli, plans):
    result = cli("batch", *plans, "--format", "xlsx")
    assert result.exit_code == 2


def test_output_file_is_written_whole(cli, plans, tmp_path):
    out = tmp_path / "all.jsonl"
    result = cli("batch", plans[0], plans[2], "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert len(out.read_text(encoding="utf-8").splitlines()) == 46
    assert not list(tmp_path.glob(".all.jsonl.*"))  # no temporary file left behind


def test_filters_apply_to_every_plan(cli, plans):
    result = cli("batch", plans[0], plans[2], "--pilot", "--format", "jsonl")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines and all(line["pilot"] for line in lines)


def test_an_as_of_outside_one_plan_fails_that_plan_only(cli, plans):
    # the mini plan ends in 2024: --as-of 2025 is outside it, inside the built-in plan
    result = cli("batch", plans[0], plans[2], "--as-of", "2025", "--format", "jsonl")
    assert result.exit_code == 1
    assert {json.loads(line)["plan"] for line in result.stdout.splitlines()} == {"wangu-qzdc-2023-2025"}
    assert "不在方案期内" in result.stderr


def test_synthetic_plans_are_valid_and_batch_cleanly(cli, tmp_path):
    subprocess.run([sys.executable, str(BENCHMARKS / "make_plans.py"), "5", str(tmp_path / "towns")], check=True)
    towns = sorted(str(p) for p in (tmp_path / "towns").iterdir())
    result = cli("batch", *towns, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert len({p["id"] for p in data["plans"]}) == 5
    assert len(data["targets"]) == 5 * 40
    assert len({p["title"] for p in data["plans"]}) == 5  # varied names


@pytest.mark.parametrize("name", ["all.jsonl", "all.xlsx"])
def test_no_file_when_every_plan_fails(cli, plans, tmp_path, name):
    out = tmp_path / name
    result = cli("batch", plans[1], "-o", str(out))
    assert result.exit_code == 1
    assert not out.exists()
    assert "wrote" not in result.stderr
    assert not list(tmp_path.glob(f".{name}.*"))


def test_report_to_an_unwritable_path_is_a_usage_error(cli, tmp_path):
    result = cli("report", "-o", str(tmp_path / "missing" / "r.md"))
    assert result.exit_code == 2
    assert "-o：" in result.stderr
