"""Every page renders from the entrypoint without an exception, empty or full."""

from __future__ import annotations

import pytest

from tests.app.conftest import PAGES, open_page


@pytest.mark.parametrize("page_path", PAGES)
def test_every_page_renders_on_an_empty_database(new_db, page_path):  # a file not yet made
    at = open_page(page_path)
    assert not at.exception
    assert at.title


@pytest.mark.parametrize("page_path", PAGES)
def test_every_page_renders_on_a_demo_database(demo_db, page_path):
    at = open_page(page_path)
    assert not at.exception
    assert not at.error
    assert at.title


def test_an_empty_database_offers_the_demo_and_loading_it_switches_to_the_demo_lifter(app_db):
    at = open_page("app_pages/log_sets.py")
    at.sidebar.button(key="frame_demo").click().run()
    assert not at.exception
    athlete = at.sidebar.selectbox(key="frame_athlete")
    assert athlete.format_func(athlete.value) == "Demo lifter"
    assert not [b for b in at.sidebar.button if b.key == "frame_demo"]


def test_the_exercises_page_finds_an_exercise_by_an_alias(app_db):
    at = open_page("app_pages/exercises.py")
    at.text_input(key="ex_search").input("Squat (Barbell)").run()
    assert "Barbell Squat" in at.dataframe[0].value["name"].tolist()


def test_the_exercises_page_filters_by_muscle_and_equipment(app_db):
    at = open_page("app_pages/exercises.py")
    at.multiselect(key="ex_muscles").select("lower back").run()
    at.multiselect(key="ex_equipment").select("kettlebells").run()
    table = at.dataframe[0].value
    assert not table.empty
    assert table["equipment"].eq("kettlebells").all()
    worked = table["primary_muscles"] + ", " + table["secondary_muscles"]
    assert worked.str.contains("lower back").all()
