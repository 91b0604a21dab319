"""The Log page at the gym, in a real browser: the rest countdown, and a circuit across a reload.

One server for the module; each test is its own athlete, so they do not see each other's sets.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from pipelines.athletes import ensure_athlete
from pipelines.db import connect
from tests.e2e.conftest import DESKTOP, PHONE, Server, start_server, stop_server
from tests.e2e.ui import choose, no_exception, number, open_page, settled

REST = ".lb-rest"


@pytest.fixture(scope="module")
def gym_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One dashboard for this module, with an athlete per test."""
    folder = tmp_path_factory.mktemp("log-timer-circuit")
    con = connect(folder / "liftboard.duckdb")
    for name in ("Rester", "Circler"):
        ensure_athlete(con, name, "kg")
    con.close()
    running = start_server(folder / "liftboard.duckdb", folder / "server.log")
    yield running
    stop_server(running)


def _seconds_left(page: Page) -> int:
    return int(page.locator(REST).first.get_attribute("data-left") or "0")


def test_the_rest_countdown_runs_in_the_browser_and_survives_a_rerun_on_a_phone(
    browser: Browser, gym_server: Server, screenshots
):
    context = browser.new_context(
        base_url=gym_server.url, viewport=PHONE, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    open_page(page, "/?athlete=Rester")
    choose(page, "Exercise", "suitcase", "Suitcase Deadlift")
    number(page, "Weight (kg)").fill("20")
    number(page, "Reps").fill("8")
    page.get_by_role("button", name="Add set").click()
    settled(page)
    # The new set is in view without scrolling, and so is the countdown beside Add set.
    row = page.get_by_test_id("stTable").locator("td", has_text="20 kg \u00d7 8")
    expect(row).to_be_in_viewport()
    expect(page.locator(REST)).to_be_in_viewport()
    expect(page.get_by_text("Rest 90 s")).to_be_visible()  # the athlete's rest, 90 by default
    page.main_frame.wait_for_function(
        "() => Number(document.querySelector('.lb-rest')?.dataset.left) <= 88", timeout=30_000
    )
    heights = page.get_by_test_id("stMain").evaluate(
        "main => [...main.querySelectorAll('button')].filter(b => b.offsetParent !== null)"
        ".map(b => [b.innerText.trim() || b.getAttribute('aria-label') || b.dataset.testid,"
        " b.getBoundingClientRect().height])"
    )
    assert heights, "the page shows buttons"
    assert [name for name, height in heights if height < 44] == []
    page.screenshot(path=screenshots / "phone-log-rest-timer.png")

    # A whole-page rerun (another exercise picked) draws the countdown again from the same
    # end: it carries on below 88 s instead of starting again at 90.
    choose(page, "Exercise", "romanian", "Romanian Deadlift")
    expect(page.locator(REST)).to_have_count(1)
    assert 0 < _seconds_left(page) <= 88
    no_exception(page)
    context.close()


def test_a_circuit_carries_on_after_a_reload_and_finish_sums_it_up(
    browser: Browser, gym_server: Server, screenshots
):
    context = browser.new_context(base_url=gym_server.url, viewport=DESKTOP)
    page = context.new_page()
    open_page(page, "/?athlete=Circler")
    page.get_by_role("radio", name="Circuit").click()
    settled(page)
    page.get_by_role("button", name="Start circuit").click()
    settled(page)
    progress = page.get_by_test_id("stProgress")
    expect(progress).to_contain_text("Round 1 of 4 \u00b7 pass 1 of 2")
    logged = page.get_by_test_id("stCaptionContainer").filter(has_text="Logged")
    done = page.get_by_role("button", name="Done")
    done.first.click()
    expect(logged).to_have_count(1)
    settled(page)
    done.first.click()  # round 1's second exercise: the pass is complete
    expect(progress).to_contain_text("Round 1 of 4 \u00b7 pass 2 of 2")
    rest = page.locator(REST)
    expect(rest).to_contain_text("Next: Suitcase Deadlift, Kettlebell Sumo High Pull")
    expect(done).to_have_count(2)
    settled(page)
    done.first.click()  # the first exercise of the second pass
    expect(logged).to_have_count(1)
    settled(page)

    open_page(page, "/?athlete=Circler")  # a reload: a new browser session, no state kept
    expect(page.get_by_role("radio", name="Circuit")).to_be_checked()
    expect(progress).to_contain_text("Round 1 of 4 \u00b7 pass 2 of 2")
    expect(logged).to_have_count(1)
    expect(done).to_have_count(1)
    done.click()
    expect(progress).to_contain_text("Round 2 of 4 \u00b7 pass 1 of 2")
    settled(page)

    page.get_by_role("button", name="Finish workout").click()
    settled(page)
    summary = page.locator(".st-key-log_circuit_summary_box")
    expect(summary.get_by_text("Workout summary")).to_be_visible()
    expect(summary.get_by_test_id("stMetric").filter(has_text="Sets")).to_contain_text("4")
    expect(summary.get_by_test_id("stTable").locator("td", has_text="glutes")).to_have_count(1)
    no_exception(page)
    page.screenshot(path=screenshots / "desktop-log-circuit-summary.png")
    context.close()
