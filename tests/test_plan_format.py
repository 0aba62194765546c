"""docs/plan-format.md documents every field, and the JSON Schema follows the models (#16 items 1, 2).

- Every field of every model a plan file holds has a row in the doc's table for
  its model, and every row names a field that exists.
- The schemas shipped in the package are what the models and the doc give.
- The schemas accept the built-in plan and the test plans, and reject broken
  files at the place that is wrong.
- `qzdc schema` writes them.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from qzdc.plan import models
from qzdc.plan.loader import builtin_plan_dir
from qzdc.plan.schema import FILES, field_docs, generate, shipped_text
from qzdc.plan.yamlio import parse

ROOT = Path(__file__).resolve().parents[1]
PLANS = [builtin_plan_dir(), ROOT / "tests" / "fixtures" / "mini", ROOT / "tests" / "fixtures" / "fyp"]
# The checkout's docs, beside this test (where CI installs qzdc as a wheel, the package has no docs/).
DOC = ROOT / "docs" / "plan-format.md"
DOCS = field_docs(DOC.read_text(encoding="utf-8"))


def _models() -> dict[str, type]:
    return {
        name: cls
        for name, cls in vars(models).items()
        if isinstance(cls, type)
        and dataclasses.is_dataclass(cls)
        and cls.__module__ == models.__name__
        and name != "Plan"  # the assembled plan, not a file's content
    }


@pytest.mark.parametrize("name", sorted(_models()))
def test_every_field_of_every_model_is_documented(name):
    fields = [f.name for f in dataclasses.fields(_models()[name]) if f.init]
    assert name in DOCS, f"docs/plan-format.md has no section '### {name} — …'"
    missing = [f for f in fields if f not in DOCS[name]]
    assert not missing, f"{name}: fields not in docs/plan-format.md: {missing}"
    stale = [f for f in DOCS[name] if f not in fields]
    assert not stale, f"{name}: docs/plan-format.md documents fields that do not exist: {stale}"
    assert all(DOCS[name][f] for f in fields), f"{name}: a field's meaning is empty"


def test_the_doc_has_no_section_for_a_model_that_does_not_exist():
    assert set(DOCS) <= set(_models()), set(DOCS) - set(_models())


@pytest.mark.parametrize("kind", FILES)
def test_the_shipped_schema_is_generated_from_the_models_and_the_doc(kind):
    expected = json.dumps(generate(kind, DOCS), ensure_ascii=False, indent=2) + "\n"
    assert shipped_text(kind) == expected, "run: python -m qzdc.plan.schema  (then commit src/qzdc/schemas/)"


def _as_json(value: Any) -> Any:
    """A YAML document as an editor's language server sees it: dates are text."""
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _read(path: Path) -> Any:
    data, problems = parse(path.read_text(encoding="utf-8"), str(path))
    assert not problems, problems
    return _as_json(data)


def _validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(shipped_text(kind))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name)
@pytest.mark.parametrize("kind", FILES)
def test_the_schema_accepts_the_plans(plan, kind):
    path = plan / f"{kind}.yaml"
    if not path.exists():
        pytest.skip(f"{plan.name} has no {kind}.yaml")
    errors = sorted(_validator(kind).iter_errors(_read(path)), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def _set(data: Any, path: tuple, value: Any) -> Any:
    data = copy.deepcopy(data)
    node = data
    for part in path[:-1]:
        node = node[part]
    if value is _DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return data


_DELETE = object()
T0 = ("indicators", 0, "targets", 0)

BROKEN = [
    # (file, path to change, new value, the path the schema reports)
    ("plan", ("titel",), "x", ()),  # an unknown field
    ("plan", ("title",), _DELETE, ()),  # a required field left out
    ("plan", ("target_year",), "2025", ("target_year",)),  # a year as text
    ("plan", ("id",), "Wangu Plan", ("id",)),  # not a plan id
    ("plan", ("categories",), [], ("categories",)),  # no category
    ("plan", ("flags", 0, "id"), "Pilot", ("flags", 0, "id")),
    ("plan", ("lists", "tasks", "title"), _DELETE, ("lists", "tasks")),
    ("indicators", ("indicators", 0, "unit"), 1, ("indicators", 0, "unit")),
    ("indicators", ("indicators", 0, "annex_no"), 0, ("indicators", 0, "annex_no")),
    ("indicators", (*T0, "kind"), "percentage", (*T0, "kind")),
    ("indicators", (*T0, "comparator"), "=>", (*T0, "comparator")),
    ("indicators", (*T0, "strength"), "预计性", (*T0, "strength")),
    ("indicators", (*T0, "judged_on"), "end", (*T0, "judged_on")),
    ("indicators", (*T0, "tolerance"), -1, (*T0, "tolerance")),
    ("indicators", (*T0, "indicator"), "gdp", (*T0,)),  # filled in by qzdc, never written
    ("indicators", (*T0, "value"), [7.5], (*T0, "value")),
    ("tasks", ("tasks", 0, "lead"), [], ("tasks", 0, "lead")),
    ("tasks", ("policies", 0, "number"), 0, ("policies", 0, "number")),
    ("observations", ("observations", 0, "value"), {"v": 1}, ("observations", 0, "value")),
    ("observations", ("observations", 0, "indicator"), _DELETE, ("observations", 0)),
]


@pytest.mark.parametrize(("kind", "path", "value", "where"), BROKEN)
def test_the_schema_rejects_a_broken_file_at_its_place(kind, path, value, where):
    data = _read(builtin_plan_dir() / f"{kind}.yaml")
    errors = list(_validator(kind).iter_errors(_set(data, path, value)))
    assert errors, f"{kind}.yaml with {path} = {value!r} was accepted"
    assert any(tuple(e.absolute_path) == where for e in errors), [(tuple(e.absolute_path), e.message) for e in errors]


def test_the_schema_accepts_the_tables_notations():
    data = _read(builtin_plan_dir() / "indicators.yaml")
    for comparator in ("≥", "以上", "以内", "左右", "高于", "同步"):
        assert not list(_validator("indicators").iter_errors(_set(data, (*T0, "comparator"), comparator)))
    for strength in ("约束性", "预期性", "力争"):
        assert not list(_validator("indicators").iter_errors(_set(data, (*T0, "strength"), strength)))
    assert not list(_validator("indicators").iter_errors(_set(data, (*T0, "value"), "〔13.5〕")))


def test_the_schema_describes_each_field_from_the_doc():
    schema = json.loads(shipped_text("indicators"))
    target = schema["$defs"]["Target"]["properties"]
    assert target["judged_on"]["description"].startswith("Maintain and ordinal targets")
    assert "indicator" not in target and "flow" not in target


# ── qzdc schema ─────────────────────────────────────────────────────────────


def test_qzdc_schema_prints_one_file(cli):
    result = cli("schema", "indicators")
    assert result.exit_code == 0
    assert result.stdout == shipped_text("indicators")


def test_qzdc_schema_writes_all_four_into_a_directory(cli, tmp_path):
    result = cli("schema", "-o", str(tmp_path / "schema"))
    assert result.exit_code == 0, result.stderr
    for kind in FILES:
        assert (tmp_path / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8") == shipped_text(kind)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["schema", "plans"], "qzdc: error: no plan file is called 'plans'"),
        (["schema"], "qzdc: error: name a file (qzdc schema indicators) or a directory for all four"),
    ],
)
def test_qzdc_schema_usage_errors(cli, args, message):
    result = cli(*args, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
