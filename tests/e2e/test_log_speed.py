"""How fast Add set shows its new row in a real browser with 1,000,000 sets in the database.

Prints the timings (median of 10 sets, and the server side through AppTest); the targets are
checked by `liftboard bench`, which records the same two figures.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from dashboard.bench import add_set_browser_times, add_set_rerun_ms
from pipelines.bench import generate
from pipelines.db import connect
from tests.conftest import LARGE_LOG
from tests.e2e.conftest import CHROMIUM, Server, start_server, stop_server

SETS = LARGE_LOG


@pytest.fixture(scope="module")
def million(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A large generated log (a million sets when deep; five years)."""
    path = tmp_path_factory.mktemp("log-speed") / "million.duckdb"
    con = connect(path)
    generate(con, SETS)
    con.close()
    return path


@pytest.fixture(scope="module")
def big_server(million: Path) -> Iterator[Server]:
    """A dashboard over the million-set log."""
    running = start_server(million, million.with_name("server.log"))
    yield running
    stop_server(running)


def test_add_set_in_a_browser_shows_the_new_row_and_prints_how_fast(
    browser_type_launch_args: dict[str, object], big_server: Server
):
    # A thread of its own: this session's Playwright already runs an event loop here.
    with ThreadPoolExecutor(max_workers=1) as pool:
        times = pool.submit(add_set_browser_times, big_server.url, str(CHROMIUM), 10).result()
    assert len(times) == 10
    print(f"\nAdd set with {SETS:,} sets (1280x800, headless chromium), click to new row:")
    print(f"  median {statistics.median(times):6.0f} ms   all: {[round(t) for t in times]}")


def test_add_set_server_side_prints_how_fast(million: Path, big_server: Server):
    stop_server(big_server)  # the file is free for this process now
    median = add_set_rerun_ms(million, runs=10)
    assert median > 0
    print(f"\nAdd set with {SETS:,} sets, server side through AppTest: median {median:.0f} ms")
