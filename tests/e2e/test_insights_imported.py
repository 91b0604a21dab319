"""The four insights on an imported history, in a real browser.

A lifter's last 16 weeks, exported from Hevy (`tests/fixtures/imported_history.py`, dated so
that its last week is this one), is uploaded on the Data page as a user would. The gap box,
the plateau flags, the week in review and the circuit coaching then each say what the unit
tests in tests/unit/test_insights_imported.py work out by hand. The screenshots are the
README's (docs/insights-imported-*.png), copied there from artifacts/screenshots/ by hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.e2e.conftest import (
    DESKTOP,
    PHONE,
    Server,
    start_server,
    stop_server,
)
from tests.e2e.ui import no_exception, open_page, settled
from tests.fixtures.imported_history import hevy_export, monday


@pytest.fixture(scope="module")
def empty_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A dashboard of its own on an empty database (the history is imported in the test)."""
    folder = tmp_path_factory.mktemp("imported")
    running = start_server(folder / "liftboard.duckdb", folder / "server.log")
    yield running
    stop_server(running)


@pytest.fixture
def page(browser: Browser, empty_server: Server) -> Iterator[Page]:
    """A desktop browser window on that server."""
    context = browser.new_context(base_url=empty_server.url, viewport=DESKTOP)
    window = context.new_page()
    yield window
    context.close()


SCROLL_TO_TOP = """el => {
    el.scrollIntoView({block: 'start'});
    let box = el.parentElement;
    while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowY)) {
        box = box.parentElement;
    }
    (box || document.scrollingElement).scrollBy(0, -72);
}"""


def to_top(target: Locator) -> None:
    """Scroll `target` to just below the top of the window (clear of the page's header)."""
    target.evaluate(SCROLL_TO_TOP)


def test_an_imported_history_gets_all_four_insights(
    page: Page, browser: Browser, empty_server: Server, tmp_path: Path, screenshots: Path
) -> None:
    today = dt.date.today()
    export = tmp_path / "hevy-workouts.csv"
    export.write_text(hevy_export(today), encoding="utf-8")

    # The import, as a user does it: upload, read the summary, import.
    open_page(page, "/data")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(export))
    settled(page)
    expect(page.get_by_text("Would add 889 sets in 48 new sessions")).to_be_visible()
    expect(
        page.get_by_text("1 name not in the catalog, to map: Landmine Rotation.")
    ).to_be_visible()
    page.get_by_role("button", name="Import for Me").click()
    settled(page)
    expect(page.get_by_text("Imported as import 1: 889 sets in 48 new sessions.")).to_be_visible()

    # The Log page's gap box: calves 5 of 8 and biceps 6 of 8 this week (the calf raises and
    # curls were skipped), closed by 3 sets of calf raises and 2 of curls.
    open_page(page, "/")
    box = page.locator(".st-key-ins_gap_box")
    expect(
        box.get_by_text("3 sets of Standing Calf Raises → calves reach their minimum.")
    ).to_be_visible()
    expect(
        box.get_by_text("2 sets of Dumbbell Bicep Curl → biceps reach their minimum; forearms +1.")
    ).to_be_visible()
    expect(box.get_by_role("listitem")).to_have_count(2)
    no_exception(page)
    to_top(box)
    page.screenshot(path=screenshots / "insights-imported-gaps.png")
    phone = browser.new_context(base_url=empty_server.url, viewport=PHONE).new_page()
    open_page(phone, "/")
    phone_box = phone.locator(".st-key-ins_gap_box")
    expect(phone_box.get_by_role("listitem")).to_have_count(2)
    to_top(phone_box)
    phone.screenshot(path=screenshots / "insights-imported-gaps-phone.png")
    phone.context.close()

    # Trends, plateaus: the bench press went back, the overhead press stalled; nothing else.
    open_page(page, "/trends")
    page.get_by_text("Plateaus", exact=True).click()
    settled(page)
    main = page.get_by_test_id("stMain")
    expect(
        main.get_by_text("Barbell Bench Press - Medium Grip: regression (high confidence, 12")
    ).to_be_visible()
    expect(
        main.get_by_text(
            f"Best of the last 4 weeks 93.3 kg on {monday(today, 0)}, 11% below the best of "
            f"the 8 weeks before, 105.0 kg on {monday(today, 5)} (4 and 8 sessions)."
        )
    ).to_be_visible()
    expect(main.get_by_text("around 72 kg for sets of 5")).to_be_visible()
    expect(
        main.get_by_text("Standing Military Press: plateau (high confidence, 12")
    ).to_be_visible()
    expect(
        main.get_by_text(
            f"Best 70.0 kg on {monday(today, 7)}; 7 sessions in the 7 weeks since, none above "
            f"it (best of the last 4 weeks 70.0 kg on {monday(today, 0)})."
        )
    ).to_be_visible()
    expect(main.get_by_text(": regression (").or_(main.get_by_text(": plateau ("))).to_have_count(2)
    no_exception(page)
    to_top(page.get_by_role("heading", name="Insights"))
    page.screenshot(path=screenshots / "insights-imported-plateaus.png")

    # The week in review: 3 sessions, 45 sets, 180 minutes against 3, 52 and 205.
    page.get_by_text("Week in review", exact=True).click()
    settled(page)
    review = page.locator(".st-key-ins_review")
    values = review.get_by_test_id("stMetricValue")
    expect(values).to_have_text(["3", "45", "180"])
    expect(review.get_by_test_id("stMetricDelta")).to_contain_text(
        ["same as last week", "-7 vs last week", "-25 vs last week"]
    )
    expect(
        review.get_by_text(
            "1-5 reps: 13 (29%), 6-12 reps: 25 (56%), 13-20 reps: 6 (13%), 21+ reps: 1 (2%)"
        )
    ).to_be_visible()
    records = review.get_by_test_id("stMarkdown").filter(has_text="Records")
    expect(records).to_contain_text("Barbell Squat (")
    expect(records).to_contain_text("Barbell Deadlift (")
    expect(records).not_to_contain_text("Bench Press")
    expect(records).not_to_contain_text("Military Press")
    no_exception(page)
    to_top(review.get_by_role("heading", name="The week of"))
    page.screenshot(path=screenshots / "insights-imported-review.png")
    # the rest of it: every muscle group (calves and biceps under their minimum), rep
    # ranges and records
    table = review.get_by_test_id("stDataFrame")
    # the plain copy of the table made for printing holds the same rows as text
    rows = review.locator(".st-key-ins_review_print_table tr")
    cells = {g: rows.filter(has_text=g).locator("th, td") for g in ("calves", "biceps", "chest")}
    # group, hard sets, sessions, status, weeks in a row, 12 weeks below / productive / above
    expect(cells["calves"]).to_have_text(
        ["calves", "5", "3", "below maintenance", "1", "8%", "92%", "0%"]
    )
    expect(cells["biceps"]).to_have_text(
        ["biceps", "6", "3", "below minimum effective", "1", "8%", "92%", "0%"]
    )
    expect(cells["chest"]).to_have_text(["chest", "8", "2", "productive", "12", "0%", "100%", "0%"])
    to_top(table)
    page.mouse.move(0, 0)  # no hover toolbar over the table
    page.screenshot(path=screenshots / "insights-imported-review-muscles.png")

    # The circuit coaching: the history holds no circuit, and says so.
    open_page(page, "/workout")
    heading = page.get_by_role("heading", name="Ready for more?")
    expect(heading).to_be_visible()
    expect(page.get_by_text("No circuit logged yet.")).to_be_visible()
    expect(page.get_by_text("Stay at 80 kg")).to_have_count(0)
    no_exception(page)
    to_top(heading)
    page.screenshot(path=screenshots / "insights-imported-coaching.png")
