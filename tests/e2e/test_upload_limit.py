"""An upload over the configured limit is refused with a sentence before it reaches the server."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.conftest import DESKTOP, start_server, stop_server
from tests.e2e.ui import open_page


def test_a_file_over_the_upload_limit_gets_a_sentence(
    browser: Browser, tmp_path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("STREAMLIT_SERVER_MAX_UPLOAD_SIZE", "1")  # MB, instead of the usual 200
    server = start_server(tmp_path / "upload.duckdb", tmp_path / "server.log")
    try:
        page = browser.new_context(base_url=server.url, viewport=DESKTOP).new_page()
        open_page(page, "/data")
        big = tmp_path / "big.csv"
        big.write_bytes(
            b"Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time\n"
            + b"2026-01-05,Deadlift,Back,100,5,,,\n" * 60_000
        )
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(big))
        expect(page.get_by_text(re.compile(r"must be 1\.0 ?MB or smaller"))).to_be_visible()
        page.screenshot(path=str(tmp_path / "upload-limit.png"))
    finally:
        stop_server(server)
