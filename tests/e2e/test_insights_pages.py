"""The insights in a real browser on the demo log: the gap box, plateaus, the week in review
and the circuit coaching, at desktop and phone sizes (screenshots in artifacts/)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from pipelines.db import connect
from pipelines.demo import write_demo
from tests.e2e.conftest import DESKTOP, PHONE, Server, start_server, stop_server
from tests.e2e.ui import open_page, settled, visit


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A dashboard of its own on the demo log (the session's shared server stays empty)."""
    folder = tmp_path_factory.mktemp("insights")
    con = connect(folder / "liftboard.duckdb")
    write_demo(con)
    con.close()
    running = start_server(folder / "liftboard.duckdb", folder / "server.log")
    yield running
    stop_server(running)


@pytest.fixture
def page(browser: Browser, demo_server: Server) -> Iterator[Page]:
    """A browser window on the demo server."""
    context = browser.new_context(base_url=demo_server.url, viewport=DESKTOP)
    window = context.new_page()
    yield window
    context.close()


@pytest.fixture
def demo(page: Page) -> None:
    """The demo log is there (the athlete picker shows the demo lifter)."""
    open_page(page, "/")
    expect(page.get_by_role("combobox", name="Athlete")).to_have_value("Demo lifter")


@pytest.mark.parametrize(("size", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_the_gap_box_on_the_log_page(page: Page, demo: None, screenshots, size, viewport):
    page.set_viewport_size(viewport)
    visit(page, "/")
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
    visit(page, "/trends")
    page.get_by_text("Plateaus", exact=True).click()
    settled(page)
    expect(page.get_by_text("a plateau is no new best for 6 weeks")).to_be_visible()
    # the demo's suitcase deadlift has stayed at 16 kg since week 4
    flag = page.get_by_text("Suitcase Deadlift: plateau")
    expect(flag).to_be_visible()
    flag.scroll_into_view_if_needed()
    page.screenshot(path=screenshots / f"insights-plateaus-{size}.png")
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
    visit(page, "/workout")
    heading = page.get_by_role("heading", name="Ready for more?")
    expect(heading).to_be_visible()
    expect(page.get_by_text("a move is ready for more when")).to_be_visible()
    heading.scroll_into_view_if_needed()
    page.screenshot(path=screenshots / f"insights-coaching-{size}.png")


def test_the_week_in_review_prints_alone_on_one_a4_page(page: Page, demo: None, screenshots):
    visit(page, "/trends")
    page.get_by_text("Week in review", exact=True).click()
    settled(page)
    expect(page.get_by_text("Download this review (CSV)")).to_be_visible()
    page.emulate_media(media="print")
    review = page.locator(".st-key-ins_review")
    expect(review.get_by_text("The week of")).to_be_visible()
    expect(review.get_by_text("Rep ranges")).to_be_visible()
    # everything else of the page is left out of the print
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    expect(page.get_by_role("heading", name="Trends")).to_be_hidden()
    expect(page.get_by_role("heading", name="Insights")).to_be_hidden()
    expect(page.get_by_text("Download this review (CSV)")).to_be_hidden()
    page.set_viewport_size({"width": 718, "height": 1047})  # A4 less 10 mm margins, at 96 dpi
    settled(page)
    page.screenshot(path=screenshots / "insights-review-print.png", full_page=True)
    pdf = page.pdf(format="A4", print_background=True)
    (screenshots / "insights-review-print.pdf").write_bytes(pdf)
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1
