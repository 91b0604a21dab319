"""`liftboard bench` figures for the command line beside a running dashboard.

- `cli_log_while_serving_s`: a real `liftboard serve` on the benchmark's database, and the wall
  time of the installed `liftboard log` (one set, a new process each time, as a user types it)
  from start to exit: the command is handed to the server, which logs the set on its open
  connection. Python's start and the client's imports are part of it.
- `rerun_overhead_ms`: what the design costs a page rerun. The Log page is rerun through
  Streamlit's AppTest with the database held open and the command socket listening, as in the
  server, and without either, alternately; the figure is the difference of the medians.

Listed in `pipelines.bench.MEASURE_MODULES`; Streamlit is imported only when a measure runs.
"""

from __future__ import annotations

import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from pipelines import live
from pipelines.bench import BenchContext, measure
from pipelines.cli import run_relayed
from pipelines.db import ENV_DB

APP = Path(__file__).resolve().parent / "streamlit_app.py"
LOG_RUNS = 7
RERUNS = 15


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:  # noqa: S310
            return bool(answer.read().strip() == b"ok")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


@measure(
    "cli_log_while_serving_s", "liftboard log (one set) while the dashboard runs", "s", "<= 1 s"
)
def _cli_log_while_serving(ctx: BenchContext) -> float:
    ctx.close()  # the server opens the file
    port = _free_port()
    installed = Path(sys.executable).with_name("liftboard")  # the command as a user types it
    liftboard = [str(installed)] if installed.exists() else [sys.executable, "-m", "dashboard.cli"]
    server = subprocess.Popen(  # noqa: S603 - fixed argv
        [*liftboard, "serve", "--db", str(ctx.db_path), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 300
        while not _healthy(f"http://127.0.0.1:{port}"):
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("liftboard serve did not start for the benchmark")
            time.sleep(0.2)
        times = []
        for run in range(LOG_RUNS + 1):
            began = time.perf_counter()
            subprocess.run(  # noqa: S603 - fixed argv
                [
                    *liftboard,
                    "log",
                    "--db",
                    str(ctx.db_path),
                    "--date",
                    "2026-01-05",
                    "--exercise",
                    "Suitcase Deadlift",
                    "--weight-kg",
                    "20",
                    "--reps",
                    "10",
                    "--athlete",
                    "Bench command line",
                ],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            if run:  # the first one also warms the server's command parser
                times.append(time.perf_counter() - began)
        return statistics.median(times)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


@measure("rerun_overhead_ms", "page rerun: extra time for the command socket", "ms", "<= 50 ms")
def _rerun_overhead(ctx: BenchContext) -> float:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    ctx.close()
    before = os.environ.get(ENV_DB)
    os.environ[ENV_DB] = str(ctx.db_path)
    plain: list[float] = []
    serving: list[float] = []
    try:
        for with_socket in [False, True] * RERUNS:
            st.cache_resource.clear()
            listener = None
            if with_socket:
                live.hold(ctx.db_path)
                listener = live.CommandListener(str(ctx.db_path), run_relayed)
                listener.start()
            at = AppTest.from_file(str(APP), default_timeout=600).run()
            began = time.perf_counter()
            at.run()
            (serving if with_socket else plain).append(time.perf_counter() - began)
            if listener is not None:
                listener.stop()
            live.close_shared()
    finally:
        st.cache_resource.clear()
        if before is None:
            os.environ.pop(ENV_DB, None)
        else:
            os.environ[ENV_DB] = before
    return 1000 * (statistics.median(serving) - statistics.median(plain))
