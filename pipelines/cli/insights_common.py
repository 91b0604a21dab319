"""What the `suggest` and `review` commands share: choosing the athlete and the day."""

from __future__ import annotations

import argparse
import datetime as dt

from pipelines.errors import LiftboardError, ValidationError
from pipelines.filters import as_day


def add_athlete_and_day(parser: argparse.ArgumentParser, day_flag: str, day_help: str) -> None:
    """The `--athlete` option and a day option."""
    parser.add_argument(
        "--athlete", metavar="NAME", help="whose log (default: the athlete who trained last)"
    )
    parser.add_argument(
        day_flag, dest="day", nargs="?", const="", default="", metavar="DATE", help=day_help
    )


def chosen_day(value: str, flag: str) -> dt.date:
    """The day given (YYYY-MM-DD), or today."""
    try:
        return as_day(value or None, flag) or dt.date.today()
    except ValidationError as exc:
        raise LiftboardError(" ".join(p.sentence() for p in exc.problems)) from None
