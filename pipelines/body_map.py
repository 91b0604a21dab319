"""The body map's figures: one week's hard sets per muscle group against its landmarks.

Each of the 17 muscle groups gets the week's fractional hard sets, its landmarks and its
status (`pipelines/volume_targets.py`), and a picked group lists the exercises that trained it.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from pipelines.db import read_sql
from pipelines.errors import Problem, ValidationError
from pipelines.filters import DayLike, as_day, date_range, secondary_set_weight, week_of
from pipelines.schemas import MUSCLE_GROUPS, MuscleGroupExercise, typed_as, validate
from pipelines.volume_targets import weekly_volume_status

MAP_COLUMNS = [
    "muscle_group",
    "hard_sets",
    "direct_sets",
    "mv_sets",
    "mev_sets",
    "mav_low_sets",
    "mav_high_sets",
    "mrv_sets",
    "target_status",
]


def muscle_weeks(
    con: duckdb.DuckDBPyConnection, athlete_id: int, day: DayLike, weeks: int = 1
) -> pd.DataFrame:
    """Hard sets per muscle group in the `weeks` Monday weeks up to `day`, with their status.

    The last week is the one holding `day`, counted up to `day` (a week in progress so far).

    Returns:
        17 rows per week, oldest week first, groups in display order: `week_start`,
        `muscle_group` (text), `hard_sets`, `direct_sets`, the five landmarks and
        `target_status` (text), as in `weekly_volume_status`.
    """
    last = as_day(day, "day") or dt.date.today()
    first = week_of(last) - dt.timedelta(weeks=max(1, int(weeks)) - 1)
    status = weekly_volume_status(con, athlete_id=athlete_id, start=first, end=last)
    frame = status[["week_start", *MAP_COLUMNS]].assign(
        muscle_group=status["muscle_group"].astype(str),
        target_status=status["target_status"].astype(str),
    )
    return frame.reset_index(drop=True)


def muscle_week(con: duckdb.DuckDBPyConnection, athlete_id: int, day: DayLike) -> pd.DataFrame:
    """The week holding `day` of `muscle_weeks`: 17 rows, one per muscle group."""
    return muscle_weeks(con, athlete_id, day, weeks=1).drop(columns="week_start")


def muscle_group_exercises(
    con: duckdb.DuckDBPyConnection,
    athlete_id: int,
    muscle_group: str,
    start: DayLike,
    end: DayLike,
    secondary_weight: float = 0.5,
) -> pd.DataFrame:
    """The exercises that trained `muscle_group` between `start` and `end` (inclusive days).

    Returns:
        One row per exercise, most hard sets first, validated by `MuscleGroupExercise`: its
        role for the group (primary or secondary), sessions, working sets, the hard sets it
        gave the group and the last day it was done.

    Raises:
        ValidationError: an unknown muscle group or a bad range.
    """
    group = str(muscle_group).strip().lower()
    if group not in MUSCLE_GROUPS:
        raise ValidationError(
            [
                Problem(
                    None,
                    "muscle_group",
                    muscle_group,
                    "the muscle group must be one of " + ", ".join(MUSCLE_GROUPS),
                )
            ]
        )
    span = date_range(start, end)
    params = {
        "athlete_id": athlete_id,
        "muscle_group": group,
        "start": span.start,
        "end": span.end,
        "secondary_weight": secondary_set_weight(secondary_weight),
    }
    frame = con.cursor().execute(read_sql("marts/muscle_group_exercises"), params).df()
    # a small read: typed as the model coerces, then checked without pandera's copying
    return validate(MuscleGroupExercise, typed_as(MuscleGroupExercise, frame), as_built=True)


def named_muscles(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The named anatomical muscles and the group each counts towards, in display order.

    Returns:
        One row per muscle: `muscle`, `muscle_group` (the `muscles` reference table).
    """
    frame = con.cursor().execute(read_sql("marts/named_muscles")).df()
    return frame.astype({"muscle": str, "muscle_group": str})
