"""Matching other apps' exercise names onto the catalog, and custom exercises for the rest."""

from __future__ import annotations

import pytest

from pipelines.errors import ValidationError
from pipelines.exercise_matching import (
    add_custom_exercise,
    custom_exercise_id,
    map_exercise,
    match_exercises,
)
from pipelines.names import name_parts, name_tokens

BENCH = "Barbell_Bench_Press_-_Medium_Grip"

# Names as Strong, Hevy and FitNotes write them, the catalog exercise each must land on, and a
# rough share of the sets a typical export holds for it (the common lifts carry most sets).
REALISTIC: list[tuple[str, str, int]] = [
    # Strong and Hevy: `Movement (Equipment)`
    ("Bench Press (Barbell)", BENCH, 60),
    ("Squat (Barbell)", "Barbell_Squat", 60),
    ("Deadlift (Barbell)", "Barbell_Deadlift", 40),
    ("Overhead Press (Barbell)", "Standing_Military_Press", 35),
    ("Bent Over Row (Barbell)", "Bent_Over_Barbell_Row", 30),
    ("Pull Up", "Pullups", 30),
    ("Chin Up", "Chin-Up", 15),
    ("Lat Pulldown (Cable)", "Wide-Grip_Lat_Pulldown", 30),
    ("Seated Row (Cable)", "Seated_Cable_Rows", 25),
    ("Bicep Curl (Barbell)", "Barbell_Curl", 20),
    ("Bicep Curl (Dumbbell)", "Dumbbell_Bicep_Curl", 25),
    ("Hammer Curl (Dumbbell)", "Hammer_Curls", 20),
    ("Triceps Pushdown (Cable - Straight Bar)", "Triceps_Pushdown", 25),
    ("Tricep Pushdown (Rope)", "Triceps_Pushdown_-_Rope_Attachment", 15),
    ("Skullcrusher (Barbell)", "Lying_Triceps_Press", 10),
    ("Lateral Raise (Dumbbell)", "Side_Lateral_Raise", 30),
    ("Face Pull (Cable)", "Face_Pull", 15),
    ("Leg Press", "Leg_Press", 25),
    ("Leg Extension (Machine)", "Leg_Extensions", 20),
    ("Lying Leg Curl (Machine)", "Lying_Leg_Curls", 15),
    ("Seated Leg Curl (Machine)", "Seated_Leg_Curl", 15),
    ("Standing Calf Raise (Machine)", "Standing_Calf_Raises", 15),
    ("Romanian Deadlift (Barbell)", "Romanian_Deadlift", 20),
    ("Romanian Deadlift (Dumbbell)", "Stiff-Legged_Dumbbell_Deadlift", 8),
    ("Incline Bench Press (Barbell)", "Barbell_Incline_Bench_Press_-_Medium_Grip", 15),
    ("Incline Bench Press (Dumbbell)", "Incline_Dumbbell_Press", 20),
    ("Chest Fly (Dumbbell)", "Dumbbell_Flyes", 10),
    ("Front Squat (Barbell)", "Front_Barbell_Squat", 10),
    ("Hip Thrust (Barbell)", "Barbell_Hip_Thrust", 15),
    ("Shrug (Dumbbell)", "Dumbbell_Shrug", 8),
    ("Bulgarian Split Squat", "Split_Squat_with_Dumbbells", 10),
    ("Iso-Lateral Row (Machine)", "Leverage_Iso_Row", 8),
    ("Chest Press (Machine)", "Machine_Bench_Press", 8),
    ("Preacher Curl (EZ Bar)", "Preacher_Curl", 8),
    ("Reverse Fly (Machine)", "Reverse_Machine_Flyes", 6),
    ("Reverse Fly (Cable)", "Cable_Rear_Delt_Fly", 4),
    ("Reverse Curl (Dumbbell)", "Standing_Dumbbell_Reverse_Curl", 3),
    ("Front Raise (Cable)", "Front_Cable_Raise", 3),
    ("Hip Adduction (Machine)", "Thigh_Adductor", 5),
    ("Arnold Press (Dumbbell)", "Arnold_Dumbbell_Press", 5),
    ("T Bar Row", "T-Bar_Row_with_Handle", 6),
    ("Sumo Deadlift (Barbell)", "Sumo_Deadlift", 5),
    ("Trap Bar Deadlift", "Trap_Bar_Deadlift", 5),
    ("Bench Press - Close Grip (Barbell)", "Close-Grip_Barbell_Bench_Press", 6),
    ("Seated Cable Row - V Grip (Cable)", "Seated_Cable_Rows", 8),
    ("Squat (Smith Machine)", "Smith_Machine_Squat", 5),
    ("Pull Up (Assisted)", "Band_Assisted_Pull-Up", 5),
    ("Pull Up (Weighted)", "Weighted_Pull_Ups", 4),
    ("Running", "Running_Treadmill", 6),
    ("Cycling", "Bicycling", 4),
    ("Rowing (Machine)", "Rowing_Stationary", 4),
    # Matched by structure: movement and equipment, not by an alias.
    ("Glute Kickback (Machine)", "One-Legged_Cable_Kickback", 4),
    ("Lateral Raise (Machine)", "Standing_Low-Pulley_Deltoid_Raise", 6),
    ("Cable Lateral Raise", "Standing_Low-Pulley_Deltoid_Raise", 4),
    ("Seated Shoulder Press (Machine)", "Leverage_Shoulder_Press", 6),
    ("Spider Curl (Dumbbell)", "Spider_Curl", 2),
    ("Chin Up (Weighted)", "Chin-Up", 2),
    ("Pause Squat (Barbell)", "Barbell_Squat", 3),
    ("Paused Bench Press", BENCH, 3),
    ("Chest Supported T-Bar Row", "T-Bar_Row_with_Handle", 3),
    ("Leg Press Horizontal (Machine)", "Leg_Press", 3),
    ("Straight Arm Pulldown (Cable)", "Straight-Arm_Pulldown", 3),
    ("Cable Row", "Seated_Cable_Rows", 3),
    ("Cable Fly", "Cable_Crossover", 4),
    ("Leg Raise (Hanging)", "Hanging_Leg_Raise", 3),
    ("Incline Walk (Treadmill)", "Walking_Treadmill", 3),
    ("Curl (Kettlebell)", "Dumbbell_Bicep_Curl", 1),
    ("Tricep Extension (Dumbbell)", "Standing_Dumbbell_Triceps_Extension", 3),
    ("Sled Drag", "Sled_Drag_-_Harness", 1),
    # FitNotes: the equipment inside the name
    ("Flat Barbell Bench Press", BENCH, 40),
    ("Flat Dumbbell Bench Press", "Dumbbell_Bench_Press", 15),
    ("Barbell Back Squat", "Barbell_Squat", 30),
    ("Leg Extension Machine", "Leg_Extensions", 10),
    ("Seated Leg Curl Machine", "Seated_Leg_Curl", 8),
    ("Lying Leg Curl Machine", "Lying_Leg_Curls", 8),
    ("Incline Dumbbell Bench Press", "Incline_Dumbbell_Press", 10),
    ("Decline Barbell Bench Press", "Decline_Barbell_Bench_Press", 4),
    ("Overhead Barbell Press", "Standing_Military_Press", 10),
    ("Seated Dumbbell Press", "Seated_Dumbbell_Press", 8),
    ("Barbell Curl", "Barbell_Curl", 10),
    ("EZ-Bar Curl", "EZ-Bar_Curl", 6),
    ("Rope Push Down", "Triceps_Pushdown_-_Rope_Attachment", 8),
    ("Parallel Bar Triceps Dip", "Dips_-_Triceps_Version", 6),
    ("Seated Machine Fly", "Butterfly", 5),
    ("Standing Calf Raise Machine", "Standing_Calf_Raises", 6),
    ("Seated Calf Raise Machine", "Seated_Calf_Raise", 5),
    ("Barbell Row", "Bent_Over_Barbell_Row", 10),
    ("Dumbbell Row", "One-Arm_Dumbbell_Row", 10),
    ("Dumbbell Lateral Raise", "Side_Lateral_Raise", 10),
    ("Running (Treadmill)", "Running_Treadmill", 4),
    ("Stair Climber", "Stairmaster", 2),
    ("Rowing Machine", "Rowing_Stationary", 2),
    ("Pull-Ups", "Pullups", 8),
    ("Push-ups", "Pushups", 8),
    # Localised Strong exports
    ("Bankdrücken (Langhantel)", BENCH, 10),
    ("Kreuzheben (Langhantel)", "Barbell_Deadlift", 6),
    ("Développé couché (Haltères)", "Dumbbell_Bench_Press", 4),
    ("Soulevé de terre (Barre)", "Barbell_Deadlift", 4),
]

# Moves the catalog does not have: they must stay unmatched rather than land on a look-alike.
UNMATCHED: list[tuple[str, int]] = [
    ("Burpee", 10),
    ("Jumping Jack", 5),
    ("Dead Hang", 4),
    ("Jefferson Curl", 2),
    ("Press (Machine)", 2),
    ("Swimming", 2),
    ("Foam Rolling", 2),
    ("Front Lever Raise", 2),
    ("Spiderman", 1),
    ("Yoga", 1),
]


@pytest.fixture(scope="module")
def matched():
    from pipelines.db import connect

    con = connect(":memory:")
    names = [n for n, _, _ in REALISTIC] + [n for n, _ in UNMATCHED]
    found = match_exercises(con, names).set_index("name")["exercise_id"]
    con.close()
    return {name: (None if not isinstance(i, str) else i) for name, i in found.items()}


def test_the_realistic_list_is_long_enough_to_mean_something():
    assert len(REALISTIC) + len(UNMATCHED) >= 78
    assert len({n for n, _, _ in REALISTIC}) == len(REALISTIC)


@pytest.mark.parametrize(("name", "expected", "_share"), REALISTIC)
def test_a_realistic_name_lands_on_the_right_catalog_exercise(matched, name, expected, _share):
    assert matched[name] == expected


@pytest.mark.parametrize(("name", "_share"), UNMATCHED)
def test_a_move_the_catalog_lacks_stays_unmatched(matched, name, _share):
    assert matched[name] is None


def test_at_least_nine_in_ten_sets_of_a_realistic_export_land_on_the_catalog(matched):
    total = sum(s for _, _, s in REALISTIC) + sum(s for _, s in UNMATCHED)
    landed = sum(s for n, _, s in REALISTIC if matched[n] is not None)
    assert landed / total >= 0.9


def test_matching_reports_how_each_name_was_found(con):
    names = ["Bench Press (Barbell)", "Barbell Bench Press - Medium Grip", "Cable Fly", "Burpee"]
    names += ["Barbel Curl", "Seated Cable Row (Close Grip) Old Data", "Cable Kickback"]
    found = match_exercises(con, names).set_index("name")
    assert found["method"].to_dict() == {
        "Bench Press (Barbell)": "alias",
        "Barbell Bench Press - Medium Grip": "exact",
        "Burpee": "none",
        "Cable Fly": "structure",
        "Barbel Curl": "fuzzy",
        "Seated Cable Row (Close Grip) Old Data": "variant",
        "Cable Kickback": "ambiguous",
    }
    assert "barbel read as barbell" in str(found.loc["Barbel Curl", "detail"])
    assert "old" in str(found.loc["Seated Cable Row (Close Grip) Old Data", "detail"])


@pytest.mark.parametrize(
    ("name", "movement", "equipment", "details"),
    [
        ("Bench Press (Barbell)", {"bench", "press"}, {"barbell"}, set()),
        (
            "Triceps Pushdown (Cable - Straight Bar)",
            {"tricep", "pushdown"},
            {"cable", "straightbar"},
            set(),
        ),
        ("Bench Press - Close Grip (Barbell)", {"bench", "press"}, {"barbell"}, {"closegrip"}),
        ("Flat Dumbbell Bench Press", {"flat", "bench", "press"}, {"dumbbell"}, set()),
        ("Barbell Back Squat", {"squat"}, {"barbell"}, set()),
        ("Leg Extension Machine", {"leg", "extension"}, {"machine"}, set()),
        ("Knee Raise (Captain's Chair)", {"knee", "raise"}, set(), {"captain", "chair"}),
        ("Kreuzheben (Langhantel)", {"deadlift"}, {"barbell"}, set()),
    ],
)
def test_a_name_is_taken_apart_into_movement_equipment_and_details(
    name, movement, equipment, details
):
    parts = name_parts(name)
    assert (set(parts.movement), set(parts.equipment), set(parts.details)) == (
        movement,
        equipment,
        details,
    )


def test_name_tokens_use_one_spelling_for_plurals_compounds_and_abbreviations():
    assert name_tokens("DB Flyes") == ["dumbbell", "fly"]
    assert name_tokens("Pull-Ups") == ["pullup"]
    assert name_tokens("RDL") == ["romanian", "deadlift"]
    assert name_tokens("Calves Raises") == ["calf", "raise"]


def test_a_custom_exercise_id_is_readable_and_stable():
    assert custom_exercise_id("Landmine Press (Single Arm)") == "custom:landmine-press-single-arm"
    assert custom_exercise_id("  Landmine   press ") == "custom:landmine-press"
    assert custom_exercise_id("💪").startswith("custom:")


def test_adding_a_custom_exercise_stores_it_with_its_muscles(con):
    exercise_id = add_custom_exercise(
        con, "Tibialis Wall Raise", ["adductors"], ["abdominals"], "timed", equipment="body only"
    )

    assert exercise_id == "custom:tibialis-wall-raise"
    assert con.execute(
        "select name, source, mapped, load_type, equipment from exercises where exercise_id = ?",
        [exercise_id],
    ).fetchone() == ("Tibialis Wall Raise", "custom", True, "timed", "body only")
    assert con.execute(
        "select muscle_group, role from exercise_muscles where exercise_id = ? order by 1",
        [exercise_id],
    ).fetchall() == [("abdominals", "secondary"), ("adductors", "primary")]
    assert match_exercises(con, ["tibialis wall raise"])["exercise_id"].tolist() == [exercise_id]


@pytest.mark.parametrize(
    ("args", "column"),
    [
        (("Bench Press", ["chest"]), "name"),
        (("Thing", []), "primary"),
        (("Thing", ["wings"]), "muscle_group"),
        (("Thing", ["chest"], ["chest"]), "muscle_group"),
        (("Thing", ["chest"], [], "flying"), "load_type"),
    ],
)
def test_a_bad_custom_exercise_is_refused_and_nothing_is_written(con, args, column):
    before = con.execute("select count(*) from exercises").fetchone()
    with pytest.raises(ValidationError) as caught:
        add_custom_exercise(con, *args)
    assert column in {p.column for p in caught.value.problems}
    assert con.execute("select count(*) from exercises").fetchone() == before


def test_mapping_needs_a_custom_exercise_and_a_target_with_muscles(con):
    exercise_id = add_custom_exercise(con, "Tibialis Wall Raise", ["adductors"])
    with pytest.raises(ValidationError, match="only custom exercises"):
        map_exercise(con, BENCH, "Barbell_Squat")
    with pytest.raises(ValidationError, match="known exercise"):
        map_exercise(con, exercise_id, "No_Such_Exercise")
    with pytest.raises(ValidationError, match="known exercise"):
        map_exercise(con, "custom:nothing", BENCH)


def test_mapping_again_replaces_the_muscles(con):
    exercise_id = add_custom_exercise(con, "Odd Row", ["lats"])
    map_exercise(con, exercise_id, "Barbell_Squat")
    map_exercise(con, exercise_id, BENCH)

    mine = con.execute(
        "select muscle_group, role from exercise_muscles where exercise_id = ? order by 1",
        [exercise_id],
    ).fetchall()
    bench = con.execute(
        "select muscle_group, role from exercise_muscles where exercise_id = ? order by 1", [BENCH]
    ).fetchall()
    assert mine == bench
    assert con.execute(
        "select target_exercise_id from exercise_mappings where exercise_id = ?", [exercise_id]
    ).fetchall() == [(BENCH,)]
