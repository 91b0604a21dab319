"""A database file made by the first schema version opens with the current code, rows intact."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipelines.db import connect, migration_files

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v1.duckdb"


@pytest.fixture
def old_file(tmp_path):
    copy = tmp_path / "old.duckdb"
    shutil.copy(FIXTURE, copy)
    return copy


def test_a_first_version_file_is_upgraded_to_every_migration(old_file):
    con = connect(old_file)
    versions = [
        r[0] for r in con.execute("select version from schema_migrations order by 1").fetchall()
    ]
    assert versions == [v for v, _, _ in migration_files()]
    con.close()


def test_a_first_version_file_keeps_every_row_when_upgraded(old_file):
    con = connect(old_file)
    assert con.execute("select name, unit from athletes").fetchall() == [("Fixture Lifter", "lb")]
    sets = con.execute(
        "select exercise_id, set_type, entered_weight, entered_unit, reps, duration_s, rpe, notes "
        "from sets order by set_index"
    ).fetchall()
    assert sets == [
        ("Suitcase_Deadlift", "warmup", 25.0, "lb", 10, None, None, ""),
        ("Suitcase_Deadlift", "working", 45.0, "lb", 10, None, None, ""),
        ("Kettlebell_Sumo_High_Pull", "working", 35.0, "lb", 12, None, 8.0, ""),
        ("Superman", "working", None, None, None, 30.0, None, "felt good, 👍"),
    ]
    session = con.execute(
        "select name, template_id, bodyweight_kg, ended_at is not null from sessions"
    ).fetchall()
    assert session == [("Beginner Back and Legs", "beginner_back_legs", 80.0, True)]
    assert con.execute("select count(*) from bodyweights").fetchone() == (1,)
    con.close()


def test_upgrading_twice_changes_nothing_more(old_file):
    connect(old_file).close()
    con = connect(old_file)
    assert con.execute("select count(*) from sets").fetchone() == (4,)
    con.close()
