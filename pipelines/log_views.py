"""Reads for the Log page that are not the logging API itself (see `pipelines.logbook`)."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from pipelines.db import read_sql


def catalog_version(con: duckdb.DuckDBPyConnection) -> int:
    """A number that changes when exercise names, aliases or templates may have changed.

    Logging a set does not change it, so the exercise search is not rebuilt after every set.
    """
    row = con.cursor().execute(read_sql("marts/catalog_version")).fetchone()
    return int(row[0]) if row else 0


def previous_sets(
    con: duckdb.DuckDBPyConnection, athlete_id: int, exercise_id: str, day: dt.date
) -> pd.DataFrame:
    """The sets of `exercise_id` in the athlete's latest session before `day` that had it.

    Returns:
        One row per set in order: `set_index`, `set_type`, `weight_kg`, `entered_weight`,
        `entered_unit`, `reps`, `duration_s`, `rpe`, `performed_on`; no rows the first time.
    """
    params = {"athlete_id": athlete_id, "exercise_id": str(exercise_id), "day": day}
    return con.cursor().execute(read_sql("marts/previous_sets"), params).df()
