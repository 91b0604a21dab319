"""The layers, as import-linter contracts (pyproject.toml) plus what imports cannot show.

`make test` runs `lint-imports` over the real tree; these tests prove the contracts can fail,
and check the rules that are not imports: no SQL in the dashboard's faces or the command line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint_imports(root: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=root,
        env=os.environ | {"PYTHONPATH": str(root)},  # the packages under `root` come first
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def _copy_of_the_tree(into: Path) -> Path:
    """The packages and the contracts, copied, so a probe never lands in the real tree."""
    for package in ("dashboard", "pipelines", "catalog_builder"):
        shutil.copytree(
            ROOT / package, into / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copyfile(ROOT / "pyproject.toml", into / "pyproject.toml")
    return into


def test_the_tree_keeps_every_import_contract():
    done = _lint_imports()
    assert done.returncode == 0, done.stdout
    assert "0 broken" in done.stdout


@pytest.mark.parametrize(
    ("module", "source", "broken"),
    [
        ("pipelines", "import streamlit\n", "The pipelines never import the UI libraries"),
        ("pipelines", "import dashboard.bench\n", "The dashboard builds on the pipelines"),
        (
            "pipelines",
            "import importlib\nimportlib.import_module('x')\nimport dashboard\n",
            "The dashboard builds on the pipelines",
        ),
        ("dashboard/components", "import duckdb\n", "Pages and components reach the database"),
        ("pipelines/cli", "import duckdb\n", "The command line runs no SQL of its own"),
    ],
)
def test_a_module_that_breaks_a_layer_is_caught(module, source, broken, tmp_path):
    tree = _copy_of_the_tree(tmp_path)
    probe = tree / module / "zz_layer_probe.py"
    probe.write_text(f'"""A probe that breaks a layer."""\n\n{source}', encoding="utf-8")
    done = _lint_imports(tree)
    assert done.returncode != 0
    assert f"{broken}" in done.stdout
    assert "BROKEN" in done.stdout
    assert "zz_layer_probe" in done.stdout


@pytest.mark.parametrize(
    "folder", ["dashboard", "pipelines/cli"], ids=["the dashboard", "the command line"]
)
def test_no_sql_is_run_outside_the_pipelines(folder):
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / folder).rglob("*.py")
        if ".execute(" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
