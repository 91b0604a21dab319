"""The one way to change a Liftboard database: `with write(con, "sets") as w: ...`.

A write unit runs a block on its own cursor in one transaction and, before it commits:

- appends a row to the `changes` journal (the data version the dashboard's caches key on);
- marks the kept weekly volume cells that the block made stale (the `touch_*` methods), so a
  chart never shows a count from before the write (see `pipelines/volume_cache.py`).

A database failure becomes a sentence (`LiftboardError`): a refused constraint, a full disk, a
file that cannot be written. The rollback never hides the original failure, and nothing of the
block is kept.

Every statement that inserts, updates or deletes rows in `pipelines/` runs inside a write unit:
`tests/unit/test_write_unit.py` reads the source and fails on one that does not.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator

import duckdb

from pipelines.errors import LiftboardError

# A session's Monday week number (weeks counted from Monday 1970-01-05), as the kept cells
# and `marts/weekly_muscle_volume` count weeks.
SESSION_WEEK_SQL = "(started_at::date - (isodow(started_at) - 1)::integer - date '1970-01-05') // 7"
_MONDAY_ZERO = dt.date(1970, 1, 5)


def monday_week_no(day: dt.date) -> int:
    """The Monday week number of `day` (weeks counted from Monday 1970-01-05)."""
    return (day - _MONDAY_ZERO).days // 7


class Write:
    """An open write: its cursor, and what it made stale.

    Attributes:
        cur: The cursor of the transaction; run the block's statements on it.
        what: What is being changed, in words ("sets", "import"), for the journal and sentences.
    """

    def __init__(self, cur: duckdb.DuckDBPyConnection, what: str) -> None:
        self.cur = cur
        self.what = what

    def _dirty(self, select_sql: str, params: object) -> None:
        self.cur.execute(f"insert into volume_dirty (athlete_id, week_no) {select_sql}", params)

    def touch_session(self, session_id: int) -> None:
        """The week of one session changes (a set of it was added, edited or removed)."""
        self._dirty(
            f"select athlete_id, {SESSION_WEEK_SQL} from sessions where session_id = ?",  # noqa: S608 - fixed expression
            [int(session_id)],
        )

    def touch_sessions(self, session_ids: Iterable[int]) -> None:
        """The weeks of many sessions change (an import, a bulk delete)."""
        ids = sorted({int(i) for i in session_ids})
        if ids:
            self._dirty(
                f"select distinct athlete_id, {SESSION_WEEK_SQL} from sessions "  # noqa: S608 - fixed expression
                "where session_id in (select unnest(?::bigint[]))",
                [ids],
            )

    def touch_week(self, athlete_id: int, day: dt.date) -> None:
        """The week of `day` changes for this athlete (as `touch_session`, the week known)."""
        self._dirty("select ?, ?", [int(athlete_id), monday_week_no(day)])

    def touch_athlete_from(self, athlete_id: int, day: dt.date | str) -> None:
        """Every week of an athlete from `day`'s week on changes (a bodyweight reading moved)."""
        self._dirty(
            f"select distinct athlete_id, {SESSION_WEEK_SQL} from sessions "  # noqa: S608 - fixed expression
            "where athlete_id = $athlete "
            "and started_at >= $day::date - (isodow($day::date) - 1)::integer",
            {"athlete": int(athlete_id), "day": day},
        )

    def touch_athlete(self, athlete_id: int) -> None:
        """Every week of an athlete changes (their sessions were removed or re-assigned)."""
        self._dirty(
            f"select distinct athlete_id, {SESSION_WEEK_SQL} from sessions "  # noqa: S608 - fixed expression
            "where athlete_id = ?",
            [int(athlete_id)],
        )

    def touch_exercise(self, exercise_id: str) -> None:
        """Every week with a set of this exercise changes (its loading or muscles were edited)."""
        self._dirty(
            f"select distinct athlete_id, {SESSION_WEEK_SQL} from sessions "  # noqa: S608 - fixed expression
            "where session_id in (select session_id from sets where exercise_id = ?)",
            [exercise_id],
        )

    def touch_everything(self) -> None:
        """Every cell may change (the catalog or the muscle groups were reloaded)."""
        self.cur.execute("insert into volume_dirty (athlete_id, week_no) values (null, null)")


@contextlib.contextmanager
def write(
    con: duckdb.DuckDBPyConnection, what: str = "change", *, journal: bool = True
) -> Iterator[Write]:
    """Run a block on its own cursor in one transaction: all of it lands, or none of it.

    Args:
        con: The database.
        what: What the block changes, in words; the journal row and any sentence name it.
        journal: False only for changes that alter no user data (a schema upgrade, a recount of
            derived cells): they add no journal row.

    Raises:
        LiftboardError: the database refused or could not store the change; nothing was saved.
    """
    cur = con.cursor()
    cur.begin()
    try:
        yield Write(cur, what)
        if journal:
            cur.execute("insert into changes (what) values (?)", [what])
        cur.commit()
    except BaseException as exc:
        with contextlib.suppress(duckdb.Error):
            cur.rollback()
        if isinstance(exc, duckdb.ConstraintException):
            raise LiftboardError(
                f"The database refused the {what} ({first_line(exc)}). Nothing was saved."
            ) from None
        if isinstance(exc, duckdb.Error) and is_storage_failure(exc):
            raise LiftboardError(storage_sentence(exc, what)) from None
        raise
    finally:
        cur.close()


def first_line(exc: BaseException) -> str:
    """The first line of an error's text, without a trailing full stop."""
    text = str(exc).strip()
    return text.splitlines()[0].rstrip(".") if text else type(exc).__name__


def is_storage_failure(exc: duckdb.Error) -> bool:
    """Whether the database could not write its file (full disk, read-only, invalidated)."""
    text = str(exc).lower()
    return isinstance(exc, duckdb.IOException) or any(
        word in text for word in ("no space", "read-only", "permission denied", "invalidated")
    )


def storage_sentence(exc: duckdb.Error, what: str) -> str:
    """The sentence for a write the disk could not take."""
    text = str(exc).lower()
    if "no space" in text:
        cause = "the disk that holds the database is full"
    elif "read-only" in text or "permission" in text:
        cause = "the database file or its folder is read-only"
    else:
        cause = f"the database could not be written ({first_line(exc)})"
    return (
        f"Could not save the {what}: {cause}. Nothing was changed; free some space or fix the "
        "permissions, then restart Liftboard."
    )


def data_version(con: duckdb.DuckDBPyConnection) -> int:
    """A number that grows with every write; caches key on it."""
    row = con.cursor().execute("select coalesce(max(change_id), 0) from changes").fetchone()
    return int(row[0]) if row else 0
