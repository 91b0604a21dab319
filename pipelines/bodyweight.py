"""Bodyweight: log a reading, read them back, and the tonnage of bodyweight moves per week.

A reading is checked by the `BodyweightEntry` schema and then stored by
`pipelines.athletes.log_bodyweight` (one per athlete and day; a later one replaces it). Sessions
without a bodyweight of their own take the latest reading on or before their day, so a reading
changes the bodyweight tonnage of later sessions.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from pipelines import athletes
from pipelines.db import read_sql
from pipelines.errors import Problem, ValidationError
from pipelines.filters import DayLike, as_day, date_range
from pipelines.schemas import (
    RULES,
    UNITS,
    BodyweightEntry,
    BodyweightReading,
    WeeklyBodyweightTonnage,
    validate,
)
from pipelines.units import to_kg


def check_bodyweight(day: DayLike, weight: object, unit: str = "kg") -> tuple[dt.date, float]:
    """Check a reading before anything is written; return its day and its weight in kg.

    Raises:
        ValidationError: naming the rejected value (a date after tomorrow, a weight that is
            not a number above 0 and at most 500 kg, an unknown unit).
    """
    when = as_day(day, "date")
    if when is None:
        raise ValidationError([Problem(1, "date", day, "a reading needs a date (YYYY-MM-DD)")])
    if unit not in UNITS:
        raise ValidationError([Problem(1, "unit", unit, RULES["unit"])])
    value = pd.to_numeric(pd.Series([weight], dtype=object), errors="coerce").astype(float)
    entry = pd.DataFrame(
        {
            "athlete_id": [1],
            "measured_on": [pd.Timestamp(when)],
            "entered_weight": value,
            "entered_unit": [unit],
            "bodyweight_kg": value.map(lambda w: to_kg(w, unit)),
        }
    )
    try:
        checked = validate(BodyweightEntry, entry)
    except ValidationError as exc:
        said = {q.sentence(): q for q in (_said(p, weight, day) for p in exc.problems)}
        raise ValidationError(list(said.values())) from None  # each problem once
    return when, float(checked["bodyweight_kg"].iloc[0])


def log_bodyweight(
    con: duckdb.DuckDBPyConnection, athlete_id: int, day: DayLike, weight: object, unit: str = "kg"
) -> float:
    """Validate and store the athlete's bodyweight on `day`; return it in kg.

    Raises:
        ValidationError: as `check_bodyweight`, or an unknown athlete; nothing is written.
    """
    when, kg = check_bodyweight(day, weight, unit)
    known = con.cursor().execute("select 1 from athletes where athlete_id = ?", [athlete_id])
    if known.fetchone() is None:
        raise ValidationError([Problem(1, "athlete", athlete_id, RULES["athlete_id"])])
    athletes.log_bodyweight(con, athlete_id, when, float(pd.to_numeric(str(weight))), unit)
    return kg


def bodyweight_readings(
    con: duckdb.DuckDBPyConnection, athlete_id: int, start: DayLike = None, end: DayLike = None
) -> pd.DataFrame:
    """The athlete's bodyweight per day: logged readings, and sessions' own values elsewhere.

    Returns:
        One row per day, oldest first, validated by `BodyweightReading` (`source` is
        `reading` or `session`).
    """
    span = date_range(start, end)
    frame = con.cursor().execute(
        read_sql("marts/bodyweight_readings"),
        {"athlete_id": athlete_id, "start": span.start, "end": span.end},
    )
    return validate(BodyweightReading, frame.df())


def weekly_bodyweight_tonnage(
    con: duckdb.DuckDBPyConnection, athlete_id: int, start: DayLike = None, end: DayLike = None
) -> pd.DataFrame:
    """Per Monday week, the tonnage of bodyweight moves and the part that rests on an estimate.

    A session's bodyweight is its own, else the latest reading before it (`carried_tonnage_kg`
    is the tonnage resting on such a carried-forward reading), else unknown (`unknown_sets`:
    only their added weight counts).

    Returns:
        One row per week with bodyweight moves, validated by `WeeklyBodyweightTonnage`.
    """
    span = date_range(start, end)
    frame = con.cursor().execute(
        read_sql("marts/weekly_bodyweight_tonnage"),
        {"athlete_id": athlete_id, "start": span.start, "end": span.end},
    )
    return validate(WeeklyBodyweightTonnage, frame.df())


def _said(problem: Problem, weight: object, day: DayLike) -> Problem:
    """A schema problem, said about what the person typed."""
    if problem.column in {"bodyweight_kg", "entered_weight"}:
        return Problem(1, "bodyweight", weight, RULES["bodyweight_kg"])
    if problem.column == "measured_on":
        return Problem(1, "date", day, "the date must be a real date no later than tomorrow")
    return problem
