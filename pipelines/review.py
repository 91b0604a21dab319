"""The week in review: training load, muscles, rep ranges and records of one Monday week.

- Totals: sessions (with at least one set), non-warm-up sets and minutes (finished sessions)
  of the week, of the week before, and the average of the four weeks before it.
- Muscles: each group's hard sets (the volume rule), the sessions that trained it (a working,
  drop or failure set crediting it as a main or helping muscle), its status against its
  landmarks, for how many weeks in a row it has had that status, and over the last 12 weeks the
  share of weeks below the minimum, productive and above the maximum.
- Rep ranges: the week's working, drop and failure sets by reps: 1-5, 6-12, 13-20, 21+.
- Records: the personal records set that week (`pipelines/strength.py`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

from pipelines.db import read_sql
from pipelines.exports import to_csv_bytes
from pipelines.filters import DayLike, as_day, week_of
from pipelines.schemas import (
    TARGET_STATUSES,
    PersonalRecord,
    ReviewMuscle,
    ReviewRepRange,
    ReviewTotal,
    validate,
)
from pipelines.strength import personal_records
from pipelines.weekly_volume import make_period_volume, muscle_group_order

HISTORY_WEEKS = 12
AVERAGE_WEEKS = 4
NO_HISTORY = (
    "Nothing logged yet. Log a session, with its sets, and this week's review shows here: "
    "sessions, sets and minutes against earlier weeks, each muscle group against its targets, "
    "rep ranges and records."
)
METHOD = (
    "Sessions, sets (warm-ups left out) and minutes of this Monday-to-Sunday week against last "
    "week and the average of the 4 weeks before; per muscle group the hard sets (1 per set for "
    "a main muscle, 0.5 for a helping one), the sessions that trained it, its status and for "
    "how many weeks in a row, and over the last 12 weeks how often it was below its minimum, "
    "productive or above its maximum."
)


@dataclass(frozen=True)
class WeeklyReview:
    """One athlete's review of one week."""

    week_start: dt.date
    totals: pd.DataFrame  # ReviewTotal
    muscles: pd.DataFrame  # ReviewMuscle
    rep_ranges: pd.DataFrame  # ReviewRepRange
    records: pd.DataFrame  # PersonalRecord
    method: str = METHOD


def weekly_review(
    con: duckdb.DuckDBPyConnection,
    athlete_id: int,
    *,
    week: DayLike = None,
    secondary_weight: float = 0.5,
) -> WeeklyReview:
    """Review the Monday week that holds `week` (this week by default).

    Returns:
        A `WeeklyReview` of four validated frames: `totals` (`ReviewTotal`), `muscles`
        (`ReviewMuscle`, trained or targeted groups in display order), `rep_ranges`
        (`ReviewRepRange`) and `records` (`PersonalRecord`).
    """
    day = as_day(week, "week") or dt.date.today()
    monday = week_of(day)
    sunday = monday + dt.timedelta(days=6)
    cur = con.cursor()
    weeks = cur.execute(
        read_sql("marts/review_totals"),
        {
            "athlete_id": athlete_id,
            "first_monday": monday - dt.timedelta(weeks=AVERAGE_WEEKS),
            "last_monday": monday,
        },
    ).df()
    totals = _totals(weeks)
    # The 12 weeks up to this one, but none before the athlete's first session.
    first = cur.execute(
        "select min(started_at)::date from sessions where athlete_id = ?", [athlete_id]
    ).fetchall()[0][0]
    start = monday - dt.timedelta(weeks=HISTORY_WEEKS - 1)
    if first is not None:
        start = min(monday, max(start, week_of(first)))
    # the statuses of the weeks, counted and judged in SQL on this cursor (no frame between)
    params = make_period_volume(
        con,
        cur,
        athlete_id=athlete_id,
        start=start,
        end=sunday,
        secondary_weight=secondary_weight,
        week_start="monday",
        by_month=False,
    )
    cur.execute(
        "create or replace temp table status_codes as " + read_sql("marts/period_volume_status"),
        params,
    )
    history = cur.execute(
        read_sql("marts/review_muscle_history"), {"statuses": list(TARGET_STATUSES)}
    ).df()
    cur.execute("drop table status_codes")
    frequency = cur.execute(
        read_sql("marts/review_muscle_sessions"),
        {"athlete_id": athlete_id, "monday": monday, "secondary_weight": secondary_weight},
    ).df()
    ranges = cur.execute(
        read_sql("marts/review_rep_ranges"), {"athlete_id": athlete_id, "monday": monday}
    ).df()
    cur.close()
    muscles = _muscles(history, frequency, muscle_group_order(con))
    records = personal_records(con, athlete_id=athlete_id, start=monday, end=sunday)
    return WeeklyReview(
        monday,
        validate(ReviewTotal, totals),
        validate(ReviewMuscle, muscles),
        validate(ReviewRepRange, ranges),
        validate(PersonalRecord, records),
    )


def _totals(weeks: pd.DataFrame) -> pd.DataFrame:
    """This week (the last row), last week, and the mean of the weeks before this one."""
    rows = []
    for measure in ("sessions", "sets", "minutes"):
        values = weeks[measure].to_numpy(dtype=float)
        rows.append(
            {
                "measure": measure,
                "this_week": values[-1],
                "last_week": values[-2] if len(values) > 1 else 0.0,
                "average_4w": float(np.mean(values[:-1])) if len(values) > 1 else 0.0,
            }
        )
    return pd.DataFrame(rows, columns=list(ReviewTotal.to_schema().columns))


def _muscles(history: pd.DataFrame, frequency: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """Groups trained this week or with a target, in display order, with their frequency."""
    sessions = dict(zip(frequency["muscle_group"], frequency["sessions"], strict=True))
    frame = history.assign(
        sessions=history["muscle_group"].map(sessions).fillna(0).astype(int),
        rank=history["muscle_group"].map({g: i for i, g in enumerate(order)}),
    )
    keep = (frame["hard_sets"] > 0) | (frame["target_status"] != "no target")
    frame = frame[keep].sort_values("rank").drop(columns="rank").reset_index(drop=True)
    return frame[list(ReviewMuscle.to_schema().columns)]


def review_table(review: WeeklyReview, unit: str = "kg") -> pd.DataFrame:
    """The whole review as one long table (section, item, measure, value) for a CSV file."""
    rows: list[dict[str, object]] = []
    for t in review.totals.to_dict("records"):
        for measure in ("this_week", "last_week", "average_4w"):
            rows.append(
                {
                    "section": "totals",
                    "item": t["measure"],
                    "measure": measure,
                    "value": round(float(t[measure]), 2),
                }
            )
    for m in review.muscles.to_dict("records"):
        for measure in (
            "hard_sets",
            "sessions",
            "target_status",
            "weeks_in_status",
            "below_share",
            "productive_share",
            "above_share",
        ):
            value = m[measure]
            rows.append(
                {
                    "section": "muscles",
                    "item": m["muscle_group"],
                    "measure": measure,
                    "value": round(value, 3) if isinstance(value, float) else value,
                }
            )
    for r in review.rep_ranges.to_dict("records"):
        rows.append(
            {
                "section": "rep ranges",
                "item": r["rep_range"],
                "measure": "sets",
                "value": int(r["sets"]),
            }
        )
    factor = 1 / 0.45359237 if unit == "lb" else 1.0
    for p in review.records.to_dict("records"):
        value = float(p["value"]) * (factor if p["unit"] == "kg" else 1.0)
        shown = unit if p["unit"] == "kg" else "reps"
        rows.append(
            {
                "section": "records",
                "item": p["exercise"],
                "measure": str(p["record"]).replace("_", " "),
                "value": f"{value:.1f} {shown}",
            }
        )
    table = pd.DataFrame(rows, columns=["section", "item", "measure", "value"])
    table.insert(0, "week_start", pd.Timestamp(review.week_start))
    return table.astype({"value": str})


def review_csv(review: WeeklyReview, unit: str = "kg") -> bytes:
    """The review as CSV bytes (the export conventions: UTF-8, CRLF, ISO dates)."""
    return to_csv_bytes(review_table(review, unit))
