"""The dashboard's only door to the data: the shared connection and cached reads.

Every cached read takes the data version, which every write bumps, so a logged set shows at
once and a replaced database never shows stale figures.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import streamlit as st

from pipelines import logbook
from pipelines.catalog import exercise_catalog
from pipelines.db import connect, resolve_db_path


@st.cache_resource
def get_connection() -> duckdb.DuckDBPyConnection:
    """The one connection of this server process; each query uses its own cursor."""
    return connect(resolve_db_path())


def db_path() -> str:
    """The database file this dashboard works on."""
    return resolve_db_path()


def data_version() -> int:
    """The current data version (the newest change id)."""
    return logbook.data_version(get_connection())


@st.cache_data(ttl=600, max_entries=4)
def catalog(version: int) -> pd.DataFrame:
    """One row per exercise with its primary and secondary muscles."""
    return exercise_catalog(get_connection())


@st.cache_data(ttl=600, max_entries=16)
def athletes(version: int) -> pd.DataFrame:
    """One row per athlete."""
    return logbook.athletes(get_connection())


@st.cache_data(ttl=600, max_entries=32)
def day_sets(version: int, athlete_id: int, day: str) -> pd.DataFrame:
    """One row per set the athlete logged on `day`."""
    return logbook.day_sets(get_connection(), athlete_id, day)
