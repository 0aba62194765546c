"""Chinese output reads as Chinese: no English word but ids, and the Chinese forms of signs and units.

Every command that prints, in Chinese on the built-in plan: the only Latin words
left are ids (indicator and target ids, audit rules), class names (III), the pace
ratio's R and qzdc's own name. English output translates the units (亿元 → 100
million yuan) and keeps the Chinese unit beside it in `show`.
"""

from __future__ import annotations

import json
import re

import pytest

from qzdc.plan.loader import load_plan
from qzdc.views.target_text import compared

PLAN = load_plan()
IDS = {i.id for i in PLAN.indicators} | {t.id for t in PLAN.targets} | {PLAN.meta.id}
ALLOWED = {"I", "II", "III", "IV", "V", "R", "qzdc", "ESG"}  # ESG: the plan's own word (附件3)

COMMANDS = [
    ["status"],
    ["status", "--format", "markdown"],
    ["status", "--as-of", "2024"],
    ["audit", "--format", "markdown"],
    ["owners"],
    ["owners", "区农业农村委"],
    ["history", "gdp"],
    ["indicators"],
    ["tasks"],
    ["policies"],
    ["reforms"],
    ["validate"],
    ["report"],
    ["calc", "cagr", "--from", "34", "--to", "67", "--years", "3"],
    ["calc", "grow", "--from", "75.33", "--rate", "7.5", "--years", "2"],
    ["calc", "remaining", "--target-rate", "20", "--period", "3", "--observed", "17.4"],
    ["calc", "years", "--from", "34", "--to", "67", "--rate", "25"],
    *(["show", str(n)] for n in range(1, 25)),
    *(["show", t.id] for t in PLAN.targets if PLAN.indicator(t.indicator).annex_no is None),
]


def english_words(text: str) -> set[str]:
    """Latin words that are not ids, codes, files, options or numbers."""
    text = re.sub(r"(?<![\w])-{1,2}[a-z][-\w]*", "", text)  # options
    text = re.sub(r"\$\w+|\S*\.\w+|\w*_\w*|\w*\d\w*", "", text)  # env vars, files, snake_case ids, figures
    return {w for w in re.findall(r"[A-Za-z]+", text) if w not in IDS and w not in ALLOWED}


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_chinese_output_has_no_english_word(cli, args):
    result = cli(*args, env={"COLUMNS": "250"})  # wide: no id broken across lines
    assert result.exit_code == 0, result.stderr
    assert not english_words(result.stdout + result.stderr), english_words(result.stdout + result.stderr)


@pytest.mark.parametrize(
    ("comparator", "value", "ordinal", "zh", "en"),
    [
        (">", 100, False, "超过100", ">100"),
        ("<", 5, False, "低于5", "<5"),
        ("<=", 1.7, False, "1.7以内", "≤1.7"),
        ("~", 20.0, False, "20左右", "≈20"),
        (">=", 20, False, "20以上", "at least 20"),
        ("<", "III", True, "优于III类", "better than III"),
        ("<=", "III", True, "不劣于III类", "III or better"),
        (None, "III", True, "III类", "III"),
    ],
)
def test_comparators_as_each_language_writes_them(comparator, value, ordinal, zh, en):
    assert compared(comparator, value, "zh", ordinal=ordinal) == zh
    assert compared(comparator, value, "en", ordinal=ordinal) == en


@pytest.mark.parametrize("comparator", [">", ">=", "<", "<=", "~"])
@pytest.mark.parametrize("value", [100, 6.5])
def test_a_printed_target_reads_back_as_the_same_comparator(comparator, value):
    """User test 1, finding 8: a table's 超过100 copied into a plan file stays >, its 100以上 stays ≥
    (以上/以下/以内 include the number, 超过/低于 do not: 民法典第一千二百五十九条; docs/plan-format.md)."""
    from qzdc.plan.notation import read_value

    printed = compared(comparator, value, "zh")
    assert read_value(printed) == (comparator, value, "plain"), printed
    if comparator in (">", "<", "<="):  # the symbols English prints read back too (≥ prints as words)
        assert read_value(compared(comparator, value, "en")) == (comparator, value, "plain")


def test_a_strict_target_is_not_printed_with_yi_shang(cli):
    """地区生产总值 力争突破百亿元 is > 100: the table says 超过100, not 100以上 (which reads as ≥)."""
    out = cli("status", env={"COLUMNS": "200"}).stdout
    assert "超过100" in out and "100以上" not in out


def test_the_audit_says_better_than_class_iii_in_chinese(cli):
    out = cli("audit", "--format", "markdown").stdout
    assert "附件1 序号15为不劣于III类，二（三）试点目标为优于III类" in out
    assert "附件1 序号4为20以上，二（三）试点目标为20左右" in out
    assert "<=" not in out and "~" not in out


def test_show_speaks_chinese(cli):
    out = cli("show", "4").stdout
    assert "差距：+2.6个百分点" in out
    assert "按实际速度预计目标年：17.4 %（比目标低2.6个百分点）" in out
    assert "（纵轴 0–20）" in out
    assert "规模以上工业总产值年均增速（%）" in out and "Output of industrial" not in out
    assert "路径 几何" in cli("show", "9").stdout  # 高新技术企业: a count grows by compound growth
    english = cli("show", "4", "--lang", "en").stdout
    assert (
        "gap to the target: +2.6pp" in english and "(2.6 pp below the target)" in english and "(axis 0–20)" in english
    )


@pytest.mark.parametrize(
    ("indicator", "en", "zh"),
    [
        ("gdp", "100 million yuan", "亿元"),
        ("exports", "10,000 US dollars", "万美元"),
        ("grain_sown_area", "10,000 mu", "万亩"),
    ],
)
def test_english_translates_units_and_show_keeps_the_chinese_one(cli, indicator, en, zh):
    from qzdc.i18n import unit_text

    assert unit_text(zh, "en") == en
    assert unit_text(zh, "zh") == zh
    shown = cli("show", indicator, "--lang", "en").stdout
    assert f"({en}, {zh})" in shown
    table = cli("indicators", "--lang", "en", "--format", "markdown").stdout
    assert f"| {en} |" in table and f"| {zh} |" not in table


def _broken_plan(tmp_path, edit_from: str, edit_to: str, file: str = "indicators.yaml"):
    import shutil

    from qzdc.plan.loader import builtin_plan_dir

    plan = tmp_path / "bp"
    shutil.copytree(builtin_plan_dir(), plan)
    path = plan / file
    text = path.read_text(encoding="utf-8")
    assert edit_from in text
    path.write_text(text.replace(edit_from, edit_to, 1), encoding="utf-8")
    return plan


@pytest.mark.parametrize(
    ("file", "edit_from", "edit_to", "problem"),
    [
        ("plan.yaml", "\ntitle:", "\ntitel:", ":1: titel: 未知字段 'titel'（是否应为 title？）"),
        (
            "indicators.yaml",
            "kind: average_growth",
            "kind: average_grwoth",
            ": indicators[0].targets[0].kind: 不能是 'average_grwoth'；可选：'level'、'share'、'average_growth'、"
            "'cumulative'、'cumulative_reduction'、'maintain'、'ordinal'、'milestone'、'relative'、'monitored'"
            "（是否应为 'average_growth'？）",
        ),
        ("indicators.yaml", "    name: ", "    name ", ": YAML 语法错误：缺少应有的冒号“:”（读取键时）"),
        ("indicators.yaml", "annex_no: 2\n", 'annex_no: "2"\n', ": indicators[1].annex_no: 应为整数，实为 '2'"),
    ],
    ids=["unknown field", "a word not allowed", "YAML syntax", "a type"],
)
def test_a_plans_problems_in_chinese(cli, tmp_path, file, edit_from, edit_to, problem):
    """User test 1, finding 12: validate in a Chinese run says what is wrong in Chinese, place and all."""
    plan = _broken_plan(tmp_path, edit_from, edit_to, file)
    result = cli("validate", "--plan", str(plan))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2, lines
    assert lines[0].startswith(str(plan / file)) and lines[0].endswith(problem), lines[0]
    assert lines[1] == f"qzdc：{plan} 中的方案有 1 处问题"
    english = cli("validate", "--plan", str(plan), "--lang", "en").stderr.splitlines()
    assert english[1] == f"qzdc: the plan in {plan} has 1 problem(s)"


def test_a_plan_that_is_not_a_directory_in_chinese(cli):
    result = cli("status", "--plan", "/nonexistent")
    assert result.exit_code == 2
    assert result.stderr == (
        "qzdc：错误：--plan：/nonexistent 不是目录（方案是一个目录，内有 plan.yaml 和 indicators.yaml）\n"
    )


FIGURES = """\
actuals:
  - {indicator: gdp, period: 2025-09, value: 61.5, recorded_at: "2025-10-20T09:00:00+08:00"}
  - {indicator: gdp, period: 2025-09, value: 61.6, recorded_at: "2025-10-21T09:00:00+08:00"}
  - {indicator: exports, period: 2025-Q3, value: 5400, recorded_at: "2025-10-20T09:00:00+08:00"}
"""


def test_show_and_history_say_the_same_of_each_figure(cli):
    """User test 1, finding 15: one entry, one word, as docs/actuals.md has them (已被修订, 基期及以前…)."""
    from pathlib import Path

    Path("actuals.yaml").write_text(FIGURES, encoding="utf-8")
    env = {"COLUMNS": "200"}
    history = cli("history", "gdp", env=env).stdout
    show = cli("show", "gdp", env=env).stdout.split("观测值", 1)[1]
    for words in ("已被修订", "基期及以前：不用于进度判断（以方案基期值为准）"):
        assert words in history and words in show, words
    assert "已被取代" not in show
    data = json.loads(cli("show", "gdp", "--format", "json").stdout)
    assert [(o["period"], o["value"], o["status"]) for o in data["observations"]] == [
        ("2023", 75.33, "baseline"),
        ("2025-09", 61.5, "revised"),
        ("2025-09", 61.6, "used"),
    ]


def test_one_period_has_one_name_in_a_title(cli):
    """2025-09 and 2025-Q3 are both January to September: 2025年1—9月, once (not 2025年9月 and 2025年前三季度)."""
    from pathlib import Path

    Path("actuals.yaml").write_text(FIGURES, encoding="utf-8")
    report = cli("report").stdout
    assert "- 数据截至：2025年1—9月\n" in report
    english = cli("report", "--lang", "en").stdout
    assert "Jan–Sep 2025" in english and "2025-Q3" not in english.split("\n\n", 3)[2]


def test_record_help_names_no_table(cli):
    """record --help: record reads no table, so --year cannot come from one (import's can)."""
    record = "".join(cli("record", "--help").stdout.split())  # across the lines help wraps to
    assert "须连同年份一起写" in record and "表格标题" not in record
    assert "表格标题" in "".join(cli("import", "--help").stdout.split())
    assert "sheet" not in cli("record", "--help", "--lang", "en", env={"COLUMNS": "200"}).stdout.split("--year", 1)[1]


# Item 7: README and 使用指南 show the Chinese forms first, and each of them works as written.
DOCUMENTED = [
    ("README.md", "qzdc status --category 经济发展 --status 存在风险 --status 进度滞后", 0),
    ("README.md", "qzdc status --fail-on 进度滞后", 0),  # the plan's own figures: one at risk, none behind
    ("README.md", "qzdc status --as-of 2025年1-9月", 0),
    ("README.md", "qzdc record 地区生产总值 2024 81.2 --source 区统计局快报", 0),
    ("README.md", "qzdc record 鲤鱼灯舞 2025 完成", 0),
    ("README.md", "qzdc history 地区生产总值", 0),
    ("README.md", "qzdc audit --fail-on 错误", 3),  # the built-in plan has 2 errors
    ("docs/使用指南.md", "qzdc status --status 存在风险 --status 进度滞后", 0),
    ("docs/使用指南.md", "qzdc status --as-of 2025年1-9月", 0),
    ("docs/使用指南.md", "qzdc record 地区生产总值 2024 81.2 --source 区统计局快报", 0),
    ("docs/使用指南.md", "qzdc record 鲤鱼灯舞 2025 完成", 0),
    ("docs/使用指南.md", "qzdc history 地区生产总值", 0),
]


@pytest.mark.parametrize(("doc", "line", "code"), DOCUMENTED, ids=[f"{d} {x}" for d, x, _ in DOCUMENTED])
def test_the_chinese_forms_the_docs_show_work(cli, doc, line, code):
    import shlex
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / doc).read_text(encoding="utf-8")
    assert any(x.startswith(line + " ") or x == line for x in text.splitlines()), f"{doc} no longer shows {line}"
    result = cli(*shlex.split(line)[1:])
    assert result.exit_code == code, result.stderr


@pytest.mark.parametrize(("word", "code"), [("错误", 3), ("error", 3), ("警告", 3), ("warning", 3), ("提示", 2)])
def test_audit_gate_takes_a_severity_in_either_language(cli, word, code):
    result = cli("audit", "--fail-on", word)
    assert result.exit_code == code
    if code == 2:
        assert result.stderr == "qzdc：错误：--fail-on 不能取 '提示'（可选：警告（warning）、错误（error））\n"
    else:
        assert "或更严重" in result.stderr.splitlines()[-1]


def test_a_milestone_reads_as_the_status_table_says_it_everywhere(cli, tmp_path):
    """User test 2, finding C: 完成 / 未完成 (done / not done in English) in record's confirmation,
    history and show's figures, as the status table writes it; the file keeps done / not done."""
    actuals = tmp_path / "actuals.yaml"
    run = lambda *args: cli(*args, "--actuals", str(actuals))  # noqa: E731
    assert run("record", "national_high_tech_zone", "2024", "完成").stderr.startswith(
        "已录入 创建国家高新区 2024 = 完成 → "
    )
    assert run("record", "national_high_tech_zone", "2024", "yes").stderr.startswith(
        "创建国家高新区 2024 = 完成 与原有数据相同"
    )
    assert run("record", "carp_lantern_dance_heritage", "2025", "未完成").stderr.startswith(
        "已录入 鲤鱼灯舞申报国家级非物质文化遗产 2025 = 未完成 → "
    )
    assert "value: done\n" in actuals.read_text(encoding="utf-8")
    assert "value: not done\n" in actuals.read_text(encoding="utf-8")
    history = run("history", "national_high_tech_zone").stdout
    assert re.search(r"^ 2024 +1 +完成 +录入 +采用", history, re.M), history
    assert re.search(
        r"^ 2024 +1 +done +recorded +used", run("history", "national_high_tech_zone", "--lang", "en").stdout, re.M
    )
    show = run("show", "national_high_tech_zone").stdout
    assert re.search(r"^ 2024 +完成 +录入", show, re.M), show
    assert "完成年份：2024" in show and "按实际速度" not in show
    assert '"value": "done"' in run("history", "national_high_tech_zone", "--format", "json").stdout


@pytest.mark.parametrize(
    ("edit_from", "edit_to", "problem"),
    [
        (
            "        value: 8.1\n",
            "        value: 8.1\n        value: 9.1\n",
            "键 'value' 重复（第一次在第 ",  # the hint: YAML 只会默默保留最后一个；请删除或改名其中一个
        ),
        (
            "  - id: fixed_asset_investment_growth\n",
            "  - id: gdp_growth\n",
            ": indicators[1].id: 指标编号 'gdp_growth' 重复",
        ),
        (
            "category: economy",
            "category: econmy",
            ": indicators[0].category: 未知的类别 'econmy'（是否应为 economy？）",
        ),
        (
            '        direction: increase\n        comparator: ">="\n        baseline: {year: 2022, value: 8.0',
            '        direction: increase\n        comparator: "<="\n        baseline: {year: 2022, value: 8.0',
            ": indicators[1].targets[0].comparator: 比较符 '<=' 与方向 increase 矛盾（可用：=, >, >=）",
        ),
    ],
    ids=["duplicate key", "duplicate id", "unknown category", "comparator"],
)
def test_more_of_a_plans_problems_in_chinese(cli, tmp_path, edit_from, edit_to, problem):
    plan = _broken_plan(tmp_path, edit_from, edit_to)
    result = cli("validate", "--plan", str(plan))
    assert result.exit_code == 1
    assert problem in result.stderr, result.stderr
    assert not re.search(r"duplicate|unknown|did you mean", result.stderr), result.stderr


def test_a_task_naming_no_target_in_chinese(cli, tmp_path):
    plan = _broken_plan(tmp_path, "industrial_output_110", "industrial_output_11", file="tasks.yaml")
    result = cli("validate", "--plan", str(plan))
    assert result.exit_code == 1
    assert ".targets[0]: 未知的目标 'industrial_output_11'（是否应为 industrial_output_110？）" in result.stderr
    english = cli("validate", "--plan", str(plan), "--lang", "en").stderr
    assert "unknown target 'industrial_output_11' (did you mean industrial_output_110?)" in english


# User test 1, finding 12 (the rest of it): the plan checks of years and period, annex numbers, fields qzdc fills
# in, flags, the value's own notation, fields of one kind only, names that collide, and pydantic's bounds, each
# one line with its file:line:col, in either language.
PLAN_CHECKS = [
    (
        "plan.yaml",
        "  start: 2023\n  end: 2025\n",
        "  start: 2023\n  end: 2021\n",
        [":13:8: period.end: 实施期结束年（2021）早于起始年（2023）"],
        [":13:8: period.end: the period ends (2021) before it starts (2023)"],
    ),
    (
        "plan.yaml",
        "  at_risk: 0.6\n",
        "  at_risk: 0.99\n",
        [":38:3: thresholds: 判断阈值应依次降低：on_track > at_risk >= off_track"],
        [":38:3: thresholds: thresholds must fall: on_track > at_risk >= off_track"],
    ),
    (
        "plan.yaml",
        "annex_rows: 24",
        "annex_rows: 1000",
        [":17:13: annex_rows: 应不大于 999，实为 1000"],
        [":17:13: annex_rows: expected at most 999, got 1000"],
    ),
    (
        "indicators.yaml",
        "    annex_no: 2\n",
        "    annex_no: 1\n",
        [
            ":42:15: indicators[1].annex_no: 附表序号 1 用了两次（gdp_growth 也用了）",
            ":17:3: indicators: 附表中这些行没有指标：2",
        ],
        [
            ":42:15: indicators[1].annex_no: annex number 1 is used twice (also by gdp_growth)",
            ":17:3: indicators: annex rows without an indicator: 2",
        ],
    ),
    (
        "indicators.yaml",
        "    annex_no: 2\n",
        "    annex_no: 0\n",
        [":42:15: indicators[1].annex_no: 应不小于 1，实为 0"],
        [":42:15: indicators[1].annex_no: expected at least 1, got 0"],
    ),
    (
        "indicators.yaml",
        '        comparator: ">="\n        baseline: {year: 2022, value: 8.0',
        '        comparator: ">="\n        flow: true\n        baseline: {year: 2022, value: 8.0',
        [":54:15: indicators[1].targets[0].flow: 'flow' 由 qzdc 按目标所在的指标填写（请删除；在指标上写 flow: true）"],
        [
            ":54:15: indicators[1].targets[0].flow: 'flow' is filled in by qzdc from the indicator a target is written "
            "under (remove it; set flow: true on the indicator)"
        ],
    ),
    (
        "indicators.yaml",
        "    pilot: false\n    source: {ref: 附件1 序号2",
        "    flags: [pilto]\n    source: {ref: 附件1 序号2",
        [":47:13: indicators[1].flags[0]: 未知的标记 'pilto'（是否应为 pilot？）"],
        [":47:13: indicators[1].flags[0]: unknown flag 'pilto' (did you mean pilot?)"],
    ),
    (
        "indicators.yaml",
        '        comparator: ">="\n        baseline: {year: 2022, value: 8.0, source: {ref: 附件1 序号2}}\n        value: 8.1',
        '        comparator: "<="\n        baseline: {year: 2022, value: 8.0, source: {ref: 附件1 序号2}}\n        value: "≥8.1"',
        [":53:21: indicators[1].targets[0].comparator: 目标值 '≥8.1' 表示 >=，比较符却是 <=（请只保留一个）"],
        [
            ":53:21: indicators[1].targets[0].comparator: the value '≥8.1' says >=, the comparator says <= (keep one of them)"
        ],
    ),
    (
        "indicators.yaml",
        "        value: 8.1\n",
        "        value: 8.1\n        judged_on: target_year\n",
        [
            ":56:20: indicators[1].targets[0].judged_on: judged_on 只用于 maintain 和 ordinal 目标，不用于 average_growth"
        ],
        [
            ":56:20: indicators[1].targets[0].judged_on: judged_on applies to maintain and ordinal targets, "
            "not average_growth"
        ],
    ),
    (
        "indicators.yaml",
        "    name: 固定资产投资额年均增速\n",
        "    name: 地区生产总值 年均增速\n",
        [
            ":44:11: indicators[1].name: '地区生产总值 年均增速' 与 indicators[0].name 的 '地区生产总值年均增速' "
            "会被读作同一个名称（比较名称时不区分全角半角、引号、空格和大小写；请让两个名称区别更大，或在各处写成同一个名称）"
        ],
        [
            ":44:11: indicators[1].name: '地区生产总值 年均增速' reads as the same name as '地区生产总值年均增速' at "
            "indicators[0].name (names are compared ignoring full- or half-width forms, quotes, spaces and case; "
            "make them differ by more, or write one name the same way everywhere)"
        ],
    ),
]


@pytest.mark.parametrize(
    ("file", "edit_from", "edit_to", "chinese", "english"),
    PLAN_CHECKS,
    ids=[
        "period",
        "thresholds",
        "a bound",
        "annex number twice",
        "annex number 0",
        "flow on a target",
        "unknown flag",
        "notation",
        "judged_on",
        "names collide",
    ],
)
def test_a_plans_checks_in_either_language(cli, tmp_path, file, edit_from, edit_to, chinese, english):
    plan = _broken_plan(tmp_path, edit_from, edit_to, file)
    for lang, lines, summary in (
        ("zh", chinese, f"qzdc：{plan} 中的方案有 {len(chinese)} 处问题"),
        ("en", english, f"qzdc: the plan in {plan} has {len(english)} problem(s)"),
    ):
        result = cli("validate", "--plan", str(plan), "--lang", lang)
        assert result.exit_code == 1
        assert result.stderr.splitlines() == [*(f"{plan / file}{line}" for line in lines), summary]


def test_validate_json_carries_a_plans_check_in_the_runs_language(cli, tmp_path):
    plan = _broken_plan(tmp_path, "        value: 8.1\n", "        value: 8.1\n        relative_to: gdp_growth\n")
    for lang, message in (
        ("zh", "relative_to 只用于 relative 目标，不用于 average_growth"),
        ("en", "relative_to applies to relative targets, not average_growth"),
    ):
        result = cli("validate", "--plan", str(plan), "--format", "json", "--lang", lang)
        assert result.exit_code == 1
        [error] = json.loads(result.stdout)["errors"]
        assert (error["line"], error["column"], error["field"], error["message"]) == (
            56,
            22,
            "indicators[1].targets[0].relative_to",
            message,
        )


def test_a_plan_file_missing_in_chinese(cli, plan_copy):
    (plan_copy / "indicators.yaml").unlink()
    result = cli("validate", "--plan", str(plan_copy))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{plan_copy / 'indicators.yaml'}: 找不到文件（方案目录需要 indicators.yaml）",
        f"qzdc：{plan_copy} 中的方案有 1 处问题",
    ]
