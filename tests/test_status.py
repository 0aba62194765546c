"""`qzdc status`, `show` and `owners` on a small fixture plan and on the built-in plan.

Every figure below is worked out by hand from tests/fixtures/mini (see the
comments) or from the plan's own 2023 figures, using docs/methodology.md.
"""

from __future__ import annotations

import json
import math
import re
import shutil
from pathlib import Path

import pytest

MINI = str(Path(__file__).parent / "fixtures" / "mini")
ESC = re.compile(r"\x1b\[")


def close(actual, expected, rel=1e-9):
    """Compare nested JSON, floats within `rel`."""
    if isinstance(expected, float):
        assert isinstance(actual, int | float) and math.isclose(actual, expected, rel_tol=rel, abs_tol=1e-12), (
            actual,
            expected,
        )
    elif isinstance(expected, dict):
        assert set(actual) >= set(expected), set(expected) - set(actual)
        for key, value in expected.items():
            close(actual[key], value, rel)
    elif isinstance(expected, list):
        assert len(actual) == len(expected)
        for a, e in zip(actual, expected, strict=True):
            close(a, e, rel)
    else:
        assert actual == expected, (actual, expected)


# Hand-worked figures for the mini plan (baseline 2022, target 2024, data for 2023):
# firms, geometric 100 → 144: r_req = 1.44^(1/2) − 1 = 20 %; E(2023) = 120; r_obs = 115/100 − 1 = 15 %;
#   R = 15/20 = 0.75 (at risk); r_now = 144/115 − 1 = 25.2173913 %; progress = 15/44 = 34.0909 %;
#   P(2024) = 115·1.15 = 132.25, projected.gap 132.25 − 144 = −11.75 (a projection's gap is value − target,
#   README "The signs of gaps"); years to reach = ln(144/115)/ln(1.15) = 1.609 → 2025.
# output_growth, average 8 % over 2023–2024 after 6 %: r_now = 1.08²/1.06 − 1 = 10.0377358 %;
#   R = 6/10.0377358 = 0.5977444 (off track); progress = 0.06/(1.1664 − 1) = 36.0576923 %; projected 6, its gap 6 − 8 = −2.
# coverage, linear 40 → 46: Δ_req = 3 pp; E(2023) = 43; Δ_obs = 4; R = 4/3; still 2 pp; progress 4/6;
#   P = 48, its gap 48 − 46 = +2; reached in 2023 + 2/4 → 2024.
# income_ratio, decrease 2.0 → ≤1.8: Δ_req = −0.1, Δ_obs = +0.1, R = −1 (moving away); progress −50 %;
#   still −0.3 a year; E(2023) = 1.9; P = 2.2, its gap 2.2 − 1.8 = +0.4.
# projects, cumulative 100 over 2 years after 60: R = (60/1)/(100/2) = 1.2; still 40 a year; E = 50;
#   P = 60 + 60 = 120, its gap 120 − 100 = +20; reached after ceil(100/60) = 2 years → 2024.
MINI_EXPECTED = {
    "firms": {
        "status": "at_risk",
        "pace_ratio": 0.75,
        "progress_pct": 34.0909090909,
        "required_from_baseline": {"value": 20.0, "type": "rate_pct"},
        "observed_pace": {"value": 15.0, "type": "rate_pct"},
        "required_now": {"value": 25.2173913043, "type": "rate_pct"},
        "expected_now": 120.0,
        "projected": {"value": 132.25, "gap": -11.75, "type": "value"},
        "year_reached": 2025,
        "method": "geometric",
    },
    "output_growth": {
        "status": "off_track",
        "pace_ratio": 0.597744360902,
        "progress_pct": 36.0576923077,
        "required_now": {"value": 10.0377358491, "type": "rate_pct"},
        "observed_pace": {"value": 6.0, "type": "rate_pct"},
        "projected": {"value": 6.0, "gap": -2.0, "type": "rate_pct"},
        "method": "average growth",
    },
    "projects": {
        "status": "on_track",
        "pace_ratio": 1.2,
        "progress_pct": 60.0,
        "required_now": {"value": 40.0, "type": "change_per_year"},
        "expected_now": 50.0,
        "projected": {"value": 120.0, "gap": 20.0, "type": "value"},
        "year_reached": 2024,
        "strength": "aspirational",
    },
    "coverage": {
        "status": "on_track",
        "pace_ratio": 4 / 3,
        "progress_pct": 200 / 3,
        "required_now": {"value": 2.0, "type": "change_per_year"},
        "expected_now": 43.0,
        "projected": {"value": 48.0, "gap": 2.0, "type": "value"},
        "year_reached": 2024,
        "method": "linear",
    },
    "income_ratio": {
        "status": "moving_away",
        "pace_ratio": -1.0,
        "progress_pct": -50.0,
        "required_now": {"value": -0.3, "type": "change_per_year"},
        "expected_now": 1.9,
        "projected": {"value": 2.2, "gap": 0.4, "type": "value"},
        "year_reached": None,
    },
    "model_town": {"status": "no_data", "latest": None, "progress_pct": None, "pace_ratio": None},
}


def test_status_json_mini(cli):
    result = cli("status", "--plan", MINI, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema_version"] == 4
    assert data["as_of"] == "2023"
    assert data["plan"]["id"] == "mini"
    assert data["summary"] == {
        "achieved": 0, "on_track": 2, "at_risk": 1, "off_track": 1, "moving_away": 1, "pending": 0, "no_data": 1,
    }  # fmt: skip
    by_id = {t["id"]: t for t in data["targets"]}
    assert list(by_id) == ["firms", "output_growth", "projects", "coverage", "income_ratio", "model_town"]
    for target_id, expected in MINI_EXPECTED.items():
        close(by_id[target_id], expected)
    firms = by_id["firms"]
    assert firms["latest"] == {"period": "2023", "value": 115.0, "origin": "plan", "flow": None, "inferred": False}
    assert firms["baseline"] == {"year": 2022, "value": 100.0}
    assert firms["target"] == {"year": 2024, "value": 144.0}
    required_keys = {
        "id", "indicator", "annex_no", "name", "unit", "kind", "direction", "strength", "baseline", "latest", "target",
        "status", "progress_pct", "pace_ratio", "required_now", "expected_now", "projected", "method",
    }  # fmt: skip
    assert all(required_keys <= set(t) for t in data["targets"])


MINI_TABLE_EN = """\
Small test plan ・ as of 2023 ・ no figures entered yet: no mini/actuals.yaml

 Indicator                     Baseline       Latest   Target   Needed/yr   Progress   Status
 ─────────────────────────────────────────────────────────────────────────────────────────────────
 Economy
 Firms (firms)                      100   115 (2023)      144      25.22%        34%   at risk
 Output growth (%)                    5     6 (2023)        8      10.04%        36%   off track
 New projects (aspirational)          -    60 (2023)      100         +40        60%   on track

 Prosperity
 Coverage (%)                        40    44 (2023)       46        +2pp        67%   on track
 Income ratio                         2   2.1 (2023)    <=1.8        -0.3       -50%   moving away
 Model town                           -            -     done           -          -   no data

on track 2 ・ at risk 1 ・ off track 1 ・ moving away 1 ・ no data 1
"""


def _strip(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


@pytest.fixture
def mini_here(cli) -> str:
    """The small test plan copied into the working directory, so that its actuals file is `mini/actuals.yaml`."""
    shutil.copytree(MINI, "mini")
    return "mini"


def test_status_table_mini_exact(cli, mini_here):
    # English names need room (22 cells) more than the unit (which joins the name) and the annex number do at 100
    # columns; progress stays. Terminal tables draw — and ≤ as - and <=.
    result = cli("status", "--plan", mini_here, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert _strip(result.stdout) == MINI_TABLE_EN


# The progress table's columns, worked by hand for the mini plan (2023–2024, as of 2023; task 1, led by 区经信委
# and supported by 区财政局, carries firms and projects):
# time elapsed (2023 − 2022)/(2024 − 2022) = 50 % for every target with a 2023 figure;
# firms: progress 34.09 % < 50 % → not on schedule; in all 144/115 − 1 = 25.2173913 %; gap 144 − 115 = 29;
# output_growth: status off_track → not on schedule; in all 1.08²/1.06 − 1 = 10.0377358 %; gap 8 − 6 = 2 pp;
# projects: running total 60 (the 2023 flow), 60 % ≥ 50 % → on schedule; 40 still, gap 40;
# coverage: 66.67 % ≥ 50 % → on schedule; 2 pp still, gap 2; income_ratio: −50 % < 50 %; 1.8 − 2.1 = −0.3.
MINI_CSV = (
    "id,indicator,annex_no,category,name,name_en,unit,kind,direction,comparator,strength,pilot,baseline_year,"
    "baseline_value,latest_period,latest_value,latest_origin,actual_2023,actual_2024,latest_flow,latest_inferred,"
    "target_year,target_value,status,final,stale,rests_on,progress_pct,held_periods,held_of,time_elapsed_pct,"
    "on_schedule,pace_ratio,required_now,required_now_type,required_rest,required_rest_type,gap,"
    "required_from_period,required_from_value,ytd_period,ytd_value,ytd_due,ytd_rest_of_year,expected_now,"
    "expected_of,rate_level,rate_level_gap,projected,projected_gap,year_reached,owners_lead,owners_support,method,"
    "notes,source\r\n"
    "firms,firms,1,economy,企业数,Firms,家,level,increase,>=,binding,true,2022,100,2023,115,plan,115,,,false,2024,"
    "144,at_risk,false,false,2023,34.0909090909,,,50,false,0.75,25.2173913043,rate_pct,25.2173913043,rate_pct,29,"
    "2023,115,,,,,120,value,,,132.25,-11.75,2025,区经信委,区财政局,geometric,,附件1 序号1\r\n"
    "output_growth,output_growth,2,economy,产值年均增速,Output growth,%,average_growth,increase,>=,binding,false,"
    "2022,5,2023,6,plan,6,,,false,2024,8,off_track,false,false,2023,36.0576923077,,,50,false,0.597744360902,"
    "10.0377358491,rate_pct,10.0377358491,rate_pct,2,,,,,,,,,,,6,-2,,,,average growth,,附件1 序号2\r\n"
    "projects,projects,,economy,新增项目,New projects,个,cumulative,increase,>=,aspirational,false,,,2023,60,plan,"
    "60,,60,false,2024,100,on_track,false,false,2023,60,,,50,true,1.2,40,change_per_year,40,change,40,2023,60,,,,,"
    "50,running_total,,,120,20,2024,区经信委,区财政局,cumulative,,正文\r\n"
    "coverage,coverage,3,prosperity,覆盖率,Coverage,%,share,increase,>=,binding,true,2022,40,2023,44,plan,44,,,"
    "false,2024,46,on_track,false,false,2023,66.6666666667,,,50,true,1.33333333333,2,change_per_year,2,change,2,"
    "2023,44,,,,,43,value,,,48,2,2024,,,linear,,附件1 序号3\r\n"
    "income_ratio,income_ratio,,prosperity,收入倍差,Income ratio,,level,decrease,<=,binding,false,2022,2,2023,2.1,"
    "plan,2.1,,,false,2024,1.8,moving_away,false,false,2023,-50,,,50,false,-1,-0.3,change_per_year,-0.3,change,"
    "-0.3,2023,2.1,,,,,1.9,value,,,2.2,0.4,,,,linear,,正文\r\n"
    "model_town,model_town,,prosperity,创建示范镇,Model town,,milestone,increase,>=,binding,false,,,,,,,,,,2024,,"
    "no_data,false,false,,,,,,,,,,,,,,,,,,,,,,,,,,,,milestone,nothing recorded,正文\r\n"
)


def test_status_csv_mini_exact(cli):
    result = cli("status", "--plan", MINI, "--format", "csv", "--raw")
    assert result.exit_code == 0, result.stderr
    # The test runner reads stdout as text with universal newlines; the file test checks the CRLF bytes.
    assert result.stdout == MINI_CSV.replace("\r\n", "\n")


MINI_MARKDOWN_ZH = """\
## 小镇试点方案（测试） · 截至2023年 · 尚未录入数据：无 mini/actuals.yaml

### 经济发展

| 序号 | 指标 | 单位 | 基期值 | 最新值 | 当期 | 目标值 | 应达 | 尚需/年 | 差距 | 进度 | 序时进度 | 达序时 | 责任单位 | 状态 |
| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |
| 1 | 企业数 | 家 | 100 | 115 (2023) | — | 144 | 120 | 25.22% | +29 | 34% | 50% | 否 | 区经信委 | 存在风险 |
| 2 | 产值年均增速 | % | 5 | 6 (2023) | — | 8 | — | 10.04% | +2个百分点 | 36% | 50% | 否 | — | 进度滞后 |
|  | 新增项目（力争） | 个 | — | 60 (2023) | 60 | 100 | 50 | +40 | +40 | 60% | 50% | 是 | 区经信委 | 进度正常 |

### 生活富裕

| 序号 | 指标 | 单位 | 基期值 | 最新值 | 当期 | 目标值 | 应达 | 尚需/年 | 差距 | 进度 | 序时进度 | 达序时 | 责任单位 | 状态 |
| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |
| 3 | 覆盖率 | % | 40 | 44 (2023) | — | 46 | 43 | +2个百分点 | +2个百分点 | 67% | 50% | 是 | — | 进度正常 |
|  | 收入倍差 |  | 2 | 2.1 (2023) | — | 1.8以内 | 1.9 | -0.3 | -0.3 | -50% | 50% | 否 | — | 背离目标 |
|  | 创建示范镇 |  | — | — | — | 完成 | — | — | — | — | — | — | — | 暂无数据 |

进度正常 2  存在风险 1  进度滞后 1  背离目标 1  暂无数据 1
"""


def test_status_markdown_mini_exact(cli, mini_here):
    result = cli("status", "--plan", mini_here, "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == MINI_MARKDOWN_ZH


def test_output_file_infers_format_and_writes_csv_with_bom(cli, tmp_path):
    out = tmp_path / "status.csv"
    result = cli("status", "--plan", MINI, "-o", str(out), "--raw")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw[3:].decode("utf-8") == MINI_CSV


def test_format_option_wins_over_extension(cli, tmp_path):
    out = tmp_path / "status.csv"
    result = cli("status", "--plan", MINI, "-o", str(out), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["schema_version"] == 4


def test_unknown_extension_is_a_usage_error(cli, tmp_path):
    result = cli("status", "--plan", MINI, "-o", str(tmp_path / "status.pdf"))
    assert result.exit_code == 2
    assert "无法从文件名 status.pdf 判断格式" in result.stderr
    assert not (tmp_path / "status.pdf").exists()


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["--pilot"], ["firms", "coverage"]),
        (["--category", "prosperity"], ["coverage", "income_ratio", "model_town"]),
        (["--category", "经济发展"], ["firms", "output_growth", "projects"]),
        (
            ["--category", "Economy", "--category", "生活富裕"],
            ["firms", "output_growth", "projects", "coverage", "income_ratio", "model_town"],
        ),
        (["--status", "on_track"], ["projects", "coverage"]),
        (["--status", "at_risk", "--status", "moving_away"], ["firms", "income_ratio"]),
    ],
)
def test_filters(cli, args, ids):
    result = cli("status", "--plan", MINI, "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    assert [t["id"] for t in json.loads(result.stdout)["targets"]] == ids


def test_unknown_category_and_status(cli):
    result = cli("status", "--plan", MINI, "--category", "nothing")
    assert result.exit_code == 2
    assert result.stderr == (
        "qzdc：错误：没有一级指标 'nothing'（一级指标有：经济发展（economy）、生活富裕（prosperity））\n"
    )
    result = cli("status", "--plan", MINI, "--category", "nothing", "--lang", "en")
    assert result.stderr == (
        "qzdc: error: unknown category 'nothing' (categories are economy (经济发展), prosperity (生活富裕))\n"
    )
    result = cli("status", "--plan", MINI, "--status", "great")
    assert result.exit_code == 2
    assert result.stderr.startswith("qzdc：错误：没有状态 'great'（状态有：已实现（achieved）、进度正常（on_track）")


@pytest.mark.parametrize(
    ("gate", "code", "failing"),
    [
        ("at_risk", 3, "qzdc：3 个目标处于“存在风险”或更差：企业数、产值年均增速、收入倍差\n"),
        ("off_track", 3, "qzdc：2 个目标处于“进度滞后”或更差：产值年均增速、收入倍差\n"),
        ("moving_away", 3, "qzdc：1 个目标处于“背离目标”或更差：收入倍差\n"),
    ],
)
def test_fail_on_exits_3_naming_the_failing_targets_as_the_plan_does(cli, gate, code, failing):
    result = cli("status", "--plan", MINI, "--fail-on", gate, "--format", "json")
    assert result.exit_code == code
    assert json.loads(result.stdout)["schema_version"] == 4  # the data is still printed
    assert result.stderr.endswith(failing)


def test_fail_on_in_english_names_the_targets_in_english(cli):
    result = cli("status", "--plan", MINI, "--fail-on", "at_risk", "--format", "json", "--lang", "en")
    assert result.exit_code == 3
    assert result.stderr.endswith("qzdc: 3 target(s) at at risk or worse: Firms; Output growth; Income ratio\n")


def test_fail_on_tells_apart_two_failing_targets_of_one_name_by_their_ids():
    # Two targets set on one indicator (a level and a stretch level) share its name: the gate
    # line adds the target's id to those two only.
    from types import SimpleNamespace

    from qzdc.cli.actions import gate
    from qzdc.errors import GateError
    from qzdc.i18n import set_language

    def row(name: str, target: str) -> SimpleNamespace:
        return SimpleNamespace(
            indicator=SimpleNamespace(name=name, name_en=name),
            target=SimpleNamespace(id=target, strength="binding"),
            assessment=SimpleNamespace(status="off_track"),
        )

    set_language("zh")
    with pytest.raises(GateError) as caught:
        gate([row("产值", "output_a"), row("产值", "output_b"), row("企业数", "firms")], "at_risk")
    assert caught.value.message == "3 个目标处于“存在风险”或更差：产值（output_a）、产值（output_b）、企业数"


def test_fail_on_passes_when_nothing_shown_fails(cli):
    result = cli("status", "--plan", MINI, "--fail-on", "at_risk", "--status", "on_track")
    assert result.exit_code == 0


def test_as_of_ignores_later_data_and_refuses_periods_outside_the_plan(cli):
    result = cli("status", "--plan", MINI, "--as-of", "2024", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["as_of"] == "2024"
    for bad in ("2022", "2025", "2024-Q5", "2024-13", "soon"):
        result = cli("status", "--plan", MINI, "--as-of", bad)
        assert result.exit_code == 2, bad
        assert "--as-of" in result.stderr


def test_no_escape_codes_when_piped_or_no_color(cli):
    for env in ({}, {"NO_COLOR": "1"}, {"TERM": "dumb"}):
        result = cli("status", "--plan", MINI, env=env)
        assert result.exit_code == 0
        assert not ESC.search(result.stdout), env


def test_colour_on_a_terminal(monkeypatch):
    """Status words are coloured on a terminal, and only there."""
    import io

    from qzdc.plan.loader import load_plan
    from qzdc.render.table import to_table
    from qzdc.views.status import build_status, status_view

    class Tty(io.StringIO):
        def isatty(self):
            return True

    plan = load_plan(MINI)
    view = status_view(build_status(plan, plan.observations), "en")
    assert ESC.search(to_table(view, Tty(), width=100))
    monkeypatch.setenv("NO_COLOR", "1")
    assert not ESC.search(to_table(view, Tty(), width=100))


def test_narrow_terminal_drops_secondary_columns(cli):
    result = cli("status", "--plan", MINI, "--lang", "en", env={"COLUMNS": "60"})
    assert result.exit_code == 0
    header = next(line for line in result.stdout.splitlines() if "Indicator" in line)
    assert "Indicator" in header and "Status" in header and "Latest" in header
    assert "Baseline" not in header and "Progress" not in header
    assert max(len(line) for line in result.stdout.splitlines()) <= 60


# ── the built-in plan, from the plan's own 2023 figures ──────────────────────
# 地区生产总值年均增速: 7.5 % a year over 2023–2025, 2023 observed 7.5 %:
#   r_now = (1.075³/1.075)^(1/2) − 1 = 7.5 %, R = 7.5/7.5 = 1 → on_track.
# 规模以上工业总产值年均增速: 20 % a year, 2023 observed 17.4 %:
#   r_now = (1.2³/1.174)^(1/2) − 1 = 21.3215 %, R = 17.4/21.3215 = 0.8161 → at_risk.
# 社会消费品零售总额年均增速: 7.0 % a year, 2023 observed 8.9 %:
#   r_now = (1.07³/1.089)^(1/2) − 1 = 6.0625 %, R = 8.9/6.0625 = 1.4680 → on_track.
# 年经营性收入20万元以上村占比: maintain 100 %; 2023 all 15 villages over 200,000 → 100 → on_track.
# Every other target has no figure after its baseline → no_data.
BUILTIN_EXPECTED = {
    "gdp_growth": ("on_track", 1.0, 7.5),
    "industrial_output_growth": ("at_risk", 0.816077139941, 21.3215137986),
    "retail_sales_growth": ("on_track", 1.46804910316, 6.06246751613),
}


def test_builtin_plan_status_from_the_plans_own_figures(cli):
    result = cli("status", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["as_of"] == "2023"
    by_id = {t["id"]: t for t in data["targets"]}
    assert len(by_id) == 40
    for target_id, (status, ratio, still) in BUILTIN_EXPECTED.items():
        t = by_id[target_id]
        assert t["status"] == status, target_id
        assert t["pace_ratio"] == pytest.approx(ratio, rel=1e-9)
        assert t["required_now"] == {"value": pytest.approx(still, rel=1e-9), "type": "rate_pct"}
    assert by_id["villages_income_over_200k"]["status"] == "on_track"
    others = set(by_id) - set(BUILTIN_EXPECTED) - {"villages_income_over_200k"}
    assert {by_id[i]["status"] for i in others} == {"no_data"}
    assert data["summary"]["on_track"] == 3
    assert data["summary"]["at_risk"] == 1
    assert data["summary"]["no_data"] == 36


def test_builtin_status_table_in_chinese_by_default(cli):
    result = cli("status")
    assert result.exit_code == 0, result.stderr
    assert "截至2023年" in result.stdout
    assert "规模以上工业" in result.stdout  # names wrap in a 100-column table
    assert "存在风险" in result.stdout
    assert "21.32%" in result.stdout
    assert result.stderr == ""


def test_lang_from_environment(cli):
    result = cli("status", "--plan", MINI, env={"QZDC_LANG": "en"})
    assert "as of 2023" in result.stdout
    result = cli("status", "--plan", MINI, env={"QZDC_LANG": "fr"})
    assert result.exit_code == 2


# ── show and owners ──────────────────────────────────────────────────────────


def test_show_by_annex_number_id_and_chinese_name_agree(cli):
    outputs = [
        cli("show", name, "--format", "json").stdout
        for name in ("4", "industrial_output_growth", "规模以上工业总产值年均增速")
    ]
    assert outputs[0] == outputs[1] == outputs[2]
    data = json.loads(outputs[0])
    assert data["indicator"]["annex_no"] == 4
    (target,) = data["targets"]
    assert target["status"] == "at_risk"
    assert target["statements"][0]["quote"] == "规模以上工业总产值年均增速保持在20%左右"
    assert [s["year"] for s in target["path"]] == [2023, 2024, 2025]
    assert target["path"][0]["actual"] == 17.4
    assert data["observations"] == [
        {
            "period": "2023",
            "value": 17.4,
            "origin": "plan",
            "source": "一、试点基础",
            "quote": "规上工业总产值实现74.22亿元、同比增长17.4%",
            "note": None,
            "recorded_at": None,
            "used": True,
            "inferred": False,
            "status": "used",  # as history says it (docs/actuals.md)
        }
    ]


def test_show_geometric_path_year_by_year(cli):
    # 高新技术企业 34 → 67: E(t) = 34·(67/34)^((t−2022)/3): 2023 42.6263, 2024 53.4412.
    result = cli("show", "high_tech_enterprises", "--format", "json")
    path = json.loads(result.stdout)["targets"][0]["path"]
    assert [p["year"] for p in path] == [2022, 2023, 2024, 2025]
    assert [p["required"] for p in path] == pytest.approx([34, 42.6262910145, 53.4411966368, 67], rel=1e-9)


def test_show_table_has_chart_and_figures(cli):
    result = cli("show", "4", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "still required each year: 21.32 %/yr" in out
    assert "pace ratio R: 0.816" in out
    assert "█" in out and "│" in out  # the text chart
    assert "superseded" not in out


def test_show_unknown_indicator_suggests(cli):
    result = cli("show", "高薪技术企业")
    assert result.exit_code == 2
    assert "是否想用 高新技术企业？" in result.stderr
    result = cli("show", "99")
    assert result.exit_code == 2
    assert "没有序号为 99 的指标（附件1的序号为 1 至 24）" in result.stderr


def test_owners_counts_and_one_department(cli):
    result = cli("owners", "--plan", MINI, "--format", "json")
    assert json.loads(result.stdout) == [
        {"department": "区财政局", "task_lead": 0, "task_support": 1, "policy_lead": 1, "reform_lead": 1, "total": 3},
        {"department": "区经信委", "task_lead": 1, "task_support": 0, "policy_lead": 1, "reform_lead": 0, "total": 2},
    ]
    result = cli("owners", "区经信委", "--plan", MINI, "--format", "json")
    data = json.loads(result.stdout)
    assert data["department"] == "区经信委"
    assert data["duties"] == [
        {"item": "task", "number": 1, "name": "培育企业", "role": "lead", "targets": ["firms", "projects"]},
        {"item": "policy", "number": 1, "name": "支持企业发展。", "role": "lead", "targets": []},
    ]
    # ... and the targets it answers for, each with its status (task 1 carries firms and projects).
    assert [(t["id"], t["role"], t["status"]) for t in data["targets"]] == [
        ("firms", "lead", "at_risk"),
        ("projects", "lead", "on_track"),
    ]
    # 区财政局 supports task 1: the same targets, as a supporting department.
    data = json.loads(cli("owners", "区财政局", "--plan", MINI, "--format", "json").stdout)
    assert [(t["id"], t["role"]) for t in data["targets"]] == [("firms", "support"), ("projects", "support")]


def test_owners_builtin_plan_counts_from_the_document(cli):
    # 区农业农村委 leads tasks 4, 8, 11, 12, 13 and supports 5, 9; leads policies 3, 13, 15, 18, 19
    # and reforms 1–9 (附件3).
    result = cli("owners", "--format", "json")
    rows = {r["department"]: r for r in json.loads(result.stdout)}
    assert rows["区农业农村委"] == {
        "department": "区农业农村委", "task_lead": 5, "task_support": 2, "policy_lead": 5, "reform_lead": 9, "total": 21,
    }  # fmt: skip
    assert rows["区金融发展事务中心"]["policy_lead"] == 2
    assert rows["区金融事务发展中心"]["reform_lead"] == 1


def test_owners_unknown_department_suggests(cli):
    result = cli("owners", "区农业农村")
    assert result.exit_code == 2
    assert "是否想用 区农业农村委？" in result.stderr


@pytest.mark.parametrize(
    "typed",
    [
        "乡村医生执业(助理)医师比例",
        "乡村医生执业（助理）医师比例",
        " 乡村医生执业 (助理) 医师比例",
        "24",
        "village_doctors_licensed_share",
    ],
)
def test_an_indicator_is_found_however_it_is_typed(cli, typed):
    result = cli("show", typed, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["indicator"]["annex_no"] == 24


def test_quotes_typed_on_an_english_keyboard(cli):
    result = cli("show", '国家级专精特新"小巨人"企业', "--format", "json")
    assert json.loads(result.stdout)["indicator"]["annex_no"] == 8


def test_title_without_any_figure_says_the_baseline(cli, tmp_path):
    """User test 1, finding 18: with no figure at all the title read 截至—; it states what the table shows."""
    plan = tmp_path / "bare"
    shutil.copytree(Path(__file__).parent / "fixtures" / "mini", plan)
    (plan / "observations.yaml").write_text("observations: []\n", encoding="utf-8")
    out = cli("status", "--plan", str(plan)).stdout
    assert "截至基期（2022年）" in out and "截至—" not in out
    out = cli("status", "--plan", str(plan), "--lang", "en").stdout
    assert "as of the baseline (2022)" in out
