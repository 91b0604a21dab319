"""The sidebar's athlete tools: create one in pounds, rename (the address follows), delete."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from pipelines.athletes import ensure_athlete
from tests.app.conftest import APP, open_page
from tests.conftest import log_day

LOG = "app_pages/log_sets.py"


def _chosen(at: AppTest) -> str:
    athlete = at.sidebar.selectbox(key="frame_athlete")
    return str(athlete.format_func(athlete.value))


def test_an_athlete_created_in_pounds_sees_and_types_pounds(app_db, db):
    at = open_page(LOG)
    at.sidebar.text_input(key="frame_new_name").input("Robin")
    at.sidebar.segmented_control(key="frame_new_unit").set_value("lb")
    at.sidebar.button(key="frame_create").click().run()
    assert not at.exception
    assert _chosen(at) == "Robin"
    assert db.execute("select unit from athletes where name = 'Robin'").fetchall() == [("lb",)]
    assert at.sidebar.segmented_control(key="frame_unit").value == "lb"
    assert at.number_input(key="log_weight").label == "Weight (lb)"


def test_creating_an_athlete_with_a_taken_name_says_so(app_db, db):
    ensure_athlete(db, "Robin")
    at = open_page(LOG)
    at.sidebar.text_input(key="frame_new_name").input("robin")
    at.sidebar.button(key="frame_create").click().run()
    assert "already an athlete called 'robin'" in at.sidebar.error[0].value
    assert db.execute("select count(*) from athletes where lower(name) = 'robin'").fetchone() == (
        1,
    )


def test_a_renamed_athlete_keeps_their_training_and_the_address_follows(app_db, db):
    sam = ensure_athlete(db, "Sam")
    log_day(db, sam, 0, [{"exercise": "Barbell Squat", "weight": 100, "reps": 5}])
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["athlete"] = "Sam"
    at.run()
    at.sidebar.text_input(key="frame_rename").input("Samantha")
    at.sidebar.button(key="frame_rename_go").click().run()
    assert not at.exception
    assert _chosen(at) == "Samantha"
    assert at.query_params["athlete"] == "Samantha"
    assert db.execute(
        "select a.name, count(*) from sets join sessions using (session_id) "
        "join athletes as a using (athlete_id) group by a.name"
    ).fetchall() == [("Samantha", 1)]


def test_deleting_an_athlete_needs_their_name_typed_and_removes_only_them(app_db, db):
    sam, kim = ensure_athlete(db, "Sam"), ensure_athlete(db, "Kim")
    log_day(db, sam, 0, [{"exercise": "Barbell Squat", "weight": 100, "reps": 5}])
    log_day(db, kim, 0, [{"exercise": "Barbell Squat", "weight": 80, "reps": 5}])
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["athlete"] = "Sam"
    at.run()
    at.sidebar.text_input(key="frame_delete_name").input("Kim")  # the wrong name
    at.sidebar.button(key="frame_delete").click().run()
    assert "Type Sam exactly" in at.sidebar.error[0].value
    assert db.execute("select count(*) from athletes").fetchone() == (2,)
    at.sidebar.text_input(key="frame_delete_name").input("sam")
    at.sidebar.button(key="frame_delete").click().run()
    assert not at.exception
    assert db.execute("select name from athletes").fetchall() == [("Kim",)]
    assert db.execute("select count(*) from sets").fetchone() == (1,)
    assert _chosen(at) == "Kim"
    assert at.query_params["athlete"] == "Kim"
