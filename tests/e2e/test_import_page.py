"""Importing in a browser: the preview before writing, the report, and undoing the import."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import DESKTOP, PHONE, start_server, stop_server
from tests.e2e.ui import open_page, settled

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
BROKEN = (FIXTURES / "strong_classic.csv").read_bytes() + b"".join(
    b'\r\n#REF!,"Legs",21min,"Leg Press",3,600,8,0,0,,,' for _ in range(30)
)


def upload(page: Page, path: Path, unit: str) -> None:
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
    question = page.get_by_role(
        "radiogroup", name="This file does not say: were the weights in kg or lb?"
    )
    question.get_by_role("radio", name=unit, exact=True).click()
    settled(page)


def test_an_import_is_previewed_reported_and_undone_in_the_browser(
    browser: Browser, tmp_path, screenshots
):
    db = tmp_path / "import.duckdb"
    server = start_server(db, tmp_path / "server.log")
    broken = tmp_path / "strong-broken.csv"
    broken.write_bytes(BROKEN)
    try:
        page = browser.new_context(base_url=server.url, viewport=DESKTOP).new_page()
        open_page(page, "/data")
        upload(page, broken, "kg")
        expect(page.get_by_text("Would add")).to_be_visible()
        expect(page.get_by_text("30 rows not sets, left out.")).to_be_visible()
        page.get_by_text("Would add").scroll_into_view_if_needed()
        page.screenshot(path=screenshots / "desktop-import-preview.png")
        expect(page.get_by_text("No imports yet.")).to_be_visible()  # nothing written yet

        page.get_by_role("button", name="Import for Me").click()
        settled(page)
        expect(page.get_by_text("Imported as import 1: 18 sets in 3 new sessions.")).to_be_visible()
        expect(page.get_by_text("Every row left out or to check (CSV)")).to_be_visible()
        expect(page.get_by_test_id("stException")).to_have_count(0)
        expect(page.get_by_test_id("stMetricValue").first).to_have_text("18")
        page.get_by_text("Imported as import 1").scroll_into_view_if_needed()
        page.screenshot(path=screenshots / "desktop-import-report.png")

        phone = browser.new_context(base_url=server.url, viewport=PHONE).new_page()
        open_page(phone, "/data")
        phone.get_by_text("Past imports").scroll_into_view_if_needed()
        width = phone.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"], "the Data page scrolls sideways on a phone"
        phone.get_by_text("Yes, remove its sessions and sets").click()
        settled(phone)
        phone.get_by_role("button", name="Undo this import").click()
        settled(phone)
        expect(
            phone.get_by_text(
                "Import 1 (strong-broken.csv) was undone: 18 set(s) and 3 session(s) removed."
            )
        ).to_be_visible()
        expect(phone.get_by_role("button", name="Undo this import")).to_have_count(0)
        expect(phone.get_by_test_id("stDataFrame")).to_have_count(1)
        phone.screenshot(path=screenshots / "phone-import-undone.png", full_page=True)
    finally:
        stop_server(server)
