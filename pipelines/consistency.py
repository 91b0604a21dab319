"""Consistency: sessions, streaks, a per-day calendar, and cardio and stretching apart.

A session counts when it holds at least one set (a warm-up is enough); a training week holds at
least one such session. Streaks count consecutive training weeks; the current streak ends in
this week, or in the last one while this week has no session yet.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import duckdb
import pandas as pd

from pipelines.db import read_sql
from pipelines.filters import DayLike, as_day, date_range, week_start_isodow
from pipelines.schemas import (
    PeriodConditioning,
    PeriodSessions,
    TrainingDay,
    TrainingStreak,
    WeeklySessions,
    validate,
)

Bucket = Literal["week", "month"]


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
    frame = _period_sessions(con, athlete_id, start, end, week_start, by_month=False)
    return validate(WeeklySessions, frame.rename(columns={"period_start": "week_start"}))


def sessions_by_period(
    con: duckdb.DuckDBPyConnection,
    *,
    athlete_id: int | None = None,
    start: DayLike = None,
    end: DayLike = None,
    bucket: Bucket = "week",
    week_start: str = "monday",
) -> pd.DataFrame:
    """Sessions and non-warm-up sets per week, or per calendar month, zero when none.

    A month counts the sessions on its own days within the range; the first period is the one
    holding `start`, so a range starting on the 1st begins with that month.

    Returns:
        One row per (athlete_id, period), `period` its first day, validated by `PeriodSessions`.
    """
    frame = _period_sessions(con, athlete_id, start, end, week_start, by_month=bucket == "month")
    return validate(PeriodSessions, frame.rename(columns={"period_start": "period"}))


def conditioning_by_period(
    con: duckdb.DuckDBPyConnection,
    *,
    athlete_id: int | None = None,
    start: DayLike = None,
    end: DayLike = None,
    bucket: Bucket = "week",
    week_start: str = "monday",
) -> pd.DataFrame:
    """Cardio and held stretches per week, or per calendar month, kept apart from lifting.

    Conditioning is every set of a cardio exercise (a run, a row, a ride): its minutes, its
    kilometres and the sessions holding one. Mobility is every set of a stretch that is held:
    its minutes and sessions. Neither counts as a hard set for any muscle group.

    Returns:
        One row per (athlete_id, period), `period` its first day, from the period holding
        `start` (else the first session) to the one holding `end` (else the last), zero when
        none, validated by `PeriodConditioning`.
    """
    span = date_range(start, end)
    params = {
        "athlete_id": athlete_id,
        "start": span.start,
        "end": span.end,
        "week_start_isodow": week_start_isodow(week_start),
        "by_month": bucket == "month",
    }
    frame = con.cursor().execute(read_sql("marts/weekly_conditioning"), params).df()
    return validate(PeriodConditioning, frame.rename(columns={"period_start": "period"}))


def _period_sessions(
    con: duckdb.DuckDBPyConnection,
    athlete_id: int | None,
    start: DayLike,
    end: DayLike,
    week_start: str,
    *,
    by_month: bool,
) -> pd.DataFrame:
    span = date_range(start, end)
    params = {
        "athlete_id": athlete_id,
        "start": span.start,
        "end": span.end,
        "week_start_isodow": week_start_isodow(week_start),
        "by_month": by_month,
    }
    return con.cursor().execute(read_sql("marts/weekly_sessions"), params).df()


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


def training_span(
    con: duckdb.DuckDBPyConnection, athlete_id: int
) -> tuple[dt.date, dt.date] | None:
    """The day of the athlete's first and of their latest session, or None before any."""
    row = (
        con.cursor()
        .execute(read_sql("marts/training_span"), {"athlete_id": int(athlete_id)})
        .fetchone()
    )
    if row is None or row[0] is None:
        return None
    return row[0], row[1]
