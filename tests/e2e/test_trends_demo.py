"""Trends on the demo log in a real browser: the picture the README shows, at two sizes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from pipelines.athletes import ensure_athlete
from pipelines.db import connect
from pipelines.demo import DEMO_ATHLETE, write_demo
from pipelines.logbook import log_sets, start_session
from tests.e2e.conftest import DESKTOP, PHONE, Server, start_server, stop_server
from tests.e2e.ui import choose, open_page, plotly_data, settled

TODAY = dt.date.today()
MONDAY = TODAY - dt.timedelta(days=TODAY.weekday())
# On top of the demo's lifting: a 25-minute 4 km run on the Sunday of each of the last four
# weeks, and this week (on its Monday) a 10-minute 2 km row and two 45 s hamstring holds.
RUN = {"exercise": "Running, Treadmill", "seconds": 1500, "distance_m": 4000}
ROW = {"exercise": "Rowing, Stationary", "seconds": 600, "distance_m": 2000}
HOLD = {"exercise": "90/90 Hamstring", "seconds": 45}


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("demo")
    con = connect(folder / "liftboard.duckdb")
    write_demo(con, weeks=12)
    me = ensure_athlete(con, DEMO_ATHLETE)
    for weeks_back in range(1, 5):
        sunday = MONDAY - dt.timedelta(weeks=weeks_back - 1, days=1)
        log_sets(con, start_session(con, me, dt.datetime.combine(sunday, dt.time(9))), [RUN])
    this_week = start_session(con, me, dt.datetime.combine(MONDAY, dt.time(19)))
    log_sets(con, this_week, [ROW, HOLD, HOLD])
    con.close()
    running = start_server(folder / "liftboard.duckdb", folder / "server.log")
    yield running
    stop_server(running)


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_demo_glutes_are_mostly_productive_with_one_week_under_and_one_over(
    browser: Browser, demo_server: Server, screenshots, size: str
):
    context = browser.new_context(
        base_url=demo_server.url, viewport=DESKTOP if size == "desktop" else PHONE
    )
    page = context.new_page()
    open_page(page, "/trends")
    choose(page, "Muscle group", "glutes", "glutes")
    traces = {t["name"]: t for t in plotly_data(page, 0)}
    assert len(traces["productive"]["y"]) == 10
    assert len(traces["below minimum effective"]["y"]) == 1
    assert len(traces["above maximum recoverable"]["y"]) == 1
    expect(page.get_by_text("Landmarks for")).to_be_visible()
    page.screenshot(path=screenshots / f"{size}-trends-demo.png", full_page=size == "phone")
    context.close()


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_consistency_shows_cardio_and_stretching_on_their_own(
    browser: Browser, demo_server: Server, screenshots, size: str
):
    context = browser.new_context(
        base_url=demo_server.url, viewport=DESKTOP if size == "desktop" else PHONE
    )
    page = context.new_page()
    open_page(page, "/trends")
    page.get_by_role("radio", name="Consistency").click()
    settled(page)
    heading = page.get_by_role("heading", name="Cardio and stretching")
    expect(heading).to_be_visible()
    # four runs (100 min, 16 km) and a row (10 min, 2 km); one session of two holds (90 s)
    expect(page.get_by_test_id("stMetricValue").filter(has_text="110 min")).to_be_visible()
    expect(page.get_by_test_id("stMetricValue").filter(has_text="18.0 km")).to_be_visible()
    expect(page.get_by_test_id("stMetricValue").filter(has_text="1 session")).to_be_visible()
    cardio, stretching = plotly_data(page, 2)
    assert (cardio["name"], stretching["name"]) == ("cardio (minutes)", "stretching (minutes)")
    assert sum(cardio["y"]) == 110
    assert sum(stretching["y"]) == 1.5
    page.locator(".js-plotly-plot").nth(2).scroll_into_view_if_needed()
    page.screenshot(path=screenshots / f"{size}-trends-consistency.png")
    context.close()
