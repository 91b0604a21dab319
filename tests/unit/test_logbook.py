"""The logging API: valid sets land, bad ones are named and change nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from pipelines.athletes import ensure_athlete, log_bodyweight, set_unit
from pipelines.catalog import resolve_exercises
from pipelines.errors import ValidationError
from pipelines.logbook import (
    DaySession,
    delete_session,
    delete_set,
    finish_session,
    log_sets,
    session_sets,
    start_session,
    update_set,
)
from pipelines.schemas import LB_TO_KG
from tests.conftest import snapshot


@pytest.fixture
def session(con):
    athlete = ensure_athlete(con, "Sam")
    return start_session(con, athlete, "2026-11-02 07:00", name="Circuit")


def test_a_valid_set_is_stored_with_its_entered_value(con, session):
    set_id = log_sets(
        con, session, [{"exercise": "Suitcase Deadlift", "weight": 20, "reps": 10, "rpe": 7.5}]
    )[0]
    row = con.execute(
        "select exercise_id, weight_kg, entered_weight, entered_unit, reps, rpe, set_type, "
        "set_index from sets where set_id = ?",
        [set_id],
    ).fetchone()
    assert row == ("Suitcase_Deadlift", 20.0, 20.0, "kg", 10, 7.5, "working", 1)


def test_pounds_are_stored_as_kilograms_and_the_entered_pounds_are_kept(con, session):
    set_id = log_sets(
        con, session, [{"exercise": "Pullups", "weight": 45, "unit": "lb", "reps": 5}]
    )[0]
    kg, entered, unit = con.execute(
        "select weight_kg, entered_weight, entered_unit from sets where set_id = ?", [set_id]
    ).fetchone()
    assert kg == pytest.approx(45 * 0.45359237, abs=1e-12)
    assert (entered, unit) == (45.0, "lb")


def test_the_athletes_unit_is_used_when_a_set_names_none(con):
    athlete = ensure_athlete(con, "Pat", unit="lb")
    session = start_session(con, athlete, "2026-11-02")
    set_id = log_sets(con, session, [{"exercise": "Barbell Squat", "weight": 135, "reps": 5}])[0]
    kg = con.execute("select weight_kg from sets where set_id = ?", [set_id]).fetchone()[0]
    assert kg == pytest.approx(135 * LB_TO_KG)


def test_many_sets_land_in_one_call_in_order(con, session):
    ids = log_sets(
        con,
        session,
        [
            {"exercise": "Suitcase_Deadlift", "weight": 8, "reps": 8, "set_type": "warmup"},
            {"exercise": "Superman", "seconds": 30},
            {"exercise": "Plank Up-Down", "reps": 10},
        ],
    )
    assert len(ids) == 3
    table = session_sets(con, session)
    assert table["set_index"].tolist() == [1, 2, 3]
    assert table["set_type"].tolist() == ["warmup", "working", "working"]
    assert table["duration_s"].iloc[1] == 30


BAD_SETS = [
    ({"exercise": "Suitcase Deadlift", "reps": -3}, "reps", -3),
    ({"exercise": "Suitcase Deadlift", "reps": 1001}, "reps", 1001),
    ({"exercise": "Suitcase Deadlift", "reps": 0}, "reps", 0),
    ({"exercise": "Suitcase Deadlift", "reps": 2.5}, "reps", 2.5),
    ({"exercise": "Suitcase Deadlift", "reps": "ten"}, "reps", "ten"),
    ({"exercise": "Suitcase Deadlift", "reps": 5, "weight": "abc"}, "weight", "abc"),
    ({"exercise": "Suitcase Deadlift", "reps": 5, "weight": -1}, "weight", "-1 kg"),
    ({"exercise": "Suitcase Deadlift", "reps": 5, "weight": 1001}, "weight", "1001 kg"),
    (
        {"exercise": "Suitcase Deadlift", "reps": 5, "weight": 2300, "unit": "lb"},
        "weight",
        "2300 lb",
    ),
    ({"exercise": "Suitcase Deadlift", "reps": 5, "unit": "stone"}, "unit", "stone"),
    ({"exercise": "Suitcase Deadlift", "reps": 5, "rpe": 11}, "rpe", 11.0),
    ({"exercise": "Suitcase Deadlift", "reps": 5, "rpe": 7.3}, "rpe", 7.3),
    ({"exercise": "Suitcase Deadlift", "reps": 5, "rpe": 0.5}, "rpe", 0.5),
    ({"exercise": "Suitcase Deadlift", "reps": 5, "rir": 11}, "rir", 11),
    ({"exercise": "Suitcase Deadlift", "reps": 5, "set_type": "heavy"}, "set_type", "heavy"),
    ({"exercise": "Superman", "seconds": 90000}, "duration_s", 90000.0),
    ({"exercise": "Superman", "seconds": -5}, "duration_s", -5.0),
    ({"exercise": "Suitcase Deadlift", "reps": 5, "side": "middle"}, "side", "middle"),
    ({"exercise": "No Such Lift", "reps": 5}, "exercise", "No Such Lift"),
    ({"exercise": "Suitcase Deadlift"}, "reps", None),
]


@pytest.mark.parametrize(("entry", "column", "value"), BAD_SETS)
def test_a_bad_set_is_rejected_with_row_column_and_value_and_nothing_changes(
    con, session, entry, column, value
):
    log_sets(con, session, [{"exercise": "Pullups", "reps": 8}])[0]
    before = snapshot(con)
    with pytest.raises(ValidationError) as caught:
        log_sets(con, session, [{"exercise": "Pullups", "reps": 8}, entry])
    problem = next(p for p in caught.value.problems if p.column == column)
    assert problem.row == 2
    if value is not None:
        assert problem.value == value or str(problem.value) == str(value)
    message = str(caught.value)
    assert message.startswith("Row 2: ")
    assert column in message
    assert message.endswith("Nothing was saved.")
    assert snapshot(con) == before


def test_every_problem_of_a_batch_is_reported(con, session):
    with pytest.raises(ValidationError) as caught:
        log_sets(
            con,
            session,
            [{"exercise": "Pullups", "reps": -1}, {"exercise": "Nope", "reps": 5, "rpe": 12}],
        )
    assert {(p.row, p.column) for p in caught.value.problems} == {
        (1, "reps"),
        (2, "exercise"),
        (2, "rpe"),
    }


def test_a_set_for_an_unknown_session_is_rejected(con):
    with pytest.raises(ValidationError, match="session_id"):
        log_sets(con, 424242, [{"exercise": "Pullups", "reps": 5}])[0]


def test_a_session_dated_after_tomorrow_is_rejected(con):
    athlete = ensure_athlete(con, "Sam")
    before = snapshot(con)
    later = dt.date.today() + dt.timedelta(days=3)
    with pytest.raises(ValidationError, match="started_at"):
        start_session(con, athlete, later)
    assert snapshot(con) == before


def test_a_session_for_an_unknown_athlete_is_rejected(con):
    with pytest.raises(ValidationError, match="athlete_id"):
        start_session(con, 99, "2026-11-02")


def test_a_session_can_be_finished_but_not_before_it_started(con, session):
    finish_session(con, session, dt.datetime(2026, 11, 2, 7, 25))
    assert con.execute("select ended_at from sessions").fetchone() == (
        dt.datetime(2026, 11, 2, 7, 25),
    )
    with pytest.raises(ValidationError, match="ended_at"):
        finish_session(con, session, dt.datetime(2026, 11, 1))


def test_a_set_can_be_edited_and_an_edit_is_validated(con, session):
    set_id = log_sets(con, session, [{"exercise": "Suitcase Deadlift", "weight": 20, "reps": 10}])[
        0
    ]
    update_set(con, set_id, reps=12, weight=50, unit="lb")
    assert con.execute(
        "select reps, entered_weight, entered_unit, round(weight_kg, 6) from sets"
    ).fetchone() == (12, 50.0, "lb", round(50 * LB_TO_KG, 6))
    before = snapshot(con)
    with pytest.raises(ValidationError, match="reps"):
        update_set(con, set_id, reps=-1)
    assert snapshot(con) == before


def test_a_set_can_be_deleted(con, session):
    set_id = log_sets(con, session, [{"exercise": "Pullups", "reps": 8}])[0]
    delete_set(con, set_id)
    assert con.execute("select count(*) from sets").fetchone() == (0,)
    with pytest.raises(ValidationError):
        delete_set(con, set_id)


def test_a_session_is_deleted_with_all_its_sets(con, session):
    log_sets(con, session, [{"exercise": "Pullups", "reps": 8}, {"exercise": "Pullups", "reps": 7}])
    delete_session(con, session)
    assert con.execute("select count(*) from sets").fetchone() == (0,)
    assert con.execute("select count(*) from sessions").fetchone() == (0,)
    with pytest.raises(ValidationError, match="session_id"):
        delete_session(con, session)


@pytest.mark.parametrize("day", ["/1", "0001-01-01", "1899-12-31"])
def test_a_day_before_1900_is_refused_with_a_sentence_and_nothing_is_written(con, day):
    before = snapshot(con)
    with pytest.raises(ValidationError, match="the date must be 1900 or later"):
        log_sets(con, DaySession(day, "New Person"), [{"exercise": "Pullups", "reps": 5}])
    assert snapshot(con) == before


def test_exercises_resolve_by_id_name_and_alias(con):
    names = ["Pullups", "  suitcase deadlift ", "Pull Up", "Bench Press (Barbell)", "Unknown Thing"]
    assert resolve_exercises(con, names) == {
        "Pullups": "Pullups",
        "  suitcase deadlift ": "Suitcase_Deadlift",
        "Pull Up": "Pullups",
        "Bench Press (Barbell)": "Barbell_Bench_Press_-_Medium_Grip",
        "Unknown Thing": None,
    }


def test_log_entry_reuses_the_days_manual_session(con):
    log_sets(
        con, DaySession("2026-11-20"), [{"exercise": "Suitcase Deadlift", "weight": 20, "reps": 10}]
    )[0]
    log_sets(con, DaySession("2026-11-20"), [{"exercise": "Pullups", "reps": 6}])[0]
    log_sets(con, DaySession("2026-11-21"), [{"exercise": "Pullups", "reps": 6}])[0]
    assert con.execute("select count(*) from sessions").fetchone() == (2,)
    assert con.execute("select count(*) from sets").fetchone() == (3,)


def test_a_rejected_log_entry_creates_no_athlete_or_session(con):
    before = snapshot(con)
    with pytest.raises(ValidationError):
        log_sets(
            con, DaySession("2026-11-20", "New Person"), [{"exercise": "Pullups", "reps": -3}]
        )[0]
    with pytest.raises(ValidationError, match="date"):
        log_sets(con, DaySession("2026-13-40", "New Person"), [{"exercise": "Pullups", "reps": 3}])[
            0
        ]
    assert snapshot(con) == before


def test_bodyweight_is_logged_in_kg_and_bad_values_rejected(con):
    athlete = ensure_athlete(con, "Sam")
    log_bodyweight(con, athlete, dt.date(2026, 11, 2), 176, "lb")
    assert con.execute("select round(bodyweight_kg, 3) from bodyweights").fetchone() == (
        round(176 * LB_TO_KG, 3),
    )
    with pytest.raises(ValidationError, match="bodyweight"):
        log_bodyweight(con, athlete, dt.date(2026, 11, 3), -5)


def test_an_athlete_unit_must_be_kg_or_lb(con):
    athlete = ensure_athlete(con, "Sam")
    set_unit(con, athlete, "lb")
    assert con.execute("select unit from athletes").fetchone() == ("lb",)
    with pytest.raises(ValidationError, match="unit"):
        set_unit(con, athlete, "stone")


def test_hostile_text_is_stored_verbatim(con, session):
    note = "'); drop table sets; -- <script>alert(1)</script> **bold** 🏋️ مرحبا"
    set_id = log_sets(con, session, [{"exercise": "Pullups", "reps": 5, "notes": note}])[0]
    assert con.execute("select notes from sets where set_id = ?", [set_id]).fetchone() == (note,)
