"""The athlete's past workouts: a page of sessions, newest first, and taking back a deleted set.

Deleting a set keeps what it was (`delete_set_kept`), so that the lifter can undo it: the set
comes back as it was stored (its id, place in the session, numbers and time logged), not as
a new set at the end of the session.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from pipelines.db import read_sql
from pipelines.errors import Problem, ValidationError
from pipelines.logbook import delete_set
from pipelines.schemas import RULES, PastSession, SetEntry, validate
from pipelines.set_entry import STORED_COLUMNS
from pipelines.writes import write

PAGE_SIZE = 10
# The stored columns a restored set gets back besides those a set entry fills.
_KEPT_COLUMNS = ("set_id", *STORED_COLUMNS, "logged_at", "source_key")


def past_sessions(
    con: duckdb.DuckDBPyConnection, athlete_id: int, page: int = 0, page_size: int = PAGE_SIZE
) -> pd.DataFrame:
    """One page of the athlete's sessions, newest first (page 0 holds the newest).

    Returns:
        Columns of `PastSession`; `total_sessions` repeats how many sessions the athlete has
        in all (a page past the end is empty).
    """
    params = {
        "athlete_id": athlete_id,
        "limit": max(int(page_size), 1),
        "offset": max(int(page), 0) * max(int(page_size), 1),
    }
    frame = con.cursor().execute(read_sql("marts/athlete_sessions"), params).df()
    return validate(PastSession, frame)


def delete_set_kept(con: duckdb.DuckDBPyConnection, set_id: int) -> dict[str, Any]:
    """Delete a logged set and return it as it was stored, for `restore_set`.

    Raises:
        ValidationError: there is no such set.
    """
    frame = (
        con.cursor()
        .execute(
            f"select {', '.join(_KEPT_COLUMNS)} from sets where set_id = ?",  # noqa: S608 - fixed column list
            [set_id],
        )
        .df()
    )
    if frame.empty:
        raise ValidationError([Problem(None, "set_id", set_id, "it must name an existing set")])
    kept = {str(k): (None if pd.isna(v) else v) for k, v in frame.iloc[0].to_dict().items()}
    delete_set(con, set_id)
    return kept


def restore_set(con: duckdb.DuckDBPyConnection, kept: dict[str, Any]) -> int:
    """Put back a set deleted by `delete_set_kept`, exactly as it was; return its id.

    Checked like a new set first (`SetEntry`); its session must still exist and its id must
    still be free.

    Raises:
        ValidationError: naming the column and value that cannot be put back; nothing is
            written.
    """
    row = pd.DataFrame([{c: kept.get(c) for c in STORED_COLUMNS}])
    for column in ("weight_kg", "entered_weight", "duration_s", "distance_m", "rpe"):
        row[column] = pd.to_numeric(row[column], errors="coerce").astype("float64")
    for column in ("reps", "rir"):
        row[column] = pd.to_numeric(row[column], errors="coerce").astype("Int64")
    row["notes"] = row["notes"].fillna("").astype(str)
    checked = validate(SetEntry, row)
    set_id = int(kept["set_id"])
    session_id = int(checked["session_id"].iloc[0])
    cur = con.cursor()
    if not cur.execute("select 1 from sessions where session_id = ?", [session_id]).fetchall():
        raise ValidationError([Problem(None, "session_id", session_id, RULES["session_id"])])
    if cur.execute("select 1 from sets where set_id = ?", [set_id]).fetchall():
        raise ValidationError([Problem(None, "set_id", set_id, "that set is already there")])
    values = checked.iloc[0]
    params = [
        set_id,
        *(None if pd.isna(values[c]) else values[c] for c in STORED_COLUMNS),
        kept.get("logged_at") or dt.datetime.now(),
        kept.get("source_key"),
    ]
    params = [v.item() if isinstance(v, np.generic) else v for v in params]
    with write(con, "sets") as w:
        w.cur.execute(
            f"insert into sets ({', '.join(_KEPT_COLUMNS)}) "  # noqa: S608 - fixed column list
            f"values ({', '.join('?' * len(_KEPT_COLUMNS))})",
            params,
        )
        w.touch_session(session_id)
    return set_id
