"""The Log page's exercise search: one option per exercise, the likeliest lift first.

`matching` keeps what the search box keeps (labels holding the typed text, in option order),
so the first row it returns is the first option the lifter sees.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipelines.athletes import ensure_athlete
from pipelines.exercise_search import exercise_options, matching
from tests.conftest import log_day

TODAY = dt.date(2025, 9, 20)  # log_day's days fall in the three weeks before


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("bench press", "Barbell Bench Press - Medium Grip"),
        ("squat", "Barbell Squat"),
        ("rdl", "Romanian Deadlift"),
        ("RDL", "Romanian Deadlift"),
        ("Squat ", "Barbell Squat"),
    ],
)
def test_a_common_lift_comes_first_for_a_new_athlete(con, typed, first):
    me = ensure_athlete(con, "New")
    assert matching(exercise_options(con, me, TODAY), typed).iloc[0]["name"] == first


def test_an_alias_finds_its_exercise_once_and_does_not_add_an_option(con):
    options = exercise_options(con, None, TODAY)
    assert options["exercise_id"].is_unique
    assert len(options) == con.execute("select count(*) from exercises").fetchone()[0]
    found = matching(options, "bench press (barbell)")
    assert found.iloc[0]["exercise_id"] == "Barbell_Bench_Press_-_Medium_Grip"
    assert "Bench Press (Barbell)" in found.iloc[0]["label"]
    assert found["exercise_id"].is_unique  # its three aliases that say so: still one option


def test_the_athletes_recent_lift_comes_before_a_more_common_one(con, athlete):
    log_day(con, athlete, 10, [{"exercise": "Goblet Squat", "weight": 20, "reps": 10}])
    log_day(con, athlete, 12, [{"exercise": "Front Squat", "weight": 60, "reps": 5}])
    options = exercise_options(con, athlete, TODAY)
    assert options["name"].head(2).tolist() == ["Front Barbell Squat", "Goblet Squat"]
    # while typing: the recent squats, latest first, then the common one
    assert matching(options, "squat")["name"].head(3).tolist() == [
        "Front Barbell Squat",
        "Goblet Squat",
        "Barbell Squat",
    ]
    # someone else's training does not reorder my search
    other = ensure_athlete(con, "Kim")
    assert matching(exercise_options(con, other, TODAY), "squat").iloc[0]["name"] == (
        "Barbell Squat"
    )


def test_a_lift_not_done_for_three_months_is_no_longer_recent(con, athlete):
    log_day(con, athlete, 0, [{"exercise": "Goblet Squat", "weight": 20, "reps": 10}])
    later = dt.date(2025, 9, 1) + dt.timedelta(days=100)
    assert matching(exercise_options(con, athlete, later), "squat").iloc[0]["name"] == (
        "Barbell Squat"
    )


def test_among_lifts_neither_recent_nor_common_the_shorter_name_comes_first(con):
    found = matching(exercise_options(con, None, TODAY), "hops")
    names = found["name"].tolist()
    assert [len(n) for n in names] == sorted(len(n) for n in names)
    assert names.index("Hurdle Hops") < names.index("Front Cone Hops (or hurdle hops)")
