"""The exercise history page and the body map in `liftboard bench`.

Each page is rendered server-side through Streamlit's AppTest from the entrypoint, as a browser
session opening its address would (`/exercise?exercise=<id>`, `/body?muscle=<group>`), with
empty data caches, for the athlete the dashboard opens on: its most-done exercise, and the
muscle group it trained most this week. Listed in `pipelines.bench.MEASURE_MODULES`.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from pathlib import Path

from dashboard.bench import APP, _database
from pipelines.bench import BenchContext, measure
from pipelines.body_map import muscle_week
from pipelines.db import connect
from pipelines.exercise_history import athlete_exercises


def page_seconds(path: Path, page: str, params: dict[str, str], runs: int = 3) -> float:
    """Median seconds to render `page` with `params` in the address, with empty data caches."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    times = []
    with _database(path):
        at = AppTest.from_file(str(APP), default_timeout=600)
        for key, value in params.items():
            at.query_params[key] = value
        at.run()  # opens the connection and the sidebar
        for _ in range(max(1, runs)):
            st.cache_data.clear()
            began = time.perf_counter()
            at.switch_page(page).run()
            times.append(time.perf_counter() - began)
            if at.exception:
                raise RuntimeError(f"{page} failed: {at.exception[0].value}")
    return statistics.median(times)


def first_athlete(path: Path) -> int:
    """The athlete the dashboard opens on (the first in the sidebar)."""
    from streamlit.testing.v1 import AppTest

    with _database(path):
        at = AppTest.from_file(str(APP), default_timeout=600).run()
        return int(at.session_state["frame_current"].athlete_id)


def targets(path: Path) -> tuple[str, str]:
    """That athlete's most-done exercise, and the muscle group they trained most this week."""
    athlete = first_athlete(path)
    con = connect(path)
    try:
        done = athlete_exercises(con, athlete).sort_values("sessions", ascending=False)
        week = muscle_week(con, athlete, dt.date.today()).sort_values("hard_sets")
    finally:
        con.close()
    return str(done["exercise_id"].iloc[0]), str(week["muscle_group"].iloc[-1])


@measure("exercise_page_1m_s", "exercise history page rendered server-side", "s", "<= 1 s")
def _exercise_page(ctx: BenchContext) -> float:
    ctx.close()
    exercise, _group = targets(ctx.db_path)
    return page_seconds(ctx.db_path, "app_pages/exercise.py", {"exercise": exercise}, ctx.runs)


@measure("body_map_1m_ms", "body map page rendered server-side", "ms", "<= 300 ms")
def _body_map(ctx: BenchContext) -> float:
    ctx.close()
    _exercise, group = targets(ctx.db_path)
    return 1000 * page_seconds(ctx.db_path, "app_pages/body.py", {"muscle": group}, ctx.runs)
