"""Shared test helpers: run the CLI in-process with stdout and stderr kept apart."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

import qzdc.cli.commands  # noqa: F401 - registers the commands
from qzdc.cli.app import app
from qzdc.i18n import set_language
from qzdc.plan.loader import builtin_plan_dir

# Property tests: a local run explores new examples each time (and replays the
# failures it keeps in .hypothesis/); CI (`.ci/run` sets CI=1) runs the same
# derandomized examples every time, so that it cannot fail by chance. A
# counterexample found locally is pinned in the test with @example, and so runs
# in CI too. The profile is loaded here, before any test module builds its
# settings, which inherit it. HYPOTHESIS_PROFILE=ci reproduces CI locally.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "explore"))


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Every test starts from the same environment: no user settings leak in."""
    # No locale either: qzdc's language is then Chinese, whatever the machine running the tests says.
    for name in (
        "QZDC_PLAN",
        "QZDC_ACTUALS",
        "QZDC_LANG",
        "NO_COLOR",
        "QZDC_CACHE_DIR",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    # A cache, if any, must never be shared between tests or with the user's.
    monkeypatch.setenv("QZDC_CACHE_DIR", str(tmp_path / "cache"))
    # The language a command line chose must not carry over into the next test.
    set_language(None)
    yield
    set_language(None)


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in English: for tests of what a message says in detail (tests/test_i18n.py checks every
    message has its Chinese; the Chinese of the commonest ones is tested where they are made)."""
    monkeypatch.setenv("QZDC_LANG", "en")


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., Run]:
    """Run qzdc in-process from a scratch working directory: `cli("status", "--format", "json")`."""
    workdir = tmp_path / "work"
    workdir.mkdir()
    monkeypatch.chdir(workdir)

    def run(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> Run:
        result = CliRunner().invoke(app, list(args), env=env, input=input)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            # A crash must fail the test loudly, not pass as "exit 1 with empty stderr".
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr, None)

    return run


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    """A writable copy of the mini plan (tests/fixtures/mini): figures recorded with --plan land beside it."""
    target = tmp_path / "mini"
    shutil.copytree(Path(__file__).parent / "fixtures" / "mini", target)
    return target


@pytest.fixture
def plan_copy(tmp_path: Path) -> Path:
    """A writable copy of the built-in plan, for tests that break or edit it."""
    target = tmp_path / "plan"
    shutil.copytree(builtin_plan_dir(), target)
    return target


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace `old` by `new` in a file, failing loudly if `old` is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
