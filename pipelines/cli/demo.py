"""`liftboard demo`: write a realistic demo log."""

from __future__ import annotations

import argparse

from pipelines.cli import add_db_option
from pipelines.db import connect
from pipelines.demo import DEMO_ATHLETE, write_demo


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `demo` subcommand."""
    parser = sub.add_parser(
        "demo",
        help="write a realistic demo log",
        description="Write a deterministic demo log: the back-and-legs circuit about three times "
        "a week, some classic lifts, warm-ups and a missed week. Running it again adds nothing.",
    )
    add_db_option(parser)
    parser.add_argument("--weeks", type=int, default=12, help="how many weeks (default 12)")
    parser.add_argument(
        "--athlete", default=DEMO_ATHLETE, help=f"athlete (default {DEMO_ATHLETE!r})"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the demo and say how much was added."""
    con = connect(args.db)
    try:
        sessions, sets = write_demo(con, weeks=args.weeks, athlete=args.athlete)
    finally:
        con.close()
    print(f"Demo for {args.athlete}: added {sessions} sessions and {sets} sets.")
    return 0
