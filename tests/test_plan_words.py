"""A plan's words are the plan's own (#16 item 4).

The names of its indicator table and columns, its categories, its flags and its
item lists come from its files; another plan's output never shows the built-in
plan's (附件1, 市级试点, 试点任务, Wangu …), in any command, format, language or
help page.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest
import typer.main

from qzdc.cli.app import app

FIXTURES = Path(__file__).parent / "fixtures"
FYP = FIXTURES / "fyp"
OTHER_PLANS = [FYP, Path(__file__).resolve().parents[1] / "examples" / "cn-14th-fyp"]

# Words only the built-in plan has: its place, its programme, its annex and list names, its flag, its column.
BUILTIN_ONLY = (
    "万古", "Wangu", "大足", "Dazu", "强镇带村", "附件1", "附件2", "附件3", "Annex 1", "Annex 2", "Annex 3",
    "试点任务", "Pilot tasks", "市级试点", "municipal pilot", "指标目标清单", "Indicator target list",
    "重大政策清单", "重大改革清单", "Major policy", "Major reform", "一级指标",
)  # fmt: skip


def assert_none_of_the_builtin_words(text: str, where: str) -> None:
    found = [w for w in BUILTIN_ONLY if w in text]
    assert not found, f"{where}: {found}"


def _commands(group, path=()):
    for name, command in group.commands.items():
        yield (*path, name)
        if hasattr(command, "commands"):
            yield from _commands(command, (*path, name))


HELP_PATHS = [(), *_commands(typer.main.get_command(app))]


@pytest.mark.parametrize("path", HELP_PATHS, ids=lambda p: " ".join(p) or "qzdc")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_help_page_names_the_builtin_plan(cli, path, lang):
    result = cli(*path, "--help", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    # init's help names the columns it reads, 一级指标 among them: a common header, not only the built-in plan's.
    text = result.stdout.replace("一级指标", "") if path == ("init",) else result.stdout
    assert_none_of_the_builtin_words(text, f"{' '.join(path)} --help --lang {lang}")


def _first_indicator(plan: Path) -> str:
    import yaml

    return yaml.safe_load((plan / "indicators.yaml").read_text(encoding="utf-8").replace(": %\n", ': "%"\n'))[
        "indicators"
    ][0]["id"]


COMMANDS = [
    ("validate",),
    ("tasks",),  # no such list: exit 2, in words of no plan
    ("policies",),
    ("validate", "--format", "json"),
    ("indicators",),
    ("status",),
    ("status", "--since", "2021"),
    ("audit",),
    ("owners",),
    ("report",),
]


@pytest.mark.parametrize("plan", OTHER_PLANS, ids=lambda p: p.name)
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_no_output_of_another_plan_names_the_builtin_plan(cli, plan, lang, fmt):
    indicator = _first_indicator(plan)
    for command in [*COMMANDS, ("show", indicator), ("history", indicator)]:
        args = [*command, "--plan", str(plan), "--lang", lang]
        if command[0] not in ("validate", "report") and "--format" not in command:
            args += ["--format", fmt]
        result = cli(*args, env={"COLUMNS": "200"})
        assert result.exit_code in (0, 1, 2 if command[0] in ("tasks", "policies") else 1), (args, result.stderr)
        assert_none_of_the_builtin_words(result.stdout + result.stderr, " ".join(args))


@pytest.mark.parametrize("plan", OTHER_PLANS, ids=lambda p: p.name)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_document_of_another_plan_names_the_builtin_plan(cli, tmp_path, plan, lang):
    html = tmp_path / "r.html"
    assert cli("report", "--plan", str(plan), "--lang", lang, "-o", str(html)).exit_code == 0
    assert_none_of_the_builtin_words(html.read_text(encoding="utf-8"), "report.html")
    xlsx = tmp_path / "r.xlsx"
    assert cli("report", "--plan", str(plan), "--lang", lang, "-o", str(xlsx)).exit_code == 0
    book = openpyxl.load_workbook(io.BytesIO(xlsx.read_bytes()))
    texts = [*book.sheetnames]
    for sheet in book.worksheets:
        texts += [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert_none_of_the_builtin_words("\n".join(texts), "report.xlsx")
    from docx import Document

    word = tmp_path / "r.docx"
    assert cli("report", "--plan", str(plan), "--lang", lang, "-o", str(word)).exit_code == 0
    document = Document(str(word))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert_none_of_the_builtin_words("\n".join(texts), "report.docx")
    batch = cli("batch", str(plan), "--lang", lang, "--format", "markdown")
    assert_none_of_the_builtin_words(batch.stdout, "batch")
    template = tmp_path / "t.xlsx"
    assert cli("import", "--template", str(template), "--plan", str(plan), "--lang", lang).exit_code == 0
    book = openpyxl.load_workbook(io.BytesIO(template.read_bytes()))
    cells = [str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value is not None]
    assert_none_of_the_builtin_words("\n".join([*book.sheetnames, *cells]), "import --template")


# ── the built-in plan keeps its own words, from its plan.yaml ───────────────


def test_the_builtin_plan_names_its_table_columns_flag_and_lists(cli):
    assert "附件1 序号4 · 市级试点指标" in cli("show", "4").stdout
    assert cli("validate").stdout == "有效：45 个指标（附件1 24 个），40 个目标，15 项任务，19 项政策，12 项改革\n"
    indicators = cli("indicators", env={"COLUMNS": "200"}).stdout
    assert indicators.startswith("指标目标清单") and "市级试点" in indicators
    assert "### 按一级指标" in cli("report").stdout
    assert cli("tasks").stdout.startswith("试点任务")
    assert cli("policies").stdout.startswith("重大政策清单")
    assert cli("reforms", "--lang", "en").stdout.startswith("Major reform list")


def test_pilot_is_the_flag_pilot(cli):
    by_pilot = json.loads(cli("status", "--pilot", "--format", "json").stdout)["targets"]
    by_flag = json.loads(cli("status", "--flag", "pilot", "--format", "json").stdout)["targets"]
    assert by_pilot == by_flag
    # Annex 1's 市级试点指标 are rows 4, 5, 13, 20, 21, 22, 23, 24 (tests/test_plan_data.py reads them from the text).
    assert sorted({t["annex_no"] for t in by_flag}) == [4, 5, 13, 20, 21, 22, 23, 24]
    assert all(t["pilot"] and t["flags"] == ["pilot"] for t in by_flag)


# ── another plan's flags, and none ──────────────────────────────────────────


@pytest.mark.usefixtures("english")  # the message word for word
def test_a_flag_the_plan_does_not_define_is_a_usage_error(cli):
    result = cli("status", "--plan", str(FYP), "--pilot")
    assert result.exit_code == 2
    assert (
        result.stderr == "qzdc: error: the plan fyp-test has no flag 'pilot' (it defines no flags (plan.yaml flags))\n"
    )


def fyp_with(tmp_path: Path, plan_yaml: str) -> Path:
    """A copy of the five-year test plan with `plan_yaml` added to its plan.yaml."""
    plan = tmp_path / "p"
    plan.mkdir()
    for name in ("indicators.yaml", "observations.yaml"):
        (plan / name).write_text((FYP / name).read_text(encoding="utf-8"), encoding="utf-8")
    (plan / "plan.yaml").write_text((FYP / "plan.yaml").read_text(encoding="utf-8") + plan_yaml, encoding="utf-8")
    return plan


def test_a_plan_defines_its_own_flags(cli, tmp_path):
    plan = fyp_with(
        tmp_path,
        "flags:\n  - {id: livelihood, name: 民生实事指标, name_en: livelihood project indicator, label: 民生实事}\n",
    )
    text = (plan / "indicators.yaml").read_text(encoding="utf-8")
    text = text.replace("    name: 城镇调查失业率\n", "    name: 城镇调查失业率\n    flags: [livelihood]\n")
    (plan / "indicators.yaml").write_text(text, encoding="utf-8")
    shown = json.loads(cli("status", "--plan", str(plan), "--flag", "livelihood", "--format", "json").stdout)
    assert [t["id"] for t in shown["targets"]] == ["unemployment"]
    listing = cli("indicators", "--plan", str(plan), env={"COLUMNS": "200"}).stdout
    assert "民生实事" in listing
    assert "仅民生实事指标" in cli("report", "--plan", str(plan), "--flag", "livelihood").stdout
    # An undeclared flag is the indicator file's mistake, with its place.
    (plan / "indicators.yaml").write_text(text.replace("[livelihood]", "[livelyhood]"), encoding="utf-8")
    result = cli("validate", "--plan", str(plan), "--lang", "en")
    assert result.exit_code == 1
    assert "indicators[3].flags[0]: unknown flag 'livelyhood' (did you mean livelihood?)" in result.stderr


@pytest.mark.usefixtures("english")  # the message word for word
@pytest.mark.parametrize("command", ["tasks", "policies", "reforms"])
def test_a_list_the_plan_does_not_have_is_a_usage_error(cli, command):
    result = cli(command, "--plan", str(FYP))
    assert result.exit_code == 2
    assert result.stderr == f"qzdc: error: the plan fyp-test has no {command} (it has no task, policy or reform list)\n"


def test_validate_counts_only_the_lists_a_plan_has(cli):
    assert cli("validate", "--plan", str(FYP)).stdout == "有效：7 个指标，7 个目标\n"
    assert cli("validate", "--plan", str(FYP), "--lang", "en").stdout == "valid: 7 indicators, 7 targets\n"


def test_a_plan_names_its_columns(cli, tmp_path):
    plan = fyp_with(
        tmp_path,
        "annex:\n  ref: 专栏1\n  title: 主要指标\n  columns: {baseline: 2020年, target: 2025年, strength: 属性}\n",
    )
    table = cli("status", "--plan", str(plan), env={"COLUMNS": "200"}).stdout
    assert "2020年" in table and "2025年" in table and "属性" in table and "基期值" not in table
    assert "类别" in cli("report", "--plan", str(plan)).stdout  # the generic word: the plan names no category column
    assert cli("indicators", "--plan", str(plan)).stdout.startswith("主要指标")
