"""The logbook: sessions and their sets, every write validated by pandera first.

`log_sets` is the one way to add sets: to a session by id, to an athlete's session of a day
(`DaySession`, the Log page and the CLI), or to a session opened with them (`NewSession`, a
template workout). The sets are checked before anything is written, and the session, any new
athlete and the sets land in one write unit, so a rejected set leaves nothing behind.

Each function takes a DuckDB connection and works on its own cursor, so the dashboard can share
one connection across threads. A rejected write raises `ValidationError` and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pandas as pd
import pyarrow

from pipelines.athletes import DEFAULT_ATHLETE, athlete_unit, find_athlete
from pipelines.db import read_sql
from pipelines.errors import Problem, ValidationError
from pipelines.schemas import RULES, AthleteEntry, LastSet, SessionEntry, validate
from pipelines.set_entry import (
    SET_FIELDS,
    STORED_COLUMNS,
    sql_value,
    stored_frame,
    timestamp,
    unknown_fields,
)
from pipelines.writes import Write, write

_INSERT_SESSION = (
    "insert into sessions (athlete_id, started_at, name, template_id, notes, bodyweight_kg, "
    "source, source_key) values (?, ?, ?, ?, ?, ?, ?, ?) returning session_id"
)


@dataclass(frozen=True)
class DaySession:
    """The athlete's latest manual session on `day`, opened (with the athlete) when missing."""

    day: dt.date | str
    athlete: str = DEFAULT_ATHLETE


@dataclass(frozen=True)
class NewSession:
    """A session opened together with its first sets, e.g. a template workout."""

    athlete_id: int
    started_at: dt.datetime
    name: str = ""
    template_id: str | None = None


SessionChoice = int | DaySession | NewSession


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
    values = _session_values(
        con,
        athlete_id,
        started_at,
        name=name,
        template_id=template_id,
        notes=notes,
        bodyweight_kg=bodyweight_kg,
        source=source,
        source_key=source_key,
    )
    with write(con, "session") as w:
        (row,) = w.cur.execute(_INSERT_SESSION, values).fetchall()
    return int(row[0])


def finish_session(
    con: duckdb.DuckDBPyConnection, session_id: int, ended_at: dt.datetime | None = None
) -> None:
    """Close a session (now, unless `ended_at` is given)."""
    end = timestamp(ended_at)
    row = (
        con.cursor()
        .execute("select started_at from sessions where session_id = ?", [session_id])
        .fetchone()
    )
    if row is None:
        raise ValidationError([Problem(None, "session_id", session_id, RULES["session_id"])])
    if end < pd.Timestamp(row[0]):
        raise ValidationError([Problem(None, "ended_at", end, RULES["ended_at"])])
    with write(con, "session") as w:
        w.cur.execute(
            "update sessions set ended_at = ? where session_id = ?",
            [end.to_pydatetime(), session_id],
        )


def delete_session(con: duckdb.DuckDBPyConnection, session_id: int) -> None:
    """Remove a session and all of its sets.

    DuckDB refuses to delete a parent row in the transaction that deletes its children, so the
    sets go first and the empty session second. Should the second step fail, what remains is an
    empty session, never a set without its session.
    """
    if not _exists(con, "sessions", "session_id", session_id):
        raise ValidationError([Problem(None, "session_id", session_id, RULES["session_id"])])
    with write(con, "sets") as w:
        w.touch_session(session_id)
        w.cur.execute("delete from sets where session_id = ?", [session_id])
    with write(con, "sessions") as w:
        w.cur.execute("delete from sessions where session_id = ?", [session_id])


# --- sets -----------------------------------------------------------------------------------


def log_sets(
    con: duckdb.DuckDBPyConnection,
    session: SessionChoice,
    entries: Sequence[Mapping[str, Any]] | pd.DataFrame,
) -> list[int]:
    """Validate sets and add them in one write unit; return the new set ids in order.

    Args:
        con: The database.
        session: A session id; a `DaySession` (the athlete's manual session of that day, opened
            with the athlete when missing); or a `NewSession` opened with these sets.
        entries: One mapping (or frame row) per set with `exercise` (id, name or alias) and any
            of: weight, unit (kg or lb; the athlete's unit when absent), reps, seconds,
            distance_m, set_type, rpe, rir, side, notes.

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
    unknown_fields(raw)
    target = _target(con, session)
    # Checked once, before anything is written: the real session id and numbering come after.
    validated = stored_frame(con, raw, target.session_id or 1, target.unit, target.last_index)
    with write(con, "sets") as w:
        session_id, athlete_id = target.open(w)
        if target.session_id is None:
            validated["session_id"] = session_id
        ids = _insert_sets(w, validated)
        w.touch_week(athlete_id, target.day)
    return ids


def update_set(con: duckdb.DuckDBPyConnection, set_id: int, **changes: Any) -> None:
    """Change fields of a logged set (same fields as `log_sets`); validated like a new set.

    A field not named in `changes` keeps its stored value exactly.
    """
    current = con.cursor().execute(read_sql("lookups/set_as_entered"), {"set_id": set_id}).df()
    if current.empty:
        raise ValidationError([Problem(None, "set_id", set_id, "it must name an existing set")])
    unknown_fields(changes)
    row = current.iloc[0].to_dict()
    if pd.isna(row["weight"]) and not pd.isna(row["weight_kg"]):
        row["weight"], row["unit"] = row["weight_kg"], "kg"
    merged = {k: row[k] for k in SET_FIELDS} | changes
    frame = stored_frame(
        con,
        pd.DataFrame([merged]),
        int(row["session_id"]),
        str(row["athlete_unit"]),
        int(row["set_index"]) - 1,
    )
    values = frame.iloc[0]
    columns = [c for c in STORED_COLUMNS[1:] if c != "set_index"]
    assignments = ", ".join(f"{c} = ?" for c in columns)
    params = [sql_value(values[c]) for c in columns]
    with write(con, "sets") as w:
        w.cur.execute(f"update sets set {assignments} where set_id = ?", [*params, set_id])  # noqa: S608 - fixed column list
        w.touch_session(int(row["session_id"]))


def delete_set(con: duckdb.DuckDBPyConnection, set_id: int) -> None:
    """Remove a logged set."""
    if not _exists(con, "sets", "set_id", set_id):
        raise ValidationError([Problem(None, "set_id", set_id, "it must name an existing set")])
    with write(con, "sets") as w:
        session = w.cur.execute("select session_id from sets where set_id = ?", [set_id]).fetchall()
        w.cur.execute("delete from sets where set_id = ?", [set_id])
        for (session_id,) in session:
            w.touch_session(int(session_id))


# --- reads ----------------------------------------------------------------------------------


def session_sets(con: duckdb.DuckDBPyConnection, session_id: int) -> pd.DataFrame:
    """One row per set of a session, in order, with the exercise name and the entered weight."""
    return con.cursor().execute(read_sql("marts/session_sets"), {"session_id": session_id}).df()


def day_sets(con: duckdb.DuckDBPyConnection, athlete_id: int, day: dt.date | str) -> pd.DataFrame:
    """One row per set the athlete logged on `day`, in session and set order."""
    return (
        con.cursor()
        .execute(read_sql("marts/day_sets"), {"athlete_id": athlete_id, "day": str(day)})
        .df()
    )


def has_sessions(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether anyone has logged or imported a session yet."""
    return con.cursor().execute("select exists (select 1 from sessions)").fetchall()[0][0] is True


def set_summary(
    con: duckdb.DuckDBPyConnection, set_id: int
) -> tuple[str, float | None, int | None]:
    """A logged set's exercise name, weight in kg and reps, to confirm what was stored."""
    rows = (
        con.cursor()
        .execute(
            "select e.name, x.weight_kg, x.reps from sets as x "
            "inner join exercises as e using (exercise_id) where x.set_id = ?",
            [set_id],
        )
        .fetchall()
    )
    if not rows:
        raise ValidationError([Problem(None, "set_id", set_id, "it must name an existing set")])
    name, kg, reps = rows[0]
    return str(name), kg, reps


def session_of_set(con: duckdb.DuckDBPyConnection, set_id: int) -> int:
    """The session a logged set belongs to."""
    row = con.cursor().execute("select session_id from sets where set_id = ?", [set_id]).fetchone()
    if row is None:
        raise ValidationError([Problem(None, "set_id", set_id, "it must name an existing set")])
    return int(row[0])


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


# --- helpers --------------------------------------------------------------------------------


@dataclass
class _Target:
    """Where new sets go: an existing session, or one (and maybe an athlete) to open first."""

    session_id: int | None
    athlete_id: int | None
    unit: str
    last_index: int
    day: dt.date
    new_athlete: str | None = None
    new_session: list[Any] = field(default_factory=list)  # insert parameters of a new session

    def open(self, w: Write) -> tuple[int, int]:
        """The session and athlete ids, opening the athlete and the session where new."""
        athlete_id = self.athlete_id
        if self.new_athlete is not None:
            (row,) = w.cur.execute(
                "insert into athletes (name, unit) values (?, ?) returning athlete_id",
                [self.new_athlete, self.unit],
            ).fetchall()
            athlete_id = int(row[0])
        if athlete_id is None:
            raise ValidationError([Problem(None, "athlete_id", None, RULES["athlete_id"])])
        if self.session_id is not None:
            return self.session_id, athlete_id
        params = [athlete_id, *self.new_session[1:]]
        (row,) = w.cur.execute(_INSERT_SESSION, params).fetchall()
        return int(row[0]), athlete_id


def _target(con: duckdb.DuckDBPyConnection, session: SessionChoice) -> _Target:
    if isinstance(session, DaySession):
        return _day_target(con, session)
    if isinstance(session, NewSession):
        values = _session_values(
            con,
            session.athlete_id,
            session.started_at,
            name=session.name,
            template_id=session.template_id,
        )
        unit = athlete_unit(con, session.athlete_id)
        return _Target(None, session.athlete_id, unit, 0, values[1].date(), new_session=values)
    found = (
        con.cursor().execute(read_sql("lookups/session_for_sets"), {"id": int(session)}).fetchall()
    )
    if not found:
        raise ValidationError([Problem(None, "session_id", session, RULES["session_id"])])
    ((athlete_id, unit, last_index, day),) = found
    return _Target(int(session), int(athlete_id), str(unit), int(last_index), day)


def _day_target(con: duckdb.DuckDBPyConnection, session: DaySession) -> _Target:
    problems = []
    try:
        start = timestamp(session.day)
    except ValueError:
        problems.append(
            Problem(None, "date", session.day, "it must be a real date written YYYY-MM-DD")
        )
    else:
        if start < pd.Timestamp("1900-01-01"):
            problems.append(Problem(None, "date", session.day, "the date must be 1900 or later"))
        elif start >= pd.Timestamp(dt.date.today() + dt.timedelta(days=2)):
            problems.append(Problem(None, "date", session.day, RULES["started_at"]))
    if problems:
        raise ValidationError(problems)
    athlete_id = find_athlete(con, session.athlete)
    if athlete_id is None:
        name = validate(
            AthleteEntry, pd.DataFrame({"name": [str(session.athlete).strip()], "unit": ["kg"]})
        )["name"].iloc[0]
        values = _session_params(1, start, "", None, "", None, "manual", None)
        return _Target(None, None, "kg", 0, start.date(), new_athlete=name, new_session=values)
    found = (
        con.cursor()
        .execute(
            "select session_id from sessions where athlete_id = ? and source = 'manual' "
            "and started_at::date = ?::date order by started_at desc, session_id desc limit 1",
            [athlete_id, start.to_pydatetime()],
        )
        .fetchall()
    )
    if found:
        return _target(con, int(found[0][0]))
    values = _session_values(con, athlete_id, start)
    unit = athlete_unit(con, athlete_id)
    return _Target(None, athlete_id, unit, 0, start.date(), new_session=values)


def _session_values(
    con: duckdb.DuckDBPyConnection,
    athlete_id: int,
    started_at: dt.datetime | dt.date | str | None,
    *,
    name: str = "",
    template_id: str | None = None,
    notes: str = "",
    bodyweight_kg: float | None = None,
    source: str = "manual",
    source_key: str | None = None,
) -> list[Any]:
    """A validated session's insert parameters.

    Raises:
        ValidationError: naming each rejected field; nothing is written.
    """
    entry = _session_entry(
        {
            "athlete_id": [athlete_id],
            "started_at": [timestamp(started_at)],
            "ended_at": [pd.NaT],
            "name": [name],
            "template_id": [template_id],
            "notes": [notes],
            "bodyweight_kg": [bodyweight_kg],
            "source": [source],
            "source_key": [source_key],
        }
    )
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
    return _session_params(
        int(row["athlete_id"]),
        row["started_at"],
        row["name"],
        sql_value(row["template_id"]),
        row["notes"],
        sql_value(row["bodyweight_kg"]),
        row["source"],
        sql_value(row["source_key"]),
    )


def _session_entry(cells: dict[str, list[Any]]) -> pd.DataFrame:
    """The session validated by `SessionEntry`, the cheap way when its values allow.

    Built with the dtypes `SessionEntry` coerces to, a session that meets every rule passes
    without pandera's coercion and bookkeeping (the first set of a day opens one, so this is on
    the Log page's path). Values that do not fit those dtypes take pandera's full validation,
    which names what is wrong.
    """
    columns = SessionEntry.to_schema().columns
    try:
        typed = pd.DataFrame(
            {name: pd.array(cells[name], dtype=columns[name].dtype.type) for name in columns}
        )
    except (TypeError, ValueError):
        return validate(SessionEntry, pd.DataFrame(cells))
    return validate(SessionEntry, typed, as_built=True)


def _session_params(
    athlete_id: int,
    started_at: pd.Timestamp,
    name: str,
    template_id: str | None,
    notes: str,
    bodyweight_kg: float | None,
    source: str,
    source_key: str | None,
) -> list[Any]:
    return [
        athlete_id,
        started_at.to_pydatetime(),
        name,
        template_id,
        notes,
        bodyweight_kg,
        source,
        source_key,
    ]


def _insert_sets(w: Write, validated: pd.DataFrame) -> list[int]:
    columns = ", ".join(STORED_COLUMNS)
    if len(validated) == 1:  # one set, as the Log page sends: plain parameters are quickest
        row = validated.iloc[0]
        ids = w.cur.execute(
            f"insert into sets ({columns}) values ({', '.join('?' * len(STORED_COLUMNS))}) "  # noqa: S608 - fixed column list
            "returning set_id",
            [sql_value(row[name]) for name in STORED_COLUMNS],
        ).fetchall()
    else:
        # DuckDB reads an Arrow table without the per-column work its scan of a DataFrame
        # does, so the validated rows are handed over as one.
        values = pyarrow.table(
            {name: pyarrow.array(column, from_pandas=True) for name, column in validated.items()}
        )
        w.cur.register("incoming_sets", values)
        ids = w.cur.execute(
            f"insert into sets ({columns}) select {columns} from incoming_sets "  # noqa: S608 - fixed column list
            "order by set_index returning set_id"
        ).fetchall()
        w.cur.unregister("incoming_sets")
    return sorted(int(r[0]) for r in ids)


def _exists(con: duckdb.DuckDBPyConnection, table: str, column: str, value: Any) -> bool:
    # Table and column names come from the call sites in this module, never from input.
    sql = f"select 1 from {table} where {column} = ? limit 1"  # noqa: S608 - literal identifiers
    return con.cursor().execute(sql, [value]).fetchone() is not None
