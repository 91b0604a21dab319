"""Weekly hard sets per muscle group, checked against counts done by hand."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import pandas as pd
import pytest

from pipelines.athletes import ensure_athlete, log_bodyweight
from pipelines.errors import ValidationError
from pipelines.logbook import log_sets, start_session
from pipelines.schemas import LB_TO_KG, MUSCLE_GROUPS
from pipelines.volume_targets import set_training_level, weekly_volume_status
from pipelines.weekly_volume import weekly_muscle_volume

MONDAY = dt.date(2025, 9, 1)

# One pass of the seed circuit as the template prescribes it: rounds 1 to 4, each done twice,
# after one warm-up set. Per exercise: suitcase deadlift 2, kettlebell sumo high pull 4 (rounds
# 1 and 4), plank up-down 2, single-leg pick-up 2, windmill skater 2, Superman 4 (2 + 2 holds).
SEED_SESSION = [
    {"exercise": "Suitcase_Deadlift", "weight": 8, "reps": 8, "set_type": "warmup"},
    *[
        set_
        for _pass in range(2)
        for set_ in (
            {"exercise": "Suitcase_Deadlift", "weight": 12, "reps": 10},
            {"exercise": "Kettlebell_Sumo_High_Pull", "weight": 8, "reps": 12},
        )
    ],
    *[
        set_
        for _pass in range(2)
        for set_ in (
            {"exercise": "Plank_Up-Down", "reps": 10},
            {"exercise": "Single-Leg_Pick-Up", "reps": 8},
        )
    ],
    *[
        set_
        for _pass in range(2)
        for set_ in (
            {"exercise": "Windmill_Skater", "reps": 10},
            {"exercise": "Superman", "reps": 12},
        )
    ],
    *[
        set_
        for _pass in range(2)
        for set_ in (
            {"exercise": "Kettlebell_Sumo_High_Pull", "weight": 8, "reps": 12},
            {"exercise": "Superman", "seconds": 30},
        )
    ],
]

# Worked out from data/exercise_muscles.csv, primary 1 and secondary 0.5 per set:
#   glutes      SD 2x1 + KB 4x0.5 + SLPU 2x1 + WS 2x1 + SM 4x0.5          = 10
#   hamstrings  SD 2x1 + KB 4x0.5 + SLPU 2x1 + WS 2x0.5 + SM 4x0.5        = 9
#   quadriceps  SD 2x1 + KB 4x0.5 + WS 2x1                                = 6
#   lower back  SD 2x0.5 + SLPU 2x0.5 + WS 2x0.5 + SM 4x1                 = 7
#   abdominals  SD 2x0.5 + PUD 2x1 + SLPU 2x0.5 + WS 2x0.5                = 5
#   traps       SD 2x0.5 + KB 4x1                                         = 5
#   adductors   KB 4x0.5 + SLPU 2x0.5 + WS 2x0.5                          = 4
#   shoulders   KB 4x0.5 + PUD 2x0.5                                      = 3
#   calves      SLPU 2x0.5 + WS 2x0.5                                     = 2
#   forearms, chest, triceps, abductors: one secondary pair each           = 1
SEED_HARD_SETS = {
    "glutes": 10.0,
    "hamstrings": 9.0,
    "quadriceps": 6.0,
    "lower back": 7.0,
    "abdominals": 5.0,
    "traps": 5.0,
    "adductors": 4.0,
    "shoulders": 3.0,
    "calves": 2.0,
    "forearms": 1.0,
    "chest": 1.0,
    "triceps": 1.0,
    "abductors": 1.0,
}
SEED_DIRECT_SETS = {
    "glutes": 6,
    "hamstrings": 4,
    "quadriceps": 4,
    "lower back": 4,
    "abdominals": 2,
    "traps": 4,
}


@pytest.fixture
def athlete(con):
    return ensure_athlete(con, "Sam")


def log_session(
    con: duckdb.DuckDBPyConnection,
    athlete: int,
    day: dt.date,
    sets: list[dict[str, Any]],
    **session: Any,
) -> int:
    session_id = start_session(con, athlete, dt.datetime.combine(day, dt.time(7, 0)), **session)
    log_sets(con, session_id, sets)
    return session_id


def week_of(frame: pd.DataFrame, week_start: dt.date) -> pd.DataFrame:
    rows = frame[frame["week_start"] == pd.Timestamp(week_start)]
    return rows.set_index(rows["muscle_group"].astype(str))


def test_one_seed_session_gives_the_hand_counted_fractional_sets(con, athlete):
    log_session(con, athlete, MONDAY, SEED_SESSION)
    week = week_of(weekly_muscle_volume(con), MONDAY)
    expected = {group: SEED_HARD_SETS.get(group, 0.0) for group in MUSCLE_GROUPS}
    assert week["hard_sets"].to_dict() == expected
    assert week["direct_sets"].to_dict() == {g: SEED_DIRECT_SETS.get(g, 0) for g in MUSCLE_GROUPS}


@pytest.mark.parametrize(
    ("secondary_weight", "glutes", "hamstrings", "traps"),
    [(0, 6.0, 4.0, 4.0), (0.5, 10.0, 9.0, 5.0), (1, 14.0, 14.0, 6.0)],
)
def test_the_secondary_weight_sets_what_a_secondary_muscle_receives(
    con, athlete, secondary_weight, glutes, hamstrings, traps
):
    log_session(con, athlete, MONDAY, SEED_SESSION)
    week = week_of(weekly_muscle_volume(con, secondary_weight=secondary_weight), MONDAY)
    assert (week.loc["glutes", "hard_sets"], week.loc["hamstrings", "hard_sets"]) == (
        glutes,
        hamstrings,
    )
    assert week.loc["traps", "hard_sets"] == traps


def test_warm_ups_count_nothing(con, athlete):
    log_session(
        con,
        athlete,
        MONDAY,
        [
            {"exercise": "Barbell_Full_Squat", "weight": 40, "reps": 10, "set_type": "warmup"},
            {"exercise": "Barbell_Full_Squat", "weight": 60, "reps": 5},
            {"exercise": "Barbell_Full_Squat", "weight": 50, "reps": 8, "set_type": "drop"},
            {"exercise": "Barbell_Full_Squat", "weight": 60, "reps": 3, "set_type": "failure"},
        ],
    )
    quads = week_of(weekly_muscle_volume(con), MONDAY).loc["quadriceps"]
    assert quads["hard_sets"] == 3.0
    assert quads["reps"] == 5 + 8 + 3
    assert quads["tonnage_kg"] == 60 * 5 + 50 * 8 + 60 * 3


def test_a_sunday_and_the_next_monday_fall_in_different_weeks(con, athlete):
    sunday = MONDAY - dt.timedelta(days=1)
    log_session(con, athlete, sunday, [{"exercise": "Pullups", "reps": 8}])
    log_session(con, athlete, MONDAY, [{"exercise": "Pullups", "reps": 8}])
    frame = weekly_muscle_volume(con)
    lats = frame[frame["muscle_group"] == "lats"].set_index("week_start")["hard_sets"]
    assert lats.to_dict() == {
        pd.Timestamp(MONDAY - dt.timedelta(days=7)): 1.0,
        pd.Timestamp(MONDAY): 1.0,
    }


def test_weeks_can_start_on_sunday(con, athlete):
    sunday = MONDAY - dt.timedelta(days=1)
    saturday = MONDAY + dt.timedelta(days=5)
    for day in (sunday, MONDAY, saturday):
        log_session(con, athlete, day, [{"exercise": "Pullups", "reps": 8}])
    frame = weekly_muscle_volume(con, week_start="sunday")
    lats = frame[frame["muscle_group"] == "lats"].set_index("week_start")["hard_sets"]
    assert lats.to_dict() == {pd.Timestamp(sunday): 3.0}


def test_a_week_without_training_is_a_row_of_zeros_for_every_muscle_group(con, athlete):
    log_session(con, athlete, MONDAY, [{"exercise": "Pullups", "reps": 8}])
    log_session(con, athlete, MONDAY + dt.timedelta(days=14), [{"exercise": "Pullups", "reps": 8}])
    frame = weekly_muscle_volume(con)
    assert len(frame) == 3 * len(MUSCLE_GROUPS)
    gap = week_of(frame, MONDAY + dt.timedelta(days=7))
    assert sorted(gap.index) == sorted(MUSCLE_GROUPS)
    numbers = ["hard_sets", "direct_sets", "reps", "tonnage_kg", "duration_s"]
    assert (gap[numbers] == 0).all().all()


def test_the_requested_range_shows_empty_weeks_at_both_ends(con, athlete):
    log_session(con, athlete, MONDAY, [{"exercise": "Pullups", "reps": 8}])
    frame = weekly_muscle_volume(
        con,
        athlete_id=athlete,
        start=MONDAY - dt.timedelta(days=7),
        end=MONDAY + dt.timedelta(days=13),
    )
    weeks = sorted(frame["week_start"].unique())
    assert weeks == [pd.Timestamp(MONDAY + dt.timedelta(days=d)) for d in (-7, 0, 7)]
    # one pull-up set: lats 1, middle back 0.5, biceps 0.5, all in the middle week
    assert frame.groupby("week_start")["hard_sets"].sum().tolist() == [0.0, 2.0, 0.0]
    assert frame.loc[frame["muscle_group"] == "biceps", "hard_sets"].sum() == 0.5


def test_one_athlete_over_a_range_is_the_same_with_any_week_start(con, athlete):
    sunday = MONDAY - dt.timedelta(days=1)
    log_session(con, athlete, sunday, [{"exercise": "Pullups", "reps": 8}])
    for week_start, first in (("monday", sunday - dt.timedelta(days=6)), ("sunday", sunday)):
        frame = weekly_muscle_volume(
            con, athlete_id=athlete, start=sunday, end=MONDAY, week_start=week_start
        )
        lats = frame[frame["muscle_group"] == "lats"].set_index("week_start")["hard_sets"]
        assert lats.index[0] == pd.Timestamp(first)
        assert lats.sum() == 1.0


def test_an_unknown_athlete_has_no_rows_even_over_a_range(con, athlete):
    assert weekly_muscle_volume(con, athlete_id=99, start=MONDAY, end=MONDAY).empty


def test_the_range_ends_are_inclusive_days(con, athlete):
    log_session(con, athlete, MONDAY, [{"exercise": "Pullups", "reps": 8}])
    log_session(con, athlete, MONDAY + dt.timedelta(days=2), [{"exercise": "Pullups", "reps": 8}])
    frame = weekly_muscle_volume(con, start=MONDAY, end=MONDAY)
    assert frame.loc[frame["muscle_group"] == "lats", "hard_sets"].tolist() == [1.0]


def test_pounds_are_counted_in_kilograms(con):
    athlete = ensure_athlete(con, "Pat", unit="lb")
    log_session(
        con, athlete, MONDAY, [{"exercise": "Barbell_Full_Squat", "weight": 135, "reps": 5}]
    )
    quads = week_of(weekly_muscle_volume(con), MONDAY).loc["quadriceps"]
    assert quads["tonnage_kg"] == pytest.approx(5 * 135 * LB_TO_KG, abs=1e-9)
    assert quads["estimated_tonnage_kg"] == 0


def test_bodyweight_tonnage_uses_the_bodyweight_logged_with_the_session(con, athlete):
    log_bodyweight(con, athlete, MONDAY - dt.timedelta(days=3), 70)
    log_session(con, athlete, MONDAY, [{"exercise": "Pullups", "reps": 10}], bodyweight_kg=80.0)
    lats = week_of(weekly_muscle_volume(con), MONDAY).loc["lats"]
    assert lats["tonnage_kg"] == 10 * 80.0 * 1.0
    assert lats["estimated_tonnage_kg"] == 10 * 80.0


def test_without_a_session_bodyweight_the_latest_reading_before_that_day_is_used(con, athlete):
    log_bodyweight(con, athlete, MONDAY - dt.timedelta(days=10), 90)
    log_bodyweight(con, athlete, MONDAY - dt.timedelta(days=3), 78)
    log_bodyweight(con, athlete, MONDAY + dt.timedelta(days=1), 60)
    log_session(con, athlete, MONDAY, [{"exercise": "Pullups", "reps": 10}])
    lats = week_of(weekly_muscle_volume(con), MONDAY).loc["lats"]
    assert lats["tonnage_kg"] == 10 * 78.0


def test_added_weight_and_assistance_change_the_bodyweight_load(con, athlete):
    log_session(
        con,
        athlete,
        MONDAY,
        [
            {"exercise": "Weighted_Pull_Ups", "weight": 10, "reps": 5},  # (80 + 10) x 5
            {"exercise": "Band_Assisted_Pull-Up", "weight": 30, "reps": 6},  # (80 - 30) x 6
            {"exercise": "Band_Assisted_Pull-Up", "weight": 100, "reps": 6},  # floor at 0
        ],
        bodyweight_kg=80.0,
    )
    lats = week_of(weekly_muscle_volume(con), MONDAY).loc["lats"]
    assert lats["tonnage_kg"] == 90 * 5 + 50 * 6 + 0
    assert lats["estimated_tonnage_kg"] == lats["tonnage_kg"]
    assert lats["hard_sets"] == 3.0


def test_without_any_bodyweight_only_the_added_weight_counts(con, athlete):
    log_session(con, athlete, MONDAY, [{"exercise": "Weighted_Pull_Ups", "weight": 10, "reps": 5}])
    lats = week_of(weekly_muscle_volume(con), MONDAY).loc["lats"]
    assert lats["tonnage_kg"] == 50.0


def test_timed_sets_count_as_sets_with_seconds_and_no_tonnage(con, athlete):
    log_session(con, athlete, MONDAY, [{"exercise": "Plank", "seconds": 45}] * 3)
    abs_ = week_of(weekly_muscle_volume(con), MONDAY).loc["abdominals"]
    assert (abs_["hard_sets"], abs_["duration_s"], abs_["tonnage_kg"], abs_["reps"]) == (
        3.0,
        135.0,
        0.0,
        0,
    )


def test_an_exercise_without_muscles_counts_nowhere_until_mapped(con, athlete):
    con.execute(
        "insert into exercises (exercise_id, name, name_norm, load_type, source, mapped) "
        "values ('custom:mystery', 'Mystery Move', 'mystery move', 'weighted', 'custom', false)"
    )
    log_session(con, athlete, MONDAY, [{"exercise": "custom:mystery", "weight": 20, "reps": 10}])
    frame = weekly_muscle_volume(con)
    assert len(frame) == len(MUSCLE_GROUPS)
    assert frame["hard_sets"].sum() == 0


def test_each_athlete_gets_their_own_rows(con, athlete):
    other = ensure_athlete(con, "Alex")
    log_session(con, athlete, MONDAY, [{"exercise": "Pullups", "reps": 8}])
    log_session(con, other, MONDAY, [{"exercise": "Pullups", "reps": 8}] * 2)
    frame = weekly_muscle_volume(con)
    lats = frame[frame["muscle_group"] == "lats"].set_index("athlete_id")["hard_sets"]
    assert lats.to_dict() == {athlete: 1.0, other: 2.0}
    only = weekly_muscle_volume(con, athlete_id=other)
    assert set(only["athlete_id"]) == {other}


def test_no_sessions_and_no_range_give_no_rows(con, athlete):
    assert weekly_muscle_volume(con).empty


def test_rows_come_in_display_order_of_the_muscle_groups(con, athlete):
    log_session(con, athlete, MONDAY, [{"exercise": "Pullups", "reps": 8}])
    frame = weekly_muscle_volume(con)
    order = [
        r[0]
        for r in con.execute(
            "select muscle_group from muscle_groups order by display_order"
        ).fetchall()
    ]
    assert frame["muscle_group"].astype(str).tolist() == order


@pytest.mark.parametrize(
    ("arguments", "column"),
    [
        ({"secondary_weight": 0.3}, "secondary_weight"),
        ({"week_start": "funday"}, "week_start"),
        ({"start": "2026-02-30"}, "start"),
        ({"start": "2026-11-09", "end": "2026-11-02"}, "end"),
    ],
)
def test_bad_filters_are_named(con, arguments, column):
    with pytest.raises(ValidationError) as caught:
        weekly_muscle_volume(con, **arguments)
    assert [p.column for p in caught.value.problems] == [column]


def test_an_athlete_id_beyond_what_the_packed_keys_hold_stops_the_count_instead_of_mixing_sums(
    con,
):
    con.execute("insert into athletes (athlete_id, name) values (8388608, 'Too far')")
    session = start_session(con, 8388608, "2025-09-01 07:00")
    log_sets(con, session, [{"exercise": "Suitcase Deadlift", "weight": 20, "reps": 8}])
    with pytest.raises(duckdb.Error, match="athlete ids 0 to 8388607"):
        weekly_muscle_volume(con, athlete_id=8388608, live=True)


# Hand-counted week of the coach's rules: a treadmill run and an adductor stretch (neither a
# hard set: conditioning and mobility), a missed deadlift attempt (0 reps), an easy deadlift
# logged at RPE 5 (far from failure), and three working deadlifts of 5, the only hard sets.
# Barbell Deadlift, a hip hinge: lower back, glutes and hamstrings primary (1 each); quadriceps,
# calves, traps, lats, middle back and forearms secondary (0.5 each).
RULES_WEEK = [
    {"exercise": "Running_Treadmill", "seconds": 1800, "distance_m": 5000},
    {"exercise": "Adductor", "seconds": 60},
    {"exercise": "Barbell_Deadlift", "weight": 100, "reps": 5, "rpe": 5},
    *[{"exercise": "Barbell_Deadlift", "weight": 140, "reps": 5}] * 3,
]


def test_runs_stretches_missed_and_easy_sets_are_not_hard_sets(con, athlete):
    session = log_session(con, athlete, MONDAY, RULES_WEEK)
    # a missed attempt as other apps export it: 0 reps (the log form refuses it for a lift)
    con.execute(
        "insert into sets (session_id, exercise_id, set_index, set_type, weight_kg, reps) "
        "values (?, 'Barbell_Deadlift', 99, 'failure', 200, 0)",
        [session],
    )
    week = week_of(weekly_muscle_volume(con), MONDAY)
    trained = {g: v for g, v in week["hard_sets"].to_dict().items() if v}
    assert trained == {
        "lower back": 3.0,
        "glutes": 3.0,
        "hamstrings": 3.0,
        "quadriceps": 1.5,
        "calves": 1.5,
        "traps": 1.5,
        "lats": 1.5,
        "middle back": 1.5,
        "forearms": 1.5,
    }
    assert week.loc["adductors", "hard_sets"] == 0
    assert week.loc["lower back", "direct_sets"] == 3
    assert (week.loc["glutes", "direct_sets"], week.loc["hamstrings", "direct_sets"]) == (3, 3)


def seed_week_statuses(con, athlete: int, circuits: int) -> dict[str, str]:
    for day in range(circuits):
        log_session(con, athlete, MONDAY + dt.timedelta(days=day), SEED_SESSION)
    frame = weekly_volume_status(con, athlete_id=athlete)
    rows = frame[frame["week_start"] == pd.Timestamp(MONDAY)]
    return dict(
        zip(rows["muscle_group"].astype(str), rows["target_status"].astype(str), strict=True)
    )


def test_three_seed_circuits_in_a_week_are_in_range_for_a_beginner(con, athlete):
    set_training_level(con, athlete, "beginner")
    statuses = seed_week_statuses(con, athlete, 3)
    # glutes 30, hamstrings 27, quadriceps 18, abdominals 15, traps 15, shoulders 9, calves 6
    trained = ["glutes", "hamstrings", "quadriceps", "abdominals", "traps", "shoulders", "calves"]
    assert {g: statuses[g] for g in trained} == dict.fromkeys(trained, "productive")


def test_three_seed_circuits_are_over_rps_intermediate_maximum_for_glutes(con, athlete):
    statuses = seed_week_statuses(con, athlete, 3)
    assert statuses["glutes"] == "above maximum recoverable"  # 30 against 16
