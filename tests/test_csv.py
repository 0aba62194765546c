"""The CSV for people and the CSV for scripts: one rule for every command that writes CSV.

`--format csv` (or `-o x.csv`) is the people's CSV: headers, status words, 是/否
and units in the run's language, codes in words, figures rounded as the table
rounds them and kept numbers (a rate as 21.32%, which Excel reads as a
percentage). `--raw` beside it is the scripts' CSV: the stable columns README.md
documents, keys as headers and raw values, the same in either language. JSON is
untouched. Both keep a text cell that starts like a formula from acting as one.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from qzdc.plan.loader import builtin_plan_dir

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
MINI = str(FIXTURES / "mini")

# The mini plan's status as people read it. The figures are the table's (tests/test_status.py works them
# out by hand): firms 115 → 144 needs 144/115 − 1 = 25.2173913 % in all, shown 25.22%; progress
# (115 − 100)/(144 − 100) = 34.09 % shown 34 as the table shows 34%; R = 0.75.
PEOPLE_ZH = (
    "编号,指标编号,序号,类别,指标,单位,类型,方向,比较,属性,市级试点,基期年份,基期值,最新期间,最新值,最新值来源,"
    "2023年实际,2024年实际,当期,年份为推定,目标年份,目标值,状态,最终,数据陈旧,依据期间,进度（%）,达标期数,判断期数,序时进度（%）,达序时,"
    "速度比 R,尚需/年,至目标年共需,差距,尚需起算期间,尚需起算值,年内期间,年内累计,年内应达,本年尚需,当前应达,应达对照,"
    "按增速目标预计,按增速目标预计差距,按实际速度预计,预计差距,达标年份,牵头单位,配合单位,方法,说明,出处\r\n"
    "firms,firms,1,经济发展,企业数,家,水平值,提高,不低于,约束性,是,2022,100,2023,115,方案,115,,,否,2024,144,"
    "存在风险,否,否,2023,34,,,50,否,0.75,25.22%,25.22%,29,2023,115,,,,,120,最新值,,,132.25,-11.75,2025,区经信委,区财政局,"
    "几何路径（复合增长）,,附件1 序号1\r\n"
    "output_growth,output_growth,2,经济发展,产值年均增速,%,年均增速,提高,不低于,约束性,否,2022,5,2023,6,方案,6,,,否,"
    "2024,8,进度滞后,否,否,2023,36,,,50,否,0.6,10.04%,10.04%,2,,,,,,,,,,,6,-2,,,,年均增速,,附件1 序号2\r\n"
    "projects,projects,,经济发展,新增项目,个,累计,提高,不低于,力争,否,,,2023,60,方案,60,,60,否,2024,100,进度正常,否,"
    "否,2023,60,,,50,是,1.2,40,40,40,2023,60,,,,,50,累计数,,,120,20,2024,区经信委,区财政局,累计,,正文\r\n"
    "coverage,coverage,3,生活富裕,覆盖率,%,比率,提高,不低于,约束性,是,2022,40,2023,44,方案,44,,,否,2024,46,进度正常,"
    "否,否,2023,67,,,50,是,1.33,2,2,2,2023,44,,,,,43,最新值,,,48,2,2024,,,线性路径,,附件1 序号3\r\n"
    "income_ratio,income_ratio,,生活富裕,收入倍差,,水平值,降低,不高于,约束性,否,2022,2,2023,2.1,方案,2.1,,,否,2024,"
    "1.8,背离目标,否,否,2023,-50,,,50,否,-1,-0.3,-0.3,-0.3,2023,2.1,,,,,1.9,最新值,,,2.2,0.4,,,,线性路径,,正文\r\n"
    "model_town,model_town,,生活富裕,创建示范镇,,里程碑,提高,不低于,约束性,否,,,,,,,,,,2024,,暂无数据,否,否,,,,,,,,,"
    ",,,,,,,,,,,,,,,,,里程碑,尚无记录,正文\r\n"
)


def test_the_peoples_csv_in_chinese(cli):
    result = cli("status", "--plan", MINI, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == PEOPLE_ZH.replace("\r\n", "\n")  # the runner reads stdout as text


def test_the_peoples_csv_in_english_translates_words_and_units(cli):
    rows = list(csv.DictReader(io.StringIO(cli("status", "--plan", MINI, "--format", "csv", "--lang", "en").stdout)))
    firms = rows[0]
    assert (firms["Indicator"], firms["Unit"], firms["Status"], firms["Pilot"]) == ("Firms", "firms", "at risk", "yes")
    assert firms["Needed/yr"] == "25.22%" and firms["Progress (%)"] == "34"


def test_the_machine_csv_keeps_the_documented_columns(cli):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = readme.split("The CSV of `status`", 1)[1].split("(`notes` joined", 1)[0]
    keys = [
        k
        for k in re.findall(r"[a-z_0-9]+", documented.split(":", 1)[1])
        if k not in ("one", "per", "year", "of", "the", "plan", "period")
    ]
    keys = [k for k in keys if k != "actual_year"]
    header = cli("status", "--format", "csv", "--raw").stdout.splitlines()[0].split(",")
    assert [k for k in header if not k.startswith("actual_")] == [k for k in keys if not k.startswith("actual_")]
    assert [k for k in header if k.startswith("actual_")] == ["actual_2023", "actual_2024", "actual_2025"]
    # the same in either language: it is for scripts
    assert (
        cli("status", "--format", "csv", "--raw", "--lang", "en").stdout
        == cli("status", "--format", "csv", "--raw").stdout
    )


@pytest.mark.parametrize(
    "args",
    [
        ["status"],
        ["indicators"],
        ["tasks"],
        ["policies"],
        ["reforms"],
        ["owners"],
        ["owners", "区农业农村委"],
        ["history", "gdp"],
        ["audit"],
        ["show", "4"],
        ["calc", "cagr", "--from", "34", "--to", "67", "--years", "3"],
        ["calc", "grow", "--from", "75.33", "--rate", "7.5", "--years", "2"],
        ["calc", "remaining", "--target-rate", "20", "--period", "3", "--observed", "17.4"],
        ["calc", "years", "--from", "6090", "--to", "7500", "--rate", "7"],
    ],
    ids=" ".join,
)
def test_one_rule_for_every_command(cli, args):
    people = cli(*args, "--format", "csv").stdout.splitlines()[0]
    machine = cli(*args, "--format", "csv", "--raw").stdout.splitlines()[0]
    assert re.search(r"[\u4e00-\u9fff]", people), people  # Chinese headers
    assert re.fullmatch(r"[a-z_0-9,]+", machine), machine  # the stable keys


def test_batch_follows_the_rule(cli):
    plans = [str(builtin_plan_dir()), MINI]
    people = list(csv.reader(io.StringIO(cli("batch", *plans, "--format", "csv").stdout)))
    machine = list(csv.reader(io.StringIO(cli("batch", *plans, "--format", "csv", "--raw").stdout)))
    assert people[0][:4] == ["方案", "方案目录", "截至", "编号"] and machine[0][:4] == [
        "plan",
        "plan_dir",
        "as_of",
        "id",
    ]
    builtin = len(json.loads(cli("status", "--format", "json").stdout)["targets"])
    assert len(people) == len(machine) == 1 + builtin + 6
    assert "存在风险" in people[1 + 3]  # the built-in plan's 规模以上工业总产值年均增速


def test_raw_is_for_csv(cli):
    result = cli("status", "--format", "json", "--raw")
    assert result.exit_code == 2
    assert result.stderr.startswith("qzdc：错误：--raw 用于 CSV")
    assert cli("status", "-o", "machine.csv", "--raw").exit_code == 0
    assert Path("machine.csv").read_bytes().startswith(b"\xef\xbb\xbfid,indicator,")


def test_a_formula_stays_text_in_the_peoples_csv():
    from qzdc.render.formats import to_people_csv
    from qzdc.views.view import Column, View

    view = View(data=None, columns=[Column("source", "Source")], rows=[{"source": "=HYPERLINK(1)"}], lang="zh")
    assert to_people_csv(view) == "出处\r\n'=HYPERLINK(1)\r\n"


ACTUALS = """\
actuals:
  - {indicator: exports, period: 2025-Q3, value: 5400, recorded_at: "2025-10-20T09:00:00+08:00"}
  - {indicator: gdp, period: 2024, value: 81.2, recorded_at: "2025-03-01T09:00:00+08:00"}
  - {indicator: gdp, period: 2024, value: 81.3, source: 统计局, note: "=1+1", recorded_at: "2025-04-01T09:00:00+08:00"}
  - {indicator: high_tech_enterprises, period: 2024, value: 67.00, recorded_at: "2025-03-01T09:00:00+08:00"}
"""


@pytest.fixture
def recorded(cli):
    Path("actuals.yaml").write_text(ACTUALS, encoding="utf-8")
    return cli


def test_history_for_people_and_for_scripts(recorded):
    people = recorded("history", "gdp", "--format", "csv").stdout
    assert people == (
        "期间,次,数值,来源类型,出处,录入时间,采用,状态,备注\n"
        "2023,1,75.33,方案,一、试点基础,,否,基期及以前：不用于进度判断（以方案基期值为准）,\n"
        "2024,1,81.2,录入,,2025-03-01T09:00:00+08:00,否,已被修订,\n"
        "2024,2,81.3,录入,统计局,2025-04-01T09:00:00+08:00,是,采用,'=1+1\n"  # the note stays text in Excel
    )
    machine = recorded("history", "gdp", "--format", "csv", "--raw").stdout
    assert machine == (
        "period,revision,value,origin,source,recorded_at,counts,status,note\n"
        "2023,1,75.33,plan,一、试点基础,,false,baseline,\n"
        "2024,1,81.2,actuals,,2025-03-01T09:00:00+08:00,false,revised,\n"
        "2024,2,81.3,actuals,统计局,2025-04-01T09:00:00+08:00,true,used,'=1+1\n"
    )


def test_the_peoples_csv_has_the_notes_and_method_show_has(recorded):
    """User test 1, finding 13: the same Chinese notes as `show` and the workbook's 计算明细."""
    rows = {r["编号"]: r for r in csv.DictReader(io.StringIO(recorded("status", "--format", "csv").stdout))}
    exports = rows["exports"]
    # 5400 by 2025-Q3 against 0.75 × 7500 = 5625 due, R = 5400/5625 = 0.96; 5400/0.75 = 7200 for the year
    note = "年度流量指标：截至2025-Q3为5400，应达5625（2025年路径值7500的75%，按线性分摊）；按此进度全年约7200"
    assert exports["说明"] == note
    assert exports["方法"] == "几何路径（复合增长）：年初至今数对比当年路径值的线性分摊"
    assert (exports["速度比 R"], exports["年内应达"], exports["本年尚需"], exports["状态"]) == (
        "0.96",
        "5625",
        "2100",
        "进度正常",
    )
    shown = recorded("show", "exports", env={"COLUMNS": "400"}).stdout
    assert f"· {note}" in shown
    # a recorded figure as the table shows it, with the decimals it was written with
    firms = rows["high_tech_enterprises"]
    assert (firms["最新值"], firms["2024年实际"], firms["状态"]) == ("67.00", "67.00", "已实现")
    # the machine CSV: the engine's words, joined with "; "
    machine = {r["id"]: r for r in csv.DictReader(io.StringIO(recorded("status", "--format", "csv", "--raw").stdout))}
    assert machine["exports"]["notes"].startswith("yearly flow: 5400 to 2025-Q3 against 5625 due")
    assert machine["exports"]["pace_ratio"] == "0.96"


def test_what_changed_in_either_csv(recorded):
    """`status --since`: a column for before and one for after (the table pairs them in one cell)."""
    people = recorded("status", "--since", "2023", "--format", "csv").stdout
    assert people == (
        "编号,指标,原状态,现状态,原最新值,原期间,现最新值,现期间,原速度比,现速度比\n"
        "exports,出口总额,暂无数据,进度正常,,,5400,2025-Q3,,0.96\n"
        "gdp_100,地区生产总值,暂无数据,进度滞后,,,81.3,2024,,0.52\n"
        "high_tech_enterprises,高新技术企业,暂无数据,已实现,,,67.00,2024,,1.59\n"
    )
    machine = recorded("status", "--since", "2023", "--format", "csv", "--raw").stdout.splitlines()
    assert machine[0] == (
        "id,name,status_before,status_after,latest_before,period_before,latest_after,period_after,"
        "pace_ratio_before,pace_ratio_after"
    )
    # GDP 75.33 (2023) → 100 (2025) needs (100/75.33)^(1/2) − 1 = 15.216 % a year; 81.3 in 2024 is
    # 81.3/75.33 − 1 = 7.925 %: R = 7.925/15.216 = 0.5208, 0.52 for people, unrounded for scripts
    gdp = machine[2].split(",")
    assert gdp[:-1] == ["gdp_100", "地区生产总值", "no_data", "off_track", "", "", "81.3", "2024", ""]
    assert float(gdp[-1]) == pytest.approx(0.5208, abs=5e-5) and len(gdp[-1]) > 6


def test_batch_writes_the_years_of_each_plan_in_words(cli):
    rows = list(csv.DictReader(io.StringIO(cli("batch", MINI, "--format", "csv").stdout)))
    assert rows[0]["各年实际"] == "2023年：115；2024年：—"
    raw = list(csv.DictReader(io.StringIO(cli("batch", MINI, "--format", "csv", "--raw").stdout)))
    assert json.loads(raw[0]["actuals"]) == {"2023": 115, "2024": None}


def test_the_script_readme_documents_reads_the_machine_csv(tmp_path):
    """README's pipe of the status CSV into a script runs as written, and counts what JSON counts."""
    import os
    import subprocess
    import sys

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(x for x in readme.splitlines() if x.startswith("qzdc status --format csv --raw | python3"))
    script = line.split("   #", 1)[0]
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("QZDC_LANG", None)
    run = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    # the built-in plan's own 2023 figures: one target at risk, 规模以上工业总产值年均增速 (R = 17.4/21.32 = 0.82)
    assert run.stdout == "1\n"
