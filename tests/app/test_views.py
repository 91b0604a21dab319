"""The exercise history, body map and bodyweight pages, the landmark editor, and exercise names
on the Trends strength view, rendered from the entrypoint as a browser session would."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from pipelines.athletes import ensure_athlete
from pipelines.bodyweight import bodyweight_readings
from pipelines.logbook import log_sets, start_session
from pipelines.volume_targets import volume_landmarks
from tests.app.conftest import APP, open_page

EXERCISE = "app_pages/exercise.py"
BODY = "app_pages/body.py"
BODYWEIGHT = "app_pages/bodyweight.py"
TRENDS = "app_pages/trends.py"
BENCH = "Barbell_Bench_Press_-_Medium_Grip"


def open_with(page_path: str, **params: str) -> AppTest:
    """Open `page_path` with query parameters in the address, as a shared link does."""
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run().switch_page(page_path).run()


def table(at: AppTest, column: str):
    """The page's table that has `column` (AppTest does not expose a table's key)."""
    return next(t.value for t in at.dataframe if column in t.value.columns)


def bench_day(db, athlete: int, day: dt.date, kg: float, reps: int = 5) -> None:
    session = start_session(db, athlete, dt.datetime.combine(day, dt.time(7)))
    log_sets(db, session, [{"exercise": BENCH, "weight": kg, "reps": reps}] * 3)


@pytest.mark.parametrize("page_path", [EXERCISE, BODY, BODYWEIGHT])
def test_each_new_page_says_what_is_missing_on_an_empty_database(app_db, page_path):
    at = open_page(page_path)
    assert not at.exception
    assert not at.error


def test_the_strength_view_names_an_exercise_whose_records_fall_outside_the_dates(app_db, db):
    me = ensure_athlete(db, "Me")
    long_ago = dt.date.today() - dt.timedelta(weeks=40)
    bench_day(db, me, long_ago, 100)  # the records are set here
    bench_day(db, me, dt.date.today() - dt.timedelta(days=3), 80)  # lighter: no record
    at = open_page(TRENDS)
    at.segmented_control(key="tr_view").set_value("strength").run()
    assert not at.exception
    box = at.selectbox(key="tr_exercise")
    assert box.options == ["Barbell Bench Press - Medium Grip"]


def test_the_exercise_page_opens_on_the_exercise_in_the_address(demo_db):
    at = open_with(EXERCISE, exercise="Barbell_Squat")
    assert not at.exception
    assert at.selectbox(key="xh_exercise").value == "Barbell_Squat"
    sessions = table(at, "Top set")
    assert len(sessions) > 0
    assert sessions["Date"].is_monotonic_decreasing
    assert all("\u00d7" in text for text in sessions.iloc[:, 1])
    reps = table(at, "Reps")
    assert list(reps["Reps"]) == [f"{n}RM" for n in range(1, 13)]
    assert at.get("plotly_chart")


def test_the_exercise_page_shows_sets_top_set_and_rep_records_in_pounds(app_db, db):
    me = ensure_athlete(db, "Me", unit="lb")
    session = start_session(db, me, dt.datetime(2026, 3, 2, 7))
    log_sets(
        db,
        session,
        [
            {"exercise": BENCH, "weight": 95, "unit": "lb", "reps": 10, "set_type": "warmup"},
            {"exercise": BENCH, "weight": 185, "unit": "lb", "reps": 5},
            {"exercise": BENCH, "weight": 205, "unit": "lb", "reps": 2},
        ],
    )
    at = open_with(EXERCISE, exercise=BENCH)
    row = table(at, "Top set").iloc[0]
    assert row["Sets (lb \u00d7 reps)"] == "95 \u00d7 10w, 185 \u00d7 5, 205 \u00d7 2"
    assert row["Top set"] == "205 \u00d7 2"
    assert row["Best e1RM (lb)"] == "218.7"  # Epley: 205 x (1 + 2/30)
    reps = table(at, "Reps").set_index("Reps")
    assert reps.loc["2RM", "Best (lb)"] == "205"
    assert reps.loc["5RM", "Set"] == "185 \u00d7 5"
    assert reps.loc["6RM", "Best (lb)"] == "\u2013"


def test_the_body_map_colours_the_week_and_shows_the_picked_muscle(demo_db):
    at = open_with(BODY, muscle="glutes")
    assert not at.exception
    assert at.get("image")
    assert at.button_group(key="muscle").value == "glutes"
    assert at.subheader[0].value == "Glutes"
    exercises = table(at, "Hard sets")
    assert "Suitcase Deadlift" in set(exercises["Exercise"])
    assert at.get("plotly_chart")


def test_a_bodyweight_saved_on_the_page_is_stored_in_the_athletes_unit(app_db, db):
    ensure_athlete(db, "Me", unit="lb")
    at = open_page(BODYWEIGHT)
    at.date_input(key="bw_day").set_value(dt.date(2026, 5, 1))
    at.number_input(key="bw_weight").set_value(176)
    at.button(key="bw_save").click().run()
    assert not at.exception
    assert not at.error
    readings = bodyweight_readings(db, 1)
    assert readings["entered_weight"].tolist() == [176]
    assert readings["entered_unit"].tolist() == ["lb"]
    assert at.get("plotly_chart")


def test_a_bodyweight_out_of_range_is_a_sentence_and_nothing_is_stored(app_db, db):
    ensure_athlete(db, "Me")
    at = open_page(BODYWEIGHT)
    at.number_input(key="bw_weight").set_value(900)
    at.button(key="bw_save").click().run()
    assert "bodyweight = 900" in at.error[0].value
    assert bodyweight_readings(db, 1).empty


def test_landmarks_edited_on_the_body_map_page_are_saved_and_reset(app_db, db):
    me = ensure_athlete(db, "Me")
    at = open_page(BODY)
    assert not at.get("number_input")  # the editor opens on request
    at.toggle(key="landmarks").set_value(True).run()
    at.selectbox(key="lm_group").set_value("lats").run()
    assert at.number_input(key="lm_mev_sets").value == 10  # the default, filled in
    at.number_input(key="lm_mev_sets").set_value(12)
    at.button(key="lm_save").click().run()
    assert not at.exception
    assert not at.error
    mine = volume_landmarks(db, athlete_id=me).set_index("muscle_group")
    assert (mine.loc["lats", "mev_sets"], mine.loc["lats", "source"]) == (12, "athlete")
    assert mine.loc["middle back", "source"] == "default"
    at.selectbox(key="lm_group").set_value("lats").run()
    at.button(key="lm_reset_one").click().run()
    mine = volume_landmarks(db, athlete_id=me).set_index("muscle_group")
    assert (mine.loc["lats", "mev_sets"], mine.loc["lats", "source"]) == (10, "default")


def test_landmarks_out_of_order_are_a_sentence_and_nothing_changes(app_db, db):
    me = ensure_athlete(db, "Me")
    at = open_with(BODY, landmarks="true")  # as the link from Trends opens it
    at.selectbox(key="lm_group").set_value("calves").run()
    at.number_input(key="lm_mrv_sets").set_value(3)  # below MEV 8
    at.button(key="lm_save").click().run()
    assert "mrv_sets = 3" in at.error[0].value
    assert set(volume_landmarks(db, athlete_id=me)["source"]) <= {"default", "none"}


def test_the_workout_page_draws_and_names_the_anatomy(app_db):
    at = open_page("app_pages/workout.py")
    assert not at.exception
    assert at.get("image")
    named = next(c.value for c in at.caption if c.value.startswith("In Liftboard's muscle groups"))
    for part in (
        "calves = gastrocnemius and soleus",
        "lower back = erector spinae",
        "lats = latissimus dorsi",
        "traps = trapezius",
        "middle back = rhomboid major and rhomboid minor",
    ):
        assert part in named


def history_links(at: AppTest) -> list[str]:
    """The query strings of the page's links to the exercise history page."""
    return [
        link.proto.query_string for link in at.get("page_link") if link.proto.page == "exercise"
    ]


def test_exercises_trends_and_the_log_form_link_to_the_exercise_history(demo_db):
    at = open_page("app_pages/exercises.py")
    at.selectbox(key="ex_pick").set_value("Barbell_Squat").run()
    assert history_links(at) == ["exercise=Barbell_Squat"]

    at = open_page("app_pages/trends.py")
    at.segmented_control(key="tr_view").set_value("strength").run()
    at.selectbox(key="tr_exercise").set_value("Barbell_Squat").run()
    assert history_links(at) == ["exercise=Barbell_Squat"]

    at = open_page("app_pages/log_sets.py")
    assert history_links(at) == []
    at.selectbox(key="log_exercise").set_value("Barbell Squat").run()
    assert history_links(at) == ["exercise=Barbell_Squat"]


def test_the_trends_volume_view_links_to_the_landmark_editor(demo_db):
    at = open_page(TRENDS)
    assert [link.proto.label for link in at.get("page_link") if link.proto.page == "body"] == [
        "Edit your landmarks"
    ]
