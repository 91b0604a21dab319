"""Two browser sessions logging at the same moment both land; hostile notes show as text."""

from __future__ import annotations

from playwright.sync_api import Browser, Dialog, Page, expect

from tests.e2e.conftest import DESKTOP
from tests.e2e.ui import choose, number, open_page, settled

HOSTILE = "<img src=x onerror=alert(1)><b>bold</b> '; drop table sets; -- \u202eevil \U0001f3cb"


def _fill(page: Page, reps: str, notes: str) -> None:
    open_page(page, "/")
    choose(page, "Exercise", "suitcase", "Suitcase Deadlift")
    page.get_by_text("Seconds, RPE and notes").click()
    page.get_by_label("Notes", exact=True).fill(notes)
    number(page, "Weight (kg)").fill("30")
    number(page, "Reps").fill(reps)


def test_two_sessions_logging_at_once_both_land_and_notes_stay_text(
    browser: Browser, base_url: str
):
    first = browser.new_context(base_url=base_url, viewport=DESKTOP).new_page()
    second = browser.new_context(base_url=base_url, viewport=DESKTOP).new_page()
    alerts: list[Dialog] = []

    def record(dialog: Dialog) -> None:
        alerts.append(dialog)
        dialog.dismiss()

    for page in (first, second):
        page.on("dialog", record)
    _fill(first, "11", HOSTILE)
    _fill(second, "12", "second lifter")
    first.get_by_role("button", name="Add set").click(no_wait_after=True)
    second.get_by_role("button", name="Add set").click(no_wait_after=True)
    for page in (first, second):
        settled(page)
        expect(page.get_by_text("Logged Suitcase Deadlift")).to_be_visible()

    open_page(first, "/")
    table = first.get_by_test_id("stTable")
    expect(table.locator("td", has_text="30 kg \u00d7 11")).to_have_count(1)
    expect(table.locator("td", has_text="30 kg \u00d7 12")).to_have_count(1)
    expect(table.locator("td", has_text="second lifter")).to_have_count(1)
    expect(table.locator("td", has_text="<b>bold</b>")).to_have_count(1)
    main = first.get_by_test_id("stMain")
    expect(main.locator("b", has_text="bold")).to_have_count(0)  # shown as text, not markup
    expect(main.locator("img[src='x']")).to_have_count(0)
    assert alerts == []
