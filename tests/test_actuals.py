"""Recording actuals: `qzdc record` and `qzdc history`, the file format, and the safety of writes.

The concurrency and kill tests run real processes (`python -m qzdc`), not threads:
the lock and the atomic replace are what keep separate processes from tearing
the file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import edit
from qzdc.actuals.splice import render_appended
from qzdc.actuals.store import actuals_path, append_entries, lock_path, parse_entries, read_actuals, read_entries
from qzdc.actuals.values import DONE, NOT_DONE, Entry, check_entry
from qzdc.errors import DataError, UsageError
from qzdc.plan.loader import load_plan
from qzdc.plan.periods import parse_period

# Messages are checked word for word, in English (their Chinese: tests/test_i18n.py).
pytestmark = pytest.mark.usefixtures("english")


NOW = dt.datetime(2026, 11, 29, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
TODAY = NOW.date()
SRC = str(Path(__file__).resolve().parents[1] / "src")


@pytest.fixture(scope="module")
def plan():
    return load_plan()


def entries_in(path: Path) -> list[dict]:
    """The file as PyYAML reads it: what status will see."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))["actuals"]


def run_qzdc(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": SRC}
    env.pop("QZDC_ACTUALS", None)
    return subprocess.run(
        [sys.executable, "-m", "qzdc", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


# ── record, revise, history ───────────────────────────────────────────────────


def test_record_errors_in_chinese(cli):
    result = cli("record", "gdp", "2024", "abc", "--lang", "zh")
    assert (result.exit_code, result.stderr) == (1, "qzdc：错误：地区生产总值应为以亿元计的数字，不能是 'abc'\n")
    result = cli("record", "gdp", "2031", "1", "--lang", "zh")
    assert result.stderr == "qzdc：错误：2031 不在方案期内：方案从 2022 年（基期）到 2025 年\n"
    result = cli("record", "gpd", "2024", "1", "--lang", "zh")
    assert (result.exit_code, result.stderr) == (2, "qzdc：错误：没有指标 'gpd'（是否想用 gdp？）\n")


def test_record_writes_the_file_and_confirms_on_stderr(cli):
    result = cli("record", "gdp", "2024", "81.2", "--source", "区统计局快报", "--note", "快报数", "--lang", "zh")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    # by name, with the file and the plan it belongs to (大足区万古镇“强镇带村”试点实施方案)
    assert result.stderr.startswith("已录入 地区生产总值 2024 = 81.2 亿元 → actuals.yaml（大足区万古镇")
    [entry] = entries_in(Path("actuals.yaml"))
    assert entry["indicator"] == "gdp"
    assert entry["period"] == 2024
    assert entry["value"] == 81.2
    assert entry["source"] == "区统计局快报"
    assert entry["note"] == "快报数"
    assert dt.datetime.fromisoformat(entry["recorded_at"]).tzinfo is not None
    text = Path("actuals.yaml").read_text(encoding="utf-8")
    assert "  - indicator: gdp\n    period: 2024\n    value: 81.2\n    source: 区统计局快报\n" in text


def test_record_by_annex_number_and_chinese_name(cli):
    assert cli("record", "1", "2024", "6.8").exit_code == 0  # 序号 1: 地区生产总值年均增速
    assert cli("record", "辖区淮远河及雍溪河水质", "2024", "Ⅲ类").exit_code == 0
    assert cli("record", "高新技术企业", "2024年", "45").exit_code == 0
    assert cli("record", "national_high_tech_zone", "2025", "2025-03-01").exit_code == 0
    assert cli("record", "carp_lantern_dance_heritage", "2024", "not done").exit_code == 0
    entries = entries_in(Path("actuals.yaml"))
    assert [(e["indicator"], e["period"], e["value"]) for e in entries] == [
        ("gdp_growth", 2024, 6.8),
        ("water_quality", 2024, "III"),
        ("high_tech_enterprises", 2024, 45),
        ("national_high_tech_zone", 2025, dt.date(2025, 3, 1)),
        ("carp_lantern_dance_heritage", 2024, "not done"),
    ]


def test_negative_values_are_values_not_options(cli):
    result = cli("record", "gdp_growth", "2024", "-2.5")
    assert result.exit_code == 0, result.stderr
    assert entries_in(Path("actuals.yaml"))[0]["value"] == -2.5


UNKNOWN_OPTIONS = [
    (["gdp", "2024", "81.2", "--sauce", "x"], "--sauce is not an option of record (did you mean --source?)"),
    (["gdp", "2024", "--sauce=x", "81.2"], "--sauce is not an option of record (did you mean --source?)"),
    (["--nte", "x", "gdp", "2024", "81.2"], "--nte is not an option of record (did you mean --note?)"),
    (
        ["gdp", "2024", "81.2", "-x"],
        "-x is not an option of record (its options are --source, --note, --year, --actuals, --plan, --lang)",
    ),
    (
        ["gdp", "2024", "81.2", "--colour"],
        "--colour is not an option of record (its options are --source, --note, --year, --actuals, --plan, --lang)",
    ),
]


@pytest.mark.parametrize(("args", "message"), UNKNOWN_OPTIONS, ids=[" ".join(a) for a, _ in UNKNOWN_OPTIONS])
def test_an_unknown_option_of_record_is_named(cli, args, message):
    """record lets unknown options through so that -2.5 is a value; a real typo is still named as one."""
    result = cli("record", *args)
    assert result.exit_code == 2, result.stderr
    assert result.stderr.splitlines()[0] == f"qzdc: error: {message}"
    assert "unexpected extra argument" not in result.stderr
    assert not Path("actuals.yaml").exists()


def test_negative_and_not_finite_values_are_still_values(cli):
    for value in ("-2.5", "-.5", "-3"):
        result = cli("record", "gdp_growth", "2024", value)
        assert result.exit_code == 0, result.stderr
    assert [e["value"] for e in entries_in(Path("actuals.yaml"))] == [-2.5, -0.5, -3]
    result = cli("record", "gdp", "2024", "-inf")
    assert result.exit_code == 1 and "Gross regional product takes a finite number, not '-inf'" in result.stderr


def test_one_argument_too_many_is_a_usage_error(cli):
    result = cli("record", "water_quality", "2024", "劣", "V")
    assert result.exit_code == 2
    assert result.stderr.startswith("qzdc: error: record takes INDICATOR PERIOD VALUE; 'V' is one argument too many")
    result = cli("record", "gdp", "2024", "81", "x", "y")
    assert result.exit_code == 2 and "'x y' are arguments too many" in result.stderr
    assert not Path("actuals.yaml").exists()


def test_revision_keeps_the_earlier_figure_and_the_latest_counts(cli, plan):
    assert cli("record", "gdp", "2024", "80.9", "--source", "快报").exit_code == 0
    result = cli("record", "gdp", "2024", "81.2", "--source", "年报", "--lang", "zh")
    assert result.exit_code == 0
    assert "地区生产总值 2024 = 81.2 亿元（原为 80.9）" in result.stderr
    observations = read_actuals(Path("actuals.yaml"), plan)
    assert [o.value for o in observations] == [80.9, 81.2]
    assert all(o.origin == "actuals" for o in observations)

    data = json.loads(cli("history", "gdp", "--format", "json").stdout)
    rows = [(e["period"], e["revision"], e["value"], e["origin"], e["status"], e["counts"]) for e in data["entries"]]
    assert rows == [
        ("2023", 1, 75.33, "plan", "baseline", False),
        ("2024", 1, 80.9, "actuals", "revised", False),
        ("2024", 2, 81.2, "actuals", "used", True),
    ]


def test_a_recorded_value_supersedes_the_plans_own(cli):
    result = cli("record", "gdp_growth", "2023", "7.8", "--lang", "zh")
    assert "地区生产总值年均增速 2023 = 7.8 %（原为方案数 7.5）" in result.stderr
    data = json.loads(cli("history", "gdp_growth", "--format", "json").stdout)
    assert [(e["origin"], e["value"], e["status"]) for e in data["entries"]] == [
        ("plan", 7.5, "superseded"),
        ("actuals", 7.8, "used"),
    ]
    status = json.loads(cli("status", "--format", "json").stdout)
    [target] = [t for t in status["targets"] if t["indicator"] == "gdp_growth"]
    assert target["latest"]["value"] == 7.8


def test_history_order_is_by_period_then_by_arrival(cli):
    for period, value in [("2025-Q3", "60"), ("2024", "80"), ("2025-06", "41"), ("2024", "81"), ("2024-Q3", "58")]:
        assert cli("record", "gdp", period, value).exit_code == 0
    data = json.loads(cli("history", "gdp", "--format", "json").stdout)
    rows = [(e["period"], e["value"], e["status"]) for e in data["entries"]]
    assert rows == [
        ("2023", 75.33, "baseline"),  # the baseline of the 100 亿元 target: not used for status
        ("2024-Q3", 58, "year_figure"),  # the year's own figure supersedes its year-to-date ones
        ("2024", 80, "revised"),
        ("2024", 81, "used"),
        ("2025-06", 41, "used"),
        ("2025-Q3", 60, "used"),
    ]


def history_rows(cli, indicator: str, *more: str) -> list[tuple]:
    data = json.loads(cli("history", indicator, "--format", "json", *more).stdout)
    return [(e["period"], e["value"], e["status"], e["counts"]) for e in data["entries"]]


def test_year_to_date_periods_ending_in_the_same_month_are_one_window(cli):
    """2025-09 and 2025-Q3 both run January to September: the later entry of either revises the earlier."""
    for period, value in [
        ("2025-09", "60"),
        ("2025-Q3", "61"),
        ("2025-H1", "40"),
        ("2025-06", "41"),
        ("2025-Q2", "42"),
    ]:
        assert cli("record", "gdp", period, value).exit_code == 0
    assert history_rows(cli, "gdp")[1:] == [
        ("2025-H1", 40, "revised", False),
        ("2025-06", 41, "revised", False),
        ("2025-Q2", 42, "used", True),
        ("2025-09", 60, "revised", False),
        ("2025-Q3", 61, "used", True),
    ]
    # the other way round: the month revises the quarter
    assert cli("record", "gdp", "2025-09", "62").exit_code == 0
    assert history_rows(cli, "gdp")[-3:] == [
        ("2025-09", 60, "revised", False),
        ("2025-Q3", 61, "revised", False),
        ("2025-09", 62, "used", True),
    ]


def test_a_years_own_figure_supersedes_year_to_date_figures_ending_in_december(cli):
    for period, value in [("2024", "80"), ("2024-12", "79"), ("2024-Q4", "79.5")]:
        assert cli("record", "gdp", period, value).exit_code == 0
    assert history_rows(cli, "gdp")[1:] == [
        ("2024-12", 79, "revised", False),
        ("2024-Q4", 79.5, "year_figure", False),
        ("2024", 80, "used", True),
    ]


def test_figures_at_or_before_the_baseline_are_not_used_for_status(cli):
    """Status judges a target from the plan's baseline; a figure for the baseline year feeds only the audit."""
    before = json.loads(cli("status", "--format", "json").stdout)
    assert cli("record", "9", "2022", "36").exit_code == 0  # 高新技术企业: baseline 2022 = 34
    assert cli("record", "9", "2023", "40").exit_code == 0
    assert history_rows(cli, "9") == [("2022", 36, "baseline", False), ("2023", 40, "used", True)]
    after = json.loads(cli("status", "--format", "json").stdout)
    [target] = [t for t in after["targets"] if t["indicator"] == "high_tech_enterprises"]
    assert target["baseline"] == {"year": 2022, "value": 34.0}
    assert target["latest"]["value"] == 40
    # a growth rate for the baseline year: the average runs from 2023
    assert cli("record", "gdp_growth", "2022", "4.1").exit_code == 0
    assert history_rows(cli, "gdp_growth")[0] == ("2022", 4.1, "baseline", False)
    # the plan's own 2023 GDP is the baseline of the 100 亿元 target (2023 = 75.33)
    assert history_rows(cli, "gdp") == [("2023", 75.33, "baseline", False)]
    assert next(t for t in before["targets"] if t["indicator"] == "gdp")["status"] == "no_data"
    zh = cli("history", "9", "--format", "markdown", "--lang", "zh").stdout
    assert "| 2022 | 1 | 36 | 录入 | 基期及以前：不用于进度判断（以方案基期值为准） |" in zh
    assert "| 2023 | 1 | 40 | 录入 | 采用 |" in zh
    en = cli("history", "9", "--format", "markdown", "--lang", "en").stdout
    assert (
        "| 2022 | 1 | 36 | recorded | at or before the baseline: not used for status (the plan's baseline counts) |"
        in en
    )


def test_history_formats(cli):
    cli("record", "gdp", "2024", "81.2", "--source", "年报")
    table = cli("history", "gdp", "--lang", "en")
    assert table.exit_code == 0
    assert "Gross regional product (gdp, 100 million yuan) - history" in table.stdout  # — drawn as -
    assert "superseded" not in table.stdout
    assert " used " in table.stdout
    csv_text = cli("history", "gdp", "--format", "csv", "--raw").stdout
    lines = csv_text.splitlines()
    assert lines[0] == "period,revision,value,origin,source,recorded_at,counts,status,note"
    assert lines[1] == "2023,1,75.33,plan,一、试点基础,,false,baseline,"
    assert lines[2].startswith("2024,1,81.2,actuals,年报,2")
    markdown = cli("history", "gdp", "--format", "markdown", "--lang", "zh").stdout
    assert "| 期间 |" in markdown
    assert cli("history", "gdp", "-o", "h.json").exit_code == 0
    assert json.loads(Path("h.json").read_text(encoding="utf-8"))["indicator"]["id"] == "gdp"


def test_history_of_an_indicator_without_figures(cli):
    result = cli("history", "exports", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["entries"] == []
    assert "no figures for Total exports in the plan" in result.stderr


def test_actuals_file_choice(cli, tmp_path):
    elsewhere = tmp_path / "elsewhere.yaml"
    assert cli("record", "gdp", "2024", "81", "--actuals", str(elsewhere)).exit_code == 0
    assert elsewhere.exists() and not Path("actuals.yaml").exists()
    env_file = tmp_path / "env.yaml"
    assert cli("record", "gdp", "2024", "82", env={"QZDC_ACTUALS": str(env_file)}).exit_code == 0
    assert entries_in(env_file)[0]["value"] == 82
    assert actuals_path(None) == Path("actuals.yaml")
    assert actuals_path(str(elsewhere)) == elsewhere
    with pytest.raises(UsageError, match="is a directory"):
        actuals_path(str(tmp_path))


def test_writing_into_a_directory_that_does_not_exist_is_a_usage_error(cli, tmp_path):
    """A typo in --actuals must not create directories and report success."""
    missing = tmp_path / "nonexistent" / "dir"
    target = missing / "a.yaml"
    Path("data.csv").write_text("指标,期间,数值\ngdp,2024,81.2\n", encoding="utf-8")
    for command in (["record", "gdp", "2024", "81.2"], ["import", "data.csv"]):
        result = cli(*command, "--actuals", str(target))
        assert result.exit_code == 2, result.stderr
        assert result.stderr.startswith("qzdc: error: --actuals: ")
        assert f"the directory {missing} does not exist" in result.stderr
        result = cli(*command, env={"QZDC_ACTUALS": str(target)})
        assert result.exit_code == 2, result.stderr
        assert result.stderr.startswith("qzdc: error: QZDC_ACTUALS: ")
        assert f"the directory {missing} does not exist" in result.stderr
    assert not (tmp_path / "nonexistent").exists()
    # a file where a directory should be
    (tmp_path / "plain").write_text("", encoding="utf-8")
    result = cli("record", "gdp", "2024", "81.2", "--actuals", str(tmp_path / "plain" / "a.yaml"))
    assert result.exit_code == 2 and "is not a directory" in result.stderr


def test_append_entries_never_creates_directories(plan, tmp_path):
    target = tmp_path / "nonexistent" / "a.yaml"
    with pytest.raises(UsageError, match="does not exist"):
        append_entries(target, plan, [{"indicator": "gdp", "period": 2024, "value": 81}], now=NOW)
    assert not (tmp_path / "nonexistent").exists()


READERS = [
    ["status"],
    ["status", "--format", "json"],
    ["show", "gdp"],
    ["audit"],
    ["report", "--format", "markdown"],
    ["history", "gdp"],
]


@pytest.mark.parametrize("command", READERS, ids=[" ".join(c) for c in READERS])
def test_a_named_actuals_file_that_does_not_exist_is_noted(cli, tmp_path, command):
    missing = tmp_path / "nonexist.yaml"
    for how in ("option", "env"):
        if how == "option":
            result = cli(*command, "--actuals", str(missing))
        else:
            result = cli(*command, env={"QZDC_ACTUALS": str(missing)})
        assert result.exit_code in (0, 3), result.stderr  # audit --fail-on is not given: 0
        notes = [line for line in result.stderr.splitlines() if line.startswith("qzdc: note: ")]
        assert notes == [f"qzdc: note: {missing} does not exist; no actuals read"], result.stderr
        assert result.stdout
    # the default ./actuals.yaml missing says nothing
    result = cli(*command)
    assert "qzdc: note:" not in result.stderr


def test_the_fast_status_notes_a_missing_actuals_file_too(tmp_path):
    missing = tmp_path / "nonexist.yaml"
    for _ in range(2):  # the second run is served from the plan cache
        result = run_qzdc("status", "--actuals", str(missing), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stderr.splitlines() == ["qzdc: note: nonexist.yaml does not exist; no actuals read"]
    result = run_qzdc("status", cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == ""


# ── comments and layout ──────────────────────────────────────────────────────

HAND_WRITTEN = """\
# 万古镇 2024 年数据，张三维护
# (kept by hand; qzdc appends below)
actuals:
- indicator: gdp     # 快报
  period: 2024
  value: 80.9
  note: "yes"
# 下面是季度数
- {indicator: gdp, period: 2025-Q3, value: 60}
# end of my entries
"""


def test_comments_and_layout_survive_a_write(cli):
    Path("actuals.yaml").write_text(HAND_WRITTEN, encoding="utf-8")
    assert cli("record", "gdp", "2024", "81.2", "--note", "no").exit_code == 0
    text = Path("actuals.yaml").read_text(encoding="utf-8")
    # everything the person wrote is still there, in order, untouched
    lines = iter(text.splitlines())
    for original in HAND_WRITTEN.splitlines():
        assert any(line == original for line in lines), original
    # the new entry follows the file's own indentation (sequences not indented)
    assert '\n- indicator: gdp\n  period: 2024\n  value: 81.2\n  note: "no"\n' in text
    entries = entries_in(Path("actuals.yaml"))
    assert [e["value"] for e in entries] == [80.9, 60, 81.2]
    assert entries[0]["note"] == "yes" and entries[2]["note"] == "no"  # YAML 1.1 would read a bare no as false


def test_a_file_of_comments_only_keeps_them(plan, tmp_path):
    path = tmp_path / "actuals.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    append_entries(path, plan, [{"indicator": "gdp", "period": 2024, "value": 81}], now=NOW)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# nothing yet\nactuals:\n  - indicator: gdp\n")


@pytest.mark.parametrize("text", ["", "\n\n", "  \r\n"], ids=["empty", "blank lines", "blank crlf"])
def test_an_empty_file_gets_the_header_and_a_list(plan, tmp_path, text):
    path = tmp_path / "actuals.yaml"
    path.write_bytes(text.encode("utf-8"))
    append_entries(path, plan, [{"indicator": "gdp", "period": 2024, "value": 81}], now=NOW)
    written = path.read_bytes().decode("utf-8")
    newline = "\r\n" if "\r\n" in text else "\n"
    assert written.startswith(text)  # even blank lines stay: qzdc only appends
    assert written[len(text) :].startswith("# qzdc 实际数据")
    assert f"{newline}actuals:{newline}  - indicator: gdp{newline}    period: 2024{newline}" in written


def test_windows_line_endings_and_bom_are_kept(plan, tmp_path):
    path = tmp_path / "actuals.yaml"
    path.write_bytes(b"\xef\xbb\xbf# notes\r\nactuals:\r\n  - indicator: gdp\r\n    period: 2024\r\n    value: 80\r\n")
    append_entries(path, plan, [{"indicator": "gdp", "period": 2024, "value": 81}], now=NOW)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf# notes\r\nactuals:\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert [e.value for e in read_entries(path, plan)] == [80, 81]


def test_awkward_values_read_back_exactly(plan, tmp_path):
    path = tmp_path / "actuals.yaml"
    entries = [
        {"indicator": "exports", "period": "2024", "value": 1e15, "source": "no", "note": "a: b # c"},
        {
            "indicator": "contracted_investment",
            "period": "2024",
            "value": "1.5e-7",
            "source": "2024",
            "note": "多行\n备注",
        },
    ]
    append_entries(path, plan, entries, now=NOW)
    back = read_entries(path, plan)
    assert [(e.value, e.source, e.note) for e in back] == [(1e15, "no", "a: b # c"), (1.5e-7, "2024", "多行\n备注")]


# Files as people edit them by hand. Each must take new entries with everything
# written in it kept; ruamel's round trip broke several of these (a comment before
# a flow-style entry swallowed a line break in the next entry; a comment between
# flow entries was dropped).
HAND_EDITED = {
    "comment before a flow entry with a trailing comment": (
        "actuals:\n  # c\n  - {indicator: gdp, period: 2024, value: 81.2}   # x\n"
        "  - indicator: 9\n    period: 2024\n    value: 50\n"
    ),
    "comments between flow entries": (
        "actuals:\n  - {indicator: gdp, period: 2023, value: 75}\n  # between\n"
        "  - {indicator: gdp, period: 2024, value: 80}   # trailing\n  # last\n"
    ),
    "blank lines and comments between block entries": (
        "# header\n\nactuals:\n\n  - indicator: gdp   # 快报\n    period: 2024\n    value: 80.9\n\n"
        "  # 修订\n\n  - indicator: gdp\n    period: 2024\n    value: 81\n\n\n"
    ),
    "sequence not indented": "actuals:\n- indicator: gdp\n  period: 2024\n  value: 80\n# end\n",
    "deep indentation": "actuals:\n    -   indicator: gdp\n        period: 2024\n        value: 80\n",
    "no final line break": "actuals:\n  - indicator: gdp\n    period: 2024\n    value: 80  # no newline",
    "a literal block scalar last": "actuals:\n  - indicator: gdp\n    period: 2024\n    value: 80\n    note: |\n      第一行\n      第二行\n",
    "empty actuals": "# 2024 起录入\nactuals:\n# nothing yet\n",
    "empty actuals with a comment on its line": "actuals:   # 待录入\n",
    "comments only": "# 万古镇\n# 张三维护\n",
    "comments only, no final line break": "# 万古镇",
    "a document start marker": "%YAML 1.1\n---\nactuals:\n  - indicator: gdp\n    period: 2024\n    value: 80\n",
    "an empty document": "--- # 待录入\n",
    "a tab after a colon": "actuals:\n  - indicator: gdp\n    period: 2024\n    value:\t80\n",
    "NEL, LS and PS in quotes": 'actuals:\n  - {indicator: gdp, period: 2024, value: 80, note: "a\\Nb\\Lc\\Pd"}\n',
    "a quoted key and anchors": (
        '"actuals":\n  - &first {indicator: gdp, period: 2024, value: 80}\n  - indicator: gdp\n    period: 2025\n    value: 90\n'
    ),
}
# Valid files in a layout that text added at the end cannot extend: each is refused, named, unchanged.
REFUSED = {
    "actuals: []": ("actuals: []   # none yet\n", "actuals is written as a list in brackets (flow style)"),
    "actuals: ~": ("actuals: ~\n", "actuals: is followed by '~'"),
    "actuals: null": ("actuals: null  # none\n", "actuals: is followed by 'null'"),
    "document markers": (
        "---\nactuals:\n  - indicator: gdp\n    period: 2024\n    value: 80\n...\n# after the end\n",
        "the file ends its YAML document with a '...' line",
    ),
    "a flow list": (
        "actuals: [{indicator: gdp, period: 2024, value: 80}]  # flow\n",
        "actuals is written as a list in brackets (flow style)",
    ),
    "a flow list over lines with a trailing comma": (
        "actuals: [\n  {indicator: gdp, period: 2024, value: 80},   # one\n  {indicator: gdp, period: 2025-Q3, value: 60},\n]\n",
        "actuals is written as a list in brackets (flow style)",
    ),
    "a flow mapping at the top": (
        "{actuals: [{indicator: gdp, period: 2024, value: 80}]}\n",
        "the file is written as a mapping in braces (flow style)",
    ),
    "an empty flow mapping at the top": ("{}\n", "the file is written as a mapping in braces (flow style)"),
    "a document of ~": ("~\n", "the file holds '~', not a mapping with actuals:"),
}
NEW = [
    {"indicator": "gdp", "period": "2025-Q3", "value": 61.5, "source": "季报", "note": "no"},
    {"indicator": "water_quality", "period": 2024, "value": "Ⅲ类", "note": "a: b # c"},
]


def _comments(text: str) -> list[str]:
    """The comments in `text` (naively: a # to the end of the line, with no quote after it)."""
    return [m.group(1) for line in text.splitlines() if (m := re.search(r'(?:^|\s)(#[^"]*)$', line))]


def _in_order(wanted: list[str], found: list[str]) -> bool:
    rest = iter(found)
    return all(any(f == w for f in rest) for w in wanted)


@pytest.mark.parametrize("layout", [pytest.param(v, id=k) for k, v in HAND_EDITED.items()])
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["utf8", "bom"])
def test_hand_edited_files_take_new_entries(plan, tmp_path, layout, newline, bom):
    path = tmp_path / "actuals.yaml"
    original = layout.replace("\n", newline)
    path.write_bytes(bom + original.encode("utf-8"))
    before = read_entries(path, plan, today=TODAY)
    result = append_entries(path, plan, NEW, now=NOW)
    assert result.before == before
    after = read_entries(path, plan, today=TODAY)
    assert after == [*before, *result.entries]
    assert [(e.indicator, str(e.period), e.value, e.source, e.note) for e in after[len(before) :]] == [
        ("gdp", "2025-Q3", 61.5, "季报", "no"),
        ("water_quality", "2024", "III", None, "a: b # c"),
    ]
    data = path.read_bytes()
    assert data.startswith(bom) and not data[len(bom) :].startswith(b"\xef\xbb\xbf")
    text = data[len(bom) :].decode("utf-8")
    # the file's own line endings, throughout (a file of one line has none to follow)
    if newline == "\r\n" and "\n" in layout:
        assert "\n" not in text.replace("\r\n", "")
    else:
        assert "\r" not in text
    # every comment a person wrote is still there, in order
    assert _in_order(_comments(original), _comments(text))
    # PyYAML's C loader, which status reads with, agrees
    assert len(yaml.load(text, Loader=yaml.CSafeLoader)["actuals"]) == len(before) + 2


@pytest.mark.parametrize("name", list(HAND_EDITED))
def test_what_was_written_stays_byte_for_byte(plan, tmp_path, name):
    """New entries are added after what is there; nothing already in the file is rewritten."""
    path = tmp_path / "actuals.yaml"
    path.write_text(HAND_EDITED[name], encoding="utf-8")
    append_entries(path, plan, NEW, now=NOW)
    assert path.read_text(encoding="utf-8").startswith(HAND_EDITED[name])


AWKWARD_TEXT = ["yes", "no", "null", "~", "1e3", "0x1F", "2024-01-01", "- x", "[a]", "{b}", "'q'", '"dq"', "#x", "a #b",
                "a: b", "a\tb", "多行\n备注", "\\", "%x", "@x", "`x", "!x", "&x", "*x", "|", ">", "?", "x\u2028y", "…"]  # fmt: skip


@pytest.mark.parametrize("name", list(REFUSED))
def test_a_layout_new_text_cannot_extend_is_named_and_left_alone(plan, tmp_path, name, english):
    layout, construct = REFUSED[name]
    path = tmp_path / "actuals.yaml"
    path.write_text(layout, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        append_entries(path, plan, NEW, now=NOW)
    assert caught.value.message == (
        f"cannot append to {path} without changing what it holds: {construct}; nothing was written"
    )
    assert path.read_text(encoding="utf-8") == layout


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.sampled_from(AWKWARD_TEXT), st.text(min_size=1, max_size=30)))
@pytest.mark.parametrize(
    "layout",
    [
        "actuals:\n  - {indicator: gdp, period: 2024, value: 1}\n",
        "actuals:\n- indicator: gdp\n  period: 2024\n  value: 1\n",
    ],
    ids=["flow entry", "block entry"],
)
def test_any_text_reads_back_as_written(plan, layout, text):
    assume(text.strip())
    entry = Entry("gdp", parse_period("2025-Q3"), 61.5, text.strip(), text.strip(), "2026-11-29T08:30:00+08:00")
    updated = render_appended(layout, [entry])
    after, problems = parse_entries(updated, "actuals.yaml", plan, TODAY)
    assert problems == []
    assert after[-1] == entry


def test_new_block_entries_follow_the_files_indentation(plan, tmp_path):
    path = tmp_path / "actuals.yaml"
    path.write_text(HAND_EDITED["deep indentation"], encoding="utf-8")
    append_entries(path, plan, NEW[:1], now=NOW)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(HAND_EDITED["deep indentation"])
    added = text[len(HAND_EDITED["deep indentation"]) :]
    assert added.startswith("    -   indicator: gdp\n        period: 2025-Q3\n        value: 61.5\n")


def test_a_hand_edited_file_with_flow_entries_and_comments_takes_a_record(cli):
    """The user test's file: every write failed with a YAML syntax error in qzdc's own output."""
    layout = HAND_EDITED["comment before a flow entry with a trailing comment"]
    Path("actuals.yaml").write_text(layout, encoding="utf-8")
    result = cli("record", "gdp", "2024", "82")
    assert result.exit_code == 0, result.stderr
    text = Path("actuals.yaml").read_text(encoding="utf-8")
    assert text.startswith(layout)
    assert [(e["indicator"], e["value"]) for e in entries_in(Path("actuals.yaml"))] == [
        ("gdp", 81.2),
        (9, 50),
        ("gdp", 82),
    ]
    Path("more.csv").write_text("指标,期间,数值\ngdp,2025-Q3,61\n", encoding="utf-8")
    result = cli("import", "more.csv")
    assert result.exit_code == 0, result.stderr
    assert Path("actuals.yaml").read_text(encoding="utf-8").startswith(text)
    assert [e["value"] for e in entries_in(Path("actuals.yaml"))] == [81.2, 50, 82, 61]


# ── bad input: a one-line error, the right exit code, and nothing written ─────

BAD_RECORDS = [
    # (arguments, exit code, the message)
    (["gpd", "2024", "81"], 2, "unknown indicator 'gpd' (did you mean gdp?)"),
    (["生产总值", "2024", "81"], 2, "'生产总值' names more than one indicator: 地区生产总值年均增速 (gdp_growth)"),
    (["99", "2024", "81"], 2, "no indicator has annex number 99"),
    (["gdp", "2024", "abc"], 1, "Gross regional product takes a number in 亿元, not 'abc'"),
    (
        ["water_quality", "2024", "12"],
        1,
        "Water quality class of the Huaiyuan and Yongxi rivers takes a class (I, II, III, IV, V, 劣V), not '12'",
    ),
    (
        ["national_high_tech_zone", "2024", "maybe"],
        1,
        "Recognition as a national high-tech zone is a milestone: write done, not done",
    ),
    (
        ["urbanisation_rate", "2024", "120"],
        1,
        "Urbanisation rate of the resident population is a share in %: 120 is outside 0–100",
    ),
    (
        ["urbanisation_rate", "2024", "-0.5"],
        1,
        "Urbanisation rate of the resident population is a share in %: -0.5 is outside 0–100",
    ),
    (
        ["gdp_growth", "2024", "-100"],
        1,
        "Gross regional product, average annual growth is a growth rate in %: -100 is not above −100",
    ),
    (["high_tech_enterprises", "2024", "-3"], 1, "High-tech enterprises is a count of 家: -3 cannot be negative"),
    (["new_jobs", "2024", "12.5"], 1, "New jobs in the town in the year is a count of 人: 12.5 is not a whole number"),
    (["gdp", "2024", "nan"], 1, "Gross regional product takes a finite number, not 'nan'"),
    (["gdp", "2024", "NaN"], 1, "Gross regional product takes a finite number, not 'NaN'"),
    (["gdp", "2024", "inf"], 1, "Gross regional product takes a finite number, not 'inf'"),
    (["gdp", "2024", "-Infinity"], 1, "Gross regional product takes a finite number, not '-Infinity'"),
    (["gdp", "2025-Q5", "81"], 2, "'2025-Q5' is not a period: quarters run Q1–Q4"),
    (["gdp", "2025-13", "81"], 2, "'2025-13' is not a period: months run 01–12"),
    (["gdp", "last year", "81"], 2, "'last year' is not a period"),
    (["gdp", "2021", "81"], 1, "2021 is outside the plan, which runs from its 2022 baseline to 2025"),
    (["gdp", "2026", "81"], 1, "2026 is outside the plan, which runs from its 2022 baseline to 2025"),
    (["national_high_tech_zone", "2024", "2025-03-01"], 1, "done on 2025-03-01, after the end of 2024"),
]


@pytest.mark.parametrize(("args", "code", "message"), BAD_RECORDS, ids=[" ".join(a) for a, _, _ in BAD_RECORDS])
def test_bad_record_is_refused_and_nothing_is_written(cli, args, code, message):
    assert cli("record", "gdp", "2024", "80").exit_code == 0
    before = Path("actuals.yaml").read_bytes()
    result = cli("record", *args)
    assert result.exit_code == code, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("qzdc: error: ")
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert Path("actuals.yaml").read_bytes() == before


def test_a_bad_record_creates_no_file(cli):
    assert cli("record", "gdp", "2024", "nan").exit_code == 1
    assert not Path("actuals.yaml").exists()


def test_a_period_in_the_future_is_refused(cli, plan_copy):
    # A plan that runs to 2099, so that the period is in the plan but not yet here.
    edit(plan_copy / "plan.yaml", "target_year: 2025", "target_year: 2099")
    edit(plan_copy / "plan.yaml", "  end: 2025", "  end: 2099")
    result = cli("record", "gdp", "2099", "90", "--plan", str(plan_copy))
    assert result.exit_code == 1
    assert "qzdc: error: 2099 is in the future: it can be recorded from 2099-12-01 (today is " in result.stderr
    assert not Path("actuals.yaml").exists()


# The future-period rule: a period may be recorded from the first day of its last month.
FUTURE_RULE = [
    ("2025-09", dt.date(2025, 8, 31), False),
    ("2025-09", dt.date(2025, 9, 1), True),
    ("2025-Q3", dt.date(2025, 8, 31), False),
    ("2025-Q3", dt.date(2025, 9, 1), True),
    ("2025-H1", dt.date(2025, 6, 1), True),
    ("2025", dt.date(2025, 11, 30), False),
    ("2025", dt.date(2025, 12, 1), True),
    ("2024", dt.date(2025, 1, 2), True),
]


@pytest.mark.parametrize(("period", "today", "allowed"), FUTURE_RULE)
def test_future_period_rule(plan, period, today, allowed):
    entry, issues = check_entry(plan, "gdp", period, "80", today=today)
    assert (entry is not None) == allowed, issues
    if not allowed:
        assert issues[0].message.startswith(f"{period} is in the future: it can be recorded from ")


def test_a_milestone_date_in_the_future_is_refused(plan):
    entry, issues = check_entry(plan, "national_high_tech_zone", "2025", "2025-12-20", today=dt.date(2025, 12, 10))
    assert entry is None
    assert issues[0].message == "Recognition as a national high-tech zone: the date 2025-12-20 is in the future"


VALUES = [
    # (indicator, typed, stored)
    ("gdp", "81.2", 81.2),
    ("gdp", "81", 81),
    ("gdp", "８１.２", 81.2),  # full-width digits
    ("exports", "7,123.5", 7123.5),
    ("urbanisation_rate", "63.8%", 63.8),
    ("urbanisation_rate", "100", 100),
    ("urbanisation_rate", "0", 0),
    ("gdp_growth", "−2.5", -2.5),  # a typographic minus
    ("gdp_growth", "150", 150),  # a growth rate has no upper bound
    ("resident_income_growth", "-5", -5),  # the rate of another indicator, without a target of its own
    ("urban_rural_income_ratio", "1.8", 1.8),
    ("high_tech_enterprises", "0", 0),
    ("water_quality", "III", "III"),
    ("water_quality", "iii", "III"),
    ("water_quality", "Ⅲ类", "III"),
    ("water_quality", "劣Ⅴ", "劣V"),
    ("national_high_tech_zone", "done", DONE),
    ("national_high_tech_zone", "已完成", DONE),
    ("national_high_tech_zone", "Not Done", NOT_DONE),
    ("national_high_tech_zone", "2025/3/1", dt.date(2025, 3, 1)),
]


@pytest.mark.parametrize(("indicator", "typed", "stored"), VALUES)
def test_values_are_parsed_by_the_indicators_kind(plan, indicator, typed, stored):
    entry, issues = check_entry(plan, indicator, "2025", typed, today=TODAY)
    assert issues == []
    # a number written with decimals is a float that keeps them (Written, a float); a whole number an int
    assert entry is not None and entry.value == stored and isinstance(entry.value, type(stored))


@pytest.mark.parametrize(
    ("typed", "period"),
    [("2025年9月", "2025-09"), ("2025年第三季度", "2025-Q3"), ("2025Q3", "2025-Q3"), ("2025年上半年", "2025-H1")],
)
def test_periods_as_analysts_write_them(plan, typed, period):
    # a level: 9月 and 第三季度 are its value at the end of the period (a yearly flow's: tests/test_figures_in.py)
    entry, _ = check_entry(plan, "urbanisation_rate", typed, "65", today=TODAY)
    assert entry is not None and entry.period == parse_period(period)


def test_append_entries_checks_everything_before_writing(plan, tmp_path):
    path = tmp_path / "actuals.yaml"
    append_entries(path, plan, [{"indicator": "gdp", "period": 2024, "value": 80}], now=NOW)
    before = path.read_bytes()
    good = {"indicator": "gdp", "period": 2025, "value": 90}
    bad = {"indicator": "urbanisation_rate", "period": 2024, "value": 101}
    with pytest.raises(DataError) as caught:
        append_entries(path, plan, [good, bad], now=NOW)
    assert [p.field for p in caught.value.problems] == ["entries[1].value"]
    assert path.read_bytes() == before


def test_a_failed_replace_leaves_the_file_untouched(plan, tmp_path, monkeypatch):
    path = tmp_path / "actuals.yaml"
    append_entries(path, plan, [{"indicator": "gdp", "period": 2024, "value": 80}], now=NOW)
    before = path.read_bytes()

    def refuse(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(DataError, match="Permission denied"):
        append_entries(path, plan, [{"indicator": "gdp", "period": 2024, "value": 81}], now=NOW)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".actuals.yaml.lock", "actuals.yaml"]


def test_entries_round_trip_as_entries(plan, tmp_path):
    path = tmp_path / "actuals.yaml"
    entry = Entry("gdp", parse_period("2025-Q3"), 61.5, "季报", None, "2025-10-15T09:00:00+08:00")
    result = append_entries(path, plan, [entry], now=NOW)
    assert result.entries == [entry] and result.before == []
    assert read_entries(path, plan) == [entry]
    [obs] = read_actuals(path, plan)
    assert (obs.period, obs.value, obs.source.ref, obs.origin) == ("2025-Q3", 61.5, "季报", "actuals")


# ── a file someone broke by hand ─────────────────────────────────────────────

BROKEN = [
    # (text, where, message)
    ("actuals:\n  - indicator: gdp\n    period: 2024\n   value: 81\n", "actuals.yaml:4:4:", "YAML syntax error"),
    (
        "actuals:\n  - indicator: gdp\n    period: 2024\n    value: 81\n    note: 修订: 年报\n",
        "actuals.yaml:5:13:",
        "YAML syntax error: mapping values are not allowed",
    ),
    (
        "actuals:\n  - indicator: gdp\n    period: 2024\n    value: 81\n    value: 82\n",
        "actuals.yaml:5:5:",
        "duplicate key 'value' (first at line 4)",
    ),
    (
        "actuals:\n  - indicator: gdp\n    period: 2024\n    value: 八十\n",
        "actuals.yaml:4:12: actuals[0].value:",
        "Gross regional product takes a number in 亿元, not '八十'",
    ),
    (
        "actuals:\n  - indicator: gdp\n    period: 2024\n    value: 81\n  - indicator: gpd\n    period: 2024\n    value: 1\n",
        "actuals.yaml:5:16: actuals[1].indicator:",
        "unknown indicator 'gpd' (did you mean gdp?)",
    ),
    (
        "actuals:\n  - indicator: gdp\n    period: 2025-Q5\n    value: 81\n",
        "actuals.yaml:3:13: actuals[0].period:",
        "'2025-Q5' is not a period",
    ),
    (
        "actuals:\n  - indicator: gdp\n    period: 2024\n    valu: 81\n",
        "actuals.yaml:4:5: actuals[0]:",
        "unknown field 'valu' (did you mean value?)",
    ),
    ("actuals:\n  indicator: gdp\n", "actuals.yaml:2:3: actuals:", "actuals must be a list of entries"),
    ("actual:\n  - {indicator: gdp}\n", "actuals.yaml:1:1:", "unknown key 'actual' (did you mean actuals?)"),
]


@pytest.mark.parametrize(("text", "where", "message"), BROKEN, ids=[m for _, _, m in BROKEN])
def test_a_broken_actuals_file_is_reported_with_file_and_line(cli, text, where, message):
    Path("actuals.yaml").write_text(text, encoding="utf-8")
    before = Path("actuals.yaml").read_bytes()
    for command in (["status"], ["history", "gdp"], ["record", "gdp", "2025", "90"]):
        result = cli(*command)
        assert result.exit_code == 1, (command, result.stderr)
        assert result.exception is None
        assert "Traceback" not in result.stderr
        problem = next(line for line in result.stderr.splitlines() if line.startswith(where))
        assert message in problem, result.stderr
        assert result.stderr.splitlines()[-1].startswith("qzdc: actuals.yaml has ")
    assert Path("actuals.yaml").read_bytes() == before


def test_a_non_utf8_actuals_file_is_reported(cli):
    Path("actuals.yaml").write_bytes("actuals:\n  - note: 中文\n".encode("gbk"))
    result = cli("status")
    assert result.exit_code == 1
    assert "actuals.yaml:2: not UTF-8 text" in result.stderr


def test_an_empty_or_missing_file_holds_no_figures(plan, tmp_path):
    assert read_actuals(tmp_path / "none.yaml", plan) == []
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    assert read_actuals(tmp_path / "empty.yaml", plan) == []
    (tmp_path / "bare.yaml").write_text("actuals:\n", encoding="utf-8")
    assert read_actuals(tmp_path / "bare.yaml", plan) == []


def test_reading_does_not_load_the_writer(tmp_path):
    """`status` reads the file on every run: the round-trip writer, the lock and openpyxl stay unloaded."""
    path = tmp_path / "actuals.yaml"
    path.write_text("actuals:\n  - {indicator: gdp, period: 2024, value: 81}\n", encoding="utf-8")
    code = textwrap.dedent(
        f"""
        import sys
        from qzdc.plan.loader import load_plan
        from qzdc.actuals.store import read_actuals
        assert len(read_actuals({str(path)!r}, load_plan())) == 1
        print(sorted(m for m in ("ruamel.yaml", "openpyxl") if m in sys.modules))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": SRC}
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


# ── real processes: concurrency and a writer killed mid-write ─────────────────


def test_32_concurrent_writers_leave_32_entries(tmp_path):
    path = tmp_path / "actuals.yaml"
    env = {**os.environ, "PYTHONPATH": SRC}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "qzdc", "record", "new_jobs", "2024", str(i), "--actuals", str(path)],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(32)
    ]
    results = [(p.wait(timeout=300), *p.communicate()) for p in procs]
    assert [code for code, _, _ in results] == [0] * 32, [err for _, _, err in results if err]
    entries = entries_in(path)
    assert sorted(e["value"] for e in entries) == list(range(32))
    assert read_entries(path, load_plan()) is not None
    assert not list(tmp_path.glob(".actuals.yaml.*.tmp"))


KILLER = """
import os, sys, time
import qzdc.fsutil
from qzdc.actuals.store import append_entries
from qzdc.plan.loader import load_plan

point, path, marker = sys.argv[1:4]
real_fsync, real_replace = os.fsync, os.replace

def stop_here():
    open(marker, "w").close()
    time.sleep(600)

def fsync(fd):
    # the temporary file is written and flushed, not yet in place
    real_fsync(fd)
    if point == "before_replace":
        stop_here()

def replace(src, dst):
    if point == "mid_write":
        # half the new file is in the temporary file
        with open(src, "r+b") as handle:
            data = handle.read()
            handle.seek(0)
            handle.truncate(len(data) // 2)
        stop_here()
    real_replace(src, dst)
    if point == "after_replace":
        stop_here()  # in place, the lock not yet released

os.fsync, os.replace = fsync, replace
append_entries(path, load_plan(), [{"indicator": "gdp", "period": 2025, "value": 99}])
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("point", ["mid_write", "before_replace", "after_replace"])
def test_a_writer_killed_mid_write_leaves_a_valid_file_and_no_stuck_lock(tmp_path, point):
    from qzdc.fsutil import exclusive_lock

    path = tmp_path / "actuals.yaml"
    assert run_qzdc("record", "gdp", "2024", "81", "--actuals", str(path), cwd=tmp_path).returncode == 0
    before = path.read_bytes()
    marker = tmp_path / "stopped"
    env = {**os.environ, "PYTHONPATH": SRC}
    child = subprocess.Popen([sys.executable, "-c", KILLER, point, str(path), str(marker)], env=env, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert child.poll() is None, "the writer ended before the kill point"
            assert time.monotonic() < deadline, "the writer never reached the kill point"
            time.sleep(0.02)
        # The writer holds the lock at this moment.
        with pytest.raises(TimeoutError), exclusive_lock(lock_path(path), timeout=0):
            pass
        if point != "after_replace":
            assert list(tmp_path.glob(".actuals.yaml.*.tmp")), "the temporary file should exist"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    # Old or new, never torn: the file reads, and holds whole entries only.
    values = [e["value"] for e in entries_in(path)]
    if point == "after_replace":
        assert values == [81, 99]
    else:
        assert path.read_bytes() == before
        assert values == [81]

    # The next writer is not blocked: the operating system released the dead writer's lock.
    started = time.monotonic()
    nxt = run_qzdc("record", "gdp", "2025", "100", "--actuals", str(path), cwd=tmp_path, timeout=60)
    assert nxt.returncode == 0, nxt.stderr
    assert time.monotonic() - started < 30
    assert [e["value"] for e in entries_in(path)][-1] == 100
    # and it cleared the dead writer's temporary file
    assert not list(tmp_path.glob(".actuals.yaml.*.tmp"))
