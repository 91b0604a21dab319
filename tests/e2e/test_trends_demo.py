"""Trends on the demo log in a real browser: the picture the README shows, at two sizes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from pipelines.db import connect
from pipelines.demo import write_demo
from tests.e2e.conftest import DESKTOP, PHONE, Server, start_server, stop_server
from tests.e2e.ui import choose, open_page, plotly_data


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("demo")
    con = connect(folder / "liftboard.duckdb")
    write_demo(con, weeks=12)
    con.close()
    running = start_server(folder / "liftboard.duckdb", folder / "server.log")
    yield running
    stop_server(running)


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_demo_glutes_are_mostly_productive_with_one_week_under_and_one_over(
    browser: Browser, demo_server: Server, screenshots, size: str
):
    context = browser.new_context(
        base_url=demo_server.url, viewport=DESKTOP if size == "desktop" else PHONE
    )
    page = context.new_page()
    open_page(page, "/trends")
    choose(page, "Muscle group", "glutes", "glutes")
    traces = {t["name"]: t for t in plotly_data(page, 0)}
    assert len(traces["productive"]["y"]) == 10
    assert len(traces["below minimum effective"]["y"]) == 1
    assert len(traces["above maximum recoverable"]["y"]) == 1
    expect(page.get_by_text("Landmarks for")).to_be_visible()
    page.screenshot(path=screenshots / f"{size}-trends-demo.png", full_page=size == "phone")
    context.close()
