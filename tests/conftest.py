"""Shared fixtures: a real DuckDB database with migrations and the shipped catalog applied."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from pipelines.db import connect

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
