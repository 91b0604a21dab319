"""Trends in a real browser for a lifter's first week: bars one week wide, ticks on Mondays."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pandas as pd
import pytest
from playwright.sync_api import Browser, Page, expect

from pipelines.athletes import ensure_athlete
from pipelines.db import connect
from pipelines.logbook import log_sets, start_session
from tests.e2e.conftest import DESKTOP, PHONE, Server, start_server, stop_server
from tests.e2e.ui import LOAD_TIMEOUT_MS, open_page, settled

TODAY = dt.date.today()
# Hand-counted: this week, twelve working Barbell Hip Thrust sets, twelve hard sets for glutes
# (productive: MEV 0, MRV 16), and one old session in 2009, more than ten years before.
THRUSTS = [{"exercise": "Barbell Hip Thrust", "weight": 60, "reps": 10}] * 12
OLD_DAY = "2009-05-06"


@pytest.fixture(scope="module")
def first_week_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("first-week")
    con = connect(folder / "liftboard.duckdb")
    me = ensure_athlete(con, "Me")
    log_sets(con, start_session(con, me, f"{OLD_DAY} 18:00"), THRUSTS[:3])
    log_sets(con, start_session(con, me, f"{TODAY} 07:00"), THRUSTS)
    con.close()
    running = start_server(folder / "liftboard.duckdb", folder / "server.log")
    yield running
    stop_server(running)


def first_chart(page: Page):
    chart = page.locator(".js-plotly-plot").first
    expect(chart.locator(".barlayer .point path").first).to_be_attached(timeout=LOAD_TIMEOUT_MS)
    return chart


def test_first_chart_time_is_printed(browser: Browser, first_week_server: Server):
    context = browser.new_context(base_url=first_week_server.url, viewport=DESKTOP)
    page = context.new_page()
    began = time.perf_counter()
    page.goto("/trends")
    first_chart(page)
    drawn = time.perf_counter() - began
    # Plotly's file is asked for while the server runs the page's script, and only once
    plotly_files = page.evaluate(
        "performance.getEntriesByType('resource').filter(e => e.name.includes('/PlotlyChart.'))"
        ".map(e => [e.startTime, e.responseEnd])"
    )
    print(f"\nTrends first chart drawn after {drawn:.2f} s (cold visit)")
    (asked, loaded) = plotly_files[0]
    print(f"Plotly's file asked for at {asked / 1000:.2f} s, loaded at {loaded / 1000:.2f} s")
    assert len(plotly_files) == 1
    context.close()


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_a_first_week_bar_is_one_week_wide_and_inside_the_axis(
    browser: Browser, first_week_server: Server, screenshots, size: str
):
    context = browser.new_context(
        base_url=first_week_server.url, viewport=DESKTOP if size == "desktop" else PHONE
    )
    page = context.new_page()
    open_page(page, "/trends")
    chart = first_chart(page)
    plot = chart.locator(".nsewdrag").first.bounding_box()
    widths = chart.locator(".barlayer .point path").evaluate_all(
        "paths => paths.map(p => p.getBoundingClientRect())"
        ".filter(r => r.height > 0).map(r => ({x: r.x, w: r.width}))"
    )
    assert plot is not None
    (bar,) = widths  # only this week has sets
    week = plot["width"] / 12  # the default range: this week and the eleven before it
    assert bar["w"] >= 0.5 * week
    assert plot["x"] <= bar["x"]
    assert bar["x"] + bar["w"] <= plot["x"] + plot["width"] + 0.5
    page.screenshot(path=screenshots / f"{size}-trends-first-week.png", full_page=True)
    context.close()


def test_week_ticks_fall_on_mondays(page: Page, first_week_server: Server):
    open_page(page, f"{first_week_server.url}/trends")
    chart = first_chart(page)
    ticks = chart.evaluate("el => el._fullLayout.xaxis._vals.map(t => t.x)")
    days = [pd.Timestamp(int(ms), unit="ms") for ms in ticks]
    assert days
    assert {d.day_name() for d in days} == {"Monday"}


def test_a_link_asking_for_an_old_start_is_kept(page: Page, first_week_server: Server):
    open_page(page, f"{first_week_server.url}/trends?tr_range={OLD_DAY}&tr_range={TODAY}")
    first, last = page.get_by_test_id("stDateInput").locator("input[type=date]").all()
    expect(first).to_have_value(OLD_DAY)
    expect(last).to_have_value(str(TODAY))
    settled(page)
    expect(page.get_by_text("each bar is a calendar month")).to_be_visible()
