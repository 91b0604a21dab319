"""`liftboard athlete`: list, rename or delete athletes."""

from __future__ import annotations

import argparse

from pipelines.athletes import athlete_activity, delete_athlete, rename_athlete, require_athlete
from pipelines.cli import add_db_option
from pipelines.db import connect


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `athlete` subcommand with its `list`, `rename` and `delete` actions."""
    parser = sub.add_parser(
        "athlete",
        help="list, rename or delete athletes",
        description="List the athletes, give one another name, or delete one with all of "
        "their training (sessions, sets, bodyweights, landmarks, imports; nobody else's).",
    )
    actions = parser.add_subparsers(dest="action", required=True)
    listed = actions.add_parser("list", help="every athlete, with unit and sessions")
    rename = actions.add_parser("rename", help="give an athlete another name")
    rename.add_argument("name", help="the athlete's name now")
    rename.add_argument("new_name", help="the name from now on")
    delete = actions.add_parser("delete", help="delete an athlete and all of their training")
    delete.add_argument("name", help="whom to delete")
    delete.add_argument(
        "--confirm",
        required=True,
        metavar="NAME",
        help="the same name again, to confirm (it cannot be undone)",
    )
    for action in (listed, rename, delete):
        add_db_option(action)
        action.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Dispatch to list, rename or delete."""
    con = connect(args.db)
    try:
        if args.action == "list":
            for row in athlete_activity(con).itertuples():
                print(f"{row.name}\t{row.unit}\t{row.sessions} sessions")
        elif args.action == "rename":
            rename_athlete(con, require_athlete(con, args.name), args.new_name)
            print(f"Renamed {args.name} to {str(args.new_name).strip()}.")
        else:
            delete_athlete(con, require_athlete(con, args.name), args.confirm)
            print(f"Deleted {args.name} and all of their training.")
    finally:
        con.close()
    return 0
