"""Progression suggestions: each path, on small logs with a known answer."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import pandas as pd
import pytest

from pipelines.athletes import ensure_athlete
from pipelines.progression import next_load, progression
from pipelines.schemas import LB_TO_KG
from tests.conftest import MONDAY, log_day

TEMPLATE = "beginner_back_legs"


def suggestion(
    con: duckdb.DuckDBPyConnection, athlete: int, exercise_id: str, **options: Any
) -> pd.Series:
    frame = progression(con, athlete, as_of=MONDAY + dt.timedelta(days=40), **options)
    rows = frame[frame["exercise_id"] == exercise_id]
    assert len(rows) == 1
    return rows.iloc[0]


def squats(weight: float, *reps: int) -> list[dict[str, Any]]:
    return [{"exercise": "Barbell_Full_Squat", "weight": weight, "reps": r} for r in reps]


def test_two_sessions_beating_the_reps_by_two_add_load(con, athlete):
    log_day(con, athlete, 0, squats(100, 5, 5, 5))  # sets the prescription: 5 reps
    log_day(con, athlete, 2, squats(100, 5, 5, 7))
    log_day(con, athlete, 4, squats(100, 6, 6, 7))
    row = suggestion(con, athlete, "Barbell_Full_Squat")
    assert row["action"] == "add load"
    assert (row["current_kg"], row["suggested_kg"]) == (100.0, 105.0)  # +5 %, two 2.5 kg steps
    assert "7 reps or more (5 prescribed)" in row["reason"]
    assert row["reason"].endswith("go from 100 to 105 kg.")


def test_one_session_beating_the_reps_is_not_enough(con, athlete):
    log_day(con, athlete, 0, squats(100, 5, 5, 5))
    log_day(con, athlete, 2, squats(100, 5, 5, 5))
    log_day(con, athlete, 4, squats(100, 5, 5, 7))
    row = suggestion(con, athlete, "Barbell_Full_Squat")
    assert row["action"] == "keep going"
    assert row["reason"].startswith("Stay at 100 kg:")


def test_three_weeks_at_one_load_with_every_rep_done_add_load(con, athlete):
    for days in (0, 7, 14, 21):
        log_day(con, athlete, days, squats(60, 5, 5, 5))
    row = suggestion(con, athlete, "Barbell_Full_Squat")
    assert row["action"] == "add load"
    assert row["suggested_kg"] == 62.5  # 5 % of 60 is 3, rounded to one 2.5 kg step
    assert "for 3 weeks" in row["reason"]


def test_a_missed_rep_in_the_last_sessions_holds_the_load(con, athlete):
    for days in (0, 7, 14):
        log_day(con, athlete, days, squats(60, 5, 5, 5))
    log_day(con, athlete, 21, squats(60, 5, 5, 4))
    assert suggestion(con, athlete, "Barbell_Full_Squat")["action"] == "keep going"


def test_only_the_sessions_at_the_current_load_count(con, athlete):
    log_day(con, athlete, 0, squats(55, 5, 5, 8))
    log_day(con, athlete, 2, squats(55, 5, 5, 8))
    log_day(con, athlete, 4, squats(60, 5, 5, 5))
    row = suggestion(con, athlete, "Barbell_Full_Squat")
    assert (row["action"], row["current_kg"]) == ("keep going", 60.0)


def test_pounds_go_up_in_pound_steps(con):
    athlete = ensure_athlete(con, "Pat", unit="lb")
    for days in (0, 2, 4):
        log_day(con, athlete, days, squats(135, 5, 5, 5 if days == 0 else 7))
    row = suggestion(con, athlete, "Barbell_Full_Squat")
    assert row["suggested_kg"] == pytest.approx(140 * LB_TO_KG)  # 135 lb + 5 lb
    assert row["reason"].endswith("go from 135 to 140 lb.")


def test_a_kettlebell_moves_up_one_four_kilo_bell(con, athlete):
    for days in (0, 2, 4):
        log_day(
            con,
            athlete,
            days,
            [{"exercise": "Kettlebell_Sumo_High_Pull", "weight": 16, "reps": 14}],
            template_id=TEMPLATE,
        )
    row = suggestion(con, athlete, "Kettlebell_Sumo_High_Pull")
    assert (row["action"], row["suggested_kg"]) == ("add load", 20.0)  # 12 prescribed, 14 done


def test_a_bodyweight_move_gets_its_harder_variation(con, athlete):
    for days in (0, 2):
        log_day(
            con,
            athlete,
            days,
            [{"exercise": "Plank_Up-Down", "reps": 12}] * 2,
            template_id=TEMPLATE,
        )
    row = suggestion(con, athlete, "Plank_Up-Down")
    assert row["action"] == "harder variation"
    assert row["suggested_variation"] == "With a renegade row"
    assert "12 reps or more (10 prescribed)" in row["reason"]


def test_a_bodyweight_move_without_variations_gets_added_weight(con, athlete):
    for days in (0, 2, 4):
        log_day(con, athlete, days, [{"exercise": "Pushups", "reps": 15 if days else 10}])
    row = suggestion(con, athlete, "Pushups")
    assert row["action"] == "harder variation"
    assert row["suggested_variation"].startswith("Add a little weight")


def test_a_timed_hold_gets_longer(con, athlete):
    for days in (0, 2):
        log_day(
            con, athlete, days, [{"exercise": "Superman", "seconds": 32}] * 2, template_id=TEMPLATE
        )
    row = suggestion(con, athlete, "Superman")
    assert row["action"] == "longer hold"
    assert (row["current_seconds"], row["suggested_seconds"]) == (32.0, 37.0)
    assert row["reason"] == (
        "Every hold reached 30 s or more in your last two sessions: hold 37 s next time."
    )


def test_an_assisted_move_gets_less_assistance(con, athlete):
    for days in (0, 2, 4):
        reps = 6 if days else 4
        log_day(
            con, athlete, days, [{"exercise": "Band_Assisted_Pull-Up", "weight": 20, "reps": reps}]
        )
    row = suggestion(con, athlete, "Band_Assisted_Pull-Up")
    assert (row["action"], row["suggested_kg"]) == ("less assistance", 17.5)


def test_a_template_exercise_not_logged_yet_says_so(con, athlete):
    log_day(con, athlete, 0, [{"exercise": "Superman", "seconds": 30}], template_id=TEMPLATE)
    frame = progression(con, athlete, as_of=MONDAY + dt.timedelta(days=1))
    assert frame["exercise_id"].tolist() == [
        "Suitcase_Deadlift",
        "Kettlebell_Sumo_High_Pull",
        "Plank_Up-Down",
        "Single-Leg_Pick-Up",
        "Windmill_Skater",
        "Superman",
        "Pullups",
        "Barbell_Bench_Press_-_Medium_Grip",
    ]
    row = frame.set_index("exercise_id").loc["Suitcase_Deadlift"]
    assert row["action"] == "keep going"
    assert (
        row["reason"] == "Suitcase Deadlift is not logged yet: start light and learn the movement."
    )


def test_sessions_after_the_day_advised_are_ignored(con, athlete):
    log_day(con, athlete, 0, squats(100, 5, 5, 5))
    log_day(con, athlete, 2, squats(100, 5, 5, 7))
    log_day(con, athlete, 4, squats(100, 5, 5, 7))
    frame = progression(con, athlete, as_of=MONDAY + dt.timedelta(days=3))
    assert frame.set_index("exercise_id").loc["Barbell_Full_Squat", "action"] == "keep going"


@pytest.mark.parametrize(
    ("current", "unit", "equipment", "expected"),
    [
        (100.0, "kg", "barbell", 105.0),
        (20.0, "kg", "barbell", 22.5),
        (20.0, "kg", "dumbbell", 22.0),
        (16.0, "kg", "kettlebells", 20.0),
        (225.0, "lb", "barbell", 235.0),
        (0.0, "kg", "machine", 2.5),
    ],
)
def test_the_next_load_is_about_five_percent_in_whole_plate_steps(
    current, unit, equipment, expected
):
    assert next_load(current, unit, equipment) == expected
