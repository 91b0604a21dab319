"""The store: open a Liftboard database, migrate it, and load the shipped reference data."""

from __future__ import annotations

import hashlib
import os
import re
import sys
from importlib import resources
from pathlib import Path

import duckdb

from pipelines.errors import DatabaseUnavailableError, LiftboardError
from pipelines.staging import define_models
from pipelines.writes import first_line, write

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
ENV_DB = "LIFTBOARD_DB"

# The shipped reference files in load order (parents before children), with their columns.
SEED_FILES: dict[str, tuple[str, ...]] = {
    "muscle_groups": ("muscle_group", "region", "display_order"),
    "muscles": ("muscle", "muscle_group", "description"),
    "exercises": (
        "exercise_id",
        "name",
        "name_norm",
        "category",
        "equipment",
        "mechanic",
        "force",
        "level",
        "load_type",
        "unilateral",
        "bodyweight_factor",
        "stance",
        "cues",
        "source",
    ),
    "exercise_muscles": ("exercise_id", "muscle_group", "role"),
    "exercise_aliases": ("alias", "alias_norm", "exercise_id"),
    "exercise_popularity": ("exercise_id", "popularity_rank"),
    "exercise_variations": (
        "exercise_id",
        "position",
        "variation",
        "kind",
        "description",
        "target_exercise_id",
    ),
    "workout_templates": (
        "template_id",
        "name",
        "description",
        "rounds",
        "passes_per_round",
        "rest_s",
        "minutes_min",
        "minutes_max",
        "defaults_note",
    ),
    "template_items": (
        "template_id",
        "round_no",
        "position",
        "exercise_id",
        "reps",
        "seconds",
        "per_side",
        "role",
        "notes",
    ),
    "volume_landmarks": (
        "muscle_group",
        "mv_sets",
        "mev_sets",
        "mav_low_sets",
        "mav_high_sets",
        "mrv_sets",
        "basis",
    ),
    "volume_landmarks_beginner": (
        "muscle_group",
        "mv_sets",
        "mev_sets",
        "mav_low_sets",
        "mav_high_sets",
        "mrv_sets",
        "basis",
    ),
}


def default_db_path() -> Path:
    """The per-user database file: `$XDG_DATA_HOME/liftboard/liftboard.duckdb`."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "liftboard" / "liftboard.duckdb"


def resolve_db_path(path: str | os.PathLike[str] | None = None) -> str:
    """Pick the database: the argument, else `LIFTBOARD_DB`, else the per-user default."""
    chosen = str(path) if path is not None else os.environ.get(ENV_DB) or str(default_db_path())
    if chosen == ":memory:":
        return chosen
    return str(Path(chosen).expanduser())


def connect(path: str | os.PathLike[str] | None = None) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) a Liftboard database, migrate it and load the reference data.

    Args:
        path: A file path or ":memory:"; None means `LIFTBOARD_DB` or the per-user default.

    Raises:
        DatabaseUnavailableError: The file is locked by another program, or cannot be created.
    """
    target = resolve_db_path(path)
    if target != ":memory:":
        folder = Path(target).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUnavailableError(
                f"The folder {folder} for the database cannot be created ({exc.strerror}). "
                "Choose another place with --db or LIFTBOARD_DB."
            ) from None
    try:
        con = duckdb.connect(target)
    except duckdb.Error as exc:
        raise DatabaseUnavailableError(_open_failure(target, exc)) from None
    try:
        _copy_before_upgrade(con, target)
        migrate(con)
        load_seeds(con)
        define_models(con)  # the shared SQL macros and staging models (pipelines/staging.py)
    except duckdb.Error as exc:
        con.close()
        raise DatabaseUnavailableError(
            f"The database {target} could not be prepared: {first_line(exc)}."
        ) from None
    except LiftboardError as exc:  # the write unit's sentence for a full or read-only disk
        con.close()
        raise DatabaseUnavailableError(str(exc)) from None
    return con


def _copy_before_upgrade(con: duckdb.DuckDBPyConnection, target: str) -> None:
    """Before migrations upgrade an existing file, keep a copy of it beside it (the last 5).

    Says where on stderr. A new file, an in-memory database or a current one is not copied.
    """
    if target == ":memory:":
        return
    known = con.execute(
        "select count(*) from duckdb_tables() where table_name = 'schema_migrations'"
    ).fetchall()
    if known[0][0] == 0:
        return
    done = {row[0] for row in con.execute("select version from schema_migrations").fetchall()}
    if not done or {version for version, _, _ in migration_files()} <= done:
        return
    from pipelines.backup import safety_copy  # here: pipelines.backup imports this module

    copy = safety_copy(con, target, "upgrade")
    print(
        f"Liftboard: upgrading {target} to the current schema; the file as it was is kept "
        f"at {copy}.",
        file=sys.stderr,
    )


def _open_failure(target: str, exc: duckdb.Error) -> str:
    text = str(exc)
    if "lock" in text.lower():
        pid = re.search(r"PID (\d+)", text)
        holder = f" (process {pid.group(1)})" if pid else ""
        return (
            f"The database {target} is in use by another program{holder}. "
            "Close the other Liftboard (or DuckDB) that has it open, or use another file with --db."
        )
    if "permission" in text.lower() or "read-only" in text.lower():
        return (
            f"The database {target} cannot be opened for writing: permission denied. "
            "Choose a writable place with --db or LIFTBOARD_DB."
        )
    return f"The database {target} could not be opened: {first_line(exc)}."


def migration_files() -> list[tuple[int, str, str]]:
    """The shipped migrations as (version, name, sql), in version order."""
    found = []
    for entry in resources.files("pipelines").joinpath("migrations").iterdir():
        match = re.fullmatch(r"(\d{3})_(\w+)\.sql", entry.name)
        if match:
            found.append((int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply pending migrations, each in one transaction with its `schema_migrations` row.

    Returns:
        The versions applied now (empty when the database was up to date).
    """
    con.execute(
        "create table if not exists schema_migrations ("
        " version integer primary key, name varchar not null,"
        " applied_at timestamp not null default current_timestamp)"
    )
    done = {row[0] for row in con.execute("select version from schema_migrations").fetchall()}
    applied = []
    for version, name, sql in migration_files():
        if version in done:
            continue
        with write(con, f"upgrade to schema version {version}", journal=False) as w:
            w.cur.execute(sql)
            w.cur.execute(
                "insert into schema_migrations (version, name) values (?, ?)", [version, name]
            )
        applied.append(version)
    return applied


def read_sql(name: str) -> str:
    """The text of `pipelines/sql/<name>.sql`, e.g. `read_sql("marts/weekly_muscle_volume")`."""
    return resources.files("pipelines").joinpath("sql", f"{name}.sql").read_text(encoding="utf-8")


def seed_digest(data_dir: Path = DATA_DIR) -> str:
    """A digest of the shipped reference files, so an unchanged catalog is not reloaded."""
    digest = hashlib.sha256()
    for name in SEED_FILES:
        digest.update(name.encode())
        digest.update((data_dir / f"{name}.csv").read_bytes())
    return digest.hexdigest()


def load_seeds(
    con: duckdb.DuckDBPyConnection, data_dir: Path = DATA_DIR, *, force: bool = False
) -> bool:
    """Refresh the reference tables from `data/*.csv`, in one transaction.

    Catalog rows are inserted or updated in place; logged sets, athletes, sessions, custom
    exercises, user aliases and user-edited templates are never touched.

    Returns:
        True when the reference data was (re)loaded, False when it was already current.
    """
    digest = seed_digest(data_dir)
    # fetchall, not fetchone: an unread result keeps a read transaction open on `con`, and
    # then no checkpoint (and no backup) can run after the next write.
    current = con.execute("select sha256 from seed_state where seed = 'catalog'").fetchall()
    if current and current[0][0] == digest and not force:
        return False
    with write(con, "catalog") as w:
        for name, columns in SEED_FILES.items():
            _stage_seed(w.cur, name, columns, data_dir / f"{name}.csv")
        w.cur.execute(read_sql("seeds/upsert_catalog"))
        w.cur.execute(
            "insert into seed_state (seed, sha256) values ('catalog', ?) "
            "on conflict (seed) do update set sha256 = excluded.sha256, "
            "loaded_at = now()",
            [digest],
        )
        # Loads and muscles may have changed: every kept weekly volume cell is recounted on the
        # next read (see pipelines/volume_cache.py).
        w.touch_everything()
    return True


def _stage_seed(
    con: duckdb.DuckDBPyConnection, name: str, columns: tuple[str, ...], path: Path
) -> None:
    # Identifiers come from the SEED_FILES allow-list above, never from input.
    con.execute(
        f"create or replace temp table seed_{name} as "  # noqa: S608 - allow-listed name
        "select * from read_csv(?, header = true, all_varchar = true, quote = '\"', "
        "escape = '\"', delim = ',', strict_mode = true)",
        [str(path)],
    )
    got = tuple(r[0] for r in con.execute(f"describe seed_{name}").fetchall())
    if got != columns:
        raise ValueError(f"{path.name} has columns {got}, expected {columns}")
