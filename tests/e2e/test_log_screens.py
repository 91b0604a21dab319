"""The Log page as a lifter sees it, on a desktop and on a phone: single sets and circuit."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, ViewportSize, expect

from pipelines.db import connect
from pipelines.demo import write_demo
from tests.e2e.conftest import DESKTOP, PHONE, Server, start_server, stop_server
from tests.e2e.ui import add_set, choose, no_exception, number, open_page, settled

SIZES: dict[str, ViewportSize] = {"desktop": DESKTOP, "phone": PHONE}


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A dashboard over the demo log."""
    folder = tmp_path_factory.mktemp("log-screens")
    con = connect(folder / "liftboard.duckdb")
    write_demo(con)
    con.close()
    running = start_server(folder / "liftboard.duckdb", folder / "server.log")
    yield running
    stop_server(running)


@pytest.mark.parametrize("size", list(SIZES))
def test_single_sets_show_last_time_and_the_new_set_on_top(
    browser: Browser, demo_server: Server, screenshots, size: str
):
    phone = size == "phone"
    context = browser.new_context(
        base_url=demo_server.url, viewport=SIZES[size], is_mobile=phone, has_touch=phone
    )
    page = context.new_page()
    open_page(page, "/")
    choose(page, "Exercise", "suitcase", "Suitcase Deadlift")
    expect(page.get_by_text("Last time (")).to_be_visible()
    number(page, "Weight (kg)").fill("32.5")
    number(page, "Reps").fill("8")
    add_set(page)
    expect(page.get_by_text("Logged Suitcase Deadlift: 32.5 kg \u00d7 8.")).to_be_visible()
    first_row = page.get_by_test_id("stTable").locator("tbody tr").first
    expect(first_row.locator("td", has_text="32.5 kg \u00d7 8")).to_have_count(1)
    no_exception(page)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= SIZES[size]["width"], "the page scrolls sideways"
    page.screenshot(path=screenshots / f"{size}-log-single.png", full_page=True)
    context.close()


@pytest.mark.parametrize("size", list(SIZES))
def test_circuit_mode_shows_the_round(browser: Browser, demo_server: Server, screenshots, size):
    phone = size == "phone"
    context = browser.new_context(
        base_url=demo_server.url, viewport=SIZES[size], is_mobile=phone, has_touch=phone
    )
    page = context.new_page()
    open_page(page, "/")
    page.get_by_role("radio", name="Circuit").click()
    settled(page)
    page.get_by_role("button", name="Start circuit").click()
    settled(page)
    expect(page.get_by_role("button", name="Done").first).to_be_visible()
    no_exception(page)
    page.screenshot(path=screenshots / f"{size}-log-circuit.png", full_page=True)
    context.close()
