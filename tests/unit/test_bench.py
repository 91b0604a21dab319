"""The benchmark: its generator writes a realistic log, and its three ways agree on the numbers."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipelines.bench import (
    MEASURES,
    Generated,
    generate,
    measure,
    naive_pandas_volume,
    render_table,
)
from pipelines.db import connect, read_sql
from pipelines.weekly_volume import weekly_muscle_volume
from tests.conftest import by_profile, copy_of

REQUIRED_KEYS = [
    "sets",
    "volume_s",
    "bare_s",
    "pandas_s",
    "log_one_ms",
    "athlete_12w_ms",
    "peak_rss_mb",
]
NUMBERS = ["hard_sets", "direct_sets", "reps", "tonnage_kg", "duration_s"]


@pytest.fixture(scope="module")
def generated_log(template_db: Path, tmp_path_factory) -> tuple[Path, Generated]:
    """A database with 10,000 generated sets, written once for this module."""
    path = tmp_path_factory.mktemp("bench") / "generated.duckdb"
    shutil.copyfile(template_db, path)
    con = connect(path)
    generated = generate(con, 10_000)
    con.execute("checkpoint")  # everything in the one file, so a copy is complete
    con.close()
    return path, generated


@pytest.fixture
def con(generated_log):
    """In this module: a copy of the database holding the generated log, for each test."""
    with copy_of(generated_log[0]) as connection:
        yield connection


@pytest.fixture
def generated(generated_log: tuple[Path, Generated]) -> Generated:
    """What the generator said it wrote."""
    return generated_log[1]


def test_the_generator_writes_exactly_the_sets_asked_for(con, generated):
    assert (generated.sets, generated.athletes) == (10_000, 5)
    counts = con.execute(
        "select count(*), count(distinct session_id), min(set_index) from sets"
    ).fetchone()
    assert counts == (10_000, generated.sessions, 1)
    sessions = con.execute("select count(*), count(bodyweight_kg) from sessions").fetchone()
    assert sessions[0] == generated.sessions
    assert 0 < sessions[1] < sessions[0]  # some sessions lean on the bodyweight readings


def test_the_generated_log_is_varied_like_a_real_one(con, generated):
    kinds = dict(
        con.execute(
            "select e.load_type, count(*) from sets as x inner join exercises as e "
            "using (exercise_id) group by all"
        ).fetchall()
    )
    assert {"weighted", "bodyweight", "weighted_bodyweight", "assisted", "timed"} <= set(kinds)
    types = dict(con.execute("select set_type, count(*) from sets group by all").fetchall())
    assert set(types) == {"warmup", "working", "drop", "failure"}
    assert con.execute("select count(*) from athletes where unit = 'lb'").fetchone()[0] >= 1
    assert con.execute("select count(*) from sets where rpe is not null").fetchone()[0] > 1_000


def test_new_rows_can_still_be_added_after_generation(con, generated):
    from pipelines.logbook import log_sets, start_session

    session = start_session(con, 1, "2025-01-01 07:00")
    assert session == generated.sessions + 1
    log_sets(con, session, [{"exercise": "Pullups", "reps": 5}])[0]


def test_the_project_the_floor_and_pandas_agree(con, generated):
    project = weekly_muscle_volume(con)
    project = project[project[NUMBERS].sum(axis=1) > 0].assign(
        muscle_group=project["muscle_group"].astype(str)
    )
    names = dict(con.execute("select display_order, muscle_group from muscle_groups").fetchall())
    bare = con.execute(read_sql("bench/bare_weekly_volume")).df()
    bare["muscle_group"] = bare.pop("display_order").map(names)
    pandas = naive_pandas_volume(con)
    keys = ["athlete_id", "week_start", "muscle_group"]
    for other in (bare, pandas):
        other = other.assign(week_start=pd.to_datetime(other["week_start"])).fillna(0)
        merged = project.merge(other, on=keys, suffixes=("", "_other"), how="outer")
        assert len(merged) == len(project) == len(other)
        for column in NUMBERS:
            assert merged[column].to_numpy() == pytest.approx(
                merged[f"{column}_other"].to_numpy()
            ), column


def test_a_measure_key_cannot_be_registered_twice():
    with pytest.raises(ValueError, match="already registered"):
        measure("volume_s", "again", "s")(lambda ctx: 0.0)


def test_the_required_keys_come_first_in_order():
    assert [m.key for m in MEASURES][: len(REQUIRED_KEYS) - 1] == REQUIRED_KEYS[1:]


def test_the_table_shows_each_figure_and_the_ratios():
    results = {
        "sets": 10,
        "volume_s": 0.5,
        "bare_s": 0.4,
        "pandas_s": 5.0,
        "log_one_ms": 3.0,
        "athlete_12w_ms": 9.0,
        "peak_rss_mb": 300.0,
        "athletes": 1,
        "sessions": 1,
    }
    table = render_table(results)
    assert "10.0 x" in table  # c / a
    assert "1.25 x" in table  # a / b
    assert "300 MB" in table


def test_own_peak_rss_rises_by_what_the_process_takes_and_keeps_its_peak():
    # A fresh process, so that the figure is not an earlier test's high-water mark.
    script = (
        "from pipelines.bench import own_peak_rss_mb\n"
        "before = own_peak_rss_mb()\n"
        "block = b'x' * (200 * 2**20)\n"  # 200 MB, every page written
        "during = own_peak_rss_mb()\n"
        "del block\n"
        "print(before, during, own_peak_rss_mb())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    before, during, after = (float(x) for x in done.stdout.split())
    assert 20 < before < 400  # Python with duckdb and pandas imported
    assert during - before == pytest.approx(200, abs=10)
    assert after == pytest.approx(during, abs=5)  # the peak, not what is held now


# `make test` runs the measures the ratios need; `make test-deep` runs every registered one
# (the browser, the server and the million-row import included).
COMMAND_MEASURES = by_profile(ci=",".join(REQUIRED_KEYS[1:]), deep="")


def test_the_bench_command_prints_a_table_and_a_json_line_on_ten_thousand_sets():
    only = ["--only", COMMAND_MEASURES] if COMMAND_MEASURES else []
    done = subprocess.run(
        [sys.executable, "-m", "dashboard.cli", "bench", "--sets", "10000", *only],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    results = json.loads(lines[-1])
    assert list(results)[: len(REQUIRED_KEYS)] == REQUIRED_KEYS
    assert results["sets"] == 10_000
    assert all(results[k] > 0 for k in REQUIRED_KEYS)
    assert any(line.startswith("(a) weekly volume") for line in lines)
    if not COMMAND_MEASURES:
        assert set(results) >= {m.key for m in MEASURES}


def test_the_bench_command_names_the_keys_when_asked_for_an_unknown_measure():
    done = subprocess.run(
        [sys.executable, "-m", "dashboard.cli", "bench", "--sets", "10", "--only", "volume_s,fast"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 2
    assert "No benchmark measure is called fast" in done.stderr
    assert "log_one_ms" in done.stderr
    assert "Traceback" not in done.stderr
