"""Weekly hard sets per muscle group: the figure lifters come for."""

from __future__ import annotations

import duckdb
import pandas as pd

from pipelines.db import read_sql
from pipelines.filters import DayLike, date_range, secondary_set_weight, week_start_isodow
from pipelines.schemas import WeeklyMuscleVolume, validate


def muscle_group_order(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The muscle groups in display order (back first, then legs, core, shoulders, chest, arms)."""
    rows = (
        con.cursor()
        .execute("select muscle_group from muscle_groups order by display_order, muscle_group")
        .fetchall()
    )
    return [str(r[0]) for r in rows]


def weekly_muscle_volume(
    con: duckdb.DuckDBPyConnection,
    *,
    athlete_id: int | None = None,
    start: DayLike = None,
    end: DayLike = None,
    secondary_weight: float = 0.5,
    week_start: str = "monday",
) -> pd.DataFrame:
    """Hard sets, direct sets, reps, tonnage and seconds per muscle group and week.

    A working, drop or failure set counts 1 for each primary muscle group of its exercise and
    `secondary_weight` for each secondary one; warm-ups count nothing. Reps, tonnage and seconds
    are those of the sets in which the group is a primary mover. Every week from `start` (else
    the athlete's first session) to `end` (else their last) has a row for every muscle group,
    zero when nothing was trained, so gaps show.

    Args:
        con: The database.
        athlete_id: One athlete, or None for everyone.
        start: First day counted (inclusive); None for no lower bound.
        end: Last day counted (inclusive); None for no upper bound.
        secondary_weight: What a secondary muscle receives per set: 0, 0.5 or 1.
        week_start: The weekday weeks start on (monday by default, as ISO weeks).

    Returns:
        One row per (athlete_id, week_start, muscle_group), validated by `WeeklyMuscleVolume`;
        `muscle_group` is categorical in display order, `tonnage_kg` includes
        `estimated_tonnage_kg`, the share that rests on an estimated bodyweight load.

    Raises:
        ValidationError: a bad date, range, weight or weekday.
    """
    span = date_range(start, end)
    params = {
        "athlete_id": athlete_id,
        "start": span.start,
        "end": span.end,
        "secondary_weight": secondary_set_weight(secondary_weight),
        "week_start_isodow": week_start_isodow(week_start),
    }
    # `sql(...).df()` converts straight from the result: much cheaper than `execute(...).df()`
    # for the million-row answer of every athlete's history.
    frame = con.cursor().sql(read_sql("marts/weekly_muscle_volume"), params=params).df()
    groups = muscle_group_order(con)
    codes = frame.pop("group_index").to_numpy()
    labels = pd.Categorical.from_codes(codes, pd.Index(groups), ordered=True)
    frame.insert(2, "muscle_group", pd.Series(labels, index=frame.index))
    return validate(WeeklyMuscleVolume, frame)
