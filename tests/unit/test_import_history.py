"""Every import is recorded and can be undone; a full disk during an import is a sentence."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import pytest

from pipelines.db import connect
from pipelines.errors import LiftboardError
from pipelines.importers import ImportReport, import_file, past_imports, undo_import
from pipelines.weekly_volume import weekly_muscle_volume
from tests.conftest import liftboard_in_process, snapshot
from tests.unit.test_reliability import tiny_filesystem

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
CLASSIC = FIXTURES / "strong_classic.csv"
LATER = CLASSIC.read_bytes() + (
    b'\r\n2026-03-04 18:00:00,"  Legs  ",21min,"Leg Press",2,660,8,0,0,,,'
    b'\r\n2026-03-09 07:00:00,"Push B",40m,"Bench Press (Barbell)",1,62.5,8,0,0,,,'
)


def what_was_logged(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int]]:
    """Sessions and sets as `snapshot` sees them (the imports' own records aside)."""
    seen = snapshot(con)
    return {table: seen[table] for table in ("sessions", "sets")}


def number(report: ImportReport) -> int:
    """The id an import was recorded under (a dry run has none)."""
    assert report.import_id is not None
    return report.import_id


liftboard = liftboard_in_process  # each command runs inside this process


def test_an_import_is_recorded_with_its_file_checksum_layout_and_counts(con):
    report = import_file(con, CLASSIC, unit="kg")

    row = past_imports(con).iloc[0]
    assert report.import_id == int(row["import_id"]) == 1
    assert row["file_name"] == "strong_classic.csv"
    assert row["checksum"] == hashlib.sha256(CLASSIC.read_bytes()).hexdigest()
    assert row["layout_description"] == "a Strong export (classic layout; no unit column)"
    assert row["weight_unit"] == "kg"
    assert (row["rows_read"], row["sets_added"], row["sessions_added"]) == (19, 18, 3)
    assert (row["rejected_rows"], row["flagged_values"]) == (0, 5)
    linked = con.execute("select count(*) from import_sessions where import_id = 1").fetchone()
    assert linked == (3,)


def test_a_dry_run_records_nothing(con):
    import_file(con, CLASSIC, unit="kg", dry_run=True)
    assert past_imports(con).empty


def test_undoing_an_import_removes_its_sessions_and_sets_and_nothing_else(con):
    import_file(con, FIXTURES / "hevy_kg.csv")
    before = what_was_logged(con)
    weeks_before = weekly_muscle_volume(con)
    report = import_file(con, CLASSIC, unit="kg")

    undone = undo_import(con, number(report))

    assert (undone.sessions, undone.sets) == (3, 18)
    assert what_was_logged(con) == before
    assert weekly_muscle_volume(con).equals(weeks_before)
    assert past_imports(con)["undone_at"].notna().tolist() == [True, False]


def test_undoing_a_later_import_removes_only_the_sets_it_added_to_earlier_workouts(con):
    import_file(con, CLASSIC, unit="kg")
    before = what_was_logged(con)
    later = import_file(con, LATER, unit="kg", file_name="later.csv")
    assert (later.sets_added, later.sessions_added) == (2, 1)

    undone = undo_import(con, number(later))

    assert (undone.sessions, undone.sets) == (1, 2)
    assert what_was_logged(con) == before
    assert con.execute("select count(*) from sets where weight_kg = 660").fetchone() == (0,)


def test_an_undone_import_can_be_imported_again(con):
    first = import_file(con, CLASSIC, unit="kg")
    undo_import(con, number(first))

    again = import_file(con, CLASSIC, unit="kg")

    assert (again.sets_added, again.duplicates_skipped) == (18, 0)


def test_undoing_twice_or_an_unknown_import_is_a_sentence(con):
    report = import_file(con, CLASSIC, unit="kg")
    undo_import(con, number(report))
    before = snapshot(con)

    with pytest.raises(LiftboardError, match=r"^Import 1 \(strong_classic.csv\) was undone"):
        undo_import(con, number(report))
    with pytest.raises(LiftboardError, match="There is no import number 7"):
        undo_import(con, 7)
    assert snapshot(con) == before


def test_the_command_line_lists_and_undoes_imports(db_file):
    imported = liftboard("import", str(CLASSIC), "--db", str(db_file), "--unit", "kg")
    listed = liftboard("import", "--list", "--db", str(db_file))
    undone = liftboard("import", "--undo", "1", "--db", str(db_file))
    unknown = liftboard("import", "--undo", "9", "--db", str(db_file))

    assert "`liftboard import --undo 1` takes it back out." in imported.stdout
    assert listed.returncode == 0
    assert "1: " in listed.stdout
    assert "strong_classic.csv, a Strong export (classic layout; no unit column), for Me: " in (
        listed.stdout
    )
    assert "18 set(s) in 3 new session(s)" in listed.stdout
    assert undone.returncode == 0, undone.stderr
    assert undone.stdout.startswith(
        "Import 1 (strong_classic.csv) was undone: 18 set(s) and 3 session(s) removed. "
        "A copy from before is kept at "
    )
    assert unknown.returncode == 2
    assert "There is no import number 9" in unknown.stderr
    with duckdb.connect(str(db_file), read_only=True) as con:
        assert con.execute("select count(*) from sets").fetchone() == (0,)
    (copy,) = (db_file.parent / "liftboard-backups").glob("*-before-undo.duckdb")
    assert copy.name in undone.stdout
    with duckdb.connect(str(copy), read_only=True) as before:
        assert before.execute("select count(*) from sets").fetchone() == (18,)


def test_the_command_line_writes_the_problems_as_csv(db_file, tmp_path):
    out = tmp_path / "problems.csv"
    done = liftboard(
        "import", str(CLASSIC), "--db", str(db_file), "--unit", "kg", "--problems-csv", str(out)
    )

    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").splitlines()[0] == "kind,line,column,value,reason"
    assert len(out.read_text(encoding="utf-8").splitlines()) == 6


def test_an_import_on_a_full_disk_exits_2_with_a_sentence_and_changes_nothing(tmp_path):
    big = tmp_path / "big.csv"
    header = CLASSIC.read_text(encoding="utf-8").splitlines()[0]
    rows = [
        f'2025-{1 + i // 2000 % 12:02d}-{1 + i // 80 % 25:02d} 07:00:00,"W{i // 40}",1h,'
        f'"Squat (Barbell)",{i % 40 + 1},{100 + i % 50},5,0,0,"{"x" * 200}",,'
        for i in range(40_000)
    ]
    big.write_text("\n".join([header, *rows]), encoding="utf-8")
    with tiny_filesystem(tmp_path / "disk", "24m") as disk:
        path = disk / "full.duckdb"
        con = connect(path)
        import_file(con, CLASSIC, unit="kg")
        before = snapshot(con)
        con.close()
        filler = disk / "filler"
        free = shutil.disk_usage(disk).free
        filler.write_bytes(b"\0" * max(free - 256 * 1024, 0))

        done = liftboard("import", str(big), "--db", str(path), "--unit", "kg")

        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        assert "disk that holds the database is full" in done.stderr
        assert "unexpected problem" not in done.stderr
        filler.unlink()
        again = connect(path)
        assert snapshot(again) == before
        assert len(past_imports(again)) == 1
        again.close()
