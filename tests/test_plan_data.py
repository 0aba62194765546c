"""Every figure in data/ checked against the plan document itself.

The expected values come from docs/source/plan.txt (大足府办发〔2024〕41号), parsed
here independently of the YAML: Annex 1 (指标目标清单), Annex 2 (重大政策清单),
Annex 3 (重大改革清单), the 15 tasks with their （牵头单位：…；配合单位：…）, and the
2023 figures of 一、试点基础. The YAML is read raw with yaml.safe_load, not through
qzdc's loader, so that a loader bug cannot hide a transcription error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
PLAN_TXT = ROOT / "docs" / "source" / "plan.txt"

TEXT = PLAN_TXT.read_text(encoding="utf-8")
LINES = TEXT.splitlines()


def squash(text: str) -> str:
    """Drop every kind of whitespace (incl. the fullwidth space U+3000): the only normalisation allowed."""
    return re.sub(r"\s+", "", text)


FLAT = squash(TEXT)


def read_yaml(name: str) -> Any:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


PLAN = read_yaml("plan.yaml")
INDICATORS = read_yaml("indicators.yaml")["indicators"]
TASKS = read_yaml("tasks.yaml")
OBSERVATIONS = read_yaml("observations.yaml")["observations"]


# ── the document, parsed ─────────────────────────────────────────────────────


def annex_rows(heading: str, end: str | None) -> list[list[str]]:
    """The table under the line `heading` (e.g. 附件1) up to the line `end`.

    In plan.txt a table is one cell per tab-indented line and one blank line
    between rows; an empty cell is a line holding only the tab. The header row
    is dropped.
    """
    start = LINES.index(heading)
    stop = LINES.index(end, start) if end else len(LINES)
    rows: list[list[str]] = []
    current: list[str] = []
    for line in LINES[start + 1 : stop]:
        if line.startswith("\t"):
            current.append(line[1:].strip())  # str.strip() also drops U+3000
        elif current:
            rows.append(current)
            current = []
    if current:
        rows.append(current)
    assert rows, f"no table under {heading}"
    return rows[1:]


def to_value(cell: str) -> float | str:
    return float(cell) if re.fullmatch(r"-?\d+(\.\d+)?", cell) else cell


def parse_annex1() -> list[dict[str, Any]]:
    rows = []
    category = None
    for cells in annex_rows("附件1", "附件2"):
        assert len(cells) == 6, cells
        first, number, name_unit, base, target, remark = cells
        category = first or category
        match = re.fullmatch(r"(.+)（([^（）]+)）", name_unit)
        assert match, name_unit
        rows.append(
            {
                "annex_no": int(number),
                "category": category,
                "name": match.group(1),
                "unit": match.group(2),
                "baseline": to_value(base),
                "target": to_value(target),
                "pilot": remark == "市级试点指标",
                "remark": remark,
                "cell": name_unit,
            }
        )
    return rows


def parse_list(heading: str, end: str | None) -> list[dict[str, Any]]:
    items = []
    for cells in annex_rows(heading, end):
        assert len(cells) == 3, cells
        number, text, lead = cells
        items.append({"number": int(number), "text": text, "lead": lead.split("、")})
    return items


ANNEX1 = parse_annex1()
POLICIES = parse_list("附件2", "附件3")
REFORMS = parse_list("附件3", None)


def parse_tasks() -> list[dict[str, Any]]:
    """The numbered tasks of 三、试点任务 with their group and departments."""
    body = TEXT[TEXT.index("三、试点任务") : TEXT.index("四、保障措施")]
    tasks = []
    group = 0
    for line in body.splitlines():
        heading = re.match(r"（([一二三四五])）(.+?)。", line)
        if heading:
            group = "一二三四五".index(heading.group(1)) + 1
            continue
        match = re.match(r"(\d+)．(.+?)。", line)
        if not match:
            continue
        depts = re.search(r"（牵头单位：([^；）]+)(?:；配合单位：([^）]+))?）\s*$", line)
        assert depts, f"task {match.group(1)} has no 牵头单位"
        tasks.append(
            {
                "number": int(match.group(1)),
                "name": match.group(2),
                "group": group,
                "lead": depts.group(1).split("、"),
                "support": depts.group(2).split("、") if depts.group(2) else [],
                "departments": depts.group(0).strip(),
            }
        )
    return tasks


TASK_TEXT = parse_tasks()
GROUP_TITLES = {
    "一二三四五".index(m.group(1)) + 1: m.group(2)
    for m in re.finditer(r"^（([一二三四五])）(聚力.+?)。$", TEXT[TEXT.index("三、试点任务") :], re.M)
}


def test_the_document_parses_as_expected():
    # A guard on the parser itself, from counting the document by eye.
    assert [r["annex_no"] for r in ANNEX1] == list(range(1, 25))
    assert [p["number"] for p in POLICIES] == list(range(1, 20))
    assert [r["number"] for r in REFORMS] == list(range(1, 13))
    assert [t["number"] for t in TASK_TEXT] == list(range(1, 16))
    assert [t["group"] for t in TASK_TEXT] == [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5]
    assert [r["annex_no"] for r in ANNEX1 if r["pilot"]] == [4, 5, 13, 20, 21, 22, 23, 24]
    assert ANNEX1[0] == {
        "annex_no": 1,
        "category": "经济发展",
        "name": "地区生产总值年均增速",
        "unit": "%",
        "baseline": 3.8,
        "target": 7.5,
        "pilot": False,
        "remark": "",
        "cell": "地区生产总值年均增速（%）",
    }
    assert ANNEX1[23]["name"] == "乡村医生执业（助理）医师比例"
    assert ANNEX1[14]["baseline"] == "III"


# ── plan.yaml ────────────────────────────────────────────────────────────────


def test_plan_metadata_matches_the_document():
    assert PLAN["document_no"] in TEXT.splitlines()[0]
    assert PLAN["issuer"] == LINES[1].strip()
    assert squash(PLAN["title"]) in FLAT
    assert f"{PLAN['issued'].year}年{PLAN['issued'].month}月{PLAN['issued'].day}日" in TEXT
    assert str(PLAN["issued"]) == "2024-06-05"
    assert f"（{PLAN['period']['start']}—{PLAN['period']['end']}年）" in TEXT
    start = LINES.index("附件1")
    head_cells = [line.strip() for line in LINES[start : start + 10] if line.startswith("\t")]
    assert f"{PLAN['baseline_year']}年" in head_cells
    assert f"{PLAN['target_year']}年目标" in head_cells
    assert PLAN["annex_rows"] == len(ANNEX1)


def test_categories_are_annex1_first_level_indicators_in_order():
    in_annex = list(dict.fromkeys(r["category"] for r in ANNEX1))
    assert [c["name"] for c in PLAN["categories"]] == in_annex


# ── Annex 1, row by row ──────────────────────────────────────────────────────

BY_ANNEX = {ind["annex_no"]: ind for ind in INDICATORS if ind.get("annex_no") is not None}
CATEGORY_NAMES = {c["id"]: c["name"] for c in PLAN["categories"]}


def test_annex_numbers_are_exactly_the_annex_rows():
    numbers = [ind["annex_no"] for ind in INDICATORS if ind.get("annex_no") is not None]
    assert sorted(numbers) == [r["annex_no"] for r in ANNEX1]


def _annex_target(indicator: dict[str, Any]) -> dict[str, Any]:
    ref = f"附件1 序号{indicator['annex_no']}"
    found = [t for t in indicator["targets"] if t["source"]["ref"] == ref]
    assert len(found) == 1, f"{indicator['id']}: expected one target sourced from {ref}"
    return found[0]


@pytest.mark.parametrize("row", ANNEX1, ids=lambda r: f"annex{r['annex_no']}")
def test_annex1_row(row):
    ind = BY_ANNEX.get(row["annex_no"])
    assert ind is not None, f"no indicator with annex_no {row['annex_no']}"
    assert ind["name"] == row["name"]
    assert ind["unit"] == row["unit"]
    assert ind["pilot"] is row["pilot"]
    assert CATEGORY_NAMES[ind["category"]] == row["category"]
    assert squash(ind["source"]["quote"]) == squash(row["cell"])
    target = _annex_target(ind)
    assert target["baseline"]["year"] == PLAN["baseline_year"] == 2022
    assert target.get("year", PLAN["target_year"]) == 2025
    for field, expected in (("baseline", row["baseline"]), ("target", row["target"])):
        got = target["baseline"]["value"] if field == "baseline" else target["value"]
        if isinstance(expected, str):
            assert got == expected, f"{field}: {got!r} != {expected!r}"
        else:
            assert isinstance(got, int | float) and not isinstance(got, bool), f"{field}: {got!r} is not a number"
            assert got == expected, f"{field}: {got!r} != {expected!r}"


def test_ordinal_row_uses_the_declared_classes():
    water = BY_ANNEX[15]
    assert water["unit"] == "类"
    target = _annex_target(water)
    assert target["kind"] == "ordinal"
    assert target["value"] in water["classes"] and target["baseline"]["value"] in water["classes"]


# ── quotes and numbers ───────────────────────────────────────────────────────


def walk(node: Any, path: str = "") -> Iterator[tuple[str, str, Any]]:
    """(path, key, value) for every key of every mapping in a YAML document."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield path, key, value
            yield from walk(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from walk(item, f"{path}[{i}]")


ALL_QUOTES = [
    (f"{name}:{path}", value)
    for name in ("plan.yaml", "indicators.yaml", "tasks.yaml", "observations.yaml")
    for path, key, value in walk(read_yaml(name))
    if key == "quote"
]


def test_there_are_quotes_to_check():
    assert len(ALL_QUOTES) >= 100


@pytest.mark.parametrize(("where", "quote"), ALL_QUOTES, ids=[w for w, _ in ALL_QUOTES])
def test_quote_is_verbatim(where, quote):
    assert isinstance(quote, str) and quote.strip(), where
    assert squash(quote) in FLAT, f"{where}: {quote!r} is not in plan.txt"


NUMBER = re.compile(r"\d+(?:\.\d+)?")
ANNEX_REF = re.compile(r"^附件1 序号(\d+)$")
ANNEX_ROWS = {r["annex_no"]: r for r in ANNEX1}


def _numbers_in(text: str) -> set[float]:
    return {float(n) for n in NUMBER.findall(text)}


def _states(value: Any, text: str) -> bool:
    if value == "done":
        # A title held at the baseline: the words must say it was won (获评).
        return "获评" in text
    if isinstance(value, str):
        return value in text
    return float(value) in _numbers_in(text)


def _evidence(source: dict[str, Any] | None, column: str) -> str | None:
    """The words a value must be found in: its quote, or for a bare Annex 1 ref, that row's cell."""
    if not source:
        return None
    if source.get("quote"):
        return source["quote"]
    match = ANNEX_REF.match(source.get("ref", ""))
    if match:
        row = ANNEX_ROWS[int(match.group(1))]
        return str(row[column]) if isinstance(row[column], str) else f"{row[column]:g}"
    return None


def _figures() -> Iterator[tuple[str, Any, str | None, str | None]]:
    """(where, value, evidence, reading) for every figure a target, statement, baseline or observation gives."""
    for ind in INDICATORS:
        for t in ind["targets"]:
            where = f"{ind['id']}/{t['id']}"
            target_quote = _evidence(t["source"], "target")
            yield f"{where}.value", t.get("value"), target_quote, t.get("reading")
            if t.get("year") is not None:
                yield f"{where}.year", t["year"], target_quote, None
            base = t.get("baseline")
            if base:
                evidence = _evidence(base.get("source"), "baseline") or target_quote
                yield f"{where}.baseline.value", base["value"], evidence, base.get("reading")
            for k, s in enumerate(t.get("statements", [])):
                evidence = _evidence(s.get("source"), "target") or target_quote
                yield f"{where}.statements[{k}].value", s.get("value"), evidence, s.get("reading")
        for k, s in enumerate(ind.get("statements", [])):
            yield f"{ind['id']}.statements[{k}].value", s.get("value"), _evidence(s.get("source"), "target"), None
    for n, obs in enumerate(OBSERVATIONS):
        yield f"observations[{n}]", obs["value"], _evidence(obs.get("source"), "target"), obs.get("reading")


FIGURES = [f for f in _figures() if f[1] is not None]


def test_every_figure_is_written_in_its_quote_or_explained():
    checked = read = 0
    failures = []
    for where, value, evidence, reading in FIGURES:
        if evidence is not None and _states(value, evidence):
            checked += 1
        elif reading:
            # A reading stands in for the quote only if it names the value it reads.
            if _states(value, reading) and evidence is not None:
                read += 1
            else:
                failures.append(f"{where}: reading {reading!r} does not explain {value!r} from {evidence!r}")
        else:
            failures.append(f"{where}: {value!r} is not in {evidence!r}")
    assert not failures, "\n".join(failures)
    # Not vacuous: every annex row gives two figures, the body many more.
    assert checked >= 90, checked
    assert read <= 6, read
    assert checked + read == len(FIGURES)


def test_figure_rule_can_fail():
    # The rule rejects a figure the quote does not state, and 7.5 is not 75 or 7.54.
    assert not _states(7.54, "年均增速达到7.5%")
    assert not _states(75, "年均增速达到7.5%")
    assert _states(7.5, "年均增速达到7.5%")
    assert _states("III", "稳定优于III类")
    assert _evidence({"ref": "附件1 序号21"}, "target") == "7.74"
    assert _states("done", "先后获评“国家卫生镇”") and not _states("done", "持续巩固提升“国家卫生城镇”创建成果")


def test_aspirational_where_the_text_says_so():
    """力争/力促 ("strive for") marks a target aspirational, unless a note says why not."""
    failures = []
    for ind in INDICATORS:
        for t in ind["targets"]:
            items = [(t["id"], t.get("strength", "binding"), t["source"].get("quote") or "", t.get("note"))]
            items += [
                (
                    f"{t['id']}.statements[{k}]",
                    s.get("strength", "binding"),
                    s["source"].get("quote") or "",
                    s.get("note"),
                )
                for k, s in enumerate(t.get("statements", []))
            ]
            for where, strength, quote, note in items:
                striving = "力争" in quote or "力促" in quote
                if striving and strength != "aspirational" and not (note and "力争" in note):
                    failures.append(f"{where}: {quote!r} says 力争 but is {strength}")
                if strength == "aspirational" and not striving:
                    failures.append(f"{where}: aspirational but {quote!r} does not say 力争")
    assert not failures, "\n".join(failures)


# ── the 2023 figures (一、试点基础) ────────────────────────────────────────────

EXPECTED_2023 = {
    # indicator: the figure as the document writes it
    "gdp": "75.33",
    "gdp_growth": "7.5",
    "industrial_output": "74.22",
    "industrial_output_growth": "17.4",
    "retail_sales": "10.44",
    "retail_sales_growth": "8.9",
    "resident_income": "45356",
    "resident_income_growth": "6.6",
    "village_collective_income": "380",
}


def test_2023_figures_are_the_documents():
    # The figures in the two sentences of 一、试点基础 that report 2023 (the 15 villages
    # and 20万元 threshold are counts and a threshold, not results).
    start = TEXT.index("2023年，全镇")
    sentences = TEXT[start : TEXT.index("380万元。", start) + len("380万元。")]
    stated = set(NUMBER.findall(sentences)) - {"2023", "15", "20"}
    assert stated == set(EXPECTED_2023.values())


@pytest.mark.parametrize(("indicator", "figure"), EXPECTED_2023.items())
def test_2023_observation(indicator, figure):
    found = [o for o in OBSERVATIONS if o["indicator"] == indicator and str(o["period"]) == "2023"]
    assert len(found) == 1, f"one 2023 observation of {indicator}"
    obs = found[0]
    assert obs["value"] == float(figure)
    quote = obs["source"]["quote"]
    assert figure in quote and squash(quote) in FLAT
    assert obs["source"]["ref"] == "一、试点基础"


# ── tasks, policies, reforms ─────────────────────────────────────────────────


def test_task_groups_match_the_text():
    groups = TASKS["task_groups"]
    assert [g["number"] for g in groups] == [1, 2, 3, 4, 5]
    assert {g["number"]: g["title"] for g in groups} == GROUP_TITLES
    for g in groups:
        assert f"“{g['name']}”" in g["title"]


@pytest.mark.parametrize("task", TASK_TEXT, ids=lambda t: f"task{t['number']}")
def test_task_matches_the_text(task):
    by_number = {t["number"]: t for t in TASKS["tasks"]}
    groups = {g["id"]: g["number"] for g in TASKS["task_groups"]}
    got = by_number.get(task["number"])
    assert got is not None
    assert got["name"] == task["name"]
    assert groups[got["group"]] == task["group"]
    assert got["lead"] == task["lead"]
    assert got.get("support", []) == task["support"]
    assert got["source"]["quote"] == task["departments"]


def test_fifteen_tasks():
    assert len(TASKS["tasks"]) == len(TASK_TEXT) == 15


@pytest.mark.parametrize(
    ("key", "rows"), [("policies", POLICIES), ("reforms", REFORMS)], ids=["policies-annex2", "reforms-annex3"]
)
def test_list_matches_the_annex(key, rows):
    items = TASKS[key]
    assert len(items) == len(rows) == {"policies": 19, "reforms": 12}[key]
    annex = "附件2" if key == "policies" else "附件3"
    for item, row in zip(items, rows, strict=True):
        assert item["number"] == row["number"]
        assert item["text"] == row["text"], f"{key} {row['number']}"
        assert item["lead"] == row["lead"], f"{key} {row['number']}"
        assert item["source"]["ref"] == f"{annex} 序号{row['number']}"


def test_document_self_contradiction_on_the_finance_centre_is_kept():
    # 附件2 writes 区金融发展事务中心, 附件3 row 12 writes 区金融事务发展中心: the data
    # keeps each list verbatim rather than silently harmonising them.
    assert "区金融发展事务中心" in POLICIES[4]["lead"]
    assert REFORMS[11]["lead"] == ["区金融事务发展中心"]


# ── the fixes of issue 12, each against the text ────────────────────────────

GOALS = TEXT[TEXT.index("（三）试点目标") : TEXT.index("三、试点任务")]


def _sentence(quote: str) -> str:
    """The sentence of the document (up to 。) that holds `quote`."""
    flat_quote = squash(quote)
    found = [s for s in FLAT.split("。") if flat_quote in s]
    assert found, quote
    return found[0]


def test_every_title_to_keep_is_a_target():
    # 二（三）: 持续巩固提升“国家卫生城镇”“重庆市生态文明建设示范镇”创建成果 — two titles already won, to keep.
    sentence = re.search(r"持续巩固提升((?:“[^”]+”)+)创建成果", squash(GOALS))
    assert sentence, "the commitment is in 二（三）"
    titles = re.findall(r"“([^”]+)”", sentence.group(1))
    assert titles == ["国家卫生城镇", "重庆市生态文明建设示范镇"]
    kept = {
        t["id"]: (ind, t)
        for ind in INDICATORS
        for t in ind["targets"]
        if t["kind"] == "milestone" and t["direction"] == "maintain"
    }
    for title in titles:
        matches = [(ind, t) for ind, t in kept.values() if title in ind["name"]]
        assert len(matches) == 1, title
        _, t = matches[0]
        assert squash(sentence.group(0)) in squash(t["source"]["quote"])
        # Held at the baseline: 一、试点基础 says the town has won it (获评), under a name close to this one.
        base = t["baseline"]
        assert base["value"] == "done" and "获评" in base["source"]["quote"]
        assert base["source"]["ref"] == "一、试点基础"
    assert len(kept) == len(titles)


def test_a_figure_without_its_year_in_its_sentence_is_marked_inferred():
    # 380万元 and "15个村（社区）…均超过20万元" stand in a sentence that names no year; the 2023 figures before
    # them stand in one that begins 2023年.
    inferred = []
    for obs in OBSERVATIONS:
        sentence = _sentence(obs["source"]["quote"])
        stated = f"{obs['period']}年" in sentence
        assert stated != bool(obs.get("inferred")), obs["indicator"]
        if obs.get("inferred"):
            inferred.append(obs["indicator"])
    assert inferred == ["village_collective_income", "villages_income_over_200k"]


def test_a_rate_target_belongs_to_the_tasks_of_the_level_on_its_quantity():
    # Annex 1 row 4 (规模以上工业总产值年均增速) and task 1's 110 亿元 (到2025年，规模以上工业总产值达到110亿元)
    # are targets on one quantity: the task that carries the level carries the rate.
    by_id = {ind["id"]: ind for ind in INDICATORS}
    carried = {task["number"]: set(task["targets"]) for task in TASKS["tasks"]}
    for ind in INDICATORS:
        if not ind.get("rate_of"):
            continue
        levels = {t["id"] for t in by_id[ind["rate_of"]]["targets"] if t["kind"] == "level"}
        rates = {t["id"] for t in ind["targets"] if t["kind"] == "average_growth"}
        for number, targets in carried.items():
            if targets & levels:
                assert rates <= targets, (number, rates)
    task1 = next(t for t in TASK_TEXT if t["number"] == 1)
    assert "规模以上工业总产值达到110亿元" in FLAT[FLAT.index(squash(task1["name"])) :][:2000]
    assert "industrial_output_growth" in carried[1]


def test_the_zones_two_areas_are_both_kept():
    # 一、试点基础: 城乡融合发展先行区（3.5平方公里）; task 8: 3平方公里城乡融合发展试验先行区.
    zone = next(ind for ind in INDICATORS if ind["id"] == "integration_zone_area")
    assert zone["targets"] == []
    assert [(s["source"]["ref"], s["value"]) for s in zone["statements"]] == [
        ("一、试点基础", 3.5),
        ("三（三）8 高水平建设宜居宜业和美乡村", 3),
    ]
    for s in zone["statements"]:
        assert squash(s["source"]["quote"]) in FLAT
