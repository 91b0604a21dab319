"""Mapping an imported name onto a catalog exercise makes it the same lift; unmapping undoes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.errors import ValidationError
from pipelines.exercise_matching import (
    map_exercise,
    mapped_exercises,
    match_exercises,
    unmap_exercise,
    unmapped_exercises,
)
from pipelines.importers import import_file
from pipelines.strength import personal_records, session_estimated_1rm

SQUAT = "Barbell_Squat"
HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
HEADER += "Workout Notes,RPE\n"


def strong_file(tmp_path: Path, name: str, rows: list[tuple[int, str, int, int]]) -> Path:
    lines = [
        f"2026-03-{day:02d} 07:00:00,Legs,50m,{exercise},1,{weight},{reps},0,0,,,"
        for day, exercise, weight, reps in rows
    ]
    path = tmp_path / name
    path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def imported(con, tmp_path):
    """Two squat sessions under the catalog name, then a heavier one under a private name."""
    path = strong_file(
        tmp_path,
        "first.csv",
        [
            (2, "Squat (Barbell)", 100, 5),
            (4, "Squat (Barbell)", 105, 5),
            (6, "Zercher Pin Squish", 120, 5),
        ],
    )
    import_file(con, path, unit="kg")
    (custom,) = unmapped_exercises(con)["exercise_id"]
    return custom


def _squat_sessions(con) -> int:
    return len(session_estimated_1rm(con, exercise_id=SQUAT))


def test_a_mapped_name_continues_the_catalog_exercise_history(con, imported):
    assert _squat_sessions(con) == 2

    map_exercise(con, imported, SQUAT)

    assert _squat_sessions(con) == 3
    records = personal_records(con, exercise_id=SQUAT)
    assert records["value"].max() >= 120
    assert con.execute(
        "select count(*) from sets where exercise_id = ?", [imported]
    ).fetchone() == (0,)


def test_unmapping_gives_the_name_its_own_sets_back_and_lists_it_again(con, imported):
    map_exercise(con, imported, SQUAT)

    assert unmap_exercise(con, imported) == 1

    assert _squat_sessions(con) == 2
    assert list(unmapped_exercises(con)["exercise_id"]) == [imported]
    assert mapped_exercises(con).empty


def test_remapping_moves_the_sets_to_the_new_choice(con, imported):
    map_exercise(con, imported, SQUAT)
    map_exercise(con, imported, "Front_Barbell_Squat")

    assert _squat_sessions(con) == 2
    assert len(session_estimated_1rm(con, exercise_id="Front_Barbell_Squat")) == 1
    (row,) = mapped_exercises(con).itertuples()
    assert (row.name, row.target_exercise_id, row.sets) == (
        "Zercher Pin Squish",
        "Front_Barbell_Squat",
        1,
    )


def test_the_mapping_survives_a_reimport_and_new_sets_land_on_the_catalog_exercise(
    con, imported, tmp_path
):
    map_exercise(con, imported, SQUAT)
    later = strong_file(
        tmp_path,
        "later.csv",
        [(6, "Zercher Pin Squish", 120, 5), (9, "Zercher Pin Squish", 125, 5)],
    )

    report = import_file(con, later, unit="kg")

    assert report.sets_added == 1
    assert _squat_sessions(con) == 4
    assert unmapped_exercises(con).empty
    found = match_exercises(con, ["Zercher Pin Squish"])
    assert (found["exercise_id"].iloc[0], found["method"].iloc[0]) == (SQUAT, "mapped")


def test_a_name_maps_only_onto_a_catalog_exercise(con, imported, tmp_path):
    other = strong_file(tmp_path, "other.csv", [(8, "Hatfield Wobble", 90, 5)])
    import_file(con, other, unit="kg")
    second = next(i for i in unmapped_exercises(con)["exercise_id"] if i != imported)

    with pytest.raises(ValidationError, match="catalog exercise"):
        map_exercise(con, imported, second)
    assert mapped_exercises(con).empty


def test_unmapping_a_name_that_is_not_mapped_is_refused(con, imported):
    with pytest.raises(ValidationError, match="mapped custom exercise"):
        unmap_exercise(con, imported)
