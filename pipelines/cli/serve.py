"""`liftboard serve`: start the dashboard."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from pipelines.cli import add_db_option
from pipelines.db import connect, resolve_db_path
from pipelines.demo import write_demo
from pipelines.logbook import has_sessions

APP = Path(__file__).resolve().parents[2] / "dashboard" / "streamlit_app.py"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `serve` subcommand."""
    parser = sub.add_parser("serve", help="start the dashboard", description="Start the dashboard.")
    add_db_option(parser)
    parser.add_argument("--port", type=int, default=8501, help="port (default 8501)")
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to bind (default 127.0.0.1: this computer only; see the README before "
        "exposing it)",
    )
    parser.add_argument(
        "--demo-if-empty",
        action="store_true",
        help="write the demo log first when the database holds no sessions yet",
    )
    parser.set_defaults(func=run)


def streamlit_command(host: str, port: int) -> list[str]:
    """The Streamlit command line that serves the dashboard on `host:port`."""
    return [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.address", host, "--server.port", str(port),
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip


def run(args: argparse.Namespace) -> int:
    """Run Streamlit on the dashboard until interrupted."""
    db = resolve_db_path(args.db)
    con = connect(db)  # create and migrate first, so a bad path is a sentence here
    try:
        if args.demo_if_empty and not has_sessions(con):
            sessions, sets = write_demo(con)
            print(f"Empty database: wrote a demo log of {sessions} sessions and {sets} sets.")
    finally:
        con.close()
    env = os.environ | {"LIFTBOARD_DB": db}
    command = streamlit_command(args.host, args.port)
    print(f"Liftboard on http://{args.host}:{args.port} with database {db}", flush=True)
    try:
        return subprocess.call(command, env=env, cwd=APP.parents[1])  # noqa: S603 - fixed argv
    except KeyboardInterrupt:
        return 0
