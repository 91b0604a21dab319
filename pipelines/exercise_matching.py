"""Match other apps' exercise names onto the catalog; keep the rest as custom exercises.

A name is looked up in steps, stopping at the first that finds something; each match says how
it was made (the `method` column, with a `detail` sentence):

1. `exact` / `alias`: an exercise id or name, or a name another app uses
   (`catalog.resolve_exercises`);
2. `structure`: the name is taken apart into movement, equipment and detail tokens
   (`pipelines.names.name_parts`) and compared with every catalog name and alias taken apart
   the same way: first all tokens, then without modifiers that do not change the muscles
   (`Seated`, `Paused` …), then without grip and side modifiers, then without the details in
   parentheses. Among the exercises with the same movement, the one with the same equipment
   wins, then one with similar equipment (kettlebell ~ dumbbell, cable ~ machine …). A loaded
   name (barbell, cable …) never lands on a timed stretch or a distance drill;
3. `fuzzy`: a word the catalog does not know but that is a close misspelling of one it does
   (`Barbel`) is corrected, and the match is kept only when every plausible correction gives
   the same primary muscles;
4. `variant`: words that do not change the movement (`Backup`, `Old Data`, `(Custom)`, a
   coach's name, a brand, a stance or a grip) are set aside and the movement and equipment
   that are left are matched;
5. `context`: a name that means two different lifts (`Cable Kickback`: triceps or glutes) is
   decided by the other exercises of the sessions it sits in, when they clearly lean one way;
   otherwise it is `ambiguous` and left for the user to confirm;
6. otherwise the name stays unmatched (`none`), and the importer keeps it as a custom exercise
   (`source = 'custom'`, `mapped = false`) that the user can map later with `map_exercise`.
"""

from __future__ import annotations

import difflib
import hashlib
import itertools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from pipelines.catalog import resolve_exercises
from pipelines.errors import Problem, ValidationError
from pipelines.names import (
    EQUIPMENT,
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
    MappedExercise,
    NameMatch,
    UnmappedExercise,
    validate,
)
from pipelines.writes import Write, write

CUSTOM_PREFIX = "custom:"

# The catalog's `equipment` column, in the tokens `name_parts` uses.
_COLUMN_EQUIPMENT = {
    "barbell": "barbell",
    "dumbbell": "dumbbell",
    "kettlebells": "kettlebell",
    "cable": "cable",
    "machine": "machine",
    "body only": "bodyweight",
    "bands": "band",
    "medicine ball": "medicineball",
    "exercise ball": "ball",
    "e-z curl bar": "ezbar",
}
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
# Equipment that says a set carries a load: such a name never lands on a stretch or a drill.
_LOADING = frozenset(
    {
        "barbell",
        "dumbbell",
        "kettlebell",
        "cable",
        "machine",
        "smith",
        "ezbar",
        "trapbar",
        "plate",
        "landmine",
        "weighted",
    }
)
_UNLOADED_TYPES = frozenset({"timed", "distance"})
# Words that say too little on their own to match across equipment (`Landmine Press`).
_GENERIC = frozenset(
    {
        "press",
        "row",
        "raise",
        "curl",
        "extension",
        "fly",
        "pull",
        "push",
        "kickback",
        "twist",
        "hold",
        "carry",
        "walk",
        "jump",
        "throw",
        "rotation",
        "crunch",
        "swing",
    }
)
# Words that name a movement of their own, which the catalog lacks: never set aside.
_DISTINCT_WORDS = frozenset({"jack", "burpee", "hang", "hold", "sit", "taps", "tap", "ball"})
# Words that never change which muscles a movement trains: a variant of the same lift.
_VARIANT_WORDS = (
    SOFT_MODIFIERS
    | HARD_MODIFIERS
    | frozenset(
        {
            "stance",
            "narrow",
            "grip",
            "handle",
            "bar",
            "backup",
            "old",
            "data",
            "practice",
            "custom",
            "test",
            "day",
            "week",
            "heavy",
            "light",
            "new",
            "gym",
            "pr",
            "attempt",
            "superset",
            "pause",
            "version",
            "variation",
            "home",
            "warmup",
            "top",
            "set",
            "backoff",
            "drop",
            "volume",
            "max",
            "easy",
            "hard",
            "explosive",
            "speed",
            "block",
            "pin",
            "machine",
            "half",
            "kneeling",
            "tall",
            "low",
            "high",
            "lever",
            "selectorized",
            "plate",
            "loaded",
            "stretch",
            "lat",
            "focus",
            "wide",
        }
    )
)
# When a name says nothing about equipment, prefer the most common version of the movement.
_DEFAULT_EQUIPMENT = ("barbell", "dumbbell", "machine", "cable", "bodyweight")
# The catalog's equipment vocabulary for a custom exercise, from the name's equipment tokens.
_CUSTOM_EQUIPMENT = {
    "barbell": "barbell",
    "smith": "machine",
    "trapbar": "barbell",
    "ezbar": "e-z curl bar",
    "dumbbell": "dumbbell",
    "kettlebell": "kettlebells",
    "cable": "cable",
    "machine": "machine",
    "band": "bands",
    "bodyweight": "body only",
}
# Names that mean two lifts with different muscles; the sessions they sit in decide.
_AMBIGUOUS_KICKBACK = ("Tricep_Dumbbell_Kickback", "One-Legged_Cable_Kickback")
_UPPER = frozenset(
    {
        "chest",
        "shoulders",
        "triceps",
        "biceps",
        "lats",
        "middle back",
        "traps",
        "forearms",
    }
)
_LOWER = frozenset(
    {
        "quadriceps",
        "hamstrings",
        "glutes",
        "calves",
        "adductors",
        "abductors",
    }
)
_FUZZY_CUTOFF = 0.85
# Beyond this many words (or unknown words) a "name" is a note or junk: no guessing.
_MAX_WORDS = 12
_MAX_UNKNOWN = 4


@dataclass(frozen=True)
class _Entry:
    """One catalog name or alias, taken apart, pointing at its exercise."""

    exercise_id: str
    parts: NameParts
    equipment: frozenset[str]
    is_alias: bool
    load_type: str


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
    vocabulary: set[str] = field(default_factory=set)
    primary: dict[str, frozenset[str]] = field(default_factory=dict)
    _initials: dict[str, list[str]] = field(default_factory=dict)

    def initials(self, letter: str) -> list[str]:
        """The known words (and equipment words) that start with `letter`."""
        if not self._initials:
            for word in sorted(self.vocabulary | EQUIPMENT):
                self._initials.setdefault(word[:1], []).append(word)
        return self._initials.get(letter, [])

    def add(self, entry: _Entry) -> None:
        for tier, key in zip(self.tiers, _keys(entry.parts), strict=True):
            if key:
                tier.setdefault(key, []).append(entry)
        self.vocabulary.update(entry.parts.movement | entry.parts.details)


# Indexes already built, by the digest of the shipped catalog they were built from: taking
# every name apart costs about a second, and the catalog changes only with a new release.
_INDEXES: dict[str, _Index] = {}


def _load_index(con: duckdb.DuckDBPyConnection) -> _Index:
    digest = con.cursor().execute("select sha256 from seed_state where seed = 'catalog'").fetchall()
    key = str(digest[0][0]) if digest else ""
    if key and key in _INDEXES:
        return _INDEXES[key]
    index = _build_index(con)
    if key:
        _INDEXES.clear()  # one catalog version at a time
        _INDEXES[key] = index
    return index


def _build_index(con: duckdb.DuckDBPyConnection) -> _Index:
    cur = con.cursor()
    exercises = cur.execute(
        "select exercise_id, name, equipment, load_type from exercises "
        "where source in ('catalog', 'liftboard') order by exercise_id"
    ).fetchall()
    aliases = cur.execute(
        "select a.alias, a.exercise_id from exercise_aliases as a "
        "inner join exercises as e on e.exercise_id = a.exercise_id "
        "where e.source in ('catalog', 'liftboard') order by a.alias_norm"
    ).fetchall()
    primary = cur.execute(
        "select exercise_id, list(muscle_group order by muscle_group) from exercise_muscles "
        "where role = 'primary' group by exercise_id"
    ).fetchall()
    cur.close()
    column_equipment = {
        str(i): frozenset({_COLUMN_EQUIPMENT[str(q)]} if str(q) in _COLUMN_EQUIPMENT else set())
        for i, _, q, _ in exercises
    }
    load_types = {str(i): str(t) for i, _, _, t in exercises}
    index = _Index(primary={str(i): frozenset(str(g) for g in groups) for i, groups in primary})
    named = [(str(i), str(n), False) for i, n, _, _ in exercises]
    aliased = [(str(i), str(a), True) for a, i in aliases]
    for exercise_id, text, is_alias in [*named, *aliased]:
        parts = name_parts(text)
        index.add(
            _Entry(
                exercise_id,
                parts,
                parts.equipment | column_equipment[exercise_id],
                is_alias,
                load_types[exercise_id],
            )
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


def _fits(parts: NameParts, entry: _Entry) -> bool:
    """A loaded name never lands on a stretch or a drill (its tonnage would be lost)."""
    return not (parts.equipment & _LOADING and entry.load_type in _UNLOADED_TYPES)


def _pick(parts: NameParts, candidates: list[tuple[int, _Entry]]) -> str:
    wanted = parts.equipment
    full = parts.movement | parts.details
    _, best = min(
        candidates,
        key=lambda c: (
            c[1].equipment != wanted,
            -len(wanted & c[1].equipment),
            _similarity(wanted, c[1].equipment),
            c[0],
            len(c[1].equipment - wanted),
            # A name without equipment prefers a catalog name or alias without it too.
            bool(c[1].parts.equipment) if not wanted else False,
            _default_rank(c[1].equipment) if not wanted else 0,
            len(full ^ (c[1].parts.movement | c[1].parts.details)),
            c[1].is_alias,
            c[1].exercise_id,
        ),
    )
    return best.exercise_id


def _best(parts: NameParts, index: _Index) -> str | None:
    """The exercise a taken-apart name lands on, or None when nothing fits well enough.

    The two strictest comparisons (all tokens; without soft modifiers) are pooled, so the
    right equipment wins over a seat or a pause; the looser two are tried only when those
    find nothing.
    """
    wanted = parts.equipment
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
                if _fits(parts, entry):
                    candidates.append((tier, entry))
        if candidates:
            return _pick(parts, candidates)
    return None


def _contained(parts: NameParts, index: _Index) -> str | None:
    """The longest catalog name inside this one, when the words left over are only variants.

    `Seated Cable Row (Close Grip) Old Data` holds `Seated Cable Row`; what is left (a grip,
    a note) does not change the muscles. A bare generic word (`Row`) counts only with the
    same equipment.
    """
    tokens = parts.movement | parts.details
    found: list[tuple[int, _Entry]] = []
    longest = 0
    for key, entries in index.tiers[1].items():
        if len(key) < longest or not key <= tokens:
            continue
        if not (tokens - key) <= _VARIANT_WORDS:
            continue
        fitting = [
            e
            for e in entries
            if _fits(parts, e)
            and (not key <= _GENERIC or bool(parts.equipment & e.equipment))
            and key & parts.movement
        ]
        if not fitting:
            continue
        if len(key) > longest:
            found, longest = [], len(key)
        found.extend((0, e) for e in fitting)
    return _pick(parts, found) if found else None


def _plain(parts: NameParts, index: _Index) -> str | None:
    """A catalog name or alias of exactly these words that names no equipment itself."""
    full = parts.movement | parts.details
    candidates = [
        (tier, e)
        for tier, key in ((0, full), (1, full - SOFT_MODIFIERS))
        for e in index.tiers[tier].get(key, [])
        if not e.parts.equipment and key - _GENERIC
    ]
    return _pick(parts, candidates) if candidates else None


def _without(parts: NameParts, drop: set[str]) -> NameParts:
    return NameParts(parts.movement - drop, parts.equipment, parts.details - drop)


def _replaced(parts: NameParts, fixes: Mapping[str, str]) -> NameParts:
    """The parts with misspelt tokens corrected; a corrected equipment word becomes equipment."""
    movement = {fixes.get(t, t) for t in parts.movement}
    details = {fixes.get(t, t) for t in parts.details}
    equipment = set(parts.equipment) | {t for t in movement | details if t in EQUIPMENT}
    return NameParts(
        frozenset(movement - EQUIPMENT),
        frozenset(equipment),
        frozenset(details - EQUIPMENT - movement),
    )


def _unknown(parts: NameParts, index: _Index) -> set[str]:
    return {t for t in parts.movement | parts.details if t not in index.vocabulary}


def _ambiguous(parts: NameParts) -> bool:
    """A kickback that does not say whether it is for the triceps or the glutes."""
    movement = parts.movement - SOFT_MODIFIERS - {"onearm", "oneleg"}
    return movement == {"kickback"} and not parts.equipment & {"dumbbell", "kettlebell"}


@dataclass(frozen=True)
class _Found:
    exercise_id: str | None
    method: str
    detail: str


def _fuzzy(parts: NameParts, index: _Index, unknown: set[str]) -> _Found | None:
    """Correct close misspellings; keep the match only if every correction agrees on muscles."""
    # A misspelling keeps its first letter (`Barbel`, `Romainian`), which rules out look-alike
    # words of other movements (and keeps the search short).
    options = {
        t: difflib.get_close_matches(t, index.initials(t[0]), n=3, cutoff=_FUZZY_CUTOFF)
        for t in sorted(unknown)
        if len(t) >= 5 and t.isalpha()
    }
    options = {t: c for t, c in options.items() if c}
    if not options:
        return None
    rest = unknown - set(options)
    results: list[tuple[str, dict[str, str]]] = []
    for choice in itertools.islice(itertools.product(*options.values()), 27):
        fixes = dict(zip(options, choice, strict=True))
        fixed = _without(_replaced(parts, fixes), rest)
        found = _best(fixed, index) or _contained(fixed, index)
        if found is not None:
            results.append((found, fixes))
    if not results:
        return None
    muscles = {index.primary.get(found, frozenset()) for found, _ in results}
    if len(muscles) != 1:
        return None
    found, fixes = results[0]
    said = ", ".join(f"{wrong} read as {right}" for wrong, right in sorted(fixes.items()))
    return _Found(found, "fuzzy", f"misspelling corrected ({said})")


def _find(name: str, index: _Index) -> _Found:
    """How one name that is neither an id, a name nor an alias lands on the catalog."""
    parts = name_parts(name)
    if _ambiguous(parts):
        return _Found(None, "ambiguous", "a kickback can be for the triceps or the glutes")
    found = _best(parts, index)
    if found is not None:
        return _Found(found, "structure", "same movement and equipment")
    unknown = _unknown(parts, index)
    if len(parts.movement | parts.details) > _MAX_WORDS or len(unknown) > _MAX_UNKNOWN:
        # Not a name but a sentence or junk: guessing would be slow and wrong.
        return _Found(None, "none", "no catalog exercise with this movement")
    if unknown:
        fuzzy = _fuzzy(parts, index, unknown)
        if fuzzy is not None:
            return fuzzy
    if unknown & _DISTINCT_WORDS or (parts.movement & _DISTINCT_WORDS - {"hold"}):
        return _Found(None, "none", "no catalog exercise with this movement")
    known = _without(parts, unknown)
    found = None
    if not known.equipment and known.movement <= _GENERIC | _VARIANT_WORDS:
        # What is left says little (`Jumping Jack` without the jack is not a jump rope): only
        # a catalog name or alias of exactly those words, without equipment, will do.
        found = _plain(known, index)
    else:
        if known != parts:
            found = _best(known, index)
        if found is None:
            found = _contained(known, index)
    if found is not None:
        aside = unknown | ((known.movement | known.details) - _matched_tokens(found, index, known))
        said = ", ".join(sorted(aside)) or "modifiers"
        return _Found(found, "variant", f"same movement; set aside as a variant: {said}")
    return _Found(None, "none", "no catalog exercise with this movement")


def _matched_tokens(exercise_id: str, index: _Index, parts: NameParts) -> set[str]:
    """The tokens of `parts` that the chosen exercise's names account for."""
    tokens = parts.movement | parts.details
    best: set[str] = set()
    for key, entries in index.tiers[1].items():
        mine = any(e.exercise_id == exercise_id for e in entries)
        if mine and key <= tokens and len(key) > len(best):
            best = set(key)
    return best or set(tokens)


def _by_context(
    names: Sequence[str],
    found: dict[str, _Found],
    context: Mapping[str, Iterable[str]],
    index: _Index,
) -> None:
    """Decide ambiguous names by the muscles of the other exercises in their sessions."""
    for name in names:
        if found[name].method != "ambiguous":
            continue
        groups: Counter[str] = Counter()
        for other in context.get(name, ()):
            match = found.get(other)
            if match is None or match.exercise_id is None or other == name:
                continue
            # Each lift votes once, for the half of the body most of its main muscles are in.
            primary = index.primary.get(match.exercise_id, frozenset())
            ups, downs = len(primary & _UPPER), len(primary & _LOWER)
            if ups != downs:
                groups["upper" if ups > downs else "lower"] += 1
            groups["triceps"] += "triceps" in primary
        upper, lower = groups["upper"], groups["lower"]
        if upper == lower:
            found[name] = _Found(
                None,
                "ambiguous",
                f"triceps or glutes: its sessions hold {upper} upper-body and {lower} "
                "lower-body lift(s), so it is left for you to confirm",
            )
            continue
        triceps = upper > lower
        choice = _AMBIGUOUS_KICKBACK[0] if triceps else _AMBIGUOUS_KICKBACK[1]
        found[name] = _Found(
            choice,
            "context",
            f"{'triceps' if triceps else 'glutes'}: its sessions hold {upper} upper-body "
            f"lift(s) ({groups['triceps']} for the triceps) and {lower} lower-body lift(s)",
        )


def match_exercises(
    con: duckdb.DuckDBPyConnection,
    names: Iterable[str],
    context: Mapping[str, Iterable[str]] | None = None,
) -> pd.DataFrame:
    """Look up exercise names from another app.

    Args:
        con: The database.
        names: The names as the other app wrote them.
        context: Optional name → the other exercise names of the sessions it sits in; it
            decides names that mean two different lifts (`Cable Kickback`).

    Returns:
        One row per distinct name (as given): `name`, `exercise_id` (None when nothing fits),
        `method` (one of `MATCH_METHODS`) and `detail` (how, in a few words), validated by
        `ExerciseMatch`.
    """
    wanted = sorted({str(n) for n in names})
    exact = resolve_exercises(con, wanted) if wanted else {}
    index: _Index | None = None
    found: dict[str, _Found] = {}
    own = _own_names(con, [i for i in exact.values() if i is not None])
    chosen = _mapping_targets(con, [i for i in exact.values() if i is not None])
    for name in wanted:
        exercise_id = exact.get(name)
        if exercise_id in chosen:
            found[name] = _Found(
                chosen[exercise_id], "mapped", "you mapped this name onto that exercise"
            )
            continue
        if exercise_id is not None:
            norm = normalise_name(name)
            is_own = name.strip() == exercise_id or norm == own.get(exercise_id)
            found[name] = _Found(
                exercise_id,
                "exact" if is_own else "alias",
                "its own name" if is_own else "a name other apps use for it",
            )
            continue
        if index is None:
            index = _load_index(con)
        found[name] = _find(name, index)
    if index is not None and context:
        _by_context(wanted, found, context, index)
    frame = pd.DataFrame(
        [(n, found[n].exercise_id, found[n].method, found[n].detail) for n in wanted],
        columns=["name", "exercise_id", "method", "detail"],
    )
    return validate(ExerciseMatch, frame.astype(object))


def record_matches(w: Write, matches: pd.DataFrame) -> None:
    """Remember how imported names were matched (inside the import's write), one row a name.

    Args:
        w: The import's write unit.
        matches: Rows of `match_exercises` (`name`, `exercise_id`, `method`, `detail`); names
            matched exactly or by alias need no explanation and are best left out.
    """
    if matches.empty:
        return
    rows = validate(ExerciseMatch, matches[["name", "exercise_id", "method", "detail"]])
    w.cur.register("incoming_name_matches", rows)
    w.cur.execute(
        "insert or replace into name_matches (name, exercise_id, method, detail) "
        "select name, exercise_id, method, detail from incoming_name_matches"
    )
    w.cur.unregister("incoming_name_matches")


def name_matches(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Imported names matched by structure, variant, misspelling or context, and the ambiguous.

    Returns:
        One row per name, newest first: `name`, `exercise_id` and `exercise_name` (empty when
        left for the user), `method`, `detail`; validated by `NameMatch`.
    """
    frame = (
        con.cursor()
        .execute(
            "select n.name, n.exercise_id, e.name as exercise_name, n.method, n.detail "
            "from name_matches as n left join exercises as e on e.exercise_id = n.exercise_id "
            "order by n.matched_at desc, n.name"
        )
        .df()
    )
    return validate(NameMatch, frame)


def _mapping_targets(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, str]:
    """Custom exercise → the catalog exercise the user mapped it onto, for the given ids."""
    customs = sorted({i for i in ids if i.startswith(CUSTOM_PREFIX)})
    if not customs:
        return {}
    rows = (
        con.cursor()
        .execute(
            "select exercise_id, target_exercise_id from exercise_mappings "
            "where list_contains(?::varchar[], exercise_id)",
            [customs],
        )
        .fetchall()
    )
    return {str(i): str(t) for i, t in rows}


def _own_names(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = (
        con.cursor()
        .execute(
            "select exercise_id, name_norm from exercises "
            "where list_contains(?::varchar[], exercise_id)",
            [sorted(set(ids))],
        )
        .fetchall()
    )
    return {str(i): str(n) for i, n in rows}


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
    """Say which catalog exercise a custom (imported) exercise is: from now on, the same lift.

    Its sets move onto the catalog exercise, so its e1RM, records and progression continue
    that exercise's history (each moved set is remembered in `mapped_sets`, so unmapping can
    move exactly those back). The catalog exercise's muscles, load type and equipment are
    copied onto the custom one, which is marked mapped; a later import of the same name lands
    on the catalog exercise. Mapping again moves the sets to the new choice.

    Raises:
        ValidationError: when either id is unknown, the first is not custom, or the second is
            not a catalog exercise with muscles; nothing is written.
    """
    cur = con.cursor()
    custom = cur.execute(
        "select source from exercises where exercise_id = ?", [custom_id]
    ).fetchone()
    target = cur.execute(
        "select e.load_type, e.equipment, e.category, e.unilateral, e.bodyweight_factor, "
        "count(m.muscle_group), e.source from exercises as e "
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
    elif target[6] == "custom":
        problems.append(
            Problem(None, "catalog_id", catalog_id, "map onto a catalog exercise, not your own")
        )
    elif int(target[5]) == 0:
        problems.append(
            Problem(None, "catalog_id", catalog_id, "that exercise has no muscles to copy")
        )
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
    load_type, equipment, category, unilateral, factor, _, _ = target
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
        cur.execute(
            "insert into mapped_sets (set_id, exercise_id) "
            "select set_id, exercise_id from sets where exercise_id = ? "
            "on conflict (set_id) do nothing",
            [custom_id],
        )
        moved = _moved_sessions(cur, custom_id)
        cur.execute(
            "update sets set exercise_id = ? "
            "where set_id in (select set_id from mapped_sets where exercise_id = ?)",
            [catalog_id, custom_id],
        )
        # Every moved set now counts toward the catalog exercise's muscles.
        w.touch_sessions(moved)


def unmap_exercise(con: duckdb.DuckDBPyConnection, custom_id: str) -> int:
    """Undo `map_exercise`: the custom exercise gets its own sets back and waits to be mapped.

    Returns:
        The number of sets moved back.

    Raises:
        ValidationError: when the exercise is not a mapped custom exercise; nothing is written.
    """
    cur = con.cursor()
    row = cur.execute(
        "select e.source, m.target_exercise_id from exercises as e "
        "left join exercise_mappings as m on m.exercise_id = e.exercise_id "
        "where e.exercise_id = ?",
        [custom_id],
    ).fetchone()
    cur.close()
    if row is None or row[0] != "custom" or row[1] is None:
        raise ValidationError(
            [Problem(None, "custom_id", custom_id, "it must name a mapped custom exercise")]
        )
    with write(con, "mapping") as w:
        cur = w.cur
        moved = _moved_sessions(cur, custom_id)
        back = cur.execute(
            "select count(*) from mapped_sets where exercise_id = ?", [custom_id]
        ).fetchone()
        cur.execute(
            "update sets set exercise_id = ? "
            "where set_id in (select set_id from mapped_sets where exercise_id = ?)",
            [custom_id, custom_id],
        )
        cur.execute("delete from mapped_sets where exercise_id = ?", [custom_id])
        cur.execute("delete from exercise_mappings where exercise_id = ?", [custom_id])
        cur.execute("delete from exercise_muscles where exercise_id = ?", [custom_id])
        cur.execute("update exercises set mapped = false where exercise_id = ?", [custom_id])
        w.touch_sessions(moved)
    return int(back[0]) if back else 0


def _moved_sessions(cur: duckdb.DuckDBPyConnection, custom_id: str) -> list[int]:
    rows = cur.execute(
        "select distinct x.session_id from sets as x "
        "inner join mapped_sets as m on m.set_id = x.set_id where m.exercise_id = ?",
        [custom_id],
    ).fetchall()
    return [int(r[0]) for r in rows]


def mapped_exercises(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Custom exercises the user mapped, most recent first.

    Returns:
        One row per exercise: `exercise_id`, `name`, `target_exercise_id`, `target_name` and
        `sets` (how many of its sets now count as the target); validated by `MappedExercise`.
    """
    frame = (
        con.cursor()
        .execute(
            "select e.exercise_id, e.name, m.target_exercise_id, t.name as target_name, "
            "(select count(*) from mapped_sets as s where s.exercise_id = e.exercise_id) "
            "as sets from exercise_mappings as m "
            "inner join exercises as e on e.exercise_id = m.exercise_id "
            "inner join exercises as t on t.exercise_id = m.target_exercise_id "
            "order by m.mapped_at desc, e.name"
        )
        .df()
    )
    return validate(MappedExercise, frame)


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
