"""A database another program holds: the dashboard and the CLI say so in a sentence."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP
from tests.conftest import held_open


@pytest.fixture
def held(app_db: Path) -> Iterator[Path]:
    """The dashboard's database file, held open by another process."""
    with held_open(app_db) as path:
        yield path


def test_the_dashboard_says_the_database_is_in_use_without_a_traceback(held):
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert "in use by another program" in at.error[0].value


def test_the_cli_says_the_database_is_in_use_and_exits_2(held):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipelines.cli",
            "log",
            "--db",
            str(held),
            "--date",
            "2026-11-20",
            "--exercise",
            "Pullups",
            "--reps",
            "5",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 2
    assert "in use by another program" in done.stderr
    assert "Traceback" not in done.stderr
