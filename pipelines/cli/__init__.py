"""The `liftboard` command: one subcommand per module, all over the `pipelines` functions.

Exit status: 0 on success, 2 on rejected input (a sentence on stderr), 1 on an unexpected failure.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from pipelines.errors import LiftboardError

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
    """Run the command line (with the `extra` command modules); return the exit status."""
    args = build_parser(extra).parse_args(argv)
    try:
        status: int = args.func(args)
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
