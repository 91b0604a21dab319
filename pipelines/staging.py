"""The shared SQL layer under the marts: week macros and the staging models of sessions and sets.

The definitions live in `pipelines/sql/staging/` as `create or replace macro` statements and are
(re)defined whenever a database is opened (`pipelines.db.connect` calls `define_models`), rather
than by a numbered migration: they hold no data, so the code that reads them and their
definitions always come from the same release, a restored backup or an older file gets them
too, and changing one needs no new migration. Redefining them marks every kept weekly volume
cell stale, since the rule of what counts as a hard set lives here. They are stored in the
database (not as temporary macros) because every query runs on its own cursor, which does
not see another cursor's temporary objects. A digest in `seed_state` skips the work when
nothing changed.
"""

from __future__ import annotations

import hashlib
from importlib import resources

import duckdb

from pipelines.writes import write

# In dependency order: a model may use the ones before it.
MODEL_FILES = (
    "staging/macros",
    "staging/stg_sessions",
    "staging/stg_sets",
    "staging/volume_keys",
    "staging/int_muscle_cells",
    "staging/int_volume_landmarks",
    "staging/int_set_estimates",
)


def model_sql() -> str:
    """The definitions of every shared macro and staging model, in dependency order."""
    folder = resources.files("pipelines").joinpath("sql")
    return "\n".join(
        folder.joinpath(f"{name}.sql").read_text(encoding="utf-8") for name in MODEL_FILES
    )


def define_models(con: duckdb.DuckDBPyConnection) -> bool:
    """Define the shared macros and staging models unless this database already has these ones.

    Returns:
        True when they were (re)defined now.
    """
    sql = model_sql()
    digest = hashlib.sha256(sql.encode()).hexdigest()
    # fetchall: an unread result would keep a read transaction open on `con`
    current = con.execute("select sha256 from seed_state where seed = 'models'").fetchall()
    if current and current[0][0] == digest:
        return False
    # Definitions only: no user data changes, so no journal row.
    with write(con, "shared SQL models", journal=False) as w:
        w.cur.execute(sql)
        if current:
            # the counting rule may have changed: every kept weekly volume cell is recounted on
            # the next read (pipelines/volume_cache.py), as after a catalog reload
            w.touch_everything()
        w.cur.execute(
            "insert into seed_state (seed, sha256) values ('models', ?) "
            "on conflict (seed) do update set sha256 = excluded.sha256, loaded_at = now()",
            [digest],
        )
    return True
