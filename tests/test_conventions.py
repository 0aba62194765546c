"""The conventions people expect of a command line: --version, shell completion, --sort, and a pointer
from `status -o x.xlsx` to the command that writes workbooks."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from qzdc.engine.verdict import STATUSES
from qzdc.views.status import SORT_ORDER


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "qzdc", *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("QZDC_", "LANG", "LC_"))}
    home = tmp_path / "home"
    home.mkdir()
    return {**clean, "HOME": str(home), "QZDC_CACHE_DIR": str(tmp_path / "cache")}


# ── --sort ───────────────────────────────────────────────────────────────────


def _targets(cli, *args: str) -> list[dict]:
    result = cli("status", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["targets"]


def test_sort_status_lists_the_worst_first(cli):
    assert set(SORT_ORDER) >= set(STATUSES)
    statuses = [t["status"] for t in _targets(cli, "--sort", "status")]
    assert statuses == sorted(statuses, key=SORT_ORDER.index)
    assert statuses[0] == "at_risk" and statuses[-1] == "no_data"  # the built-in plan: 1 at risk, 34 without data


def test_sort_name_is_pinyin_order_in_chinese_and_alphabetical_in_english(cli):
    names = [t["name"] for t in _targets(cli, "--sort", "name")]
    # 常住人口城镇化率 (cháng) before 城乡收入倍差 (chéng) before 出口总额 (chū) before 地区生产总值 (dì)
    wanted = ["常住人口城镇化率", "城乡收入倍差", "出口总额", "地区生产总值"]
    assert [n for n in names if n in wanted] == wanted
    english = [t["name_en"] for t in _targets(cli, "--sort", "name", "--lang", "en")]
    assert english == sorted(english, key=str.casefold)


def test_sort_category_is_the_plans_order_grouped(cli):
    assert _targets(cli, "--sort", "category") == _targets(cli)
    grouped = cli("status", "--sort", "category", env={"COLUMNS": "200"}).stdout
    flat = cli("status", "--sort", "status", env={"COLUMNS": "300"}).stdout
    alone = re.compile(r"^\s*经济发展\s*$", re.M)
    assert alone.search(grouped)  # a group's label on a line of its own
    assert not alone.search(flat) and "一级指标" in flat  # one list, the category a column of its own


def test_sort_is_refused_with_its_choices(cli):
    result = cli("status", "--sort", "size")
    assert result.exit_code == 2
    assert (
        result.stderr == "qzdc：错误：--sort 不能取“size”，可选：status、name、category（用法见 qzdc status --help）\n"
    )


# ── status -o x.xlsx ─────────────────────────────────────────────────────────


@pytest.mark.parametrize("name", ["进展.xlsx", "进展.html", "进展.docx"])
def test_a_document_from_status_points_to_report(cli, name):
    result = cli("status", "-o", name)
    assert result.exit_code == 2
    suffix = name.rsplit(".", 1)[1]
    assert result.stderr == f"qzdc：错误：此命令不能输出 {suffix}（报告请用 qzdc report -o {name}）\n"
    assert not Path(name).exists()
    english = cli("status", "-o", name, "--lang", "en")
    assert (
        english.stderr == f"qzdc: error: this command cannot write {suffix} (for a report, use qzdc report -o {name})\n"
    )


# ── completion ───────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("shell", "path"),
    [("bash", ".bash_completions/qzdc.sh"), ("zsh", ".zfunc/_qzdc"), ("fish", ".config/fish/completions/qzdc.fish")],
)
def test_install_completion(env, tmp_path, shell, path):
    # the shell named, as when it cannot be detected (typer's own switch for tests)
    env = {**env, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    result = _run(["--install-completion", shell], env, tmp_path)
    assert result.returncode == 0, result.stderr
    installed = Path(env["HOME"]) / path
    assert result.stdout == f"已为 {shell} 安装 Tab 键补全：{installed}（重开终端后生效）\n"
    assert "_QZDC_COMPLETE" in installed.read_text(encoding="utf-8")


def test_install_completion_without_powershell_is_one_line(env, tmp_path):
    env = {**env, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1", "PATH": str(tmp_path)}  # no powershell here
    result = _run(["--install-completion", "powershell"], env, tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("qzdc：错误：无法安装 Tab 键补全：") and len(result.stderr.splitlines()) == 1


def test_show_completion_and_what_it_completes(env, tmp_path):
    env = {**env, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    script = _run(["--show-completion", "bash"], env, tmp_path)
    assert script.returncode == 0 and "_QZDC_COMPLETE=complete_bash" in script.stdout
    # what the installed script asks qzdc for when the user types `qzdc sta<Tab>`
    completed = _run(
        [], {**env, "_QZDC_COMPLETE": "complete_bash", "COMP_WORDS": "qzdc sta", "COMP_CWORD": "1"}, tmp_path
    )
    assert completed.stdout.split() == ["status"]
    zsh = _run([], {**env, "_QZDC_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "qzdc sta"}, tmp_path)
    assert '"status":"指标完成情况表' in zsh.stdout  # with its line in the run's language
