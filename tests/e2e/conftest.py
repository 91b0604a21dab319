"""Browser tests: a real `liftboard serve` on a free port, driven by Debian's chromium.

Where /usr/bin/chromium is missing the tests skip with a reason that says how to get it,
except on CI (the `CI` environment variable set), where they fail instead.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import ViewportSize

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 390, "height": 844}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # No host resolves but 127.0.0.1, where the test servers listen: nothing else is reachable.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is a browser test."""
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Debian's chromium, headless; Playwright cannot download browsers here."""
    if not CHROMIUM.exists():
        reason = (
            "Browser tests need Debian's chromium at /usr/bin/chromium: install it with "
            "`apt-get install chromium` (make test does so when run as root)."
        )
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
        "headless": True,
    }


@dataclass(frozen=True)
class Server:
    """A running dashboard: its address, database file and the Streamlit process id."""

    url: str
    db: Path
    process: subprocess.Popen[bytes]

    def streamlit_pid(self) -> int:
        """The Streamlit server: `liftboard serve` becomes it, so it is the same process."""
        return self.process.pid

    def peak_rss_mb(self) -> float:
        """The Streamlit server's peak resident memory so far, in MB (VmHWM)."""
        status = Path(f"/proc/{self.streamlit_pid()}/status").read_text()
        line = next(x for x in status.splitlines() if x.startswith("VmHWM:"))
        return int(line.split()[1]) / 1024


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
            return bool(answer.read().decode().strip() == "ok")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def start_server(
    db: Path, log: Path, *, options: tuple[str, ...] = (), env: dict[str, str] | None = None
) -> Server:
    """Start `liftboard serve --db DB --port N [OPTIONS]` and wait until it is healthy.

    `env` is added to the server's environment. It is always reached through 127.0.0.1.
    """
    port = free_port()
    liftboard = Path(sys.executable).with_name("liftboard")
    program = [str(liftboard)] if liftboard.exists() else [sys.executable, "-m", "pipelines.cli"]
    command = [*program, "serve", "--db", str(db), "--port", str(port), *options]
    # The server's home is the test folder, so the sidebar shows ~/liftboard.duckdb.
    env = (
        {k: v for k, v in os.environ.items() if not k.startswith("LIFTBOARD_")}
        | {"HOME": str(db.parent)}
        | (env or {})
    )
    with log.open("wb") as out:
        process = subprocess.Popen(  # its own process group, so teardown stops Streamlit too
            command,
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(f"http://127.0.0.1:{port}", db, process)
    for _ in range(600):  # up to about two minutes on a busy machine
        if _healthy(server.url):
            return server
        try:
            process.wait(timeout=0.2)  # waits between probes, and notices an early exit
        except subprocess.TimeoutExpired:
            continue
        break
    stop_server(server)
    pytest.fail(f"liftboard serve did not become healthy:\n{log.read_text()[-2000:]}")


def stop_server(server: Server) -> None:
    """Stop the server's whole process group (liftboard and the Streamlit it started)."""
    if server.process.poll() is None:
        os.killpg(server.process.pid, signal.SIGTERM)
        try:
            server.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.process.pid, signal.SIGKILL)
            server.process.wait(timeout=20)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One dashboard on an empty temporary database for the whole session."""
    folder = tmp_path_factory.mktemp("e2e")
    running = start_server(folder / "liftboard.duckdb", folder / "server.log")
    yield running
    stop_server(running)


@pytest.fixture(scope="session")
def base_url(server: Server) -> str:
    """Relative `page.goto` paths go to the test server."""
    return server.url


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """The (git-ignored) folder for screenshots of every page."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
