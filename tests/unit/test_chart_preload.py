"""The chart pages' shell starts loading Plotly early; other responses pass through unchanged.

Driven through Streamlit's own static file handler and gzip middleware, as the server stacks
them behind `ChartPreload`.
"""

from __future__ import annotations

import asyncio
import gzip
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import streamlit
from streamlit.web.server.starlette.starlette_gzip_middleware import SelectiveGZipMiddleware
from streamlit.web.server.starlette.starlette_static_routes import (
    create_streamlit_static_handler,
)

from dashboard.chart_preload import CHART_PAGES, ChartPreload, chart_page, plotly_file

STATIC = Path(streamlit.__file__).parent / "static"
SHELL = (STATIC / "index.html").read_bytes()


def get(path: str) -> tuple[int, dict[bytes, bytes], bytes]:
    """GET `path` from the middleware over Streamlit's static files, as a gzip-able browser."""
    static = create_streamlit_static_handler(directory=str(STATIC), base_url=None)
    app = ChartPreload(SelectiveGZipMiddleware(static))
    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"accept-encoding", b"gzip"), (b"host", b"127.0.0.1")],
        "scheme": "http",
        "server": ("127.0.0.1", 8501),
        "http_version": "1.1",
    }
    sent: list[dict[str, Any]] = []
    asked: list[bool] = []

    async def receive() -> dict[str, Any]:
        if asked:  # the request is whole; the browser stays until the answer is sent
            await asyncio.Event().wait()
        asked.append(True)
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Any) -> None:
        sent.append(dict(message))

    # A thread of its own: a browser test in the same worker may have left an event loop
    # running in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, app(scope, receive, send)).result()
    start = sent[0]
    headers = {k.lower(): v for k, v in start["headers"]}
    body = b"".join(m.get("body", b"") for m in sent[1:])
    if headers.get(b"content-encoding") == b"gzip":
        body = gzip.decompress(body)
    return start["status"], headers, body


def test_streamlit_still_ships_one_plotly_file():
    name = plotly_file()
    assert name is not None
    assert (STATIC / "static" / "js" / name).is_file()


def test_a_chart_page_shell_imports_plotly_once_the_script_runs():
    status, headers, body = get("/trends")
    assert status == 200
    script = f'import("./static/js/{plotly_file()}")'.encode()
    assert body.count(script) == 1
    assert body.index(script) < body.index(b"</head>")
    assert b"testScriptState" in body
    # everything else of Streamlit's shell is still there, and the length says so
    added = body.index(b'<script type="module">const watch')
    assert body[:added] + body[body.index(b"</head>") :] == SHELL
    assert int(headers[b"content-length"]) == len(body)


def test_pages_without_charts_and_the_scripts_themselves_are_untouched():
    for path in ("/", "/log", "/workout", "/data"):
        status, _, body = get(path)
        assert status == 200
        assert body == SHELL
    status, _, body = get(f"/static/js/{plotly_file()}")
    assert status == 200
    assert body == (STATIC / "static" / "js" / str(plotly_file())).read_bytes()


def test_chart_pages_are_known_by_their_last_path_part():
    assert {p for p in CHART_PAGES if chart_page(f"/{p}")} == CHART_PAGES
    assert chart_page("/base/trends/")
    assert not chart_page("/log")
    assert not chart_page("/trends/_stcore/health")  # the browser's probe for a base path
