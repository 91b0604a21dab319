"""Trends over more than two years in a real browser: one bar per calendar month."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pytest
from playwright.sync_api import Browser, expect

from pipelines.athletes import ensure_athlete
from pipelines.db import connect
from pipelines.logbook import log_sets, start_session
from tests.e2e.conftest import DESKTOP, PHONE, Server, start_server, stop_server
from tests.e2e.ui import open_page, plotly_data, settled

# Hand-counted: March 2023 one session, March 2025 two, April 2025 two (the 1st and 2nd, in the
# week that starts on Monday 31 March); three working Suitcase Deadlift sets each.
DAYS = ["2023-03-01", "2025-03-03", "2025-03-28", "2025-04-01", "2025-04-02"]
RANGE = "tr_range=2023-03-01&tr_range=2025-06-30"


@pytest.fixture(scope="module")
def monthly_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A dashboard whose only lifter trained on the five days above."""
    folder = tmp_path_factory.mktemp("months")
    con = connect(folder / "liftboard.duckdb")
    me = ensure_athlete(con, "Me")
    for day in DAYS:
        session = start_session(con, me, f"{day} 18:00")
        log_sets(con, session, [{"exercise": "Suitcase Deadlift", "weight": 20, "reps": 8}] * 3)
    con.close()
    running = start_server(folder / "liftboard.duckdb", folder / "server.log")
    yield running
    stop_server(running)


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_monthly_bars_count_each_calendar_month(
    browser: Browser, monthly_server: Server, screenshots, size: str
):
    viewport = DESKTOP if size == "desktop" else PHONE
    context = browser.new_context(base_url=monthly_server.url, viewport=viewport)
    page = context.new_page()

    open_page(page, f"/trends?{RANGE}")
    page.get_by_role("radio", name="Consistency").click()
    settled(page)
    expect(page.get_by_text("each bar counts the sessions of its calendar month")).to_be_visible()
    (bars,) = plotly_data(page, 1)
    counted = {
        pd.Timestamp(x).strftime("%Y-%m"): y for x, y in zip(bars["x"], bars["y"], strict=True) if y
    }
    assert counted == {"2023-03": 1, "2025-03": 2, "2025-04": 2}
    assert pd.Timestamp(bars["x"][0]) == pd.Timestamp("2023-03-01")
    page.screenshot(path=screenshots / f"{size}-trends-months-consistency.png", full_page=True)

    page.get_by_role("radio", name="Volume").click()
    settled(page)
    expect(page.get_by_text("each bar is a calendar month (its average week)")).to_be_visible()
    expect(page.get_by_text("Over these dates:")).to_be_visible()
    expect(page.get_by_text("each bar counts the sessions")).to_have_count(0)
    page.screenshot(path=screenshots / f"{size}-trends-months-volume.png", full_page=True)

    page.get_by_role("radio", name="Strength").click()
    settled(page)
    expect(page.get_by_text("Personal records")).to_be_visible()
    expect(page.get_by_text("Over these dates:")).to_have_count(0)
    expect(page.get_by_text("calendar month")).to_have_count(0)
    context.close()
