"""`liftboard backup`: copy the whole database into one file."""

from __future__ import annotations

import argparse

from pipelines.backup import backup
from pipelines.cli import add_db_option
from pipelines.db import connect


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `backup` subcommand."""
    parser = sub.add_parser(
        "backup",
        help="copy the whole database into one file",
        description="Copy every table and row into one DuckDB file (restore it with "
        "`liftboard restore`).",
    )
    add_db_option(parser)
    parser.add_argument("--out", required=True, help="the backup file to write")
    parser.add_argument("--force", action="store_true", help="replace --out if it exists")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the backup and say where."""
    con = connect(args.db)
    try:
        path = backup(con, args.out, force=args.force)
    finally:
        con.close()
    print(f"Backup written to {path}.")
    return 0
