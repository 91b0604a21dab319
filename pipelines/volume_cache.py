"""Weekly volume cells kept ready, so years of training read back in a fraction of a second.

`volume_cells` holds, per athlete, Monday week and muscle group, what `marts/weekly_muscle_volume`
counts: direct (primary) and secondary sets apart, so any secondary weight applies when read,
plus reps, tonnage and seconds. It is derived data, never edited by hand:

- every write that can change a count marks the (athlete, week) pairs it touched in
  `volume_dirty`, inside the write's own transaction (the `mark_*` functions below), so a
  write and its mark land together or not at all;
- the next reader recounts just those weeks with the mart's own SQL (`refresh`), under a lock,
  in one transaction, and removes the marks it handled. A mark added meanwhile stays for the
  next reader.

Should the recount be impossible (a read-only file, a full disk), the reader counts live from
the sets instead, so a figure is never stale. Weeks starting on another day than Monday are
always counted live.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Iterable
from typing import Any

import duckdb

from pipelines.db import read_sql

# A session's Monday week number, as marts/weekly_muscle_volume counts weeks.
_SESSION_WEEK = "(started_at::date - (isodow(started_at) - 1)::integer - date '1970-01-05') // 7"
_REFRESH_LOCK = threading.Lock()


def monday_week_no(day: dt.date) -> int:
    """The Monday week number of `day` (weeks counted from Monday 1970-01-05)."""
    return (day - dt.date(1970, 1, 5)).days // 7


def week_monday(week_no: int) -> dt.date:
    """The Monday that starts week `week_no`."""
    return dt.date(1970, 1, 5) + dt.timedelta(weeks=week_no)


# --- marking: called inside a write's transaction ------------------------------------------


def mark_session(cur: duckdb.DuckDBPyConnection, session_id: int) -> None:
    """The week of one session changes (a set of it was added, edited or removed)."""
    cur.execute(
        f"insert into volume_dirty (athlete_id, week_no) "  # noqa: S608 - fixed expression
        f"select athlete_id, {_SESSION_WEEK} from sessions where session_id = ?",
        [int(session_id)],
    )


def mark_week(cur: duckdb.DuckDBPyConnection, athlete_id: int, day: dt.date) -> None:
    """The week of `day` changes for this athlete (as `mark_session`, the session known)."""
    cur.execute(
        "insert into volume_dirty (athlete_id, week_no) values (?, ?)",
        [int(athlete_id), monday_week_no(day)],
    )


def mark_sessions(cur: duckdb.DuckDBPyConnection, session_ids: Iterable[int]) -> None:
    """The weeks of many sessions change (an import, a bulk delete)."""
    ids = sorted({int(i) for i in session_ids})
    if not ids:
        return
    cur.execute(
        f"insert into volume_dirty (athlete_id, week_no) "  # noqa: S608 - fixed expression
        f"select distinct athlete_id, {_SESSION_WEEK} from sessions "
        "where session_id in (select unnest(?::bigint[]))",
        [ids],
    )


def mark_athlete_from(cur: duckdb.DuckDBPyConnection, athlete_id: int, day: dt.date | str) -> None:
    """Every week of an athlete from `day`'s week on changes (a bodyweight reading moved)."""
    cur.execute(
        f"insert into volume_dirty (athlete_id, week_no) "  # noqa: S608 - fixed expression
        f"select distinct athlete_id, {_SESSION_WEEK} from sessions "
        "where athlete_id = $athlete "
        "and started_at >= $day::date - (isodow($day::date) - 1)::integer",
        {"athlete": int(athlete_id), "day": day},
    )


def mark_exercise(cur: duckdb.DuckDBPyConnection, exercise_id: str) -> None:
    """Every week with a set of this exercise changes (its loading or muscles were edited)."""
    cur.execute(
        f"insert into volume_dirty (athlete_id, week_no) "  # noqa: S608 - fixed expression
        f"select distinct athlete_id, {_SESSION_WEEK} from sessions "
        "where session_id in (select session_id from sets where exercise_id = ?)",
        [exercise_id],
    )


def mark_everything(cur: duckdb.DuckDBPyConnection) -> None:
    """Every cell may change (the catalog or the muscle groups were reloaded)."""
    cur.execute("insert into volume_dirty (athlete_id, week_no) values (null, null)")


# --- reading ---------------------------------------------------------------------------------


def refresh(con: duckdb.DuckDBPyConnection) -> bool:
    """Recount the weeks marked out of date; True when the cells are current afterwards.

    False means the recount could not be stored (a read-only or full disk, a conflicting
    writer): nothing changed, and the caller counts live.
    """
    with _REFRESH_LOCK:
        cur = con.cursor()
        try:
            ((top, everything),) = cur.execute(
                "select max(dirty_id), coalesce(bool_or(athlete_id is null), false) "
                "from volume_dirty"
            ).fetchall()
            if top is None:
                return True
            cur.begin()
            if everything:
                cur.execute("delete from volume_cells")
            else:
                cur.execute(
                    "delete from volume_cells where exists (select 1 from volume_dirty as d "
                    "where d.dirty_id <= ? and d.athlete_id = volume_cells.athlete_id "
                    "and d.week_no = volume_cells.week_no)",
                    [top],
                )
            cur.execute(_insert_sql(), _mart_params(None if everything else int(top)))
            cur.execute("delete from volume_dirty where dirty_id <= ?", [top])
            cur.commit()
        except duckdb.Error:
            with contextlib.suppress(duckdb.Error):
                cur.rollback()
            return False
        finally:
            cur.close()
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
