"""`liftboard review --week`: the week in review, as text or CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipelines.athlete_choice import named_or_latest_athlete as chosen_athlete
from pipelines.athletes import athlete_unit
from pipelines.cli import add_db_option
from pipelines.cli.insights_common import add_athlete_and_day, chosen_day
from pipelines.db import connect
from pipelines.errors import LiftboardError
from pipelines.review import WeeklyReview, review_csv, weekly_review


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `review` subcommand."""
    parser = sub.add_parser(
        "review",
        help="the week in review: totals, muscles in and out of range, rep ranges, records",
        description="Review one Monday-to-Sunday week: sessions, sets and minutes against last "
        "week and the 4-week average, hard sets and sessions per muscle group with their status "
        "and time in range over 12 weeks, the rep-range split and the records set.",
    )
    add_db_option(parser)
    add_athlete_and_day(parser, "--week", "a day of the week to review (default: this week)")
    parser.add_argument("--csv", metavar="FILE", help="write the review as CSV (- for stdout)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the review, or write it as CSV."""
    day = chosen_day(args.day, "--week")
    target = None if args.csv in (None, "-") else Path(args.csv).expanduser()
    if target is not None and not target.parent.is_dir():
        raise LiftboardError(f"The folder {target.parent} does not exist. Create it first.")
    con = connect(args.db)
    try:
        athlete_id, name = chosen_athlete(con, args.athlete)
        review = weekly_review(con, athlete_id, week=day)
        unit = athlete_unit(con, athlete_id)
    finally:
        con.close()
    if args.csv == "-":
        sys.stdout.buffer.write(review_csv(review, unit))
        return 0
    if target is not None:
        try:
            target.write_bytes(review_csv(review, unit))
        except OSError as exc:
            raise LiftboardError(f"{target} could not be written ({exc.strerror}).") from None
        print(f"Wrote the review of the week of {review.week_start.isoformat()} to {target}.")
        return 0
    print("\n".join(review_text(review, name)))
    return 0


def review_text(review: WeeklyReview, name: str) -> list[str]:
    """The review as lines of plain text."""
    lines = [f"{name}: the week of {review.week_start.isoformat()}", ""]
    lines.append(f"{'':<10}{'this week':>10}{'last week':>11}{'4-week avg':>12}")
    for t in review.totals.to_dict("records"):
        lines.append(
            f"{t['measure']:<10}{t['this_week']:>10g}{t['last_week']:>11g}{t['average_4w']:>12.1f}"
        )
    lines += [
        "",
        "muscle group    sets  sessions  status (weeks in a row)         12 weeks below/in/above",
    ]
    for m in review.muscles.to_dict("records"):
        shares = "/".join(f"{m[k]:.0%}" for k in ("below_share", "productive_share", "above_share"))
        status = f"{m['target_status']} ({m['weeks_in_status']})"
        lines.append(
            f"{m['muscle_group']:<14}{m['hard_sets']:>6g}{m['sessions']:>10}  {status:<32}{shares}"
        )
    split = ", ".join(
        f"{r['rep_range']}: {r['sets']} ({r['share']:.0%})"
        for r in review.rep_ranges.to_dict("records")
    )
    lines += ["", f"Rep ranges: {split}"]
    records = review.records
    if records.empty:
        lines.append("Records: none this week.")
    else:
        named = sorted(set(records["exercise"]))
        lines.append(f"Records: {len(records)} ({', '.join(named)}).")
    lines += ["", f"How: {review.method}"]
    return lines
