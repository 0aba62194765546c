"""The folders are layers: no module imports from a layer above its own.

Read from the source with `ast` (not by importing), so that an import inside a
function counts as much as one at the top of a module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "qzdc"

# Lowest first. A module may import from its own layer and any layer before it.
LAYERS = ["base", "plan", "engine", "actuals", "views", "render", "report", "cli"]
BASE_MODULES = {"errors", "fsutil", "i18n", "__init__"}
# Third-party packages only some layers may import.
ONLY = {"typer": {"cli"}, "click": {"cli"}, "rich": {"render"}}


def layer_of(module: str) -> str:
    """`qzdc.views.status` → views; `qzdc.errors` → base; `qzdc.__main__` → cli (it only starts the CLI)."""
    parts = module.split(".")
    assert parts[0] == "qzdc", module
    if len(parts) == 1 or parts[1] in BASE_MODULES:
        return "base"
    if parts[1] == "__main__":
        return "cli"
    assert parts[1] in LAYERS, f"{module} is in no layer: add its package to LAYERS"
    return parts[1]


def modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    return (SRC / f"{name}.py").is_file() or (SRC / name / "__init__.py").is_file()


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import in the file, however deep in a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}:{node.lineno}: use absolute imports"
            base = node.module or ""
            # `from qzdc import cache` imports the module qzdc.cache; `from qzdc import __version__`, a name.
            if base == "qzdc":
                found += [(node.lineno, f"qzdc.{a.name}" if is_module(a.name) else "qzdc") for a in node.names]
            else:
                found.append((node.lineno, base))
    return found


def test_every_module_is_in_a_layer():
    for path in modules():
        layer_of(module_name(path))


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_imports_from_a_layer_above_its_own(path: Path):
    own = layer_of(module_name(path))
    allowed = set(LAYERS[: LAYERS.index(own) + 1])
    for line, imported in imports(path):
        top = imported.split(".")[0]
        if top == "qzdc":
            assert layer_of(imported) in allowed, f"{path.relative_to(SRC)}:{line}: {own} imports {imported}"
        elif top in ONLY:
            assert own in ONLY[top], f"{path.relative_to(SRC)}:{line}: only {ONLY[top]} may import {top}"


def test_the_rule_catches_a_violation(tmp_path: Path):
    """The checker itself: an engine module importing a view, and a view importing rich, are caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from qzdc.views.status import build_status\n    import rich.table\n")
    found = imports(bad)
    assert found == [(2, "qzdc.views.status"), (3, "rich.table")]
    assert layer_of("qzdc.views.status") not in LAYERS[: LAYERS.index("engine") + 1]
    assert layer_of("qzdc.errors") == "base" and layer_of("qzdc") == "base"


def test_each_package_says_what_it_holds_and_may_import():
    for package in LAYERS[1:]:
        doc = ast.get_docstring(ast.parse((SRC / package / "__init__.py").read_text(encoding="utf-8")))
        assert doc and "import" in doc.lower(), (
            f"qzdc/{package}/__init__.py: say what lives there and what it may import"
        )
