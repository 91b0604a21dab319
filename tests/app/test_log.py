"""The Log page, driven through its widgets: sets land once, bad input lands nowhere."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from pipelines.athletes import ensure_athlete
from pipelines.logbook import log_sets, start_session
from tests.app.conftest import APP, open_page
from tests.conftest import snapshot

LOG = "app_pages/log_sets.py"
SETS = (
    "select e.name, x.set_type, x.weight_kg, x.entered_weight, x.entered_unit, x.reps, "
    "x.duration_s from sets as x inner join exercises as e on e.exercise_id = x.exercise_id "
    "order by x.set_id"
)


def add_set(at: AppTest, exercise: str, **values: float) -> AppTest:
    at.selectbox(key="log_exercise").select(exercise).run()
    for key, value in values.items():
        at.number_input(key=f"log_{key}").set_value(value)
    return at.button(key="log_add").click().run()


def test_a_set_added_through_the_form_is_stored_once_and_listed(app_db, db):
    at = open_page(LOG)
    add_set(at, "Suitcase Deadlift", weight=22.5, reps=10)
    assert not at.exception
    assert [s.value for s in at.success] == ["Logged Suitcase Deadlift: 22.5 kg \u00d7 10."]
    assert db.execute(SETS).fetchall() == [
        ("Suitcase Deadlift", "working", 22.5, 22.5, "kg", 10, None)
    ]
    table = at.table[0].value
    assert table[["No.", "Exercise", "Set"]].to_numpy().tolist() == [
        [1, "Suitcase Deadlift", "22.5 kg \u00d7 10"]
    ]


def test_an_alias_finds_its_exercise(app_db, db):
    at = open_page(LOG)
    picker = at.selectbox(key="log_exercise")
    # the alias is part of one option's label, not an option of its own
    (label,) = [
        o for o in picker.options if "Squat (Barbell)" in o.split(" \u00b7 ")[-1].split(", ")
    ]
    assert label.startswith("Barbell Squat \u00b7 ")
    add_set(at, "Barbell Squat", weight=60, reps=5)
    assert db.execute(SETS).fetchall() == [("Barbell Squat", "working", 60.0, 60.0, "kg", 5, None)]


@pytest.mark.parametrize(
    ("values", "mentions"),
    [
        ({"reps": 0}, "reps"),
        ({"weight": 1500.0, "reps": 5}, "weight"),
    ],
)
def test_bad_input_shows_a_sentence_and_adds_nothing(app_db, db, values, mentions):
    at = open_page(LOG)
    before = snapshot(db)
    add_set(at, "Suitcase Deadlift", **values)
    assert not at.exception
    assert len(at.error) == 1
    assert mentions in at.error[0].value
    assert "Nothing was saved" in at.error[0].value
    assert snapshot(db) == before


def test_adding_without_an_exercise_asks_for_one_and_adds_nothing(app_db, db):
    at = open_page(LOG)
    before = snapshot(db)
    at.number_input(key="log_reps").set_value(8)
    at.button(key="log_add").click().run()
    assert at.error[0].value.startswith("Choose an exercise first")
    assert snapshot(db) == before


@pytest.fixture
def squat_history(db):
    """Two squat days: 60 kg x 5, then 62.5 kg x 5 followed by a lighter warm-up."""
    me = ensure_athlete(db, "Me")
    first = start_session(db, me, "2026-11-10 18:00")
    log_sets(db, first, [{"exercise": "Barbell Squat", "weight": 60, "reps": 5}])
    second = start_session(db, me, "2026-11-17 18:00")
    log_sets(
        db,
        second,
        [
            {"exercise": "Barbell Squat", "weight": 62.5, "reps": 5},
            {"exercise": "Barbell Squat", "weight": 20, "reps": 10, "set_type": "warmup"},
        ],
    )


def test_choosing_an_exercise_shows_last_sessions_sets_and_fills_in_the_first(
    app_db, squat_history
):
    at = open_page(LOG)
    at.selectbox(key="log_exercise").select("Barbell Squat").run()
    assert at.number_input(key="log_weight").value == 62.5
    assert at.number_input(key="log_reps").value == 5
    assert at.caption[0].value == (
        "Last time (17 Nov 2026): 62.5 kg \u00d7 5, 20 kg \u00d7 10 (warm-up)"
    )


def test_after_add_set_the_next_set_copies_the_matching_set_of_last_time(app_db, squat_history, db):
    at = open_page(LOG)
    at.selectbox(key="log_exercise").select("Barbell Squat").run()
    at.number_input(key="log_rpe").set_value(8.5)
    at.text_input(key="log_notes").input("belt")
    at.button(key="log_add").click().run()
    assert not at.exception
    # Set 2 of last time was 20 kg x 10; how set 1 felt does not carry over.
    assert at.number_input(key="log_weight").value == 20.0
    assert at.number_input(key="log_reps").value == 10
    assert at.number_input(key="log_rpe").value is None
    assert at.text_input(key="log_notes").value == ""
    assert db.execute(
        "select weight_kg, reps, rpe, notes from sets where rpe is not null"
    ).fetchall() == [(62.5, 5, 8.5, "belt")]


def test_pounds_are_shown_and_typed_when_the_athlete_prefers_them(app_db, squat_history, db):
    at = open_page(LOG)
    at.sidebar.segmented_control(key="frame_unit").set_value("lb").run()
    at.selectbox(key="log_exercise").select("Barbell Squat").run()
    # 62.5 kg / 0.45359237 = 137.79 lb
    assert at.number_input(key="log_weight").value == 137.79
    assert at.number_input(key="log_weight").label == "Weight (lb)"
    at.number_input(key="log_weight").set_value(135.0)
    at.number_input(key="log_reps").set_value(5)
    at.button(key="log_add").click().run()
    row = db.execute(
        "select weight_kg, entered_weight, entered_unit from sets order by set_id desc limit 1"
    ).fetchone()
    assert row == (pytest.approx(135 * 0.45359237), 135.0, "lb")


def test_a_set_of_the_day_can_be_changed_and_then_deleted(app_db, db):
    at = open_page(LOG)
    add_set(at, "Suitcase Deadlift", weight=20.0, reps=10)
    (set_id,) = db.execute("select set_id from sets").fetchone()
    at.selectbox(key="log_edit_set").select(set_id).run()
    assert at.number_input(key="log_edit_weight").value == 20.0
    at.number_input(key="log_edit_reps").set_value(12)
    at.button(key="log_edit_save").click().run()
    assert db.execute("select reps, weight_kg from sets").fetchall() == [(12, 20.0)]
    at.selectbox(key="log_edit_set").select(set_id).run()
    at.button(key="log_edit_delete").click().run()
    assert not at.exception
    assert db.execute("select count(*) from sets").fetchone() == (0,)
    assert at.info[0].value.startswith("No sets on this day yet")


def test_a_rejected_change_keeps_the_set_as_it_was(app_db, db):
    at = open_page(LOG)
    add_set(at, "Suitcase Deadlift", weight=20.0, reps=10)
    (set_id,) = db.execute("select set_id from sets").fetchone()
    before = snapshot(db)
    at.selectbox(key="log_edit_set").select(set_id).run()
    at.number_input(key="log_edit_weight").set_value(5000.0)
    at.button(key="log_edit_save").click().run()
    assert "weight" in at.error[0].value
    assert snapshot(db) == before


def test_a_new_athlete_is_created_from_the_sidebar_and_chosen(app_db):
    at = open_page(LOG)
    at.sidebar.text_input(key="frame_new_name").input("Robin")
    at.sidebar.button(key="frame_create").click().run()
    athlete = at.sidebar.selectbox(key="frame_athlete")
    assert athlete.format_func(athlete.value) == "Robin"


def test_the_athlete_named_in_the_address_is_chosen_and_kept_there(app_db, db):
    ensure_athlete(db, "Me")
    ensure_athlete(db, "Robin")
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["athlete"] = " robin "
    at.run()
    athlete = at.sidebar.selectbox(key="frame_athlete")
    assert athlete.format_func(athlete.value) == "Robin"
    assert at.query_params["athlete"] == "Robin"
