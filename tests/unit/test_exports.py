"""CSV exports: exact columns, values that survive a round trip, and formula-safe text."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest

from pipelines.athletes import ensure_athlete
from pipelines.db import connect
from pipelines.demo import write_demo
from pipelines.exports import (
    PERSONAL_RECORDS_COLUMNS,
    SETS_COLUMNS,
    SETS_EXTRAS,
    WEEKLY_VOLUME_COLUMNS,
    neutralise,
    personal_records_export,
    sets_export,
    to_csv_bytes,
    weekly_volume_export,
)
from pipelines.logbook import log_sets, start_session
from pipelines.schemas import LB_TO_KG, MUSCLE_GROUPS

MONDAY = dt.date(2025, 9, 1)


@pytest.fixture
def logged(con):
    sam = ensure_athlete(con, "Sam")
    pat = ensure_athlete(con, "Pat", unit="lb")
    first = start_session(
        con,
        sam,
        dt.datetime(2025, 9, 1, 7, 30),
        name="Legs",
        notes="+ felt good",
        bodyweight_kg=81.5,
    )
    log_sets(
        con,
        first,
        [
            {"exercise": "Barbell_Full_Squat", "weight": 40, "reps": 10, "set_type": "warmup"},
            {
                "exercise": "Barbell_Full_Squat",
                "weight": 100,
                "reps": 5,
                "rpe": 8.5,
                "notes": '=HYPERLINK("http://evil")',
            },
            {"exercise": "Plank", "seconds": 60, "notes": "-10 s next time"},
            {"exercise": "Single-Leg_Pick-Up", "reps": 8, "side": "left", "rir": 2},
        ],
    )
    second = start_session(con, pat, dt.datetime(2025, 9, 3, 18, 0), name="Bench")
    log_sets(
        con,
        second,
        [
            {
                "exercise": "Barbell_Bench_Press_-_Medium_Grip",
                "weight": 135,
                "reps": 5,
                "notes": "@coach, check form",
            }
        ],
    )
    return {"sam": sam, "pat": pat}


def read_back(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(to_csv_bytes(frame)), keep_default_na=False, na_values=[""])


def test_the_sets_export_starts_with_the_documented_columns(con, logged):
    frame = sets_export(con)
    assert tuple(frame.columns) == SETS_COLUMNS + SETS_EXTRAS
    header = to_csv_bytes(frame).decode("utf-8").split("\r\n", 1)[0]
    assert header == ",".join(SETS_COLUMNS + SETS_EXTRAS)


def test_the_sets_export_reads_back_with_the_same_values(con, logged):
    back = read_back(sets_export(con))
    assert back["athlete"].tolist() == ["Pat", "Sam", "Sam", "Sam", "Sam"]  # by name, then time
    squat = back.iloc[2]
    assert (squat["athlete"], squat["session_name"], squat["exercise_id"]) == (
        "Sam",
        "Legs",
        "Barbell_Full_Squat",
    )
    assert (squat["started_at"], squat["performed_on"]) == ("2025-09-01 07:30:00", "2025-09-01")
    assert (squat["set_index"], squat["set_type"], squat["weight_kg"], squat["reps"]) == (
        2,
        "working",
        100.0,
        5,
    )
    assert (squat["rpe"], squat["bodyweight_kg"], squat["session_notes"]) == (
        8.5,
        81.5,
        "'+ felt good",
    )
    plank = back.iloc[3]
    assert (plank["duration_s"], pd.isna(plank["reps"]), pd.isna(plank["weight_kg"])) == (
        60.0,
        True,
        True,
    )
    pick_up = back.iloc[4]
    assert (pick_up["side"], pick_up["rir"]) == ("left", 2)
    bench = back.iloc[0]
    assert (bench["athlete"], bench["entered_weight"], bench["entered_unit"]) == ("Pat", 135, "lb")
    assert bench["weight_kg"] == 135 * LB_TO_KG  # exactly, not rounded
    assert bench["athlete_unit"] == "lb"


def test_formula_looking_text_is_neutralised_and_numbers_are_not(con, logged):
    back = read_back(sets_export(con)).fillna({"notes": ""})
    assert back["notes"].tolist() == [
        "'@coach, check form",
        "",
        '\'=HYPERLINK("http://evil")',
        "'-10 s next time",
        "",
    ]
    frame = pd.DataFrame(
        {"label": ["-5", "+1", "\tx", "\rx", "ok - fine"], "delta": [-5, 1, 2, 3, 4]}
    )
    text = to_csv_bytes(frame).decode("utf-8")
    assert text.split("\r\n")[1] == "'-5,-5"
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert [r[0] for r in rows[1:]] == ["'-5", "'+1", "'\tx", "'\rx", "ok - fine"]
    assert [r[1] for r in rows[1:]] == ["-5", "1", "2", "3", "4"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+49 170", "'+49 170"),
        ("-x", "'-x"),
        ("@sum", "'@sum"),
        ("'=already", "''=already"),
        ("'plain", "'plain"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("1-2", "1-2"),
        ("", ""),
    ],
)
def test_neutralise_prefixes_only_dangerous_starts(text, expected):
    assert neutralise(text) == expected


def test_the_export_filters_by_athlete_and_inclusive_dates(con, logged):
    assert set(sets_export(con, athlete_id=logged["pat"])["athlete"]) == {"Pat"}
    assert len(sets_export(con, start=MONDAY, end=MONDAY)) == 4
    assert len(sets_export(con, start=MONDAY + dt.timedelta(days=2))) == 1


def test_the_weekly_volume_export_has_its_columns_and_hand_counted_values(con, logged):
    frame = weekly_volume_export(con, athlete_id=logged["sam"])
    assert tuple(frame.columns) == WEEKLY_VOLUME_COLUMNS
    back = read_back(frame).set_index("muscle_group")
    assert len(back) == len(MUSCLE_GROUPS)
    assert set(back["week_start"]) == {"2025-09-01"}
    # squat: quadriceps 1 (+ calves, glutes, hamstrings, lower back 0.5); plank: abdominals 1;
    # pick-up: glutes and hamstrings 1 (+ abdominals, adductors, calves, lower back 0.5)
    quads = ["hard_sets", "direct_sets", "reps", "tonnage_kg"]
    assert [back.loc["quadriceps", c] for c in quads] == [1.0, 1, 5, 500.0]
    assert back.loc["glutes", "hard_sets"] == 1.5
    assert [back.loc["abdominals", c] for c in ["hard_sets", "duration_s"]] == [1.5, 60.0]
    assert back.loc["lower back", "target_status"] == "no target"
    assert back.loc["quadriceps", "target_status"] == "below maintenance"


def test_the_personal_records_export_speaks_each_athletes_unit(con, logged):
    frame = personal_records_export(con)
    assert tuple(frame.columns) == PERSONAL_RECORDS_COLUMNS
    back = read_back(frame)
    pat = back[back["athlete"] == "Pat"].set_index("record")
    assert [pat.loc["heaviest load", c] for c in ["value", "unit"]] == [135.0, "lb"]
    assert [pat.loc["most reps at 135 lb", c] for c in ["value", "unit"]] == [5.0, "reps"]
    assert pat.loc["best estimated 1RM", "value"] == round(135 * (1 + 5 / 30), 2)
    sam = back[back["athlete"] == "Sam"].set_index("record")
    assert sam.loc["most reps at bodyweight", "value"] == 8
    assert set(back["achieved_on"]) == {"2025-09-01", "2025-09-03"}


def test_an_empty_database_exports_a_header_only(con):
    assert to_csv_bytes(sets_export(con)).decode() == ",".join(SETS_COLUMNS + SETS_EXTRAS) + "\r\n"


def hand_count(db_path: Path) -> dict[tuple[str, str], list[float]]:
    """Weekly hard sets per (week, group), counted in plain Python from the raw rows."""
    con = connect(db_path)
    sets = con.execute(
        "select s.started_at, s.bodyweight_kg, x.set_type, x.exercise_id, x.reps, x.weight_kg, "
        "x.duration_s from sets as x inner join sessions as s using (session_id)"
    ).fetchall()
    muscles: defaultdict[str, list[tuple[str, str]]] = defaultdict(list)
    for exercise_id, group, role in con.execute(
        "select exercise_id, muscle_group, role from exercise_muscles"
    ).fetchall():
        muscles[exercise_id].append((group, role))
    loads = {
        e: (kind, factor)
        for e, kind, factor in con.execute(
            "select exercise_id, load_type, bodyweight_factor from exercises"
        ).fetchall()
    }
    con.close()
    counts: defaultdict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0, 0, 0.0, 0.0])
    for started, bodyweight, set_type, exercise_id, reps, weight, seconds in sets:
        if set_type == "warmup":
            continue
        day = started.date()
        week = (day - dt.timedelta(days=day.weekday())).isoformat()
        kind, factor = loads[exercise_id]
        load = weight or 0.0
        if kind in ("bodyweight", "weighted_bodyweight"):
            load = (bodyweight or 0.0) * factor + (weight or 0.0)
        for group, role in muscles[exercise_id]:
            cell = counts[(week, group)]
            cell[0] += 1.0 if role == "primary" else 0.5
            if role == "primary":
                cell[1] += 1
                cell[2] += reps or 0
                cell[3] += (reps or 0) * load
                cell[4] += seconds or 0.0
    return counts


def test_the_command_exports_weekly_volume_that_matches_a_hand_count(db_file):
    con = connect(db_file)
    write_demo(con, weeks=6, end=dt.date(2025, 10, 12))
    con.close()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipelines.cli",
            "export",
            "--db",
            str(db_file),
            "--what",
            "weekly-volume",
            "--out",
            "-",
        ],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode("utf-8"), newline="")))
    expected = hand_count(db_file)
    weeks = {r["week_start"] for r in rows}
    assert len(weeks) == 6
    assert len(rows) == 6 * len(MUSCLE_GROUPS)
    assert {k[0] for k in expected} <= weeks
    for row in rows:
        hard, direct, reps, tonnage, seconds = expected.get(
            (row["week_start"], row["muscle_group"]), [0.0, 0, 0, 0.0, 0.0]
        )
        assert float(row["hard_sets"]) == hard, row
        assert int(row["direct_sets"]) == direct, row
        assert int(row["reps"]) == reps, row
        assert float(row["tonnage_kg"]) == pytest.approx(tonnage), row
        assert float(row["duration_s"]) == seconds, row
        assert row["athlete"] == "Demo lifter"


def test_the_command_writes_a_file_and_names_an_unknown_athlete(db_file, tmp_path):
    connect(db_file).close()
    out = tmp_path / "sets.csv"
    base = [sys.executable, "-m", "pipelines.cli", "export", "--db", str(db_file)]
    done = subprocess.run(
        [*base, "--what", "sets", "--out", str(out)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert out.read_text(encoding="utf-8").startswith("athlete,session_id,")
    refused = subprocess.run(
        [*base, "--what", "sets", "--out", "-", "--athlete", "Nobody"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused.returncode == 2
    assert "no athlete called 'Nobody'" in refused.stderr
    assert "Traceback" not in refused.stderr
