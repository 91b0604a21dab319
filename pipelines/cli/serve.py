"""`liftboard serve`: start the dashboard.

The checks that can fail with a sentence run here (address and password, port, database);
then this process becomes the dashboard server (`exec`, same process id), so stopping the id
`liftboard serve` printed stops the server: no child is left behind.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from pathlib import Path

from pipelines import access, live
from pipelines.cli import add_db_option
from pipelines.db import ENV_DB, connect
from pipelines.demo import write_demo
from pipelines.errors import LiftboardError
from pipelines.logbook import has_sessions

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "dashboard" / "streamlit_app.py"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `serve` subcommand."""
    parser = sub.add_parser("serve", help="start the dashboard", description="Start the dashboard.")
    add_db_option(parser)
    parser.add_argument("--port", type=int, default=8501, help="port (default 8501)")
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to bind (default 127.0.0.1: this computer only). Any other address "
        "needs a password (LIFTBOARD_PASSWORD or LIFTBOARD_PASSWORD_FILE); see the README",
    )
    parser.add_argument(
        "--demo-if-empty",
        action="store_true",
        help="write the demo log first when the database holds no sessions yet",
    )
    parser.set_defaults(func=run)


def server_command(db: str, host: str, port: int) -> list[str]:
    """The command line of the dashboard server for database `db` on `host:port`."""
    return [
        sys.executable,
        "-m",
        "dashboard.server",
        "--db",
        db,
        "--host",
        host,
        "--port",
        str(port),
    ]


def check_address(host: str) -> None:
    """Refuse an address other machines can reach unless a password is configured.

    Raises:
        LiftboardError: `host` is not a loopback address and no password is set.
    """
    if access.is_loopback(host):
        return
    if access.read_password_hash(secret_files=access.secrets_files(ROOT)) is None:
        raise LiftboardError(
            f"Refusing to listen on {host} without a password: anyone who can reach that "
            "address could read and change your log. Set one first, e.g. "
            f"`export {access.ENV_PASSWORD_FILE}=~/.config/liftboard/password` (a file holding "
            f"the password) or `{access.ENV_PASSWORD}=...`, then start again; the README's "
            '"Reach it from your phone" says how, and how to add HTTPS.'
        )


def check_port(host: str, port: int) -> None:
    """Refuse a port another program listens on, with a sentence.

    Raises:
        LiftboardError: the port is taken (or the address is not one of this computer's).
    """
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as exc:
        if isinstance(exc, socket.gaierror) or exc.errno == 99:  # EADDRNOTAVAIL
            raise LiftboardError(
                f"{host} is not an address of this computer; use 127.0.0.1, 0.0.0.0 or one "
                "of its own addresses with --host."
            ) from None
        raise LiftboardError(
            f"Port {port} on {host} is already in use (another Liftboard or another "
            "program); stop that one, or choose another port with --port."
        ) from None


def run(args: argparse.Namespace) -> int:
    """Check, prepare the database, then become the dashboard server."""
    db = live.absolute_db_path(args.db)
    check_address(args.host)
    if live.is_serving(db):
        raise LiftboardError(
            f"A Liftboard dashboard is already running on {db}; open that one in the browser, "
            "or stop it before starting another."
        )
    check_port(args.host, args.port)
    con = connect(db)  # create and migrate first, so a bad path is a sentence here
    try:
        if args.demo_if_empty and not has_sessions(con):
            sessions, sets = write_demo(con)
            print(f"Empty database: wrote a demo log of {sessions} sessions and {sets} sets.")
    finally:
        con.close()
    where = (
        f"every address of this computer, port {args.port} (http://127.0.0.1:{args.port} here)"
        if args.host in ("0.0.0.0", "::")  # noqa: S104 - a comparison, not a bind
        else f"http://{args.host}:{args.port}"
    )
    print(
        f"Liftboard on {where} with database {db} (process {os.getpid()}; Ctrl-C stops it)",
        flush=True,
    )
    os.environ[ENV_DB] = db
    os.chdir(ROOT)  # Streamlit reads .streamlit/config.toml from here
    sys.stdout.flush()
    sys.stderr.flush()
    command = server_command(db, args.host, args.port)
    os.execv(command[0], command)  # noqa: S606 - fixed argv; replaces this process
