"""How an import behaves as a whole: idempotence, dry runs, strictness, units, the report, the
command line, and custom exercises that count once mapped."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipelines.errors import LiftboardError
from pipelines.exercise_matching import map_exercise, unmapped_exercises
from pipelines.importers import (
    ImportRejectedError,
    UnitRequiredError,
    detect_layout,
    import_file,
    preview,
)
from tests.conftest import liftboard_in_process, snapshot

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
CLASSIC = FIXTURES / "strong_classic.csv"
# The classic export with a row that is no set at all: its date is garbage (line 22).
BROKEN = CLASSIC.read_bytes() + b'\r\n#REF!,"Legs",21min,"Leg Press",3,600,8,0,0,,,'


def count(con, table: str) -> int:
    return int(con.execute(f"select count(*) from {table}").fetchone()[0])


def test_importing_the_same_file_twice_adds_nothing_the_second_time(con):
    first = import_file(con, CLASSIC, unit="kg")
    before = snapshot(con)
    second = import_file(con, CLASSIC, unit="kg")

    assert (first.sets_added, second.sets_added) == (18, 0)
    assert (second.duplicates_skipped, second.sessions_added) == (18, 0)
    assert snapshot(con) == before


def test_a_later_export_of_the_same_account_adds_only_what_is_new(con, tmp_path):
    import_file(con, CLASSIC, unit="kg")
    later = tmp_path / "later.csv"
    later.write_bytes(
        CLASSIC.read_bytes()
        + b'\r\n2026-03-04 18:00:00,"  Legs  ",21min,"Leg Press",2,660,8,0,0,,,'
        + b'\r\n2026-03-09 07:00:00,"Push B",40m,"Bench Press (Barbell)",1,62.5,8,0,0,,,'
    )

    report = import_file(con, later, unit="kg")

    assert (report.sets_added, report.sessions_added, report.duplicates_skipped) == (2, 1, 18)
    legs = con.execute(
        "select x.set_index, x.weight_kg, x.reps from sets as x "
        "inner join sessions as s using (session_id) where s.name = 'Legs' "
        "order by x.set_index desc limit 1"
    ).fetchone()
    assert legs == (8, 660.0, 8)
    assert count(con, "sessions") == 4


def test_identical_rows_in_one_session_are_separate_sets_and_stay_so_on_reimport(con):
    import_file(con, FIXTURES / "fitnotes_kgs.csv")
    again = import_file(con, FIXTURES / "fitnotes_kgs.csv")

    assert again.sets_added == 0
    bench = con.execute(
        "select count(*) from sets where exercise_id = 'Barbell_Bench_Press_-_Medium_Grip'"
    ).fetchone()
    assert bench == (3,)


def test_a_dry_run_writes_nothing_and_reports_what_would_be_added(con):
    before = snapshot(con)
    report = import_file(con, CLASSIC, unit="kg", dry_run=True)

    assert snapshot(con) == before
    assert count(con, "changes") == 1  # only the catalog load
    assert report.sets_added == 18
    assert "would be added" in report.render()
    assert report.render().endswith("Dry run: nothing was written.")


def test_strict_rejects_the_whole_file_when_one_row_is_rejected(con):
    before = snapshot(con)
    with pytest.raises(ImportRejectedError) as caught:
        import_file(con, BROKEN, unit="kg", strict=True)

    assert snapshot(con) == before
    assert "Line 22: Date = '#REF!'" in str(caught.value)
    assert [p.row for p in caught.value.problems] == [22]


def test_strict_imports_a_file_without_rejected_rows(con):
    report = import_file(con, FIXTURES / "hevy_kg.csv", strict=True)
    assert report.sets_added == 8


def test_a_file_without_a_unit_needs_one_and_the_error_says_so(con):
    before = snapshot(con)
    with pytest.raises(UnitRequiredError, match=r"--unit kg or --unit lb"):
        import_file(con, CLASSIC)
    assert snapshot(con) == before


def test_a_file_that_carries_its_unit_does_not_need_one(con):
    assert not detect_layout(FIXTURES / "strong_android.csv").needs_unit
    assert import_file(con, FIXTURES / "strong_android.csv").sets_added == 4


def test_a_format_that_contradicts_the_header_is_refused(con):
    with pytest.raises(LiftboardError, match="looks like a Hevy export"):
        import_file(con, FIXTURES / "hevy_kg.csv", fmt="strong")


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "empty"),
        (b"name,age\nSam,30\n", "first line has 2 column"),
        (b"a,b,c,d,e,f,g,h\n1,2,3,4,5,6,7,8\n", "not the header"),
    ],
)
def test_a_file_that_is_no_known_export_is_refused_with_a_sentence(con, data, says):
    with pytest.raises(LiftboardError, match=says):
        import_file(con, data)
    assert count(con, "sets") == 0


def test_a_row_with_more_fields_than_the_header_is_rejected_alone(con):
    data = (
        b"Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time\n"
        b"2020-01-01,Deadlift,Back,100,5,,,\n"
        b"2020-01-01,Deadlift,Back,100,5,,,,extra\n"
    )
    report = import_file(con, data)

    assert report.sets_added == 1
    assert [(r.line, r.column) for r in report.rejected] == [(3, "row")]


def test_every_import_is_one_transaction_with_one_change_row(con):
    import_file(con, CLASSIC, unit="kg")
    import_file(con, FIXTURES / "hevy_kg.csv")

    whats = [r[0] for r in con.execute("select what from changes order by change_id").fetchall()]
    assert whats == ["catalog", "import", "import"]


def test_unknown_names_become_unmapped_custom_exercises_listed_with_their_sets(con):
    import_file(con, CLASSIC, unit="kg")

    unmapped = unmapped_exercises(con)
    assert unmapped[["exercise_id", "name", "sets"]].values.tolist() == [
        ["custom:jefferson-curl", "Jefferson Curl", 1]
    ]
    custom = con.execute(
        "select source, mapped, load_type from exercises where exercise_id = ?",
        ["custom:jefferson-curl"],
    ).fetchone()
    assert custom == ("custom", False, "weighted")


def test_mapping_a_custom_exercise_makes_its_past_sets_count_toward_muscles(con):
    import_file(con, CLASSIC, unit="kg")
    counted = (
        "select m.muscle_group, m.role, count(*) from sets as x "
        "inner join exercise_muscles as m on m.exercise_id = x.exercise_id "
        "where x.exercise_id = 'custom:jefferson-curl' group by all order by 1"
    )
    assert con.execute(counted).fetchall() == []

    map_exercise(con, "custom:jefferson-curl", "Standing_Military_Press")

    catalog = con.execute(
        "select muscle_group, role, 1 from exercise_muscles "
        "where exercise_id = 'Standing_Military_Press' order by 1"
    ).fetchall()
    assert catalog
    # The set now belongs to the catalog exercise (the same lift), so it counts toward its muscles.
    moved = (
        "select m.muscle_group, m.role, count(*) from sets as x "
        "inner join mapped_sets as s on s.set_id = x.set_id "
        "inner join exercise_muscles as m on m.exercise_id = x.exercise_id "
        "where s.exercise_id = 'custom:jefferson-curl' group by all order by 1"
    )
    assert con.execute(moved).fetchall() == catalog
    assert unmapped_exercises(con).empty
    # The name now lands on the mapped exercise on the next import, which adds nothing.
    assert import_file(con, CLASSIC, unit="kg").sets_added == 0


def test_the_athlete_named_is_created_with_the_files_unit(con):
    import_file(con, FIXTURES / "hevy_lbs_us.csv", athlete="  Sam ")

    assert con.execute("select name, unit from athletes").fetchall() == [("Sam", "lb")]


def test_two_athletes_can_import_the_same_file(con):
    import_file(con, FIXTURES / "hevy_kg.csv", athlete="Ann")
    report = import_file(con, FIXTURES / "hevy_kg.csv", athlete="Bob")

    assert report.sets_added == 8
    assert count(con, "sessions") == 2


def test_progress_is_reported_from_start_to_finish(con):
    seen: list[float] = []
    import_file(con, CLASSIC, unit="kg", progress=lambda fraction, _text: seen.append(fraction))

    assert seen == sorted(seen)
    assert seen[-1] == 1.0
    assert len(seen) >= 5


def test_the_preview_shows_the_first_rows_under_the_files_own_headers():
    shown = preview(FIXTURES / "strong_german.csv", limit=2)

    assert shown.needs_unit
    assert list(shown.rows.columns[:4]) == ["line", "Datum", "Workout-Name", "Dauer"]
    assert shown.rows["Name der Übung"].tolist() == [
        "Kreuzheben (Langhantel)",
        "Kreuzheben (Langhantel)",
    ]


def test_the_report_renders_every_count_as_text(con):
    text = import_file(con, BROKEN, unit="kg").render()

    assert "Read 20 row(s) of a Strong export (classic layout; no unit column) for Me." in text
    assert "Sets added: 18 in 3 new session(s)." in text
    assert "The file holds 18 set(s) in 3 workout(s), from 2026-03-02 to 2026-03-06." in text
    assert "Rows that are not sets (skipped): 1 (1 rest timer)." in text
    assert (
        "Rows rejected: 1.\n  1 row(s): it is not a date and time:\n      line 22, Date = '#REF!'"
        in text
    )
    assert "line 19, Weight = 'abc'" in text
    assert "Jefferson Curl (1 set(s)) → custom:jefferson-curl" in text
    assert "17 of 18 set(s) (94.4%)" in text
    assert "Recorded as import 1; `liftboard import --undo 1` takes it back out." in text


liftboard = liftboard_in_process  # each command runs inside this process


def test_the_import_command_prints_the_report_and_exits_0(db_file):
    done = liftboard("import", str(CLASSIC), "--db", str(db_file), "--unit", "kg")

    assert done.returncode == 0, done.stderr
    assert "Sets added: 18 in 3 new session(s)." in done.stdout
    with duckdb.connect(str(db_file), read_only=True) as con:
        assert con.execute("select count(*) from sets").fetchone() == (18,)


def test_the_import_command_exits_2_with_a_sentence_when_the_unit_is_missing(db_file):
    done = liftboard("import", str(CLASSIC), "--db", str(db_file))

    assert done.returncode == 2
    assert "--unit kg or --unit lb" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_import_command_in_strict_dry_run_modes(db_file, tmp_path):
    broken = tmp_path / "broken.csv"
    broken.write_bytes(BROKEN)
    dry = liftboard("import", str(FIXTURES / "hevy_kg.csv"), "--db", str(db_file), "--dry-run")
    strict = liftboard("import", str(broken), "--db", str(db_file), "--unit", "kg", "--strict")
    missing = liftboard("import", str(FIXTURES / "nope.csv"), "--db", str(db_file))

    assert dry.returncode == 0
    assert "Dry run: nothing was written." in dry.stdout
    assert strict.returncode == 2
    assert "nothing is imported" in strict.stderr
    assert missing.returncode == 2
    assert "does not exist" in missing.stderr
    with duckdb.connect(str(db_file), read_only=True) as con:
        assert con.execute("select count(*) from sets").fetchone() == (0,)


def test_a_file_name_with_pattern_characters_is_read_as_written(con, tmp_path):
    odd = tmp_path / "export [1]" / "hevy*?.csv"
    odd.parent.mkdir()
    odd.write_bytes((FIXTURES / "hevy_kg.csv").read_bytes())

    assert import_file(con, odd).sets_added == 8
