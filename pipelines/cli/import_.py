"""`liftboard import`: import history from Strong, Hevy, FitNotes or a Liftboard sets CSV."""

from __future__ import annotations

import argparse

from pipelines.cli import add_db_option
from pipelines.db import connect
from pipelines.importers import FORMATS, import_file


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `import` subcommand."""
    parser = sub.add_parser(
        "import",
        help="import history from Strong, Hevy, FitNotes or a Liftboard sets CSV",
        description="Import an export file. The app and layout are recognised from the header "
        "row. Importing the same file again adds nothing; a later export adds only what is new. "
        "Rows that break a rule are listed and left out (or, with --strict, nothing is written).",
    )
    add_db_option(parser)
    parser.add_argument("file", metavar="FILE", help="the exported CSV file")
    parser.add_argument(
        "--format", dest="fmt", choices=FORMATS, default="auto",
        help="which app made the file (default: recognise it from the header)",
    )  # fmt: skip
    parser.add_argument(
        "--unit", choices=("kg", "lb"),
        help="the unit of the weights, needed only when the file does not say (Strong's "
        "classic layout)",
    )  # fmt: skip
    parser.add_argument(
        "--athlete", help="whose history it is (created if new; default: Me, or the athletes "
        "named in a Liftboard export)",
    )  # fmt: skip
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would be imported, write nothing"
    )
    parser.add_argument(
        "--strict", action="store_true", help="write nothing if any row is rejected"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Import the file and print the report."""
    con = connect(args.db)
    try:
        report = import_file(
            con, args.file, fmt=args.fmt, unit=args.unit, athlete=args.athlete,
            dry_run=args.dry_run, strict=args.strict,
        )  # fmt: skip
    finally:
        con.close()
    print(report.render())
    return 0
