"""Every method and note the engine writes has Chinese words for people who read Chinese."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from qzdc.engine.assess import assess
from qzdc.i18n import method_text, note_text, tr
from qzdc.plan.models import Baseline, Observation, Source, Target
from qzdc.plan.periods import Period

SRC = Source(ref="x")


def target(kind: str, **kw) -> Target:
    base = {"id": "t", "kind": kind, "direction": "increase", "source": SRC, "year": 2025, "start_year": 2023}
    return Target(**{**base, **kw, "indicator": "i"})


def obs(period, value) -> Observation:
    return Observation(indicator="i", period=period, value=value)


LEVEL = {"path": "geometric", "baseline": Baseline(year=2022, value=34), "value": 67}
SCENARIOS = [
    (target("level", **LEVEL), [obs(2023, 40), obs(2026, 70)], {}),
    (target("level", **LEVEL), [obs(2025, 60)], {}),
    (target("level", **LEVEL), [], {}),
    (target("level", **{**LEVEL, "baseline": Baseline(year=2022, value=34, vintage=2020)}), [obs(2023, 40)], {}),
    (target("level", path="geometric", value=67), [obs(2023, 40), obs(2024, 45)], {}),
    (target("level", path="geometric", value=67), [obs(2024, 45)], {}),
    (target("level", path="geometric", baseline=Baseline(year=2022, value=0), value=10), [obs(2023, 1)], {}),
    (target("level", **{**LEVEL, "value": 34}), [obs(2023, 40)], {}),
    (target("level", **{**LEVEL, "value": 30}), [obs(2023, 40)], {}),
    (target("level", **LEVEL, flow=True), [obs("2025-Q3", 50)], {}),
    (target("level", **LEVEL, flow=True, profile=[10, 30, 60, 100]), [obs("2025-Q3", 50)], {}),
    (target("level", **LEVEL, flow=True, profile=[0, 30, 60, 100]), [obs("2025-Q1", 5)], {}),
    (target("average_growth", value=7.5), [obs(2023, 7), obs(2025, 7)], {}),
    (target("average_growth", value=7.5), [obs(2023, 7), obs(2024, 8), obs(2025, 7.5)], {}),
    (target("average_growth", value=7.5), [obs(2023, -100)], {}),
    (target("average_growth", value=7.5), [obs(2023, 50), obs(2024, 50)], {}),
    (target("average_growth", value=7.5), [], {}),
    (target("cumulative", value=150), [obs(2023, 40), obs("2024-Q2", 20)], {}),
    (target("cumulative", value=150), [obs(2023, 40), obs(2024, 50), obs(2025, 30)], {}),
    (target("cumulative", value=150), [], {}),
    (target("maintain", direction="maintain", value=100), [obs(2023, 99), obs(2025, 100)], {}),
    (target("maintain", direction="maintain", value=100), [], {}),
    (target("milestone"), [], {}),
    (target("milestone"), [obs(2024, "done")], {}),
    (target("milestone"), [obs(2026, dt.date(2026, 3, 1))], {}),
    (target("milestone"), [obs(2024, "not done")], {}),
    (target("milestone"), [obs(2025, "not done")], {"as_of": Period(2025)}),
    (target("cumulative_reduction", direction="decrease", value=13.5), [obs(2023, 3), obs(2024, -1)], {}),
    (target("cumulative_reduction", direction="decrease", value=13.5), [obs(2023, 9), obs(2024, 6)], {}),
    (target("cumulative_reduction", direction="decrease", value=13.5), [obs(2023, 100)], {}),
    (target("cumulative_reduction", direction="decrease", value=13.5), [], {}),
    (
        target("relative", comparator="~", relative_to="o"),
        [obs(2023, 5), obs(2025, 4)],
        {
            "reference": [
                Observation(indicator="o", period=2023, value=5.3),
                Observation(indicator="o", period=2025, value=5),
            ]
        },
    ),
    (target("relative", comparator=">", relative_to="o"), [obs(2023, 5)], {}),
    (target("relative", comparator=">", relative_to="o"), [], {}),
    (target("monitored"), [obs(2023, 5)], {}),
    (target("maintain", direction="maintain", value=100, judged_on="target_year"), [obs(2023, 99), obs(2025, 100)], {}),
]


@pytest.mark.parametrize(("t", "observations", "kwargs"), SCENARIOS)
def test_every_method_and_note_reads_in_chinese(t, observations, kwargs):
    a = assess(t, observations, **kwargs)
    english_word = re.compile(r"[A-Za-z]{3,}")
    zh_method = method_text(a.method, "zh")
    assert not english_word.search(zh_method), (a.method, zh_method)
    for note in a.notes:
        zh = note_text(note, "zh")
        assert not english_word.search(zh), (note, zh)
    assert method_text(a.method, "en") == a.method


def test_the_notes_seen_cover_most_patterns():
    from qzdc.i18n import _NOTES

    seen = {note for t, o, kw in SCENARIOS for note in assess(t, o, **kw).notes}
    used = {pattern for pattern, _ in _NOTES if any(re.fullmatch(pattern, note) for note in seen)}
    assert len(used) >= len(_NOTES) - 5  # the rest are overflow and rate-collapse corners


def test_unknown_words_fall_back_to_the_key():
    assert tr("on_track", "zh") == "进度正常"
    assert tr("no.such.key", "zh") == "no.such.key"


# ── every word, message and help text in both languages ──────────────────────

import ast  # noqa: E402
import string  # noqa: E402
from pathlib import Path  # noqa: E402

from qzdc.i18n import _WORDS  # noqa: E402
from test_help import LITERALS  # noqa: E402

SRC = Path(__file__).resolve().parents[1] / "src" / "qzdc"
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Latin words Chinese text may hold: what a user types or reads as a name (formats, files, encodings, commands).
ZH_LATIN = {
    "qzdc", "zh", "en", "table", "json", "jsonl", "csv", "markdown", "html", "xlsx", "md", "done", "not",
    "error", "warning", "indicator", "period", "value", "source", "note", "actuals", "YAML", "CSV", "Excel",
    "Markdown", "UTF", "BOM", "GBK", "GB", "NUL", "bash", "zsh", "fish", "PowerShell", "Tab", "III", "R",
    "YYYY", "MM", "DD", "T", "Q", "H", "mu", "gdp", "high_tech_enterprises", "carp_lantern_dance_heritage",
    "record", "import", "history", "audit", "status", "show", "owners", "batch", "validate", "indicators",
    "tasks", "policies", "reforms", "report", "calc", "cagr", "grow", "remaining", "years", "pp", "docx", "Word",
    "pilot", "flags", "plan",
    # qzdc init and schema: the commands, the plan files' keys a user types, the editor's comment
    "init", "schema", "kind", "relative", "baseline", "annex", "lists", "targets", "ref", "quote", "observations",
    "JSON", "Schema", "yaml", "language", "server",
    # more of the plan files' keys and values a user types (qzdc.plan.checks): classes: [I, II, III, IV, V]
    "classes", "path", "level", "share", "profile", "I", "II", "IV", "V",
    "change", "flow", "written", "tolerance", "decrease", "maintain", "ordinal", "cumulative",
    # YAML's own literals, as a plan file writes them
    "true", "false", "null",
    # what a file is when it is not a regular one, and a workbook's insides (qzdc.fsutil, the importer)
    "FIFO", "XML", "DOCTYPE",
    # what to do when the output's encoding cannot carry a character (qzdc.render.text)
    "PYTHONIOENCODING", "uXXXX",
}  # fmt: skip
ZH_LATIN |= LITERALS  # and every literal a help page may hold (tests/test_help.py)
# Keys whose languages fill different fields: Chinese writes a month as a number, English by its name.
DIFFERENT_FIELDS = {"points.year_to_date", "points.month_end"}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _latin_words(text: str) -> set[str]:
    text = re.sub(r"\{[^}]*\}", "", text)  # fields
    text = re.sub(r"(?<![\w])-{1,2}[a-z][-\w]*|\w+(?:-\w+)+", "", text)  # options, hyphenated names
    text = re.sub(r"\$\w+|&\w|\S*[./]\w+|\w*_\w*|\w*\d\w*", "", text)  # env vars, Excel codes, files, ids
    return set(re.findall(r"[A-Za-z]+", text))


@pytest.mark.parametrize("key", sorted(_WORDS))
def test_every_key_has_both_languages(key):
    zh, en = _WORDS[key]
    assert zh.strip() and en.strip(), key
    # One language may leave out a field the other uses (按{category} beside "By category"), never add its own.
    assert _fields(en) <= _fields(zh) or _fields(zh) <= _fields(en) or key in DIFFERENT_FIELDS, key
    stray = _latin_words(zh) - ZH_LATIN
    assert not stray, f"{key}: English in the Chinese: {stray}"
    # The English is English (it may quote Chinese a user types: 81.3亿元, 指标名称), not the Chinese again.
    if re.search(r"[A-Za-z]", zh + en) or CJK.search(zh):
        assert re.search(r"[A-Za-z]{2}", en), f"{key}: the English has no English"


def _tr_keys() -> list[tuple[str, int, str]]:
    """Every tr("literal key", …) in the source: (file, line, key)."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "tr"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append((str(path.relative_to(SRC)), node.lineno, node.args[0].value))
    return found


def test_every_key_the_code_asks_for_exists():
    missing = [f"{file}:{line}: {key}" for file, line, key in _tr_keys() if key not in _WORDS]
    assert not missing, missing
    assert len(_tr_keys()) > 150  # the scan found the calls


def test_every_field_a_call_fills_is_in_the_words():
    """tr("msg.wrote", path=…) fills exactly the fields "msg.wrote" has, in both languages."""
    wrong = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        formatted = {
            id(node.value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and node.attr == "format"  # tr(key).format(year=…)
        }
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr"):
                continue
            if id(node) in formatted:
                continue
            if not (node.args and isinstance(node.args[0], ast.Constant) and node.args[0].value in _WORDS):
                continue
            given = {k.arg for k in node.keywords}
            if None in given:
                continue  # **fields
            zh, en = _WORDS[node.args[0].value]
            wanted = _fields(zh) | _fields(en)
            if given != wanted:
                wrong.append(f"{path.name}:{node.lineno}: {node.args[0].value} takes {wanted}, given {given}")
    assert not wrong, wrong


# ── Chinese words live here, not in the layers that show them ────────────────

# Chinese in report/ that is no word shown to a reader: the font families Word asks for by name (the
# GB/T 9704 faces) and a pattern that reads a figure (1/2年达标).
NOT_WORDS = {
    "report/docx.py": {"方正小标宋简体", "华文中宋", "仿宋_GB2312", "仿宋", "黑体", "楷体_GB2312", "楷体", "宋体"}
    | {r"\d+/\d+[年期]"},
}
# views/ still words some of its own (show, audit, calc …): each module may only hold fewer, as they move.
VIEWS_LEFT = {
    "views/audit.py": 57, "views/batch.py": 8, "views/calc.py": 20, "views/history.py": 18, "views/imports.py": 8,
    "views/listing.py": 8, "views/owners.py": 17, "views/show.py": 78, "views/status.py": 20,
    "views/target_text.py": 6,
}  # fmt: skip


def _chinese_literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string literal with a Chinese character, docstrings and comments aside (CSS's too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and CJK.search(re.sub(r"/\*.*?\*/", "", node.value, flags=re.S))
    ]


def test_report_modules_hold_no_chinese_word():
    """A report's words (the status legend, the 责任单位 filter, a batch's title and headings) come from
    qzdc.i18n, so that both languages have every one of them (user test 1, finding 18)."""
    found = []
    for path in sorted((SRC / "report").glob("*.py")):
        name = str(path.relative_to(SRC))
        found += [
            f"{name}:{line}: {text!r}" for line, text in _chinese_literals(path) if text not in NOT_WORDS.get(name, ())
        ]
    assert not found, found


def test_views_hold_no_more_chinese_words_than_they_did():
    counts = {str(p.relative_to(SRC)): len(_chinese_literals(p)) for p in sorted((SRC / "views").glob("*.py"))}
    grown = {name: n for name, n in counts.items() if n > VIEWS_LEFT.get(name, 0)}
    assert not grown, f"Chinese words in views/ belong in qzdc.i18n: {grown}"
    assert counts["views/show.py"] > 0  # the scan reads literals


def test_the_status_and_its_stale_note_come_from_i18n():
    """status_text words nothing itself: the HTML report splits its status word from the note (据2023年旧数据)
    by the translated word, so the two must come from the same place."""
    tree = ast.parse((SRC / "views" / "status.py").read_text(encoding="utf-8"))
    (function,) = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "status_text"]
    body = function.body[1:]  # after the docstring
    assert [
        n.value for s in body for n in ast.walk(s) if isinstance(n, ast.Constant) and CJK.search(str(n.value))
    ] == []
