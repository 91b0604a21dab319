"""Every page renders from the entrypoint without an exception."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP

PAGES = ["app_pages/log_sets.py", "app_pages/exercises.py"]


@pytest.mark.parametrize("page_path", PAGES)
def test_every_page_renders_on_an_empty_database(app_db, page_path):
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page(page_path).run()
    assert not at.exception
    assert at.title


def test_the_exercises_page_lists_the_catalog(app_db):
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("app_pages/exercises.py").run()
    at.text_input(key="ex_search").input("suitcase").run()
    table = at.dataframe[0].value
    assert "Suitcase Deadlift" in table["name"].tolist()
