"""An import killed with SIGKILL at any moment leaves all of it or none of it, and all before it."""

from __future__ import annotations

import os
import resource
import select
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines.athletes import ensure_athlete
from pipelines.db import connect
from pipelines.importers.bench import strong_csv
from pipelines.logbook import log_sets, start_session
from tests.conftest import LARGE_LOG

ROWS = 60_000


@pytest.fixture(scope="module")
def big_export(tmp_path_factory):
    path = tmp_path_factory.mktemp("crash") / "strong.csv"
    path.write_text(strong_csv(ROWS), encoding="utf-8")
    return path


def _import(db, csv) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pipelines.cli",
            "import",
            str(csv),
            "--db",
            str(db),
            "--unit",
            "kg",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _earlier_rows(db) -> list[tuple[object, ...]]:
    con = connect(db)
    try:
        return con.execute(
            "select set_id, exercise_id, reps, notes from sets where source_key is null order by 1"
        ).fetchall()
    finally:
        con.close()


# What `liftboard import` does, saying each step as it starts, so that the test can kill it at
# a chosen moment rather than after a guessed delay. At the step named by its third argument it
# waits (for input that never comes) until it is killed.
TALKING_IMPORT = """
import sys
from pipelines.db import connect
from pipelines.importers import import_file

def say(step):
    print(step, flush=True)
    if step == sys.argv[3]:
        sys.stdin.read()

con = connect(sys.argv[1])
import_file(con, sys.argv[2], unit="kg", progress=lambda fraction, step: say(step))
say("Imported")
con.close()
"""

# When to kill: at a step the import waits in, or as soon as a step or a change of the
# database's files is seen while the import runs on. With the count of imported sets the
# database must then hold (None: all or none, depending on how far the commit got).
MOMENTS = [
    ("waits at", "Checking every row", 0),  # the file is read, nothing is written yet
    ("sees", "Writing", None),  # the write transaction is open, or just committed
    ("sees", "the write-ahead log", None),  # the commit is being written
    ("sees", "the database file growing", None),  # the checkpoint moves the commit into the file
    ("waits at", "Imported", ROWS),  # committed, the connection still open
]


def _kill_at(victim: Path, csv: Path, how: str, moment: str) -> bool:
    """Run the import on `victim` and SIGKILL it at `moment`; True if it was still running."""
    wal = victim.with_name(victim.name + ".wal")
    size = victim.stat().st_size
    hold = moment if how == "waits at" else ""
    child = subprocess.Popen(
        [sys.executable, "-c", TALKING_IMPORT, str(victim), str(csv), hold],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert child.stdin is not None
    assert child.stdout is not None
    said = b""
    while child.poll() is None:
        # Wait for the child to say something, looking at the files every millisecond.
        ready, _, _ = select.select([child.stdout], [], [], 0.001)
        if ready:
            said += os.read(child.stdout.fileno(), 4096)
        steps = said.decode().splitlines()
        if moment in steps:
            break
        if "Writing" in steps and wal.exists():
            if moment == "the write-ahead log":
                break
            if moment == "the database file growing" and victim.stat().st_size > size:
                break
    running = child.poll() is None
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    child.stdin.close()
    child.stdout.close()
    return running


def test_an_import_killed_at_every_moment_lands_whole_or_not_at_all(db_file, big_export):
    con = connect(db_file)
    athlete = ensure_athlete(con, "Sam")
    session = start_session(con, athlete, "2026-11-02 07:00")
    for reps in (5, 6, 7):
        log_sets(
            con, session, [{"exercise": "Pullups", "reps": reps, "notes": "before the import"}]
        )[0]
    con.close()
    before = _earlier_rows(db_file)
    caught = []
    for attempt, (how, moment, expected) in enumerate(MOMENTS):
        victim = db_file.with_name(f"attempt-{attempt}.duckdb")
        shutil.copy(db_file, victim)  # every kill starts from the same database
        running = _kill_at(victim, big_export, how, moment)
        con = connect(victim)
        imported = con.execute("select count(*) from sets where source_key is not null").fetchone()
        con.close()
        assert imported is not None
        assert imported[0] in (0, ROWS), f"killed at {moment}: {imported[0]} of {ROWS} sets"
        if expected is not None:
            assert running, f"the import ended before it reached {moment}"
            assert imported[0] == expected, f"killed at {moment}: {imported[0]} sets"
        assert _earlier_rows(victim) == before
        caught.append((moment, running, imported[0]))
    print(f"kills (moment, import still running, sets imported): {caught}")
    assert any(running and n == 0 for moment, running, n in caught if moment != MOMENTS[0][1]), (
        "no kill landed inside the write"
    )
    final = _import(db_file, big_export)
    _out, err = final.communicate(timeout=600)
    assert final.returncode == 0, err
    con = connect(db_file)
    assert con.execute("select count(*) from sets where source_key is not null").fetchone() == (
        ROWS,
    )
    con.close()
    assert _earlier_rows(db_file) == before


def test_a_large_export_imports_whole_with_bounded_memory(tmp_path):
    csv = tmp_path / "large.csv"
    csv.write_text(strong_csv(LARGE_LOG), encoding="utf-8")
    db = tmp_path / "million.duckdb"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipelines.cli",
            "import",
            str(csv),
            "--db",
            str(db),
            "--unit",
            "kg",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=1200,
    )
    assert done.returncode == 0, done.stderr
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{LARGE_LOG:,}-row import: peak RSS {peak_mb:.0f} MB (earlier {before / 1024:.0f})")
    assert peak_mb < 2048, f"importing {LARGE_LOG:,} rows peaked at {peak_mb:.0f} MB"
    con = connect(db)
    assert con.execute("select count(*) from sets").fetchone() == (LARGE_LOG,)
    con.close()
