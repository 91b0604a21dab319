"""Balance: back against legs, in hard sets per week (regions come from the catalog)."""

from __future__ import annotations

import duckdb
import pandas as pd

from pipelines.db import read_sql
from pipelines.filters import DayLike
from pipelines.schemas import WeeklyBalance, validate
from pipelines.weekly_volume import make_period_volume


def weekly_balance(
    con: duckdb.DuckDBPyConnection,
    *,
    athlete_id: int | None = None,
    start: DayLike = None,
    end: DayLike = None,
    secondary_weight: float = 0.5,
    week_start: str = "monday",
) -> pd.DataFrame:
    """Hard sets of the back groups and of the leg groups per week, and the back's share.

    A region's sets are the sum of its muscle groups' hard sets (`muscle_groups.region`), so a
    set that trains two leg groups counts for both. Takes the filters of `weekly_muscle_volume`.

    Returns:
        One row per (athlete_id, week_start), validated by `WeeklyBalance`: `back_sets`,
        `legs_sets`, and `back_share` = back / (back + legs), empty when both are zero.
    """
    cur = con.cursor()
    try:
        make_period_volume(
            con,
            cur,
            athlete_id=athlete_id,
            start=start,
            end=end,
            secondary_weight=secondary_weight,
            week_start=week_start,
            by_month=False,
        )
        frame = cur.execute(read_sql("marts/weekly_balance")).df()
    finally:
        cur.close()
    frame = frame.drop(columns=["back_total", "legs_total"])
    return validate(WeeklyBalance, frame.rename(columns={"period_start": "week_start"}))
