"""The dashboard's part of `liftboard bench`: does the Trends page stay fast as the log grows?

The Trends page is rendered server-side through Streamlit's AppTest, from the entrypoint as a
browser session would run it, with empty caches: its three views one after the other. The
time with the benchmark's N sets is compared with the time on a log of 1,000 sets.

`liftboard bench` (`dashboard/bench_command.py`) lists this module among its measure
modules, so the measures join the benchmark's table and JSON; Streamlit itself is imported only
when a measure runs.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipelines.bench import BenchContext, generate, measure, peak_rss_in_child
from pipelines.db import ENV_DB, connect

APP = Path(__file__).resolve().parent / "streamlit_app.py"
SMALL_SETS = 1_000
VIEWS = ("volume", "strength", "consistency")


@contextmanager
def _database(path: Path) -> Iterator[None]:
    """Point the dashboard at `path` for the duration, then put everything back."""
    import streamlit as st

    before = os.environ.get(ENV_DB)
    os.environ[ENV_DB] = str(path)
    st.cache_data.clear()
    st.cache_resource.clear()
    try:
        yield
    finally:
        st.cache_data.clear()
        st.cache_resource.clear()
        if before is None:
            os.environ.pop(ENV_DB, None)
        else:
            os.environ[ENV_DB] = before


def trends_seconds(path: Path, runs: int = 3) -> float:
    """Median seconds to render the Trends page's three views with empty data caches."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    times = []
    with _database(path):
        at = AppTest.from_file(str(APP), default_timeout=600).run()  # opens the connection
        for _ in range(max(1, runs)):
            st.cache_data.clear()
            began = time.perf_counter()
            at.switch_page("app_pages/trends.py").run()
            for view in VIEWS[1:]:
                at.segmented_control(key="tr_view").set_value(view).run()
            times.append(time.perf_counter() - began)
            if at.exception:
                raise RuntimeError(f"the Trends page failed: {at.exception[0].value}")
            at.segmented_control(key="tr_view").set_value(VIEWS[0])
    return statistics.median(times)


def render_trends_once(path: str) -> None:
    """Render the Trends page once (for a peak-memory probe in a child process)."""
    trends_seconds(Path(path), runs=1)


def small_log(folder: Path) -> Path:
    """A database holding a generated log of 1,000 sets."""
    path = folder / "small.duckdb"
    con = connect(path)
    generate(con, SMALL_SETS)
    con.close()
    return path


@measure("trends_1m_s", "Trends page rendered server-side (3 views)", "s")
def _trends(ctx: BenchContext) -> float:
    ctx.close()
    return trends_seconds(ctx.db_path, ctx.runs)


@measure("trends_ratio", "Trends: time with N sets / time with 1,000", "x", "<= 2")
def _trends_ratio(ctx: BenchContext) -> float:
    ctx.close()
    big = ctx.results.get("trends_1m_s") or trends_seconds(ctx.db_path, ctx.runs)
    return big / trends_seconds(small_log(ctx.workdir), ctx.runs)


@measure("trends_peak_rss_mb", "peak RSS of a process rendering Trends", "MB", "<= 500 MB")
def _trends_rss(ctx: BenchContext) -> float:
    ctx.close()
    return peak_rss_in_child("dashboard.bench:render_trends_once", str(ctx.db_path))


def strength_seconds(path: Path, runs: int = 3) -> float:
    """Median seconds to render the Trends page's strength view alone, empty data caches."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    times = []
    with _database(path):
        at = AppTest.from_file(str(APP), default_timeout=600).run()
        at.switch_page("app_pages/trends.py").run()
        for _ in range(max(1, runs)):
            at.segmented_control(key="tr_view").set_value("volume").run()
            st.cache_data.clear()
            began = time.perf_counter()
            at.segmented_control(key="tr_view").set_value("strength").run()
            times.append(time.perf_counter() - began)
            if at.exception:
                raise RuntimeError(f"the strength view failed: {at.exception[0].value}")
    return statistics.median(times)


@measure("strength_1m_s", "Trends strength view rendered server-side", "s", "<= 0.5")
def _strength(ctx: BenchContext) -> float:
    ctx.close()
    return strength_seconds(ctx.db_path, ctx.runs)
