"""Weekly hard sets per muscle group: the figure lifters come for."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from pipelines import volume_cache
from pipelines.db import read_sql
from pipelines.filters import DayLike, Range, date_range, secondary_set_weight, week_start_isodow
from pipelines.schemas import WeeklyMuscleVolume, validate

# Week numbers count from the week start on or after this Monday (see the SQL).
WEEK_EPOCH = np.datetime64("1970-01-05", "D")
MEASURES = ("hard_sets", "direct_sets", "reps", "tonnage_kg", "estimated_tonnage_kg", "duration_s")
_WHOLE = frozenset({"direct_sets", "reps"})


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
    live: bool = False,
) -> pd.DataFrame:
    """Hard sets, direct sets, reps, tonnage and seconds per muscle group and week.

    A working, drop or failure set counts 1 for each primary muscle group of its exercise and
    `secondary_weight` for each secondary one; warm-ups count nothing. Reps, tonnage and seconds
    are those of the sets in which the group is a primary mover. Every week from `start` (else
    the athlete's first session) to `end` (else their last) has a row for every muscle group,
    zero when nothing was trained, so gaps show.

    DuckDB aggregates the trained cells (`marts/weekly_muscle_volume`) and the span of weeks of
    each athlete (`marts/weekly_spans`); this function only lays those cells on the grid of
    weeks x muscle groups, which comes out in order without a sort. Monday weeks are read from
    the kept cells (`pipelines/volume_cache.py`), recounting first any week a write touched;
    other week starts, and `live=True`, count from the sets.

    Args:
        con: The database.
        athlete_id: One athlete, or None for everyone.
        start: First day counted (inclusive); None for no lower bound.
        end: Last day counted (inclusive); None for no upper bound.
        secondary_weight: What a secondary muscle receives per set: 0, 0.5 or 1.
        week_start: The weekday weeks start on (monday by default, as ISO weeks).
        live: Count from the sets even for Monday weeks (the kept cells give the same numbers;
            this is for checking that).

    Returns:
        One row per (athlete_id, week_start, muscle_group), by athlete, week and display order
        of the groups, validated by `WeeklyMuscleVolume`; `muscle_group` is categorical in
        display order, `tonnage_kg` includes `estimated_tonnage_kg`, the share that rests on an
        estimated bodyweight load.

    Raises:
        ValidationError: a bad date, range, weight or weekday.
    """
    span = date_range(start, end)
    isodow = week_start_isodow(week_start)
    weight = secondary_set_weight(secondary_weight)
    params = {
        "athlete_id": athlete_id,
        "start": span.start,
        "end": span.end,
        "secondary_weight": weight,
        "week_start_isodow": isodow,
    }
    cur = con.cursor()
    if athlete_id is not None and span.start is not None and span.end is not None:
        # One athlete over a given range (a chart's usual question): the weeks are known.
        known = cur.execute("select 1 from athletes where athlete_id = ?", [athlete_id])
        found = known.fetchone() is not None
        spans: Mapping[str, Any] = {
            "athlete_id": np.array([athlete_id] * found, dtype=np.int64),
            "first_week_no": np.array([_week_no(span.start, isodow)] * found, dtype=np.int64),
            "last_week_no": np.array([_week_no(span.end, isodow)] * found, dtype=np.int64),
        }
    else:
        spans = cur.execute(
            read_sql("marts/weekly_spans"),
            {k: params[k] for k in ("athlete_id", "start", "end", "week_start_isodow")},
        ).fetchnumpy()
    if isodow == 1 and not live and volume_cache.refresh(con):
        cells = _kept_cells(cur, athlete_id, span, weight)
    else:
        cells = _live_cells(cur, params)
    groups = muscle_group_order(con)
    cur.close()
    return validate(WeeklyMuscleVolume, _grid(spans, cells, groups, isodow))


def make_period_volume(
    con: duckdb.DuckDBPyConnection,
    cur: duckdb.DuckDBPyConnection,
    *,
    athlete_id: int | None,
    start: DayLike,
    end: DayLike,
    secondary_weight: float,
    week_start: str,
    by_month: bool,
    live: bool = False,
) -> dict[str, Any]:
    """Count the volume of every period once, into the table `period_volume` of `cur`.

    `marts/period_volume` counts it (weeks, or calendar months when `by_month`), reading whole
    Monday weeks from the kept cells when they are current; the marts that combine it with
    landmarks and regions (`marts/period_volume_status`, `marts/weekly_balance`) then read the
    table on the same cursor, so the counting happens once for both. It is a temporary table:
    it lives as long as `cur`. `live=True` counts every period from the sets.

    Returns:
        The parameters the combining marts take.

    Raises:
        ValidationError: a bad date, range, weight or weekday.
    """
    span = date_range(start, end)
    isodow = week_start_isodow(week_start)
    params = {
        "athlete_id": athlete_id,
        "start": span.start,
        "end": span.end,
        "secondary_weight": secondary_set_weight(secondary_weight),
        "week_start_isodow": isodow,
        "by_month": by_month,
        "use_kept": isodow == 1 and not by_month and not live and volume_cache.refresh(con),
    }
    cur.execute(
        "create or replace temp table period_volume as " + read_sql("marts/period_volume"),
        params,
    )
    return {"athlete_id": athlete_id, "by_month": by_month}


def _live_cells(cur: duckdb.DuckDBPyConnection, params: dict[str, Any]) -> dict[str, Any]:
    """The trained cells counted from the sets themselves (`marts/weekly_muscle_volume`)."""
    sql = read_sql("marts/weekly_muscle_volume")
    params = {**params, "dirty_upto": None}
    if params["athlete_id"] is None:
        # `sql(...)` streams the answer straight into arrays: for every athlete's history (a
        # million cells) much cheaper than `execute(...)`, which is faster for small answers.
        return dict(cur.sql(sql, params=params).fetchnumpy())
    return dict(cur.execute(sql, params).fetchnumpy())


def cut_weeks(
    cur: duckdb.DuckDBPyConnection, athlete_id: int | None, span: Range
) -> list[tuple[int, dt.date, dt.date]]:
    """The Monday weeks the range cuts whose days left out hold a session, to count live.

    Returns:
        (week number, first day, last day) of the part of each such week inside the range; none
        when every week the range touches can be read whole from the kept cells.
    """
    first = volume_cache.monday_week_no(span.start) if span.start else None
    last = volume_cache.monday_week_no(span.end) if span.end else None
    cut: list[tuple[int, dt.date, dt.date]] = []
    if first is not None and span.start is not None:
        monday = volume_cache.week_monday(first)
        if volume_cache.has_sessions(cur, athlete_id, monday, span.start - dt.timedelta(days=1)):
            cut.append((first, span.start, monday + dt.timedelta(days=6)))
    if last is not None and span.end is not None:
        sunday = volume_cache.week_monday(last) + dt.timedelta(days=6)
        if volume_cache.has_sessions(cur, athlete_id, span.end + dt.timedelta(days=1), sunday):
            if cut and cut[0][0] == last:
                cut[0] = (last, cut[0][1], span.end)
            else:
                cut.append((last, volume_cache.week_monday(last), span.end))
    return cut


def _kept_cells(
    cur: duckdb.DuckDBPyConnection, athlete_id: int | None, span: Range, secondary_weight: float
) -> dict[str, Any]:
    """The trained cells of Monday weeks from the kept cells (`pipelines/volume_cache.py`).

    Kept cells hold whole weeks. A week cut by `start` or `end` is counted live over just the
    days in range, unless the days left out hold no session, when the whole week is the answer.
    """
    first = volume_cache.monday_week_no(span.start) if span.start else None
    last = volume_cache.monday_week_no(span.end) if span.end else None
    found = volume_cache.cells(
        cur,
        athlete_id=athlete_id,
        first_week=first,
        last_week=last,
        secondary_weight=secondary_weight,
    )
    cut = cut_weeks(cur, athlete_id, span)
    if not cut:
        return dict(found)
    keep = ~np.isin(np.asarray(found["week_no"]), [week for week, _, _ in cut])
    parts = [{name: np.asarray(values)[keep] for name, values in found.items()}]
    for _week, from_day, to_day in cut:
        live = {
            "athlete_id": athlete_id,
            "start": max(from_day, span.start) if span.start else from_day,
            "end": min(to_day, span.end) if span.end else to_day,
            "secondary_weight": secondary_weight,
            "week_start_isodow": 1,
        }
        parts.append(_live_cells(cur, live))
    return {name: np.concatenate([np.asarray(p[name]) for p in parts]) for name in found}


def _week_no(day: dt.date, isodow: int) -> int:
    """The week number of `day`, counted as in marts/weekly_spans."""
    first = dt.date(1970, 1, 5) + dt.timedelta(days=isodow - 1)
    return (day - first).days // 7


def _grid(
    spans: Mapping[str, Any], cells: Mapping[str, Any], groups: list[str], isodow: int
) -> pd.DataFrame:
    """Lay the trained cells on every (athlete, week, group) of the spans; zeros elsewhere.

    Rows run athlete by athlete, week by week, group by group, so a cell's row number is
    (its week's row among all weeks) x groups + its group: a scatter, no sort and no join.
    """
    n_groups = len(groups)
    athletes = np.asarray(spans["athlete_id"], dtype=np.int64)
    first = np.asarray(spans["first_week_no"], dtype=np.int64)
    weeks = np.asarray(spans["last_week_no"], dtype=np.int64) - first + 1
    week_offsets = np.concatenate(([0], np.cumsum(weeks)[:-1])).astype(np.int64)
    n_weeks = int(weeks.sum())
    # one entry per (athlete, week), then spread over the groups
    week_no = np.repeat(first - week_offsets, weeks) + np.arange(n_weeks, dtype=np.int64)
    first_day = WEEK_EPOCH + np.timedelta64(isodow - 1, "D")
    week_start = (first_day + week_no * np.timedelta64(7, "D")).astype("datetime64[ns]")
    # where each trained cell goes: athlete -> its slot among the spans, by a lookup table
    cell_athletes = np.asarray(cells["athlete_id"], dtype=np.int64)
    slot_of = np.zeros(
        int(max(athletes.max(initial=0), cell_athletes.max(initial=0))) + 1, np.int64
    )
    slot_of[athletes] = np.arange(len(athletes))
    owner = slot_of[cell_athletes]
    week_row = week_offsets[owner] + np.asarray(cells["week_no"], dtype=np.int64) - first[owner]
    position = week_row * n_groups + np.asarray(cells["group_index"], dtype=np.int64)
    total = n_weeks * n_groups
    columns: dict[str, Any] = {
        "athlete_id": np.repeat(athletes, weeks * n_groups),
        "week_start": np.repeat(week_start, n_groups),
        "muscle_group": pd.Categorical.from_codes(
            np.tile(np.arange(n_groups, dtype=np.int8), n_weeks), pd.Index(groups)
        ),
    }
    for name in MEASURES:
        values = np.zeros(total, dtype=np.int64 if name in _WHOLE else np.float64)
        values[position] = cells[name]
        columns[name] = values
    return pd.DataFrame(columns, copy=False)
