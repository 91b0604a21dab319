"""With a password set, a browser that has not signed in can read and change nothing.

The server binds 0.0.0.0 (as for a phone on the same network) with the password in a file, and
every request goes through 127.0.0.1: the gate must not trust the loopback address.
"""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.e2e.conftest import DESKTOP, PHONE, Server, start_server, stop_server
from tests.e2e.ui import LOAD_TIMEOUT_MS, settled, visit

PASSWORD = "correct horse battery staple"
MARKER = "zebra-note-7731"  # a note only the signed-in side can have seen
PAGES = [
    "/",
    "/log",
    "/workout",
    "/trends",
    "/exercise",
    "/body",
    "/bodyweight",
    "/exercises",
    "/data",
]
PROBES = [
    "/data?athlete=1&tab=backup",
    "/trends?athlete=1&from=2000-01-01",
    "/?page=data",
    "/media/0123456789abcdef0123456789abcdef0123456789abcdef01234567.csv",
    "/_stcore/upload_file/some-session/some-file",
    "/_stcore/metrics",
    "/_stcore/agent/openapi.json",
    "/component/anything/index.html",
    "/app/static/anything",
]


def liftboard(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run a `liftboard` command on `db` (it goes through the running server)."""
    return subprocess.run(
        [sys.executable, "-m", "pipelines.cli", *args, "--db", str(db)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def sets_csv(db: Path) -> str:
    """Every set, as the running server exports it."""
    done = liftboard(db, "export", "--what", "sets", "--out", "-")
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def guarded_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A dashboard on 0.0.0.0 with a password (from a file) and a demo log."""
    folder = tmp_path_factory.mktemp("sign-in")
    secret = folder / "password"
    secret.write_text(PASSWORD + "\n")
    running = start_server(
        folder / "liftboard.duckdb",
        folder / "server.log",
        options=("--host", "0.0.0.0", "--demo-if-empty"),
        env={"LIFTBOARD_PASSWORD_FILE": str(secret)},
    )
    done = liftboard(
        running.db,
        "log",
        "--date",
        "2026-11-02",
        "--exercise",
        "Superman",
        "--seconds",
        "30",
        "--notes",
        MARKER,
    )
    assert done.returncode == 0, done.stderr
    yield running
    stop_server(running)


def _context(browser: Browser, server: Server, *, phone: bool = False) -> BrowserContext:
    return browser.new_context(
        base_url=server.url, viewport=PHONE if phone else DESKTOP, accept_downloads=True
    )


def _sign_in(page: Page) -> None:
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    settled(page)


def _shows_only_the_sign_in_form(page: Page) -> None:
    expect(page.get_by_label("Password", exact=True)).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    settled(page)
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
    expect(page.get_by_test_id("stDownloadButton")).to_have_count(0)
    expect(page.get_by_test_id("stFileUploader")).to_have_count(0)
    expect(page.get_by_test_id("stDataFrame")).to_have_count(0)
    expect(page.locator(".js-plotly-plot")).to_have_count(0)
    assert MARKER not in page.content()


def _fetch_without_cookies(url: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, method="GET")
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return int(answer.status), bytes(answer.read())
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _guarded(url: str) -> bool:
    path = urlsplit(url).path
    return path.startswith(("/media/", "/_stcore/upload_file", "/component/", "/app/")) or (
        path.startswith("/_stcore/")
        and path not in ("/_stcore/health", "/_stcore/host-config", "/_stcore/stream")
    )


def test_a_signed_out_browser_sees_only_the_form_and_no_endpoint_hands_out_data(
    browser: Browser, guarded_server: Server, screenshots: Path
):
    # The signed-in side visits every page and downloads every file the pages offer.
    owner = _context(browser, guarded_server)
    page = owner.new_page()
    produced: set[str] = set()
    page.on("request", lambda request: produced.add(request.url))
    page.goto("/")
    _sign_in(page)
    for path in PAGES:
        visit(page, path)
    buttons = page.get_by_test_id("stDownloadButton")
    expect(buttons.first).to_be_visible()
    for index in range(buttons.count()):
        with page.expect_download() as download:
            buttons.nth(index).get_by_role("button").click()
        produced.add(download.value.url)
    media = sorted(u for u in produced if urlsplit(u).path.startswith("/media/"))
    assert len(media) >= 4  # three CSV exports and the backup
    for url in media:
        assert owner.request.get(url).status == 200

    before = sets_csv(guarded_server.db)
    assert MARKER in before
    # A second browser, never signed in: every page shows only the form.
    stranger = _context(browser, guarded_server)
    other = stranger.new_page()
    for path in PAGES + PROBES[:3]:
        other.goto(path)
        _shows_only_the_sign_in_form(other)
    other.screenshot(path=str(screenshots / "desktop-sign-in.png"))
    phone = _context(browser, guarded_server, phone=True).new_page()
    phone.goto("/")
    _shows_only_the_sign_in_form(phone)
    phone.screenshot(path=str(screenshots / "phone-sign-in.png"))

    # Every URL the signed-in pages used, and some guessed ones, from the signed-out browser
    # (with its own cookie) and from a client with no cookie at all.
    probes = {guarded_server.url + p for p in PROBES} | {
        u for u in produced if urlsplit(u).netloc == urlsplit(guarded_server.url).netloc
    }
    for url in sorted(probes):
        answer = stranger.request.get(url)
        status, body = _fetch_without_cookies(url)
        assert MARKER.encode() not in answer.body(), url
        assert MARKER.encode() not in body, url
        if _guarded(url):
            assert (answer.status, status) == (403, 403), url
    upload = stranger.request.put(
        guarded_server.url + "/_stcore/upload_file/any-session/any-file",
        multipart={"file": {"name": "x.csv", "mimeType": "text/csv", "buffer": b"a,b\n1,2\n"}},
    )
    assert upload.status == 403
    assert sets_csv(guarded_server.db) == before  # nothing was written

    # Signing out ends it: the pages and the files are closed to that browser again.
    page.get_by_role("button", name="Sign out").click()
    _shows_only_the_sign_in_form(page)
    assert owner.request.get(media[0]).status == 403
    for context in (owner, stranger, phone.context):
        context.close()


def test_wrong_passwords_are_slowed_and_the_right_one_then_works(
    browser: Browser, guarded_server: Server
):
    page = _context(browser, guarded_server).new_page()
    page.goto("/")
    _shows_only_the_sign_in_form(page)
    slowed = 0
    for attempt in range(1, 21):
        page.get_by_label("Password", exact=True).fill(f"wrong {attempt}")
        page.get_by_role("button", name="Sign in").click()
        answer = page.get_by_text(re.compile(rf"\(try {attempt}\)"))
        expect(answer).to_be_visible()
        slowed += "Too many wrong passwords" in answer.inner_text()
    assert slowed >= 5  # after five failures, attempts meet a growing wait
    # The right password is refused while the wait lasts, then accepted: each refusal says
    # how long is left, and the next try comes when that time is up.
    nav = page.get_by_test_id("stSidebarNav")
    for attempt in range(21, 41):
        _sign_in(page)
        answer = page.get_by_text(f"(try {attempt})")
        expect(nav.or_(answer).first).to_be_visible()
        if nav.count():
            break
        left = re.search(r"try again in (\d+) s", answer.inner_text())
        assert left is not None, answer.inner_text()
        page.wait_for_timeout(int(left.group(1)) * 1000)
    expect(page.get_by_role("heading", name="Log")).to_be_visible()
    page.context.close()
