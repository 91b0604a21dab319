"""Exporting `sets` and importing that CSV into an empty database gives back the same sessions
and sets, every value equal; and the Strong-layout export reads back through the importer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.athletes import ensure_athlete
from pipelines.db import connect
from pipelines.demo import write_demo
from pipelines.exports import sets_export, to_csv_bytes
from pipelines.importers import import_file
from pipelines.importers.liftboard import unprotect
from pipelines.importers.strong_export import strong_csv_bytes, strong_export
from pipelines.logbook import finish_session, log_sets, start_session
from tests.conftest import copy_of, examples

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


def exported(con) -> pd.DataFrame:
    """The sets export without the session ids (a new database numbers sessions afresh)."""
    return sets_export(con).drop(columns="session_id").reset_index(drop=True)


def round_trip(con, template: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The export of `con`, and the export of a new database that imported it."""
    data = to_csv_bytes(sets_export(con))
    with copy_of(template) as fresh:
        import_file(fresh, data)
        return exported(con), exported(fresh)


def test_export_then_import_into_an_empty_database_gives_back_every_value(con, template_db):
    write_demo(con, weeks=3)
    import_file(con, FIXTURES / "strong_classic.csv", unit="kg")
    import_file(con, FIXTURES / "hevy_lbs_us.csv", athlete="Sam")
    athlete = ensure_athlete(con, "Zoë", unit="lb")
    session = start_session(
        con, athlete, "2026-05-01 06:30", name="=SUM(A1)", notes="@home\nline two, 🏋️"
    )
    log_sets(
        con,
        session,
        [
            {
                "exercise": "Suitcase Deadlift",
                "weight": 35,
                "unit": "lb",
                "reps": 10,
                "set_type": "warmup",
                "notes": "-felt light",
                "side": "left",
                "rir": 3,
            },
            {"exercise": "Superman", "seconds": 30, "notes": "+hold"},
            {"exercise": "Pull Up", "reps": 8, "rpe": 8.5},
        ],
    )

    before, after = round_trip(con, template_db)

    assert len(before) > 100
    pd.testing.assert_frame_equal(before, after)


def test_times_with_fractions_of_a_second_come_back_exactly(con, template_db):
    athlete = ensure_athlete(con, "Ann")
    start = dt.datetime(2026, 2, 3, 7, 15, 0, 123456)
    session = start_session(con, athlete, start, name="Early")
    log_sets(con, session, [{"exercise": "Pull Up", "reps": 5}])
    finish_session(con, session, start + dt.timedelta(minutes=40, microseconds=7))

    before, after = round_trip(con, template_db)

    pd.testing.assert_frame_equal(before, after)
    assert after["started_at"].iloc[0] == pd.Timestamp(start)


def test_importing_an_export_back_into_its_own_database_adds_nothing(con):
    write_demo(con, weeks=2)
    import_file(con, FIXTURES / "fitnotes_kgs.csv")
    data = to_csv_bytes(sets_export(con))

    report = import_file(con, data)

    assert (report.sets_added, report.sessions_added) == (0, 0)
    assert report.duplicates_skipped == len(sets_export(con))


def test_the_original_app_file_adds_nothing_to_a_database_restored_from_our_export(con):
    import_file(con, FIXTURES / "strong_newest.csv")
    fresh = connect(":memory:")
    try:
        import_file(fresh, to_csv_bytes(sets_export(con)))
        again = import_file(fresh, FIXTURES / "strong_newest.csv")
    finally:
        fresh.close()

    assert (again.sets_added, again.duplicates_skipped) == (0, 5)


def test_protected_text_cells_are_restored_exactly():
    cells = pd.Series(["'=1+1", "'+x", "'-y", "'@z", "'\tt", "'\rr", "'plain", "''=q", None])
    assert unprotect(cells).tolist() == [
        "=1+1",
        "+x",
        "-y",
        "@z",
        "\tt",
        "\rr",
        "'plain",
        "'=q",  # the export wrote '=q as ''=q: exactly one apostrophe is dropped
        None,
    ]


# --- property: random valid logs survive export and import -----------------------------------

EXERCISES = ("Barbell_Squat", "Pullups", "Plank", "Running_Treadmill", "Suitcase_Deadlift")
# Text with the characters that break naive CSV code: separators, quotes, line breaks, formula
# starts (also behind apostrophes of their own), emoji and other scripts.
TEXT = st.text(alphabet=st.sampled_from(list("ab ,;\"'=+-@\t\n\r.é💪日")), max_size=12)


@st.composite
def logs(draw):
    """A few sessions of valid sets for one or two athletes."""
    sessions = []
    for _ in range(draw(st.integers(1, 3))):
        sets = []
        for _ in range(draw(st.integers(1, 4))):
            exercise = draw(st.sampled_from(EXERCISES))
            entry = {
                "exercise": exercise,
                "set_type": draw(st.sampled_from(["warmup", "working", "drop", "failure"])),
                "notes": draw(TEXT),
            }
            if exercise == "Plank":
                entry["seconds"] = draw(st.integers(1, 600))
            elif exercise == "Running_Treadmill":
                entry["distance_m"] = draw(st.floats(1, 20_000).map(lambda x: round(x, 1)))
                entry["seconds"] = draw(st.integers(60, 7200))
            else:
                entry["reps"] = draw(st.integers(1, 30))
                if exercise != "Pullups":
                    entry["unit"] = draw(st.sampled_from(["kg", "lb"]))
                    entry["weight"] = draw(st.floats(0, 400).map(lambda x: round(x * 4) / 4))
                entry["rpe"] = draw(st.none() | st.integers(2, 20).map(lambda x: x / 2))
                entry["rir"] = draw(st.none() | st.integers(0, 5))
                entry["side"] = draw(st.none() | st.sampled_from(["left", "right"]))
            sets.append(entry)
        sessions.append(
            {
                "athlete": draw(st.sampled_from(["Ann", "Bo Ö"])),
                "start": dt.datetime(2025, 1, 1)
                + dt.timedelta(minutes=draw(st.integers(0, 500_000))),
                "minutes": draw(st.none() | st.integers(0, 300)),
                "name": draw(TEXT),
                "notes": draw(TEXT),
                "sets": sets,
            }
        )
    return sessions


@settings(max_examples=examples(0.2))  # each example writes and reads two whole databases
@given(logs())
def test_any_valid_log_survives_export_and_import_unchanged(template_db, log):
    with copy_of(template_db) as con:
        for item in log:
            athlete = ensure_athlete(con, item["athlete"])
            session = start_session(
                con, athlete, item["start"], name=item["name"], notes=item["notes"]
            )
            log_sets(con, session, item["sets"])
            if item["minutes"] is not None:
                finish_session(con, session, item["start"] + dt.timedelta(minutes=item["minutes"]))
        before, after = round_trip(con, template_db)
    pd.testing.assert_frame_equal(before, after)


# --- the Strong classic export ------------------------------------------------------------


def test_the_strong_export_reads_back_as_the_same_sets(con):
    import_file(con, FIXTURES / "hevy_kg.csv")
    data = strong_csv_bytes(strong_export(con, unit="kg"))
    assert data.startswith(
        b"Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
        b"Notes,Workout Notes,RPE\n"
    )
    fresh = connect(":memory:")
    try:
        report = import_file(fresh, data, unit="kg")
        rows = fresh.execute(
            "select exercise_id, set_type, weight_kg, reps, duration_s, distance_m, rpe, notes "
            "from sets order by set_index"
        ).fetchall()
    finally:
        fresh.close()
    original = con.execute(
        "select exercise_id, set_type, weight_kg, reps, duration_s, distance_m, rpe, notes "
        "from sets order by set_index"
    ).fetchall()

    assert report.layout == "strong-classic"
    assert rows == original


def test_the_export_command_writes_the_strong_layout_in_the_athletes_unit(db_file, tmp_path):
    import subprocess
    import sys

    con = connect(db_file)
    import_file(con, FIXTURES / "hevy_lbs_us.csv", athlete="Sam")
    con.close()
    out = tmp_path / "strong.csv"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipelines.cli",
            "export",
            "--db",
            str(db_file),
            "--what",
            "strong",
            "--out",
            str(out),
            "--athlete",
            "Sam",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[1] == "2026-06-11 13:01:00,Leg Day,1h 14m,Squat (Barbell),1,225.0,5,0.0,0.0,,,"
    assert lines[3] == "2026-06-11 13:01:00,Leg Day,1h 14m,Bicycling,1,0.0,0,10.0,2400.0,,,"
