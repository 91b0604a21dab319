"""Which athlete a command means: the one named, else the one who trained last."""

from __future__ import annotations

import duckdb

from pipelines.athletes import athlete_activity, require_athlete
from pipelines.errors import LiftboardError


def named_or_latest_athlete(con: duckdb.DuckDBPyConnection, name: str | None) -> tuple[int, str]:
    """The athlete called `name`, else the one with the latest session, as (id, name).

    Raises:
        LiftboardError: no athlete has that name, or there are no athletes at all.
    """
    activity = athlete_activity(con)
    if name is not None:
        athlete_id = require_athlete(con, name)
        row = activity[activity["athlete_id"] == athlete_id]
        return athlete_id, str(row["name"].iloc[0]) if not row.empty else name
    if activity.empty:
        raise LiftboardError("There are no athletes yet: log a set first (liftboard log).")
    latest = activity.sort_values("last_session_at", na_position="first").iloc[-1]
    return int(latest["athlete_id"]), str(latest["name"])
