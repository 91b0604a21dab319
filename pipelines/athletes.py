"""Athletes: who trains, in which unit, and their bodyweight readings."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import pandas as pd

from pipelines.db import read_sql
from pipelines.errors import LiftboardError, Problem, ValidationError
from pipelines.schemas import RULES, UNITS, AthleteActivity, AthleteEntry, validate
from pipelines.units import to_kg
from pipelines.writes import write

DEFAULT_ATHLETE = "Me"


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
    with write(con, "athlete") as w:
        (row,) = w.cur.execute(
            "insert into athletes (name, unit) values (?, ?) returning athlete_id",
            [entry["name"].iloc[0], entry["unit"].iloc[0]],
        ).fetchall()
    return int(row[0])


def require_athlete(con: duckdb.DuckDBPyConnection, name: str) -> int:
    """The id of the athlete called `name`.

    Raises:
        LiftboardError: there is none; the sentence lists the athletes there are.
    """
    found = find_athlete(con, name)
    if found is not None:
        return found
    rows = con.cursor().execute("select name from athletes order by name").fetchall()
    listed = ", ".join(repr(str(r[0])) for r in rows) if rows else "none yet"
    raise LiftboardError(f"There is no athlete called {name!r} (known athletes: {listed}).")


def set_unit(con: duckdb.DuckDBPyConnection, athlete_id: int, unit: str) -> None:
    """Change the unit an athlete sees and types weights in."""
    if unit not in UNITS:
        raise ValidationError([Problem(None, "unit", unit, RULES["unit"])])
    with write(con, "athlete") as w:
        w.cur.execute("update athletes set unit = ? where athlete_id = ?", [unit, athlete_id])


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
    with write(con, "bodyweight") as w:
        w.cur.execute(
            "insert into bodyweights values (?, ?, ?, ?, ?) on conflict (athlete_id, measured_on) "
            "do update set bodyweight_kg = excluded.bodyweight_kg, "
            "entered_weight = excluded.entered_weight, entered_unit = excluded.entered_unit",
            [athlete_id, on, to_kg(value, unit), float(value), unit],
        )
        # Sessions without a bodyweight of their own take the latest reading up to their day.
        w.touch_athlete_from(athlete_id, on)


def athlete_activity(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per athlete with their unit, session count and latest session, most recent first.

    Returns:
        Columns `athlete_id`, `name`, `unit`, `sessions`, `last_session_at` (validated by
        `AthleteActivity`); athletes who never trained come last, in the order they were added.
    """
    return validate(AthleteActivity, con.cursor().execute(read_sql("marts/athlete_activity")).df())


def _run_script(cur: duckdb.DuckDBPyConnection, script: str, params: dict[str, Any]) -> None:
    """Run the statements of `pipelines/sql/<script>.sql` one by one, each with its parameters.

    DuckDB binds parameters to a single statement only.
    """
    for statement in read_sql(script).split(";\n"):
        code = "\n".join(
            line for line in statement.splitlines() if not line.lstrip().startswith("--")
        ).strip()
        if code:
            cur.execute(code, {k: v for k, v in params.items() if f"${k}" in code})


def _athlete_name(con: duckdb.DuckDBPyConnection, athlete_id: int) -> str:
    """The name of athlete `athlete_id`.

    Raises:
        ValidationError: there is no such athlete.
    """
    row = (
        con.cursor()
        .execute("select name from athletes where athlete_id = ?", [athlete_id])
        .fetchone()
    )
    if row is None:
        raise ValidationError([Problem(None, "athlete_id", athlete_id, RULES["athlete_id"])])
    return str(row[0])


def rename_athlete(con: duckdb.DuckDBPyConnection, athlete_id: int, new_name: str) -> int:
    """Give an athlete another name; their imports are recorded under it too.

    DuckDB cannot change a unique column of a row that other tables refer to, so the athlete's
    rows move onto a new athlete row with the new name (every other column kept) and the old
    row goes. Sets keep their ids; sessions get new ones.

    Returns:
        The athlete's id from now on.

    Raises:
        ValidationError: the name is empty or longer than 200 characters, or the athlete is
            unknown.
        LiftboardError: another athlete already has that name.
    """
    old = _athlete_name(con, athlete_id)
    entry = validate(AthleteEntry, pd.DataFrame({"name": [str(new_name).strip()], "unit": ["kg"]}))
    name = str(entry["name"].iloc[0])
    if name == old:
        return athlete_id
    taken = find_athlete(con, name)
    if taken is not None and taken != athlete_id:
        raise LiftboardError(f"There is already an athlete called {name!r}; choose another name.")
    params = {"athlete_id": athlete_id, "new_name": name, "old_name": old}
    with write(con, "athlete") as w:
        _run_script(w.cur, "writes/rename_athlete", params)
        (new_id,) = w.cur.execute("select new_id from athlete_moves").fetchall()[0]
        old_sessions = [
            int(r[0]) for r in w.cur.execute("select old_id from session_moves").fetchall()
        ]
        w.cur.execute("drop table athlete_moves")
        w.cur.execute("drop table session_moves")
    with write(con, "sessions") as w:  # by now no set refers to them
        w.cur.execute(
            "delete from sessions where session_id in (select unnest(?::bigint[]))", [old_sessions]
        )
    with write(con, "athlete") as w:
        w.cur.execute("delete from athletes where athlete_id = ?", [athlete_id])
    return int(new_id)


def delete_athlete(con: duckdb.DuckDBPyConnection, athlete_id: int, typed_name: str) -> None:
    """Remove an athlete and every row of theirs; other athletes' rows are left alone.

    Their sets (with the import and mapping links to them), sessions, imports (those recorded
    under their name), bodyweights, landmarks and kept weekly cells go. It takes three steps,
    because DuckDB refuses to delete a parent row in the transaction that deletes its
    children; should a later step fail, what remains is the athlete without training, and
    deleting again finishes the job.

    Args:
        con: The database.
        athlete_id: Whom to remove.
        typed_name: The name as the person typed it to confirm (case and outer spaces ignored).

    Raises:
        ValidationError: the athlete is unknown, or the typed name is not theirs.
    """
    name = _athlete_name(con, athlete_id)
    if str(typed_name).strip().casefold() != name.strip().casefold():
        raise ValidationError(
            [Problem(None, "name", typed_name, f"type the athlete's name, {name!r}, to confirm")]
        )
    with write(con, "athlete rows") as w:
        _run_script(w.cur, "writes/delete_athlete_rows", {"athlete_id": athlete_id, "name": name})
    with write(con, "sessions") as w:
        w.cur.execute("delete from sessions where athlete_id = ?", [athlete_id])
        w.cur.execute("delete from imports where lower(trim(athlete)) = lower(?)", [name])
    with write(con, "athlete") as w:
        w.cur.execute("delete from athletes where athlete_id = ?", [athlete_id])
