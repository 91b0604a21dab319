"""The shipped reference data in data/*.csv: its build, its rules, and name normalisation."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from catalog_builder.build import (
    COLUMNS,
    CatalogError,
    Exercise,
    alias_rows,
    build,
    exercise_muscle_rows,
)
from catalog_builder.curation import CURATION_DIR, FILES, load_curation
from pipelines import schemas
from pipelines.names import normalise_name

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
SOURCE_JSON = REPO.parent / "shared" / "data" / "free-exercise-db" / "exercises.json"

MUSCLE_GROUPS = {
    "abdominals",
    "abductors",
    "adductors",
    "biceps",
    "calves",
    "chest",
    "forearms",
    "glutes",
    "hamstrings",
    "lats",
    "lower back",
    "middle back",
    "neck",
    "quadriceps",
    "shoulders",
    "traps",
    "triceps",
}

SEED_MUSCLES = {
    "Suitcase_Deadlift": (
        {"glutes", "quadriceps", "hamstrings"},
        {"lower back", "abdominals", "traps", "forearms"},
    ),
    "Plank_Up-Down": ({"abdominals"}, {"shoulders", "triceps", "chest"}),
    "Single-Leg_Pick-Up": (
        {"hamstrings", "glutes"},
        {"lower back", "adductors", "calves", "abdominals"},
    ),
    "Windmill_Skater": (
        {"glutes", "quadriceps"},
        {"adductors", "abductors", "hamstrings", "calves", "abdominals", "lower back"},
    ),
}

ARTICLE_MOVES = {
    "Suitcase_Deadlift",
    "Kettlebell_Sumo_High_Pull",
    "Plank_Up-Down",
    "Single-Leg_Pick-Up",
    "Windmill_Skater",
    "Superman",
}


def read(name: str) -> list[dict[str, str]]:
    with (DATA / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def exercises() -> dict[str, dict[str, str]]:
    return {row["exercise_id"]: row for row in read("exercises")}


@pytest.fixture(scope="module")
def muscles_by_role() -> dict[str, dict[str, set[str]]]:
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in read("exercise_muscles"):
        found[row["exercise_id"]][row["role"]].add(row["muscle_group"])
    return found


@pytest.fixture(scope="module")
def aliases() -> dict[str, str]:
    return {row["alias_norm"]: row["exercise_id"] for row in read("exercise_aliases")}


def test_a_fresh_build_reproduces_the_committed_files_byte_for_byte(tmp_path: Path) -> None:
    if not SOURCE_JSON.is_file():
        pytest.skip("free-exercise-db's exercises.json is not next to the repository")
    build(SOURCE_JSON, tmp_path)
    for name in COLUMNS:
        fresh = (tmp_path / f"{name}.csv").read_bytes()
        assert fresh == (DATA / f"{name}.csv").read_bytes(), f"{name}.csv differs; rebuild it"


@pytest.mark.parametrize("name", list(COLUMNS))
def test_every_file_has_its_exact_header_and_lf_line_endings(name: str) -> None:
    raw = (DATA / f"{name}.csv").read_bytes()
    assert b"\r" not in raw
    assert raw.endswith(b"\n")
    assert raw.decode("utf-8").split("\n", 1)[0] == ",".join(COLUMNS[name])


CURATED_MOVES = {
    "Pendulum_Squat",
    "Belt_Squat",
    "Landmine_Press",
    "Landmine_Row",
    "Meadows_Row",
    "Y_Raise",
    "Bayesian_Curl",
    "Chest_Supported_Machine_Row",
    "Copenhagen_Plank",
}


def test_the_catalog_holds_the_source_exercises_the_seed_moves_and_the_curated_ones(
    exercises: dict[str, dict[str, str]],
) -> None:
    sources = Counter(row["source"] for row in exercises.values())
    assert sources == {"catalog": 873, "liftboard": 4 + len(CURATED_MOVES)}
    curated = {i for i, row in exercises.items() if row["source"] == "liftboard"}
    assert curated == set(SEED_MUSCLES) | CURATED_MOVES
    assert len({row["name_norm"] for row in exercises.values()}) == len(exercises)
    for row in exercises.values():
        assert row["name_norm"] == normalise_name(row["name"])


def test_every_exercise_has_at_least_one_primary_muscle(
    exercises: dict[str, dict[str, str]], muscles_by_role: dict[str, dict[str, set[str]]]
) -> None:
    missing = [i for i in exercises if not muscles_by_role[i]["primary"]]
    assert missing == []


def test_exercise_muscles_use_only_the_17_known_groups_and_roles() -> None:
    rows = read("exercise_muscles")
    assert {row["muscle_group"] for row in rows} <= MUSCLE_GROUPS
    assert {row["role"] for row in rows} == {"primary", "secondary"}
    assert {row["muscle_group"] for row in read("muscle_groups")} == MUSCLE_GROUPS
    pairs = [(row["exercise_id"], row["muscle_group"]) for row in rows]
    assert len(pairs) == len(set(pairs)), "a group is both primary and secondary somewhere"


def test_muscle_groups_are_ordered_by_region_back_first_then_legs() -> None:
    rows = read("muscle_groups")
    assert [int(row["display_order"]) for row in rows] == list(range(1, 18))
    regions = [row["region"] for row in rows]
    assert list(dict.fromkeys(regions)) == ["back", "legs", "core", "shoulders", "chest", "arms"]


def test_the_article_anatomy_maps_onto_its_groups() -> None:
    groups = {row["muscle"]: row["muscle_group"] for row in read("muscles")}
    assert groups["erector spinae"] == "lower back"
    assert groups["latissimus dorsi"] == "lats"
    assert groups["trapezius"] == "traps"
    assert groups["rhomboid major"] == groups["rhomboid minor"] == "middle back"
    assert groups["gastrocnemius"] == groups["soleus"] == "calves"


@pytest.mark.parametrize("exercise_id", sorted(SEED_MUSCLES))
def test_seed_moves_carry_exactly_the_reference_muscles(
    exercise_id: str, muscles_by_role: dict[str, dict[str, set[str]]]
) -> None:
    primary, secondary = SEED_MUSCLES[exercise_id]
    assert muscles_by_role[exercise_id]["primary"] == primary
    assert muscles_by_role[exercise_id]["secondary"] == secondary


def test_load_types_of_the_article_moves_and_bodyweight_classics(
    exercises: dict[str, dict[str, str]],
) -> None:
    expected = {
        "Suitcase_Deadlift": "weighted",
        "Kettlebell_Sumo_High_Pull": "weighted",
        "Plank_Up-Down": "bodyweight",
        "Single-Leg_Pick-Up": "bodyweight",
        "Windmill_Skater": "bodyweight",
        "Superman": "bodyweight",
        "Plank": "timed",
        "Pullups": "bodyweight",
        "Weighted_Pull_Ups": "weighted_bodyweight",
        "Band_Assisted_Pull-Up": "assisted",
        "Running_Treadmill": "distance",
        "Barbell_Squat": "weighted",
    }
    assert {i: exercises[i]["load_type"] for i in expected} == expected
    assert exercises["Pullups"]["bodyweight_factor"] == "1"
    assert exercises["Pushups"]["bodyweight_factor"] == "0.64"
    assert all(
        exercises[i]["unilateral"] == "true" for i in SEED_MUSCLES.keys() - {"Plank_Up-Down"}
    )
    assert all(exercises[i]["stance"] and exercises[i]["cues"] for i in ARTICLE_MOVES)


def test_every_alias_points_at_an_existing_exercise(
    exercises: dict[str, dict[str, str]], aliases: dict[str, str]
) -> None:
    assert set(aliases.values()) <= set(exercises)


def test_alias_norms_are_unique_and_never_another_exercises_name(
    exercises: dict[str, dict[str, str]],
) -> None:
    rows = read("exercise_aliases")
    norms = [row["alias_norm"] for row in rows]
    assert len(norms) == len(set(norms))
    owner = {row["name_norm"]: i for i, row in exercises.items()}
    for row in rows:
        assert row["alias_norm"] == normalise_name(row["alias"])
        assert owner.get(row["alias_norm"], row["exercise_id"]) == row["exercise_id"], row


@pytest.mark.parametrize(
    ("alias", "exercise_id"),
    [
        ("Squat (Barbell)", "Barbell_Squat"),
        ("Bench Press (Barbell)", "Barbell_Bench_Press_-_Medium_Grip"),
        ("Bench Press (Dumbbell)", "Dumbbell_Bench_Press"),
        ("Deadlift (Barbell)", "Barbell_Deadlift"),
        ("Pull Up", "Pullups"),
        ("Chin Up", "Chin-Up"),
        ("Lat Pulldown (Cable)", "Wide-Grip_Lat_Pulldown"),
        ("Bent Over Row (Barbell)", "Bent_Over_Barbell_Row"),
        ("Romanian Deadlift (Barbell)", "Romanian_Deadlift"),
        ("Overhead Press (Barbell)", "Standing_Military_Press"),
        ("Incline Bench Press (Barbell)", "Barbell_Incline_Bench_Press_-_Medium_Grip"),
        ("Leg Extension (Machine)", "Leg_Extensions"),
        ("Lying Leg Curl (Machine)", "Lying_Leg_Curls"),
        ("Triceps Pushdown (Cable - Straight Bar)", "Triceps_Pushdown"),
        ("Hip Thrust (Barbell)", "Barbell_Hip_Thrust"),
        ("Flat Barbell Bench Press", "Barbell_Bench_Press_-_Medium_Grip"),
        ("Seated Leg Curl Machine", "Seated_Leg_Curl"),
        ("Lateral Dumbbell Raise", "Side_Lateral_Raise"),
        ("Plank Up-Downs", "Plank_Up-Down"),
        ("Sumo High Pull (Kettlebell)", "Kettlebell_Sumo_High_Pull"),
        ("Renegade Row (Dumbbell)", "Alternating_Renegade_Row"),
        ("Windmill Skaters", "Windmill_Skater"),
    ],
)
def test_common_lifts_of_other_apps_map_where_expected(
    alias: str, exercise_id: str, aliases: dict[str, str]
) -> None:
    assert aliases[normalise_name(alias)] == exercise_id


def test_every_curated_move_has_primary_muscles_with_a_published_source() -> None:
    with (CURATION_DIR / "exercise_muscles.csv").open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["exercise_id"] in CURATED_MOVES]
    assert {row["exercise_id"] for row in rows if row["role"] == "primary"} == CURATED_MOVES
    for row in rows:
        assert any(ref in row["source"] for ref in ("ExRx.net", "et al.")), row


def test_at_least_150_aliases_are_shipped() -> None:
    assert len(read("exercise_aliases")) >= 150


def test_the_template_has_four_rounds_with_every_article_move() -> None:
    (template,) = read("workout_templates")
    assert template["template_id"] == "beginner_back_legs"
    assert (template["rounds"], template["passes_per_round"], template["rest_s"]) == (
        "4",
        "2",
        "30",
    )
    items = read("template_items")
    main = [row for row in items if row["role"] == "main"]
    assert {int(row["round_no"]) for row in main} == {1, 2, 3, 4}
    assert {row["exercise_id"] for row in main} == ARTICLE_MOVES
    addons = {row["exercise_id"] for row in items if row["role"] == "addon"}
    assert addons == {"Pullups", "Barbell_Bench_Press_-_Medium_Grip"}
    assert all(row["round_no"] == "0" for row in items if row["role"] == "addon")
    for row in items:
        assert (row["reps"] == "") != (row["seconds"] == ""), row


def test_plank_up_down_and_single_leg_pick_up_share_a_round() -> None:
    rounds = defaultdict(set)
    for row in read("template_items"):
        rounds[row["exercise_id"]].add(row["round_no"])
    assert rounds["Plank_Up-Down"] & rounds["Single-Leg_Pick-Up"]


def test_variations_point_at_existing_exercises_and_known_kinds(
    exercises: dict[str, dict[str, str]],
) -> None:
    rows = read("exercise_variations")
    assert {row["kind"] for row in rows} <= {"harder", "easier", "equipment"}
    for row in rows:
        assert row["exercise_id"] in exercises
        assert row["target_exercise_id"] in {"", *exercises}
    sumo = [row["variation"] for row in rows if row["exercise_id"] == "Kettlebell_Sumo_High_Pull"]
    assert "Barbell" not in sumo


@pytest.mark.parametrize(
    "curated",
    [
        (("Pull Up", "Pullups"), ("Pull-Up", "Chin-Up")),
        (("Chin Up", "Pullups"),),
        (("Pull Up", "No_Such_Exercise"),),
    ],
    ids=["two-ids-for-one-spelling", "another-exercises-name", "unknown-target"],
)
def test_the_build_refuses_ambiguous_or_dangling_aliases(
    curated: tuple[tuple[str, str], ...],
) -> None:
    with pytest.raises(CatalogError):
        alias_rows({"pullups": "Pullups", "chin up": "Chin-Up"}, curated)


def test_the_build_refuses_an_exercise_without_a_primary_muscle() -> None:
    orphan = Exercise("X", "X", "strength", "", "", "", "beginner", (), ("glutes",), "catalog")
    with pytest.raises(CatalogError, match="no primary muscle"):
        exercise_muscle_rows([orphan], MUSCLE_GROUPS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Squat (Barbell) ", "squat barbell"),
        ("Pull-Up", "pull up"),
        ("Pull_Up", "pull up"),
        ("Triceps Pushdown (Cable - Straight Bar)", "triceps pushdown cable straight bar"),
        ("Bicycling, Stationary", "bicycling stationary"),
        ("3/4 Sit-Up", "3 4 sit up"),
        ("Farmer's Walk", "farmers walk"),
        ("Farmer\u2019s Walk", "farmers walk"),
        ("BENCH\tpress\n", "bench press"),
        ("\uff30\uff55\uff4c\uff4c\u3000\uff35\uff50", "pull up"),
        ("Kniebeuge (Langhantel)", "kniebeuge langhantel"),
        ("Straße", "strasse"),
        ("", ""),
        ("---", ""),
    ],
)
def test_normalise_name_folds_case_punctuation_and_spacing(text: str, expected: str) -> None:
    assert normalise_name(text) == expected


# --- the curated facts are data files, and each domain vocabulary has one owner ---------------


def _copy_curation(tmp_path: Path) -> Path:
    folder = tmp_path / "curation"
    folder.mkdir()
    for name in FILES:
        (folder / f"{name}.csv").write_bytes((CURATION_DIR / f"{name}.csv").read_bytes())
    return folder


@pytest.mark.parametrize("name", list(FILES))
def test_every_curated_fact_names_its_source(name: str) -> None:
    with (CURATION_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    assert all(row["source"].strip() for row in rows)


def test_a_curated_alias_added_to_the_file_reaches_the_built_aliases(tmp_path: Path) -> None:
    if not SOURCE_JSON.is_file():
        pytest.skip("free-exercise-db's exercises.json is not next to the repository")
    folder = _copy_curation(tmp_path)
    with (folder / "aliases.csv").open("a", encoding="utf-8", newline="") as handle:
        handle.write("Coach Sam's Squat,Barbell_Squat,coach's own name for the lift\n")
    build(SOURCE_JSON, tmp_path / "out", folder)
    with (tmp_path / "out" / "exercise_aliases.csv").open(encoding="utf-8") as handle:
        built = {row["alias_norm"]: row["exercise_id"] for row in csv.DictReader(handle)}
    assert built["coach sams squat"] == "Barbell_Squat"


def test_a_curated_row_without_a_source_stops_the_build_with_its_line(tmp_path: Path) -> None:
    folder = _copy_curation(tmp_path)
    with (folder / "load_types.csv").open("a", encoding="utf-8", newline="") as handle:
        handle.write("Plank,timed,\n")
    lines = (folder / "load_types.csv").read_text(encoding="utf-8").count("\n")
    with pytest.raises(CatalogError, match=f"load_types.csv line {lines} gives no source"):
        load_curation(folder)


def test_a_curated_muscle_override_replaces_the_source_muscles(tmp_path: Path) -> None:
    if not SOURCE_JSON.is_file():
        pytest.skip("free-exercise-db's exercises.json is not next to the repository")
    folder = _copy_curation(tmp_path)
    with (folder / "exercise_muscles.csv").open("a", encoding="utf-8", newline="") as handle:
        handle.write("Plank,abdominals,primary,test override\n")
    build(SOURCE_JSON, tmp_path / "out", folder)
    with (tmp_path / "out" / "exercise_muscles.csv").open(encoding="utf-8") as handle:
        plank = [row for row in csv.DictReader(handle) if row["exercise_id"] == "Plank"]
    assert [(row["muscle_group"], row["role"]) for row in plank] == [("abdominals", "primary")]


def test_the_schema_muscle_groups_are_the_shipped_ones() -> None:
    assert set(schemas.MUSCLE_GROUPS) == {row["muscle_group"] for row in read("muscle_groups")}
    assert set(schemas.MUSCLE_GROUPS) == MUSCLE_GROUPS


def test_the_database_constraints_allow_exactly_the_schema_vocabularies() -> None:
    sql = (REPO / "pipelines" / "migrations" / "001_create_core_tables.sql").read_text()

    def allowed(column: str) -> set[str]:
        start = sql.index(f"{column} varchar")
        clause = sql[sql.index(" in (", start) + 5 : sql.index(")", sql.index(" in (", start))]
        return {value.strip().strip("'") for value in clause.split(",")}

    assert allowed("region") == set(schemas.REGIONS)
    assert allowed("load_type") == set(schemas.LOAD_TYPES)
    assert allowed("kind") == set(schemas.VARIATION_KINDS)
    assert allowed("set_type") == set(schemas.SET_TYPES)


def test_the_running_app_never_imports_the_catalog_builder() -> None:
    offenders = []
    for folder in ("pipelines", "dashboard"):
        for path in (REPO / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if "catalog_builder" in text:
                offenders.append(str(path.relative_to(REPO)))
    assert offenders == []
