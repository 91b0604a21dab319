"""AppTest fixtures: every test starts from the entrypoint on its own database file.

The files are copies of ones prepared once per run (see `template_db` in tests/conftest.py).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from pipelines.db import connect
from pipelines.demo import write_demo

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "streamlit_app.py")
PAGES = [
    "app_pages/log_sets.py",
    "app_pages/workout.py",
    "app_pages/trends.py",
    "app_pages/exercises.py",
    "app_pages/data.py",
]


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    """Cached connections and reads never leak from one test into the next."""
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def new_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the dashboard at a database file that does not exist yet."""
    path = tmp_path / "app.duckdb"
    monkeypatch.setenv("LIFTBOARD_DB", str(path))
    return path


@pytest.fixture
def app_db(new_db: Path, template_db: Path) -> Path:
    """Point the dashboard at a fresh database file, as `liftboard serve` leaves it before it
    starts the dashboard: migrated and loaded with the catalog, nothing logged."""
    shutil.copyfile(template_db, new_db)
    return new_db


@pytest.fixture(scope="session")
def demo_template(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve weeks of the demo log, written once per run; tests get copies of the file."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    shutil.copyfile(template_db, path)
    con = connect(path)
    write_demo(con, weeks=12)
    con.execute("checkpoint")  # everything in the one file, so a copy is complete
    con.close()
    return path


@pytest.fixture
def demo_db(app_db: Path, demo_template: Path) -> Path:
    """The dashboard's database file, holding twelve weeks of the demo log."""
    shutil.copyfile(demo_template, app_db)
    return app_db


@pytest.fixture
def db(app_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A second connection to the dashboard's database, to check what a page wrote."""
    con = connect(app_db)
    yield con
    con.close()


def open_page(page_path: str) -> AppTest:
    """Run the entrypoint, then switch to `page_path`, as a browser opening that page would."""
    at = AppTest.from_file(APP, default_timeout=120).run()
    return at.switch_page(page_path).run()
