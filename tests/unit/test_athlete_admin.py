"""Renaming and deleting an athlete: only that athlete's rows move or go, every table."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from pipelines.athletes import delete_athlete, ensure_athlete, log_bodyweight, rename_athlete
from pipelines.cli import main
from pipelines.db import connect
from pipelines.errors import LiftboardError, ValidationError
from pipelines.importers import import_file
from pipelines.volume_targets import set_volume_landmarks
from pipelines.weekly_volume import weekly_muscle_volume
from tests.conftest import log_day

STRONG = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
    "2025-09-03 07:00:00,Pull day,45m,Pull Up,1,0,8,0,0,,,\n"
)
LANDMARK = {
    "muscle_group": "calves",
    "mv_sets": 4,
    "mev_sets": 6,
    "mav_low_sets": 8,
    "mav_high_sets": 12,
    "mrv_sets": 16,
}
# Every table that holds rows of one athlete, and how to count that athlete's rows in it.
PER_ATHLETE = {
    "athletes": "select count(*) from athletes where athlete_id = $a",
    "sessions": "select count(*) from sessions where athlete_id = $a",
    "sets": "select count(*) from sets join sessions using (session_id) where athlete_id = $a",
    "bodyweights": "select count(*) from bodyweights where athlete_id = $a",
    "athlete_volume_landmarks": "select count(*) from athlete_volume_landmarks "
    "where athlete_id = $a",
    "volume_cells": "select count(*) from volume_cells where athlete_id = $a",
    "imports": "select count(*) from imports where athlete = $name",
    "import_sessions": "select count(*) from import_sessions join sessions using (session_id) "
    "where athlete_id = $a",
}


def _train(con: duckdb.DuckDBPyConnection, name: str) -> int:
    """An athlete with one of everything: sessions, sets, bodyweight, landmarks, an import."""
    me = ensure_athlete(con, name, unit="lb")
    log_day(con, me, 0, [{"exercise": "Barbell Squat", "weight": 225, "reps": 5}], minutes=40)
    log_day(con, me, 2, [{"exercise": "RDL", "weight": 135, "reps": 8}])
    log_bodyweight(con, me, dt.date(2025, 9, 1), 180, "lb")
    set_volume_landmarks(con, me, [LANDMARK])
    import_file(con, STRONG.encode(), unit="kg", athlete=name, file_name="strong.csv")
    weekly_muscle_volume(con, athlete_id=me)  # fills the kept weekly cells
    return me


def _counts(con: duckdb.DuckDBPyConnection, athlete_id: int, name: str) -> dict[str, int]:
    counts = {}
    for table, sql in PER_ATHLETE.items():
        params: dict[str, object] = {"a": athlete_id} if "$a" in sql else {"name": name}
        row = con.execute(sql, params).fetchone()
        assert row is not None
        counts[table] = int(row[0])
    return counts


def test_deleting_an_athlete_removes_every_row_of_theirs_and_no_one_elses(con):
    sam, kim = _train(con, "Sam"), _train(con, "Kim")
    before_kim = _counts(con, kim, "Kim")
    assert all(before_kim.values()), before_kim  # each table really holds a row of theirs
    assert all(_counts(con, sam, "Sam").values())
    delete_athlete(con, sam, "  sam ")
    assert _counts(con, sam, "Sam") == dict.fromkeys(PER_ATHLETE, 0)
    assert _counts(con, kim, "Kim") == before_kim
    orphans = con.execute(
        "select (select count(*) from sets where session_id not in (select session_id from "
        "sessions)) + (select count(*) from import_sets where set_id not in (select set_id "
        "from sets))"
    ).fetchone()
    assert orphans == (0,)


def test_deleting_needs_the_athletes_name_typed(con):
    sam = _train(con, "Sam")
    with pytest.raises(ValidationError, match="type the athlete's name, 'Sam', to confirm"):
        delete_athlete(con, sam, "Kim")
    assert _counts(con, sam, "Sam")["sets"] == 3


def test_renaming_keeps_every_row_of_the_athlete_under_the_new_name(con):
    sam, kim = _train(con, "Sam"), _train(con, "Kim")
    before, before_kim = _counts(con, sam, "Sam"), _counts(con, kim, "Kim")
    set_ids = sorted(
        r[0]
        for r in con.execute(
            "select set_id from sets join sessions using (session_id) where athlete_id = ?", [sam]
        ).fetchall()
    )
    new_id = rename_athlete(con, sam, " Samantha ")
    assert con.execute(
        "select name, unit from athletes where athlete_id = ?", [new_id]
    ).fetchall() == [("Samantha", "lb")]
    assert _counts(con, new_id, "Samantha") == before
    assert _counts(con, sam, "Sam") == dict.fromkeys(PER_ATHLETE, 0)
    assert _counts(con, kim, "Kim") == before_kim
    assert (
        sorted(
            r[0]
            for r in con.execute(
                "select set_id from sets join sessions using (session_id) where athlete_id = ?",
                [new_id],
            ).fetchall()
        )
        == set_ids
    )
    assert not weekly_muscle_volume(con, athlete_id=new_id).empty


def test_renaming_to_another_athletes_name_is_refused_with_a_sentence(con):
    sam = ensure_athlete(con, "Sam")
    ensure_athlete(con, "Kim")
    with pytest.raises(LiftboardError, match="already an athlete called 'kim'"):
        rename_athlete(con, sam, "kim")
    with pytest.raises(ValidationError, match="name"):
        rename_athlete(con, sam, "   ")
    assert con.execute("select name from athletes order by athlete_id").fetchall() == [
        ("Sam",),
        ("Kim",),
    ]


def test_a_case_only_rename_keeps_the_athlete(con):
    sam = _train(con, "sam")
    new_id = rename_athlete(con, sam, "Sam")
    assert con.execute("select name from athletes").fetchall() == [("Sam",)]
    assert _counts(con, new_id, "Sam")["sets"] == 3


def test_the_command_line_renames_and_deletes_with_sentences(db_file, capsys):
    con = connect(db_file)
    _train(con, "Sam")
    ensure_athlete(con, "Kim")
    con.close()
    db = ["--db", str(db_file)]
    assert main(["athlete", "rename", "sam", "Samantha", *db]) == 0
    assert main(["athlete", "delete", "Kim", "--confirm", "Kip", *db]) == 2
    assert "type the athlete's name, 'Kim', to confirm" in capsys.readouterr().err
    assert main(["athlete", "delete", "Nobody", "--confirm", "Nobody", *db]) == 2
    assert "There is no athlete called 'Nobody'" in capsys.readouterr().err
    assert main(["athlete", "delete", "kim", "--confirm", "KIM", *db]) == 0
    assert main(["athlete", "list", *db]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Samantha\tlb\t3 sessions"
