"""Start loading the charting library in the browser while the server runs the page's script.

Streamlit's browser code fetches Plotly (about 4.7 MB of JavaScript, its largest file) only when
the first chart element arrives, and then spends about a second compiling and running it before
the chart is drawn. On a visit that starts on a page with charts, the browser is idle while the
server runs the page's script (on a fresh server, about as long as that second).

So the page shell of those pages (Streamlit's `index.html`) gets one small script: as soon as the
app reports that the script is running, it imports Plotly's file, the same file Streamlit
imports later, so the browser loads it once and the chart element finds it ready. Nothing else
changes: the same elements, drawn by Streamlit's own code. Pages without charts (the Log page)
are left alone, so typing there never waits for a library they do not use.
"""

from __future__ import annotations

import gzip
from collections.abc import Awaitable, Callable, MutableMapping
from functools import cache
from pathlib import Path
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# The URL paths of the pages that show a Plotly chart (`dashboard/streamlit_app.py`).
CHART_PAGES = frozenset({"trends", "exercise", "body", "bodyweight"})

# Waits until the app's script state is "running", then imports the file (a failed import is
# harmless: Streamlit loads the file itself when the chart arrives, as without this script).
_SCRIPT = (
    '<script type="module">'
    "const watch = new MutationObserver(() => {"
    "const app = document.querySelector('[data-testid=\"stApp\"]');"
    'if (app && app.dataset.testScriptState === "running") {'
    'watch.disconnect(); import("./static/js/%s").catch(() => {});'
    "}});"
    "watch.observe(document.documentElement, {subtree: true, childList: true, attributes: true,"
    ' attributeFilter: ["data-test-script-state"]});'
    "</script>"
)


@cache
def plotly_file() -> str | None:
    """The name of the Plotly chart's file among Streamlit's scripts, or None if not found."""
    import streamlit

    scripts = Path(streamlit.__file__).parent / "static" / "static" / "js"
    found = sorted(scripts.glob("PlotlyChart.*.js"))
    return found[0].name if len(found) == 1 else None


def chart_page(path: str) -> bool:
    """True for the URL path of a page with charts (`/trends`, `/base/trends/`...)."""
    return path.rstrip("/").rsplit("/", 1)[-1] in CHART_PAGES


def with_preload(html: bytes, script_file: str) -> bytes:
    """The page shell with the loading script at the end of its head (unchanged if none)."""
    script = (_SCRIPT % script_file).encode()
    head_end = html.find(b"</head>")
    return html if head_end < 0 else html[:head_end] + script + html[head_end:]


class ChartPreload:
    """ASGI middleware: the page shell of a chart page gets the Plotly loading script."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass everything through, except a chart page's HTML, which gets the script."""
        script_file = plotly_file()
        if (
            scope["type"] != "http"
            or scope.get("method") != "GET"
            or script_file is None
            or not chart_page(scope.get("path", ""))
        ):
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        body: list[bytes] = []

        async def rewrite(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = {k.lower(): v for k, v in message.get("headers", [])}
                html = headers.get(b"content-type", b"").startswith(b"text/html")
                if message.get("status") == 200 and html:
                    start = message  # held until the whole body is in
                    return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            body.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            await _send_page(send, start, b"".join(body), script_file)

        await self.app(scope, receive, rewrite)


async def _send_page(send: Send, start: Message, raw: bytes, script_file: str) -> None:
    """Send the held page with the script, uncompressed (it is about 10 kB)."""
    encoding = {k.lower(): v for k, v in start.get("headers", [])}.get(b"content-encoding")
    if encoding not in (None, b"identity", b"gzip"):  # an encoding this cannot read: as it was
        await send(start)
        await send({"type": "http.response.body", "body": raw})
        return
    page = with_preload(gzip.decompress(raw) if encoding == b"gzip" else raw, script_file)
    headers = [
        (k, v)
        for k, v in start.get("headers", [])
        if k.lower() not in (b"content-length", b"content-encoding")
    ]
    headers.append((b"content-length", str(len(page)).encode()))
    await send({**start, "headers": headers})
    await send({"type": "http.response.body", "body": page})
