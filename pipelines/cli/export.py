"""`liftboard export`: write sets, weekly volume or personal records as CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipelines.athletes import athlete_unit, require_athlete
from pipelines.cli import add_db_option
from pipelines.db import connect
from pipelines.errors import LiftboardError, ValidationError
from pipelines.exports import EXPORTS, export_frame, to_csv_bytes
from pipelines.filters import date_range
from pipelines.importers.strong_export import strong_csv_bytes, strong_export


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `export` subcommand."""
    parser = sub.add_parser(
        "export",
        help="write sets, weekly volume or personal records as CSV",
        description="Write a CSV file (UTF-8, comma, header row, ISO dates). Text cells that a "
        "spreadsheet could run as a formula are prefixed with an apostrophe.",
    )
    add_db_option(parser)
    parser.add_argument(
        "--what",
        required=True,
        choices=(*EXPORTS, "strong"),
        help="which export (strong: every set in Strong's classic CSV layout, for other apps)",
    )
    parser.add_argument("--out", required=True, metavar="FILE", help="the file to write, or -")
    parser.add_argument("--from", dest="start", metavar="DATE", help="first day (YYYY-MM-DD)")
    parser.add_argument("--to", dest="end", metavar="DATE", help="last day (YYYY-MM-DD)")
    parser.add_argument("--athlete", metavar="NAME", help="only this athlete (default: everyone)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Build the export and write it to the file or to standard output."""
    try:
        span = date_range(args.start, args.end, ("--from", "--to"))
    except ValidationError as exc:
        raise LiftboardError(" ".join(p.sentence() for p in exc.problems)) from None
    target = None if args.out == "-" else Path(args.out).expanduser()
    if target is not None and not target.parent.is_dir():
        raise LiftboardError(
            f"The folder {target.parent} does not exist. Create it first or choose another --out."
        )
    con = connect(args.db)
    try:
        athlete_id = None
        if args.athlete is not None:
            athlete_id = require_athlete(con, args.athlete)
        if args.what == "strong":
            # Strong's layout has no unit column: weights in the athlete's unit (kg for all).
            unit = athlete_unit(con, athlete_id) if athlete_id is not None else "kg"
            frame = strong_export(
                con, athlete_id=athlete_id, start=span.start, end=span.end, unit=unit
            )
        else:
            frame = export_frame(
                con, args.what, athlete_id=athlete_id, start=span.start, end=span.end
            )
    finally:
        con.close()
    data = strong_csv_bytes(frame) if args.what == "strong" else to_csv_bytes(frame)
    if target is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise LiftboardError(f"{target} could not be written ({exc.strerror}).") from None
    print(f"Wrote {len(frame)} rows of {args.what} to {target}.")
    return 0
