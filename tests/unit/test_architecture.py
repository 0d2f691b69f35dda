"""The layers stay visible: domain ← db ← services ← gui. Checked on the source, import by import."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "iok_desktop"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def _modules(*parts: str) -> list[Path]:
    return sorted(PACKAGE.joinpath(*parts).rglob("*.py"))


def _offenders(files: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{path.relative_to(PACKAGE.parent)} imports {name}"
        for path in files
        for name in sorted(_imports(path))
        if name.split(".")[0] in forbidden or name.startswith(forbidden)
    ]


@pytest.mark.parametrize("layer", ["domain", "db", "services", "demo"])
def test_core_layers_import_no_qt(layer: str) -> None:
    assert _offenders(_modules(layer), ("PySide6", "shiboken6", "iok_desktop.gui")) == []


def test_domain_knows_nothing_of_the_database_or_services() -> None:
    assert (
        _offenders(_modules("domain"), ("sqlalchemy", "alembic", "psycopg", "iok_desktop.db", "iok_desktop.services"))
        == []
    )


def test_db_layer_does_not_reach_up_into_services() -> None:
    assert _offenders(_modules("db"), ("iok_desktop.services",)) == []


def test_gui_imports_no_sqlalchemy() -> None:
    assert _offenders(_modules("gui"), ("sqlalchemy", "alembic", "psycopg", "iok_desktop.db")) == []


def test_the_command_line_loads_qt_only_to_start_the_window() -> None:
    """Administrative commands (db upgrade, user add) run on servers without a display."""
    probe = "import sys, iok_desktop.cli.main; print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
