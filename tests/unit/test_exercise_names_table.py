"""Hundreds of exercise names as lifters and apps write them, each with where it must land.

The table (`tests/fixtures/exercise_names.csv`) gives a name, the catalog exercise it must
land on (when one is clearly right) or the primary muscle group it must carry (`a|b`: either),
and the naming pattern it stands for. A row with neither must stay unmatched: the catalog
lacks that movement and a look-alike would count the wrong muscles.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from pipelines.exercise_matching import match_exercises, name_matches
from pipelines.names import name_parts

TABLE = Path(__file__).resolve().parents[1] / "fixtures" / "exercise_names.csv"
with TABLE.open(encoding="utf-8", newline="") as _handle:
    ROWS = list(csv.DictReader(_handle))


@pytest.fixture(scope="module")
def landed():
    from pipelines.db import connect

    con = connect(":memory:")
    found = match_exercises(con, [row["name"] for row in ROWS]).set_index("name")
    primary: dict[str, set[str]] = {}
    for exercise_id, group in con.execute(
        "select exercise_id, muscle_group from exercise_muscles where role = 'primary'"
    ).fetchall():
        primary.setdefault(exercise_id, set()).add(group)
    con.close()
    return found, primary


def test_the_table_holds_at_least_300_distinct_names_of_every_pattern():
    names = [row["name"] for row in ROWS]
    assert len(names) >= 300
    assert len(set(names)) == len(names)
    patterns = Counter(row["pattern"] for row in ROWS)
    for pattern in (
        "extra word",
        "typo",
        "brand",
        "generic plus detail",
        "synonym",
        "abbreviation",
        "German",
        "Spanish",
        "French",
        "Portuguese",
        "Dutch",
        "Italian",
        "app name",
        "new movement",
        "equipment",
        "unknown",
    ):
        assert patterns[pattern] >= 3, pattern


@pytest.mark.parametrize("row", ROWS, ids=[row["name"] for row in ROWS])
def test_a_name_lands_on_its_exercise_or_at_least_its_primary_muscle(row, landed):
    found, primary = landed
    exercise_id = found.loc[row["name"], "exercise_id"]
    exercise_id = exercise_id if isinstance(exercise_id, str) else None
    if row["exercise_id"]:
        assert exercise_id == row["exercise_id"]
    elif row["primary"]:
        assert exercise_id is not None
        assert primary[exercise_id] & set(row["primary"].split("|"))
    else:
        assert exercise_id is None, found.loc[row["name"], "detail"]


def test_every_automatic_match_says_how_it_was_made(landed):
    found, _ = landed
    matched = found[found["exercise_id"].notna()]
    assert set(matched["method"]) <= {"exact", "alias", "structure", "variant", "fuzzy"}
    assert matched["detail"].str.len().gt(0).all()
    assert {"alias", "structure", "variant", "fuzzy"} <= set(matched["method"])


def test_a_loaded_cable_name_never_lands_on_a_timed_stretch(con):
    found = match_exercises(con, ["Cable Chest Stretch", "Cable Hamstring Stretch"])
    ids = [i for i in found["exercise_id"] if isinstance(i, str)]
    if ids:
        kinds = con.execute(
            "select distinct load_type from exercises where list_contains(?, exercise_id)", [ids]
        ).fetchall()
        assert ("timed",) not in kinds


def test_a_barbell_incline_press_lands_on_the_barbell_entry_not_the_dumbbell_one(con):
    found = match_exercises(con, ["Barbell Incline Press", "Incline Press (Barbell)"])
    assert set(found["exercise_id"]) == {"Barbell_Incline_Bench_Press_-_Medium_Grip"}


def test_a_misspelling_whose_corrections_disagree_on_muscles_is_not_guessed(con):
    # "Spiderman" is one letter pair from "Superman" (lower back); the crawl is another move.
    found = match_exercises(con, ["Spiderman"])
    assert found["exercise_id"].isna().all()


def test_abbreviations_anywhere_in_the_name_become_words():
    assert name_parts("CG Bench").movement >= {"closegrip", "bench", "press"}
    assert name_parts("SL RDL (DB)").equipment == {"dumbbell"}
    assert name_parts("SL RDL (DB)").movement >= {"oneleg", "romanian", "deadlift"}
    assert name_parts("Sumo DL").movement == {"sumo", "deadlift"}


def test_ambiguous_kickbacks_follow_the_sessions_they_sit_in(con):
    upper = ["Bench Press (Barbell)", "Triceps Pushdown", "Lateral Raise (Dumbbell)"]
    lower = ["Squat (Barbell)", "Hip Thrust (Barbell)", "Romanian Deadlift (Barbell)"]
    found = match_exercises(
        con,
        ["Cable Kickback", "Kickbacks", *upper, *lower],
        context={"Cable Kickback": upper, "Kickbacks": lower},
    ).set_index("name")
    assert found.loc["Cable Kickback", "exercise_id"] == "Tricep_Dumbbell_Kickback"
    assert found.loc["Cable Kickback", "method"] == "context"
    assert "triceps" in str(found.loc["Cable Kickback", "detail"])
    assert found.loc["Kickbacks", "exercise_id"] == "One-Legged_Cable_Kickback"
    assert "glutes" in str(found.loc["Kickbacks", "detail"])


def test_an_ambiguous_kickback_without_a_clear_session_is_left_for_the_user(con):
    mixed = ["Bench Press (Barbell)", "Squat (Barbell)"]
    found = match_exercises(
        con, ["Cable Kickback", "Kickback", *mixed], context={"Cable Kickback": mixed}
    ).set_index("name")
    for name in ("Cable Kickback", "Kickback"):
        assert not isinstance(found.loc[name, "exercise_id"], str)
        assert found.loc[name, "method"] == "ambiguous"
    assert "confirm" in str(found.loc["Cable Kickback", "detail"])


def test_a_dumbbell_kickback_is_the_triceps_one_without_asking(con):
    found = match_exercises(con, ["Kickback (Dumbbell)", "DB Kickbacks"])
    assert set(found["exercise_id"]) == {"Tricep_Dumbbell_Kickback"}


KICKBACKS = Path(__file__).resolve().parents[1] / "fixtures" / "imports" / "strong_kickbacks.csv"


def test_an_import_decides_kickbacks_by_their_sessions_and_says_so(con):
    from pipelines.importers import import_file

    report = import_file(con, KICKBACKS, unit="kg")

    landed = dict(
        con.execute(
            "select distinct e.name, x.exercise_id from sets as x "
            "inner join exercises as e on e.exercise_id = x.exercise_id"
        ).fetchall()
    )
    assert landed["Tricep Dumbbell Kickback"] == "Tricep_Dumbbell_Kickback"
    assert landed["One-Legged Cable Kickback"] == "One-Legged_Cable_Kickback"
    # The full-body day leans neither way: the name waits for the user.
    assert [u.name for u in report.unmapped] == ["Kickback"]
    text = report.render()
    assert "Cable Kickback → Tricep_Dumbbell_Kickback (context: triceps" in text
    assert "Kickbacks → One-Legged_Cable_Kickback (context: glutes" in text
    assert "Kickback → left for you to map (ambiguous: triceps or glutes" in text


def test_an_import_remembers_how_guessed_names_were_matched_for_the_exercises_page(con):
    from pipelines.importers import import_file

    import_file(con, KICKBACKS, unit="kg")

    found = name_matches(con).set_index("name")
    assert found.loc["Cable Kickback", "method"] == "context"
    assert found.loc["Cable Kickback", "exercise_name"] == "Tricep Dumbbell Kickback"
    assert found.loc["Kickback", "method"] == "ambiguous"
    assert "Bench Press (Barbell)" not in found.index  # an alias explains itself
