"""The store: open a Liftboard database, migrate it, and load the shipped reference data."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import duckdb

from pipelines.errors import DatabaseUnavailableError, LiftboardError
from pipelines.staging import define_models

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
ENV_DB = "LIFTBOARD_DB"

# The shipped reference files in load order (parents before children), with their columns.
SEED_FILES: dict[str, tuple[str, ...]] = {
    "muscle_groups": ("muscle_group", "region", "display_order"),
    "muscles": ("muscle", "muscle_group", "description"),
    "exercises": (
        "exercise_id", "name", "name_norm", "category", "equipment", "mechanic", "force",
        "level", "load_type", "unilateral", "bodyweight_factor", "stance", "cues", "source",
    ),
    "exercise_muscles": ("exercise_id", "muscle_group", "role"),
    "exercise_aliases": ("alias", "alias_norm", "exercise_id"),
    "exercise_variations": (
        "exercise_id", "position", "variation", "kind", "description", "target_exercise_id",
    ),
    "workout_templates": (
        "template_id", "name", "description", "rounds", "passes_per_round", "rest_s",
        "minutes_min", "minutes_max", "defaults_note",
    ),
    "template_items": (
        "template_id", "round_no", "position", "exercise_id", "reps", "seconds", "per_side",
        "role", "notes",
    ),
    "volume_landmarks": (
        "muscle_group", "mv_sets", "mev_sets", "mav_low_sets", "mav_high_sets", "mrv_sets",
        "basis",
    ),
}  # fmt: skip


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
        migrate(con)
        load_seeds(con)
        define_models(con)  # the shared SQL macros and staging models (pipelines/staging.py)
    except duckdb.Error as exc:
        con.close()
        raise DatabaseUnavailableError(
            f"The database {target} could not be prepared: {_first_line(exc)}."
        ) from None
    return con


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0].rstrip(".") if str(exc).strip() else type(exc).__name__


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
    return f"The database {target} could not be opened: {_first_line(exc)}."


@contextlib.contextmanager
def transaction(
    con: duckdb.DuckDBPyConnection, what: str = "change"
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Run a block on its own cursor in one transaction: all of it lands, or none of it.

    Database failures become sentences: a refused constraint, a full disk, a file that cannot
    be written. The rollback never hides the original failure.

    Raises:
        LiftboardError: the database refused or could not store the change; nothing was saved.
    """
    cur = con.cursor()
    cur.begin()
    try:
        yield cur
        cur.commit()
    except BaseException as exc:
        with contextlib.suppress(duckdb.Error):
            cur.rollback()
        if isinstance(exc, duckdb.ConstraintException):
            raise LiftboardError(
                f"The database refused the {what} ({_first_line(exc)}). Nothing was saved."
            ) from None
        if isinstance(exc, duckdb.Error) and _is_storage_failure(exc):
            raise LiftboardError(_storage_sentence(exc, what)) from None
        raise
    finally:
        cur.close()


def _is_storage_failure(exc: duckdb.Error) -> bool:
    text = str(exc).lower()
    return isinstance(exc, duckdb.IOException) or any(
        word in text for word in ("no space", "read-only", "permission denied", "invalidated")
    )


def _storage_sentence(exc: duckdb.Error, what: str) -> str:
    text = str(exc).lower()
    if "no space" in text:
        cause = "the disk that holds the database is full"
    elif "read-only" in text or "permission" in text:
        cause = "the database file or its folder is read-only"
    else:
        cause = f"the database could not be written ({_first_line(exc)})"
    return (
        f"Could not save the {what}: {cause}. Nothing was changed; free some space or fix the "
        "permissions, then restart Liftboard."
    )


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
        con.begin()
        try:
            con.execute(sql)
            con.execute(
                "insert into schema_migrations (version, name) values (?, ?)", [version, name]
            )
            con.commit()
        except BaseException:
            con.rollback()
            raise
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
    con.begin()
    try:
        for name, columns in SEED_FILES.items():
            _stage_seed(con, name, columns, data_dir / f"{name}.csv")
        con.execute(_UPSERT_SQL)
        con.execute(
            "insert into seed_state (seed, sha256) values ('catalog', ?) "
            "on conflict (seed) do update set sha256 = excluded.sha256, "
            "loaded_at = now()",
            [digest],
        )
        # Loads and muscles may have changed: every kept weekly volume cell is recounted on the
        # next read (see pipelines/volume_cache.py).
        con.execute("insert into volume_dirty (athlete_id, week_no) values (null, null)")
        con.execute("insert into changes (what) values ('catalog')")
        con.commit()
    except BaseException:
        con.rollback()
        raise
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


_UPSERT_SQL = """
insert into muscle_groups
select muscle_group, region, display_order::integer from seed_muscle_groups
on conflict (muscle_group) do update set
    region = excluded.region, display_order = excluded.display_order;

insert into muscles
select muscle, muscle_group, coalesce(description, '') from seed_muscles
on conflict (muscle) do update set
    muscle_group = excluded.muscle_group, description = excluded.description;

insert into exercises (
    exercise_id, name, name_norm, category, equipment, mechanic, force, level, load_type,
    unilateral, bodyweight_factor, stance, cues, source, mapped
)
select
    exercise_id, name, name_norm, coalesce(category, ''), coalesce(equipment, ''),
    coalesce(mechanic, ''), coalesce(force, ''), coalesce(level, ''), load_type,
    unilateral::boolean, coalesce(bodyweight_factor, '0')::double, coalesce(stance, ''),
    coalesce(cues, ''), source, true
from seed_exercises
on conflict (exercise_id) do update set
    name = excluded.name, name_norm = excluded.name_norm, category = excluded.category,
    equipment = excluded.equipment, mechanic = excluded.mechanic, force = excluded.force,
    level = excluded.level, load_type = excluded.load_type, unilateral = excluded.unilateral,
    bodyweight_factor = excluded.bodyweight_factor, stance = excluded.stance,
    cues = excluded.cues, source = excluded.source, mapped = true;

delete from exercise_muscles
where exercise_id in (select exercise_id from exercises where source in ('catalog', 'liftboard'));

insert into exercise_muscles
select exercise_id, muscle_group, role from seed_exercise_muscles;

delete from exercise_aliases where source = 'catalog';

insert into exercise_aliases (alias_norm, alias, exercise_id, source)
select alias_norm, alias, exercise_id, 'catalog' from seed_exercise_aliases
on conflict (alias_norm) do nothing;

delete from exercise_variations;

insert into exercise_variations
select
    exercise_id, position::integer, variation, kind, coalesce(description, ''),
    nullif(target_exercise_id, '')
from seed_exercise_variations;

insert into workout_templates
select
    template_id, name, coalesce(description, ''), rounds::integer,
    passes_per_round::integer, rest_s::integer, minutes_min::integer,
    minutes_max::integer, coalesce(defaults_note, ''), 'liftboard'
from seed_workout_templates
on conflict (template_id) do update set
    name = excluded.name, description = excluded.description, rounds = excluded.rounds,
    passes_per_round = excluded.passes_per_round, rest_s = excluded.rest_s,
    minutes_min = excluded.minutes_min, minutes_max = excluded.minutes_max,
    defaults_note = excluded.defaults_note
where workout_templates.source = 'liftboard';

delete from template_items
where template_id in (select template_id from workout_templates where source = 'liftboard');

insert into template_items
select
    i.template_id, i.round_no::integer, i.position::integer, i.exercise_id,
    nullif(i.reps, '')::integer, nullif(i.seconds, '')::integer, i.per_side::boolean, i.role,
    coalesce(i.notes, '')
from seed_template_items as i
inner join workout_templates as t on t.template_id = i.template_id
where t.source = 'liftboard';

insert into volume_landmarks
select
    muscle_group, mv_sets::double, mev_sets::double, mav_low_sets::double,
    mav_high_sets::double, mrv_sets::double, coalesce(basis, '')
from seed_volume_landmarks
on conflict (muscle_group) do update set
    mv_sets = excluded.mv_sets, mev_sets = excluded.mev_sets,
    mav_low_sets = excluded.mav_low_sets, mav_high_sets = excluded.mav_high_sets,
    mrv_sets = excluded.mrv_sets, basis = excluded.basis;
"""
