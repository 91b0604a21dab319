"""The insight sections on the Log, Trends and Workout pages, on the demo log."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.conftest import open_page

LOG = "app_pages/log_sets.py"
TRENDS = "app_pages/trends.py"
WORKOUT = "app_pages/workout.py"


def _texts(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in at.markdown) + "\n".join(
        str(c.value) for c in at.caption
    )


def test_the_log_page_shows_the_gap_plan_and_how_it_was_computed(demo_db):
    at = open_page(LOG)
    assert not at.exception
    text = _texts(at)
    assert "What closes this week's gaps" in text
    assert "sets of" in text or "Every muscle group with a minimum has reached it" in text
    assert "finds the fewest extra sets" in text


def test_trends_shows_plateaus_and_the_week_in_review_with_a_csv(demo_db):
    at = open_page(TRENDS)
    assert not at.exception
    at.segmented_control(key="ins_view").set_value("plateaus").run()
    assert not at.exception
    assert "a plateau is no new best for 6 weeks" in _texts(at)
    at.segmented_control(key="ins_view").set_value("review").run()
    assert not at.exception
    table = at.dataframe[-1].value
    assert "glutes" in set(table["Muscle group"])
    assert [m.label for m in at.metric] == ["Sessions", "Sets", "Minutes"]
    assert at.get("download_button")


def test_the_workout_page_says_which_moves_are_ready_for_more(demo_db):
    at = open_page(WORKOUT)
    assert not at.exception
    text = _texts(at)
    assert "Suitcase Deadlift" in text
    assert "a move is ready for more when" in text


def test_a_lifter_with_no_history_is_told_what_to_log_for_each_insight(app_db):
    at = open_page(LOG)
    assert not at.exception
    assert "Log your sessions for a week or two" in _texts(at)
    at = open_page(TRENDS)
    at.segmented_control(key="ins_view").set_value("plateaus").run()
    assert not at.exception
    assert any("in at least 6 sessions over 12 weeks" in str(i.value) for i in at.info)
    at.segmented_control(key="ins_view").set_value("review").run()
    assert not at.exception
    assert any("this week's review shows here" in str(i.value) for i in at.info)
    assert not at.dataframe
    at = open_page(WORKOUT)
    assert not at.exception
    assert any("No circuit logged yet" in str(i.value) for i in at.info)
