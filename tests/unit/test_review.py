"""The week in review, checked against a three-week log worked out by hand."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from pipelines.review import review_csv, weekly_review
from tests.conftest import MONDAY, log_day

SQUAT = "Barbell_Squat"
BENCH = "Barbell_Bench_Press_-_Medium_Grip"


@pytest.fixture
def three_weeks(con: duckdb.DuckDBPyConnection, athlete: int) -> int:
    # week 0: one 60-minute session, a warm-up and 3 squats of 5 at 90 kg
    log_day(
        con,
        athlete,
        0,
        [{"exercise": SQUAT, "weight": 40, "reps": 10, "set_type": "warmup"}]
        + [{"exercise": SQUAT, "weight": 90, "reps": 5}] * 3,
        minutes=60,
    )
    # week 1: two 30-minute sessions of 6 pull-ups each: lats 12 sets, productive
    for day in (7, 10):
        log_day(con, athlete, day, [{"exercise": "Pullups", "reps": 8}] * 6, minutes=30)
    # week 2 (reviewed): 3 squats of 5 at 100 kg and pull-ups of 15 (45 minutes); then an
    # unfinished session of 2 bench sets of 8 and pull-ups of 25
    log_day(
        con,
        athlete,
        14,
        [{"exercise": SQUAT, "weight": 100, "reps": 5}] * 3 + [{"exercise": "Pullups", "reps": 15}],
        minutes=45,
    )
    log_day(
        con,
        athlete,
        17,
        [{"exercise": BENCH, "weight": 60, "reps": 8}] * 2 + [{"exercise": "Pullups", "reps": 25}],
    )
    return athlete


def test_totals_compare_with_last_week_and_the_four_weeks_before(
    con: duckdb.DuckDBPyConnection, three_weeks: int
) -> None:
    review = weekly_review(con, three_weeks, week=MONDAY + dt.timedelta(days=16))
    assert review.week_start == MONDAY + dt.timedelta(weeks=2)
    totals = review.totals.set_index("measure")
    assert list(totals.loc["sessions"]) == [2, 2, 0.75]
    assert list(totals.loc["sets"]) == [7, 12, 3.75]  # warm-ups left out
    assert list(totals.loc["minutes"]) == [45, 60, 30]  # unfinished sessions add none


def test_muscles_show_sets_frequency_status_streak_and_time_in_range(
    con: duckdb.DuckDBPyConnection, three_weeks: int
) -> None:
    review = weekly_review(con, three_weeks, week=MONDAY + dt.timedelta(weeks=2))
    muscles = review.muscles.set_index("muscle_group")
    assert muscles.loc["quadriceps", "hard_sets"] == 3
    assert muscles.loc["quadriceps", "sessions"] == 1
    assert muscles.loc["lats", "hard_sets"] == 2
    assert muscles.loc["lats", "sessions"] == 2
    assert muscles.loc["triceps", "hard_sets"] == 1  # bench: helping muscle, 0.5 a set
    # lats: below, productive, below: one week in a row; a third of the weeks productive
    assert muscles.loc["lats", "target_status"] == "below maintenance"
    assert muscles.loc["lats", "weeks_in_status"] == 1
    assert muscles.loc["lats", "productive_share"] == pytest.approx(1 / 3)
    assert muscles.loc["lats", "below_share"] == pytest.approx(2 / 3)
    # quadriceps under maintenance all three weeks since the first session (not twelve)
    assert muscles.loc["quadriceps", "weeks_in_status"] == 3
    assert muscles.loc["quadriceps", "below_share"] == 1


def test_rep_ranges_and_records_of_the_week(
    con: duckdb.DuckDBPyConnection, three_weeks: int
) -> None:
    review = weekly_review(con, three_weeks, week=MONDAY + dt.timedelta(weeks=2))
    ranges = review.rep_ranges.set_index("rep_range")["sets"].to_dict()
    assert ranges == {"1-5": 3, "6-12": 2, "13-20": 1, "21+": 1}
    assert review.rep_ranges["share"].sum() == pytest.approx(1)
    heaviest = review.records[
        (review.records["exercise_id"] == SQUAT) & (review.records["record"] == "heaviest_load")
    ]
    assert heaviest["value"].tolist() == [100]


def test_the_review_downloads_as_csv(con: duckdb.DuckDBPyConnection, three_weeks: int) -> None:
    data = review_csv(weekly_review(con, three_weeks, week=MONDAY + dt.timedelta(weeks=2)))
    lines = data.decode().split("\r\n")
    assert lines[0] == "week_start,section,item,measure,value"
    assert "2025-09-15,totals,sets,this_week,7.0" in lines
    assert "2025-09-15,rep ranges,21+,sets,1" in lines
