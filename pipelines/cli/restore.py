"""`liftboard restore`: replace the database with a backup."""

from __future__ import annotations

import argparse

from pipelines import live
from pipelines.backup import restore
from pipelines.cli import add_db_option
from pipelines.errors import LiftboardError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `restore` subcommand."""
    parser = sub.add_parser(
        "restore",
        help="replace the database with a backup",
        description="Replace the database with a backup file. Refuses to overwrite a database "
        "that holds sessions unless --force is given.",
    )
    add_db_option(parser)
    parser.add_argument("file", help="a backup written by `liftboard backup`")
    parser.add_argument("--force", action="store_true", help="replace a database that has data")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Restore and say where."""
    if live.is_serving(args.db):
        raise LiftboardError(
            f"The dashboard is running on {live.absolute_db_path(args.db)}; restore replaces the "
            "whole file, so stop the dashboard first (Ctrl-C where it runs), then restore."
        )
    done = restore(args.file, args.db, force=args.force)
    if done.kept is not None:
        print(f"Kept a copy of the data it replaced at {done.kept}.")
    print(f"Restored {args.file} into {done.path}.")
    return 0
