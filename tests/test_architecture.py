"""The import arrows of ARCHITECTURE.md hold: no module imports across a line it must not.

Every module under audit/ is parsed (ast), its imports collected wherever they stand (module
level, inside a function, under TYPE_CHECKING), and each one checked against the layer table.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "audit"

# The layers, lowest first; a unit is a top-level module or package of audit/.
CORE = {"", "core", "models", "errors", "private", "faults"}
CONFIG = {"config", "field_map"}
STAGES = {"contracts", "rules", "erp", "checks", "owners", "store", "report", "notify"}
WIRING = {"pipeline", "delivery", "lock", "limits", "needs", "inputs", "provenance"}
FRONT = {"cli", "schedule", "__main__"}

# what each layer may import besides itself: a stage imports core and config, never another
# stage; only the wiring joins stages; the fronts (command line, scheduler) call the wiring
ALLOWED = {
    "core": CORE,
    "config": CORE | CONFIG,
    "stage": CORE | CONFIG,
    "wiring": CORE | CONFIG | STAGES | WIRING,
    "front": CORE | CONFIG | FRONT | {"pipeline"},
}

# Known crossings, each named by file and module, to move later (ARCHITECTURE.md says why);
# any other import across a line fails. None today.
KNOWN: set[tuple[str, str]] = set()


def layer(unit: str) -> str:
    """The layer a unit belongs to ('none' for a module without a home)."""
    for name, units in (("core", CORE), ("config", CONFIG), ("stage", STAGES),
                        ("wiring", WIRING), ("front", FRONT)):
        if unit in units:
            return name
    return "none"


def module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def unit_of(module: str) -> str:
    """'audit.rules.schema' -> 'rules'; 'audit' -> '' (the package itself: its version)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _is_module(package: Path, name: str) -> bool:
    """Whether `from audit import name` imports a submodule (else a name of audit/__init__)."""
    return (package / f"{name}.py").exists() or (package / name / "__init__.py").exists()


def imported(path: Path, package: Path = PACKAGE) -> list[tuple[int, str]]:
    """(line, module) of every audit import in a file, lazy ones inside functions included."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    here = module_name(path, package).split(".")
    package_root = package
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against this module's package
                package = here if path.name == "__init__.py" else here[:-1]
                base = ".".join(package[:len(package) - node.level + 1] + ([base] if base else []))
            if base == "audit":  # from audit import cli: the submodule is what is imported
                found += [(node.lineno, f"audit.{a.name}" if _is_module(package_root, a.name)
                           else "audit") for a in node.names]
            else:
                found.append((node.lineno, base))
    return [(line, m) for line, m in found if m == "audit" or m.startswith("audit.")]


def violations(package: Path = PACKAGE) -> list[str]:
    """Each import that crosses a line, as 'file:line: a (layer) -> b (layer)'."""
    bad = []
    for path in sorted(package.rglob("*.py")):
        source = unit_of(module_name(path, package))
        if layer(source) == "none":
            continue  # test_every_module_has_a_layer names it
        allowed = ALLOWED[layer(source)] | {source}
        where = str(path.relative_to(package.parent))
        for line, module in imported(path, package):
            target = unit_of(module)
            if target not in allowed and (package != PACKAGE or (where, module) not in KNOWN):
                bad.append(f"{path.relative_to(package.parent)}:{line}: {source} "
                           f"({layer(source)}) imports {module} ({layer(target)})")
    return bad


def test_no_import_crosses_a_line() -> None:
    bad = violations()
    assert not bad, "imports against ARCHITECTURE.md:\n" + "\n".join(bad)


def test_each_known_crossing_still_exists() -> None:
    """A crossing fixed leaves the list, so the list never excuses a new one."""
    present = {(str(p.relative_to(PACKAGE.parent)), m) for p in PACKAGE.rglob("*.py")
               for _, m in imported(p)}
    assert not KNOWN - present, f"fixed, remove from KNOWN: {sorted(KNOWN - present)}"


def test_every_module_has_a_layer() -> None:
    homeless = sorted(u for u in {unit_of(module_name(p)) for p in PACKAGE.rglob("*.py")}
                      if layer(u) == "none")
    assert not homeless, f"modules without a layer in ARCHITECTURE.md: {homeless}"


@pytest.mark.parametrize("source, line, verdict", [
    ("checks/lead_time.py", "from audit.rules.schema import Rule", "stage"),
    ("checks/lead_time.py", "def f():\n    from audit.store import db", "stage"),
    ("cli/run.py", "from audit.store.db import Store", "front"),
    ("core/parse.py", "from ..config import AuditConfig", "core"),
])
def test_a_crossing_import_is_caught_even_lazy_or_relative(tmp_path: Path, source: str,
                                                           line: str, verdict: str) -> None:
    root = tmp_path / "audit"
    target = root / source
    target.parent.mkdir(parents=True)
    for folder in (root, target.parent):
        (folder / "__init__.py").write_text("")
    target.write_text(line + "\n")
    [found] = violations(root)
    assert found.startswith(f"audit/{source}:") and f"({verdict}) imports" in found
