"""Catalog reads for the dashboard, the template editor and the Log page's helpers."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from pipelines.athletes import athlete_activity, ensure_athlete
from pipelines.catalog import (
    anatomy_muscles,
    exercise_catalog,
    exercise_names,
    exercise_variations,
    save_template,
    template_exercises,
    workout_templates,
)
from pipelines.db import load_seeds
from pipelines.errors import ValidationError
from pipelines.logbook import last_sets, log_sets, start_session
from tests.conftest import snapshot

TEMPLATE = "beginner_back_legs"


def editable(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The seed template as the Workout page's editor shows it."""
    items = template_exercises(con, TEMPLATE)
    return items.rename(columns={"name": "exercise"})[
        ["round_no", "position", "exercise", "reps", "seconds", "per_side", "notes"]
    ].reset_index(drop=True)


def test_the_catalog_folds_muscles_and_aliases_into_text(con):
    row = exercise_catalog(con).set_index("exercise_id").loc["Barbell_Squat"]
    assert row["name"] == "Barbell Squat"
    assert "Squat (Barbell)" in row["aliases"].split(", ")
    assert row["primary_muscles"] == "glutes, quadriceps"  # squats train the glutes as main


def test_exercise_names_hold_names_and_aliases_with_the_athletes_recent_ones_first(con):
    me = ensure_athlete(con, "Sam")
    session = start_session(con, me, "2026-11-02 07:00")
    log_sets(con, session, [{"exercise": "Superman", "reps": 12}])
    names = exercise_names(con, me)
    assert names.iloc[0][["label", "exercise_id", "is_alias"]].tolist() == [
        "Superman",
        "Superman",
        False,
    ]
    alias = names.set_index("label").loc["Squat (Barbell)"]
    assert (alias["exercise_id"], alias["name"], alias["is_alias"]) == (
        "Barbell_Squat",
        "Barbell Squat",
        True,
    )
    assert names["label"].str.lower().is_unique


def test_last_sets_prefer_the_latest_working_set_to_a_later_warm_up(con):
    me = ensure_athlete(con, "Sam")
    first = start_session(con, me, "2026-11-02 07:00")
    log_sets(con, first, [{"exercise": "Barbell Squat", "weight": 60, "reps": 5}])
    second = start_session(con, me, "2026-11-09 07:00")
    log_sets(
        con,
        second,
        [
            {"exercise": "Barbell Squat", "weight": 140, "unit": "lb", "reps": 4},
            {"exercise": "Barbell Squat", "weight": 20, "reps": 10, "set_type": "warmup"},
            {"exercise": "Superman", "seconds": 30},
        ],
    )
    last = last_sets(con, me, ["Barbell_Squat", "Superman", "Pullups"])
    assert last["exercise_id"].tolist() == ["Barbell_Squat", "Superman"]
    squat = last.iloc[0]
    assert (squat["entered_weight"], squat["entered_unit"], squat["reps"]) == (140.0, "lb", 4)
    assert squat["performed_on"] == pd.Timestamp("2026-11-09")
    assert last.iloc[1]["duration_s"] == 30.0


def test_last_sets_only_look_at_the_given_athlete(con):
    sam, pat = ensure_athlete(con, "Sam"), ensure_athlete(con, "Pat")
    log_sets(con, start_session(con, pat, "2026-11-02"), [{"exercise": "Pullups", "reps": 8}])
    assert last_sets(con, sam, ["Pullups"]).empty


def test_athletes_are_listed_most_recently_active_first(con):
    sam, pat = ensure_athlete(con, "Sam"), ensure_athlete(con, "Pat")
    ensure_athlete(con, "Lee")
    start_session(con, sam, "2026-11-01")
    start_session(con, pat, "2026-11-05")
    start_session(con, sam, "2026-11-03")
    activity = athlete_activity(con)
    assert activity[["name", "sessions"]].to_numpy().tolist() == [
        ["Pat", 1],
        ["Sam", 2],
        ["Lee", 0],
    ]


def test_the_seed_template_lists_its_rounds_then_its_add_ons(con):
    items = template_exercises(con, TEMPLATE)
    assert items[["round_no", "position", "exercise_id"]].to_numpy().tolist() == [
        [1, 1, "Suitcase_Deadlift"],
        [1, 2, "Kettlebell_Sumo_High_Pull"],
        [2, 1, "Plank_Up-Down"],
        [2, 2, "Single-Leg_Pick-Up"],
        [3, 1, "Windmill_Skater"],
        [3, 2, "Superman"],
        [4, 1, "Kettlebell_Sumo_High_Pull"],
        [4, 2, "Superman"],
        [0, 1, "Pullups"],
        [0, 2, "Barbell_Bench_Press_-_Medium_Grip"],
    ]
    deadlift = items.iloc[0]
    assert (deadlift["reps"], deadlift["per_side"], deadlift["equipment"]) == (10, True, "dumbbell")
    assert deadlift["primary_muscles"] == "quadriceps, hamstrings, glutes"
    assert deadlift["stance"].startswith("Feet shoulder-width")
    template = workout_templates(con).iloc[0]
    shape = ["rounds", "passes_per_round", "rest_s", "minutes_min", "minutes_max"]
    assert template[shape].tolist() == [4, 2, 30, 15, 20]
    assert "Liftboard's defaults" in template["defaults_note"]


def test_variations_name_the_exercise_they_turn_into(con):
    found = exercise_variations(con, ["Plank_Up-Down"])
    assert found[["variation", "kind", "target_name"]].to_numpy().tolist() == [
        ["With a renegade row", "harder", "Alternating Renegade Row"]
    ]


def test_the_articles_muscles_map_onto_their_groups_and_the_moves_that_train_them(con):
    anatomy = anatomy_muscles(con, TEMPLATE).set_index("muscle")
    groups = anatomy["muscle_group"].to_dict()
    assert {
        m: groups[m]
        for m in (
            "gastrocnemius",
            "soleus",
            "latissimus dorsi",
            "erector spinae",
            "trapezius",
            "rhomboid major",
            "rhomboid minor",
        )
    } == {
        "gastrocnemius": "calves",
        "soleus": "calves",
        "latissimus dorsi": "lats",
        "erector spinae": "lower back",
        "trapezius": "traps",
        "rhomboid major": "middle back",
        "rhomboid minor": "middle back",
    }
    assert anatomy.loc["latissimus dorsi", "primary_in_workout"] == "Pullups"
    assert anatomy.loc["erector spinae", "primary_in_workout"] == "Superman"
    assert anatomy.loc["gastrocnemius", "secondary_in_workout"] == (
        "Single-Leg Pick-Up, Windmill Skater"
    )


def test_saving_a_template_replaces_its_slots_and_makes_it_the_users_own(con):
    rows = editable(con)
    rows.loc[0, "exercise"] = "Squat (Barbell)"  # an alias works too
    rows.loc[7, "reps"] = pd.NA
    rows.loc[7, "seconds"] = 45
    rows = rows[rows["round_no"] != 0]  # drop the add-ons
    assert save_template(con, TEMPLATE, rows, passes_per_round=3, rest_s=45) == 8
    saved = template_exercises(con, TEMPLATE)
    assert saved["exercise_id"].iloc[0] == "Barbell_Squat"
    assert saved["seconds"].iloc[7] == 45
    assert set(saved["role"]) == {"main"}
    template = workout_templates(con).iloc[0]
    assert template[["source", "rounds", "passes_per_round", "rest_s"]].tolist() == [
        "custom",
        4,
        3,
        45,
    ]


def test_positions_are_renumbered_in_the_order_given_within_each_round(con):
    rows = pd.DataFrame(
        {
            "round_no": [1, 1, 2],
            "position": [5, 2, None],
            "exercise": ["Superman", "Pullups", "Plank Up-Down"],
            "reps": [10, 5, 8],
            "seconds": [None, None, None],
            "per_side": [False, False, None],
            "notes": [None, "", "x"],
        }
    )
    save_template(con, TEMPLATE, rows)
    saved = template_exercises(con, TEMPLATE)
    assert saved[["round_no", "position", "exercise_id"]].to_numpy().tolist() == [
        [1, 1, "Pullups"],
        [1, 2, "Superman"],
        [2, 1, "Plank_Up-Down"],
    ]
    assert workout_templates(con).iloc[0]["rounds"] == 2


def test_a_saved_template_survives_a_newer_catalog(con):
    rows = editable(con)
    rows.loc[0, "reps"] = 6
    save_template(con, TEMPLATE, rows)
    load_seeds(con, force=True)
    assert template_exercises(con, TEMPLATE)["reps"].iloc[0] == 6


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"exercise": "Moon Walk"}, (1, "exercise", "Moon Walk")),
        ({"seconds": 30}, (1, "reps", 10)),
        ({"reps": None}, (1, "reps", None)),
        ({"round_no": -1}, (1, "round_no", -1)),
        ({"reps": 2.5}, (1, "reps", 2.5)),
    ],
)
def test_a_rejected_template_names_row_column_and_value_and_changes_nothing(con, change, expected):
    rows = editable(con).astype(object)
    for column, value in change.items():
        rows.loc[0, column] = value
    before = snapshot(con)
    with pytest.raises(ValidationError) as caught:
        save_template(con, TEMPLATE, rows)
    problem = caught.value.problems[0]
    assert (problem.row, problem.column, problem.value) == expected
    assert snapshot(con) == before


def test_main_rounds_without_a_gap_are_required(con):
    rows = editable(con)
    rows.loc[rows["round_no"] == 4, "round_no"] = 5
    with pytest.raises(ValidationError, match="without gaps"):
        save_template(con, TEMPLATE, rows)


def test_passes_and_rest_are_checked(con):
    with pytest.raises(ValidationError, match="passes_per_round"):
        save_template(con, TEMPLATE, editable(con), passes_per_round=0)
    with pytest.raises(ValidationError, match="rest_s"):
        save_template(con, TEMPLATE, editable(con), rest_s=4000)
