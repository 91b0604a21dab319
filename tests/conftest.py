"""Shared fixtures: a real DuckDB database with migrations and the shipped catalog applied.

Migrating a database and loading the catalog takes a noticeable moment, and most tests need
exactly that starting point: it is built once per run (`template_db`) and every test gets its
own copy of the file, opened through `pipelines.db.connect` as the product opens any file.

Generated-input tests run under a Hypothesis profile chosen by `HYPOTHESIS_PROFILE`: `ci` (the
default, used by `make test`) or `deep` (`make test-deep`, the full counts the README promises).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pytest
from hypothesis import HealthCheck, settings

from pipelines.athletes import ensure_athlete
from pipelines.db import connect
from pipelines.logbook import finish_session, log_sets, start_session

ROOT = Path(__file__).resolve().parents[1]
T = TypeVar("T")

# Tables a user's database holds; checksummed to prove a rejected write changed nothing.
USER_TABLES = (
    "athletes",
    "bodyweights",
    "sessions",
    "sets",
    "exercises",
    "exercise_muscles",
    "exercise_aliases",
    "workout_templates",
    "template_items",
)


# Examples per generated-input property: `ci` keeps `make test` quick, `deep` is the full run.
EXAMPLES = {"ci": 25, "deep": 500}
for _name, _count in EXAMPLES.items():
    settings.register_profile(
        _name,
        max_examples=_count,
        deadline=None,  # a busy machine makes single examples slow; speed is the benchmark's job
        suppress_health_check=[HealthCheck.too_slow],
        print_blob=True,  # a failure prints the line that replays it
    )
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)


def by_profile(ci: T, deep: T) -> T:
    """A count for a repetitive test: the smaller one for `make test`, the larger when deep."""
    return deep if PROFILE == "deep" else ci


# The size of the large generated logs the browser speed tests and the big import use: a
# million under `make test-deep`; 50,000 in `make test`, enough to show the paths work at size
# (the benchmark times 1M and judges the targets).
LARGE_LOG = by_profile(50_000, 1_000_000)


def examples(share: float) -> int:
    """A share of the profile's example count, for a property whose examples are costly."""
    return max(1, round(EXAMPLES[PROFILE] * share))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests first: they take longest and mostly wait, so parallel workers start them
    early and fill the waits with the quick tests (the order within each kind is kept)."""
    e2e = ROOT / "tests" / "e2e"
    items.sort(key=lambda item: 0 if Path(str(item.fspath)).is_relative_to(e2e) else 1)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file migrated and loaded with the catalog once for the run; never written."""
    path = tmp_path_factory.mktemp("template") / "liftboard.duckdb"
    connection = connect(path)
    connection.execute("checkpoint")  # everything in the one file, so a copy is complete
    connection.close()
    return path


@contextlib.contextmanager
def copy_of(template: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a private copy of `template`, deleted again afterwards."""
    with tempfile.TemporaryDirectory(prefix="liftboard-test-") as folder:
        path = Path(folder) / "liftboard.duckdb"
        shutil.copyfile(template, path)
        connection = connect(path)
        try:
            yield connection
        finally:
            connection.close()


@pytest.fixture
def con(template_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh Liftboard database of its own, migrated and loaded with the catalog."""
    with copy_of(template_db) as connection:
        yield connection


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
        [
            sys.executable,
            "-c",
            f"import duckdb, sys; c = duckdb.connect({str(path)!r}); print('ready', flush=True); "
            "sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "ready"
        yield path
    finally:
        holder.communicate("")


def liftboard_in_process(*args: str) -> subprocess.CompletedProcess[str]:
    """`liftboard ARGS` run inside this process: the installed program's own `main`, parser and
    commands, without starting Python again; its output and exit code as a subprocess gives
    them. Tests of what the commands do use it; the program itself, its exit codes and streams,
    is tested as a subprocess elsewhere (tests/unit/test_cli.py, test_serve.py)."""
    from dashboard.cli import main

    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as stop:  # argparse's own refusal
            code = stop.code if isinstance(stop.code, int) else 2
    texts = []
    for stream in (out, err):
        stream.flush()
        assert isinstance(stream.buffer, io.BytesIO)
        texts.append(stream.buffer.getvalue().decode("utf-8"))
    return subprocess.CompletedProcess(list(args), code, texts[0], texts[1])


@pytest.fixture
def liftboard_here() -> Callable[..., subprocess.CompletedProcess[str]]:
    """`liftboard_in_process` as a fixture, for the tests of many bad inputs."""
    return liftboard_in_process
