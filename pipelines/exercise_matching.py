"""Match other apps' exercise names onto the catalog; keep the rest as custom exercises.

A name is looked up in four steps, stopping at the first that finds something:

1. exactly: an exercise id, a normalised exercise name or an alias (`catalog.resolve_exercises`);
2. by structure: the name is taken apart into movement, equipment and detail tokens
   (`pipelines.names.name_parts`) and compared with every catalog name and alias taken apart
   the same way: first all tokens, then without modifiers that do not change the muscles
   (`Seated`, `Paused` …), then without grip and side modifiers, then without the details in
   parentheses. Among the exercises with the same movement, the one with the same equipment
   wins, then one with similar equipment (kettlebell ~ dumbbell, cable ~ machine …);
3. otherwise the name stays unmatched, and the importer keeps it as a custom exercise
   (`source = 'custom'`, `mapped = false`) that the user can map later with `map_exercise`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from pipelines.catalog import resolve_exercises
from pipelines.errors import Problem, ValidationError
from pipelines.names import (
    HARD_MODIFIERS,
    SOFT_MODIFIERS,
    NameParts,
    name_parts,
    normalise_name,
)
from pipelines.schemas import (
    LOAD_TYPES,
    MUSCLE_GROUPS,
    CustomExercise,
    ExerciseMatch,
    ExerciseMuscle,
    UnmappedExercise,
    validate,
)
from pipelines.writes import Write, write

CUSTOM_PREFIX = "custom:"

# The catalog's `equipment` column, in the tokens `name_parts` uses.
_COLUMN_EQUIPMENT = {
    "barbell": "barbell", "dumbbell": "dumbbell", "kettlebells": "kettlebell", "cable": "cable",
    "machine": "machine", "body only": "bodyweight", "bands": "band",
    "medicine ball": "medicineball", "exercise ball": "ball", "e-z curl bar": "ezbar",
}  # fmt: skip
# Equipment that loads a movement in much the same way, closest pairs first.
_SIMILAR_EQUIPMENT = (
    frozenset({"cable", "machine", "smith"}),
    frozenset({"dumbbell", "kettlebell"}),
    frozenset({"barbell", "ezbar", "trapbar", "smith", "landmine", "straightbar"}),
    frozenset({"cable", "band", "rope", "vbar", "straightbar"}),
    frozenset({"dumbbell", "kettlebell", "plate", "medicineball"}),
    frozenset({"bodyweight", "weighted", "assisted", "suspension", "ball", "bosu"}),
    frozenset({"machine", "band", "assisted"}),
)
# Words that say too little on their own to match across equipment (`Landmine Press`).
_GENERIC = frozenset({
    "press", "row", "raise", "curl", "extension", "fly", "pull", "push", "kickback", "twist",
    "hold", "carry", "walk", "jump", "throw", "rotation", "crunch", "swing",
})  # fmt: skip
# When a name says nothing about equipment, prefer the most common version of the movement.
_DEFAULT_EQUIPMENT = ("barbell", "dumbbell", "machine", "cable", "bodyweight")
# The catalog's equipment vocabulary for a custom exercise, from the name's equipment tokens.
_CUSTOM_EQUIPMENT = {
    "barbell": "barbell", "smith": "machine", "trapbar": "barbell", "ezbar": "e-z curl bar",
    "dumbbell": "dumbbell", "kettlebell": "kettlebells", "cable": "cable",
    "machine": "machine", "band": "bands", "bodyweight": "body only",
}  # fmt: skip


@dataclass(frozen=True)
class _Entry:
    """One catalog name or alias, taken apart, pointing at its exercise."""

    exercise_id: str
    parts: NameParts
    equipment: frozenset[str]
    is_alias: bool


def _keys(parts: NameParts) -> tuple[frozenset[str], ...]:
    """The comparison keys of a name, from strictest to loosest."""
    full = parts.movement | parts.details
    soft = full - SOFT_MODIFIERS
    hard = soft - HARD_MODIFIERS
    bare = parts.movement - SOFT_MODIFIERS - HARD_MODIFIERS
    return (full, soft, hard, bare)


@dataclass
class _Index:
    """Every catalog name and alias, filed under each of its comparison keys."""

    tiers: tuple[dict[frozenset[str], list[_Entry]], ...] = field(
        default_factory=lambda: ({}, {}, {}, {})
    )

    def add(self, entry: _Entry) -> None:
        for tier, key in zip(self.tiers, _keys(entry.parts), strict=True):
            if key:
                tier.setdefault(key, []).append(entry)


def _load_index(con: duckdb.DuckDBPyConnection) -> _Index:
    cur = con.cursor()
    exercises = cur.execute(
        "select exercise_id, name, equipment from exercises "
        "where source in ('catalog', 'liftboard') order by exercise_id"
    ).fetchall()
    aliases = cur.execute(
        "select a.alias, a.exercise_id from exercise_aliases as a "
        "inner join exercises as e on e.exercise_id = a.exercise_id "
        "where e.source in ('catalog', 'liftboard') order by a.alias_norm"
    ).fetchall()
    cur.close()
    column_equipment = {
        str(i): frozenset({_COLUMN_EQUIPMENT[str(q)]} if str(q) in _COLUMN_EQUIPMENT else set())
        for i, _, q in exercises
    }
    index = _Index()
    for exercise_id, name, _ in exercises:
        parts = name_parts(str(name))
        index.add(
            _Entry(str(exercise_id), parts, parts.equipment | column_equipment[exercise_id], False)
        )
    for alias, exercise_id in aliases:
        parts = name_parts(str(alias))
        index.add(
            _Entry(str(exercise_id), parts, parts.equipment | column_equipment[exercise_id], True)
        )
    return index


def _similarity(a: frozenset[str], b: frozenset[str]) -> int:
    """How alike two sets of equipment are: 0 when they share a piece, larger when further."""
    if a & b:
        return 0
    for rank, group in enumerate(_SIMILAR_EQUIPMENT):
        if a & group and b & group:
            return rank + 1
    return len(_SIMILAR_EQUIPMENT) + 1


def _default_rank(equipment: frozenset[str]) -> int:
    ranks = [_DEFAULT_EQUIPMENT.index(e) for e in equipment if e in _DEFAULT_EQUIPMENT]
    return min(ranks, default=len(_DEFAULT_EQUIPMENT))


def _best(parts: NameParts, index: _Index) -> str | None:
    """The exercise a taken-apart name lands on, or None when nothing fits well enough.

    The two strictest comparisons (all tokens; without soft modifiers) are pooled, so the
    right equipment wins over a seat or a pause; the looser two are tried only when those
    find nothing.
    """
    wanted = parts.equipment
    full = parts.movement | parts.details
    keys = _keys(parts)
    for tiers in ((0, 1), (2,), (3,)):
        candidates = []
        for tier in tiers:
            key = keys[tier]
            # Loose comparisons never settle on a bare generic word.
            if not key or (tier >= 2 and key <= _GENERIC):
                continue
            for entry in index.tiers[tier].get(key, []):
                # A bare generic word (`Press`, `Row`) needs the same or very close equipment.
                if key <= _GENERIC and wanted and _similarity(wanted, entry.equipment) > 2:
                    continue
                candidates.append((tier, entry))
        if not candidates:
            continue
        _, best = min(
            candidates,
            key=lambda c: (
                c[1].equipment != wanted,
                -len(wanted & c[1].equipment),
                _similarity(wanted, c[1].equipment),
                c[0],
                len(c[1].equipment - wanted),
                _default_rank(c[1].equipment) if not wanted else 0,
                len(full ^ (c[1].parts.movement | c[1].parts.details)),
                c[1].is_alias,
                c[1].exercise_id,
            ),
        )
        return best.exercise_id
    return None


def match_exercises(con: duckdb.DuckDBPyConnection, names: Iterable[str]) -> pd.DataFrame:
    """Look up exercise names from another app.

    Returns:
        One row per distinct name (as given): `name`, `exercise_id` (None when nothing fits)
        and `method` (`exact`, `structure` or `none`), validated by `ExerciseMatch`.
    """
    wanted = sorted({str(n) for n in names})
    exact = resolve_exercises(con, wanted) if wanted else {}
    index: _Index | None = None
    rows: list[tuple[str, str | None, str]] = []
    for name in wanted:
        found = exact.get(name)
        if found is not None:
            rows.append((name, found, "exact"))
            continue
        if index is None:
            index = _load_index(con)
        found = _best(name_parts(name), index)
        rows.append((name, found, "structure" if found else "none"))
    frame = pd.DataFrame(rows, columns=["name", "exercise_id", "method"])
    return validate(ExerciseMatch, frame.astype(object))


# --- custom exercises -------------------------------------------------------------------------


def custom_exercise_id(name: str) -> str:
    """A readable, stable id for a custom exercise: `custom:` and the normalised name.

    Example:
        `custom_exercise_id("Landmine Press (Single Arm)")` is
        `"custom:landmine-press-single-arm"`.
    """
    slug = normalise_name(name).replace(" ", "-")
    if not slug:
        slug = hashlib.sha1(name.encode(), usedforsecurity=False).hexdigest()[:10]
    return CUSTOM_PREFIX + slug[:200]


def guess_equipment(name: str) -> str:
    """The catalog equipment word a name suggests (`Cable Fly` → `cable`), or ''."""
    tokens = name_parts(name).equipment
    for token, word in _CUSTOM_EQUIPMENT.items():
        if token in tokens:
            return word
    return ""


def custom_exercise_rows(
    con: duckdb.DuckDBPyConnection,
    names: dict[str, str],
    *,
    category: dict[str, str] | None = None,
    ids: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Validated `exercises` rows for new custom exercises, one per name.

    Args:
        con: The database (to keep ids unique).
        names: Name → load type (weighted, bodyweight, timed, distance …).
        category: Optional name → category text from the source app.
        ids: Optional name → the id to use (Liftboard's own export keeps its ids).
    """
    taken = {
        str(r[0])
        for r in con.cursor()
        .execute("select exercise_id from exercises where exercise_id like 'custom:%'")
        .fetchall()
    }
    rows = []
    for name, load_type in sorted(names.items()):
        base = (ids or {}).get(name) or custom_exercise_id(name)
        exercise_id, n = base, 1
        while exercise_id in taken:
            n += 1
            exercise_id = f"{base}-{n}"
        taken.add(exercise_id)
        rows.append(
            {
                "exercise_id": exercise_id,
                "name": name.strip()[:200],
                "name_norm": normalise_name(name) or exercise_id,
                "category": ((category or {}).get(name) or "").strip().lower()[:100],
                "equipment": guess_equipment(name),
                "load_type": load_type,
                "unilateral": False,
                "bodyweight_factor": 0.0,
                "mapped": False,
            }
        )
    frame = pd.DataFrame(rows, columns=list(CustomExercise.to_schema().columns))
    return validate(CustomExercise, frame)


def insert_custom_exercises(w: Write, rows: pd.DataFrame) -> None:
    """Write validated custom exercises inside the caller's write unit."""
    if rows.empty:
        return
    cur = w.cur
    cur.register("incoming_custom_exercises", rows)
    cur.execute(
        "insert into exercises (exercise_id, name, name_norm, category, equipment, load_type, "
        "unilateral, bodyweight_factor, source, mapped) "
        "select exercise_id, name, name_norm, category, equipment, load_type, unilateral, "
        "bodyweight_factor, 'custom', mapped from incoming_custom_exercises"
    )
    cur.unregister("incoming_custom_exercises")


def add_custom_exercise(
    con: duckdb.DuckDBPyConnection,
    name: str,
    primary: Sequence[str],
    secondary: Sequence[str] = (),
    load_type: str = "weighted",
    *,
    equipment: str = "",
    category: str = "",
    unilateral: bool = False,
    bodyweight_factor: float = 0.0,
) -> str:
    """Add an exercise the catalog lacks, with its muscles; return its id.

    Args:
        con: The database.
        name: The name shown and matched (must not be taken by another exercise or alias).
        primary: Muscle groups worked most (at least one).
        secondary: Muscle groups that help (count half a set each).
        load_type: weighted, bodyweight, weighted_bodyweight, assisted, timed or distance.
        equipment: The catalog's equipment word, if any.
        category: Free text such as strength or cardio.
        unilateral: True when reps are counted per side.
        bodyweight_factor: Share of bodyweight moved (0 to 1.5).

    Raises:
        ValidationError: naming the rejected field; nothing is written.
    """
    problems = []
    text = str(name).strip()
    if resolve_exercises(con, [text]).get(text) is not None:
        problems.append(Problem(None, "name", name, "an exercise or alias with that name exists"))
    if not primary:
        problems.append(Problem(None, "primary", list(primary), "name at least one muscle group"))
    if load_type not in LOAD_TYPES:
        problems.append(
            Problem(None, "load_type", load_type, "it must be one of " + ", ".join(LOAD_TYPES))
        )
    if problems:
        raise ValidationError(problems)
    exercise = custom_exercise_rows(con, {text: load_type}, category={text: category})
    exercise = exercise.assign(
        equipment=equipment or exercise["equipment"],
        unilateral=bool(unilateral),
        bodyweight_factor=float(bodyweight_factor),
        mapped=True,
    )
    exercise = validate(CustomExercise, exercise)
    exercise_id = str(exercise["exercise_id"].iloc[0])
    muscles = _muscle_rows(exercise_id, primary, secondary)
    with write(con, "exercises") as w:
        insert_custom_exercises(w, exercise)
        _write_muscles(w, muscles)
    return exercise_id


def _muscle_rows(
    exercise_id: str, primary: Sequence[str], secondary: Sequence[str]
) -> pd.DataFrame:
    problems = [
        Problem(None, "muscle_group", m, "it must be one of " + ", ".join(MUSCLE_GROUPS))
        for m in [*primary, *secondary]
        if m not in MUSCLE_GROUPS
    ]
    both = set(primary) & set(secondary)
    problems += [
        Problem(None, "muscle_group", m, "a muscle is either primary or secondary, not both")
        for m in sorted(both)
    ]
    if problems:
        raise ValidationError(problems)
    frame = pd.DataFrame(
        [(exercise_id, m, "primary") for m in dict.fromkeys(primary)]
        + [(exercise_id, m, "secondary") for m in dict.fromkeys(secondary)],
        columns=["exercise_id", "muscle_group", "role"],
    )
    return validate(ExerciseMuscle, frame)


def _write_muscles(w: Write, muscles: pd.DataFrame) -> None:
    cur = w.cur
    cur.register("incoming_muscles", muscles)
    cur.execute(
        "insert into exercise_muscles (exercise_id, muscle_group, role) "
        "select exercise_id, muscle_group, role from incoming_muscles"
    )
    cur.unregister("incoming_muscles")


def map_exercise(con: duckdb.DuckDBPyConnection, custom_id: str, catalog_id: str) -> None:
    """Say which catalog exercise a custom (imported) exercise is.

    The catalog exercise's muscles, load type and equipment are copied onto the custom one,
    which is marked mapped, so all its past and future sets count toward those muscles at once.
    Mapping again replaces the earlier choice.

    Raises:
        ValidationError: when either id is unknown, the first is not custom, or the second has
            no muscles; nothing is written.
    """
    cur = con.cursor()
    custom = cur.execute(
        "select source from exercises where exercise_id = ?", [custom_id]
    ).fetchone()
    target = cur.execute(
        "select e.load_type, e.equipment, e.category, e.unilateral, e.bodyweight_factor, "
        "count(m.muscle_group) from exercises as e "
        "left join exercise_muscles as m on m.exercise_id = e.exercise_id "
        "where e.exercise_id = ? group by all",
        [catalog_id],
    ).fetchone()
    problems = []
    if custom is None:
        problems.append(Problem(None, "custom_id", custom_id, "it must name a known exercise"))
    elif custom[0] != "custom":
        problems.append(Problem(None, "custom_id", custom_id, "only custom exercises are mapped"))
    if target is None:
        problems.append(Problem(None, "catalog_id", catalog_id, "it must name a known exercise"))
    elif int(target[5]) == 0:
        problems.append(
            Problem(None, "catalog_id", catalog_id, "that exercise has no muscles to copy")
        )
    elif catalog_id == custom_id:
        problems.append(Problem(None, "catalog_id", catalog_id, "it must be another exercise"))
    if problems or target is None:
        cur.close()
        raise ValidationError(problems)
    muscles = validate(
        ExerciseMuscle,
        cur.execute(
            "select ? as exercise_id, muscle_group, role from exercise_muscles "
            "where exercise_id = ? order by muscle_group",
            [custom_id, catalog_id],
        ).df(),
    )
    load_type, equipment, category, unilateral, factor, _ = target
    cur.close()
    with write(con, "mapping") as w:
        cur = w.cur
        cur.execute("delete from exercise_muscles where exercise_id = ?", [custom_id])
        _write_muscles(w, muscles)
        cur.execute(
            "update exercises set mapped = true, load_type = ?, equipment = ?, category = ?, "
            "unilateral = ?, bodyweight_factor = ? where exercise_id = ?",
            [load_type, equipment, category, unilateral, factor, custom_id],
        )
        cur.execute(
            "insert into exercise_mappings (exercise_id, target_exercise_id) values (?, ?) "
            "on conflict (exercise_id) do update set "
            "target_exercise_id = excluded.target_exercise_id, mapped_at = now()",
            [custom_id, catalog_id],
        )
        # Every past set of the custom exercise now counts toward the copied muscles.
        w.touch_exercise(custom_id)


def unmapped_exercises(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Custom exercises still waiting for their muscles, most-used first.

    Returns:
        One row per exercise: `exercise_id`, `name`, `sets` (how many sets use it),
        `created_at`; validated by `UnmappedExercise`.
    """
    frame = (
        con.cursor()
        .execute(
            "select e.exercise_id, e.name, count(x.set_id) as sets, e.created_at "
            "from exercises as e left join sets as x on x.exercise_id = e.exercise_id "
            "where e.source = 'custom' and not e.mapped "
            "group by all order by sets desc, e.name"
        )
        .df()
    )
    return validate(UnmappedExercise, frame)
