"""Small helpers for driving Streamlit pages in Playwright."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, Page, expect

LOAD_TIMEOUT_MS = 60_000
# A rerun on a busy two-core machine can take a few seconds; expectations wait that long.
expect.set_options(timeout=30_000)


def settled(page: Page) -> None:
    """Wait until the script run has finished (Streamlit's running indicator is gone)."""
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=LOAD_TIMEOUT_MS)


def open_page(page: Page, path: str) -> None:
    """Go to `path`, wait for the page's title and for the script run to finish."""
    page.goto(path)
    expect(page.locator("h1").first).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    settled(page)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=LOAD_TIMEOUT_MS)


def choose(page: Page, label: str, typed: str, option: str) -> None:
    """Pick `option` in the selectbox labelled `label`, typing `typed` to search for it."""
    box = page.get_by_test_id("stSelectbox").filter(has=page.get_by_text(label, exact=True))
    box.locator("input").click()
    page.keyboard.type(typed)
    page.get_by_role("option", name=option, exact=True).click()
    settled(page)


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
