"""Sessions per week, streaks, the calendar, and back-against-legs balance."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd
import pytest

from pipelines.balance import weekly_balance
from pipelines.consistency import (
    conditioning_by_period,
    sessions_by_period,
    training_calendar,
    training_streaks,
    weekly_sessions,
)
from pipelines.logbook import log_sets, start_session
from pipelines.weekly_volume import weekly_muscle_volume
from tests.conftest import MONDAY, log_day

PULLUP = {"exercise": "Pullups", "reps": 8}


def test_sessions_per_week_show_empty_weeks_as_zero(con, athlete):
    log_day(con, athlete, 0, [PULLUP, PULLUP])
    log_day(con, athlete, 3, [PULLUP, {**PULLUP, "set_type": "warmup"}])
    log_day(con, athlete, 15, [PULLUP])
    frame = weekly_sessions(con)
    assert frame[["week_start", "sessions", "sets"]].to_numpy().tolist() == [
        [pd.Timestamp(MONDAY), 2, 3],
        [pd.Timestamp(MONDAY + dt.timedelta(days=7)), 0, 0],
        [pd.Timestamp(MONDAY + dt.timedelta(days=14)), 1, 1],
    ]


def test_a_session_without_sets_is_not_training(con, athlete):
    log_day(con, athlete, 0, [PULLUP])
    log_day(con, athlete, 7, [])
    assert weekly_sessions(con)["sessions"].tolist() == [1]


def streak(con: duckdb.DuckDBPyConnection, athlete: int, as_of_days: int) -> pd.Series:
    row = training_streaks(con, athlete_id=athlete, as_of=MONDAY + dt.timedelta(days=as_of_days))
    return row.iloc[0]


@pytest.fixture
def weeks_1_2_4_5_6(con, athlete):
    for week in (0, 1, 3, 4, 5):
        log_day(con, athlete, 7 * week + 2, [PULLUP])


def test_the_current_streak_counts_back_from_this_week(con, athlete, weeks_1_2_4_5_6):
    row = streak(con, athlete, 7 * 5 + 3)
    assert (row["current_weeks"], row["current_start"]) == (
        3,
        pd.Timestamp(MONDAY + dt.timedelta(weeks=3)),
    )
    assert (row["longest_weeks"], row["longest_start"], row["longest_end"]) == (
        3,
        pd.Timestamp(MONDAY + dt.timedelta(weeks=3)),
        pd.Timestamp(MONDAY + dt.timedelta(weeks=5)),
    )


def test_a_week_not_yet_trained_does_not_break_the_streak(con, athlete, weeks_1_2_4_5_6):
    assert streak(con, athlete, 7 * 6 + 1)["current_weeks"] == 3


def test_a_whole_week_missed_ends_the_streak(con, athlete, weeks_1_2_4_5_6):
    row = streak(con, athlete, 7 * 7 + 1)
    assert (row["current_weeks"], row["longest_weeks"]) == (0, 3)
    assert pd.isna(row["current_start"])


def test_sessions_after_the_day_are_ignored_for_streaks(con, athlete, weeks_1_2_4_5_6):
    row = streak(con, athlete, 7 + 3)
    assert (row["current_weeks"], row["longest_weeks"]) == (2, 2)
    assert row["last_session_on"] == pd.Timestamp(MONDAY + dt.timedelta(days=9))


def test_an_athlete_who_never_trained_has_no_streak(con, athlete):
    row = streak(con, athlete, 0)
    assert (row["current_weeks"], row["longest_weeks"]) == (0, 0)


def test_the_calendar_has_a_row_per_day_with_sessions_sets_and_minutes(con, athlete):
    log_day(con, athlete, 0, [PULLUP, PULLUP], minutes=20)
    log_day(con, athlete, 0, [PULLUP], minutes=15)
    log_day(con, athlete, 2, [PULLUP])  # never finished: no minutes
    frame = training_calendar(con, athlete_id=athlete, end=MONDAY + dt.timedelta(days=3))
    assert frame[["day", "sessions", "sets", "minutes"]].to_numpy().tolist() == [
        [pd.Timestamp(MONDAY), 2, 3, 35.0],
        [pd.Timestamp(MONDAY + dt.timedelta(days=1)), 0, 0, 0.0],
        [pd.Timestamp(MONDAY + dt.timedelta(days=2)), 1, 1, 0.0],
        [pd.Timestamp(MONDAY + dt.timedelta(days=3)), 0, 0, 0.0],
    ]
    assert set(frame["week_start"]) == {pd.Timestamp(MONDAY)}


def test_back_and_legs_are_summed_from_their_muscle_groups(con, athlete):
    # 3 pull-ups: lats 3 + middle back 1.5 (back); biceps 1.5 is arms.
    # 2 squats: quadriceps 2, glutes/hamstrings/calves 1 each (legs), lower back 1 (back).
    log_day(
        con,
        athlete,
        0,
        [PULLUP] * 3 + [{"exercise": "Barbell_Full_Squat", "weight": 60, "reps": 5}] * 2,
    )
    row = weekly_balance(con).iloc[0]
    assert (row["back_sets"], row["legs_sets"]) == (5.5, 5.0)
    assert row["back_share"] == pytest.approx(5.5 / 10.5)


def test_a_week_without_back_or_legs_has_no_share(con, athlete):
    log_day(con, athlete, 0, [{"exercise": "Barbell_Curl", "weight": 30, "reps": 10}])
    row = weekly_balance(con).iloc[0]
    assert (row["back_sets"], row["legs_sets"]) == (0.0, 0.0)
    assert pd.isna(row["back_share"])


def test_monthly_sessions_are_those_of_each_calendar_month_from_the_month_of_the_start(
    con, athlete
):
    # 2025-09-29 is a Monday: its week holds 30 September and 1, 2 October.
    for day in ("2025-09-03", "2025-09-30", "2025-10-01", "2025-10-02", "2025-11-30"):
        session = start_session(con, athlete, f"{day} 07:00")
        log_sets(con, session, [{"exercise": "Suitcase Deadlift", "weight": 20, "reps": 8}])
    monthly = sessions_by_period(
        con, athlete_id=athlete, start="2025-09-01", end="2025-11-30", bucket="month"
    )
    assert monthly[["period", "sessions", "sets"]].to_dict("list") == {
        "period": [
            pd.Timestamp("2025-09-01"),
            pd.Timestamp("2025-10-01"),
            pd.Timestamp("2025-11-01"),
        ],
        "sessions": [2, 2, 1],
        "sets": [2, 2, 1],
    }


RUN = {"exercise": "Running, Treadmill", "seconds": 1800, "distance_m": 5000}
ROW = {"exercise": "Rowing, Stationary", "seconds": 300, "distance_m": 1000}
HELD = {"exercise": "90/90 Hamstring", "seconds": 60}
SQUAT = {"exercise": "Barbell Squat", "weight": 100, "reps": 5}
PLANK = {"exercise": "Plank", "seconds": 60}


def test_cardio_and_held_stretches_are_counted_apart_per_week(con, athlete):
    # Hand-counted week 1: Monday a 30-minute 5 km run, three squat sets, a plank and a 60 s
    # hold; Thursday two 5-minute 1 km rows and a 90 s hold. Conditioning: 2 sessions, 40
    # minutes, 7 km. Mobility: 2 sessions, 60 + 90 s = 2.5 minutes. The squats and the plank
    # (strength work, though timed) are neither. Week 2 nothing; week 3 squats only.
    log_day(con, athlete, 0, [RUN, SQUAT, SQUAT, SQUAT, PLANK, HELD])
    log_day(con, athlete, 3, [ROW, ROW, {**HELD, "seconds": 90}])
    log_day(con, athlete, 15, [SQUAT])
    frame = conditioning_by_period(con, athlete_id=athlete)
    assert frame.drop(columns="athlete_id").to_numpy().tolist() == [
        [pd.Timestamp(MONDAY), 2, 40.0, 7.0, 2, 2.5],
        [pd.Timestamp(MONDAY + dt.timedelta(days=7)), 0, 0.0, 0.0, 0, 0.0],
        [pd.Timestamp(MONDAY + dt.timedelta(days=14)), 0, 0.0, 0.0, 0, 0.0],
    ]
    # ... and none of it is a hard set: the week's quadriceps hold the three squats only
    volume = weekly_muscle_volume(con, athlete_id=athlete, start=MONDAY, end=MONDAY)
    quads = volume[volume["muscle_group"] == "quadriceps"]
    assert quads["hard_sets"].tolist() == [3.0]


def test_cardio_by_calendar_month_counts_each_months_own_days(con, athlete):
    log_day(con, athlete, 0, [RUN])  # Monday 1 September 2025
    log_day(con, athlete, 30, [ROW])  # Wednesday 1 October
    frame = conditioning_by_period(
        con, athlete_id=athlete, start=MONDAY, end=MONDAY + dt.timedelta(days=40), bucket="month"
    )
    assert frame[["period", "conditioning_minutes", "distance_km"]].to_numpy().tolist() == [
        [pd.Timestamp("2025-09-01"), 30.0, 5.0],
        [pd.Timestamp("2025-10-01"), 5.0, 1.0],
    ]
