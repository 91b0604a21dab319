"""The dashboard's part of `liftboard bench`: does the Trends page stay fast as the log grows?

The Trends page is rendered server-side through Streamlit's AppTest, from the entrypoint as a
browser session would run it, with empty caches: its three views one after the other. The
time with the benchmark's N sets is compared with the time on a log of 1,000 sets.

`liftboard bench` (`dashboard/bench_command.py`) lists this module among its measure
modules, so the measures join the benchmark's table and JSON; Streamlit itself is imported only
when a measure runs.
"""

from __future__ import annotations

import functools
import math
import os
import re
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipelines.bench import BenchContext, generate, measure, peak_rss_in_child
from pipelines.db import ENV_DB, connect

if TYPE_CHECKING:
    from streamlit.testing.v1 import AppTest as AppTestType

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


# --- the Log page: Add set --------------------------------------------------------------------

ADD_SET_WEIGHTS = [40.0 + 0.5 * i for i in range(60)]  # one new, recognisable set per click
ADD_SET_EXERCISE = "Barbell Squat"  # a loaded lift every catalog has


@contextmanager
def _fragment_reruns(at: AppTestType, fragment_key: str) -> Iterator[None]:
    """Make the AppTest's runs rerun only the fragment `fragment_key`, as a browser would.

    AppTest always reruns the whole script, while a browser that presses a button inside a
    fragment has the server run the button's callback and that fragment alone. Inside this
    block each `run()` asks for exactly that (the fragment's id in the rerun request), with the
    pages of the last whole run known, so links inside the fragment resolve.
    """
    from streamlit.testing.v1 import app_test, local_script_runner

    fragment_ids = at._fragment_storage.resolve_target(fragment_key)
    pages = at._registered_pages
    plain_pages = vars(app_test)["PagesManager"]

    class KnownPages(plain_pages):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.set_pages_and_resolve(pages)

    request = vars(local_script_runner)["RerunData"]
    swaps = [
        (
            local_script_runner,
            "RerunData",
            request,
            functools.partial(request, fragment_id_queue=list(fragment_ids)),
        ),
        (app_test, "PagesManager", plain_pages, KnownPages),
    ]
    for module, name, _, swapped in swaps:
        setattr(module, name, swapped)
    try:
        yield
    finally:
        for module, name, plain, _ in swaps:
            setattr(module, name, plain)


def add_set_rerun_ms(path: Path, runs: int = 10) -> float:
    """Median milliseconds of the server side of Add set on the Log page (AppTest).

    The page is opened as a browser would, an exercise chosen, then each timed step is filling
    weight and reps and pressing Add set: the callback writes the set and the part of the page
    that Add set reruns (the `log_entry` fragment: the form and the day's sets) is drawn again,
    which is all the server does for that click in a browser.
    """
    from streamlit.testing.v1 import AppTest

    times = []
    with _database(path):
        at = AppTest.from_file(str(APP), default_timeout=600).run()
        at.selectbox(key="log_exercise").set_value(ADD_SET_EXERCISE).run()
        with _fragment_reruns(at, "log_entry"):
            for weight in ADD_SET_WEIGHTS[: max(1, runs)]:
                at.number_input(key="log_weight").set_value(weight)
                at.number_input(key="log_reps").set_value(5)
                began = time.perf_counter()
                at.button(key="log_add").click().run()
                times.append(time.perf_counter() - began)
                if at.exception or at.error:
                    problem = at.exception[0].value if at.exception else at.error[0].value
                    raise RuntimeError(f"Add set failed: {problem}")
                if not [row for row in at.success if row.value.startswith("Logged ")]:
                    raise RuntimeError("Add set did not confirm the set")
    return statistics.median(times) * 1000


def add_set_browser_times(url: str, executable: str, runs: int = 10) -> list[float]:
    """Milliseconds from pressing Add set to the new row showing, `runs` times, in chromium.

    `url` is a running dashboard; each set gets its own weight, so its row is recognisable.
    """
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=executable, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(url, timeout=120_000)
        page.get_by_role("combobox", name="Exercise").click(timeout=120_000)
        page.keyboard.type(ADD_SET_EXERCISE)
        # the option reads the exercise's name, then " · " and its other names, if any
        shown = re.compile(rf"^{re.escape(ADD_SET_EXERCISE)}(?: · .*)?$")
        page.get_by_role("option", name=shown).click()
        idle = "[data-testid='stApp'][data-test-script-state='notRunning']"
        page.wait_for_selector(idle, timeout=120_000)
        unit = "lb" if page.get_by_label("Weight (lb)").count() else "kg"
        for weight in ADD_SET_WEIGHTS[: max(1, runs)]:
            page.get_by_label(f"Weight ({unit})", exact=True).fill(f"{weight:g}")
            page.get_by_label("Reps", exact=True).fill("7")
            row = f"td:has-text('{weight:g} {unit} \u00d7 7')"
            began = time.perf_counter()
            page.get_by_role("button", name="Add set").click()
            page.wait_for_selector(row, state="attached", timeout=60_000)
            times.append((time.perf_counter() - began) * 1000)
            page.wait_for_selector(idle, timeout=60_000)
        browser.close()
    return times


@contextmanager
def _serving(path: Path) -> Iterator[str]:
    """`liftboard serve` on `path` and a free port, for as long as the block runs."""
    import signal
    import socket
    import subprocess
    import sys
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    command = [
        sys.executable,
        "-m",
        "pipelines.cli",
        "serve",
        "--db",
        str(path),
        "--port",
        str(port),
    ]
    env = {k: v for k, v in os.environ.items() if k != ENV_DB}
    process = subprocess.Popen(  # noqa: S603 - this interpreter and fixed arguments
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    health = f"{url}/_stcore/health"
    try:
        for _ in range(600):
            try:
                with urllib.request.urlopen(health, timeout=2) as answer:  # noqa: S310 - http, ours
                    if answer.read().decode().strip() == "ok":
                        break
            except OSError:
                try:
                    process.wait(timeout=0.2)  # waits between probes, notices an early exit
                except subprocess.TimeoutExpired:
                    continue
                raise RuntimeError("liftboard serve stopped before it answered") from None
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


@measure("add_set_rerun_ms", "Log: Add set, server side (median)", "ms", "<= 100 ms")
def _add_set_rerun(ctx: BenchContext) -> float:
    ctx.close()
    return add_set_rerun_ms(ctx.db_path, max(ctx.runs, 10))


@measure("add_set_browser_ms", "Log: Add set to new row shown in chromium", "ms", "<= 400 ms")
def _add_set_browser(ctx: BenchContext) -> float:
    ctx.close()
    chromium = Path("/usr/bin/chromium")
    try:
        import playwright  # noqa: F401 - only to learn whether it is installed
    except ImportError:
        return math.nan
    if not chromium.exists():
        return math.nan
    with _serving(ctx.db_path) as url:
        return statistics.median(add_set_browser_times(url, str(chromium), max(ctx.runs, 10)))
