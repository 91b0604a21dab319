"""Build the shipped reference CSVs in `data/` from free-exercise-db plus the curated facts.

Run `python -m catalog_builder path/to/exercises.json [--out data] [--curation DIR]`. Only
facts are taken from the source (ids, names, categories, equipment, muscles); its instructions
are not. The curated facts are read from `data/curation/*.csv` (see `catalog_builder.curation`).
The output is deterministic: sorted rows, UTF-8, LF line endings and a header row, so running
the build twice gives byte-identical files.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import io
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from catalog_builder.curation import CURATION_DIR, CatalogError, Curation, load_curation
from pipelines.db import SEED_FILES
from pipelines.names import normalise_name
from pipelines.schemas import LOAD_TYPES, REGIONS, VARIATION_KINDS

Row = tuple[str, ...]

# The files this script builds, with the columns the loader expects (pipelines.db owns them);
# volume_landmarks.csv is curated by hand and not built here.
BUILT = (
    "muscle_groups",
    "muscles",
    "exercises",
    "exercise_muscles",
    "exercise_aliases",
    "exercise_variations",
    "workout_templates",
    "template_items",
    "exercise_popularity",
)
COLUMNS: dict[str, Row] = {name: SEED_FILES[name] for name in BUILT}
__all__ = ["COLUMNS", "CatalogError", "Exercise", "build", "build_tables", "main"]


@dataclass(frozen=True)
class Exercise:
    """One exercise as the build sees it, from the source or from the curation."""

    exercise_id: str
    name: str
    category: str
    equipment: str
    mechanic: str
    force: str
    level: str
    primary: tuple[str, ...]
    secondary: tuple[str, ...]
    source: str


def load_source(path: Path) -> list[Exercise]:
    """Read free-exercise-db's `exercises.json`, keeping facts only (no instructions).

    Raises:
        CatalogError: The file is not a list of exercises with the expected fields.
    """
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise CatalogError(f"The source {path} could not be read: {exc}.") from None
    if not isinstance(raw, list):
        raise CatalogError(f"The source {path} is not a JSON list of exercises.")
    return [_source_exercise(item, index) for index, item in enumerate(raw)]


def _text(item: dict[str, object], key: str) -> str:
    value = item.get(key)
    return value.strip() if isinstance(value, str) else ""


def _muscles(item: dict[str, object], key: str) -> tuple[str, ...]:
    value = item.get(key)
    if not isinstance(value, list):
        return ()
    return tuple(v.strip() for v in value if isinstance(v, str) and v.strip())


def _source_exercise(item: object, index: int) -> Exercise:
    if not isinstance(item, dict):
        raise CatalogError(f"Entry {index} of the source is not an object.")
    exercise_id, name = _text(item, "id"), _text(item, "name")
    if not exercise_id or not name:
        raise CatalogError(f"Entry {index} of the source has no id or no name.")
    return Exercise(
        exercise_id=exercise_id,
        name=name,
        category=_text(item, "category"),
        equipment=_text(item, "equipment"),
        mechanic=_text(item, "mechanic"),
        force=_text(item, "force"),
        level=_text(item, "level"),
        primary=_muscles(item, "primaryMuscles"),
        secondary=_muscles(item, "secondaryMuscles"),
        source="catalog",
    )


def curated_exercises(curation: Curation) -> list[Exercise]:
    """The curated exercises that the source lacks, with their curated muscles."""
    return [
        Exercise(
            exercise_id=ex.exercise_id,
            name=ex.name,
            category=ex.category,
            equipment=ex.equipment,
            mechanic=ex.mechanic,
            force=ex.force,
            level=ex.level,
            primary=curation.exercise_muscles.get(ex.exercise_id, ((), ()))[0],
            secondary=curation.exercise_muscles.get(ex.exercise_id, ((), ()))[1],
            source="liftboard",
        )
        for ex in curation.exercises
    ]


def with_curated_muscles(source: Sequence[Exercise], curation: Curation) -> list[Exercise]:
    """Source exercises, with the curated muscles replacing the source's where given."""
    out = []
    for ex in source:
        curated = curation.exercise_muscles.get(ex.exercise_id)
        if curated is not None:
            ex = dataclasses.replace(ex, primary=curated[0], secondary=curated[1])
        out.append(ex)
    return out


_CARDIO_DISTANCE = re.compile(r"bicycl|cycl|running|jogging|walking|rowing|skating")
_ASSISTED = re.compile(r"\bassisted\b")
_BODYWEIGHT_PULL_PUSH = re.compile(
    r"pull ?ups?\b|pullups?\b|\bchin|\bdips?\b|push ?ups?\b|muscle up"
)
_LOADED_EQUIPMENT = frozenset(
    {"barbell", "dumbbell", "cable", "machine", "kettlebells", "medicine ball", "e-z curl bar"}
)
_UNLOADED_EQUIPMENT = frozenset({"body only", "", "exercise ball", "bands"})
# Equipment "other" covers both loaded gear (stones, plates, trap bars) and bars, boxes,
# straps and rings that hold the body; these words mark the second kind.
_BODY_ON_GEAR = re.compile(
    r"pull ?ups?\b|pullups?\b|\bchin|muscle up|\bdips?\b|push ?ups?\b|suspended|inverted row|"
    r"mid row|hyperextension|rope climb|london bridges|jump|hop|skip|leap|sprint|raise on|"
    r"ab roller|glute ham|hamstring slides|hang\b|balance"
)


def load_type(exercise: Exercise, overrides: dict[str, str]) -> str:
    """How a set of the exercise is loaded: one of `LOAD_TYPES`.

    Curated overrides win; otherwise the category, force, equipment and name decide.
    """
    if exercise.exercise_id in overrides:
        return overrides[exercise.exercise_id]
    name = normalise_name(exercise.name)
    if exercise.category == "stretching" or exercise.equipment == "foam roll":
        return "timed"
    if exercise.category == "cardio":
        return "distance" if _CARDIO_DISTANCE.search(name) else "timed"
    if exercise.force == "static":
        return "timed"
    if _ASSISTED.search(name):
        return "assisted"
    if name.startswith("weighted") and _BODYWEIGHT_PULL_PUSH.search(name):
        return "weighted_bodyweight"
    if exercise.equipment in _LOADED_EQUIPMENT:
        return "weighted"
    if exercise.equipment in _UNLOADED_EQUIPMENT:
        return "weighted" if name.startswith("weighted") else "bodyweight"
    if exercise.category == "plyometrics" or _BODY_ON_GEAR.search(name):
        return "bodyweight"
    return "weighted"


_UNILATERAL = re.compile(
    r"\bsingle (arm|leg)\b|\bone (arm|leg|legged|handed)\b|\balternat(e|ing)\b|\blunges?\b|"
    r"\bsplit squats?\b|\bstep ups?\b|\bpistol\b|\bwindmills?\b|\bkickback\b"
)


def is_unilateral(exercise: Exercise, overrides: dict[str, bool]) -> bool:
    """Whether the exercise works one side at a time (reps are counted per side)."""
    if exercise.exercise_id in overrides:
        return overrides[exercise.exercise_id]
    return bool(_UNILATERAL.search(normalise_name(exercise.name)))


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    return format(value, "g")


def exercise_rows(exercises: Sequence[Exercise], curation: Curation) -> list[Row]:
    """Rows of `exercises.csv`, one per exercise."""
    rows: list[Row] = []
    for ex in exercises:
        kind = load_type(ex, curation.load_types)
        if kind not in LOAD_TYPES:
            raise CatalogError(f"{ex.exercise_id} has the unknown load type {kind!r}.")
        factor = curation.bodyweight_factors.get(ex.exercise_id, 0.0)
        if factor and kind not in {"bodyweight", "weighted_bodyweight", "assisted"}:
            raise CatalogError(
                f"{ex.exercise_id} has a bodyweight factor but its load type is {kind}."
            )
        stance, cues = curation.stance_cues.get(ex.exercise_id, ("", ""))
        rows.append(
            (
                ex.exercise_id,
                ex.name,
                normalise_name(ex.name),
                ex.category,
                ex.equipment,
                ex.mechanic,
                ex.force,
                ex.level,
                kind,
                _bool(is_unilateral(ex, curation.unilateral)),
                _number(factor),
                stance,
                cues,
                ex.source,
            )
        )
    return rows


def exercise_muscle_rows(exercises: Sequence[Exercise], groups: set[str]) -> list[Row]:
    """Rows of `exercise_muscles.csv`: a muscle listed as primary is never also secondary.

    Raises:
        CatalogError: An exercise has no primary muscle or names an unknown group.
    """
    rows: list[Row] = []
    for ex in exercises:
        primary = dict.fromkeys(ex.primary)
        secondary = [m for m in dict.fromkeys(ex.secondary) if m not in primary]
        if not primary:
            raise CatalogError(f"{ex.exercise_id} has no primary muscle.")
        for muscle in [*primary, *secondary]:
            if muscle not in groups:
                raise CatalogError(f"{ex.exercise_id} names the unknown muscle group {muscle!r}.")
        rows.extend((ex.exercise_id, m, "primary") for m in primary)
        rows.extend((ex.exercise_id, m, "secondary") for m in secondary)
    return rows


def alias_rows(name_norms: dict[str, str], aliases: Sequence[tuple[str, str]]) -> list[Row]:
    """Rows of `exercise_aliases.csv`, from the curated aliases.

    `name_norms` maps each exercise's normalised name to its id. Spellings that normalise
    alike and point at the same exercise are kept once (the first listed).

    Raises:
        CatalogError: An alias points at an unknown exercise, two aliases that normalise
            alike point at different exercises, or an alias is another exercise's name.
    """
    ids = set(name_norms.values())
    chosen: dict[str, tuple[str, str]] = {}
    for alias, exercise_id in aliases:
        norm = normalise_name(alias)
        if exercise_id not in ids:
            raise CatalogError(f"The alias {alias!r} points at the unknown {exercise_id!r}.")
        if not norm:
            raise CatalogError(f"The alias {alias!r} is empty once normalised.")
        owner = name_norms.get(norm)
        if owner is not None and owner != exercise_id:
            raise CatalogError(
                f"The alias {alias!r} is the name of {owner!r} but points at {exercise_id!r}."
            )
        if norm in chosen and chosen[norm][1] != exercise_id:
            raise CatalogError(
                f"The aliases {chosen[norm][0]!r} and {alias!r} normalise alike but point at "
                f"{chosen[norm][1]!r} and {exercise_id!r}."
            )
        chosen.setdefault(norm, (alias, exercise_id))
    return [(alias, norm, exercise_id) for norm, (alias, exercise_id) in chosen.items()]


def variation_rows(ids: set[str], curation: Curation) -> list[Row]:
    """Rows of `exercise_variations.csv`; positions count from 1 per exercise, as listed."""
    rows: list[Row] = []
    positions: dict[str, int] = {}
    for var in curation.variations:
        for needed in (var.exercise_id, var.target_exercise_id):
            if needed and needed not in ids:
                raise CatalogError(f"The variation {var.variation!r} names unknown {needed!r}.")
        if var.kind not in VARIATION_KINDS:
            raise CatalogError(f"The variation {var.variation!r} has unknown kind {var.kind!r}.")
        positions[var.exercise_id] = positions.get(var.exercise_id, 0) + 1
        rows.append(
            (
                var.exercise_id,
                str(positions[var.exercise_id]),
                var.variation,
                var.kind,
                var.description,
                var.target_exercise_id,
            )
        )
    return rows


def template_rows(curation: Curation) -> list[Row]:
    """Rows of `workout_templates.csv`, one per template."""
    return [
        (
            t.template_id,
            t.name,
            t.description,
            str(t.rounds),
            str(t.passes_per_round),
            str(t.rest_s),
            str(t.minutes_min),
            str(t.minutes_max),
            t.defaults_note,
        )
        for t in curation.templates
    ]


def template_item_rows(ids: set[str], curation: Curation) -> list[Row]:
    """Rows of `template_items.csv`; positions count from 1 per (template, round), as listed.

    Raises:
        CatalogError: An item names an unknown template or exercise, sets both or neither
            of reps and seconds, or lies outside its template's rounds.
    """
    templates = {t.template_id: t for t in curation.templates}
    rows: list[Row] = []
    positions: dict[tuple[str, int], int] = {}
    for item in curation.template_items:
        template = templates.get(item.template_id)
        if template is None or item.exercise_id not in ids:
            raise CatalogError(f"The template item {item!r} names an unknown template or move.")
        if (item.reps is None) == (item.seconds is None):
            raise CatalogError(f"The template item {item!r} needs reps or seconds, not both.")
        main = item.role == "main" and 1 <= item.round_no <= template.rounds
        addon = item.role == "addon" and item.round_no == 0
        if not (main or addon):
            raise CatalogError(f"The template item {item!r} has a bad round or role.")
        key = (item.template_id, item.round_no)
        positions[key] = positions.get(key, 0) + 1
        rows.append(
            (
                item.template_id,
                str(item.round_no),
                str(positions[key]),
                item.exercise_id,
                _number(item.reps),
                _number(item.seconds),
                _bool(item.per_side),
                item.role,
                item.notes,
            )
        )
    return rows


def _numeric_key(row: Row, numeric: Iterable[int]) -> tuple[object, ...]:
    positions = set(numeric)
    return tuple(int(v) if i in positions else v for i, v in enumerate(row))


def build_tables(
    source: Sequence[Exercise], curation: Curation | None = None
) -> dict[str, list[Row]]:
    """Every reference table as sorted rows (header excluded), keyed by file stem.

    Raises:
        CatalogError: A rule of the catalog is broken (see the row builders).
    """
    curation = load_curation() if curation is None else curation
    source_ids = {ex.exercise_id for ex in source}
    if len(source_ids) != len(source):
        raise CatalogError("The source repeats an exercise id.")
    for seed in curation.exercises:
        if seed.exercise_id in source_ids:
            raise CatalogError(f"The curated exercise id {seed.exercise_id!r} is in the source.")
    exercises = sorted(
        [*with_curated_muscles(source, curation), *curated_exercises(curation)],
        key=lambda ex: ex.exercise_id,
    )
    ids = {ex.exercise_id for ex in exercises}
    for curated in (
        curation.load_types,
        curation.unilateral,
        curation.bodyweight_factors,
        curation.stance_cues,
        curation.exercise_muscles,
        curation.common_lifts,
    ):
        unknown = sorted(set(curated) - ids)
        if unknown:
            raise CatalogError(f"The curation names unknown exercises: {', '.join(unknown)}.")
    name_norms: dict[str, str] = {}
    for ex in exercises:
        norm = normalise_name(ex.name)
        if norm in name_norms:
            raise CatalogError(f"{ex.exercise_id} and {name_norms[norm]} normalise alike.")
        name_norms[norm] = ex.exercise_id

    groups = {g.muscle_group for g in curation.muscle_groups}
    for group in curation.muscle_groups:
        if group.region not in REGIONS:
            raise CatalogError(f"The muscle group {group.muscle_group!r} has unknown region.")
    orders = sorted(g.display_order for g in curation.muscle_groups)
    if orders != list(range(1, len(orders) + 1)):
        raise CatalogError("The muscle groups' display_order must count 1, 2, 3 … without gaps.")
    for muscle in curation.muscles:
        if muscle.muscle_group not in groups:
            raise CatalogError(f"The muscle {muscle.muscle!r} maps to an unknown group.")
    ranks = sorted(curation.common_lifts.values())
    if ranks != list(range(1, len(ranks) + 1)):
        raise CatalogError("The common lifts' popularity_rank must count 1, 2, 3 … without gaps.")
    group_rows = [(g.muscle_group, g.region, str(g.display_order)) for g in curation.muscle_groups]
    return {
        "muscle_groups": sorted(group_rows, key=lambda r: int(r[2])),
        "muscles": sorted((m.muscle, m.muscle_group, m.description) for m in curation.muscles),
        "exercises": sorted(exercise_rows(exercises, curation)),
        "exercise_muscles": sorted(
            exercise_muscle_rows(exercises, groups), key=lambda r: (r[0], r[2], r[1])
        ),
        "exercise_aliases": sorted(
            alias_rows(name_norms, curation.aliases), key=lambda r: (r[1], r[0])
        ),
        "exercise_variations": sorted(
            variation_rows(ids, curation), key=lambda r: _numeric_key(r, [1])
        ),
        "workout_templates": sorted(template_rows(curation)),
        "template_items": sorted(
            template_item_rows(ids, curation), key=lambda r: _numeric_key(r, [1, 2])
        ),
        "exercise_popularity": sorted(
            ((exercise_id, str(rank)) for exercise_id, rank in curation.common_lifts.items()),
            key=lambda r: int(r[1]),
        ),
    }


def render_csv(header: Row, rows: Iterable[Row]) -> bytes:
    """A CSV file's bytes: UTF-8, LF line endings, minimal quoting, header first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def write_tables(tables: dict[str, list[Row]], out_dir: Path) -> list[Path]:
    """Write each table to `out_dir/<name>.csv`, returning the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in tables.items():
        path = out_dir / f"{name}.csv"
        path.write_bytes(render_csv(COLUMNS[name], rows))
        written.append(path)
    return written


def build(source_json: Path, out_dir: Path, curation_dir: Path = CURATION_DIR) -> dict[str, int]:
    """Build every reference CSV from `source_json` and the curated facts into `out_dir`.

    Returns:
        The number of data rows written per file stem.
    """
    tables = build_tables(load_source(source_json), load_curation(curation_dir))
    write_tables(tables, out_dir)
    return {name: len(rows) for name, rows in tables.items()}


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the process exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m catalog_builder",
        description="Build Liftboard's reference CSVs from free-exercise-db's exercises.json "
        "and the curated facts.",
    )
    parser.add_argument("source_json", type=Path, help="path to free-exercise-db exercises.json")
    parser.add_argument("--out", type=Path, default=Path("data"), help="output folder (data)")
    parser.add_argument(
        "--curation", type=Path, default=CURATION_DIR, help="curated facts (data/curation)"
    )
    args = parser.parse_args(argv)
    try:
        counts = build(args.source_json, args.out, args.curation)
    except CatalogError as exc:
        print(f"The catalog was not built: {exc}", file=sys.stderr)
        return 2
    for name, count in counts.items():
        print(f"{args.out / (name + '.csv')}: {count} rows")
    return 0
