"""Strength: estimated one-rep maxes and personal records.

Estimated 1RM formulas (w = load in kg, r = effective reps = reps + logged reps in reserve):
Epley `w * (1 + r/30)` (the default), Brzycki `w * 36 / (37 - r)`, Lombardi `w * r^0.1`,
O'Conner `w * (1 + 0.025 r)`. Only 1 ≤ r ≤ 10 gives an estimate (beyond ten reps the formulas
drift apart); r = 1 returns the load itself.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pandera.pandas as pa

from pipelines.db import read_sql
from pipelines.errors import Problem, ValidationError
from pipelines.filters import DayLike, date_range
from pipelines.schemas import (
    E1RM_FORMULAS,
    PersonalRecord,
    SessionEstimatedOneRepMax,
    SetEstimatedOneRepMax,
    typed_as,
    validate,
)


def estimated_1rm(
    con: duckdb.DuckDBPyConnection,
    *,
    athlete_id: int | None = None,
    exercise_id: str | None = None,
    start: DayLike = None,
    end: DayLike = None,
    formula: str = "epley",
) -> pd.DataFrame:
    """The estimated one-rep max of every set that allows one.

    A set qualifies when it is not a warm-up, carries a load (`weight_kg` > 0) on a weighted or
    bodyweight exercise, and has 1 to 10 effective reps. For bodyweight moves the estimate is of
    the added weight. Timed, distance, assisted and unloaded bodyweight sets have none.

    Returns:
        One row per qualifying set, validated by `SetEstimatedOneRepMax` (`e1rm_kg` in kg).

    Raises:
        ValidationError: an unknown formula or a bad date range.
    """
    span = date_range(start, end)
    params = {
        "athlete_id": athlete_id,
        "exercise_id": exercise_id,
        "start": span.start,
        "end": span.end,
        "formula": _formula(formula),
    }
    frame = con.cursor().execute(read_sql("marts/set_estimated_1rm"), params).df()
    return validate(SetEstimatedOneRepMax, frame)


def session_estimated_1rm(
    con: duckdb.DuckDBPyConnection,
    *,
    athlete_id: int | None = None,
    exercise_id: str | None = None,
    start: DayLike = None,
    end: DayLike = None,
    formula: str = "epley",
) -> pd.DataFrame:
    """The best estimated one-rep max per (session, exercise), for a progress line.

    Takes the filters of `estimated_1rm`. When two sets tie, the earlier set is named.

    Returns:
        One row per (session, exercise), validated by `SessionEstimatedOneRepMax`.
    """
    span = date_range(start, end)
    params = {
        "athlete_id": athlete_id,
        "exercise_id": exercise_id,
        "start": span.start,
        "end": span.end,
        "formula": _formula(formula),
    }
    frame = con.cursor().execute(read_sql("marts/session_estimated_1rm"), params).df()
    return _checked(SessionEstimatedOneRepMax, frame)


def personal_records(
    con: duckdb.DuckDBPyConnection,
    *,
    athlete_id: int | None = None,
    exercise_id: str | None = None,
    start: DayLike = None,
    end: DayLike = None,
    formula: str = "epley",
) -> pd.DataFrame:
    """Every personal record as a dated event: the session in which a best was beaten.

    Four kinds per exercise: `heaviest_load` (kg), `best_e1rm` (kg, with `formula`),
    `most_reps` at one load (`load_kg`; 0 means bodyweight alone) and `best_session_tonnage`
    (kg, bodyweight moves estimated). A record falls when a session's value is strictly above
    every earlier session's; the first value logged is the first record. Bests are compared
    over the whole history; `start` and `end` only choose which events are returned.

    Returns:
        One row per event, validated by `PersonalRecord`, with `previous_value` (empty for the
        first record).
    """
    span = date_range(start, end)
    params = {
        "athlete_id": athlete_id,
        "exercise_id": exercise_id,
        "start": span.start,
        "end": span.end,
        "formula": _formula(formula),
    }
    frame = con.cursor().execute(read_sql("marts/personal_records"), params).df()
    return _checked(PersonalRecord, frame)


def _checked(model: type[pa.DataFrameModel], frame: pd.DataFrame) -> pd.DataFrame:
    """A read checked by `model`: typed as it coerces, then without pandera's copying.

    The same frame the full validation gives (`schemas.passes_as_built`); anything unexpected
    still gets the full validation, which names the problem.
    """
    return validate(model, typed_as(model, frame), as_built=True)


def _formula(name: str) -> str:
    chosen = str(name).strip().lower().replace("'", "").replace("\u2019", "")
    if chosen not in E1RM_FORMULAS:
        raise ValidationError(
            [Problem(None, "formula", name, "it must be one of " + ", ".join(E1RM_FORMULAS))]
        )
    return chosen
