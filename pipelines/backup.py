"""Backup and restore of a whole Liftboard database, each written atomically."""

from __future__ import annotations

import datetime as dt
import glob
import os
import tempfile
from pathlib import Path
from typing import NamedTuple

import duckdb

from pipelines.db import connect, resolve_db_path
from pipelines.errors import DatabaseUnavailableError, LiftboardError

SAFETY_FOLDER = "liftboard-backups"
SAFETY_KEEP = 5


def backup(
    con: duckdb.DuckDBPyConnection, out: str | os.PathLike[str], *, force: bool = False
) -> Path:
    """Copy every table, sequence and row of the open database into the file `out`.

    The copy is consistent even while the dashboard uses the database, and it appears at `out`
    only when complete (written beside it, then renamed).

    Raises:
        LiftboardError: `out` exists and `force` is false, or it cannot be written.
    """
    target = Path(out).expanduser()
    if target.exists() and not force:
        raise LiftboardError(f"{target} already exists; pass --force to replace it.")
    tmp = _sibling(target)
    try:
        cur = con.cursor()
        cur.execute("checkpoint")
        source = _current_database(cur)
        cur.execute(f"attach {_literal(str(tmp))} as liftboard_backup")
        try:
            cur.execute(f'copy from database "{source}" to liftboard_backup')
        finally:
            cur.execute("detach liftboard_backup")
        tmp.replace(target)
    except (OSError, duckdb.Error) as exc:
        raise LiftboardError(
            f"The backup could not be written to {target}: {_reason(exc)}."
        ) from None
    finally:
        _remove(tmp)
    return target


def safety_copy(con: duckdb.DuckDBPyConnection, db: str | os.PathLike[str], reason: str) -> Path:
    """Keep a copy of the open database `db` beside it, before it is upgraded or replaced.

    The copy is `liftboard-backups/<name>-<UTC time>-before-<reason>.duckdb` in the database's
    folder; of these, the last `SAFETY_KEEP` per database are kept, older ones removed.

    Raises:
        LiftboardError: the copy cannot be written (then nothing should be replaced).
    """
    source = Path(db)
    folder = source.parent / SAFETY_FOLDER
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        raise LiftboardError(
            f"No copy of {source} could be kept in {folder} ({exc.strerror}); nothing was changed."
        ) from None
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    copy = backup(con, folder / f"{source.stem}-{stamp}-before-{reason}.duckdb")
    kept = sorted(folder.glob(f"{glob.escape(source.stem)}-*-before-*.duckdb"))
    for old in kept[:-SAFETY_KEEP]:
        old.unlink(missing_ok=True)
    return copy


def backup_bytes(con: duckdb.DuckDBPyConnection) -> bytes:
    """A backup of the open database as bytes (for a download button)."""
    with tempfile.TemporaryDirectory() as folder:
        path = backup(con, Path(folder) / "liftboard-backup.duckdb")
        return path.read_bytes()


class Restored(NamedTuple):
    """Where a backup was restored, and where the data it replaced was kept (if any)."""

    path: Path
    kept: Path | None


def restore(
    source: str | os.PathLike[str], db: str | os.PathLike[str] | None = None, *, force: bool = False
) -> Restored:
    """Replace the database `db` with the backup `source`, upgrading it to the current schema.

    Refuses to overwrite a database that holds sessions unless `force` is true; when it does
    replace one, a copy of it is kept first (`safety_copy`). The database is replaced in one
    rename, so a failure leaves the old one as it was.

    Raises:
        LiftboardError: `source` is not a Liftboard backup, or the database holds data and
            `force` is false, or the files cannot be written.
    """
    backup_file = Path(source).expanduser()
    target = Path(resolve_db_path(db))
    _check_backup(backup_file)
    kept = None
    if target.exists():
        con = connect(target)  # fails with a sentence when another program holds it
        try:
            row = con.execute("select count(*) from sessions").fetchone()
            sessions = int(row[0]) if row else 0
            if sessions and not force:
                raise LiftboardError(
                    f"{target} already holds {sessions} session(s); restoring would replace "
                    "them. Pass --force to replace it (a copy of it is kept first)."
                )
            if sessions:
                kept = safety_copy(con, target, "restore")
            con.execute("checkpoint")
        finally:
            con.close()
    tmp = _sibling(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with duckdb.connect() as scratch:
            scratch.execute(f"attach {_literal(str(backup_file))} as restore_src (read_only)")
            scratch.execute(f"attach {_literal(str(tmp))} as restore_dst")
            scratch.execute("copy from database restore_src to restore_dst")
            scratch.execute("detach restore_dst")
        tmp.replace(target)
        _remove(Path(f"{target}.wal"))
    except (OSError, duckdb.Error) as exc:
        raise LiftboardError(
            f"The backup could not be restored to {target}: {_reason(exc)}."
        ) from None
    finally:
        _remove(tmp)
    connect(target).close()  # upgrade an older backup to the current schema
    return Restored(target, kept)


def _check_backup(path: Path) -> None:
    if not path.is_file():
        raise LiftboardError(f"There is no backup file at {path}.")
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            tables = {
                r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()
            }
    except duckdb.Error as exc:
        if "lock" in str(exc).lower():
            raise DatabaseUnavailableError(f"{path} is in use by another program.") from None
        raise LiftboardError(f"{path} is not a Liftboard backup (not a DuckDB database).") from None
    if not {"schema_migrations", "sessions", "sets"} <= tables:
        raise LiftboardError(f"{path} is a DuckDB database but not a Liftboard backup.")


def _current_database(con: duckdb.DuckDBPyConnection) -> str:
    row = con.execute("select current_database()").fetchone()
    return str(row[0]) if row else "memory"


def _literal(text: str) -> str:
    """A SQL string literal (DuckDB's ATTACH takes no bind parameter for its path)."""
    return "'" + text.replace("'", "''") + "'"


def _sibling(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.partial")


def _remove(path: Path) -> None:
    for candidate in (path, Path(f"{path}.wal")):
        candidate.unlink(missing_ok=True)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    text = str(exc).strip().splitlines()
    return text[0].rstrip(".") if text else type(exc).__name__
