"""Reading the exercise catalog: exercises with their muscles, templates and variations.

Also the one write the Workout page makes: saving an edited template, which marks it as the
user's own so that a newer shipped catalog never overwrites it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb
import pandas as pd

from pipelines.db import read_sql
from pipelines.errors import Problem, ValidationError
from pipelines.names import normalise_name
from pipelines.schemas import (
    MAX_SECONDS,
    MAX_TEMPLATE_ROUND,
    AnatomyMuscle,
    CatalogExercise,
    ExerciseName,
    ExerciseVariationRow,
    TemplateExercise,
    TemplateItemEntry,
    WorkoutTemplate,
    validate,
)
from pipelines.writes import write

TEMPLATE_FIELDS = ("round_no", "position", "exercise", "reps", "seconds", "per_side", "notes")


def resolve_exercises(
    con: duckdb.DuckDBPyConnection, names: Sequence[str]
) -> dict[str, str | None]:
    """Resolve many names: exact id first, then normalised name, then alias.

    Exact ids are looked up first, in one cheap query; only the names that are not an id take
    the query that compares normalised names and aliases.
    """
    wanted = sorted({str(n) for n in names})
    texts = sorted({n.strip() for n in wanted} - {""})
    cur = con.cursor()
    rows = cur.execute(
        "select exercise_id from exercises where list_contains(?::varchar[], exercise_id)",
        [texts],
    ).fetchall()
    found = {str(exercise_id): str(exercise_id) for (exercise_id,) in rows}
    rest = [n for n in wanted if n.strip() and n.strip() not in found]
    if not rest:
        return {n: found.get(n.strip()) for n in wanted}
    lookup = pd.DataFrame(
        {"text": [n.strip() for n in rest], "norm": [normalise_name(n) for n in rest]}
    )
    cur.register("wanted_names", lookup)
    rows = cur.execute(read_sql("lookups/exercise_by_name")).fetchall()
    cur.unregister("wanted_names")
    found |= {str(text): str(exercise_id) for text, exercise_id in rows}
    return {n: found.get(n.strip()) for n in wanted}


def exercise_catalog(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per exercise: ids, name, equipment, load type, muscles, aliases, stance, cues."""
    return validate(CatalogExercise, con.cursor().execute(read_sql("marts/exercise_catalog")).df())


def exercise_names(con: duckdb.DuckDBPyConnection, athlete_id: int | None = None) -> pd.DataFrame:
    """One row per searchable name (exercise names and aliases), for a search box.

    The exercises `athlete_id` did most recently come first, then the rest by name.
    """
    frame = con.cursor().execute(read_sql("marts/exercise_names"), {"athlete_id": athlete_id}).df()
    return validate(ExerciseName, frame)


def workout_templates(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per workout template: rounds, passes, rest, duration and the defaults note."""
    return validate(WorkoutTemplate, con.cursor().execute(read_sql("marts/workout_templates")).df())


def template_exercises(con: duckdb.DuckDBPyConnection, template_id: str) -> pd.DataFrame:
    """One row per slot of a template: prescription plus the exercise's muscles, stance, cues.

    Main slots come first (by round and position), then the optional add-ons (round 0).
    """
    frame = (
        con.cursor()
        .execute(read_sql("marts/template_exercises"), {"template_id": template_id})
        .df()
    )
    return validate(TemplateExercise, frame)


def exercise_variations(
    con: duckdb.DuckDBPyConnection, exercise_ids: Sequence[str]
) -> pd.DataFrame:
    """One row per variation (easier, harder, other equipment) of the given exercises."""
    frame = (
        con.cursor()
        .execute(read_sql("marts/exercise_variations"), {"exercise_ids": list(exercise_ids)})
        .df()
    )
    return validate(ExerciseVariationRow, frame)


def anatomy_muscles(con: duckdb.DuckDBPyConnection, template_id: str) -> pd.DataFrame:
    """One row per named muscle: its group, region and the template's exercises that train it.

    An exercise trains a muscle when the muscle's group is one of its primary or secondary
    groups; both lists are given.
    """
    frame = (
        con.cursor().execute(read_sql("marts/anatomy_muscles"), {"template_id": template_id}).df()
    )
    return validate(AnatomyMuscle, frame)


def save_template(
    con: duckdb.DuckDBPyConnection,
    template_id: str,
    items: pd.DataFrame,
    *,
    passes_per_round: int | None = None,
    rest_s: int | None = None,
) -> int:
    """Replace a template's slots and mark it as the user's own (`source = 'custom'`).

    Args:
        con: The database.
        template_id: The template to change.
        items: One row per slot with `round_no` (0 = optional add-on), `position`, `exercise`
            (id, name or alias), `reps` or `seconds` (exactly one), `per_side`, `notes`.
            Positions are renumbered 1, 2, … within each round in the order given.
        passes_per_round: How often each round is gone through (unchanged when None).
        rest_s: Rest after each pass, in seconds (unchanged when None).

    Returns:
        The number of slots saved.

    Raises:
        ValidationError: naming each rejected row (1-based, as given), column and value;
            nothing is written.
    """
    current = (
        con.cursor()
        .execute(
            "select passes_per_round, rest_s from workout_templates where template_id = ?",
            [template_id],
        )
        .fetchone()
    )
    if current is None:
        raise ValidationError(
            [Problem(None, "template_id", template_id, "it must name a known template")]
        )
    passes = int(current[0]) if passes_per_round is None else passes_per_round
    rest = int(current[1]) if rest_s is None else rest_s
    frame, problems = _template_frame(con, template_id, items)
    if not 1 <= _whole(passes, -1) <= 20:
        problems.append(Problem(None, "passes_per_round", passes_per_round, "it must be 1 to 20"))
    if not 0 <= _whole(rest, -1) <= 3600:
        problems.append(Problem(None, "rest_s", rest_s, "rest must be 0 to 3600 seconds"))
    if problems:
        raise ValidationError(problems)
    entries = validate(TemplateItemEntry, frame)
    rounds = int(entries.loc[entries["round_no"] > 0, "round_no"].max())
    with write(con, "template") as w:
        cur = w.cur
        cur.execute("delete from template_items where template_id = ?", [template_id])
        cur.register("incoming_template_items", entries)
        cur.execute(
            "insert into template_items (template_id, round_no, position, exercise_id, reps, "
            "seconds, per_side, role, notes) select template_id, round_no, position, "
            "exercise_id, reps, seconds, per_side, role, notes from incoming_template_items"
        )
        cur.unregister("incoming_template_items")
        cur.execute(
            "update workout_templates set source = 'custom', rounds = ?, passes_per_round = ?, "
            "rest_s = ? where template_id = ?",
            [rounds, int(passes), int(rest), template_id],
        )
    return len(entries)


def _template_frame(
    con: duckdb.DuckDBPyConnection, template_id: str, items: pd.DataFrame
) -> tuple[pd.DataFrame, list[Problem]]:
    """Parse editor rows into `TemplateItemEntry` columns; collect every problem found."""
    raw = items.reset_index(drop=True)
    missing = [c for c in ("round_no", "exercise") if c not in raw.columns]
    if missing:
        return pd.DataFrame(), [Problem(None, c, None, "that column is required") for c in missing]
    raw = raw.dropna(how="all")
    if raw.empty:
        return pd.DataFrame(), [Problem(None, "exercise", None, "a template needs an exercise")]

    def column(name: str) -> list[Any]:
        return raw[name].astype(object).tolist() if name in raw.columns else [None] * len(raw)

    names = ["" if _blank(v) else str(v) for v in column("exercise")]
    resolved = resolve_exercises(con, names)
    problems: list[Problem] = []
    rows: list[dict[str, Any]] = []
    rounds_seen: set[int] = set()
    for i, (round_no, position, name, reps, seconds, per_side, notes) in enumerate(
        zip(*(column(c) for c in TEMPLATE_FIELDS), strict=True), start=1
    ):
        exercise_id = resolved.get(names[i - 1]) or ""
        if not exercise_id:
            problems.append(Problem(i, "exercise", name, "it must name a known exercise"))
        round_value = _whole(round_no, -1)
        rounds_seen.add(round_value)
        if not 0 <= round_value <= MAX_TEMPLATE_ROUND:
            reason = f"the round must be a whole number from 0 (add-on) to {MAX_TEMPLATE_ROUND}"
            problems.append(Problem(i, "round_no", round_no, reason))
        reps_value, seconds_value = _whole(reps, 0), _whole(seconds, 0)
        if (reps_value > 0) == (seconds_value > 0):
            reason = "give either reps or seconds (a whole number above 0), not both"
            problems.append(Problem(i, "reps", reps, reason))
        elif not (0 <= reps_value <= 1000 and 0 <= seconds_value <= MAX_SECONDS):
            reason = f"reps go up to 1000 and seconds up to {MAX_SECONDS}"
            problems.append(Problem(i, "reps" if reps_value else "seconds", reps, reason))
        rows.append(
            {
                "template_id": template_id,
                "round_no": round_value,
                "order": (_whole(position, 10_000), i),
                "exercise_id": exercise_id,
                "reps": reps_value or pd.NA,
                "seconds": seconds_value or pd.NA,
                "per_side": bool(per_side) if not _blank(per_side) else False,
                "role": "addon" if round_value == 0 else "main",
                "notes": "" if _blank(notes) else str(notes).strip(),
            }
        )
    main_rounds = sorted(r for r in rounds_seen if r > 0)
    if not problems and main_rounds != list(range(1, len(main_rounds) + 1)):
        reason = "main rounds must be numbered 1, 2, 3 and so on, without gaps"
        problems.append(Problem(None, "round_no", main_rounds, reason))
    if not problems and not main_rounds:
        problems.append(Problem(None, "round_no", 0, "a template needs at least one main round"))
    frame = pd.DataFrame(rows).sort_values(["round_no", "order"], kind="stable")
    frame["position"] = frame.groupby("round_no").cumcount() + 1
    return frame.drop(columns="order").reset_index(drop=True), problems


def _blank(value: Any) -> bool:
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float) and pd.isna(value):
        return True
    return isinstance(value, str) and not value.strip()


def _whole(value: Any, default: int) -> int:
    """A whole number from a number or numeric text; `default` when blank or not whole."""
    if _blank(value) or isinstance(value, bool):
        return default
    try:
        number = float(str(value).strip())
    except ValueError:
        return default
    return int(number) if number.is_integer() else default
