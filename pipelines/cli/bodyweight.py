"""`liftboard bodyweight`: log a bodyweight reading, or list an athlete's readings."""

from __future__ import annotations

import argparse
import datetime as dt

import duckdb

from pipelines.bodyweight import bodyweight_readings, check_bodyweight, log_bodyweight
from pipelines.cli import add_db_option
from pipelines.db import connect
from pipelines.errors import Problem, ValidationError
from pipelines.logbook import DEFAULT_ATHLETE, ensure_athlete, find_athlete


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `bodyweight` subcommand."""
    parser = sub.add_parser(
        "bodyweight",
        help="log a bodyweight reading, or list them",
        description="Log one bodyweight reading (one per day: a second one replaces the "
        "first), or, without --kg or --lb, list the athlete's readings.",
    )
    add_db_option(parser)
    weight = parser.add_mutually_exclusive_group()
    weight.add_argument("--kg", help="bodyweight in kilograms")
    weight.add_argument("--lb", help="bodyweight in pounds")
    parser.add_argument("--date", help="the day of the reading, YYYY-MM-DD (default: today)")
    parser.add_argument("--athlete", default=DEFAULT_ATHLETE, help="whose bodyweight")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Store one reading, or print the readings (day, weight as typed, kg)."""
    con = connect(args.db)
    try:
        if args.kg is None and args.lb is None:
            return _list(con, args)
        weight, unit = (args.lb, "lb") if args.lb is not None else (args.kg, "kg")
        day = args.date or dt.date.today().isoformat()
        check_bodyweight(day, weight, unit)  # before the athlete is created
        athlete_id = ensure_athlete(con, args.athlete)
        kg = log_bodyweight(con, athlete_id, day, weight, unit)
    finally:
        con.close()
    shown = f"{float(weight):g} {unit}" + (f" ({kg:.1f} kg)" if unit == "lb" else "")
    print(f"Logged {args.athlete}'s bodyweight on {day}: {shown}.")
    return 0


def _list(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> int:
    if args.date is not None:
        raise ValidationError(
            [Problem(None, "date", args.date, "a date goes with a reading: add --kg or --lb")]
        )
    athlete_id = find_athlete(con, args.athlete)
    if athlete_id is None:
        raise ValidationError([Problem(None, "athlete", args.athlete, "no athlete has that name")])
    readings = bodyweight_readings(con, athlete_id)
    readings = readings[readings["source"] == "reading"]
    if readings.empty:
        print(f"No bodyweight readings for {args.athlete} yet.")
        return 0
    for row in readings.itertuples():
        typed = f"{row.entered_weight:g} {row.entered_unit}"
        kg = f"  ({row.bodyweight_kg:.1f} kg)" if row.entered_unit == "lb" else ""
        print(f"{row.measured_on:%Y-%m-%d}  {typed}{kg}")
    return 0
