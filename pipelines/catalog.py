"""Reading the exercise catalog: exercises with their muscles, templates and variations."""

from __future__ import annotations

import duckdb
import pandas as pd

from pipelines.db import read_sql


def exercise_catalog(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per exercise: ids, name, equipment, load type, primary and secondary muscles."""
    return con.cursor().execute(read_sql("marts/exercise_catalog")).df()
