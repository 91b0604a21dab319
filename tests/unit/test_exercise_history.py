"""One exercise's history: sessions with their sets, top set, e1RM and tonnage; rep records."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from pipelines.athletes import ensure_athlete, log_bodyweight
from pipelines.exercise_history import (
    athlete_exercises,
    days_since,
    exercise_sessions,
    last_record_on,
    rep_records,
)
from tests.conftest import MONDAY, log_day

BENCH = "Barbell_Bench_Press_-_Medium_Grip"


def test_each_session_lists_its_sets_top_set_best_e1rm_and_tonnage(con, athlete):
    log_day(
        con,
        athlete,
        0,
        [
            {"exercise": BENCH, "weight": 40, "reps": 10, "set_type": "warmup"},
            {"exercise": BENCH, "weight": 60, "reps": 5},
            {"exercise": BENCH, "weight": 60, "reps": 6},
            {"exercise": BENCH, "weight": 50, "reps": 8},
        ],
    )
    log_day(con, athlete, 7, [{"exercise": BENCH, "weight": 62.5, "reps": 5}])
    got = exercise_sessions(con, athlete, BENCH)
    assert list(got["performed_on"].dt.date) == [MONDAY + dt.timedelta(days=7), MONDAY]
    first = got.iloc[1]
    assert first["sets_text"] == "40 \u00d7 10w, 60 \u00d7 5, 60 \u00d7 6, 50 \u00d7 8"
    assert (first["working_sets"], first["top_weight_kg"], first["top_reps"]) == (3, 60, 6)
    assert first["best_e1rm_kg"] == pytest.approx(60 * (1 + 6 / 30))
    assert first["tonnage_kg"] == 60 * 5 + 60 * 6 + 50 * 8  # warm-ups do not count
    assert not first["tonnage_estimated"]


def test_sets_are_written_in_the_athletes_unit(con, athlete):
    log_day(con, athlete, 0, [{"exercise": BENCH, "weight": 225, "unit": "lb", "reps": 3}])
    assert exercise_sessions(con, athlete, BENCH, "lb")["sets_text"].tolist() == ["225 \u00d7 3"]
    assert exercise_sessions(con, athlete, BENCH, "kg")["sets_text"].tolist() == ["102.1 \u00d7 3"]


def test_bodyweight_moves_have_estimated_tonnage_from_the_latest_reading(con, athlete):
    log_bodyweight(con, athlete, MONDAY, 80)
    log_day(
        con,
        athlete,
        2,
        [{"exercise": "Pullups", "reps": 8}, {"exercise": "Superman", "seconds": 30}],
    )
    got = exercise_sessions(con, athlete, "Pullups").iloc[0]
    assert got["sets_text"] == "8"
    assert got["tonnage_kg"] == pytest.approx(8 * 80)
    assert got["tonnage_estimated"]
    assert pd.isna(got["top_weight_kg"])
    assert exercise_sessions(con, athlete, "Superman")["sets_text"].tolist() == ["30 s"]


def test_rep_records_hold_the_heaviest_load_for_at_least_that_many_reps(con, athlete):
    log_day(
        con,
        athlete,
        0,
        [
            {"exercise": BENCH, "weight": 70, "reps": 3},
            {"exercise": BENCH, "weight": 60, "reps": 8},
        ],
    )
    log_day(
        con,
        athlete,
        7,
        [
            {"exercise": BENCH, "weight": 70, "reps": 3},
            {"exercise": BENCH, "weight": 80, "reps": 1},
        ],
    )
    got = rep_records(con, athlete, BENCH).set_index("rep_count")
    assert list(got.index) == list(range(1, 13))
    assert got["weight_kg"].iloc[:8].tolist() == [80, 70, 70, 60, 60, 60, 60, 60]
    assert got["weight_kg"].iloc[8:].isna().all()  # nothing of 9 reps or more
    days = got["achieved_on"].dt.date
    assert days[3] == MONDAY  # the first day 70 x 3 was lifted
    assert days[1] == MONDAY + dt.timedelta(days=7)


def test_rep_records_leave_out_warmups_and_other_athletes(con, athlete):
    other = ensure_athlete(con, "Alex")
    log_day(con, athlete, 0, [{"exercise": BENCH, "weight": 100, "reps": 5, "set_type": "warmup"}])
    log_day(con, other, 0, [{"exercise": BENCH, "weight": 120, "reps": 5}])
    assert rep_records(con, athlete, BENCH)["weight_kg"].isna().all()


def test_exercises_list_the_most_recent_first_and_the_last_record_day(con, athlete):
    log_day(con, athlete, 0, [{"exercise": BENCH, "weight": 60, "reps": 5}])
    log_day(con, athlete, 3, [{"exercise": "Barbell_Squat", "weight": 80, "reps": 5}])
    log_day(con, athlete, 7, [{"exercise": BENCH, "weight": 50, "reps": 5}])
    got = athlete_exercises(con, athlete)
    assert got["exercise"].tolist() == ["Barbell Bench Press - Medium Grip", "Barbell Squat"]
    assert got["sessions"].tolist() == [2, 1]
    assert last_record_on(con, athlete, BENCH) == MONDAY  # the lighter week set no record
    assert last_record_on(con, athlete, "Pullups") is None


@pytest.mark.parametrize(
    ("days", "said"),
    [
        (0, "today"),
        (1, "yesterday"),
        (9, "9 days ago"),
        (15, "2 weeks ago"),
        (75, "2 months ago"),
        (800, "2 years ago"),
    ],
)
def test_days_since_says_how_long_ago_in_words(days, said):
    today = dt.date(2026, 11, 29)
    assert days_since(today - dt.timedelta(days=days), today) == said
