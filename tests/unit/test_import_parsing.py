"""Reading the cells and headers of exports: durations, dates, numbers, set types, layouts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from pipelines.importers import detect_layout, import_file, values

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("7m", 420),
        ("1h 6m", 3960),
        ("21min", 1260),
        ("1h 2min", 3720),
        ("20s", 20),
        ("3960", 3960),
        ("1:02:03", 3723),
        ("0:25:00", 1500),
        ("45:00", 2700),
        ("1 Std. 2 Min.", 3720),
        ("1 h 6 min", 3960),
        ("45分钟", 2700),
        ("1小时6分钟", 3960),
        ("2 days 3h", 183600),
        ("1,5h", 5400),
    ],
)
def test_durations_are_read_in_every_form_the_apps_write(text, seconds):
    parsed, bad = values.durations(pd.Series([text]))
    assert (parsed.iloc[0], bool(bad.iloc[0])) == (seconds, False)


@pytest.mark.parametrize("text", ["abc", "5m later", "h", "--"])
def test_an_unreadable_duration_is_flagged_not_guessed(text):
    parsed, bad = values.durations(pd.Series([text]))
    assert pd.isna(parsed.iloc[0])
    assert bool(bad.iloc[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-04-08 16:50:00", dt.datetime(2026, 4, 8, 16, 50)),
        ("8 Apr 2026, 16:50", dt.datetime(2026, 4, 8, 16, 50)),
        ("Jun 11, 2026, 1:01 PM", dt.datetime(2026, 6, 11, 13, 1)),
        ("Jun 11, 2026, 1:01\u202fAM", dt.datetime(2026, 6, 11, 1, 1)),
        ("2026-04-08", dt.datetime(2026, 4, 8)),
        ("2026-04-08 4:50:00 PM", dt.datetime(2026, 4, 8, 16, 50)),
    ],
)
def test_dates_are_read_in_the_apps_styles(text, expected):
    parsed, bad = values.timestamps(pd.Series([text]))
    assert (parsed.iloc[0], bool(bad.iloc[0])) == (pd.Timestamp(expected), False)


def test_a_semicolon_file_reads_ambiguous_dates_day_first():
    parsed, _ = values.timestamps(pd.Series(["08/04/2026 16:50"]), day_first=True)
    us, _ = values.timestamps(pd.Series(["08/04/2026 16:50"]), day_first=False)
    assert parsed.iloc[0] == pd.Timestamp(2026, 4, 8, 16, 50)
    assert us.iloc[0] == pd.Timestamp(2026, 8, 4, 16, 50)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("52.5", 52.5),
        ("52,5", 52.5),
        ("1,234.5", 1234.5),
        ("1.234,5", 1234.5),
        (" 8.0 ", 8.0),
        ("0", 0.0),
    ],
)
def test_numbers_are_read_with_either_decimal_mark(text, number):
    parsed, bad = values.numbers(pd.Series([text]))
    assert (parsed.iloc[0], bool(bad.iloc[0])) == (number, False)


def test_kilograms_with_conversion_noise_are_taken_back_to_the_pounds_typed():
    entered, units = values.kilograms_as_entered(
        pd.Series([52.163122550000004, 60.00000001, 102.05828325, 20.0, None]), None
    )
    assert entered.tolist()[:4] == [115.0, 60.0, 225.0, 20.0]
    assert units.tolist() == ["lb", "kg", "lb", "kg", None]


@pytest.mark.parametrize(
    ("name", "app", "variant", "needs_unit"),
    [
        ("strong_classic.csv", "strong", "strong-classic", True),
        ("strong_classic_no_notes.csv", "strong", "strong-classic", True),
        ("strong_2019.csv", "strong", "strong-2019", True),
        ("strong_2017.csv", "strong", "strong-2017", False),
        ("strong_2016.csv", "strong", "strong-2016", False),
        ("strong_android.csv", "strong", "strong-android", False),
        ("strong_newest.csv", "strong", "strong-newest", False),
        ("strong_french.csv", "strong", "strong-classic", True),
        ("strong_german.csv", "strong", "strong-classic", True),
        ("strong_chinese.csv", "strong", "strong-classic", True),
        ("strong_headerless.csv", "strong", "strong-classic-headerless", True),
        ("hevy_kg.csv", "hevy", "hevy", False),
        ("hevy_lbs_us.csv", "hevy", "hevy", False),
        ("hevy_resaved.csv", "hevy", "hevy-resaved", False),
        ("fitnotes_kgs.csv", "fitnotes", "fitnotes-kgs", False),
        ("fitnotes_lbs.csv", "fitnotes", "fitnotes-lbs", False),
        ("fitnotes_current.csv", "fitnotes", "fitnotes-comment", False),
        ("fitnotes_current_no_comment.csv", "fitnotes", "fitnotes", False),
    ],
)
def test_every_layout_is_recognised_from_its_header(name, app, variant, needs_unit):
    layout = detect_layout((FIXTURES / name).read_bytes())
    assert (layout.app, layout.variant, layout.needs_unit) == (app, variant, needs_unit)


def test_detection_never_looks_at_the_file_name(tmp_path):
    renamed = tmp_path / "hevy_workouts.csv"
    renamed.write_bytes((FIXTURES / "fitnotes_kgs.csv").read_bytes())
    assert detect_layout(renamed).app == "fitnotes"


def test_a_file_saved_in_a_windows_code_page_is_read(con):
    text = (FIXTURES / "strong_french.csv").read_text(encoding="utf-8")
    report = import_file(con, text.encode("cp1252"), unit="kg")
    assert report.sets_added == 2
    assert con.execute("select name from sessions").fetchone() == ("Séance du matin",)


def test_warm_up_and_failure_spelled_out_are_set_types(con):
    data = (
        b"Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
        b"Distance Unit;Seconds;Notes;Workout Notes\n"
        b"2024-01-02 10:00:00;A;Squat (Barbell);WARM_UP;60;kg;5;;;;;;\n"
        b"2024-01-02 10:00:00;A;Squat (Barbell);1;100;kg;5;;;;;;\n"
        b"2024-01-02 10:00:00;A;Squat (Barbell);FAILURE;100;kg;3;;;;;;\n"
        b"2024-01-02 10:00:00;A;Squat (Barbell);Z;100;kg;3;;;;;;\n"
    )
    report = import_file(con, data)

    types = con.execute("select set_type from sets order by set_index").fetchall()
    assert types == [("warmup",), ("working",), ("failure",), ("working",)]
    assert report.warnings == [
        "1 row(s) had a set order Liftboard does not know (Z); they were imported as working sets."
    ]


def test_a_fractional_rep_count_is_rejected_and_a_float_whole_one_is_not(con):
    data = (
        b"Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time\n"
        b"2020-01-01,Deadlift,Back,100,5.0,,,\n"
        b"2020-01-01,Deadlift,Back,100,5.5,,,\n"
    )
    report = import_file(con, data)

    assert con.execute("select reps from sets").fetchall() == [(5,)]
    assert [(r.line, r.column, r.value) for r in report.rejected] == [(3, "Reps", "5.5")]


def test_a_file_cut_off_inside_a_quoted_cell_loses_only_its_last_row(con):
    data = (FIXTURES / "strong_classic.csv").read_bytes() + b'\r\n2026-03-09 07:00:00,"Cut'
    report = import_file(con, data, unit="kg")

    assert report.sets_added == 18
    assert (report.rejected[-1].line, report.rejected[-1].column) == (22, "Exercise Name")
