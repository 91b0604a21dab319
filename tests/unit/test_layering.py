"""The layering rule: pipelines/ never imports Streamlit; pages never write SQL."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_nothing_under_pipelines_imports_streamlit():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "pipelines").rglob("*.py")
        if "streamlit" in _imports(path)
    ]
    assert offenders == []


def test_pages_do_not_import_duckdb():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "dashboard" / "app_pages").rglob("*.py")
        if "duckdb" in _imports(path)
    ]
    assert offenders == []


def test_the_layering_check_sees_a_streamlit_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from streamlit import session_state\n")
    assert "streamlit" in _imports(sample)


def test_the_dashboard_runs_no_sql_of_its_own():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "dashboard").rglob("*.py")
        if ".execute(" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
