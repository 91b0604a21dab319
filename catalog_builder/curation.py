"""Read the curated facts in `data/curation/*.csv` that the build adds to free-exercise-db.

Each file holds one kind of fact, one fact a row, with a `source` column saying where the
fact comes from. A coach edits them in a spreadsheet or a text editor and rebuilds. Rows keep
their file order where order matters (aliases: the first spelling of a name wins; variations
and template items: their position).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

CURATION_DIR = Path(__file__).resolve().parents[1] / "data" / "curation"

# Each curated file and its exact header.
FILES: dict[str, tuple[str, ...]] = {
    "muscle_groups": ("muscle_group", "region", "display_order", "source"),
    "muscles": ("muscle", "muscle_group", "description", "source"),
    "exercises": (
        "exercise_id",
        "name",
        "category",
        "equipment",
        "mechanic",
        "force",
        "level",
        "source",
    ),
    "exercise_muscles": ("exercise_id", "muscle_group", "role", "source"),
    "load_types": ("exercise_id", "load_type", "source"),
    "unilateral": ("exercise_id", "unilateral", "source"),
    "bodyweight_factors": ("exercise_id", "bodyweight_factor", "source"),
    "stance_cues": ("exercise_id", "stance", "cues", "source"),
    "aliases": ("alias", "exercise_id", "source"),
    "common_lifts": ("exercise_id", "popularity_rank", "source"),
    "variations": (
        "exercise_id",
        "variation",
        "kind",
        "description",
        "target_exercise_id",
        "source",
    ),
    "templates": (
        "template_id",
        "name",
        "description",
        "rounds",
        "passes_per_round",
        "rest_s",
        "minutes_min",
        "minutes_max",
        "defaults_note",
        "source",
    ),
    "template_items": (
        "template_id",
        "round_no",
        "exercise_id",
        "reps",
        "seconds",
        "per_side",
        "role",
        "notes",
        "source",
    ),
}


class CatalogError(ValueError):
    """The source or the curation breaks a rule of the catalog; nothing is written."""


class MuscleGroup(NamedTuple):
    """A muscle group, the body region it belongs to and its place in charts."""

    muscle_group: str
    region: str
    display_order: int


class Muscle(NamedTuple):
    """A named anatomical muscle mapped onto a muscle group."""

    muscle: str
    muscle_group: str
    description: str


class CuratedExercise(NamedTuple):
    """An exercise that free-exercise-db lacks; its muscles are in `exercise_muscles`."""

    exercise_id: str
    name: str
    category: str
    equipment: str
    mechanic: str
    force: str
    level: str


class Variation(NamedTuple):
    """A way to make an exercise harder, easier, or do it with other equipment."""

    exercise_id: str
    variation: str
    kind: str
    description: str
    target_exercise_id: str


class Template(NamedTuple):
    """A workout template: rounds done in order, each round repeated `passes_per_round` times."""

    template_id: str
    name: str
    description: str
    rounds: int
    passes_per_round: int
    rest_s: int
    minutes_min: int
    minutes_max: int
    defaults_note: str


class TemplateItem(NamedTuple):
    """One exercise slot of a template; `reps` or `seconds` is set, never both."""

    template_id: str
    round_no: int
    exercise_id: str
    reps: int | None
    seconds: int | None
    per_side: bool
    role: str
    notes: str


@dataclass(frozen=True)
class Curation:
    """Every curated fact, as the build uses it."""

    muscle_groups: tuple[MuscleGroup, ...]
    muscles: tuple[Muscle, ...]
    exercises: tuple[CuratedExercise, ...]
    # Exercise id → (primary groups, secondary groups). For a source exercise these replace
    # the source's muscles; for a curated exercise they are its only muscles.
    exercise_muscles: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
    load_types: dict[str, str]
    unilateral: dict[str, bool]
    bodyweight_factors: dict[str, float]
    stance_cues: dict[str, tuple[str, str]]
    aliases: tuple[tuple[str, str], ...]
    # Exercise id → how common the lift is (1 = the most common), for the exercise search.
    common_lifts: dict[str, int]
    variations: tuple[Variation, ...]
    templates: tuple[Template, ...]
    template_items: tuple[TemplateItem, ...]


Rows = list[tuple[int, dict[str, str]]]


def _read(folder: Path, name: str) -> Rows:
    """The rows of one curated file with their line numbers; the header must match exactly."""
    path = folder / f"{name}.csv"
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = tuple(next(reader, ()))
            if header != FILES[name]:
                raise CatalogError(
                    f"{path.name} must start with the header {','.join(FILES[name])}."
                )
            rows: Rows = []
            for line, cells in enumerate(reader, start=2):
                if not any(c.strip() for c in cells):
                    continue
                if len(cells) != len(header):
                    raise CatalogError(
                        f"{path.name} line {line} has {len(cells)} cells, not {len(header)}."
                    )
                row = dict(zip(header, (c.strip() for c in cells), strict=True))
                if not row["source"]:
                    raise CatalogError(f"{path.name} line {line} gives no source.")
                rows.append((line, row))
            return rows
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"The curated file {path} could not be read: {exc}.") from None


def _int(name: str, line: int, column: str, value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise CatalogError(
            f"{name}.csv line {line}, column {column}: {value!r} is not a whole number."
        ) from None


def _optional_int(name: str, line: int, column: str, value: str) -> int | None:
    return None if value == "" else _int(name, line, column, value)


def _bool(name: str, line: int, column: str, value: str) -> bool:
    if value not in {"true", "false"}:
        raise CatalogError(f"{name}.csv line {line}, column {column}: {value!r} is not true/false.")
    return value == "true"


def _unique(name: str, rows: Rows, key: str) -> None:
    seen: dict[str, int] = {}
    for line, row in rows:
        if row[key] in seen:
            raise CatalogError(
                f"{name}.csv line {line} repeats {row[key]!r} (first on line {seen[row[key]]})."
            )
        seen[row[key]] = line


def load_curation(folder: Path = CURATION_DIR) -> Curation:
    """Read every curated file in `folder`.

    Raises:
        CatalogError: A file is missing, has the wrong header, a row lacks its source, a
            number or boolean does not parse, or a fact is given twice.
    """
    raw = {name: _read(folder, name) for name in FILES}
    for name, key in (
        ("muscle_groups", "muscle_group"),
        ("muscles", "muscle"),
        ("exercises", "exercise_id"),
        ("load_types", "exercise_id"),
        ("unilateral", "exercise_id"),
        ("bodyweight_factors", "exercise_id"),
        ("stance_cues", "exercise_id"),
        ("templates", "template_id"),
        ("common_lifts", "exercise_id"),
    ):
        _unique(name, raw[name], key)

    muscles: dict[str, tuple[list[str], list[str]]] = {}
    for line, row in raw["exercise_muscles"]:
        primary, secondary = muscles.setdefault(row["exercise_id"], ([], []))
        if row["role"] not in {"primary", "secondary"}:
            raise CatalogError(
                f"exercise_muscles.csv line {line}: the role {row['role']!r} is not "
                "primary or secondary."
            )
        chosen = primary if row["role"] == "primary" else secondary
        if row["muscle_group"] in primary or row["muscle_group"] in secondary:
            raise CatalogError(
                f"exercise_muscles.csv line {line} gives {row['muscle_group']!r} twice for "
                f"{row['exercise_id']!r}."
            )
        chosen.append(row["muscle_group"])

    factors: dict[str, float] = {}
    for line, row in raw["bodyweight_factors"]:
        try:
            factors[row["exercise_id"]] = float(row["bodyweight_factor"])
        except ValueError:
            raise CatalogError(
                f"bodyweight_factors.csv line {line}: {row['bodyweight_factor']!r} is not a number."
            ) from None

    return Curation(
        muscle_groups=tuple(
            MuscleGroup(
                r["muscle_group"],
                r["region"],
                _int("muscle_groups", n, "display_order", r["display_order"]),
            )
            for n, r in raw["muscle_groups"]
        ),
        muscles=tuple(
            Muscle(r["muscle"], r["muscle_group"], r["description"]) for _, r in raw["muscles"]
        ),
        exercises=tuple(
            CuratedExercise(*(r[c] for c in CuratedExercise._fields)) for _, r in raw["exercises"]
        ),
        exercise_muscles={k: (tuple(p), tuple(s)) for k, (p, s) in muscles.items()},
        load_types={r["exercise_id"]: r["load_type"] for _, r in raw["load_types"]},
        unilateral={
            r["exercise_id"]: _bool("unilateral", n, "unilateral", r["unilateral"])
            for n, r in raw["unilateral"]
        },
        bodyweight_factors=factors,
        stance_cues={r["exercise_id"]: (r["stance"], r["cues"]) for _, r in raw["stance_cues"]},
        aliases=tuple((r["alias"], r["exercise_id"]) for _, r in raw["aliases"]),
        common_lifts={
            r["exercise_id"]: _int("common_lifts", n, "popularity_rank", r["popularity_rank"])
            for n, r in raw["common_lifts"]
        },
        variations=tuple(
            Variation(*(r[c] for c in Variation._fields)) for _, r in raw["variations"]
        ),
        templates=tuple(
            Template(
                template_id=r["template_id"],
                name=r["name"],
                description=r["description"],
                rounds=_int("templates", n, "rounds", r["rounds"]),
                passes_per_round=_int("templates", n, "passes_per_round", r["passes_per_round"]),
                rest_s=_int("templates", n, "rest_s", r["rest_s"]),
                minutes_min=_int("templates", n, "minutes_min", r["minutes_min"]),
                minutes_max=_int("templates", n, "minutes_max", r["minutes_max"]),
                defaults_note=r["defaults_note"],
            )
            for n, r in raw["templates"]
        ),
        template_items=tuple(
            TemplateItem(
                r["template_id"],
                _int("template_items", n, "round_no", r["round_no"]),
                r["exercise_id"],
                _optional_int("template_items", n, "reps", r["reps"]),
                _optional_int("template_items", n, "seconds", r["seconds"]),
                _bool("template_items", n, "per_side", r["per_side"]),
                r["role"],
                r["notes"],
            )
            for n, r in raw["template_items"]
        ),
    )
