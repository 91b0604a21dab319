"""`liftboard import`: import history from Strong, Hevy, FitNotes or a Liftboard sets CSV."""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from pipelines.cli import add_db_option
from pipelines.db import connect, resolve_db_path
from pipelines.errors import LiftboardError
from pipelines.importers import (
    DISTANCE_CHOICES,
    FORMATS,
    import_file,
    past_imports,
    undo_import,
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `import` subcommand."""
    parser = sub.add_parser(
        "import",
        help="import history from Strong, Hevy, FitNotes or a Liftboard sets CSV",
        description="Import an export file. The app and layout are recognised from the header "
        "row. Importing the same file again adds nothing; a later export adds only what is new. "
        "Rows that are not sets are listed and left out (or, with --strict, nothing is "
        "written); unlikely values are kept and flagged. Every import is recorded: --list "
        "shows them and --undo ID takes one back out.",
    )
    add_db_option(parser)
    parser.add_argument("file", metavar="FILE", nargs="?", help="the exported CSV file")
    parser.add_argument(
        "--format",
        dest="fmt",
        choices=FORMATS,
        default="auto",
        help="which app made the file (default: recognise it from the header)",
    )
    parser.add_argument(
        "--unit",
        choices=("kg", "lb"),
        help="the unit of the weights, needed only when the file does not say (Strong's "
        "classic layout)",
    )
    parser.add_argument(
        "--distance-unit",
        choices=DISTANCE_CHOICES,
        help="the unit of the distances when the file does not say (default: decided per "
        "exercise from the values, e.g. a rowing 1000 in 4 minutes is metres)",
    )
    parser.add_argument(
        "--athlete",
        help="whose history it is (created if new; default: Me, or the athletes "
        "named in a Liftboard export)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would be imported, write nothing"
    )
    parser.add_argument(
        "--strict", action="store_true", help="write nothing if any row is rejected"
    )
    parser.add_argument(
        "--problems-csv",
        metavar="PATH",
        type=Path,
        help="also write every rejected row and flagged value to this CSV file",
    )
    parser.add_argument("--list", action="store_true", help="list the past imports")
    parser.add_argument(
        "--undo", metavar="ID", type=int, help="remove the sessions and sets import ID added"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Import the file and print the report (or list or undo imports)."""
    if args.list or args.undo is not None:
        if args.file is not None:
            raise LiftboardError("Give either a file to import, or --list / --undo, not both.")
        return _history(args)
    if args.file is None:
        raise LiftboardError(
            "Name the export file to import (liftboard import FILE), or use --list or --undo ID."
        )
    con = connect(args.db)
    try:
        report = import_file(
            con,
            args.file,
            fmt=args.fmt,
            unit=args.unit,
            distance_unit=args.distance_unit,
            athlete=args.athlete,
            dry_run=args.dry_run,
            strict=args.strict,
        )
    finally:
        con.close()
    print(report.render())
    if args.problems_csv is not None:
        try:
            args.problems_csv.write_text(report.problems_csv(), encoding="utf-8")
        except OSError as exc:
            raise LiftboardError(
                f"The list of problems could not be written to {args.problems_csv} "
                f"({exc.strerror}); the import itself is done."
            ) from None
        print(f"Rejected rows and flagged values written to {args.problems_csv}.")
    return 0


def _history(args: argparse.Namespace) -> int:
    con = connect(args.db)
    try:
        if args.undo is not None:
            print(undo_import(con, args.undo, resolve_db_path(args.db)).sentence())
            return 0
        imports = past_imports(con)
    finally:
        con.close()
    if imports.empty:
        print("No imports yet.")
        return 0
    for row in imports.to_dict("records"):
        undone = row["undone_at"]
        state = "" if pd.isna(undone) else f" (undone {undone:%Y-%m-%d %H:%M})"
        print(
            f"{row['import_id']}: {row['imported_at']:%Y-%m-%d %H:%M} {row['file_name']}, "
            f"{row['layout_description']}, for {row['athlete']}: {row['sets_added']:,} set(s) "
            f"in {row['sessions_added']:,} new session(s){state}"
        )
    return 0
