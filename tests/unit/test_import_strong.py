"""Strong's exports, every layout: exact sessions, sets, set types, units and what was skipped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipelines.importers import detect_layout, import_file
from pipelines.schemas import LB_TO_KG

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
BENCH = "Barbell_Bench_Press_-_Medium_Grip"


def sessions(con: duckdb.DuckDBPyConnection) -> list[tuple[Any, ...]]:
    return con.execute(
        "select started_at, ended_at, name, notes, source, source_key from sessions "
        "order by started_at"
    ).fetchall()


def sets(con: duckdb.DuckDBPyConnection) -> list[tuple[Any, ...]]:
    """(session name, set index, exercise id, type, kg, entered, unit, reps, s, m, rpe, notes)."""
    return con.execute(
        "select s.name, x.set_index, x.exercise_id, x.set_type, x.weight_kg, x.entered_weight, "
        "x.entered_unit, x.reps, x.duration_s, x.distance_m, x.rpe, x.notes "
        "from sets as x inner join sessions as s using (session_id) "
        "order by s.started_at, x.set_index"
    ).fetchall()


def test_the_classic_fixture_keeps_its_quirks():
    data = (FIXTURES / "strong_classic.csv").read_bytes()
    assert b"\r\n" in data
    assert not data.endswith(b"\n")
    assert b'"Chest day, \xf0\x9f\x92\xaa\r\nnew bar at the gym"' in data


def test_classic_layout_gives_exact_sessions_and_sets(con):
    report = import_file(con, FIXTURES / "strong_classic.csv", unit="kg")

    assert sessions(con) == [
        (
            dt.datetime(2026, 3, 2, 7, 15),
            dt.datetime(2026, 3, 2, 8, 21),
            "Push A",
            "Chest day, 💪\nnew bar at the gym",
            "strong",
            "2026-03-02 07:15:00|Push A",
        ),
        (
            dt.datetime(2026, 3, 4, 18, 0),
            dt.datetime(2026, 3, 4, 18, 21),
            "Legs",
            "",
            "strong",
            "2026-03-04 18:00:00|Legs",
        ),
        (
            dt.datetime(2026, 3, 6, 19, 0),
            dt.datetime(2026, 3, 8, 21, 3),
            "Forgot to stop",
            "",
            "strong",
            "2026-03-06 19:00:00|Forgot to stop",
        ),
    ]
    assert sets(con) == [
        ("Push A", 1, BENCH, "warmup", 40.0, 40.0, "kg", 10, None, None, None, ""),
        ("Push A", 2, BENCH, "working", 60.0, 60.0, "kg", 8, None, None, 8.5, 'Paused, "2 sec"'),
        ("Push A", 3, BENCH, "working", 60.0, 60.0, "kg", 8, None, None, 9.0, ""),
        ("Push A", 4, BENCH, "drop", 40.0, 40.0, "kg", 12, None, None, None, ""),
        ("Push A", 5, "Triceps_Pushdown", "working", 25.0, 25.0, "kg", 12, None, None, None, ""),
        ("Push A", 6, "Triceps_Pushdown", "failure", 25.0, 25.0, "kg", 15, None, None, None, ""),
        ("Push A", 7, "Pullups", "working", None, None, None, 8, None, None, None, ""),
        ("Push A", 8, "Pullups", "working", None, None, None, 7, None, None, None, ""),
        ("Push A", 9, "Plank", "working", None, None, None, None, 60.0, None, None, ""),
        (
            "Push A",
            10,
            "Running_Treadmill",
            "working",
            None,
            None,
            None,
            None,
            1500.0,
            5000.0,
            None,
            "",
        ),
        (
            "Legs",
            1,
            "Barbell_Squat",
            "working",
            100.0,
            100.0,
            "kg",
            5,
            None,
            None,
            None,
            "Коленные бинты, 🦵",
        ),
        (
            "Legs",
            2,
            "Barbell_Squat",
            "working",
            100.0,
            100.0,
            "kg",
            5,
            None,
            None,
            None,
            "Коленные бинты, 🦵",
        ),
        ("Legs", 3, "custom:jefferson-curl", "working", 20.0, 20.0, "kg", 10, None, None, None, ""),
        ("Legs", 4, "Leg_Press", "working", 650.0, 650.0, "kg", 10, None, None, None, ""),
        ("Legs", 5, "Leg_Extensions", "working", 30.0, 30.0, "kg", 120, None, None, None, ""),
        # An unreadable weight and a 2,956 kg one: the sets are kept, the weights left out.
        ("Legs", 6, "Barbell_Deadlift", "working", None, None, None, 5, None, None, None, ""),
        ("Legs", 7, "Barbell_Deadlift", "working", None, 2956.0, "kg", 1, None, None, None, ""),
        (
            "Forgot to stop",
            1,
            "Wide-Grip_Lat_Pulldown",
            "working",
            50.0,
            50.0,
            "kg",
            10,
            None,
            None,
            None,
            "",
        ),
    ]
    assert report.layout == "strong-classic"
    assert report.rows_read == 19
    assert (report.sets_added, report.sessions_added, report.duplicates_skipped) == (18, 3, 0)
    assert dict(report.non_set_rows) == {"rest timer": 1}


def test_classic_layout_keeps_unlikely_values_and_flags_them_by_line(con):
    report = import_file(con, FIXTURES / "strong_classic.csv", unit="kg")

    # Line 1 is the header; the first record spans lines 2-3 (a quoted line break).
    assert report.rejected == []
    assert [(f.line, f.column, f.value, f.reason) for f in report.flags] == [
        (17, "Weight", "650 kg", "over 500 kg: imported, check it"),
        (18, "Reps", "120", "more than 100 reps: imported, check it"),
        (19, "Weight", "abc", "the weight is not a number: the set was kept without it"),
        (
            20,
            "Weight",
            "2956 kg",
            "over 1000 kg: kept as entered, left out of loads, tonnage and records",
        ),
        (
            21,
            "Duration",
            "50 h 3 min",
            "a workout longer than 12 h (perhaps never ended): imported, check it",
        ),
    ]
    assert [(u.name, u.exercise_id, u.sets) for u in report.unmapped] == [
        ("Jefferson Curl", "custom:jefferson-curl", 1)
    ]
    assert (report.sets_matched, report.sets_total) == (17, 18)


def test_classic_layout_in_pounds_converts_weights_and_reads_distances_in_miles(con):
    import_file(con, FIXTURES / "strong_classic.csv", unit="lb")

    first = sets(con)[0]
    assert first[4:7] == (pytest.approx(40 * LB_TO_KG), 40.0, "lb")
    running = next(row for row in sets(con) if row[2] == "Running_Treadmill")
    assert running[9] == pytest.approx(5 * 1609.344)
    assert con.execute("select unit from athletes").fetchall() == [("lb",)]


def test_the_classic_layout_without_notes_reads_rpe_from_the_last_column(con):
    import_file(con, FIXTURES / "strong_classic_no_notes.csv", unit="kg")

    assert [(r[2], r[4], r[7], r[10]) for r in sets(con)] == [
        ("Barbell_Deadlift", 140.0, 3, 8.0),
        ("Barbell_Deadlift", 140.0, 3, None),
    ]
    assert sessions(con)[0][1] == dt.datetime(2026, 2, 10, 7, 15)


def test_the_2019_layout_with_a_bom_has_no_duration_and_keeps_first_row_workout_notes(con):
    assert (FIXTURES / "strong_2019.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    report = import_file(con, FIXTURES / "strong_2019.csv", unit="kg")

    assert report.layout == "strong-2019"
    assert sessions(con) == [
        (
            dt.datetime(2019, 5, 1, 17, 0),
            None,
            "Upper",
            "Tired today",
            "strong",
            "2019-05-01 17:00:00|Upper",
        )
    ]
    assert [(r[2], r[4], r[7]) for r in sets(con)] == [
        ("Standing_Military_Press", 95.0, 5),
        ("Standing_Military_Press", 95.0, 5),
        ("Chin-Up", None, 10),
    ]


def test_the_2017_layout_is_in_kg_and_km_with_sets_numbered_from_zero(con):
    report = import_file(con, FIXTURES / "strong_2017.csv")

    assert report.layout == "strong-2017"
    assert [(r[2], r[4], r[6], r[7], r[8], r[9], r[11]) for r in sets(con)] == [
        ("Barbell_Squat", 60.0, "kg", 5, None, None, ""),
        ("Barbell_Squat", 62.5, "kg", 5, None, None, ""),
        ("Bicycling", None, None, None, 1800.0, 12500.0, "Commute"),
    ]
    keys = [r[0] for r in con.execute("select source_key from sets order by set_index").fetchall()]
    assert keys == ["Squat (Barbell)|1|1", "Squat (Barbell)|2|1", "Cycling|1|1"]


def test_the_2016_layout_is_in_pounds_and_miles(con):
    report = import_file(con, FIXTURES / "strong_2016.csv")

    assert report.layout == "strong-2016"
    bench, run = sets(con)
    assert bench[2:8] == (BENCH, "working", pytest.approx(135 * LB_TO_KG), 135.0, "lb", 8)
    assert run[8:10] == (1560.0, pytest.approx(3.1 * 1609.344))


def test_the_android_layout_mixes_kg_and_lbs_rows_and_reads_row_distance_units(con):
    report = import_file(con, FIXTURES / "strong_android.csv")

    assert report.layout == "strong-android"
    assert sessions(con)[0][1:4] == (dt.datetime(2024, 11, 5, 19, 12), "Full Body", "Hotel gym")
    assert [(r[2], r[4], r[5], r[6], r[7], r[8], r[9], r[10]) for r in sets(con)] == [
        ("Dumbbell_Bench_Press", 22.5, 22.5, "kg", 10, None, None, None),
        ("Dumbbell_Bench_Press", pytest.approx(50 * LB_TO_KG), 50.0, "lb", 10, None, None, 8.0),
        ("Rowing_Stationary", None, None, None, None, 480.0, 2000.0, None),
        ("Walking_Treadmill", None, None, None, None, None, pytest.approx(2414.016), None),
    ]


def test_the_newest_layout_recovers_pounds_from_conversion_noise(con):
    report = import_file(con, FIXTURES / "strong_newest.csv")

    assert report.layout == "strong-newest"
    assert dict(report.non_set_rows) == {"note": 1, "rest timer": 1}
    assert sessions(con)[0][:4] == (
        dt.datetime(2025, 7, 20, 10, 0),
        dt.datetime(2025, 7, 20, 11, 6),
        "Pull",
        "Back felt fine",
    )
    rows = [(r[2], r[3], r[4], r[5], r[6], r[7]) for r in sets(con)]
    assert rows == [
        ("Barbell_Deadlift", "warmup", pytest.approx(135 * LB_TO_KG), 135.0, "lb", 5),
        ("Barbell_Deadlift", "working", pytest.approx(225 * LB_TO_KG), 225.0, "lb", 5),
        ("Dumbbell_Bicep_Curl", "working", pytest.approx(115 * LB_TO_KG), 115.0, "lb", 8),
        ("Dumbbell_Bicep_Curl", "working", 12.5, 12.5, "kg", 10),
        ("Rowing_Stationary", "working", None, None, None, None),
    ]
    # The stored kilograms are the exact conversion of what was typed, without the noise.
    assert con.execute("select weight_kg from sets where entered_weight = 115").fetchone() == (
        115 * LB_TO_KG,
    )


def test_the_newest_layout_takes_every_weight_as_pounds_when_the_user_says_so(con):
    import_file(con, FIXTURES / "strong_newest.csv", unit="lb")

    units = [
        r[0] for r in con.execute("select entered_unit from sets order by set_index").fetchall()
    ]
    assert units == ["lb", "lb", "lb", "lb", None]
    assert con.execute("select entered_weight from sets where set_index = 4").fetchone() == (
        pytest.approx(27.56),
    )


@pytest.mark.parametrize(
    ("name", "session", "first_set", "skipped"),
    [
        (
            "strong_french.csv",
            ("Séance du matin", dt.datetime(2025, 1, 8, 9, 6)),
            (BENCH, "working", 60.0, 8),
            {"rest timer": 1},
        ),
        (
            "strong_german.csv",
            ("Abendtraining", dt.datetime(2025, 1, 9, 19, 32)),
            ("Barbell_Deadlift", "working", 120.0, 5),
            {"rest timer": 1},
        ),
        (
            "strong_chinese.csv",
            ("早上训练", dt.datetime(2025, 1, 10, 7, 45)),
            ("Barbell_Squat", "working", 80.0, 5),
            {},
        ),
    ],
)
def test_localised_headers_map_onto_the_same_columns(con, name, session, first_set, skipped):
    report = import_file(con, FIXTURES / name, unit="kg")

    assert report.layout == "strong-classic"
    assert "localised" in report.layout_description
    assert (sessions(con)[0][2], sessions(con)[0][1]) == session
    assert (sets(con)[0][2], sets(con)[0][3], sets(con)[0][4], sets(con)[0][7]) == first_set
    assert dict(report.non_set_rows) == skipped
    assert report.sets_matched == report.sets_total


def test_french_warm_up_and_german_rest_rows_are_read_as_such(con):
    import_file(con, FIXTURES / "strong_french.csv", unit="kg")
    import_file(con, FIXTURES / "strong_german.csv", unit="kg")

    assert [(r[2], r[3], r[11]) for r in sets(con)] == [
        (BENCH, "working", ""),
        ("Barbell_Squat", "warmup", "Échauffement"),
        ("Barbell_Deadlift", "working", ""),
        (BENCH, "working", ""),
    ]


def test_a_strong_file_without_its_header_row_is_recognised_by_its_shape(con):
    layout = detect_layout(FIXTURES / "strong_headerless.csv")
    assert (layout.app, layout.variant, layout.has_header) == (
        "strong",
        "strong-classic-headerless",
        False,
    )
    report = import_file(con, FIXTURES / "strong_headerless.csv", unit="lb")

    assert report.rejected == []
    assert [(r[2], r[5], r[6], r[7]) for r in sets(con)] == [
        (BENCH, 135.0, "lb", 5),
        (BENCH, 135.0, "lb", 5),
        ("Pullups", None, None, 10),
    ]
    assert sessions(con)[0][1] == dt.datetime(2026, 1, 15, 7, 50)
