"""`liftboard bodyweight`: log a bodyweight reading, or list an athlete's readings."""

from __future__ import annotations

import argparse
import datetime as dt

import pandas as pd

from pipelines.athletes import DEFAULT_ATHLETE, ensure_athlete, find_athlete
from pipelines.bodyweight import bodyweight_readings, check_bodyweight, log_bodyweight
from pipelines.cli import add_db_option
from pipelines.db import connect
from pipelines.errors import Problem, ValidationError


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
            if args.date is not None:
                raise ValidationError(
                    [
                        Problem(
                            None, "date", args.date, "a date goes with a reading: add --kg or --lb"
                        )
                    ]
                )
            athlete_id = find_athlete(con, args.athlete)
            if athlete_id is None:
                raise ValidationError(
                    [Problem(None, "athlete", args.athlete, "no athlete has that name")]
                )
            return _list(bodyweight_readings(con, athlete_id), args.athlete)
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


def _list(readings: pd.DataFrame, athlete: str) -> int:
    """Print the logged readings: day, weight as typed, and kg when typed in pounds."""
    logged = readings[readings["source"] == "reading"]
    if logged.empty:
        print(f"No bodyweight readings for {athlete} yet.")
        return 0
    for row in logged.itertuples():
        typed = f"{row.entered_weight:g} {row.entered_unit}"
        kg = f"  ({row.bodyweight_kg:.1f} kg)" if row.entered_unit == "lb" else ""
        print(f"{row.measured_on:%Y-%m-%d}  {typed}{kg}")
    return 0
