"""Where the figures live is never a surprise.

A plan of one's own keeps its figures beside it (`DIR/actuals.yaml`), so that
`--plan DIR` reads them from any working directory; the built-in plan keeps
`./actuals.yaml`. status, show and report name the file they read and how many
entries it holds, or say that no figures have been entered.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest


@pytest.fixture
def two_places(tmp_path: Path) -> tuple[Path, Path]:
    here, there = tmp_path / "here", tmp_path / "there"
    here.mkdir()
    there.mkdir()
    return here, there


def test_figures_recorded_with_a_plan_are_seen_with_it_from_anywhere(cli, plan_copy, two_places):
    here, there = two_places
    os.chdir(here)
    recorded = cli("record", "gdp", "2024", "81.3", "--plan", str(plan_copy))
    assert recorded.exit_code == 0, recorded.stderr
    target = plan_copy / "actuals.yaml"
    assert target.is_file() and not (here / "actuals.yaml").exists()
    # the confirmation names the file and the plan it belongs to
    assert f"→ {target}（大足区万古镇“强镇带村”试点实施方案（2023—2025年））" in recorded.stderr
    os.chdir(there)
    status = cli("status", "--plan", str(plan_copy), "--format", "json")
    assert status.exit_code == 0, status.stderr
    gdp = next(t for t in json.loads(status.stdout)["targets"] if t["id"] == "gdp_100")
    assert gdp["latest"] == {"period": "2024", "value": 81.3, "origin": "actuals", "flow": None, "inferred": False}
    # a machine format names the file on stderr
    assert status.stderr.splitlines() == [f"qzdc：数据：{target}，1 条记录"]
    table = cli("status", "--plan", str(plan_copy))
    assert f"数据：{target}，1 条记录" in table.stdout.replace("\n", "")


def test_the_built_in_plan_keeps_the_working_directorys_file(cli, two_places):
    here, there = two_places
    os.chdir(here)
    assert cli("record", "gdp", "2024", "81.3").exit_code == 0
    assert (here / "actuals.yaml").is_file()
    status = cli("status", "--format", "json")
    assert status.stderr.splitlines() == ["qzdc：数据：actuals.yaml，1 条记录"]
    os.chdir(there)
    elsewhere = cli("status", "--format", "json")
    assert elsewhere.stderr.splitlines() == ["qzdc：尚未录入数据：无 actuals.yaml"]


def test_the_explicit_file_still_wins(cli, plan_copy, tmp_path):
    mine = tmp_path / "mine.yaml"
    assert cli("record", "gdp", "2024", "81.3", "--plan", str(plan_copy), "--actuals", str(mine)).exit_code == 0
    assert mine.is_file() and not (plan_copy / "actuals.yaml").exists()
    env = {"QZDC_ACTUALS": str(mine)}
    status = cli("status", "--plan", str(plan_copy), "--format", "csv", "--raw", env=env)
    assert status.stderr.splitlines() == [f"qzdc：数据：{mine}，1 条记录"]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("status",), "尚未录入数据：无 actuals.yaml"),
        (("status", "--format", "markdown"), "尚未录入数据：无 actuals.yaml"),
        (("status", "--lang", "en"), "no figures entered yet: no actuals.yaml"),
        (("show", "gdp"), "尚未录入数据：无 actuals.yaml"),
        (("show", "gdp", "--format", "markdown"), "尚未录入数据：无 actuals.yaml"),
    ],
)
def test_tables_and_documents_say_when_no_figures_were_entered(cli, args, words):
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    assert words in result.stdout.replace("\n", "")
    assert result.stderr == ""


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_show_in_a_machine_format_names_the_file_on_stderr(cli, fmt):
    assert cli("record", "gdp", "2024", "81.3").exit_code == 0
    assert cli("record", "gdp", "2024", "81.4").exit_code == 0
    result = cli("show", "gdp", "--format", fmt)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == ["qzdc：数据：actuals.yaml，2 条记录"]


def test_the_report_names_the_file_in_its_header(cli, tmp_path):
    assert cli("record", "gdp", "2024", "81.3").exit_code == 0
    out = tmp_path / "r.html"
    assert cli("report", "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    # the label once (user test 1, finding 15: not 录入数据：数据：…)
    assert "<dt>录入数据</dt><dd>actuals.yaml，1 条记录</dd>" in html
    markdown = cli("report").stdout
    assert "- 录入数据：actuals.yaml，1 条记录" in markdown and "数据：数据" not in markdown
