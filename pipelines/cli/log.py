"""`liftboard log`: log one set."""

from __future__ import annotations

import argparse

from pipelines.athletes import DEFAULT_ATHLETE
from pipelines.cli import add_db_option
from pipelines.db import connect
from pipelines.errors import Problem, ValidationError
from pipelines.logbook import DaySession, log_sets, set_summary


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `log` subcommand."""
    parser = sub.add_parser("log", help="log one set", description="Log one set.")
    add_db_option(parser)
    parser.add_argument("--date", required=True, help="the training day, YYYY-MM-DD")
    parser.add_argument("--exercise", required=True, help="exercise name, alias or id")
    parser.add_argument("--reps", help="repetitions (0 only for a timed or distance set)")
    weight = parser.add_mutually_exclusive_group()
    weight.add_argument("--weight-kg", help="load in kilograms")
    weight.add_argument("--weight-lb", help="load in pounds")
    parser.add_argument("--seconds", help="duration of a timed set")
    parser.add_argument("--distance-m", help="distance in metres")
    parser.add_argument("--set-type", default="working", help="warmup, working, drop or failure")
    parser.add_argument("--rpe", help="rate of perceived exertion, 1-10 in halves")
    parser.add_argument("--rir", help="reps in reserve, 0-10")
    parser.add_argument("--side", help="left or right, for one-sided sets")
    parser.add_argument("--notes", default="", help="free text")
    parser.add_argument("--athlete", default=DEFAULT_ATHLETE, help="whose set (created if new)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Validate and store the set; print what was stored."""
    if args.reps is None and args.seconds is None and args.distance_m is None:
        raise ValidationError(
            [Problem(None, "reps", None, "a set needs --reps, --seconds or --distance-m")]
        )
    weight, unit = (args.weight_lb, "lb") if args.weight_lb is not None else (args.weight_kg, "kg")
    con = connect(args.db)
    try:
        entry = {
            "exercise": args.exercise,
            "weight": weight,
            "unit": unit,
            "reps": args.reps,
            "seconds": args.seconds,
            "distance_m": args.distance_m,
            "set_type": args.set_type,
            "rpe": args.rpe,
            "rir": args.rir,
            "side": args.side,
            "notes": args.notes,
        }
        (set_id,) = log_sets(con, DaySession(args.date, args.athlete), [entry])
        name, kg, reps = set_summary(con, set_id)
    finally:
        con.close()
    load = f" at {kg:g} kg" if kg is not None else ""
    print(f"Logged set {set_id}: {name}, {reps if reps is not None else 0} reps{load}.")
    return 0
