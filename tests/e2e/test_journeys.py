"""A new lifter's journey in a real browser: demo data, every page, a set logged on a phone,
seen on Trends and downloaded as CSV."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator

import pandas as pd
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.e2e.conftest import DESKTOP, PHONE
from tests.e2e.ui import choose, number, open_page, plotly_data, settled

PAGES = {
    "log": "/",
    "workout": "/workout",
    "trends": "/trends",
    "exercises": "/exercises",
    "data": "/data",
}


@pytest.fixture(scope="module")
def demo(browser: Browser, base_url: str) -> None:
    """The server's database holds the demo log (loaded through the sidebar button)."""
    context = browser.new_context(base_url=base_url, viewport=DESKTOP)
    page = context.new_page()
    open_page(page, "/")
    offer = page.get_by_role("button", name="Load demo data")
    if offer.count():
        offer.click()
        settled(page)
    expect(page.get_by_role("combobox", name="Athlete")).to_have_value("Demo lifter")
    context.close()


@pytest.fixture
def phone(browser: Browser, base_url: str) -> Iterator[BrowserContext]:
    """A phone-sized, touch browser window."""
    context = browser.new_context(
        base_url=base_url, viewport=PHONE, is_mobile=True, has_touch=True, accept_downloads=True
    )
    yield context
    context.close()


def test_an_empty_database_offers_the_demo_and_loads_it(page: Page):
    page.set_viewport_size(DESKTOP)
    open_page(page, "/")
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("This database has no training yet")).to_be_visible()
    sidebar.get_by_role("button", name="Load demo data").click()
    settled(page)
    expect(sidebar.get_by_role("combobox", name="Athlete")).to_have_value("Demo lifter")
    expect(sidebar.get_by_role("button", name="Load demo data")).to_have_count(0)


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_renders_at_desktop_size(page: Page, demo: None, screenshots, name: str):
    page.set_viewport_size(DESKTOP)
    open_page(page, PAGES[name])
    if name == "trends":
        assert plotly_data(page, 0)
        expect(page.locator(".js-plotly-plot")).to_have_count(3)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    page.screenshot(path=screenshots / f"desktop-{name}.png")


@pytest.mark.parametrize("name", ["log", "workout"])
def test_log_and_workout_fit_a_phone(phone: BrowserContext, demo: None, screenshots, name: str):
    page = phone.new_page()
    open_page(page, PAGES[name])
    expect(page.get_by_test_id("stException")).to_have_count(0)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the page scrolls sideways on a phone"
    page.screenshot(path=screenshots / f"phone-{name}.png")


def test_a_set_logged_on_a_phone_shows_in_the_table_on_trends_and_in_the_csv(
    phone: BrowserContext, demo: None, screenshots
):
    page = phone.new_page()
    open_page(page, "/")
    choose(page, "Exercise", "suitcase", "Suitcase Deadlift")
    expect(page.get_by_text("Last time (")).to_be_visible()
    number(page, "Weight (kg)").fill("31")
    number(page, "Reps").fill("9")
    page.get_by_role("button", name="Add set").click()
    settled(page)
    expect(page.get_by_text("Logged Suitcase Deadlift: 31 kg \u00d7 9.")).to_be_visible()
    table = page.get_by_test_id("stTable")
    expect(table.locator("td", has_text="31 kg \u00d7 9")).to_have_count(1)
    page.get_by_test_id("stMain").evaluate("main => main.scrollTo(0, 0)")
    page.screenshot(path=screenshots / "phone-log-after-a-set.png")

    open_page(page, "/trends")
    page.get_by_role("radio", name="Strength").click()
    settled(page)
    choose(page, "Exercise", "suitcase", "Suitcase Deadlift")
    line = plotly_data(page, 0)[0]
    today = dt.date.today().isoformat()
    monday = (dt.date.today() - dt.timedelta(days=dt.date.today().weekday())).isoformat()
    # Epley: 31 kg x (1 + 9 / 30) = 40.3 kg. The chart shows each week's best on its Monday,
    # so this week's point, the last one, is at least that.
    assert str(line["x"][-1]).startswith(monday)
    assert line["y"][-1] >= 40.3

    open_page(page, "/data")
    with page.expect_download() as download:
        page.get_by_role("button", name="Sets (CSV)").click()
    sets = pd.read_csv(io.BytesIO(download.value.path().read_bytes()))
    assert list(sets.columns[:6]) == [
        "athlete",
        "session_id",
        "session_name",
        "started_at",
        "performed_on",
        "exercise",
    ]
    mine = sets[(sets["performed_on"] == today) & (sets["exercise"] == "Suitcase Deadlift")]
    assert mine[["athlete", "weight_kg", "entered_weight", "entered_unit", "reps"]].to_dict(
        "records"
    ) == [
        {
            "athlete": "Demo lifter",
            "weight_kg": 31.0,
            "entered_weight": 31.0,
            "entered_unit": "kg",
            "reps": 9,
        },
    ]

    with page.expect_download() as backup:
        page.get_by_role("button", name="Download a backup").click()
    assert backup.value.path().read_bytes()[8:12] == b"DUCK"  # a DuckDB database file
