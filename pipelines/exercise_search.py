"""The exercise search of the Log page: one option per exercise, the likeliest first.

The options come in one fixed order (`marts/exercise_search`): the athlete's recent lifts,
latest first; then the common lifts, most common first (`data/exercise_popularity.csv`);
then the rest, shortest name first. The search box keeps the options whose label holds the
typed text, in that order, so the first option left is the likeliest lift. Each option's
label is the exercise's name followed by its aliases, so typing another app's name (`RDL`,
`Bench Press (Barbell)`) finds the exercise once, not once per alias.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from pipelines.db import read_sql
from pipelines.schemas import ExerciseOption, validate

# An exercise done within this many days before the day being logged counts as recent.
RECENT_DAYS = 90


def exercise_options(
    con: duckdb.DuckDBPyConnection, athlete_id: int | None, as_of: dt.date | None = None
) -> pd.DataFrame:
    """Every exercise once, in the order the search offers them (see the module docstring).

    Args:
        con: The database.
        athlete_id: Whose recent lifts come first (None: nobody's).
        as_of: The day being logged (today when None); lifts of the `RECENT_DAYS` before it
            and of that day count as recent.
    """
    params = {
        "athlete_id": athlete_id,
        "as_of": as_of or dt.date.today(),
        "recent_days": RECENT_DAYS,
    }
    frame = con.cursor().execute(read_sql("marts/exercise_search"), params).df()
    return validate(ExerciseOption, frame)


def matching(options: pd.DataFrame, typed: str) -> pd.DataFrame:
    """The options the search box keeps for `typed`, first match first.

    The box keeps each option whose label holds the typed text, ignoring case, and leaves
    their order alone; this does the same, so what it returns is what the lifter sees.
    """
    needle = typed.strip().casefold()
    if not needle:
        return options
    return options[options["label"].str.casefold().str.contains(needle, regex=False)]
