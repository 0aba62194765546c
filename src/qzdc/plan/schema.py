"""The JSON Schema of each plan file, generated from the models, shipped with qzdc.

An editor with the YAML language server reads `# yaml-language-server:
$schema=…` at the top of a plan file and then completes field names, shows what
each means and underlines mistakes. The schemas come from the same models that
validate the files (pydantic's `json_schema`), with each field's meaning taken
from docs/plan-format.md, the table's notations (≥, 以上, 约束性 …) added to the
comparators and strengths, and the fields qzdc fills in itself left out.

They ship as files in `qzdc/schemas/` so that `qzdc schema` needs neither
pydantic nor the docs at run time; `tests/test_plan_format.py` fails when a
shipped file differs from what the models and the docs give, and
`python -m qzdc.plan.schema` writes them again.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from qzdc.plan.models import IndicatorsFile, ObservationsFile, PlanFile, TasksFile

FILES: dict[str, type] = {
    "plan": PlanFile,
    "indicators": IndicatorsFile,
    "tasks": TasksFile,
    "observations": ObservationsFile,
}
SHIPPED = Path(__file__).resolve().parents[1] / "schemas"
DOC = Path(__file__).resolve().parents[3] / "docs" / "plan-format.md"
# Filled in by qzdc when the plan is assembled; a plan file that writes them is refused.
_INTERNAL = {"Target": ("indicator", "flow")}
_DRAFT = "https://json-schema.org/draft/2020-12/schema"


def shipped_path(kind: str) -> Path:
    return SHIPPED / f"{kind}.schema.json"


def shipped_text(kind: str) -> str:
    """The schema of one plan file as qzdc ships it."""
    return shipped_path(kind).read_text(encoding="utf-8")


def field_docs(text: str) -> dict[str, dict[str, str]]:
    """Each model's fields and their meaning, from plan-format.md's tables.

    A section `### Model — …` holds a table whose rows start with the field in
    backticks; the fourth cell is its meaning.
    """
    docs: dict[str, dict[str, str]] = {}
    model = None
    for line in text.splitlines():
        heading = re.match(r"^### (\w+) — ", line)
        if heading:
            model = heading.group(1)
            docs.setdefault(model, {})
            continue
        if line.startswith(("## ", "### ")):
            model = None
        row = re.match(r"^\| `(\w+)` \|", line)
        if model is not None and row:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            docs[model][row.group(1)] = cells[3] if len(cells) > 3 else ""
    return docs


def _plain(text: str) -> str:
    """A meaning as an editor shows it: Markdown's backticks dropped."""
    return text.replace("`", "")


def _walk(node: Any, visit: Any) -> None:
    if isinstance(node, dict):
        visit(node)
        for value in node.values():
            _walk(value, visit)
    elif isinstance(node, list):
        for value in node:
            _walk(value, visit)


def generate(kind: str, docs: dict[str, dict[str, str]]) -> dict[str, Any]:
    """The schema of one plan file, from the models and the fields' meanings in `docs`."""
    from pydantic import TypeAdapter

    from qzdc.plan.notation import COMPARATORS, STRENGTHS

    model = FILES[kind]
    schema = TypeAdapter(model).json_schema()
    definitions = schema.setdefault("$defs", {})
    definitions[model.__name__] = {k: v for k, v in schema.items() if k != "$defs"}
    for name, definition in definitions.items():
        properties = definition.get("properties", {})
        for internal in _INTERNAL.get(name, ()):
            properties.pop(internal, None)
        for field, prop in properties.items():
            prop.pop("title", None)
            meaning = docs.get(name, {}).get(field)
            if meaning:
                prop["description"] = _plain(meaning)
        if "description" in definition:
            definition["description"] = " ".join(definition["description"].split())

    comparators = sorted(set(COMPARATORS) - {">=", ">", "<=", "<", "=", "~"})
    strengths = sorted(STRENGTHS)

    def notations(node: dict[str, Any]) -> None:
        # The table's own notations are accepted where the canonical words are.
        enum = node.get("enum")
        if enum == [">=", ">", "<=", "<", "=", "~"]:
            node["enum"] = [*enum, *comparators]
        elif enum == ["binding", "anticipatory", "aspirational"]:
            node["enum"] = [*enum, *strengths]

    _walk(definitions, notations)
    return {
        "$schema": _DRAFT,
        "title": f"qzdc {kind}.yaml",
        "description": f"The {kind}.yaml file of a qzdc plan: docs/plan-format.md.",
        "$ref": f"#/$defs/{model.__name__}",
        "$defs": dict(sorted(definitions.items())),
    }


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write() -> None:
    """Write every shipped schema again from the models and docs/plan-format.md (a checkout only)."""
    docs = field_docs(DOC.read_text(encoding="utf-8"))
    SHIPPED.mkdir(exist_ok=True)
    for kind in FILES:
        shipped_path(kind).write_text(dumps(generate(kind, docs)), encoding="utf-8")


if __name__ == "__main__":
    write()
