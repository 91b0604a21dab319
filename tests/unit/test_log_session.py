"""The Log page's session reads and settings: the finish summary, circuit resume, rest seconds."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.components.circuit_plan import resume_circuit, start_circuit
from pipelines.errors import ValidationError
from pipelines.log_views import open_circuit_session, session_exercises, session_summary
from pipelines.rest import rest_seconds, set_rest_seconds
from tests.conftest import MONDAY, log_day

SQUAT, PULLUP = "Barbell Squat", "Pullups"


def test_the_finish_summary_counts_time_sets_hard_sets_per_muscle_group_and_records(con, athlete):
    log_day(
        con,
        athlete,
        0,
        [
            {"exercise": SQUAT, "weight": 100, "reps": 5},
            {"exercise": PULLUP, "reps": 10},
        ],
        minutes=30,
    )
    session = log_day(
        con,
        athlete,
        3,
        [
            {"exercise": SQUAT, "weight": 60, "reps": 5, "set_type": "warmup"},  # not hard
            {"exercise": SQUAT, "weight": 102.5, "reps": 5},
            {"exercise": SQUAT, "weight": 102.5, "reps": 5, "rpe": 8},
            {"exercise": PULLUP, "reps": 8},
            {"exercise": PULLUP, "reps": 8, "rpe": 5},  # RPE 5: too easy to count
        ],
        template_id="beginner_back_legs",
        minutes=42,
    )
    summary = session_summary(con, session)
    assert (summary.minutes, summary.sets) == (42.0, 5)
    # Squat (2 hard sets): glutes and quadriceps primary, adductors, calves, hamstrings and
    # lower back helping. Pull-up (1 hard set): lats primary, biceps and middle back helping.
    muscles = summary.muscle_sets
    assert dict(zip(muscles["muscle_group"], muscles["hard_sets"], strict=True)) == {
        "glutes": 2.0,
        "quadriceps": 2.0,
        "adductors": 1.0,
        "calves": 1.0,
        "hamstrings": 1.0,
        "lower back": 1.0,
        "lats": 1.0,
        "biceps": 0.5,
        "middle back": 0.5,
    }
    assert list(summary.muscle_sets["hard_sets"])[:2] == [2.0, 2.0]  # most first
    records = {(r.exercise, r.record): r.value for r in summary.records.itertuples()}
    assert records[(SQUAT, "heaviest_load")] == 102.5  # 100 kg three days before
    assert (PULLUP, "most_reps") not in records  # 8 pull-ups, 10 before


def test_an_unfinished_circuit_of_the_day_is_found_and_a_finished_one_is_not(con, athlete):
    day = MONDAY + dt.timedelta(days=1)
    done = log_day(
        con,
        athlete,
        1,
        [{"exercise": SQUAT, "reps": 5}],
        template_id="beginner_back_legs",
        minutes=20,
    )
    assert open_circuit_session(con, athlete, day) is None
    going = log_day(
        con,
        athlete,
        1,
        [{"exercise": "Suitcase Deadlift", "reps": 10}],
        template_id="beginner_back_legs",
    )
    found = open_circuit_session(con, athlete, day, "beginner_back_legs")
    assert found is not None
    assert found["session_id"] == going != done
    assert open_circuit_session(con, athlete, day + dt.timedelta(days=1)) is None
    assert session_exercises(con, going) == ["Suitcase_Deadlift"]


def test_a_circuit_resumes_at_the_pass_after_the_sets_already_logged():
    fresh = start_circuit("t", "Circuit", [1, 2], passes=2, rest_s=30)
    slots = {1: [(1, "a"), (2, "b")], 2: [(3, "c")]}
    # Round 1 twice (b before a the second time), then nothing yet of round 2.
    state = resume_circuit(fresh, slots, ["a", "b", "b", "a"], session_id=9)
    assert (state.label, state.done, state.session_id, state.resting) == (
        "Round 2 of 2 \u00b7 pass 1 of 2",
        (),
        9,
        False,
    )
    halfway = resume_circuit(fresh, slots, ["a"], session_id=9)
    assert (halfway.label, halfway.done) == ("Round 1 of 2 \u00b7 pass 1 of 2", (1,))
    done = resume_circuit(fresh, slots, ["a", "b", "a", "b", "c", "c"], session_id=9)
    assert done.finished


def test_rest_seconds_default_to_90_are_stored_and_refuse_what_is_not_a_rest(con, athlete):
    assert rest_seconds(con, athlete) == 90
    assert set_rest_seconds(con, athlete, "120") == 120
    assert rest_seconds(con, athlete) == 120
    for bad in (-5, 901, 7.5, "soon"):
        with pytest.raises(ValidationError) as refused:
            set_rest_seconds(con, athlete, bad)
        assert "rest_s" in str(refused.value)
        assert str(bad) in str(refused.value)
    assert rest_seconds(con, athlete) == 120  # nothing changed
