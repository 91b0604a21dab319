"""`liftboard bodyweight` and `liftboard landmarks`, run as a user runs them."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from pipelines.athletes import ensure_athlete
from pipelines.db import connect
from tests.conftest import liftboard_in_process, snapshot

liftboard = liftboard_in_process  # each command runs inside this process


def readings(path) -> list[tuple[object, ...]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(
            "select measured_on::varchar, round(bodyweight_kg, 3), entered_weight, entered_unit "
            "from bodyweights order by measured_on"
        ).fetchall()


def test_bodyweight_logs_a_reading_in_pounds_and_lists_it(db_file):
    done = liftboard("bodyweight", "--db", str(db_file), "--lb", "176", "--date", "2026-11-20")
    assert done.returncode == 0, done.stderr
    assert "176 lb (79.8 kg)" in done.stdout
    assert readings(db_file) == [("2026-11-20", 79.832, 176.0, "lb")]
    listed = liftboard("bodyweight", "--db", str(db_file))
    assert listed.returncode == 0, listed.stderr
    assert "2026-11-20  176 lb  (79.8 kg)" in listed.stdout


def test_a_second_reading_on_the_same_day_replaces_the_first(db_file):
    for kg in ("80", "80.5"):
        assert liftboard("bodyweight", "--db", str(db_file), "--kg", kg, "--date", "2026-11-20")
    assert readings(db_file) == [("2026-11-20", 80.5, 80.5, "kg")]


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--kg", "0"], "bodyweight = '0'"),
        (["--kg", "600"], "bodyweight = '600'"),
        (["--kg", "heavy"], "bodyweight = 'heavy'"),
        (["--kg", "80", "--date", "2026-02-30"], "date = '2026-02-30'"),
        (["--kg", "80", "--date", (dt.date.today() + dt.timedelta(days=9)).isoformat()], "date"),
        (["--date", "2026-11-20"], "add --kg or --lb"),
    ],
)
def test_bad_bodyweight_input_exits_2_with_a_sentence_and_changes_nothing(
    db_file, args, named, liftboard_here
):
    con = connect(db_file)
    before = snapshot(con)
    con.close()
    done = liftboard_here("bodyweight", "--db", str(db_file), "--athlete", "New Person", *args)
    assert done.returncode == 2
    assert named in done.stderr
    assert "Traceback" not in done.stderr
    con = connect(db_file)
    assert snapshot(con) == before  # not even the new athlete
    con.close()


def test_landmarks_set_show_and_reset(db_file):
    con = connect(db_file)
    ensure_athlete(con, "Me")
    con.close()
    shown = liftboard("landmarks", "show", "--db", str(db_file))
    assert shown.returncode == 0, shown.stderr
    calves = next(x for x in shown.stdout.splitlines() if x.startswith("calves"))
    assert calves.split() == ["calves", "6", "8", "12-16", "20", "default"]
    done = liftboard(
        "landmarks", "set", "calves", "--mev", "10", "--mrv", "24", "--db", str(db_file)
    )
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("calves"))
    assert line.split() == ["calves", "6", "10", "12-16", "24", "athlete"]
    reset = liftboard("landmarks", "reset", "calves", "--db", str(db_file))
    assert reset.returncode == 0, reset.stderr
    line = next(x for x in reset.stdout.splitlines() if x.startswith("calves"))
    assert line.split() == ["calves", "6", "8", "12-16", "20", "default"]


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["set", "wings", "--mev", "3"], "muscle = 'wings'"),
        (["set", "calves", "--mev", "30"], "mav_low_sets = 12"),
        (["set", "calves", "--mev", "lots"], "mev_sets = 'lots'"),
        (["set", "calves"], "give at least one of"),
        (["set", "neck", "--mev", "2"], "give all five"),
        (["show", "--athlete", "Nobody"], "athlete = 'Nobody'"),
    ],
)
def test_bad_landmarks_exit_2_with_a_sentence_and_change_nothing(
    db_file, args, named, liftboard_here
):
    con = connect(db_file)
    ensure_athlete(con, "Me")
    before = con.execute("select count(*) from athlete_volume_landmarks").fetchone()
    con.close()
    done = liftboard_here("landmarks", *args, "--db", str(db_file))
    assert done.returncode == 2, done.stdout
    assert named in done.stderr
    assert "Traceback" not in done.stderr
    with duckdb.connect(str(db_file), read_only=True) as check:
        assert check.execute("select count(*) from athlete_volume_landmarks").fetchone() == before
