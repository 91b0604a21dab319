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
