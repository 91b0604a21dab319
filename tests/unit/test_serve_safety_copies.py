"""Before an upgrade or a restore replaces data, a copy of the file is kept beside it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from pipelines.backup import SAFETY_FOLDER, SAFETY_KEEP, backup, safety_copy
from pipelines.db import connect, migration_files
from pipelines.demo import write_demo
from tests.conftest import ROOT, snapshot

OLD_FILE = ROOT / "tests" / "fixtures" / "schema_v1.duckdb"


def liftboard(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipelines.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={k: v for k, v in os.environ.items() if not k.startswith("LIFTBOARD_")},
    )


def copies(db: Path) -> list[Path]:
    return sorted((db.parent / SAFETY_FOLDER).glob(f"{db.stem}-*.duckdb"))


def test_restoring_over_data_keeps_a_copy_of_it_and_says_where(tmp_path):
    db = tmp_path / "mine.duckdb"
    con = connect(db)
    write_demo(con, weeks=2)
    before = snapshot(con)
    con.close()
    other = connect(tmp_path / "other.duckdb")
    backup(other, tmp_path / "other-backup.duckdb")
    other.close()

    done = liftboard("restore", str(tmp_path / "other-backup.duckdb"), "--db", str(db), "--force")
    assert done.returncode == 0, done.stderr
    [kept] = copies(db)
    assert f"Kept a copy of the data it replaced at {kept}." in done.stdout
    kept_con = connect(kept)
    assert snapshot(kept_con) == before
    kept_con.close()


def test_only_the_last_five_copies_are_kept(tmp_path):
    db = tmp_path / "mine.duckdb"
    con = connect(db)
    made = [safety_copy(con, db, "restore") for _ in range(SAFETY_KEEP + 2)]
    con.close()
    assert copies(db) == made[-SAFETY_KEEP:]


def test_upgrading_an_older_file_keeps_it_as_it_was_first(tmp_path):
    db = tmp_path / "old.duckdb"
    shutil.copy(OLD_FILE, db)
    with duckdb.connect(str(OLD_FILE), read_only=True) as original:
        sets_before = original.execute("select count(*) from sets").fetchall()

    done = liftboard("export", "--what", "sets", "--out", "-", "--db", str(db))
    assert done.returncode == 0, done.stderr
    [kept] = copies(db)
    assert f"the file as it was is kept at {kept}" in done.stderr
    with duckdb.connect(str(kept), read_only=True) as copy:
        versions = copy.execute("select max(version) from schema_migrations").fetchall()
        assert versions[0][0] < migration_files()[-1][0]  # the old schema, not upgraded
        assert copy.execute("select count(*) from sets").fetchall() == sets_before

    again = liftboard("export", "--what", "sets", "--out", "-", "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert copies(db) == [kept]  # a current file is not copied again
    assert "kept at" not in again.stderr
