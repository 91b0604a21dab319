"""AppTest fixtures: every test starts from the entrypoint on its own database file."""

from __future__ import annotations

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
def app_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the dashboard at a fresh database file."""
    path = tmp_path / "app.duckdb"
    monkeypatch.setenv("LIFTBOARD_DB", str(path))
    return path


@pytest.fixture
def demo_db(app_db: Path) -> Path:
    """The dashboard's database file, holding twelve weeks of the demo log."""
    con = connect(app_db)
    write_demo(con, weeks=12)
    con.close()
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
