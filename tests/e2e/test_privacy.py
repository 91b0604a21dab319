"""No page asks another host for anything: icons, fonts and scripts all come from the server.

Every browser the tests start resolves no host name but the test server's address (see
`CHROMIUM_ARGS`), so nothing can leave the machine; here every request a page makes is
recorded, and any for another host fails the test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, expect
from playwright.sync_api import Request as BrowserRequest

from tests.e2e.conftest import DESKTOP, PHONE, Server, start_server, stop_server
from tests.e2e.ui import open_page, visit

PAGES = ["/", "/workout", "/trends", "/exercise", "/body", "/bodyweight", "/exercises", "/data"]


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A dashboard with the demo log, so every chart and table has something to draw."""
    folder = tmp_path_factory.mktemp("privacy")
    running = start_server(
        folder / "liftboard.duckdb", folder / "server.log", options=("--demo-if-empty",)
    )
    yield running
    stop_server(running)


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_no_page_sends_a_request_to_another_host(browser: Browser, demo_server: Server, size: str):
    origin = urlsplit(demo_server.url).netloc
    context = browser.new_context(
        base_url=demo_server.url, viewport=DESKTOP if size == "desktop" else PHONE
    )
    asked: list[str] = []

    def record(request: BrowserRequest) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in ("data", "blob") and parts.netloc != origin:
            asked.append(request.url)

    context.on("request", record)
    page = context.new_page()
    open_page(page, "/trends")  # loaded from the address bar; the rest through the menu
    for path in PAGES:
        visit(page, path)
        icon = page.locator("link[rel*='icon']").first
        expect(icon).to_have_attribute("href", re.compile(rf"^(data:|\./|/|http://{origin}/)"))
    assert asked == []
    context.close()
