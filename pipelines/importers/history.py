"""Past imports: the list of them, and taking one back out.

Every import is recorded in `imports` with the sessions it created (`import_sessions`) and the
sets it added to sessions that were already there (`import_sets`). Undoing an import removes
exactly those sessions with all their sets, and those sets, and marks the record as undone.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from pipelines.backup import safety_copy
from pipelines.errors import LiftboardError
from pipelines.writes import write

_COLUMNS = (
    "import_id, imported_at, file_name, layout_description, athlete, weight_unit, "
    "rows_read, sets_added, sessions_added, duplicates_skipped, rejected_rows, flagged_values, "
    "checksum, undone_at"
)


@dataclass(frozen=True)
class UndoneImport:
    """What undoing an import removed."""

    import_id: int
    file_name: str
    sessions: int
    sets: int
    kept: Path | None = None  # the copy of the database taken first

    def sentence(self) -> str:
        """The outcome as one sentence."""
        copy = f" A copy from before is kept at {self.kept}." if self.kept else ""
        return (
            f"Import {self.import_id} ({self.file_name}) was undone: {self.sets:,} set(s) and "
            f"{self.sessions:,} session(s) removed.{copy}"
        )


def past_imports(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every recorded import, the latest first."""
    return (
        con.cursor()
        .execute(f"select {_COLUMNS} from imports order by import_id desc")  # noqa: S608 - fixed list
        .df()
    )


def undo_import(
    con: duckdb.DuckDBPyConnection,
    import_id: int,
    db: str | os.PathLike[str] | None = None,
) -> UndoneImport:
    """Remove the sessions and sets one import added, and mark it undone.

    When `db` names the database file, a copy of it is kept beside it first
    (`pipelines.backup.safety_copy`), so the data removed can still be had back.

    The sets go in one transaction with the record's `undone_at`; the emptied sessions follow
    in a second one, since DuckDB refuses to delete a session in the transaction that deleted
    its sets. Should that second step fail, what remains is empty sessions, which count for
    nothing, and undoing the same import again removes them.

    Raises:
        LiftboardError: No such import, or it was undone already.
    """
    cur = con.cursor()
    try:
        found = cur.execute(
            "select file_name, undone_at from imports where import_id = ?", [int(import_id)]
        ).fetchone()
        if found is None:
            raise LiftboardError(
                f"There is no import number {import_id}; `liftboard import --list` shows the "
                "past imports and their numbers."
            )
        file_name, undone_at = str(found[0]), found[1]
        sessions = [
            int(r[0])
            for r in cur.execute(
                "select session_id from import_sessions where import_id = ? "
                "and session_id in (select session_id from sessions)",
                [int(import_id)],
            ).fetchall()
        ]
    finally:
        cur.close()
    if undone_at is not None and not sessions:
        raise LiftboardError(
            f"Import {import_id} ({file_name}) was undone already, on {undone_at:%Y-%m-%d %H:%M}."
        )
    kept = None
    if db is not None and str(db) != ":memory:":
        kept = safety_copy(con, db, "undo")
    removed = 0
    with write(con, "undo of the import") as w:
        tx = w.cur
        touched = [
            int(r[0])
            for r in tx.execute(
                "select distinct session_id from sets where set_id in "
                "(select set_id from import_sets where import_id = ?)",
                [int(import_id)],
            ).fetchall()
        ]
        w.touch_sessions(sessions + touched)
        (removed,) = tx.execute(
            "delete from sets where session_id in (select unnest(?::bigint[])) "
            "or set_id in (select set_id from import_sets where import_id = ?)",
            [sessions, int(import_id)],
        ).fetchall()[0]
        tx.execute(
            "update imports set undone_at = coalesce(undone_at, current_timestamp) "
            "where import_id = ?",
            [int(import_id)],
        )
    if sessions:
        with write(con, "undo of the import") as w:
            w.cur.execute(
                "delete from sessions where session_id in (select unnest(?::bigint[]))",
                [sessions],
            )
    return UndoneImport(int(import_id), file_name, len(sessions), int(removed), kept)
