"""The logging API: athletes, sessions and sets, every write validated by pandera first.

Each function takes a DuckDB connection and works on its own cursor, so the dashboard can share
one connection across threads. A rejected write raises `ValidationError` and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import Any

import duckdb
import pandas as pd
import pyarrow

from pipelines import volume_cache
from pipelines.db import read_sql, transaction
from pipelines.errors import Problem, ValidationError
from pipelines.names import normalise_name
from pipelines.schemas import (
    LB_TO_KG,
    RULES,
    UNITS,
    AthleteActivity,
    AthleteEntry,
    LastSet,
    SessionEntry,
    SetEntry,
    validate,
)

DEFAULT_ATHLETE = "Me"
SET_FIELDS = (
    "exercise", "weight", "unit", "reps", "seconds", "distance_m", "set_type", "rpe", "rir",
    "side", "notes",
)  # fmt: skip
_STORED = (
    "session_id", "exercise_id", "set_index", "set_type", "weight_kg", "entered_weight",
    "entered_unit", "reps", "duration_s", "distance_m", "rpe", "rir", "side", "notes",
)  # fmt: skip


def to_kg(weight: float, unit: str) -> float:
    """Convert a weight in `unit` (kg or lb) to kilograms (1 lb = 0.45359237 kg)."""
    return float(weight) * LB_TO_KG if unit == "lb" else float(weight)


def from_kg(weight_kg: float, unit: str) -> float:
    """Convert kilograms to `unit` (kg or lb)."""
    return float(weight_kg) / LB_TO_KG if unit == "lb" else float(weight_kg)


def record_change(cur: duckdb.DuckDBPyConnection, what: str) -> None:
    """Append to the change journal inside the caller's transaction (bumps the data version)."""
    cur.execute("insert into changes (what) values (?)", [what])


def data_version(con: duckdb.DuckDBPyConnection) -> int:
    """A number that grows with every write; caches key on it."""
    row = con.cursor().execute("select coalesce(max(change_id), 0) from changes").fetchone()
    return int(row[0]) if row else 0


def _write(
    con: duckdb.DuckDBPyConnection, what: str, statements: list[tuple[str, Any]]
) -> list[Any]:
    """Run statements in one transaction with a change-journal row; return each one's rows."""
    with transaction(con, what) as cur:
        results = [cur.execute(sql, params).fetchall() for sql, params in statements]
        record_change(cur, what)
    return results


# --- athletes -------------------------------------------------------------------------------


def athletes(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per athlete: athlete_id, name, unit."""
    return (
        con.cursor().execute("select athlete_id, name, unit from athletes order by athlete_id").df()
    )


def find_athlete(con: duckdb.DuckDBPyConnection, name: str) -> int | None:
    """The id of the athlete called `name` (trimmed, case-insensitive), or None."""
    row = (
        con.cursor()
        .execute("select athlete_id from athletes where lower(name) = lower(trim(?))", [name])
        .fetchone()
    )
    return int(row[0]) if row else None


def ensure_athlete(
    con: duckdb.DuckDBPyConnection, name: str = DEFAULT_ATHLETE, unit: str = "kg"
) -> int:
    """Return the athlete called `name`, creating them with `unit` when new."""
    found = find_athlete(con, str(name))
    if found is not None:
        return found
    entry = validate(AthleteEntry, pd.DataFrame({"name": [str(name).strip()], "unit": [unit]}))
    (rows,) = _write(
        con,
        "athlete",
        [("insert into athletes (name, unit) values (?, ?) returning athlete_id",
          [entry["name"].iloc[0], entry["unit"].iloc[0]])],
    )  # fmt: skip
    return int(rows[0][0])


def set_unit(con: duckdb.DuckDBPyConnection, athlete_id: int, unit: str) -> None:
    """Change the unit an athlete sees and types weights in."""
    if unit not in UNITS:
        raise ValidationError([Problem(None, "unit", unit, RULES["unit"])])
    _write(
        con, "athlete", [("update athletes set unit = ? where athlete_id = ?", [unit, athlete_id])]
    )


def athlete_unit(con: duckdb.DuckDBPyConnection, athlete_id: int) -> str:
    """The athlete's preferred unit (kg when unknown)."""
    row = (
        con.cursor()
        .execute("select unit from athletes where athlete_id = ?", [athlete_id])
        .fetchone()
    )
    return str(row[0]) if row else "kg"


def log_bodyweight(
    con: duckdb.DuckDBPyConnection, athlete_id: int, on: dt.date, weight: Any, unit: str = "kg"
) -> None:
    """Record the athlete's bodyweight on a date (one value per day; a later entry replaces)."""
    value = pd.to_numeric(pd.Series([weight]), errors="coerce").iloc[0]
    if unit not in UNITS:
        raise ValidationError([Problem(1, "unit", unit, RULES["unit"])])
    if pd.isna(value) or not 0 < to_kg(value, unit) <= 500:
        raise ValidationError([Problem(1, "bodyweight", weight, RULES["bodyweight_kg"])])
    with transaction(con, "bodyweight") as cur:
        cur.execute(
            "insert into bodyweights values (?, ?, ?, ?, ?) on conflict (athlete_id, measured_on) "
            "do update set bodyweight_kg = excluded.bodyweight_kg, "
            "entered_weight = excluded.entered_weight, entered_unit = excluded.entered_unit",
            [athlete_id, on, to_kg(value, unit), float(value), unit],
        )
        # Sessions without a bodyweight of their own take the latest reading up to their day.
        volume_cache.mark_athlete_from(cur, athlete_id, on)
        record_change(cur, "bodyweight")


# --- exercises ------------------------------------------------------------------------------


def resolve_exercise(con: duckdb.DuckDBPyConnection, name: str) -> str | None:
    """Find an exercise by id, name or alias (compared after `normalise_name`)."""
    return resolve_exercises(con, [name]).get(str(name))


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
    rows = cur.execute(
        """
        with candidates as (
            select w.text, e.exercise_id, 0 as rank
            from wanted_names as w inner join exercises as e on e.exercise_id = w.text
            union all
            select w.text, e.exercise_id, 1
            from wanted_names as w inner join exercises as e on e.name_norm = w.norm
            union all
            select w.text, a.exercise_id, 2
            from wanted_names as w inner join exercise_aliases as a on a.alias_norm = w.norm
        )
        select text, arg_min(exercise_id, (rank, exercise_id)) from candidates
        where text <> '' group by text
        """
    ).fetchall()
    cur.unregister("wanted_names")
    found |= {str(text): str(exercise_id) for text, exercise_id in rows}
    return {n: found.get(n.strip()) for n in wanted}


# --- sessions -------------------------------------------------------------------------------


def start_session(
    con: duckdb.DuckDBPyConnection,
    athlete_id: int,
    started_at: dt.datetime | dt.date | str | None = None,
    *,
    name: str = "",
    template_id: str | None = None,
    notes: str = "",
    bodyweight_kg: float | None = None,
    source: str = "manual",
    source_key: str | None = None,
) -> int:
    """Open a workout session and return its id.

    Args:
        con: The database.
        athlete_id: Whose session it is.
        started_at: Start time (a date means midnight); None means now.
        name: A label such as "Beginner Back and Legs".
        template_id: The template followed, if any.
        notes: Free text.
        bodyweight_kg: The athlete's bodyweight that day, for bodyweight tonnage.
        source: Where the session came from (manual, demo, strong, hevy, fitnotes, liftboard).
        source_key: The source's own key, so a re-import adds nothing twice.
    """
    raw = pd.DataFrame(
        {
            "athlete_id": [athlete_id],
            "started_at": [_timestamp(started_at)],
            "ended_at": [pd.NaT],
            "name": [name],
            "template_id": [template_id],
            "notes": [notes],
            "bodyweight_kg": [bodyweight_kg],
            "source": [source],
            "source_key": [source_key],
        }
    )
    entry = validate(SessionEntry, raw)
    problems = []
    if not _exists(con, "athletes", "athlete_id", athlete_id):
        problems.append(Problem(1, "athlete_id", athlete_id, RULES["athlete_id"]))
    if template_id is not None and not _exists(
        con, "workout_templates", "template_id", template_id
    ):
        problems.append(Problem(1, "template_id", template_id, "it must name a known template"))
    if problems:
        raise ValidationError(problems)
    row = entry.iloc[0]
    (rows,) = _write(
        con,
        "session",
        [(
            "insert into sessions (athlete_id, started_at, name, template_id, notes, "
            "bodyweight_kg, source, source_key) values (?, ?, ?, ?, ?, ?, ?, ?) "
            "returning session_id",
            [int(row["athlete_id"]), row["started_at"].to_pydatetime(), row["name"],
             _none(row["template_id"]), row["notes"], _none(row["bodyweight_kg"]),
             row["source"], _none(row["source_key"])],
        )],
    )  # fmt: skip
    return int(rows[0][0])


def finish_session(
    con: duckdb.DuckDBPyConnection, session_id: int, ended_at: dt.datetime | None = None
) -> None:
    """Close a session (now, unless `ended_at` is given)."""
    end = _timestamp(ended_at)
    row = (
        con.cursor()
        .execute("select started_at from sessions where session_id = ?", [session_id])
        .fetchone()
    )
    if row is None:
        raise ValidationError([Problem(None, "session_id", session_id, RULES["session_id"])])
    if end < pd.Timestamp(row[0]):
        raise ValidationError([Problem(None, "ended_at", end, RULES["ended_at"])])
    _write(
        con,
        "session",
        [
            (
                "update sessions set ended_at = ? where session_id = ?",
                [end.to_pydatetime(), session_id],
            )
        ],
    )


def session_for_day(
    con: duckdb.DuckDBPyConnection, athlete_id: int, day: dt.date | str, *, name: str = ""
) -> int:
    """The athlete's latest manual session on `day`, opened now if there is none."""
    start = _timestamp(day)
    found = (
        con.cursor()
        .execute(
            "select session_id from sessions where athlete_id = ? and source = 'manual' "
            "and started_at::date = ?::date order by started_at desc, session_id desc limit 1",
            [athlete_id, start.to_pydatetime()],
        )
        .fetchone()
    )
    if found:
        return int(found[0])
    return start_session(con, athlete_id, start, name=name)


# --- sets -----------------------------------------------------------------------------------


def log_sets(
    con: duckdb.DuckDBPyConnection,
    session_id: int,
    entries: Sequence[Mapping[str, Any]] | pd.DataFrame,
) -> list[int]:
    """Validate and add sets to a session in one transaction; return the new set ids.

    Each entry has `exercise` (id, name or alias) and any of: weight, unit (kg or lb; the
    athlete's unit when absent), reps, seconds, distance_m, set_type, rpe, rir, side, notes.
    Weights are stored in kg; the entered value and unit are kept as typed.

    Raises:
        ValidationError: naming each rejected row, column and value; nothing is written.
    """
    # Rows are numbered from 1 in messages, so a frame is renumbered (a new one already is).
    if isinstance(entries, pd.DataFrame):
        raw = entries.reset_index(drop=True)
    else:
        raw = pd.DataFrame(list(entries))
    if len(raw) == 0:
        return []
    unknown = [c for c in raw.columns if c not in SET_FIELDS]
    if unknown:
        raise ValidationError(
            [Problem(None, c, c, "that field is not part of a set") for c in unknown]
        )
    # The last set index is an uncorrelated subquery: DuckDB then scans only this session's
    # sets, where a join (or a correlated subquery) would aggregate the whole table first.
    session = (
        con.cursor()
        .execute(
            "select s.athlete_id, a.unit, "
            "coalesce((select max(x.set_index) from sets as x where x.session_id = $id), 0), "
            "s.started_at::date from sessions as s "
            "inner join athletes as a on a.athlete_id = s.athlete_id where s.session_id = $id",
            {"id": session_id},
        )
        .fetchall()
    )
    if not session:
        raise ValidationError([Problem(None, "session_id", session_id, RULES["session_id"])])
    ((athlete_id, default_unit, last_index, day),) = session
    validated = _stored_frame(con, raw, session_id, str(default_unit), int(last_index))
    columns = ", ".join(_STORED)
    with transaction(con, "sets") as cur:
        if len(validated) == 1:  # one set, as the Log page sends: plain parameters are quickest
            row = validated.iloc[0]
            ids = cur.execute(
                f"insert into sets ({columns}) values ({', '.join('?' * len(_STORED))}) "  # noqa: S608 - fixed column list
                "returning set_id",
                [_none(row[name]) for name in _STORED],
            ).fetchall()
        else:
            # DuckDB reads an Arrow table without the per-column work its scan of a DataFrame
            # does, so the validated rows are handed over as one.
            values = pyarrow.table(
                {
                    name: pyarrow.array(column, from_pandas=True)
                    for name, column in validated.items()
                }
            )
            cur.register("incoming_sets", values)
            ids = cur.execute(
                f"insert into sets ({columns}) select {columns} from incoming_sets "  # noqa: S608 - fixed column list
                "order by set_index returning set_id"
            ).fetchall()
            cur.unregister("incoming_sets")
        volume_cache.mark_week(cur, int(athlete_id), day)
        record_change(cur, "sets")
    return sorted(int(r[0]) for r in ids)


def log_set(con: duckdb.DuckDBPyConnection, session_id: int, exercise: str, **fields: Any) -> int:
    """Add one set (see `log_sets` for the fields) and return its id."""
    return log_sets(con, session_id, [{"exercise": exercise, **fields}])[0]


def log_entry(
    con: duckdb.DuckDBPyConnection,
    *,
    day: dt.date | str,
    exercise: str,
    athlete: str = DEFAULT_ATHLETE,
    **fields: Any,
) -> int:
    """Log one set for `athlete` on `day`, in that day's manual session (the CLI's `log`)."""
    problems = []
    start = None
    try:
        start = _timestamp(day)
    except ValueError:
        problems.append(Problem(None, "date", day, "it must be a real date written YYYY-MM-DD"))
    if (
        not problems
        and start is not None
        and start >= pd.Timestamp(dt.date.today() + dt.timedelta(days=2))
    ):
        problems.append(Problem(None, "date", day, RULES["started_at"]))
    exercise_id = resolve_exercise(con, exercise)
    if exercise_id is None:
        problems.append(Problem(None, "exercise", exercise, _UNKNOWN_EXERCISE))
    if problems:
        raise ValidationError(problems)
    # Check the set itself before any session or athlete is created for it.
    _stored_frame_check(con, {"exercise": exercise, **fields}, athlete)
    athlete_id = ensure_athlete(con, athlete)
    session_id = session_for_day(con, athlete_id, day)
    return log_set(con, session_id, exercise, **fields)


def update_set(con: duckdb.DuckDBPyConnection, set_id: int, **changes: Any) -> None:
    """Change fields of a logged set (same fields as `log_sets`); validated like a new set."""
    current = (
        con.cursor()
        .execute(
            "select x.session_id, x.exercise_id as exercise, x.entered_weight as weight, "
            "x.entered_unit as unit, x.reps, x.duration_s as seconds, x.distance_m, x.set_type, "
            "x.rpe, x.rir, x.side, x.notes, x.set_index, a.unit as athlete_unit, x.weight_kg "
            "from sets as x inner join sessions as s on s.session_id = x.session_id "
            "inner join athletes as a on a.athlete_id = s.athlete_id where x.set_id = ?",
            [set_id],
        )
        .df()
    )
    if current.empty:
        raise ValidationError([Problem(None, "set_id", set_id, "it must name an existing set")])
    unknown = [c for c in changes if c not in SET_FIELDS]
    if unknown:
        raise ValidationError(
            [Problem(None, c, c, "that field is not part of a set") for c in unknown]
        )
    row = current.iloc[0].to_dict()
    if pd.isna(row["weight"]) and not pd.isna(row["weight_kg"]):
        row["weight"], row["unit"] = row["weight_kg"], "kg"
    merged = {k: row[k] for k in SET_FIELDS} | changes
    frame = _stored_frame(
        con, pd.DataFrame([merged]), int(row["session_id"]), str(row["athlete_unit"]),
        int(row["set_index"]) - 1,
    )  # fmt: skip
    values = frame.iloc[0]
    assignments = ", ".join(f"{c} = ?" for c in _STORED[1:] if c != "set_index")
    params = [_none(values[c]) for c in _STORED[1:] if c != "set_index"]
    with transaction(con, "sets") as cur:
        cur.execute(f"update sets set {assignments} where set_id = ?", [*params, set_id])  # noqa: S608 - fixed column list
        volume_cache.mark_session(cur, int(row["session_id"]))
        record_change(cur, "sets")


def delete_set(con: duckdb.DuckDBPyConnection, set_id: int) -> None:
    """Remove a logged set."""
    if not _exists(con, "sets", "set_id", set_id):
        raise ValidationError([Problem(None, "set_id", set_id, "it must name an existing set")])
    with transaction(con, "sets") as cur:
        session = cur.execute("select session_id from sets where set_id = ?", [set_id]).fetchall()
        cur.execute("delete from sets where set_id = ?", [set_id])
        for (session_id,) in session:
            volume_cache.mark_session(cur, int(session_id))
        record_change(cur, "sets")


def delete_session(con: duckdb.DuckDBPyConnection, session_id: int) -> None:
    """Remove a session and all of its sets.

    DuckDB refuses to delete a parent row in the transaction that deletes its children, so the
    sets go first and the empty session second. Should the second step fail, what remains is an
    empty session, never a set without its session.
    """
    if not _exists(con, "sessions", "session_id", session_id):
        raise ValidationError([Problem(None, "session_id", session_id, RULES["session_id"])])
    with transaction(con, "sets") as cur:
        volume_cache.mark_session(cur, session_id)
        cur.execute("delete from sets where session_id = ?", [session_id])
        record_change(cur, "sets")
    _write(con, "sessions", [("delete from sessions where session_id = ?", [session_id])])


def session_sets(con: duckdb.DuckDBPyConnection, session_id: int) -> pd.DataFrame:
    """One row per set of a session, in order, with the exercise name and the entered weight."""
    return (
        con.cursor()
        .execute(
            "select x.set_id, x.set_index, e.name as exercise, x.exercise_id, x.set_type, "
            "x.weight_kg, x.entered_weight, x.entered_unit, x.reps, x.duration_s, x.distance_m, "
            "x.rpe, x.rir, x.side, x.notes from sets as x "
            "inner join exercises as e on e.exercise_id = x.exercise_id "
            "where x.session_id = ? order by x.set_index, x.set_id",
            [session_id],
        )
        .df()
    )


def day_sets(con: duckdb.DuckDBPyConnection, athlete_id: int, day: dt.date | str) -> pd.DataFrame:
    """One row per set the athlete logged on `day`, in session and set order."""
    return (
        con.cursor()
        .execute(
            """
        select x.set_id, s.session_id, e.name as exercise, x.set_type, x.entered_weight,
            x.entered_unit, x.weight_kg, x.reps, x.duration_s, x.rpe, x.notes
        from sets as x
        inner join sessions as s on s.session_id = x.session_id
        inner join exercises as e on e.exercise_id = x.exercise_id
        where s.athlete_id = ? and s.started_at::date = ?::date
        order by s.started_at, x.set_index
        """,
            [athlete_id, str(day)],
        )
        .df()
    )


# --- helpers --------------------------------------------------------------------------------

_UNKNOWN_EXERCISE = (
    "no exercise with that name or alias is known (search the Exercises page, or add it as a "
    "custom exercise)"
)
_NUMERIC = {"weight": "weight", "reps": "reps", "seconds": "duration_s", "distance_m": "distance_m",
            "rpe": "rpe", "rir": "rir"}  # fmt: skip


def _stored_frame(
    con: duckdb.DuckDBPyConnection,
    raw: pd.DataFrame,
    session_id: int,
    default_unit: str,
    last_index: int,
) -> pd.DataFrame:
    """Turn user-facing set fields into validated stored columns.

    Raises:
        ValidationError: every problem of every row, from parsing and from the pandera schema.
    """
    n = len(raw)

    def column(name: str) -> list[Any]:
        if name not in raw.columns:
            return [None] * n
        return [_blank_to_none(v) for v in raw[name].tolist()]  # Python (or pandas) scalars

    problems: list[Problem] = []
    numbers: dict[str, list[float | None]] = {}
    for field, stored in _NUMERIC.items():
        parsed: list[float | None] = []
        for i, value in enumerate(column(field)):
            number = _number(value)
            if number is not None and abs(number) > 1e9:  # beyond every range; keeps ints safe
                number = None
            if value is not None and number is None:
                reason = RULES.get(stored, "it must be a number")
                problems.append(Problem(i + 1, field, value, reason))
            parsed.append(number)
        numbers[field] = parsed

    units = [default_unit if u is None else _UNIT_WORDS.get(str(u).strip().lower(), str(u))
             for u in column("unit")]  # fmt: skip
    problems += [Problem(i + 1, "unit", u, RULES["unit"]) for i, u in enumerate(units)
                 if u not in UNITS]  # fmt: skip

    names = ["" if name is None else str(name) for name in column("exercise")]
    resolved = resolve_exercises(con, names)
    exercise_ids = [resolved.get(name) or "" for name in names]
    problems += [Problem(i + 1, "exercise", column("exercise")[i], _UNKNOWN_EXERCISE)
                 for i in range(n) if not exercise_ids[i]]  # fmt: skip

    for i in range(n):
        for field, rule in (("reps", "reps"), ("rir", "rir")):
            value = numbers[field][i]
            if value is not None and value != round(value):
                problems.append(Problem(i + 1, field, raw_value(raw, field, i), RULES[rule]))
        weight = numbers["weight"][i]
        if weight is not None and units[i] in UNITS and not 0 <= to_kg(weight, units[i]) <= 1000:
            shown = f"{weight:g} {units[i]}"
            problems.append(Problem(i + 1, "weight", shown, RULES["weight_kg"]))
    weights = numbers["weight"]
    cells: dict[str, list[Any]] = {
        "session_id": [session_id] * n,
        "exercise_id": exercise_ids,
        "set_index": list(range(last_index + 1, last_index + 1 + n)),
        "set_type": [
            "working" if t is None else str(t).strip().lower() for t in column("set_type")
        ],
        "weight_kg": [
            None if w is None else to_kg(w, u) for w, u in zip(weights, units, strict=True)
        ],
        "entered_weight": weights,
        "entered_unit": [None if w is None else u for w, u in zip(weights, units, strict=True)],
        "reps": [None if r is None else round(r) for r in numbers["reps"]],
        "duration_s": numbers["seconds"],
        "distance_m": numbers["distance_m"],
        "rpe": numbers["rpe"],
        "rir": [None if r is None else round(r) for r in numbers["rir"]],
        "side": [None if s is None else str(s).strip().lower() for s in column("side")],
        "notes": ["" if s is None else str(s) for s in column("notes")],
    }
    # Each column is built with the dtype SetEntry coerces to, so pandera has nothing to coerce
    # and a set that meets every SetEntry rule passes the cheap way (`validate(as_built=...)`).
    columns = SetEntry.to_schema().columns
    frame = pd.DataFrame(
        {name: pd.array(cells[name], dtype=columns[name].dtype.type) for name in _STORED}
    )
    try:
        validated = validate(SetEntry, frame, as_built=True)
    except ValidationError as exc:
        # Values already reported while parsing (placeholders in `frame`) are not repeated.
        seen = {(p.row, _STORED_NAME.get(p.column, p.column)) for p in problems}
        problems += [p for p in exc.problems if (p.row, p.column) not in seen]
    if problems:
        named = [_user_facing(p, raw) for p in problems]
        raise ValidationError(sorted(named, key=lambda p: (p.row or 0, p.column)))
    return validated


# Stored column -> the field a person typed, for messages.
_STORED_NAME = {"weight": "weight_kg", "exercise": "exercise_id", "seconds": "duration_s"}
_FIELD_NAME = {"weight_kg": "weight", "entered_weight": "weight", "exercise_id": "exercise"}


def _user_facing(problem: Problem, raw: pd.DataFrame) -> Problem:
    """Report a stored column by the field the person typed, with the value they typed."""
    field = _FIELD_NAME.get(problem.column)
    if field is None or problem.row is None:
        return problem
    value = raw_value(raw, field, problem.row - 1)
    return Problem(problem.row, field, value, problem.reason)


_UNIT_WORDS = {"kgs": "kg", "kilogram": "kg", "kilograms": "kg", "kg": "kg",
               "lbs": "lb", "pound": "lb", "pounds": "lb", "lb": "lb"}  # fmt: skip


def _number(value: Any) -> float | None:
    """A finite float from a number or numeric text; None when there is none."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(str(value).strip()) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _stored_frame_check(
    con: duckdb.DuckDBPyConnection, entry: Mapping[str, Any], athlete: str
) -> None:
    athlete_id = find_athlete(con, athlete)
    unit = athlete_unit(con, athlete_id) if athlete_id is not None else "kg"
    _stored_frame(con, pd.DataFrame([dict(entry)]), 1, unit, 0)


def raw_value(raw: pd.DataFrame, name: str, i: int) -> Any:
    """The value as the user gave it, for error messages."""
    return raw[name].iloc[i] if name in raw.columns else None


def _blank_to_none(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and pd.isna(value):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    return value


def _none(value: Any) -> Any:
    """NaN/NA become None for DuckDB parameters; numpy scalars become Python ones."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def _timestamp(value: dt.datetime | dt.date | str | None) -> pd.Timestamp:
    if value is None:
        return pd.Timestamp(dt.datetime.now().replace(microsecond=0))
    stamp = pd.Timestamp(value)
    if pd.isna(stamp):
        raise ValueError(f"not a date: {value!r}")
    return stamp.tz_localize(None) if stamp.tzinfo is not None else stamp


def _exists(con: duckdb.DuckDBPyConnection, table: str, column: str, value: Any) -> bool:
    # Table and column names come from the call sites in this module, never from input.
    sql = f"select 1 from {table} where {column} = ? limit 1"  # noqa: S608 - literal identifiers
    return con.cursor().execute(sql, [value]).fetchone() is not None


# --- reads for the Log page -----------------------------------------------------------------


def last_sets(
    con: duckdb.DuckDBPyConnection, athlete_id: int, exercise_ids: Sequence[str]
) -> pd.DataFrame:
    """The athlete's most recent set of each exercise, to pre-fill the next one.

    A working, drop or failure set is preferred to a more recent warm-up. Exercises never done
    have no row.

    Returns:
        One row per exercise (validated by `LastSet`): `exercise_id`, `performed_on`,
        `set_type`, `weight_kg`, `entered_weight`, `entered_unit`, `reps`, `duration_s`, `rpe`.
    """
    frame = (
        con.cursor()
        .execute(
            read_sql("marts/last_sets"),
            {"athlete_id": athlete_id, "exercise_ids": [str(e) for e in exercise_ids]},
        )
        .df()
    )
    return validate(LastSet, frame)


def athlete_activity(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per athlete with their unit, session count and latest session, most recent first.

    Returns:
        Columns `athlete_id`, `name`, `unit`, `sessions`, `last_session_at` (validated by
        `AthleteActivity`); athletes who never trained come last, in the order they were added.
    """
    return validate(AthleteActivity, con.cursor().execute(read_sql("marts/athlete_activity")).df())
