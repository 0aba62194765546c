"""The fast entry point for `qzdc status` and the plan cache behind it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

import qzdc.cli.commands  # noqa: F401
from qzdc.cli.app import app
from qzdc.cli.fast import STATUS_OPTIONS, parse_status
from qzdc.plan import cache
from qzdc.plan.loader import builtin_plan_dir, load_plan

MINI = str(Path(__file__).parent / "fixtures" / "mini")


def test_fast_options_match_the_typer_status_command():
    """The fast parser knows exactly the options of `qzdc status`, with the same choices."""
    command = typer.main.get_command(app).commands["status"]  # type: ignore[attr-defined]
    typer_options = {}
    for param in command.params:
        choices = getattr(param.type_descriptor, "choices", None)
        for opt in param.opts:
            kind = "flag" if param.is_flag else "multiple" if param.multiple else "value"
            typer_options[opt] = (kind, tuple(c.value for c in choices) if choices else None)
    fast_options = {opt: (kind, allowed) for opt, (_, kind, allowed) in STATUS_OPTIONS.items()}
    assert fast_options == typer_options


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--format", "yaml"],
        ["--lang", "fr"],
        ["--bogus"],
        ["--pilot=yes"],
        ["-fjson"],
        ["--format"],
        ["extra"],
    ],
)
def test_anything_unusual_goes_to_typer(args):
    assert parse_status(args) is None


def test_parse_status_reads_every_form():
    assert parse_status(["--format=json", "--status", "at_risk", "--status=off_track", "--pilot", "-o", "x.csv"]) == {
        "fmt": "json",
        "statuses": ["at_risk", "off_track"],
        "pilot": True,
        "output": Path("x.csv"),
        "lang": "zh",
    }


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "qzdc", *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=60
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("QZDC_") and k not in ("NO_COLOR", "TERM")}
    return {**clean, "QZDC_CACHE_DIR": str(tmp_path / "cache"), "COLUMNS": "100"}


@pytest.mark.parametrize(
    "args",
    [
        ["status"],
        ["status", "--format", "json"],
        ["status", "--lang", "en", "--pilot", "--format", "csv"],
        ["status", "--plan", MINI, "--fail-on", "at_risk"],
        ["status", "--plan", MINI, "--status", "on_track", "--format", "markdown"],
        ["status", "--plan", MINI, "--as-of", "2030"],
        ["status", "--plan", MINI, "--category", "nowhere"],
        ["status", "--plan", "/nonexistent"],
    ],
)
def test_fast_path_prints_what_the_typer_command_prints(cli, env, tmp_path, args):
    fast = _run(args, env, tmp_path)
    slow = cli(*args, env={"COLUMNS": "100"})
    assert (fast.returncode, fast.stdout, fast.stderr) == (slow.exit_code, slow.stdout, slow.stderr)


def test_cached_status_loads_neither_typer_nor_pydantic_nor_rich(env, tmp_path):
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write(repr(sorted(m for m in ('typer', 'pydantic', 'rich', 'yaml')"
        " if m in sys.modules))))\n"
        "from qzdc.cli.fast import main\n"
        "sys.argv = ['qzdc', 'status', '--format', 'json']\n"
        "main()\n"
    )
    first = subprocess.run([sys.executable, "-c", probe], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert first.returncode == 0
    assert "pydantic" in first.stderr  # the first run validates the plan and fills the cache
    second = subprocess.run([sys.executable, "-c", probe], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert second.returncode == 0
    assert second.stderr.endswith("[]"), second.stderr
    assert json.loads(second.stdout)["summary"]["at_risk"] == 1


def test_help_still_works_through_the_fast_entry_point(env, tmp_path):
    result = _run(["status", "--help"], env, tmp_path)
    assert result.returncode == 0
    assert "--fail-on" in result.stdout


# ── the cache ────────────────────────────────────────────────────────────────


def cache_entries(root: Path) -> list[Path]:
    return sorted((root / "plans").glob("*.json")) if (root / "plans").exists() else []


def test_cache_lives_in_the_cache_directory_never_beside_the_plan(plan_copy, tmp_path, monkeypatch):
    root = tmp_path / "cache"
    monkeypatch.setenv("QZDC_CACHE_DIR", str(root))
    before = sorted(p.name for p in plan_copy.iterdir())
    load_plan(plan_copy)
    assert len(cache_entries(root)) == 1
    assert sorted(p.name for p in plan_copy.iterdir()) == before


@pytest.mark.parametrize("name", ["plan.yaml", "indicators.yaml", "tasks.yaml", "observations.yaml"])
def test_an_edit_to_any_plan_file_invalidates_the_cache(plan_copy, tmp_path, monkeypatch, name):
    monkeypatch.setenv("QZDC_CACHE_DIR", str(tmp_path / "cache"))
    first = load_plan(plan_copy)
    path = plan_copy / name
    path.write_text(path.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert len(cache_entries(tmp_path / "cache")) == 1
    load_plan(plan_copy)
    assert len(cache_entries(tmp_path / "cache")) == 2
    if name == "indicators.yaml":
        # a real change of a figure is seen at once
        text = path.read_text(encoding="utf-8").replace("value: 205\n", "value: 210\n", 1)
        path.write_text(text, encoding="utf-8")
        assert load_plan(plan_copy).targets_by_id["tech_smes"].value == 210
    assert first.targets_by_id["tech_smes"].value == 205


def test_an_edit_that_breaks_the_plan_is_reported_not_served_from_cache(plan_copy, tmp_path, monkeypatch):
    from qzdc.errors import DataError

    monkeypatch.setenv("QZDC_CACHE_DIR", str(tmp_path / "cache"))
    load_plan(plan_copy)
    (plan_copy / "plan.yaml").write_text("schema_version: [\n", encoding="utf-8")
    with pytest.raises(DataError):
        load_plan(plan_copy)


def test_a_corrupt_cache_entry_is_ignored(plan_copy, tmp_path, monkeypatch):
    root = tmp_path / "cache"
    monkeypatch.setenv("QZDC_CACHE_DIR", str(root))
    expected = load_plan(plan_copy)
    (entry,) = cache_entries(root)
    garbage = [b"", b"not json", b'{"a": "a mapping, not a plan"}', b'{"~": "Plan"}', b'{"~": "Popen", "args": "x"}']
    for data in garbage:
        entry.write_bytes(data)
        plan = load_plan(plan_copy)
        assert plan.targets == expected.targets
    # and the entry is written anew
    assert cache.loads(entry.read_bytes()) == expected


def test_an_unwritable_cache_is_ignored(plan_copy, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory would be", encoding="utf-8")
    monkeypatch.setenv("QZDC_CACHE_DIR", str(blocker))
    assert len(load_plan(plan_copy).targets) == 40


def test_no_cache_when_switched_off(plan_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("QZDC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("QZDC_NO_CACHE", "1")
    load_plan(plan_copy)
    assert cache.cache_dir() is None
    assert cache_entries(tmp_path / "cache") == []


def test_default_cache_directory_follows_the_platform(monkeypatch, tmp_path):
    monkeypatch.delenv("QZDC_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert cache.cache_dir() == tmp_path / "xdg" / "qzdc"


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (
            ["status", "--format", "jsn"],
            "qzdc：错误：--format 不能取“jsn”，可选：table、json、csv、markdown（用法见 qzdc status --help）",
            "qzdc: error: --format cannot be 'jsn': choose table, json, csv, markdown (see: qzdc status --help)",
        ),
        (
            ["record", "gdp", "2024"],
            "qzdc：错误：缺少参数 数值（用法见 qzdc record --help）",
            "qzdc: error: missing argument VALUE (see: qzdc record --help)",
        ),
        (
            ["statsu"],
            "qzdc：错误：没有 statsu 这个命令（是否想用 status？）（用法见 qzdc --help）",
            "qzdc: error: no such command: statsu (did you mean status?) (see: qzdc --help)",
        ),
        (
            ["calc", "cagr", "--from", "x", "--to", "2", "--years", "1"],
            "qzdc：错误：--from 应为数字（用法见 qzdc calc cagr --help）",
            "qzdc: error: --from must be a number (see: qzdc calc cagr --help)",
        ),
        (
            ["status", "--pilt"],
            "qzdc：错误：没有 --pilt 这个选项（是否想用 --pilot？）（用法见 qzdc status --help）",
            "qzdc: error: no such option: --pilt (did you mean --pilot?) (see: qzdc status --help)",
        ),
    ],
)
def test_usage_errors_are_one_line_with_exit_2_in_either_language(env, tmp_path, args, zh, en):
    for lang, expected in (("zh", zh), ("en", en)):
        result = _run(args, {**env, "QZDC_LANG": lang}, tmp_path)
        assert (result.returncode, result.stdout, result.stderr) == (2, "", expected + "\n")


def test_no_command_prints_the_help(env, tmp_path):
    result = _run([], env, tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("用法：qzdc [选项] 命令 [参数]...")
    result = _run([], {**env, "QZDC_LANG": "en"}, tmp_path)
    assert result.stdout.startswith("Usage: qzdc [OPTIONS] COMMAND [ARGS]...")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["status"], ["audit"], ["calc", "cagr", "--from", "1", "--to", "2", "--years", "1"]])
def test_an_unwritable_stdout_is_one_line_and_exit_1(env, tmp_path, args):
    for lang, expected in (
        ("zh", "qzdc：错误：无法写入输出：磁盘空间不足\n"),
        ("en", "qzdc: error: cannot write the output: No space left on device\n"),
    ):
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [sys.executable, "-m", "qzdc", *args, "--lang", lang],
                env=env,
                cwd=tmp_path,
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
            )
        assert (result.returncode, result.stderr) == (1, expected)


def test_a_closed_pipe_is_not_an_error(env, tmp_path):
    reader = subprocess.Popen(["head", "-c", "10"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    writer = subprocess.run(
        # far more than a pipe holds (64 KiB), so that writing really meets the closed pipe
        [sys.executable, "-m", "qzdc", "batch", *[str(builtin_plan_dir())] * 20, "--format", "jsonl"],
        env=env,
        cwd=tmp_path,
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        text=True,
    )
    reader.stdin.close()
    reader.wait()
    assert writer.returncode == 0
    assert writer.stderr == ""
