"""The dashboard's web server, as `liftboard serve` starts it (`python -m dashboard.server`).

One process serves everything: Streamlit's own server (Starlette and uvicorn, through `st.App`),
the database connection the pages share, and the local socket through which `liftboard`
commands run beside the dashboard (`pipelines/live.py`). Stopping this process (Ctrl-C,
SIGTERM, or SIGHUP when its terminal closes) stops all of it.

With a password configured, a request guard in front of Streamlit refuses every endpoint that
can hand out or take in data (media and downloads, uploads, components, Streamlit's own API)
to a browser that has not signed in. Pages themselves show only the sign-in form until then
(`dashboard/components/sign_in.py`).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager, suppress
from http.cookies import CookieError, SimpleCookie
from pathlib import Path
from typing import Any

import streamlit as st
from starlette.middleware import Middleware
from streamlit import net_util

from dashboard.chart_preload import ChartPreload
from pipelines import access, live
from pipelines.cli import build_parser, run_relayed
from pipelines.db import ENV_DB
from pipelines.errors import LiftboardError

APP = Path(__file__).with_name("streamlit_app.py")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Paths a signed-out browser may fetch: the page shell and its scripts, and the health checks.
# The websocket (`/_stcore/stream`) is open too: the script shows the sign-in form over it.
_OPEN_CORE = frozenset({"/_stcore/health", "/_stcore/host-config", "/_stcore/script-health-check"})
_GUARDED_PREFIXES = ("/_stcore/", "/media/", "/component/", "/app/", "/auth/", "/oauth2callback")


def guarded(path: str) -> bool:
    """True for a path that hands out or takes in data, so it needs a signed-in browser."""
    return path.startswith(_GUARDED_PREFIXES) and path not in _OPEN_CORE


def browser_cookie(headers: list[tuple[bytes, bytes]]) -> str | None:
    """The browser's `liftboard_browser` cookie from raw request headers, if any."""
    for name, value in headers:
        if name.lower() == b"cookie":
            try:
                jar = SimpleCookie(value.decode("latin-1"))
            except CookieError:
                continue
            if access.COOKIE in jar:
                return jar[access.COOKIE].value
    return None


class BrowserGate:
    """ASGI middleware: names each browser with a cookie and keeps signed-out ones from data."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse a guarded path to a signed-out browser; give a new browser its cookie."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        gate = access.gate()
        token = browser_cookie(scope.get("headers", []))
        if gate.required and guarded(scope["path"]) and not gate.signed_in(token):
            await _refuse(send)
            return
        if token:
            await self.app(scope, receive, send)
            return
        cookie = _set_cookie_header(access.new_browser_token(), secure=_https(scope))

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), cookie]}
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def _https(scope: Scope) -> bool:
    forwarded = dict(scope.get("headers", [])).get(b"x-forwarded-proto", b"")
    return scope.get("scheme") == "https" or forwarded.lower() == b"https"


def _set_cookie_header(token: str, *, secure: bool) -> tuple[bytes, bytes]:
    parts = [f"{access.COOKIE}={token}", "Path=/", "HttpOnly", "SameSite=Strict"]
    if secure:
        parts.append("Secure")
    return b"set-cookie", "; ".join(parts).encode()


async def _refuse(send: Send) -> None:
    body = b"Sign in to Liftboard first.\n"
    await send(
        {
            "type": "http.response.start",
            "status": 403,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _warm_up() -> None:
    """Ready what the first page visit and every command need, once, beside the server.

    In the order the first visit needs them: the pages' modules, pandera's checks (every
    page's sidebar validates the athletes it reads), Plotly's validators, and last the command
    parser, for commands handed to this server.
    """
    from dashboard import data_access  # noqa: F401 - imported for its side effect: loaded
    from dashboard.components import charts, trends  # noqa: F401

    _warm_validation()
    charts.warm_up()
    build_parser()


def _warm_validation() -> None:
    """Validate once: pandera readies its checks on the first validation (about half a second).

    A frame without the model's columns is rejected; that first run loads and builds what every
    later validation uses.
    """
    import pandas as pd

    from pipelines.schemas import AthleteActivity, validate

    with suppress(LiftboardError):
        validate(AthleteActivity, pd.DataFrame())


def make_app(db: str) -> st.App:
    """The Streamlit app with the request guard, the shared connection and the command socket."""

    @asynccontextmanager
    async def lifespan(_app: st.App) -> AsyncIterator[None]:
        live.hold(db)
        listener = live.CommandListener(db, run_relayed)
        listener.start()
        # Build the command parser now (it imports every command), not on the first command,
        # and ready the dashboard's own modules and charting, not in the first visit.
        threading.Thread(target=_warm_up, name="liftboard-warm", daemon=True).start()
        try:
            yield
        finally:
            listener.stop()
            live.close_shared()

    return st.App(
        str(APP), lifespan=lifespan, middleware=[Middleware(BrowserGate), Middleware(ChartPreload)]
    )


def config_from_environment(environ: MutableMapping[str, str] | None = None) -> dict[str, Any]:
    """Streamlit settings given as `STREAMLIT_*` variables, as `streamlit run` reads them.

    `App.run` does not read them itself; sensitive options Streamlit reads on its own.
    """
    from streamlit import config

    env = os.environ if environ is None else environ
    found: dict[str, Any] = {}
    for key, option in config._config_options_template.items():
        text = env.get(option.env_var)
        if text is None or option.sensitive or option.type not in (str, int, float, bool):
            continue
        if option.type is bool:
            found[key] = text.strip().lower() in ("1", "true", "yes", "on")
        else:
            try:
                found[key] = option.type(text)
            except ValueError:
                continue
    return found


def main(argv: list[str] | None = None) -> int:
    """Serve the dashboard until stopped."""
    parser = argparse.ArgumentParser(prog="python -m dashboard.server")
    parser.add_argument("--db", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8501)
    args = parser.parse_args(argv)
    db = live.absolute_db_path(args.db)
    os.environ[ENV_DB] = db
    access.gate()  # read the password now: keep only its hash, drop the variable
    # A closed terminal sends SIGHUP: stop as on Ctrl-C rather than die without cleaning up.
    signal.signal(signal.SIGHUP, lambda *_: os.kill(os.getpid(), signal.SIGTERM))
    sys.argv = [str(Path(__file__).resolve())]
    # Streamlit asks an outside service (checkip.amazonaws.com) for this computer's public
    # address, for its start-up banner and for a cross-origin check; Liftboard asks no one.
    # The banner is off (this process printed its own address); the check gets loopback.
    net_util._external_ip = "127.0.0.1"
    make_app(db).run(
        config={
            **config_from_environment(),
            "server.address": args.host,
            "server.port": args.port,
            "server.headless": True,
            "browser.gatherUsageStats": False,
            "logger.hideWelcomeMessage": True,
        }
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
