"""`liftboard landmarks`: show, set or reset an athlete's weekly set landmarks."""

from __future__ import annotations

import argparse
from typing import Any

import pandas as pd

from pipelines.athletes import DEFAULT_ATHLETE, find_athlete
from pipelines.cli import add_db_option
from pipelines.db import connect
from pipelines.errors import Problem, ValidationError
from pipelines.schemas import MUSCLE_GROUPS
from pipelines.volume_targets import (
    LANDMARK_COLUMNS,
    reset_volume_landmarks,
    set_volume_landmarks,
    volume_landmarks,
)

OPTIONS = {
    "mv": "mv_sets",
    "mev": "mev_sets",
    "mav_low": "mav_low_sets",
    "mav_high": "mav_high_sets",
    "mrv": "mrv_sets",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `landmarks` subcommand with its `show`, `set` and `reset` actions."""
    parser = sub.add_parser(
        "landmarks",
        help="show, set or reset weekly set landmarks",
        description="Weekly hard-set landmarks per muscle group: MV (maintenance), MEV "
        "(minimum effective), the MAV range (most productive) and MRV (maximum recoverable). "
        "An athlete's own values replace the defaults for that muscle group.",
    )
    actions = parser.add_subparsers(dest="action", required=True)
    show = actions.add_parser("show", help="the landmarks that apply, and whose they are")
    put = actions.add_parser(
        "set", help="set some landmarks of one muscle group (the others keep their values)"
    )
    put.add_argument("muscle", help="muscle group, e.g. lats or 'lower back'")
    for option in OPTIONS:
        put.add_argument(
            f"--{option.replace('_', '-')}",
            dest=option,
            metavar="N",
            help=f"{option.upper().replace('_', ' ')} in hard sets per week",
        )
    reset = actions.add_parser("reset", help="back to the defaults (all, or some muscle groups)")
    reset.add_argument("muscles", nargs="*", help="muscle groups (default: every group)")
    for action in (show, put, reset):
        add_db_option(action)
        action.add_argument("--athlete", default=DEFAULT_ATHLETE, help="whose landmarks")
        action.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Dispatch to show, set or reset."""
    con = connect(args.db)
    try:
        athlete_id = find_athlete(con, args.athlete)
        if athlete_id is None:
            raise ValidationError(
                [Problem(None, "athlete", args.athlete, "no athlete has that name")]
            )
        if args.action == "set":
            entry = _entry(volume_landmarks(con, athlete_id=athlete_id), args)
            set_volume_landmarks(con, athlete_id, [entry])
            print(f"Saved {entry['muscle_group']} landmarks.")
        elif args.action == "reset":
            groups = [_group(m) for m in args.muscles] or None
            count = reset_volume_landmarks(con, athlete_id, groups)
            print(f"Reset {count} muscle group(s) of {args.athlete} to the defaults.")
        _show(volume_landmarks(con, athlete_id=athlete_id))
    finally:
        con.close()
    return 0


def _group(name: str) -> str:
    group = str(name).strip().lower().replace("_", " ").replace("-", " ")
    if group not in MUSCLE_GROUPS:
        raise ValidationError(
            [Problem(None, "muscle", name, "it must be one of " + ", ".join(MUSCLE_GROUPS))]
        )
    return group


def _entry(current: pd.DataFrame, args: argparse.Namespace) -> dict[str, Any]:
    """The group's five landmarks: those given, the others as they apply now."""
    group = _group(args.muscle)
    given = {OPTIONS[o]: getattr(args, o) for o in OPTIONS if getattr(args, o) is not None}
    if not given:
        raise ValidationError(
            [
                Problem(
                    None,
                    "landmarks",
                    None,
                    "give at least one of --mv, --mev, --mav-low, --mav-high or --mrv",
                )
            ]
        )
    row = current[current["muscle_group"] == group].iloc[0]
    entry: dict[str, Any] = {"muscle_group": group}
    for column in LANDMARK_COLUMNS:
        value = given.get(column, row[column])
        entry[column] = value
        if column not in given and (value is None or pd.isna(value)):
            raise ValidationError(
                [
                    Problem(
                        None,
                        column.removesuffix("_sets"),
                        None,
                        f"{group} has no default landmarks, so give all five",
                    )
                ]
            )
    return entry


def _show(table: pd.DataFrame) -> None:
    print(f"{'muscle group':<14}{'MV':>6}{'MEV':>6}{'MAV':>10}{'MRV':>6}  source")
    for row in table.itertuples():
        mav = f"{_n(row.mav_low_sets)}-{_n(row.mav_high_sets)}" if row.source != "none" else "-"
        print(
            f"{row.muscle_group:<14}{_n(row.mv_sets):>6}{_n(row.mev_sets):>6}{mav:>10}"
            f"{_n(row.mrv_sets):>6}  {row.source}"
        )


def _n(value: object) -> str:
    try:
        number = float(value)  # type: ignore[arg-type]  # pandas and numpy scalars
    except (TypeError, ValueError):
        return "-"
    return "-" if number != number else f"{number:g}"  # NaN: no landmark
