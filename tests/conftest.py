"""Shared fixtures: a real DuckDB database with migrations and the shipped catalog applied."""

from __future__ import annotations

import contextlib
import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipelines.athletes import ensure_athlete
from pipelines.db import connect
from pipelines.logbook import finish_session, log_sets, start_session

ROOT = Path(__file__).resolve().parents[1]

# Tables a user's database holds; checksummed to prove a rejected write changed nothing.
USER_TABLES = ("athletes", "bodyweights", "sessions", "sets", "exercises", "exercise_muscles",
               "exercise_aliases", "workout_templates", "template_items")  # fmt: skip


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory Liftboard database, migrated and loaded with the catalog."""
    connection = connect(":memory:")
    yield connection
    connection.close()


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    """A path for a fresh database file (created on first connect)."""
    return tmp_path / "liftboard.duckdb"


def snapshot(connection: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int]]:
    """Row count and an order-independent checksum of every user table."""
    result = {}
    for table in USER_TABLES:
        row = connection.execute(
            f"select count(*), coalesce(sum(hash(t)), 0) from {table} as t"
        ).fetchone()
        assert row is not None
        result[table] = (int(row[0]), int(row[1]))
    return result


# A Monday far enough back that every test day is in the past.
MONDAY = dt.date(2025, 9, 1)


@pytest.fixture
def athlete(con: duckdb.DuckDBPyConnection) -> int:
    """An athlete called Sam, in kg."""
    return ensure_athlete(con, "Sam")


def log_day(
    con: duckdb.DuckDBPyConnection,
    athlete: int,
    days_after: int,
    sets: list[dict[str, Any]],
    *,
    template_id: str | None = None,
    bodyweight_kg: float | None = None,
    minutes: int | None = None,
) -> int:
    """Log one 07:00 session `days_after` days after MONDAY; return its id."""
    started = dt.datetime.combine(MONDAY + dt.timedelta(days=days_after), dt.time(7))
    session = start_session(
        con, athlete, started, template_id=template_id, bodyweight_kg=bodyweight_kg
    )
    if sets:
        log_sets(con, session, sets)
    if minutes is not None:
        finish_session(con, session, started + dt.timedelta(minutes=minutes))
    return session


@contextlib.contextmanager
def held_open(path: Path) -> Iterator[Path]:
    """The database file at `path`, created if new, held open by another process meanwhile."""
    connect(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import duckdb, sys; c = duckdb.connect({str(path)!r}); print('ready', flush=True); "
         "sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "ready"
        yield path
    finally:
        holder.communicate("")
