"""One exercise's history for one athlete: every session, rep records and the last record.

All loads are in kg (`sets_text` aside, which is written in the athlete's unit); the figures
use the same rules as the strength marts (`pipelines/strength.py`): warm-ups never count,
tonnage of bodyweight moves rests on the bodyweight and the exercise's bodyweight factor.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from pipelines.db import read_sql
from pipelines.errors import Problem, ValidationError
from pipelines.schemas import (
    LB_TO_KG,
    UNITS,
    AthleteExercise,
    ExerciseSession,
    RepRecord,
    typed_as,
    validate,
)
from pipelines.strength import personal_records


def exercise_sessions(
    con: duckdb.DuckDBPyConnection, athlete_id: int, exercise_id: str, unit: str = "kg"
) -> pd.DataFrame:
    """Every session in which the athlete did the exercise, newest first.

    Returns:
        One row per session, validated by `ExerciseSession`: the day, `sets_text` (every set
        as weight x reps in `unit`, warm-ups marked `w`), `working_sets`, the top set
        (`top_weight_kg` x `top_reps`), `best_e1rm_kg` (Epley), `tonnage_kg` and whether that
        tonnage rests on an estimated bodyweight load (`tonnage_estimated`).

    Raises:
        ValidationError: an unknown unit.
    """
    if unit not in UNITS:
        raise ValidationError([Problem(None, "unit", unit, "the unit must be kg or lb")])
    cur = con.cursor()
    frame = cur.execute(
        read_sql("marts/exercise_sessions"),
        {
            "athlete_id": athlete_id,
            "exercise_id": exercise_id,
            "unit_kg": 1.0 if unit == "kg" else LB_TO_KG,
        },
    ).df()
    cur.close()
    # a read of one exercise's sessions: typed as the model coerces, checked without copying
    return validate(ExerciseSession, typed_as(ExerciseSession, frame), as_built=True)


def rep_records(con: duckdb.DuckDBPyConnection, athlete_id: int, exercise_id: str) -> pd.DataFrame:
    """The athlete's best load for 1 to 12 reps of the exercise (1RM to 12RM).

    A set of r reps at w kg is also the best so far for every smaller rep count it beats.

    Returns:
        Twelve rows, validated by `RepRecord`: `rep_count`, `weight_kg`, the reps of the set
        behind it and the first day that load was lifted that many times (empty when no set
        reached that many reps).
    """
    frame = (
        con.cursor()
        .execute(
            read_sql("marts/rep_records"), {"athlete_id": athlete_id, "exercise_id": exercise_id}
        )
        .df()
    )
    return validate(RepRecord, typed_as(RepRecord, frame), as_built=True)


def athlete_exercises(con: duckdb.DuckDBPyConnection, athlete_id: int) -> pd.DataFrame:
    """Every exercise the athlete logged, the most recently done first.

    Returns:
        One row per exercise, validated by `AthleteExercise`: name, sessions, sets, last day.
    """
    frame = con.cursor().execute(read_sql("marts/athlete_exercises"), {"athlete_id": athlete_id})
    # a small read: typed as the model coerces, then checked without pandera's copying
    return validate(AthleteExercise, typed_as(AthleteExercise, frame.df()), as_built=True)


def last_record_on(
    con: duckdb.DuckDBPyConnection, athlete_id: int, exercise_id: str
) -> dt.date | None:
    """The latest day the athlete set any personal record at the exercise, or None."""
    records = personal_records(con, athlete_id=athlete_id, exercise_id=exercise_id)
    if records.empty:
        return None
    return pd.Timestamp(records["achieved_on"].max()).date()


def days_since(day: dt.date | None, today: dt.date) -> str:
    """How long ago `day` was, in words: `today`, `3 days ago`, `5 weeks ago`, `2 years ago`."""
    if day is None:
        return "never"
    days = (today - day).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    for size, word in ((365, "year"), (30, "month"), (7, "week")):
        if days >= 2 * size:
            return f"{days // size} {word}s ago"
    return f"{days} days ago"
