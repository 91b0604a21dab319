"""Consistency: sessions per week, streaks of training weeks, and a per-day calendar.

A session counts when it holds at least one set (a warm-up is enough); a training week holds at
least one such session. Streaks count consecutive training weeks; the current streak ends in
this week, or in the last one while this week has no session yet.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from pipelines.db import read_sql
from pipelines.filters import DayLike, as_day, date_range, week_start_isodow
from pipelines.schemas import TrainingDay, TrainingStreak, WeeklySessions, validate


def weekly_sessions(
    con: duckdb.DuckDBPyConnection,
    *,
    athlete_id: int | None = None,
    start: DayLike = None,
    end: DayLike = None,
    week_start: str = "monday",
) -> pd.DataFrame:
    """Sessions and non-warm-up sets per week, zero for weeks without training.

    Returns:
        One row per (athlete_id, week_start) from `start` (else the first session) to `end`
        (else the last), validated by `WeeklySessions`.
    """
    span = date_range(start, end)
    params = {
        "athlete_id": athlete_id,
        "start": span.start,
        "end": span.end,
        "week_start_isodow": week_start_isodow(week_start),
    }
    frame = con.cursor().execute(read_sql("marts/weekly_sessions"), params).df()
    return validate(WeeklySessions, frame)


def training_streaks(
    con: duckdb.DuckDBPyConnection,
    *,
    athlete_id: int | None = None,
    as_of: DayLike = None,
    week_start: str = "monday",
) -> pd.DataFrame:
    """The current and the longest streak of consecutive training weeks, per athlete.

    Args:
        con: The database.
        athlete_id: One athlete, or None for everyone.
        as_of: The day that counts as today (sessions after it are ignored).
        week_start: The weekday weeks start on.

    Returns:
        One row per athlete, validated by `TrainingStreak`: `current_weeks` (0 when the athlete
        trained neither this week nor last), `current_start`, `longest_weeks` (the latest one
        on a tie), `longest_start`, `longest_end` (week starts) and `last_session_on`.
    """
    params = {
        "athlete_id": athlete_id,
        "as_of": as_day(as_of, "as_of") or dt.date.today(),
        "week_start_isodow": week_start_isodow(week_start),
    }
    frame = con.cursor().execute(read_sql("marts/training_streaks"), params).df()
    return validate(TrainingStreak, frame)


def training_calendar(
    con: duckdb.DuckDBPyConnection,
    *,
    athlete_id: int | None = None,
    start: DayLike = None,
    end: DayLike = None,
    week_start: str = "monday",
) -> pd.DataFrame:
    """Sessions, non-warm-up sets and minutes per day, for a calendar heat map.

    Every day from `start` (else the athlete's first session) to `end` (else today) has a row;
    minutes come from sessions that were finished (an open session counts 0 minutes).

    Returns:
        One row per (athlete_id, day), validated by `TrainingDay`.
    """
    span = date_range(start, end or dt.date.today())
    params = {
        "athlete_id": athlete_id,
        "start": span.start,
        "end": span.end,
        "week_start_isodow": week_start_isodow(week_start),
    }
    frame = con.cursor().execute(read_sql("marts/training_calendar"), params).df()
    return validate(TrainingDay, frame)
