"""AppTest fixtures: every test starts from the entrypoint on its own database file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "streamlit_app.py")


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
