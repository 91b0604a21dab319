"""Circuit mode: the template's rounds, one Done per exercise, rest between passes."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Button

from tests.app.conftest import open_page

LOG = "app_pages/log_sets.py"
LOGGED = (
    "select x.exercise_id, x.reps, x.duration_s, x.weight_kg, s.template_id from sets as x "
    "inner join sessions as s on s.session_id = x.session_id order by x.set_id"
)


def rest_countdowns(at: AppTest) -> list[str]:
    """The markup of every rest countdown on the page."""
    return [h.proto.body for h in at.get("html") if "lb-rest-time" in h.proto.body]


def done_button(at: AppTest, position: int) -> Button:
    """The Done of the exercise at `position` in the pass shown."""
    (button,) = [
        b for b in at.button if re.fullmatch(rf"log_circuit_\d+_\d+_{position}_done", b.key or "")
    ]
    return button


def start(at: AppTest) -> AppTest:
    at.segmented_control(key="log_mode").set_value("circuit").run()
    return at.button(key="log_circuit_start").click().run()


def test_round_one_logs_its_prescribed_rows_and_then_rests(app_db, db):
    at = start(open_page(LOG))
    assert "Round 1 of 4 \u00b7 pass 1 of 2" in at.get("progress")[0].proto.text
    at.number_input(key="log_circuit_1_1_1_weight").set_value(16.0)
    done_button(at, 1).click().run()
    done_button(at, 2).click().run()
    assert not at.exception
    # The default template's round 1: suitcase deadlift 10 per side, sumo high pull 12.
    assert db.execute(LOGGED).fetchall() == [
        ("Suitcase_Deadlift", 10, None, 16.0, "beginner_back_legs"),
        ("Kettlebell_Sumo_High_Pull", 12, None, None, "beginner_back_legs"),
    ]
    # The pass is complete: the next one shows at once, under a 30 s rest countdown naming it.
    assert "Round 1 of 4 \u00b7 pass 2 of 2" in at.get("progress")[0].proto.text
    (rest,) = rest_countdowns(at)
    left = re.search(r'data-left="(\d+)"', rest)
    assert left is not None
    assert 0 < int(left.group(1)) <= 30
    assert "Next: Suitcase Deadlift, Kettlebell Sumo High Pull" in rest
    at.button(key="log_circuit_rest_skip").click().run()
    assert rest_countdowns(at) == []
    assert done_button(at, 1)


def test_the_values_can_be_changed_before_done_and_timed_slots_log_seconds(app_db, db):
    at = start(open_page(LOG))
    for _ in range(6):  # rounds 1 to 3, two passes each
        for position in (1, 2):
            done_button(at, position).click().run()
    assert "Round 4 of 4 \u00b7 pass 1 of 2" in at.get("progress")[0].proto.text
    at.number_input(key="log_circuit_4_1_2_seconds").set_value(45)
    done_button(at, 2).click().run()
    last = db.execute(LOGGED).fetchall()[-1]
    assert last[:3] == ("Superman", None, 45.0)
    assert db.execute("select count(*) from sets").fetchone() == (13,)


def test_finishing_closes_the_session_and_leaves_circuit_mode(app_db, db):
    at = start(open_page(LOG))
    done_button(at, 1).click().run()
    at.button(key="log_circuit_finish").click().run()
    assert not at.exception
    assert db.execute("select count(*) from sessions where ended_at is not null").fetchone() == (1,)
    assert at.success[0].value.startswith("Workout saved")
    assert [b for b in at.button if b.key == "log_circuit_start"]


def test_start_this_workout_opens_the_log_in_circuit_mode(app_db):
    at = open_page("app_pages/workout.py")
    at.button(key="wo_start").click().run()
    assert not at.exception
    assert at.segmented_control(key="log_mode").value == "circuit"
    assert done_button(at, 1)
