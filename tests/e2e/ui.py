"""Small helpers for driving Streamlit pages in Playwright."""

from __future__ import annotations

import io
import re
from contextlib import suppress
from typing import Any
from urllib.parse import urlsplit

import pandas as pd
from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

LOAD_TIMEOUT_MS = 60_000
# Streamlit opens a page with its sidebar closed on screens this narrow or narrower (a phone).
NARROW_PX = 768
# A rerun on a busy two-core machine can take a few seconds; expectations wait that long.
expect.set_options(timeout=30_000)


def settled(page: Page) -> None:
    """Wait until the script run has finished (Streamlit's running indicator is gone)."""
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=LOAD_TIMEOUT_MS)
    # The app's own run state also covers a rerun just asked for and fragment reruns, which
    # can finish before the status widget ever shows.
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-script-state='notRunning']", timeout=LOAD_TIMEOUT_MS
    )


# Counts the script runs a page has finished (each time its run state leaves "running"). Right
# after a click the run state can still read idle, before the server has started the run the
# click asked for: a helper that clicks waits for the count to grow, then for the page to settle.
_COUNT_RUNS = """() => {
  if (window.lbRunsDone === undefined) {
    window.lbRunsDone = 0;
    new MutationObserver(records => {
      for (const r of records) if (r.oldValue === "running") window.lbRunsDone += 1;
    }).observe(document.body, {
      subtree: true, attributes: true, attributeOldValue: true,
      attributeFilter: ["data-test-script-state"],
    });
  }
  return window.lbRunsDone;
}"""
# How long a click may take to start its run; a click that asks for none (a value picked again)
# falls back to waiting for the page to settle after that long.
RUN_START_MS = 5_000


def runs_done(page: Page) -> int:
    """How many script runs the page has finished since the count began (it begins now)."""
    return int(page.evaluate(_COUNT_RUNS))


def after_run(page: Page, before: int) -> None:
    """Wait for a run that finished after `before` (from `runs_done`), then for the page to
    settle."""
    with suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            # no count at all: the click loaded the page anew, and settling is what is left
            f"() => window.lbRunsDone === undefined || window.lbRunsDone > {before}",
            polling=100,
            timeout=RUN_START_MS,
        )
    settled(page)


def open_page(page: Page, path: str) -> None:
    """Go to `path`, wait for the page's title and for the script run to finish."""
    page.goto(path)
    expect(page.locator("h1").first).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    settled(page)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=LOAD_TIMEOUT_MS)


def visit(page: Page, path: str) -> None:
    """Go to the app's page at `path` ("/", "/trends") as a lifter does once the app is open:
    through the sidebar's menu, without reloading it.

    In a window that shows no page yet, on a phone (its sidebar is closed), or for an address
    with a query string, the page is loaded from the address bar instead (`open_page`).
    """
    narrow = (page.viewport_size or {"width": 1280})["width"] <= NARROW_PX
    if "?" in path or narrow or not page.get_by_test_id("stApp").count():
        open_page(page, path)
        return
    settled(page)
    target = "/" if path == "/log" else path  # the default page's link is the app's root
    here = urlsplit(page.url)
    if here.path == target:  # there already
        return
    link = page.get_by_test_id("stSidebarNav").locator(
        f"a[href='{here.scheme}://{here.netloc}{target}']"
    )
    link.click()
    expect(link).to_have_attribute("aria-current", "page")
    settled(page)
    expect(page.locator("h1").first).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=LOAD_TIMEOUT_MS)


def choose(page: Page, label: str, typed: str, option: str) -> None:
    """Pick `option` in the selectbox labelled `label`, typing `typed` to search for it.

    An option may add ` · ...` to the text (the exercise search lists an exercise's other
    names after its own): `option` is its text up to there.
    """
    found = find_option(page, label, typed, option)
    before = runs_done(page)
    found.click()
    after_run(page, before)


def find_option(page: Page, label: str, typed: str, option: str) -> Locator:
    """Type `typed` into the selectbox labelled `label` and return its option `option`, listed
    and ready for a tap (its text up to an added ` · ...`, as for `choose`)."""
    box = page.get_by_test_id("stSelectbox").filter(has=page.get_by_text(label, exact=True))
    box.locator("input").click()
    page.keyboard.type(typed)
    found = page.get_by_role("option", name=re.compile(rf"^{re.escape(option)}(?: · .*)?$"))
    expect(found).to_be_visible()
    return found


def number(page: Page, label: str) -> Locator:
    """The number input labelled `label`."""
    return page.get_by_label(label, exact=True)


def plotly_data(page: Page, index: int = 0) -> list[dict[str, Any]]:
    """The traces of the page's `index`-th Plotly chart, as drawn (arrays decoded)."""
    chart = page.locator(".js-plotly-plot").nth(index)
    expect(chart.locator(".main-svg").first).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    data: list[dict[str, Any]] = chart.evaluate(
        "el => el._fullData.map(t => ({name: t.name, x: Array.from(t.x || []), "
        "y: Array.from(t.y || [])}))"
    )
    return data


def no_exception(page: Page) -> None:
    """The page shows no traceback box."""
    expect(page.get_by_test_id("stException")).to_have_count(0)


def pick_athlete(page: Page, name: str) -> None:
    """Choose `name` in the sidebar's athlete picker."""
    choose(page, "Athlete", name, name)


def switch_unit(page: Page, unit: str) -> None:
    """Switch the sidebar's "Weights in" control to `unit` (kg or lb)."""
    before = runs_done(page)
    page.get_by_test_id("stSidebar").get_by_role("radio", name=unit, exact=True).click()
    after_run(page, before)


def type_day(page: Page, day: str) -> None:
    """Type `day` (YYYY-MM-DD) into the Log page's Day field, part by part as a keyboard would."""
    for part, text in zip(("year", "month", "day"), day.split("-"), strict=True):
        field = page.get_by_role("spinbutton", name=f"{part}, Day", exact=True)
        field.click()
        field.press_sequentially(text)
    page.keyboard.press("Escape")  # close the calendar; leaving the field sets the day
    before = runs_done(page)
    page.locator("h1").first.click()
    after_run(page, before)


def add_set(page: Page) -> None:
    """Press Add set and wait for the run it asks for to finish."""
    before = runs_done(page)
    page.get_by_role("button", name="Add set").click()
    after_run(page, before)


def exported_sets(page: Page) -> pd.DataFrame:
    """The chosen athlete's sets as the Data page exports them (reached through the sidebar)."""
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Data").click()
    settled(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Sets (CSV)").click()
    frame = pd.read_csv(io.BytesIO(download.value.path().read_bytes()))
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Log").click()
    settled(page)
    return frame


def open_extras(page: Page, scope: Locator | None = None) -> None:
    """Open the Log form's "Seconds, RPE and notes" section (once the page has settled)."""
    settled(page)
    where = scope if scope is not None else page.get_by_test_id("stMain")
    rpe = where.get_by_label("RPE", exact=True)
    if not rpe.is_visible():
        where.get_by_text("Seconds, RPE and notes").click()
    expect(rpe).to_be_visible()
