"""`liftboard bench`: the performance benchmark (a temporary database; yours is untouched).

It times the pipelines and the dashboard, so it lives on the dashboard's side of the layers and
joins the command line through `dashboard/cli.py`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipelines.bench import (
    DEFAULT_SETS,
    MEASURE_MODULES,
    MIN_RUNS,
    render_table,
    run_benchmark,
)
from pipelines.errors import LiftboardError

# The dashboard's measure modules (Streamlit is imported only as their measures run).
DASHBOARD_MEASURES = ("dashboard.bench", "dashboard.views_bench", "dashboard.serve_bench")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `bench` subcommand."""
    parser = sub.add_parser(
        "bench",
        help="time the weekly volume and logging on a generated log",
        description="Generate a realistic log of N sets in a temporary database, time the "
        "project's weekly volume against a bare DuckDB query and a naive pandas one, logging one "
        "set and one athlete's last 12 weeks, and measure peak memory. Prints a table, then one "
        "line of JSON.",
    )
    parser.add_argument(
        "--sets",
        type=int,
        default=DEFAULT_SETS,
        help=f"sets to generate (default {DEFAULT_SETS:,})",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=MIN_RUNS,
        help=f"timed runs per figure, median taken (>= {MIN_RUNS})",
    )
    parser.add_argument(
        "--workdir", metavar="DIR", help="where the temporary database goes (default: the system's)"
    )
    parser.add_argument(
        "--only",
        metavar="KEYS",
        help="run only these measures, by their JSON keys, comma-separated (e.g. log_one_ms)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the benchmark and print the table and the JSON line."""
    if not 1 <= args.sets <= 100_000_000:
        raise LiftboardError(f"--sets must be from 1 to 100,000,000, not {args.sets:,}.")
    if args.runs < MIN_RUNS:
        raise LiftboardError(f"--runs must be at least {MIN_RUNS}, not {args.runs}.")
    workdir = Path(args.workdir).expanduser() if args.workdir else None
    if workdir is not None and not workdir.is_dir():
        raise LiftboardError(f"The folder {workdir} does not exist.")
    only = frozenset(k.strip() for k in args.only.split(",") if k.strip()) if args.only else None
    results = run_benchmark(
        args.sets,
        runs=args.runs,
        workdir=workdir,
        progress=lambda text: print(text, file=sys.stderr, flush=True),
        modules=(*MEASURE_MODULES, *DASHBOARD_MEASURES),
        only=only,
    )
    print(render_table(results))
    print(json.dumps(results))
    return 0
