"""Weekly volume cells kept ready, so years of training read back in a fraction of a second.

`volume_cells` holds, per athlete, Monday week and muscle group, what `marts/weekly_muscle_volume`
counts: direct (primary) and secondary sets apart, so any secondary weight applies when read,
plus reps, tonnage and seconds. It is derived data, never edited by hand:

- every write that can change a count marks the (athlete, week) pairs it touched in
  `volume_dirty`, inside the write's own transaction (the `touch_*` methods of the write
  unit, `pipelines/writes.py`), so a write and its mark land together or not at all;
- the next reader recounts just those weeks with the mart's own SQL (`refresh`), under a lock,
  in one transaction, and removes the marks it handled. A mark added meanwhile stays for the
  next reader.

Should the recount be impossible (a read-only file, a full disk), the reader counts live from
the sets instead, so a figure is never stale. Weeks starting on another day than Monday are
always counted live.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import duckdb

from pipelines.db import read_sql
from pipelines.errors import LiftboardError
from pipelines.writes import monday_week_no as monday_week_no  # weeks as the cells count them
from pipelines.writes import write

_REFRESH_LOCK = threading.Lock()


def week_monday(week_no: int) -> dt.date:
    """The Monday that starts week `week_no`."""
    return dt.date(1970, 1, 5) + dt.timedelta(weeks=week_no)


# --- reading ---------------------------------------------------------------------------------


def refresh(con: duckdb.DuckDBPyConnection) -> bool:
    """Recount the weeks marked out of date; True when the cells are current afterwards.

    False means the recount could not be stored (a read-only or full disk, a conflicting
    writer): nothing changed, and the caller counts live.
    """
    with _REFRESH_LOCK:
        try:
            with write(con, "weekly volume cells", journal=False) as w:
                ((top, everything),) = w.cur.execute(
                    "select max(dirty_id), coalesce(bool_or(athlete_id is null), false) "
                    "from volume_dirty"
                ).fetchall()
                if top is None:
                    return True
                if everything:
                    w.cur.execute("delete from volume_cells")
                else:
                    w.cur.execute(
                        "delete from volume_cells where exists (select 1 from volume_dirty as d "
                        "where d.dirty_id <= ? and d.athlete_id = volume_cells.athlete_id "
                        "and d.week_no = volume_cells.week_no)",
                        [top],
                    )
                w.cur.execute(_insert_sql(), _mart_params(None if everything else int(top)))
                w.cur.execute("delete from volume_dirty where dirty_id <= ?", [top])
        except (duckdb.Error, LiftboardError):
            return False
    return True


def _insert_sql() -> str:
    mart = read_sql("marts/weekly_muscle_volume")
    return (
        "insert into volume_cells select c.athlete_id, c.week_no, g.muscle_group, "  # noqa: S608 - our own SQL file
        "c.direct_sets, c.secondary_sets, c.reps, c.tonnage_kg, c.estimated_tonnage_kg, "
        f"c.duration_s from ({mart}) as c inner join ("
        "select muscle_group, (row_number() over (order by display_order, muscle_group) - 1) "
        "as group_index from muscle_groups) as g on g.group_index = c.group_index"
    )


def _mart_params(dirty_upto: int | None) -> dict[str, Any]:
    return {
        "athlete_id": None,
        "start": None,
        "end": None,
        "secondary_weight": 0.5,
        "week_start_isodow": 1,
        "dirty_upto": dirty_upto,
    }


def has_sessions(
    cur: duckdb.DuckDBPyConnection, athlete_id: int | None, first: dt.date, last: dt.date
) -> bool:
    """Whether the athlete (None: anyone) has a session on a day from `first` to `last`."""
    if last < first:
        return False
    rows = cur.execute(
        "select exists (select 1 from sessions where ($athlete_id::integer is null "
        "or athlete_id = $athlete_id::integer) and started_at >= $first::date "
        "and started_at < $last::date + 1)",
        {"athlete_id": athlete_id, "first": first, "last": last},
    ).fetchall()  # all, not one: an unread result would block the cursor's next query
    return bool(rows[0][0])


def cells(
    cur: duckdb.DuckDBPyConnection,
    *,
    athlete_id: int | None,
    first_week: int | None,
    last_week: int | None,
    secondary_weight: float,
) -> dict[str, Any]:
    """The kept cells of whole Monday weeks, as `marts/weekly_muscle_volume` returns them."""
    return cur.execute(
        read_sql("marts/volume_cells"),
        {
            "athlete_id": athlete_id,
            "first_week": first_week,
            "last_week": last_week,
            "secondary_weight": secondary_weight,
        },
    ).fetchnumpy()
