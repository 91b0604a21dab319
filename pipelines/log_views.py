"""Reads for the Log page that are not the logging API itself (see `pipelines.logbook`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

from pipelines.db import read_sql
from pipelines.errors import Problem, ValidationError
from pipelines.schemas import RULES
from pipelines.strength import personal_records


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


def open_circuit_session(
    con: duckdb.DuckDBPyConnection, athlete_id: int, day: dt.date, template_id: str | None = None
) -> dict[str, Any] | None:
    """The athlete's latest unfinished template session of `day`, or None.

    Returns:
        `session_id`, `template_id` and `name`.
    """
    params = {"athlete_id": athlete_id, "day": day, "template_id": template_id}
    cur = con.cursor().execute(read_sql("lookups/open_circuit_session"), params)
    row = cur.fetchone()
    if row is None:
        return None
    return {"session_id": int(row[0]), "template_id": str(row[1]), "name": str(row[2])}


def session_exercises(con: duckdb.DuckDBPyConnection, session_id: int) -> list[str]:
    """The exercise ids of a session's sets, in the order they were logged."""
    rows = (
        con.cursor()
        .execute(
            "select exercise_id from sets where session_id = ? order by set_index, set_id",
            [session_id],
        )
        .fetchall()
    )
    return [str(r[0]) for r in rows]


@dataclass(frozen=True)
class SessionSummary:
    """A finished workout in numbers, for the Log page to show on Finish."""

    minutes: float
    sets: int
    muscle_sets: pd.DataFrame  # muscle_group, hard_sets; most first
    records: pd.DataFrame  # exercise, record, value, unit, load_kg, achieved_on: the session's


def session_summary(
    con: duckdb.DuckDBPyConnection, session_id: int, secondary_weight: float = 0.5
) -> SessionSummary:
    """Time, sets, hard sets per muscle group and the records a session set."""
    cur = con.cursor()
    totals = cur.execute(read_sql("marts/session_totals"), {"session_id": session_id}).fetchone()
    if totals is None:
        raise ValidationError([Problem(None, "session_id", session_id, RULES["session_id"])])
    athlete_id, day, sets, minutes = totals
    muscles = cur.execute(
        read_sql("marts/session_muscle_sets"),
        {"session_id": session_id, "secondary_weight": secondary_weight},
    ).df()
    records = personal_records(con, athlete_id=int(athlete_id), start=day, end=day)
    records = records[records["session_id"] == session_id]
    return SessionSummary(
        minutes=float(minutes),
        sets=int(sets),
        muscle_sets=muscles.reset_index(drop=True),
        records=records[
            ["exercise", "record", "value", "unit", "load_kg", "achieved_on"]
        ].reset_index(drop=True),
    )
