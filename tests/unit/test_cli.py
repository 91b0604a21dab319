"""The `liftboard` command, run as a user runs it: a subprocess with exit codes and stderr."""

from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest


def liftboard(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipelines.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def count_sets(path) -> int:
    if not path.exists():
        return 0
    with duckdb.connect(str(path), read_only=True) as con:
        row = con.execute("select count(*) from sets").fetchone()
    assert row is not None
    return int(row[0])


def test_log_adds_one_set(db_file):
    done = liftboard(
        "log",
        "--db",
        str(db_file),
        "--date",
        "2026-11-20",
        "--exercise",
        "Suitcase Deadlift",
        "--weight-kg",
        "20",
        "--reps",
        "10",
    )
    assert done.returncode == 0, done.stderr
    assert "Logged set" in done.stdout
    assert count_sets(db_file) == 1


def test_log_in_pounds_stores_kilograms(db_file):
    done = liftboard(
        "log",
        "--db",
        str(db_file),
        "--date",
        "2026-11-20",
        "--exercise",
        "Squat (Barbell)",
        "--weight-lb",
        "225",
        "--reps",
        "5",
    )
    assert done.returncode == 0, done.stderr
    with duckdb.connect(str(db_file), read_only=True) as con:
        row = con.execute("select weight_kg from sets").fetchone()
    assert row is not None
    assert row[0] == pytest.approx(102.05828325)


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--reps", "-3"], "reps"),
        (["--weight-kg", "abc", "--reps", "5"], "weight"),
        (["--exercise", "No Such Lift", "--reps", "5"], "exercise"),
        (["--date", "2026-13-40", "--reps", "5"], "date"),
        (["--rpe", "11", "--reps", "5"], "rpe"),
        (["--set-type", "heavy", "--reps", "5"], "set_type"),
        ([], "reps"),
    ],
)
def test_bad_log_input_exits_2_with_a_sentence_and_adds_nothing(
    db_file, args, named, liftboard_here
):
    base = {"--date": "2026-11-20", "--exercise": "Suitcase Deadlift"}
    for flag in ("--date", "--exercise"):
        if flag in args:
            base.pop(flag)
    argv = ["log", "--db", str(db_file)] + [x for kv in base.items() for x in kv] + args
    done = liftboard_here(*argv)
    assert done.returncode == 2
    assert named in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().endswith(".")
    assert count_sets(db_file) == 0


def test_a_missing_required_option_is_a_sentence_not_a_traceback(db_file):
    done = liftboard("log", "--db", str(db_file), "--exercise", "Pullups")
    assert done.returncode == 2
    assert "--date" in done.stderr
    assert "Traceback" not in done.stderr


def test_demo_writes_a_log_and_running_it_again_adds_nothing(db_file):
    first = liftboard("demo", "--db", str(db_file), "--weeks", "8")
    assert first.returncode == 0, first.stderr
    sets = count_sets(db_file)
    assert sets > 200
    again = liftboard("demo", "--db", str(db_file), "--weeks", "8")
    assert again.returncode == 0
    assert "added 0 sessions and 0 sets" in again.stdout
    assert count_sets(db_file) == sets


def test_demo_rejects_a_nonsense_number_of_weeks(db_file):
    done = liftboard("demo", "--db", str(db_file), "--weeks", "0")
    assert done.returncode == 2
    assert "weeks" in done.stderr


def test_an_unwritable_database_folder_is_a_sentence(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    done = liftboard(
        "log",
        "--db",
        str(blocker / "x.duckdb"),
        "--date",
        "2026-11-20",
        "--exercise",
        "Pullups",
        "--reps",
        "5",
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "cannot be created" in done.stderr
