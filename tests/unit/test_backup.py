"""Backup and restore: a restored database equals the original; nothing is overwritten silently."""

from __future__ import annotations

import pytest

from pipelines.athletes import ensure_athlete
from pipelines.backup import backup, backup_bytes, restore
from pipelines.db import connect
from pipelines.demo import write_demo
from pipelines.errors import LiftboardError
from pipelines.logbook import log_sets, start_session
from tests.conftest import liftboard_in_process, snapshot

liftboard = liftboard_in_process  # each command runs inside this process


@pytest.fixture
def filled(db_file):
    con = connect(db_file)
    write_demo(con, weeks=3)
    con.close()
    return db_file


def test_a_restored_database_equals_the_original(filled, tmp_path):
    con = connect(filled)
    original = snapshot(con)
    backup(con, tmp_path / "backup.duckdb")
    con.close()
    target = tmp_path / "restored.duckdb"
    restore(tmp_path / "backup.duckdb", target)
    restored = connect(target)
    assert snapshot(restored) == original
    restored.close()


def test_a_restored_database_keeps_counting_ids_from_where_it_was(filled, tmp_path):
    con = connect(filled)
    row = con.execute("select max(set_id) from sets").fetchone()
    assert row is not None
    highest = row[0]
    backup(con, tmp_path / "b.duckdb")
    con.close()
    target = tmp_path / "r.duckdb"
    restore(tmp_path / "b.duckdb", target)
    again = connect(target)
    athlete = ensure_athlete(again, "New")
    new_id = log_sets(
        again, start_session(again, athlete, "2026-11-02"), [{"exercise": "Pullups", "reps": 5}]
    )[0]
    assert new_id > highest
    again.close()


def test_restore_refuses_to_overwrite_data_without_force(filled, tmp_path):
    con = connect(filled)
    backup(con, tmp_path / "b.duckdb")
    before = snapshot(con)
    con.close()
    with pytest.raises(LiftboardError, match="--force"):
        restore(tmp_path / "b.duckdb", filled)
    con = connect(filled)
    assert snapshot(con) == before
    con.close()
    restore(tmp_path / "b.duckdb", filled, force=True)


def test_backup_refuses_to_overwrite_a_file_without_force(filled, tmp_path):
    out = tmp_path / "b.duckdb"
    out.write_text("precious")
    con = connect(filled)
    with pytest.raises(LiftboardError, match="already exists"):
        backup(con, out)
    con.close()
    assert out.read_text() == "precious"


def test_restoring_something_that_is_not_a_backup_is_a_sentence(tmp_path, db_file):
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"\x00not a database at all" * 100)
    with pytest.raises(LiftboardError, match="not a Liftboard backup"):
        restore(junk, db_file)
    assert not db_file.exists()


def test_backup_bytes_is_a_database_that_restores(filled, tmp_path):
    con = connect(filled)
    data = backup_bytes(con)
    original = snapshot(con)
    con.close()
    (tmp_path / "download.duckdb").write_bytes(data)
    restore(tmp_path / "download.duckdb", tmp_path / "fresh.duckdb")
    fresh = connect(tmp_path / "fresh.duckdb")
    assert snapshot(fresh) == original
    fresh.close()


def test_backup_and_restore_commands_round_trip(filled, tmp_path):
    out = tmp_path / "cli-backup.duckdb"
    done = liftboard("backup", "--db", str(filled), "--out", str(out))
    assert done.returncode == 0, done.stderr
    refused = liftboard("restore", str(out), "--db", str(filled))
    assert refused.returncode == 2
    assert "--force" in refused.stderr
    assert "Traceback" not in refused.stderr
    forced = liftboard("restore", str(out), "--db", str(filled), "--force")
    assert forced.returncode == 0, forced.stderr
    missing = liftboard("restore", str(tmp_path / "nope.duckdb"), "--db", str(filled))
    assert missing.returncode == 2
    assert "no backup file" in missing.stderr
