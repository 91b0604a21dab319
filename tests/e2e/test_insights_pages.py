"""The insights in a real browser on the demo log: the gap box, plateaus, the week in review
and the circuit coaching, at desktop and phone sizes (screenshots in artifacts/)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import DESKTOP, PHONE
from tests.e2e.ui import open_page, settled


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


@pytest.mark.parametrize(("size", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_the_gap_box_on_the_log_page(page: Page, demo: None, screenshots, size, viewport):
    page.set_viewport_size(viewport)
    open_page(page, "/")
    box = page.locator(".st-key-ins_gap_box")
    expect(box.get_by_text("What closes this week's gaps")).to_be_visible()
    expect(box.get_by_text("finds the fewest extra sets")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    box.scroll_into_view_if_needed()
    box.screenshot(path=screenshots / f"insights-gaps-{size}.png")


@pytest.mark.parametrize(("size", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_plateaus_and_the_week_in_review_on_trends(
    page: Page, demo: None, screenshots, size, viewport
):
    page.set_viewport_size(viewport)
    open_page(page, "/trends")
    page.get_by_text("Plateaus", exact=True).click()
    settled(page)
    expect(page.get_by_text("a plateau is no new best for 6 weeks")).to_be_visible()
    page.get_by_text("Week in review", exact=True).click()
    settled(page)
    expect(page.get_by_text("Download this review (CSV)")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    heading = page.get_by_role("heading", name="Insights")
    heading.scroll_into_view_if_needed()
    page.screenshot(path=screenshots / f"insights-review-{size}.png", full_page=True)


@pytest.mark.parametrize(("size", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_the_circuit_coaching_on_the_workout_page(
    page: Page, demo: None, screenshots, size, viewport
):
    page.set_viewport_size(viewport)
    open_page(page, "/workout")
    heading = page.get_by_role("heading", name="Ready for more?")
    expect(heading).to_be_visible()
    expect(page.get_by_text("a move is ready for more when")).to_be_visible()
    heading.scroll_into_view_if_needed()
    page.screenshot(path=screenshots / f"insights-coaching-{size}.png")
