"""An import killed with SIGKILL at any moment leaves all of it or none of it, and all before it."""

from __future__ import annotations

import random
import resource
import shutil
import signal
import subprocess
import sys
import time

import pytest

from pipelines.athletes import ensure_athlete
from pipelines.db import connect
from pipelines.importers.bench import strong_csv
from pipelines.logbook import log_sets, start_session

ROWS = 60_000


@pytest.fixture(scope="module")
def big_export(tmp_path_factory):
    path = tmp_path_factory.mktemp("crash") / "strong.csv"
    path.write_text(strong_csv(ROWS), encoding="utf-8")
    return path


def _import(db, csv) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "pipelines.cli", "import", str(csv), "--db", str(db),
         "--unit", "kg"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _earlier_rows(db) -> list[tuple[object, ...]]:
    con = connect(db)
    try:
        return con.execute(
            "select set_id, exercise_id, reps, notes from sets where source_key is null order by 1"
        ).fetchall()
    finally:
        con.close()


def test_an_import_killed_at_random_moments_lands_whole_or_not_at_all(db_file, big_export):
    con = connect(db_file)
    athlete = ensure_athlete(con, "Sam")
    session = start_session(con, athlete, "2026-11-02 07:00")
    for reps in (5, 6, 7):
        log_sets(
            con, session, [{"exercise": "Pullups", "reps": reps, "notes": "before the import"}]
        )[0]
    con.close()
    before = _earlier_rows(db_file)
    clock = time.perf_counter()
    timed = _import(db_file.with_name("timing.duckdb"), big_export)
    assert timed.wait(timeout=600) == 0
    full = time.perf_counter() - clock  # how long a whole import takes here, start to end
    dice = random.Random(20261124)
    outcomes = []
    for attempt in range(6):
        victim = db_file.with_name(f"attempt-{attempt}.duckdb")
        shutil.copy(db_file, victim)  # every kill starts from the same database
        child = _import(victim, big_export)
        time.sleep(dice.uniform(0.4, 1.05) * full)  # a random moment, some inside the write
        finished = child.poll() is not None
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        con = connect(victim)
        imported = con.execute("select count(*) from sets where source_key is not null").fetchone()
        con.close()
        assert imported is not None
        assert imported[0] in (0, ROWS), f"a killed import left {imported[0]} of {ROWS} sets"
        assert _earlier_rows(victim) == before
        outcomes.append((finished, imported[0]))
    print(f"kills (child had finished, sets imported): {outcomes}")
    assert any(not finished for finished, _ in outcomes), "no kill landed inside an import"
    final = _import(db_file, big_export)
    _out, err = final.communicate(timeout=600)
    assert final.returncode == 0, err
    con = connect(db_file)
    assert con.execute("select count(*) from sets where source_key is not null").fetchone() == (
        ROWS,
    )
    con.close()
    assert _earlier_rows(db_file) == before


def test_a_million_row_export_imports_with_bounded_memory(tmp_path):
    csv = tmp_path / "million.csv"
    csv.write_text(strong_csv(1_000_000), encoding="utf-8")
    db = tmp_path / "million.duckdb"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(
        [sys.executable, "-m", "pipelines.cli", "import", str(csv), "--db", str(db), "--unit",
         "kg"],
        capture_output=True, text=True, check=False, timeout=1200,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"1,000,000-row import: peak RSS {peak_mb:.0f} MB (earlier children {before / 1024:.0f})")
    assert peak_mb < 2048, f"importing 1,000,000 rows peaked at {peak_mb:.0f} MB"
    con = connect(db)
    assert con.execute("select count(*) from sets").fetchone() == (1_000_000,)
    con.close()
