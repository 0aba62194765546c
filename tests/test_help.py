"""Help, in the language chosen once for the whole run, for the app and every command and option."""

from __future__ import annotations

import re

import pytest
import typer.main

from qzdc.cli.app import app
from qzdc.i18n import choose_language, language_in_args, tr


def _commands(group, path=()):
    for name, command in group.commands.items():
        yield (*path, name), command
        if hasattr(command, "commands"):
            yield from _commands(command, (*path, name))


ROOT = typer.main.get_command(app)
COMMANDS = [((), ROOT), *_commands(ROOT)]
IDS = [" ".join(p) or "qzdc" for p, _ in COMMANDS]

# Python's type names, as typer writes them (<list[str]>, <path>, <float>) or bare.
PYTHON_TYPES = re.compile(r"<[a-z_|\[\]]+>|\b(list|tuple|dict)\[|\b(str|int|float|bool|NoneType|PosixPath)\b")
# The Latin words Chinese help may hold: what a user types (values, formats, file types) and names.
LITERALS = {
    "qzdc", "zh", "en", "table", "json", "jsonl", "csv", "markdown", "html", "xlsx", "docx", "Word", "done", "not", "error",
    "warning", "indicator", "period", "value", "source", "note", "achieved", "on_track", "at_risk", "off_track",
    "moving_away", "pending", "no_data", "YAML", "CSV", "Excel", "Markdown", "UTF", "BOM", "GBK", "bash", "zsh",
    "fish", "PowerShell", "Tab", "III", "gdp", "high_tech_enterprises", "carp_lantern_dance_heritage",
    "monitored", "pilot", "flags", "JSON", "Schema", "plan", "observations",
    "name", "category",  # --sort's values
    *(name for p, _ in COMMANDS for name in p),
}  # fmt: skip


def _help(cli, path, lang):
    result = cli(*path, "--help", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def _flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_every_command_has_help_in_both_languages(cli, path, command, lang):
    text = _help(cli, path, lang)
    key = " ".join(path) or "qzdc"
    assert text.startswith(tr("help.usage", lang) + ("" if lang == "zh" else " ") + "qzdc")
    assert _flat(tr(f"help.cmd.{key}", lang)) in _flat(text)
    assert "help." not in text, "a help text is missing: " + re.findall(r"help\.\S+", text)[0]
    assert not PYTHON_TYPES.search(text), PYTHON_TYPES.search(text).group(0)
    for param in command.params:
        for opt in param.opts if param.param_type_name == "option" else []:
            assert opt in text
    if lang == "zh":
        body = text.split(tr("help.examples", "zh"))[0]  # examples are commands, in the user's own words
        words = re.findall(r"(?<![-$.\w/])[A-Za-z][A-Za-z_]*(?![-\w.:/*])", body)
        assert set(words) <= LITERALS, set(words) - LITERALS


def test_the_command_list_is_never_cut_short(cli):
    for lang in ("zh", "en"):
        text = _help(cli, (), lang)
        assert "..." not in text.split(tr("help.commands", lang))[1].split(tr("help.examples", lang))[0]
        for name in ROOT.commands:
            assert _flat(tr(f"help.cmd.{name}", lang)) in _flat(text)


def test_every_help_has_examples(cli):
    for path, _ in COMMANDS:
        for lang in ("zh", "en"):
            assert tr("help.examples", lang) in _help(cli, path, lang), path


STATUS_ZH = """\
用法：qzdc status [选项]

  指标完成情况表：各目标的基期值、最新值、目标值、今后每年尚需的增速或增量、差距、进度与序时进度、责
  任单位和状态。

  表格按类别分组；窗口较窄时次要的列先隐藏。--format csv 可存为 Excel 能直接打开的文件。

选项：
  --plan 目录        方案目录（含 plan.yaml、indicators.yaml 等）。默认为 $QZDC_PLAN，未设置时用内置
                     方案。
  --actuals 文件     实际值文件。默认为 $QZDC_ACTUALS；未设置时，自己的方案（--plan）用方案目录里的
                     actuals.yaml，内置方案用当前目录的 actuals.yaml。
  --as-of 期间       按此期间评价（如 2024、2025-Q3、2025-09、2025年1-9月、2025年三季度），之后的数
                     据不计。默认为有数据的最近期间。
  --category 类别    只看此类别（中文名、英文名或编号，如 经济发展）；可重复。
  --pilot            只看带 pilot 标记的指标（同 --flag pilot）。
  --flag 标记        只看带此标记的指标（方案在 plan.yaml 的 flags 中定义，如 pilot）；可重复。
  --status 状态      只看处于此状态的目标：已实现、进度正常、存在风险、进度滞后、背离目标、待完成、
                     暂无数据、监测（也可写英文 at_risk 等）；可重复。
  --owner 单位       只看此单位（责任单位）牵头或配合的目标；可重复。
  --since 期间       只看自此较早期间（如 2025-Q2、2025年上半年）以来状态有变化的目标，列出前后状态
                     和数值。
  --fail-on 状态     有目标处于此状态或更差时，输出后以退出码 3 结束（存在风险 < 进度滞后 < 背离
                     目标）。
  --sort 顺序        排列顺序：status（按状态，最差的在前）、name（按名称，中文按拼音）或
                     category（按类别分组，默认）。
  -f, --format 格式  输出格式：table（表格）、json、csv 或 markdown。默认按 -o 的扩展名，否则为
                     表格。
  --raw              与 CSV 一起用：输出供程序读取的稳定列（英文列名、原始数值），而不是给人看的
                     表格。
  -o, --output 文件  写入文件而不是屏幕，格式按扩展名（.json .csv .md .txt）；写入失败时不留半个
                     文件。
  --lang 语言        语言：zh（中文）或 en（英文）。默认为 $QZDC_LANG，未设置时按系统语言（zh_* 为中
                     文，其他为英文），再无则为中文。
  --help             显示本帮助并退出。

示例：
  qzdc status
  qzdc status --pilot --status 存在风险
  qzdc status --as-of 2025-Q3
  qzdc status --since 2025-Q2
  qzdc status -o 进展.csv
  qzdc status --fail-on 进度滞后
"""

STATUS_EN = """\
Usage: qzdc status [OPTIONS]

  The progress table: every target's baseline, latest value, target, the growth or change still
  required each year, the gap, progress against the time gone by, who answers for it, and status.

  The table is grouped by category; secondary columns give way first in a narrow window. --format
  csv writes a file Excel opens as it is.

Options:
  --plan DIR           Plan directory (plan.yaml, indicators.yaml, ...). Default: $QZDC_PLAN, else
                       the built-in plan.
  --actuals FILE       Actuals file. Default: $QZDC_ACTUALS, else actuals.yaml in the plan's
                       directory for a plan of your own (--plan), or in the current directory for
                       the built-in plan.
  --as-of PERIOD       Judge as of this period (2024, 2025-Q3, 2025-09, 2025年1-9月, 2025年三季度);
                       later figures are left out. Default: the latest period with data.
  --category CATEGORY  Only this category (its Chinese or English name or its id, e.g. Economy);
                       repeatable.
  --pilot              Only the indicators with the plan's flag pilot (the same as --flag pilot).
  --flag FLAG          Only the indicators with this flag (defined in the plan's plan.yaml flags,
                       e.g. pilot); repeatable.
  --status STATUS      Only targets at this status: achieved, on_track, at_risk, off_track,
                       moving_away, pending, no_data, monitored (or the Chinese word); repeatable.
  --owner DEPARTMENT   Only the targets this department (责任单位) leads or supports; repeatable.
  --since PERIOD       Only the targets whose status changed since this earlier period (e.g.
                       2025-Q2), with the old and new status and figures.
  --fail-on STATUS     Exit with code 3, after the output, if any target shown is at this status or
                       worse (at_risk < off_track < moving_away).
  --sort ORDER         Order: status (worst first), name (alphabetical; Chinese names by pinyin) or
                       category (grouped by category, the default).
  -f, --format FORMAT  Output format: table, json, csv or markdown. Default: from the -o extension,
                       else a table.
  --raw                With CSV: the stable columns scripts read (English keys, raw values) instead
                       of the people's table.
  -o, --output FILE    Write to FILE instead of the screen, in the format of its extension
                       (.json .csv .md .txt); never half-written.
  --lang LANG          Language: zh (Chinese) or en (English). Default: $QZDC_LANG, else the
                       system's locale (zh_* is Chinese, any other English), else Chinese.
  --help               Show this message and exit.

Examples:
  qzdc status --lang en
  qzdc status --pilot --status at_risk
  qzdc status --as-of 2025-Q3
  qzdc status --since 2025-Q2
  qzdc status -o progress.csv --lang en
  qzdc status --fail-on off_track
"""


def test_status_help_exactly(cli):
    assert _help(cli, ("status",), "zh") == STATUS_ZH
    assert _help(cli, ("status",), "en") == STATUS_EN


# ── one language setting ─────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("option", "environ", "expected"),
    [
        (None, {}, "zh"),
        (None, {"LANG": "en_US.UTF-8"}, "en"),
        (None, {"LANG": "zh_CN.UTF-8"}, "zh"),
        (None, {"LANG": "zh_TW.Big5"}, "zh"),
        (None, {"LANG": "de_DE.UTF-8"}, "en"),
        (None, {"LANG": "C.UTF-8"}, "zh"),  # nobody chose a language: qzdc's own
        (None, {"LANG": "POSIX"}, "zh"),
        (None, {"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),  # LC_ALL first
        (None, {"LC_ALL": "", "LC_MESSAGES": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),  # empty: passed over
        (None, {"QZDC_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
        (None, {"QZDC_LANG": "fr", "LANG": "zh_CN.UTF-8"}, "zh"),  # invalid: passed over (the CLI refuses it)
        ("zh", {"QZDC_LANG": "en", "LANG": "en_US.UTF-8"}, "zh"),
    ],
)
def test_the_language_is_lang_then_qzdc_lang_then_the_locale_then_chinese(option, environ, expected):
    assert choose_language(option, environ) == expected


def test_lang_is_read_anywhere_on_the_command_line():
    assert language_in_args(["--lang", "en", "status"]) == "en"
    assert language_in_args(["status", "--pilot", "--lang=en"]) == "en"
    assert language_in_args(["status", "--lang", "en", "--lang", "zh"]) == "zh"
    assert language_in_args(["record", "x", "2024", "1", "--", "--lang", "en"]) is None
    assert language_in_args(["status", "--lang", "fr"]) is None


@pytest.mark.parametrize(
    ("env", "args", "starts"),
    [
        ({"LANG": "en_US.UTF-8"}, ["status", "--help"], "Usage:"),
        ({"LANG": "zh_CN.UTF-8"}, ["status", "--help"], "用法："),
        ({"LANG": "en_US.UTF-8", "QZDC_LANG": "zh"}, ["--help"], "用法："),
        ({"QZDC_LANG": "zh"}, ["--lang", "en", "--help"], "Usage:"),
        ({}, ["calc", "cagr", "--help", "--lang", "en"], "Usage:"),
    ],
)
def test_help_follows_the_one_language_setting(cli, env, args, starts):
    result = cli(*args, env=env)
    assert result.exit_code == 0
    assert result.stdout.startswith(starts)


def test_the_locale_sets_tables_and_messages_too(cli):
    result = cli("status", "--pilot", env={"LANG": "en_US.UTF-8"})
    assert "Indicator" in result.stdout and "指标" not in result.stdout
    result = cli("bogus", env={"LANG": "en_US.UTF-8"})
    assert result.stderr == "qzdc: error: no such command: bogus (see: qzdc --help)\n"


def test_version(cli):
    from qzdc import __version__

    result = cli("--version")
    assert (result.exit_code, result.stdout) == (0, f"qzdc {__version__}\n")
