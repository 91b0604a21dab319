"""Hevy's and FitNotes' exports: both Hevy date styles, kg and lbs, the spreadsheet-resaved
Hevy file, and all four FitNotes layouts with per-row units and cardio."""

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
        "select started_at, ended_at, name, notes, source from sessions order by started_at"
    ).fetchall()


def sets(con: duckdb.DuckDBPyConnection) -> list[tuple[Any, ...]]:
    """(set index, exercise id, type, kg, entered, unit, reps, seconds, metres, rpe, notes)."""
    return con.execute(
        "select x.set_index, x.exercise_id, x.set_type, x.weight_kg, x.entered_weight, "
        "x.entered_unit, x.reps, x.duration_s, x.distance_m, x.rpe, x.notes "
        "from sets as x inner join sessions as s using (session_id) "
        "order by s.started_at, x.set_index"
    ).fetchall()


def test_hevy_in_kg_with_day_first_dates_and_all_four_set_types(con):
    report = import_file(con, FIXTURES / "hevy_kg.csv")

    assert report.layout == "hevy"
    assert sessions(con) == [
        (
            dt.datetime(2026, 4, 8, 16, 50),
            dt.datetime(2026, 4, 8, 17, 55),
            "Push Day",
            "New program, week 1",
            "hevy",
        ),
    ]
    pause = "Pause at the chest"
    assert sets(con) == [
        (1, BENCH, "warmup", 40.0, 40.0, "kg", 10, None, None, None, pause),
        (2, BENCH, "working", 80.0, 80.0, "kg", 6, None, None, 8.0, pause),
        (3, BENCH, "failure", 80.0, 80.0, "kg", 5, None, None, 10.0, pause),
        (4, BENCH, "drop", 60.0, 60.0, "kg", 8, None, None, None, pause),
        # An empty weight is a bodyweight set; a weighted dip holds the added load only.
        (5, "Dips_-_Chest_Version", "working", None, None, None, 12, None, None, None, ""),
        (6, "Dips_-_Chest_Version", "working", 10.0, 10.0, "kg", 8, None, None, None, ""),
        (7, "Plank", "working", None, None, None, None, 90.0, None, None, ""),
        (8, "Running_Treadmill", "working", None, None, None, None, 900.0, 2500.0, None, ""),
    ]
    keys = con.execute("select source_key from sets order by set_index limit 2").fetchall()
    assert keys == [("Bench Press (Barbell)|1|1",), ("Bench Press (Barbell)|2|1",)]


def test_hevy_in_pounds_and_miles_with_us_twelve_hour_dates(con):
    report = import_file(con, FIXTURES / "hevy_lbs_us.csv")

    assert report.sets_added == 4
    assert sessions(con) == [
        (dt.datetime(2026, 6, 11, 13, 1), dt.datetime(2026, 6, 11, 14, 15), "Leg Day", "", "hevy"),
        (dt.datetime(2026, 6, 12, 23, 30), dt.datetime(2026, 6, 13, 0, 20), "Evening", "", "hevy"),
    ]
    rows = [(r[1], r[3], r[4], r[5], r[6], r[7], r[8]) for r in sets(con)]
    assert rows == [
        ("Barbell_Squat", pytest.approx(225 * LB_TO_KG), 225.0, "lb", 5, None, None),
        ("Barbell_Squat", pytest.approx(225 * LB_TO_KG), 225.0, "lb", 5, None, None),
        ("Bicycling", None, None, None, None, 2400.0, pytest.approx(10 * 1609.344)),
        ("Romanian_Deadlift", pytest.approx(185 * LB_TO_KG), 185.0, "lb", 8, None, None),
    ]


def test_hevy_resaved_by_a_spreadsheet_with_semicolons_decimal_commas_and_lost_columns(con):
    data = (FIXTURES / "hevy_resaved.csv").read_bytes()
    assert b";" in data.splitlines()[0]
    layout = detect_layout(data)
    assert (layout.app, layout.variant, layout.delimiter) == ("hevy", "hevy-resaved", ";")

    report = import_file(con, data)

    assert report.rejected == []
    assert sessions(con) == [
        (dt.datetime(2026, 4, 8, 16, 50), dt.datetime(2026, 4, 8, 17, 40), "Pull Day", "", "hevy")
    ]
    assert [(r[1], r[3], r[6], r[7]) for r in sets(con)] == [
        ("Wide-Grip_Lat_Pulldown", 52.5, 10, None),
        ("Wide-Grip_Lat_Pulldown", 55.0, 8, None),
        ("custom:dead-hang", None, None, 45.0),
    ]


def test_fitnotes_kgs_layout_makes_one_session_per_date_and_keeps_repeated_rows(con):
    report = import_file(con, FIXTURES / "fitnotes_kgs.csv")

    assert report.layout == "fitnotes-kgs"
    assert sessions(con) == [
        (dt.datetime(2019, 3, 4), None, "", "", "fitnotes"),
        (dt.datetime(2019, 3, 6), None, "", "", "fitnotes"),
    ]
    assert [(r[0], r[1], r[3], r[5], r[6], r[7], r[8]) for r in sets(con)] == [
        (1, BENCH, 60.0, "kg", 8, None, None),
        (2, BENCH, 60.0, "kg", 8, None, None),
        (3, BENCH, 60.0, "kg", 8, None, None),
        (4, "Running_Treadmill", None, None, None, 1500.0, 5000.0),
        (1, "Barbell_Squat", 100.0, "kg", 5, None, None),
    ]
    assert report.duplicates_skipped == 0


def test_fitnotes_lbs_layout_reads_pounds_and_feet(con):
    report = import_file(con, FIXTURES / "fitnotes_lbs.csv")

    assert report.layout == "fitnotes-lbs"
    assert [(r[1], r[3], r[4], r[5], r[7], r[8]) for r in sets(con)] == [
        ("Dumbbell_Bench_Press", pytest.approx(50 * LB_TO_KG), 50.0, "lb", None, None),
        ("Stairmaster", None, None, None, 600.0, pytest.approx(152.4)),
    ]


def test_fitnotes_current_layout_has_a_unit_on_every_row_and_comments(con):
    report = import_file(con, FIXTURES / "fitnotes_current.csv")

    assert report.layout == "fitnotes-comment"
    assert [(r[1], r[3], r[4], r[5], r[6], r[7], r[8], r[10]) for r in sets(con)] == [
        ("Leg_Extensions", 40.0, 40.0, "kg", 12, None, None, ""),
        (
            "Leg_Extensions",
            pytest.approx(90 * LB_TO_KG),
            90.0,
            "lb",
            12,
            None,
            None,
            "Slow negatives, 3 s",
        ),
        ("Plank", None, None, None, None, 90.0, None, ""),
        ("Rowing_Stationary", None, None, None, None, 245.0, 1000.0, ""),
        ("Bicycling", None, None, None, None, 3723.0, pytest.approx(6.2 * 1609.344), ""),
    ]
    assert [s[0] for s in sessions(con)] == [dt.datetime(2023, 6, 1), dt.datetime(2023, 6, 2)]


def test_fitnotes_current_layout_without_comments_and_without_a_final_newline(con):
    data = (FIXTURES / "fitnotes_current_no_comment.csv").read_bytes()
    assert not data.endswith(b"\n")

    report = import_file(con, data)

    assert report.layout == "fitnotes"
    assert [(r[0], r[1], r[3], r[6]) for r in sets(con)] == [
        (1, "Seated_Leg_Curl", 45.0, 10),
        (2, "Seated_Leg_Curl", 45.0, 10),
    ]
