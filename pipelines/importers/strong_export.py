"""An export in Strong's classic CSV layout, so a lifter can move on to any app that reads it.

The columns are exactly Strong's: `Date,Workout Name,Duration,Exercise Name,Set Order,Weight,
Reps,Distance,Seconds,Notes,Workout Notes,RPE`. Like Strong's own file it has no unit column:
weights are in the unit asked for (kg or lb) and distances in km or miles to match. Exercise
names use the `Movement (Equipment)` form Strong uses where the catalog knows one.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from pipelines.exports import neutralise, sets_export
from pipelines.filters import DayLike
from pipelines.schemas import LB_TO_KG, StrongExportRow, validate

STRONG_COLUMNS = (
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Reps",
    "Distance",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
)
_TYPE_LETTERS = {"warmup": "W", "drop": "D", "failure": "F"}


def strong_export(
    con: duckdb.DuckDBPyConnection,
    *,
    athlete_id: int | None = None,
    start: DayLike = None,
    end: DayLike = None,
    unit: str = "kg",
) -> pd.DataFrame:
    """Every set in Strong's classic layout, weights in `unit` (kg or lb).

    Returns:
        One row per set, in session and set order, with the columns `STRONG_COLUMNS`,
        validated by `StrongExportRow`.
    """
    sets = sets_export(con, athlete_id=athlete_id, start=start, end=end)
    names = _strong_names(con)
    in_pounds = unit == "lb"
    weight = np.where(
        in_pounds & (sets["entered_unit"] == "lb"),
        sets["entered_weight"],
        sets["weight_kg"] / (LB_TO_KG if in_pounds else 1.0),
    )
    per_unit = 1609.344 if in_pounds else 1000.0
    working = sets["set_type"] == "working"
    number = working.groupby([sets["session_id"], sets["exercise_id"]]).cumsum()
    order = sets["set_type"].map(_TYPE_LETTERS).fillna(number.astype(int).astype(str))
    frame = pd.DataFrame(
        {
            "Date": sets["started_at"].dt.strftime("%Y-%m-%d %H:%M:%S"),
            "Workout Name": sets["session_name"].astype(str),
            "Duration": [
                _duration(a, b) for a, b in zip(sets["started_at"], sets["ended_at"], strict=True)
            ],
            "Exercise Name": sets["exercise_id"].map(names).fillna(sets["exercise"]).astype(str),
            "Set Order": order.astype(str),
            "Weight": pd.Series(weight, index=sets.index).round(3).fillna(0.0),
            "Reps": sets["reps"].fillna(0).astype("int64"),
            "Distance": (sets["distance_m"] / per_unit).round(3).fillna(0.0),
            "Seconds": sets["duration_s"].fillna(0.0),
            "Notes": sets["notes"].astype(str),
            "Workout Notes": sets["session_notes"].astype(str),
            "RPE": sets["rpe"],
        }
    )
    return validate(StrongExportRow, frame)


def strong_csv_bytes(frame: pd.DataFrame) -> bytes:
    """Write a `strong_export` frame as CSV (UTF-8, comma, LF), text cells formula-safe."""
    out = frame.copy()
    for column in ("Workout Name", "Exercise Name", "Notes", "Workout Notes"):
        out[column] = out[column].map(neutralise)
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8")


def _strong_names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Per exercise, the shortest alias written `Movement (Equipment)`, as Strong names it."""
    rows = (
        con.cursor()
        .execute(
            "select exercise_id, arg_min(alias, (length(alias), alias)) from exercise_aliases "
            "where alias like '%(%)' group by exercise_id"
        )
        .fetchall()
    )
    return {str(i): str(a) for i, a in rows}


def _duration(started: pd.Timestamp, ended: pd.Timestamp) -> str:
    """Strong's way of writing a workout's length: `1h 6m`, `45m`; '' when it never ended."""
    if pd.isna(ended) or pd.isna(started) or ended < started:
        return ""
    minutes = round((ended - started).total_seconds() / 60)
    hours, rest = divmod(minutes, 60)
    return f"{hours}h {rest}m" if hours else f"{rest}m"
