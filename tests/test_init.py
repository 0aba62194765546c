"""`qzdc init DIR` and `qzdc init DIR --from 指标表.xlsx|.csv|.docx` (#16 item 5).

The drafts of the two fixture tables (tests/fixtures/init/tables.py: a town
pilot plan's 指标目标清单 and a five-year plan's 主要指标 box) are compared whole
with the YAML expected (tests/fixtures/init/*.yaml), read from each of .xlsx,
.csv and .docx; `validate` passes on every draft; an unreadable row gives its
message and the rest is drafted.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from qzdc.plan.schema import FILES, shipped_text

FIXTURES = Path(__file__).parent / "fixtures" / "init"
_spec = importlib.util.spec_from_file_location("init_tables", FIXTURES / "tables.py")
tables = importlib.util.module_from_spec(_spec)
assert _spec.loader is not None
_spec.loader.exec_module(tables)

# The unreadable row's number as each file shows it: a sheet's or a CSV file's row
# (two title rows, the header, ten rows before it), or the Word table's own row.
UNREADABLE_ROW = {"xlsx": 14, "csv": 14, "docx": 12}


def expected(shape: str, name: str, kind: str) -> str:
    text = (FIXTURES / f"{shape}.{name}.yaml").read_text(encoding="utf-8")
    return text.replace("<SOURCE>", f"{shape}.{kind}").replace("<ROW>", str(UNREADABLE_ROW[kind]))


@pytest.mark.parametrize("kind", ["xlsx", "csv", "docx"])
@pytest.mark.parametrize("shape", ["town", "fyp"])
def test_a_table_is_drafted_as_expected_and_validates(cli, tmp_path, shape, kind):
    source = tables.write(kind, shape, tmp_path)
    plan = tmp_path / shape
    result = cli("init", str(plan), "--from", str(source))
    assert result.exit_code == 0, result.stderr
    assert (plan / "plan.yaml").read_text(encoding="utf-8") == expected(shape, "plan", kind)
    assert (plan / "indicators.yaml").read_text(encoding="utf-8") == expected(shape, "indicators", kind)
    for file_kind in FILES:
        assert (plan / "schema" / f"{file_kind}.schema.json").read_text(encoding="utf-8") == shipped_text(file_kind)
    valid = cli("validate", "--plan", str(plan))
    assert valid.exit_code == 0, valid.stderr
    status = cli("status", "--plan", str(plan), "--format", "json")
    assert status.exit_code == 0, status.stderr
    assert len(json.loads(status.stdout)["targets"]) == {"town": 11, "fyp": 9}[shape]


def test_an_unreadable_row_gives_its_message_and_the_rest_is_drafted(cli, tmp_path):
    source = tables.write("xlsx", "town", tmp_path)
    result = cli("init", str(tmp_path / "town"), "--from", str(source))
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        f"qzdc：{source}：第 14 行（集体经济组织年经营性收入）：2022年“约六十”不是数字；暂作监测写入草稿，请补全"
    )
    assert result.stderr.splitlines()[-1] == (
        f"已起草 11 个指标（其中 1 行数值未读出）；请核对注释中的推断，再运行 qzdc validate --plan {tmp_path / 'town'}"
    )
    english = cli("init", str(tmp_path / "town-en"), "--from", str(source), "--lang", "en")
    assert english.stderr.splitlines()[0] == (
        f"qzdc: {source}: row 14 (集体经济组织年经营性收入): 2022年 '约六十' is not a number; "
        "drafted as monitored, to complete"
    )


def test_the_inferences_of_the_five_year_table(cli, tmp_path):
    """What each cell of the box becomes, read from the plan qzdc loads (not from the text)."""
    source = tables.write("csv", "fyp", tmp_path)
    assert cli("init", str(tmp_path / "fyp"), "--from", str(source)).exit_code == 0
    indicators = json.loads(cli("indicators", "--plan", str(tmp_path / "fyp"), "--format", "json").stdout)
    by_no = {row["annex_no"]: row for row in indicators}
    # 保持在合理区间、各年度视情提出: words, no number → monitored
    assert by_no[1]["kind"] == "monitored"
    # 高于GDP增长 → relative to row 1, 国内生产总值（GDP）增长
    status = json.loads(cli("status", "--plan", str(tmp_path / "fyp"), "--format", "json").stdout)
    targets = {t["annex_no"]: t for t in status["targets"]}
    assert (targets[2]["kind"], targets[2]["relative_to"], targets[2]["comparator"]) == ("relative", "indicator_1", ">")
    # 与GDP增长基本同步 → in step with row 1
    assert (targets[5]["kind"], targets[5]["relative_to"], targets[5]["comparator"]) == ("relative", "indicator_1", "~")
    # 60.6* and 65: a share; the star is 2019's figure, from the box's note
    assert (targets[3]["kind"], targets[3]["baseline"], targets[3]["target"]["value"]) == (
        "share",
        {"year": 2020, "value": 60.6},
        65,
    )
    # ＞7 in 年均/累计 on a 增长 row → an average growth rate above 7
    assert (targets[4]["kind"], targets[4]["comparator"], targets[4]["target"]["value"]) == ("average_growth", ">", 7)
    # ＜5.5 in 年均/累计 → held below 5.5 every year
    assert (targets[6]["kind"], targets[6]["direction"], targets[6]["comparator"]) == ("maintain", "decrease", "<")
    # 〔1〕 with a baseline of 77.3 → 78.3, a change from the baseline
    assert (targets[7]["kind"], targets[7]["target"]["value"], targets[7]["written"]) == ("level", 78.3, "〔1〕")
    # 〔13.5〕 on a 降低 row → a compounded reduction, 约束性
    assert (targets[8]["kind"], targets[8]["target"]["value"], targets[8]["strength"]) == (
        "cumulative_reduction",
        13.5,
        "binding",
    )
    # ＞6.5 in 2025年 with no baseline → held above 6.5
    assert (targets[9]["kind"], targets[9]["comparator"]) == ("maintain", ">")
    assert {t["strength"] for n, t in targets.items() if n != 8 and n != 9} == {"anticipatory"}


def test_a_row_the_validator_refuses_becomes_a_placeholder(cli, tmp_path):
    # 〔120〕 on a 降低 row is a reduction of more than 100 %: no plan can hold it, so the row waits for the analyst.
    source = tmp_path / "t.csv"
    source.write_text(
        "类别,指标,2020年,2025年,年均/累计,属性\n"
        "绿色生态,1.单位GDP能耗降低（%）,—,—,〔120〕,约束性\n"
        "绿色生态,2.森林覆盖率（%）,23.2,24.1,—,约束性\n",
        encoding="utf-8",
    )
    result = cli("init", str(tmp_path / "p"), "--from", str(source))
    assert result.exit_code == 0, result.stderr
    assert (
        "：第 2 行（单位GDP能耗降低）：期内累计降低幅度应在 0 至 100% 之间，不能是 120.0；暂作监测写入草稿"
        in result.stderr
    )
    assert cli("validate", "--plan", str(tmp_path / "p")).stdout == "有效：2 个指标（指标表 2 个），2 个目标\n"


def test_init_writes_a_minimal_valid_commented_plan(cli, tmp_path):
    plan = tmp_path / "new"
    result = cli("init", str(plan))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in plan.iterdir()) == ["indicators.yaml", "observations.yaml", "plan.yaml", "schema"]
    for name in ("plan", "indicators", "observations"):
        first = (plan / f"{name}.yaml").read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=schema/{name}.schema.json"
    assert "#" in (plan / "indicators.yaml").read_text(encoding="utf-8").splitlines()[1]
    assert cli("validate", "--plan", str(plan)).exit_code == 0
    # 30 → 45 家 from 2025 to 2030: (45/30)^(1/5) − 1 = 8.45 % a year still required
    status = json.loads(cli("status", "--plan", str(plan), "--format", "json").stdout)
    firms = next(t for t in status["targets"] if t["id"] == "high_tech_enterprises")
    assert firms["required_now"]["value"] == pytest.approx(8.4471771197)
    assert result.stderr.splitlines()[-1] == f"下一步：修改 {plan} 中的文件，再运行 qzdc validate --plan {plan}"


def test_init_takes_the_years(cli, tmp_path):
    assert cli("init", str(tmp_path / "p"), "--baseline-year", "2022", "--target-year", "2025").exit_code == 0
    text = (tmp_path / "p" / "plan.yaml").read_text(encoding="utf-8")
    assert "period: {start: 2023, end: 2025}" in text and "baseline_year: 2022" in text


def test_init_never_overwrites(cli, tmp_path):
    plan = tmp_path / "p"
    plan.mkdir()
    (plan / "plan.yaml").write_text("mine\n", encoding="utf-8")
    result = cli("init", str(plan))
    assert result.exit_code == 2
    assert result.stderr == f"qzdc：错误：{plan} 已存在且不是空目录：qzdc init 不覆盖任何文件\n"
    assert (plan / "plan.yaml").read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in plan.iterdir()) == ["plan.yaml"]


@pytest.mark.parametrize(
    ("content", "name", "code", "message"),
    [
        ("甲,乙\n1,2\n", "t.csv", 1, "找不到表头"),
        ("指标,基期值,目标值\n企业（家）,1,2\n", "t.csv", 2, "表头没有写出年份"),
        ("", "t.xls", 2, "cannot read .xls; use .xlsx, .csv or .docx"),
    ],
)
def test_init_from_a_table_it_cannot_read(cli, tmp_path, content, name, code, message):
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    result = cli("init", str(tmp_path / "p"), "--from", str(source))
    assert result.exit_code == code
    assert message in result.stderr
    assert not (tmp_path / "p").exists()


def test_years_may_come_from_the_command_line(cli, tmp_path):
    source = tmp_path / "t.csv"
    source.write_text("指标,基期值,目标值\n企业（家）,10,20\n", encoding="utf-8")
    result = cli("init", str(tmp_path / "p"), "--from", str(source), "--baseline-year", "2022", "--target-year", "2025")
    assert result.exit_code == 0, result.stderr
    assert cli("validate", "--plan", str(tmp_path / "p")).exit_code == 0
    text = (tmp_path / "p" / "indicators.yaml").read_text(encoding="utf-8")
    assert re.search(r"baseline: \{year: 2022, value: 10\}", text)


def test_a_rate_beside_a_level_target_is_drafted_as_its_growth_and_audited(cli, tmp_path):
    """User test finding 10: 75 in the target column and 7 in 年均增长〔累计〕 are both the plan's;
    the rate is drafted as the level's growth rate (rate_of), so the audit checks the one against the other:
    52.3 · 1.07⁵ = 73.35 < 75, which needs (75/52.3)^(1/5) − 1 = 7.48 % a year."""
    source = tmp_path / "t.csv"
    source.write_text(
        "类别,指标,单位,2025年,2030年,年均增长〔累计〕,属性\n"
        "经济发展,1.地区生产总值,亿元,52.3,75,7,预期性\n"
        "绿色生态,2.森林覆盖率（%）,,23.2,24.1,〔0.9〕,约束性\n",
        encoding="utf-8",
    )
    plan = tmp_path / "p"
    result = cli("init", str(plan), "--from", str(source))
    assert result.exit_code == 0, result.stderr
    text = (plan / "indicators.yaml").read_text(encoding="utf-8")
    # The 〔0.9〕 restating the share's change is not drafted, but said.
    assert "        # 请核对：同一行“年均增长〔累计〕”列另有“〔0.9〕”，未写入草稿\n" in text
    assert cli("validate", "--plan", str(plan)).stdout == "有效：3 个指标（指标表 2 个），3 个目标\n"
    status = json.loads(cli("status", "--plan", str(plan), "--format", "json").stdout)
    growth = next(t for t in status["targets"] if t["id"] == "indicator_1_growth")
    assert (growth["kind"], growth["target"]["value"], growth["strength"]) == ("average_growth", 7, "anticipatory")
    indicators = json.loads(cli("indicators", "--plan", str(plan), "--format", "json").stdout)
    assert next(i for i in indicators if i["id"] == "indicator_1_growth")["name"] == "地区生产总值年均增速"
    audit = json.loads(cli("audit", "--plan", str(plan), "--format", "json").stdout)
    (finding,) = [f for f in audit["findings"] if f["rule"] == "aspirational_beyond_binding"]
    assert set(finding["subjects"]) == {"indicator_1", "indicator_1_growth"}
    assert "2030年为73.35亿元，达不到预期的75亿元；后者需年均增长7.48%" in finding["message_zh"]
    assert "short of the anticipatory 75" in finding["message"]


def test_a_rate_beside_a_growth_row_is_not_drafted_twice(cli, tmp_path):
    source = tmp_path / "t.csv"
    source.write_text(
        "类别,指标,单位,2025年,2030年,年均增长〔累计〕,属性\n"
        "经济发展,1.地区生产总值,亿元,52.3,75,7.5,预期性\n"
        "经济发展,2.地区生产总值年均增速,%,6,7.5,—,预期性\n",
        encoding="utf-8",
    )
    plan = tmp_path / "p"
    assert cli("init", str(plan), "--from", str(source)).exit_code == 0
    text = (plan / "indicators.yaml").read_text(encoding="utf-8")
    assert "indicator_1_growth" not in text
    assert "# 请核对：同一行“年均增长〔累计〕”列另有“7.5”，未写入草稿" in text
