"""The `liftboard` command: one subcommand per module, all over the `pipelines` functions.

Exit status: 0 on success, 2 on rejected input (a sentence on stderr), 1 on an unexpected failure.

While `liftboard serve` has the database open, `main` hands the command line to that server
(`pipelines/live.py`), which runs the same command on its own connection; every command that
takes `--db` works beside the dashboard without doing anything for it. Arguments that name
files (`--db`, `--out`, a positional `file`, or any argument whose metavar is PATH, FILE or
DIR) are read relative to the directory the command was started in.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from pipelines import live
from pipelines.errors import DatabaseUnavailableError, LiftboardError

PATH_DESTS = frozenset({"db", "out", "file", "workdir"})
PATH_METAVARS = frozenset({"PATH", "FILE", "DIR"})
RELAY_WAIT_S = 3.0  # a server that holds the file may still be opening its command socket

# The subcommands, in the order `liftboard --help` lists them: each is a module of this package
# that defines `register(subparsers)` and calls `pipelines` functions, never SQL of its own.
# The installed `liftboard` (`dashboard/cli.py`) adds `bench`, which also times the dashboard.
COMMANDS = (
    "serve",
    "log",
    "import_",
    "export",
    "backup",
    "restore",
    "demo",
    "bodyweight",
    "landmarks",
    "athlete",
    "suggest",
    "review",
)


def command_modules() -> list[str]:
    """The subcommand modules of this package, as listed in `COMMANDS`."""
    return list(COMMANDS)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one sentence with a hint, and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message[0].upper()}{message[1:]}. See {self.prog} --help.\n")


def build_parser(extra: Sequence[ModuleType] = ()) -> argparse.ArgumentParser:
    """The `liftboard` argument parser: the `COMMANDS`, then the `extra` command modules."""
    parser = _Parser(
        prog="liftboard",
        description="Liftboard: log strength training, see weekly volume per muscle group.",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name in command_modules():
        importlib.import_module(f"pipelines.cli.{name}").register(sub)
    for module in extra:
        module.register(sub)
    return parser


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """The `--db PATH` option every command takes."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="database file (default: $LIFTBOARD_DB, "
        "else ~/.local/share/liftboard/liftboard.duckdb)",
    )


def main(argv: Sequence[str] | None = None, extra: Sequence[ModuleType] = ()) -> int:
    """Run the command line (with the `extra` command modules); return the exit status.

    When a running dashboard has the database open, the command runs there (see the module doc).
    """
    words = list(sys.argv[1:] if argv is None else argv)
    relayed = live.relay(words)
    if relayed is not None:
        return relayed
    args = build_parser(extra).parse_args(words)
    try:
        return _run(args)
    except DatabaseUnavailableError as exc:
        relayed = _relay_once_serving(words, args, exc)
        if relayed is not None:
            return relayed
        print(f"liftboard {args.command}: {exc}", file=sys.stderr)
        return 2


def run_relayed(argv: list[str], cwd: str, db: str) -> int:
    """Run a command line handed over by `liftboard` started in `cwd`, on database `db`.

    The server of `db` calls this; output goes to `sys.stdout`/`sys.stderr` as usual.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # a usage mistake: argparse has said so on stderr
        return exc.code if isinstance(exc.code, int) else 2
    _paths_from(parser, args, cwd)
    args.db = db
    try:
        return _run(args)
    except DatabaseUnavailableError as exc:
        print(f"liftboard {args.command}: {exc}", file=sys.stderr)
        return 2


def _relay_once_serving(
    words: list[str], args: argparse.Namespace, exc: DatabaseUnavailableError
) -> int | None:
    """Hand the command to a server that took the file just now, if one did."""
    if args.command in live.LOCAL_ONLY or "in use" not in str(exc):
        return None
    deadline = time.monotonic() + RELAY_WAIT_S
    while time.monotonic() < deadline:
        if live.is_serving(args.db):
            return live.relay(words)
        time.sleep(0.05)
    return None


def _paths_from(parser: argparse.ArgumentParser, args: argparse.Namespace, cwd: str) -> None:
    """Make the file arguments of `args` absolute, relative to `cwd`."""
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for action in commands.choices[args.command]._actions:
        if action.dest not in PATH_DESTS and action.metavar not in PATH_METAVARS:
            continue
        value = getattr(args, action.dest, None)
        if isinstance(value, str) and value != "-":
            setattr(args, action.dest, str(Path(cwd) / Path(value).expanduser()))


def _run(args: argparse.Namespace) -> int:
    """Run the parsed command; a failure becomes a sentence on stderr and an exit status.

    Raises:
        DatabaseUnavailableError: the database could not be opened (the caller decides).
    """
    try:
        status: int = args.func(args)
    except DatabaseUnavailableError:
        raise
    except LiftboardError as exc:
        print(f"liftboard {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"liftboard {args.command}: interrupted.", file=sys.stderr)
        return 1
    except Exception as exc:  # the last line of defence: a sentence, never a traceback
        print(
            f"liftboard {args.command}: stopped on an unexpected problem "
            f"({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'no details'}).",
            file=sys.stderr,
        )
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
