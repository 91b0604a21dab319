"""The performance benchmark behind `liftboard bench`.

One run generates a realistic log of N sets into a temporary database (about 400 athletes over
five years: catalog exercises, warm-ups, bodyweight, assisted and timed sets, sessions with and
without a logged bodyweight), then times each registered measure and prints a table and, last,
one line of JSON.

Measures live in a registry: a function decorated with `@measure(key, label, unit, target)`
takes the `BenchContext` and returns its number, which lands in the JSON under `key` (in
registration order). Add a measure by decorating a function in any module that
`MEASURE_MODULES` lists; nothing else changes.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from pipelines import volume_cache
from pipelines.db import connect, read_sql
from pipelines.errors import LiftboardError
from pipelines.writes import write

DEFAULT_SETS = 1_000_000
MIN_RUNS = 3
LOG_ONE_RUNS = 50
ATHLETE_RUNS = 20
YEARS_DAYS = 1826
SETS_PER_SESSION = 24
MAX_ATHLETES = 400
SETS_PER_ATHLETE_MIN = 2_000
# Modules whose @measure functions join the benchmark, in this order. The dashboard adds its
# own (`dashboard/bench_command.py`): this package never imports the dashboard.
MEASURE_MODULES = (
    "pipelines.bench",
    "pipelines.importers.bench_measures",
    "pipelines.insights_bench",
)


@dataclass(frozen=True)
class Generated:
    """What the generator wrote."""

    athletes: int
    sessions: int
    sets: int
    seconds: float


@dataclass
class BenchContext:
    """Shared state of one benchmark run: the database, its size, and the results so far."""

    db_path: Path
    workdir: Path
    sets: int
    runs: int
    generated: Generated
    results: dict[str, float] = field(default_factory=dict)
    _con: duckdb.DuckDBPyConnection | None = None

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The project's connection to the benchmark database (opened on first use)."""
        if self._con is None:
            self._con = connect(self.db_path)
        return self._con

    def close(self) -> None:
        """Close the shared connection, e.g. before a child process opens the file."""
        if self._con is not None:
            self._con.close()
            self._con = None


@dataclass(frozen=True)
class Measure:
    """One benchmark figure: its JSON key, table label, unit and target (for N = 10M)."""

    key: str
    label: str
    unit: str
    target: str
    run: Callable[[BenchContext], float]


MEASURES: list[Measure] = []


def measure(
    key: str, label: str, unit: str, target: str = ""
) -> Callable[[Callable[[BenchContext], float]], Callable[[BenchContext], float]]:
    """Register a benchmark measure (see the module notes)."""

    def register(func: Callable[[BenchContext], float]) -> Callable[[BenchContext], float]:
        if any(m.key == key for m in MEASURES):
            raise ValueError(f"a benchmark measure {key!r} is already registered")
        MEASURES.append(Measure(key, label, unit, target, func))
        return func

    return register


# --- helpers for measures --------------------------------------------------------------------


def median_seconds(func: Callable[[], object], runs: int) -> float:
    """The median wall time of `runs` calls of `func`, in seconds."""
    times = []
    for _ in range(max(1, runs)):
        began = time.perf_counter()
        func()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def peak_rss_in_child(target: str, *args: str) -> float:
    """Run `module:function(*args)` in a fresh Python process; return its peak RSS in MB.

    The child's peak resident set (VmHWM) includes the interpreter and its imports, as a real
    process would.
    """
    module, function = target.split(":")
    code = (
        "import json, sys, importlib\n"
        f"getattr(importlib.import_module({module!r}), {function!r})(*sys.argv[1:])\n"
        "from pipelines.bench import own_peak_rss_mb\n"
        "print(json.dumps({'peak_rss_mb': own_peak_rss_mb()}))\n"
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter running our own module
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"the child process failed: {done.stderr.strip().splitlines()[-1:]}")
    return float(json.loads(done.stdout.strip().splitlines()[-1])["peak_rss_mb"])


def own_peak_rss_mb() -> float:
    """This process's peak resident set size in MB (VmHWM; ru_maxrss where /proc is missing)."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource  # not on Windows; only reached where /proc is missing

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- the generator ---------------------------------------------------------------------------


def generate(
    con: duckdb.DuckDBPyConnection, n_sets: int, *, end: dt.date | None = None
) -> Generated:
    """Write a realistic log of exactly `n_sets` sets into an empty Liftboard database.

    About 400 athletes (fewer for small N: one per 2,000 sets) train over the five years up to
    `end`, about 24 sets a session (10 to 38), on three program days of catalog exercises each:
    warm-ups before weighted work, some failure and drop sets, bodyweight, weighted bodyweight,
    assisted and timed moves, RPE on a third of the sets, one athlete in four logging in pounds.
    One session in seven has no bodyweight of its own (the fortnightly readings stand in). All
    in DuckDB SQL (`pipelines/sql/bench/`), in one transaction.
    """
    if n_sets < 1:
        raise ValueError("the benchmark needs at least one set")
    began = time.perf_counter()
    athletes = max(1, min(MAX_ATHLETES, n_sets // SETS_PER_ATHLETE_MIN))
    sessions = max(1, n_sets // SETS_PER_SESSION)
    params = {
        "athletes": athletes,
        "sessions": sessions,
        "sets": n_sets,
        "end_day": end or dt.date.today(),
        "days": YEARS_DAYS,
    }
    cur = con.cursor()
    with _bulk_load(cur), write(con, "sets") as w:
        bulk = w.cur
        bulk.execute(read_sql("bench/bench_athletes"), {"athletes": athletes})
        bulk.execute(read_sql("bench/bench_session_plan"), params)
        bulk.execute(read_sql("bench/bench_sessions"))
        bulk.execute(
            read_sql("bench/bench_bodyweights"),
            {"days": YEARS_DAYS, "end_day": params["end_day"]},
        )
        bulk.execute(read_sql("bench/bench_sets"))
        # ids were given explicitly; move the sequence past them for later inserts
        bulk.execute("select max(nextval('session_id_seq')) from range(?)", [sessions]).fetchall()
        bulk.execute("drop table bench_session_plan")
        w.touch_everything()
    # Count the kept weekly volume cells now, as the first read after any bulk write would.
    if not volume_cache.refresh(con):
        raise RuntimeError("the weekly volume cells could not be counted")
    cur.execute("checkpoint")
    cur.close()
    return Generated(athletes, sessions, n_sets, time.perf_counter() - began)


# Secondary indexes are cheaper to build once after a bulk load than to update row by row.
_DEFERRED_INDEXES = (
    "sets_source_key",
    "sessions_source_key",
)


@contextmanager
def _bulk_load(cur: duckdb.DuckDBPyConnection) -> Iterator[None]:
    found = {
        str(name): str(sql)
        for name, sql in cur.execute(
            "select index_name, sql from duckdb_indexes() where list_contains(?, index_name)",
            [list(_DEFERRED_INDEXES)],
        ).fetchall()
    }
    for name in found:
        # The names come from the literal allow-list above.
        cur.execute(f"drop index {name}")
    try:
        yield
    finally:
        for sql in found.values():
            cur.execute(sql)


# --- the measures ----------------------------------------------------------------------------


def project_volume(path: str) -> None:
    """The project's path once: open the database and build every athlete's weekly volume."""
    from pipelines.weekly_volume import weekly_muscle_volume

    con = connect(path)
    weekly_muscle_volume(con)
    con.close()


@measure("volume_s", "(a) weekly volume, every athlete", "s", "<= 1.0 s")
def _volume(ctx: BenchContext) -> float:
    from pipelines.weekly_volume import weekly_muscle_volume

    return median_seconds(lambda: weekly_muscle_volume(ctx.con), ctx.runs)


@measure("bare_s", "(b) bare DuckDB join and aggregate", "s")
def _bare(ctx: BenchContext) -> float:
    sql = read_sql("bench/bare_weekly_volume")
    return median_seconds(lambda: ctx.con.cursor().sql(sql).df(), ctx.runs)


@measure("pandas_s", "(c) naive pandas: load, merge, groupby", "s")
def _pandas(ctx: BenchContext) -> float:
    return median_seconds(lambda: naive_pandas_volume(ctx.con), ctx.runs)


@measure("log_one_ms", "log one set (median of 50)", "ms", "<= 20 ms")
def _log_one(ctx: BenchContext) -> float:
    from pipelines.logbook import log_sets, start_session

    athlete = int(ctx.con.execute("select min(athlete_id) from athletes").fetchone()[0])  # type: ignore[index]
    session = start_session(ctx.con, athlete, dt.datetime.now().replace(microsecond=0))
    seconds = median_seconds(
        lambda: log_sets(
            ctx.con, session, [{"exercise": "Barbell_Full_Squat", "weight": 100, "reps": 5}]
        ),
        LOG_ONE_RUNS,
    )
    return seconds * 1000


@measure("athlete_12w_ms", "one athlete, last 12 weeks", "ms", "<= 50 ms")
def _athlete_12w(ctx: BenchContext) -> float:
    from pipelines.filters import week_of
    from pipelines.weekly_volume import weekly_muscle_volume

    today = dt.date.today()
    start = week_of(today) - dt.timedelta(weeks=11)
    athlete = int(ctx.con.execute("select max(athlete_id) from athletes").fetchone()[0])  # type: ignore[index]
    seconds = median_seconds(
        lambda: weekly_muscle_volume(ctx.con, athlete_id=athlete, start=start, end=today),
        ATHLETE_RUNS,
    )
    return seconds * 1000


@measure("peak_rss_mb", "peak RSS of the project path (own process)", "MB", "<= 1536 MB")
def _peak_rss(ctx: BenchContext) -> float:
    ctx.close()
    return peak_rss_in_child("pipelines.bench:project_volume", str(ctx.db_path))


@measure("volume_after_log_s", "(a) again, right after logging one set", "s")
def _volume_after_log(ctx: BenchContext) -> float:
    """(a) when a write has just marked a week: the read recounts that week first."""
    from pipelines.logbook import log_sets, start_session
    from pipelines.weekly_volume import weekly_muscle_volume

    athlete = int(ctx.con.execute("select max(athlete_id) from athletes").fetchone()[0])  # type: ignore[index]
    session = start_session(ctx.con, athlete, dt.datetime.now().replace(microsecond=0))
    times = []
    for _ in range(ctx.runs):
        log_sets(ctx.con, session, [{"exercise": "Pullups", "reps": 8}])
        times.append(median_seconds(lambda: weekly_muscle_volume(ctx.con), 1))
    return statistics.median(times)


# The order the measures run in: the memory probe first, while nothing else is loaded; the
# pandas baseline last, so its memory cannot slow the others.
_RUN_ORDER = (
    "peak_rss_mb",
    "volume_s",
    "bare_s",
    "log_one_ms",
    "volume_after_log_s",
    "athlete_12w_ms",
    "pandas_s",
)


def naive_pandas_volume(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The weekly volume the way pandas dashboards do it: load whole tables, merge, group.

    The same numbers as (a), without the empty weeks.
    """
    cur = con.cursor()
    sets = cur.execute("select * from sets").df()
    sessions = cur.execute("select * from sessions").df()
    exercises = cur.execute("select * from exercises").df()
    mapping = cur.execute("select * from exercise_muscles").df()
    bodyweights = cur.execute("select * from bodyweights").df()
    cur.close()
    sessions["performed_on"] = sessions["started_at"].dt.normalize()
    readings = bodyweights.assign(measured_on=pd.to_datetime(bodyweights["measured_on"]))
    sessions = pd.merge_asof(
        sessions.sort_values("performed_on"),
        readings.sort_values("measured_on")[["athlete_id", "measured_on", "bodyweight_kg"]],
        left_on="performed_on",
        right_on="measured_on",
        by="athlete_id",
        suffixes=("", "_scale"),
    )
    sessions["bw"] = sessions["bodyweight_kg"].fillna(sessions["bodyweight_kg_scale"])
    sessions["week_start"] = sessions["performed_on"] - pd.to_timedelta(
        sessions["performed_on"].dt.day_of_week, unit="D"
    )
    work = sets[sets["set_type"] != "warmup"].merge(
        sessions[["session_id", "athlete_id", "week_start", "bw"]], on="session_id"
    )
    work = work.merge(
        exercises[["exercise_id", "load_type", "bodyweight_factor"]], on="exercise_id"
    )
    body = (work["bw"] * work["bodyweight_factor"]).fillna(0)
    added = work["weight_kg"].fillna(0)
    load = added.where(work["load_type"] == "weighted", 0.0)
    bodily = work["load_type"].isin(["bodyweight", "weighted_bodyweight"])
    load = load.where(~bodily, body + added)
    load = load.where(work["load_type"] != "assisted", (body - added).clip(lower=0))
    work["tonnage_kg"] = work["reps"] * load
    rows = work.merge(mapping, on="exercise_id")
    rows["share"] = (rows["role"] == "primary").map({True: 1.0, False: 0.5})
    rows["primary"] = rows["role"] == "primary"
    rows["hard_sets"] = rows["share"]
    for column in ("reps", "tonnage_kg", "duration_s"):
        rows[column] = rows[column].where(rows["primary"], 0)
    rows["direct_sets"] = rows["primary"].astype(int)
    return (
        rows.groupby(["athlete_id", "week_start", "muscle_group"])[
            ["hard_sets", "direct_sets", "reps", "tonnage_kg", "duration_s"]
        ]
        .sum()
        .reset_index()
    )


# --- running ---------------------------------------------------------------------------------


def run_benchmark(
    n_sets: int = DEFAULT_SETS,
    *,
    runs: int = MIN_RUNS,
    workdir: Path | None = None,
    progress: Callable[[str], None] | None = None,
    modules: Sequence[str] = MEASURE_MODULES,
    only: frozenset[str] | None = None,
) -> dict[str, Any]:
    """Generate the log, run the measures of `modules` and return the JSON-ready results.

    `only`, when given, names the measure keys to run; the others are left out.

    Returns:
        `{"sets": N, <measure key>: value, ...}` in registration order, with `generate_s`,
        `athletes` and `sessions` last.
    """
    say = progress or (lambda _text: None)
    for module in modules:
        importlib.import_module(module)
    chosen = [m for m in _ordered(MEASURES) if only is None or m.key in only]
    if only is not None and (unknown := only - {m.key for m in MEASURES}):
        raise LiftboardError(
            f"No benchmark measure is called {', '.join(sorted(unknown))}; the keys are "
            f"{', '.join(m.key for m in MEASURES)}."
        )
    with tempfile.TemporaryDirectory(prefix="liftboard-bench-", dir=workdir) as folder:
        path = Path(folder) / "bench.duckdb"
        con = connect(path)
        say(f"Generating {n_sets:,} sets ...")
        generated = generate(con, n_sets)
        con.close()
        say(
            f"Generated {generated.sets:,} sets in {generated.sessions:,} sessions of "
            f"{generated.athletes} athletes in {generated.seconds:.1f} s."
        )
        ctx = BenchContext(path, Path(folder), n_sets, max(MIN_RUNS, runs), generated)
        try:
            for item in chosen:
                say(f"Measuring {item.label} ...")
                ctx.results[item.key] = item.run(ctx)
        finally:
            ctx.close()
    ordered = {m.key: round(ctx.results[m.key], 4) for m in MEASURES if m.key in ctx.results}
    return {
        "sets": n_sets,
        **ordered,
        "generate_s": round(generated.seconds, 1),
        "athletes": generated.athletes,
        "sessions": generated.sessions,
    }


def _ordered(items: list[Measure]) -> list[Measure]:
    rank = {key: i for i, key in enumerate(_RUN_ORDER)}
    return sorted(items, key=lambda m: rank.get(m.key, len(rank)))


def render_table(results: dict[str, Any]) -> str:
    """The results as a readable table, with the ratios the targets speak of."""
    lines = [
        f"Liftboard benchmark: {results['sets']:,} sets, {results.get('athletes', '?')} athletes, "
        f"{results.get('sessions', 0):,} sessions (generated in {results.get('generate_s', 0)} s)",
        f"{'measure':<46} {'value':>12}   target (at 10M sets)",
    ]
    for item in MEASURES:
        value = results.get(item.key)
        if value is None:
            continue
        lines.append(f"{item.label:<46} {_number(value, item.unit):>12}   {item.target}")
        if item.key == "pandas_s" and results.get("volume_s"):
            ratio = value / results["volume_s"]
            lines.append(f"{'    c / a (pandas over project)':<46} {ratio:>10.1f} x   >= 8 x")
        if item.key == "bare_s" and value:
            ratio = results["volume_s"] / value
            lines.append(f"{'    a / b (project over floor)':<46} {ratio:>10.2f} x   <= 1.5 x")
    return "\n".join(lines)


def _number(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "MB":
        return f"{value:,.0f} MB"
    return f"{value:g} {unit}".strip() if not math.isnan(value) else "-"


def cpu_count() -> int:
    """How many CPUs this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
