"""The exercise history and body map measures of `liftboard bench`, on a small generated log."""

from __future__ import annotations

import importlib

from dashboard.bench_command import DASHBOARD_MEASURES
from pipelines.bench import MEASURE_MODULES, MEASURES, generate
from pipelines.db import connect


def test_the_view_measures_join_the_benchmark():
    for module in (*MEASURE_MODULES, *DASHBOARD_MEASURES):
        importlib.import_module(module)
    keys = [m.key for m in MEASURES]
    assert {"exercise_page_1m_s", "body_map_1m_ms"} <= set(keys)


def test_both_pages_render_on_a_generated_log(tmp_path):
    from dashboard.views_bench import page_seconds, targets

    path = tmp_path / "small.duckdb"
    con = connect(path)
    generate(con, 2_000)
    con.close()
    exercise, group = targets(path)
    assert exercise
    assert page_seconds(path, "app_pages/exercise.py", {"exercise": exercise}, runs=1) > 0
    assert page_seconds(path, "app_pages/body.py", {"muscle": group}, runs=1) > 0
