"""`liftboard suggest`: the fewest extra sets that bring this week's short muscle groups up."""

from __future__ import annotations

import argparse

from pipelines.athlete_choice import named_or_latest_athlete as chosen_athlete
from pipelines.cli import add_db_option
from pipelines.cli.insights_common import add_athlete_and_day, chosen_day
from pipelines.db import connect
from pipelines.suggest import week_gaps


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `suggest` subcommand."""
    parser = sub.add_parser(
        "suggest",
        help="the fewest extra sets that bring this week's short muscle groups to their minimum",
        description="For the week so far: which muscle groups are under their minimum, and the "
        "fewest extra sets (from exercises you did in the last 8 weeks and your template's "
        "add-ons) that bring each of them up without taking any group past its maximum.",
    )
    add_db_option(parser)
    add_athlete_and_day(parser, "--date", "the day the week so far ends on (default: today)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the plan, one sentence a line."""
    day = chosen_day(args.day, "--date")
    con = connect(args.db)
    try:
        athlete_id, name = chosen_athlete(con, args.athlete)
        advice = week_gaps(con, athlete_id, as_of=day)
    finally:
        con.close()
    print(f"{name}, week of {advice.week_start.isoformat()} up to {advice.as_of.isoformat()}:")
    if advice.gaps.empty:
        print("Every muscle group with a minimum has reached it this week.")
    for line in advice.lines:
        print(f"- {line}")
    print(f"How: {advice.method}")
    return 0
