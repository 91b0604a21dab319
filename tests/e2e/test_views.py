"""The exercise history, body map and bodyweight pages in a real browser, at desktop and phone
size, and exercise names on the Trends strength view."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect

from pipelines.athletes import ensure_athlete
from pipelines.db import connect
from pipelines.demo import write_demo
from pipelines.logbook import log_sets, start_session
from tests.e2e.conftest import DESKTOP, PHONE, Server, start_server, stop_server
from tests.e2e.ui import open_page, plotly_data, settled

VIEWS = {
    "exercise": "/exercise?exercise=Barbell_Squat",
    "body": "/body?muscle=glutes",
    "bodyweight": "/bodyweight",
}
SIZES: dict[str, ViewportSize] = {"desktop": DESKTOP, "phone": PHONE}


@pytest.fixture(scope="module")
def views_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A dashboard on the demo log, plus deadlifts whose records are all older than 12 weeks,
    in sessions without a bodyweight of their own."""
    folder = tmp_path_factory.mktemp("views")
    con = connect(folder / "liftboard.duckdb")
    write_demo(con, weeks=12)
    me = ensure_athlete(con, "Demo lifter")
    for weeks_ago, kg in ((40, 140.0), (1, 100.0)):
        day = dt.date.today() - dt.timedelta(weeks=weeks_ago)
        session = start_session(con, me, dt.datetime.combine(day, dt.time(18)))
        log_sets(con, session, [{"exercise": "Barbell_Deadlift", "weight": kg, "reps": 5}] * 2)
        log_sets(con, session, [{"exercise": "Pullups", "reps": 8}])  # on the last reading
    con.close()
    running = start_server(folder / "liftboard.duckdb", folder / "server.log")
    yield running
    stop_server(running)


@pytest.fixture
def window(
    browser: Browser, views_server: Server, request: pytest.FixtureRequest
) -> Iterator[Page]:
    """A browser window on the views server, desktop-sized unless the test says phone."""
    size = getattr(request, "param", "desktop")
    phone = size == "phone"
    context: BrowserContext = browser.new_context(
        base_url=views_server.url, viewport=SIZES[size], is_mobile=phone, has_touch=phone
    )
    yield context.new_page()
    context.close()


def test_the_strength_view_names_an_exercise_without_records_in_the_dates(window: Page):
    open_page(window, "/trends")
    window.get_by_role("radio", name="Strength").click()
    settled(window)
    box = window.get_by_test_id("stSelectbox").filter(has_text="Exercise")
    box.locator("input").click()
    options = window.get_by_role("option")
    expect(options.filter(has_text="Barbell Deadlift")).to_have_count(1)
    expect(options.filter(has_text="Barbell_Deadlift")).to_have_count(0)


@pytest.mark.parametrize("window", list(SIZES), indirect=True)
@pytest.mark.parametrize("name", list(VIEWS))
def test_each_view_renders_and_fits(window: Page, screenshots, name: str):
    open_page(window, VIEWS[name])
    expect(window.get_by_test_id("stException")).to_have_count(0)
    if name == "exercise":
        expect(window.get_by_text("Rep records")).to_be_visible()
        assert plotly_data(window, 0)[0]["y"]
    elif name == "body":
        expect(window.get_by_role("img").first).to_be_visible()
        expect(window.get_by_role("heading", name="Glutes")).to_be_visible()
        assert plotly_data(window, 0)
    else:
        assert plotly_data(window, 0)
    width = window.evaluate("() => document.documentElement.scrollWidth")
    assert width <= window.viewport_size["width"] if window.viewport_size else True
    window.get_by_test_id("stMain").evaluate("main => main.scrollTo(0, 0)")
    size = "phone" if window.viewport_size == PHONE else "desktop"
    window.screenshot(path=screenshots / f"{size}-{name}.png")


def test_picking_a_muscle_on_the_body_map_shows_its_chart_and_exercises(window: Page):
    open_page(window, "/body")
    expect(window.get_by_role("heading", name="Lats")).to_have_count(0)
    window.get_by_role("radiogroup", name="Muscle group").get_by_role("radio", name="lats").click()
    settled(window)
    expect(window.get_by_role("heading", name="Lats")).to_be_visible()
    assert "muscle=lats" in window.url
    link = window.get_by_role("link", name="Pullups")
    expect(link).to_be_visible()
    link.click()
    settled(window)
    expect(window.get_by_role("heading", name="Exercise history")).to_be_visible()
    assert "exercise=Pullups" in window.url


def test_a_bodyweight_logged_in_the_browser_joins_the_chart(window: Page):
    open_page(window, "/bodyweight")
    before = len(plotly_data(window, 0)[0]["y"])
    window.get_by_label("Bodyweight (kg)").fill("79.4")
    window.get_by_role("button", name="Save").click()
    settled(window)
    expect(window.get_by_text("Saved 79.4 kg")).to_be_visible()
    line = plotly_data(window, 0)[0]
    assert line["y"][-1] == 79.4
    assert len(line["y"]) in {before, before + 1}
