"""Mapping imported names on the Exercises page, in a real browser."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import DESKTOP, PHONE, Server
from tests.e2e.ui import choose, open_page, settled

EXPORT = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
    "2026-03-02 07:00:00,Legs,50m,Squat (Barbell),1,100,5,0,0,,,\n"
    "2026-03-04 07:00:00,Legs,50m,Zercher Pin Squish,1,120,5,0,0,,,\n"
    "2026-03-04 07:00:00,Legs,50m,Sandbag Shouldering Thing,1,60,5,0,0,,,\n"
    "2026-03-04 07:00:00,Legs,50m,Barbel Curl,1,30,10,0,0,,,\n"
)


def _import(page: Page, tmp_path: Path) -> None:
    export = tmp_path / "strong.csv"
    export.write_text(EXPORT, encoding="utf-8")
    open_page(page, "/data")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(export))
    expect(page.get_by_text("Recognised:")).to_be_visible()
    settled(page)
    page.get_by_test_id("stMainBlockContainer").get_by_role("radio", name="kg").click()
    settled(page)
    page.get_by_role("button", name=re.compile(r"^Import for")).click()
    settled(page)
    expect(page.get_by_text("Sets added")).to_be_visible()


def test_a_name_maps_onto_a_catalog_exercise_only_and_can_be_unmapped(
    page: Page, browser: Browser, server: Server, screenshots: Path, tmp_path: Path
) -> None:
    page.set_viewport_size(DESKTOP)
    _import(page, tmp_path)
    open_page(page, "/exercises")
    expect(page.get_by_text("Imported names to map")).to_be_visible()

    # "Is the same as" offers catalog exercises only, never another imported name.
    target = page.get_by_test_id("stSelectbox").filter(
        has=page.get_by_text("Is the same as", exact=True)
    )
    target.locator("input").click()
    page.keyboard.type("Sandbag")
    expect(page.get_by_role("option", name="Sandbag Shouldering Thing")).to_have_count(0)
    page.keyboard.press("Escape")
    settled(page)

    choose(page, "Imported name", "Zercher", "Zercher Pin Squish")
    choose(page, "Is the same as", "Barbell Squat", "Barbell Squat")
    page.get_by_role("button", name="Map it").click()
    settled(page)
    expect(page.get_by_text(re.compile(r"Zercher Pin Squish is now Barbell Squat"))).to_be_visible()
    page.get_by_role("button", name="Unmap it").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "exercises-mapped-desktop.png"))

    phone = browser.new_context(base_url=server.url, viewport=PHONE).new_page()
    open_page(phone, "/exercises")
    phone.get_by_role("button", name="Unmap it").scroll_into_view_if_needed()
    phone.screenshot(path=str(screenshots / "exercises-mapped-phone.png"))
    phone.context.close()

    # Every automatic match says how it was made.
    expect(page.get_by_text("Names matched automatically")).to_be_visible()
    page.get_by_text("Names matched automatically").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "exercises-matched-desktop.png"))

    page.get_by_role("button", name="Unmap it").click()
    settled(page)
    expect(page.get_by_text(re.compile(r"its own exercise again"))).to_be_visible()
