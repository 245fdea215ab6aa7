"""The layer rule: every import in the package points down the stack of layers.

The stack, lowest first (DESIGN.md's diagram): the foundation (errors, text, safe writes),
the time type, the models, then the resolver and the iCalendar codec side by side, then
the catalogue and extraction side by side, the feeds and the proposals (which read an
article with extraction and match it with the catalogue) side by side, the web layer and
the CLI.  A module
may import from its own package and from packages of lower layers only; packages on the
same layer never import each other.  So, for one, the calendar writer can never come to
depend on the catalogue loader.  The top-level ``summitcal`` namespace, which re-exports
lazily from every layer, sits just under the CLI.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "summitcal"

#: Packages (or top-level modules) by layer, lowest first.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"errors", "_version"}),
    frozenset({"text", "atomic", "_unchecked"}),
    frozenset({"publish"}),
    frozenset({"span"}),
    frozenset({"models"}),
    frozenset({"resolver", "ical"}),
    frozenset({"catalog", "extraction"}),
    frozenset({"feeds", "proposals"}),
    frozenset({"web"}),
    frozenset({""}),  # the top-level namespace, for the CLI's version and lazy names
    frozenset({"cli"}),
    frozenset({"__main__"}),
)
RANK = {part: rank for rank, parts in enumerate(LAYERS) for part in parts}


def _part(module: str) -> str:
    """The layer part a dotted module name belongs to: its first name below summitcal."""
    names = module.split(".")
    return names[1] if len(names) > 1 else ""


def _module_name(path: Path) -> str:
    relative = path.relative_to(SRC.parent).with_suffix("")
    names = list(relative.parts)
    if names[-1] == "__init__":
        names.pop()
    return ".".join(names)


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every summitcal module the file imports, anywhere in it, with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
    return [(line, name) for line, name in found if name.split(".")[0] == "summitcal"]


MODULES = sorted(p for p in SRC.rglob("*.py") if p != SRC / "__init__.py")


def test_every_module_has_a_layer() -> None:
    """Each module of the package sits in a layer, so the rule below covers all of them."""
    assert {_part(_module_name(p)) for p in MODULES} <= set(RANK)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module_name(p))
def test_imports_point_down(path: Path) -> None:
    """A module imports only its own package and packages of lower layers."""
    own = _part(_module_name(path))
    upward = [
        f"line {line}: {target}"
        for line, target in _imports(path)
        if (part := _part(target)) != own and RANK[part] >= RANK[own]
    ]
    assert not upward, f"{_module_name(path)} imports from its own layer or above: {upward}"


def test_the_rule_catches_an_upward_import(tmp_path: Path) -> None:
    """The check itself: an import of the catalogue from the iCalendar layer is found."""
    bad = tmp_path / "bad.py"
    bad.write_text("from summitcal.catalog import Catalog\n", "utf-8")
    assert [_part(t) for _, t in _imports(bad)] == ["catalog"]
    assert RANK["catalog"] >= RANK["ical"]
