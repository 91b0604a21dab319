"""Timing a large Strong import, for `liftboard bench`."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pipelines.db import connect

# Strong's classic layout, with a realistic mix of names, set types, notes and cardio.
_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
)
_EXERCISES = (
    ("Squat (Barbell)", 100.0),
    ("Bench Press (Barbell)", 80.0),
    ("Deadlift (Barbell)", 140.0),
    ("Overhead Press (Barbell)", 50.0),
    ("Bent Over Row (Barbell)", 70.0),
    ("Lat Pulldown (Cable)", 60.0),
    ("Bicep Curl (Dumbbell)", 14.0),
    ("Pull Up", 0.0),
    ("Triceps Pushdown (Cable - Straight Bar)", 30.0),
    ("Leg Press", 180.0),
    ("Lateral Raise (Dumbbell)", 10.0),
    ("Landmine Press", 25.0),
)
SETS_PER_EXERCISE = 4
EXERCISES_PER_WORKOUT = 6


_SLICE = 100_000


def strong_csv(rows: int, *, start: int = 0, stop: int | None = None) -> str:
    """A Strong classic export of exactly `rows` set rows (deterministic).

    `start` and `stop` give a slice of those rows (the header only with the first), so a large
    file can be written a part at a time.
    """
    out = [_HEADER] if start == 0 else []
    per_workout = SETS_PER_EXERCISE * EXERCISES_PER_WORKOUT
    # Two workouts a day, ending before 2026, so even a million rows are all in the past.
    days = -(-rows // (per_workout * 2))
    first_day = dt.date(2025, 12, 31) - dt.timedelta(days=days)
    for i in range(start, rows if stop is None else stop):
        workout, within = divmod(i, per_workout)
        slot, set_no = divmod(within, SETS_PER_EXERCISE)
        name, weight = _EXERCISES[(workout + slot) % len(_EXERCISES)]
        day, second = divmod(workout, 2)
        stamp = (first_day + dt.timedelta(days=day)).isoformat()
        hour = 7 + second * 10
        order = "W" if set_no == 0 else str(set_no)
        note = '"Felt strong, 💪"' if set_no == 3 and slot == 0 else ""
        workout_note = '"Gym, busy\nbut fine"' if within == 0 else ""
        out.append(
            f'{stamp} {hour:02d}:00:00,"Workout {workout % 7}",1h 6m,"{name}",{order},'
            f"{weight + set_no * 2.5:.1f},{8 + set_no % 3}.0,0,0,{note},{workout_note},\n"
        )
    return "".join(out)


# The child process: a fresh interpreter, so the peak memory is the import's own. A one-row
# file is imported first, so the clock measures the import, not loading the libraries. The
# import goes into a database file, as a user's does (an in-memory database would count the
# stored sets and their indexes as the process's memory).
_CHILD = """
import json, sys, time
from pipelines.bench import own_peak_rss_mb
from pipelines.db import connect
from pipelines.importers import import_file
from pipelines.importers.bench import strong_csv
import_file(connect(":memory:"), strong_csv(1).encode(), unit="kg", dry_run=True)
con = connect(sys.argv[2])
started = time.perf_counter()
report = import_file(con, sys.argv[1], unit="kg")
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "peak_mb": own_peak_rss_mb(), "added": report.sets_added}))
"""


def bench_import(rows: int = 100_000) -> dict[str, float]:
    """Import a generated `rows`-row Strong CSV into a fresh database file in a child process.

    The time runs from the call of `import_file` to its return (the interpreter and its
    libraries already loaded); the memory is the child's peak resident set, loading included.

    Returns:
        `{"import_100k_s": seconds, "import_peak_rss_mb": peak resident memory in MB}` (the
        names keep `100k` whatever `rows` is, so benchmark output stays comparable; see
        `import_run` for plain names).
    """
    result = import_run(rows)
    return {"import_100k_s": result["seconds"], "import_peak_rss_mb": result["peak_mb"]}


def import_run(rows: int) -> dict[str, float]:
    """As `bench_import`: `{"seconds": …, "peak_mb": …}` for a `rows`-row import."""
    with tempfile.TemporaryDirectory(prefix="liftboard-bench-") as folder:
        path = Path(folder) / "strong.csv"
        with path.open("w", encoding="utf-8") as out:
            # Written in slices, so a million rows never sit in memory as one string.
            for start in range(0, rows, _SLICE):
                text = strong_csv(rows, start=start, stop=min(start + _SLICE, rows))
                out.write(text)
        database = fresh_database(Path(folder))
        done = subprocess.run(  # noqa: S603 - our own interpreter and script
            [sys.executable, "-c", _CHILD, str(path), str(database)],
            capture_output=True,
            text=True,
            check=True,
            timeout=1800,
        )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if int(result["added"]) != rows:
        raise RuntimeError(f"the benchmark imported {result['added']} sets, expected {rows}")
    return {
        "seconds": round(float(result["seconds"]), 3),
        "peak_mb": round(float(result["peak_mb"]), 1),
    }


def fresh_database(folder: Path) -> Path:
    """A copy of a newly migrated database file in `folder`, for the child to import into."""
    template = folder / "migrated.duckdb"
    connect(template).close()
    target = folder / "import.duckdb"
    shutil.copyfile(template, target)
    template.unlink()
    return target
