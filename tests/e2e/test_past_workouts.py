"""The Log page's search, past workouts and athlete tools, in a real browser.

One server for the module; each test works as its own athlete. Screenshots of the past
workouts at desktop and phone sizes go to artifacts/screenshots/.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, ViewportSize, expect

from pipelines.athletes import ensure_athlete
from pipelines.db import connect
from pipelines.logbook import DaySession, log_sets
from tests.e2e.conftest import DESKTOP, PHONE, Server, start_server, stop_server
from tests.e2e.ui import choose, no_exception, open_page, settled

TODAY = dt.date.today()
SQUAT = {"exercise": "Barbell Squat", "weight": 100, "unit": "kg", "reps": 5}
RDL = {"exercise": "Romanian Deadlift", "weight": 80, "unit": "kg", "reps": 8}


def _seed(path: Path) -> None:
    con = connect(path)
    ensure_athlete(con, "Searcher", "kg")
    ensure_athlete(con, "Past", "kg")
    for days_ago, sets in ((9, [SQUAT]), (5, [SQUAT, SQUAT, RDL]), (2, [RDL, RDL])):
        log_sets(con, DaySession(TODAY - dt.timedelta(days=days_ago), "Past"), sets)
    con.close()


@pytest.fixture(scope="module")
def past_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One dashboard for this module, over a database with each test's athlete."""
    folder = tmp_path_factory.mktemp("past-workouts")
    _seed(folder / "liftboard.duckdb")
    running = start_server(folder / "liftboard.duckdb", folder / "server.log")
    yield running
    stop_server(running)


def _open(browser: Browser, server: Server, athlete: str, viewport: ViewportSize) -> Page:
    context = browser.new_context(base_url=server.url, viewport=viewport)
    page = context.new_page()
    open_page(page, f"/?athlete={athlete}")
    return page


def _box(page: Page, label: str) -> Locator:
    return page.get_by_test_id("stSelectbox").filter(has=page.get_by_text(label, exact=True))


def test_typing_a_lift_offers_the_likeliest_exercise_first(browser, past_server, screenshots):
    page = _open(browser, past_server, "Searcher", DESKTOP)
    field = _box(page, "Exercise").locator("input")
    for typed, first in (
        ("bench press", "Barbell Bench Press - Medium Grip"),
        ("squat", "Barbell Squat"),
        ("rdl", "Romanian Deadlift"),
    ):
        field.click()
        field.fill(typed)
        options = page.get_by_role("option")
        expect(options.first).to_contain_text(first)
        assert options.first.inner_text().split(" · ")[0].strip() == first
        if typed == "bench press":
            page.screenshot(path=screenshots / "exercise-search-desktop.png")
        page.keyboard.press("Escape")
    page.context.close()


def test_a_past_workout_opens_and_a_deleted_set_comes_back_with_undo(
    browser, past_server, screenshots
):
    page = _open(browser, past_server, "Past", DESKTOP)
    expect(page.get_by_text("Workouts 1 to 3 of 3")).to_be_visible()
    five_days = TODAY - dt.timedelta(days=5)
    label = f"{five_days:%a %d %b %Y} · Logged sets"
    choose(page, "Open a workout", f"{five_days:%d %b}", label)
    choose(
        page, "Change or delete a set of this workout", "#2", "#2 Barbell Squat · 100 kg \u00d7 5"
    )
    page.get_by_role("button", name="Delete set").click()
    settled(page)
    expect(page.get_by_text("Set deleted.")).to_be_visible()
    expect(page.get_by_text("2 sets of 2 exercises · no end time")).to_be_visible()
    page.get_by_role("heading", name="Past workouts").scroll_into_view_if_needed()
    page.screenshot(path=screenshots / "past-workouts-desktop.png")
    page.get_by_text("Change or delete a set of this workout").scroll_into_view_if_needed()
    page.screenshot(path=screenshots / "past-workouts-desktop-open.png")
    page.get_by_role("button", name="Undo").click()
    settled(page)
    expect(page.get_by_text("Set put back.")).to_be_visible()
    expect(page.get_by_text("3 sets of 2 exercises · no end time")).to_be_visible()
    no_exception(page)
    page.context.close()


def test_a_workout_is_deleted_after_a_yes(browser, past_server):
    page = _open(browser, past_server, "Past", DESKTOP)
    nine_days = TODAY - dt.timedelta(days=9)
    label = f"{nine_days:%a %d %b %Y} · Logged sets"
    choose(page, "Open a workout", f"{nine_days:%d %b}", label)
    page.get_by_role("button", name="Delete this workout").click()
    settled(page)
    expect(page.get_by_text("This cannot be undone.", exact=False)).to_be_visible()
    page.get_by_role("button", name="Yes, delete the workout").click()
    settled(page)
    expect(page.get_by_text("Workout deleted.")).to_be_visible()
    expect(page.get_by_text("Workouts 1 to 2 of 2")).to_be_visible()
    no_exception(page)
    page.context.close()


def test_the_past_workouts_fit_a_phone(browser, past_server, screenshots):
    page = _open(browser, past_server, "Past", PHONE)
    two_days = TODAY - dt.timedelta(days=2)
    label = f"{two_days:%a %d %b %Y} · Logged sets"
    choose(page, "Open a workout", f"{two_days:%d %b}", label)
    summary = page.get_by_text("2 sets of 1 exercise · no end time")
    expect(summary).to_be_visible()
    summary.scroll_into_view_if_needed()
    page.screenshot(path=screenshots / "past-workouts-phone.png")
    no_exception(page)
    page.context.close()


def test_an_athlete_created_in_pounds_types_pounds(browser, past_server):
    page = _open(browser, past_server, "Searcher", DESKTOP)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_role("button", name="New").click()
    popover = page.get_by_test_id("stPopoverBody")
    popover.get_by_label("Name").fill("Pounds")
    popover.get_by_role("radio", name="lb", exact=True).click()
    popover.get_by_role("button", name="Create").click()
    settled(page)
    expect(page).to_have_url(re.compile(r"athlete=Pounds"))
    expect(page.get_by_role("combobox", name="Athlete")).to_have_value("Pounds")
    expect(page.get_by_label("Weight (lb)", exact=True)).to_be_visible()
    no_exception(page)
    page.context.close()
