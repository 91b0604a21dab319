"""A large Strong export is imported in parts of whole workouts; the result is the same as in one.

The decisions made over the whole file must hold in every part: set numbers from 0 when any
workout's are (here only the last one's), distances read as metres from all of an exercise's
sets, the date layout, the workout a row belongs to even when its rows are apart, and the
warnings, rejections and flags with their lines.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipelines.importers import ImportRejectedError, import_file
from tests.conftest import copy_of

HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE"
)
ROWS = [
    '2026-03-02 07:15:00,"Push A",1h 6m,"Bench Press (Barbell)",W,40.0,10.0,0,0,,,',
    '2026-03-02 07:15:00,"Push A",1h 6m,"Bench Press (Barbell)",1,60.0,8.0,0,0,"Paused",,8.5',
    '2026-03-02 07:15:00,"Push A",1h 6m,"Bench Press (Barbell)",Rest Timer,0,0,0,120,,,',
    '2026-03-02 07:15:00,"Push A",1h 6m,"Rowing (Machine)",1,0,0,1000,240,,,',
    '2026-03-04 18:00:00,"Legs",soon,"Squat (Barbell)",1,100,5,0,0,,"Knees ok",',
    '2026-03-04 18:00:00,"Legs",soon,"Squat (Barbell)",2,102.5,5,0,0,,,',
    '2026-03-04 18:00:00,"Legs",soon,"Squat (Barbell)",2,102.5,5,0,0,,,',
    '2026-03-04 18:00:00,"Legs",soon,"Squat (Barbell)",3,2956,5,0,0,,,',
    '2026-03-04 18:00:00,"Legs",soon,"Sled Push Deluxe",X,80,12,0,0,,,',
    '2026-13-45 18:00:00,"Legs",1h,"Squat (Barbell)",1,100,5,0,0,,,',
    '2026-03-06 07:00:00,"Pull",45m,"Deadlift (Barbell)",1,140,5.5,0,0,,,',
    '2026-03-06 07:00:00,"Pull",45m,"Deadlift (Barbell)",2,abc,5,0,0,,,',
    '2026-03-06 07:00:00,"Pull",45m,"Pull Up",F,0,0,0,0,,,',
    '2026-03-06 07:00:00,"Pull",45m,"Rowing (Machine)",1,0,0,2000,500,,,',
    # More of the first workout, far from its start, with the workout's notes.
    '2026-03-02 07:15:00,"Push A",1h 6m,"Bench Press (Barbell)",2,62.5,6.0,0,0,,"Chest day",',
    '2026-03-08 09:00:00,"Mixed",1h,"Bench Press (Barbell)",0,50,10,0,0,,,',
    '2026-03-08 09:00:00,"Mixed",1h,"Quarkle Press",1,90,10,0,0,,,',
    '2026-03-08 09:00:00,"Mixed",1h,"Rowing (Machine)",0,0,0,1500,360,,,',
]

TABLES = {
    "athletes": "select name, unit from athletes order by all",
    "sessions": (
        "select a.name, s.started_at, s.ended_at, s.name, s.notes, s.source, s.source_key "
        "from sessions as s inner join athletes as a using (athlete_id) order by all"
    ),
    "sets": (
        "select s.source_key, x.source_key, x.set_index, x.exercise_id, x.set_type, "
        "x.weight_kg, x.entered_weight, x.entered_unit, x.reps, x.rir, x.rpe, x.duration_s, "
        "x.distance_m, x.notes, x.logged_at "
        "from sets as x inner join sessions as s using (session_id) order by all"
    ),
    "custom exercises": (
        "select exercise_id, name, category, load_type from exercises "
        "where source = 'custom' order by all"
    ),
    "name matches": "select name, exercise_id, method, detail from name_matches order by all",
    "imports": (
        "select file_name, layout, athlete, weight_unit, distance_unit, rows_read, sets_added, "
        "sessions_added, duplicates_skipped, rejected_rows, flagged_values from imports "
        "order by import_id"
    ),
}


@pytest.fixture
def messy_export(tmp_path: Path) -> Path:
    path = tmp_path / "strong.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    return path


def _outcome(template: Path, path: Path, part_rows: int, **options: Any) -> dict[str, Any]:
    """The reports of importing `path` twice, and the database after, as plain values."""
    with copy_of(template) as con:
        reports = [_report(con, path, part_rows, **options) for _ in range(2)]
        stored = {name: con.execute(query).fetchall() for name, query in TABLES.items()}
    return {"reports": reports, "stored": stored}


def _report(con: duckdb.DuckDBPyConnection, path: Path, part_rows: int, **options: Any) -> Any:
    try:
        report = import_file(con, path, unit="kg", part_rows=part_rows, **options)
    except ImportRejectedError as exc:
        return str(exc)
    fields = dataclasses.asdict(report)
    fields.pop("import_id")
    fields["guessed"] = report.guessed.to_dict("records")
    return fields


@pytest.mark.parametrize("options", [{}, {"dry_run": True}, {"strict": True}])
def test_an_import_in_parts_of_a_few_rows_equals_the_import_in_one_part(
    template_db, messy_export, options
):
    whole = _outcome(template_db, messy_export, 1_000, **options)
    in_parts = _outcome(template_db, messy_export, 3, **options)

    assert in_parts == whole
    report = whole["reports"][0]
    if options == {}:
        # The file holds what makes parts differ from the whole, or this test proves nothing.
        assert report["rejected"]
        assert report["flags"]
        assert whole["reports"][1]["duplicates_skipped"] == report["sets_added"]
        assert any("read as metres" in w for w in report["warnings"])
        assert any("set order" in w for w in report["warnings"])
        assert whole["stored"]["custom exercises"]
        labels = {key.split("|")[1] for (_, key, *_rest) in whole["stored"]["sets"]}
        assert "1" in labels
        assert "0" not in labels  # the workout numbered from 0 moved every number


# Workouts in one run of rows each, numbered from 1, no distances: the parts use the sets
# of the first reading instead of reading their rows again, and must still equal the whole.
PLAIN_ROWS = [
    '2026-03-02 07:15:00,"Push A",1h 6m,"Bench Press (Barbell)",W,40.0,10.0,0,0,,"Chest",',
    '2026-03-02 07:15:00,"Push A",1h 6m,"Bench Press (Barbell)",1,60.0,8.0,0,0,"Paused",,8.5',
    '2026-03-02 07:15:00,"Push A",1h 6m,"Bench Press (Barbell)",Rest Timer,0,0,0,120,,,',
    '2026-03-02 07:15:00,"Push A",1h 6m,"Bench Press (Barbell)",2,62.5,6.0,0,0,,,',
    '2026-03-04 18:00:00,"Legs",soon,"Squat (Barbell)",1,100,5,0,0,,"Knees ok",',
    '2026-03-04 18:00:00,"Legs",soon,"Squat (Barbell)",2,102.5,5,0,0,,,',
    '2026-03-04 18:00:00,"Legs",soon,"Squat (Barbell)",2,102.5,5,0,0,,,',
    '2026-03-04 18:00:00,"Legs",soon,"Squat (Barbell)",3,2956,5,0,0,,,',
    '2026-03-04 18:00:00,"Legs",soon,"Sled Push Deluxe",X,80,12,0,0,,,',
    '2026-13-45 18:00:00,"Legs",1h,"Squat (Barbell)",1,100,5,0,0,,,',
    '2026-03-06 07:00:00,"Pull",45m,"Deadlift (Barbell)",1,140,5.5,0,0,,,',
    '2026-03-06 07:00:00,"Pull",45m,"Deadlift (Barbell)",2,abc,5,0,0,,,',
    '2026-03-06 07:00:00,"Pull",45m,"Pull Up",F,0,0,0,0,,,',
    '2026-03-06 07:00:00,"Pull",45m,"Quarkle Press",1,90,10,0,0,,,',
    '2026-03-08 09:00:00,"Mixed",1h,"Bench Press (Barbell)",1,50,10,0,0,,,',
    '2026-03-08 09:00:00,"Mixed",1h,"Quarkle Press",1,90,10,0,0,,,',
]


@pytest.mark.parametrize("options", [{}, {"strict": True}])
def test_an_import_in_parts_of_plain_workouts_equals_the_import_in_one_part(
    template_db, tmp_path, options
):
    path = tmp_path / "strong.csv"
    path.write_text("\n".join([HEADER, *PLAIN_ROWS]) + "\n", encoding="utf-8")

    whole = _outcome(template_db, path, 1_000, **options)
    in_parts = _outcome(template_db, path, 3, **options)

    assert in_parts == whole
    if options == {}:
        report = whole["reports"][0]
        assert report["rejected"]
        assert report["flags"]
        assert report["non_set_rows"]
        assert any("set order" in w for w in report["warnings"])
        assert whole["stored"]["custom exercises"]
