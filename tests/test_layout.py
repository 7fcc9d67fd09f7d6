"""The package boundaries of DESIGN.md, checked on every import statement in the tree."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ["meetings", "server", "signing", "media", "ecabinet"]
ALLOWED_THIRD_PARTY = {"meetings": {"pydantic"}}
FORBIDDEN = {
    "meetings": {"server", "signing", "media", "ecabinet"},
    "signing": {"server", "ecabinet", "media", "meetings"},
    "media": {"server", "ecabinet", "signing", "meetings"},
    "server": {"ecabinet"},
    "ecabinet": {"server"},
}


def imports(package: str) -> list[tuple[Path, str]]:
    found = []
    for path in (ROOT / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [(path, alias.name.split(".")[0]) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.append((path, node.module.split(".")[0]))
    return found


@pytest.mark.parametrize("package", PACKAGES)
def test_only_the_client_imports_qt(package: str) -> None:
    if package == "ecabinet":
        return
    offenders = [str(p.relative_to(ROOT)) for p, name in imports(package) if name == "PySide6"]
    assert offenders == []


@pytest.mark.parametrize("package", list(FORBIDDEN))
def test_packages_keep_their_boundaries(package: str) -> None:
    offenders = [
        f"{p.relative_to(ROOT)} imports {name}"
        for p, name in imports(package)
        if name in FORBIDDEN[package]
    ]
    assert offenders == []


def test_the_domain_uses_only_the_standard_library_and_pydantic() -> None:
    allowed = set(sys.stdlib_module_names) | {"meetings", "__future__"}
    allowed |= ALLOWED_THIRD_PARTY["meetings"]
    offenders = [
        f"{p.relative_to(ROOT)} imports {name}"
        for p, name in imports("meetings")
        if name not in allowed
    ]
    assert offenders == []


def test_the_server_starts_without_the_heavy_libraries() -> None:
    """pyHanko, pypdf, aiortc, PyAV and fpdf2 load with the first request that needs them:
    imported at start they cost the server half its start-up time (docs/benchmarks.md)."""
    probe = (
        "import sys, server.app, server.handlers as h; h.load_all(); "
        "print(' '.join(m for m in ('pyhanko', 'pypdf', 'aiortc', 'av', 'fpdf') "
        "if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == ""
