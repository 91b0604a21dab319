"""The running dashboard's one connection, and the local channel the command line uses beside it.

DuckDB lets one process at a time open a database file for writing. While `liftboard serve`
runs, its process holds the file; a `liftboard` command started meanwhile does not open the
file itself but hands its command line to the server over a Unix socket, and the server runs
it on its own connection, in a thread of its own, sending the output back as it comes. The
command's result is the same as if it had run alone; the dashboard keeps its connection and
its warm cache, so a page rerun pays nothing for this.

On Linux the socket has a name in the abstract namespace (`liftboard-<uid>-<hash of the
database path>`): no file to clean up, and the same for a cron job as for a desktop session.
The server checks that the peer runs as the same user (SO_PEERCRED) before it reads a byte,
and closes the connection otherwise. Elsewhere the socket is a file of mode 0600 in a folder
only the user can enter (`$XDG_RUNTIME_DIR/liftboard`, else `/tmp/liftboard-<uid>`, 0700).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import stat
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import duckdb

from pipelines.db import connect, resolve_db_path
from pipelines.errors import DatabaseUnavailableError, LiftboardError

# Commands that never go to the server: it runs them itself (`serve`), they do not touch the
# database (`bench`), or they replace the file and need the server stopped (`restore`).
LOCAL_ONLY = frozenset({"serve", "bench", "restore"})
OPEN_WAIT_S = 5.0  # how long the server waits for a command-line run to release the file
_FRAME = struct.Struct("!cI")


def absolute_db_path(path: str | os.PathLike[str] | None = None) -> str:
    """The database file as an absolute path (`:memory:` stays as it is)."""
    chosen = resolve_db_path(path)
    return chosen if chosen == ":memory:" else str(Path(chosen).absolute())


# --- the server's connection ----------------------------------------------------------------

_shared: dict[str, duckdb.DuckDBPyConnection] = {}
_shared_lock = threading.Lock()


def hold(path: str | os.PathLike[str]) -> duckdb.DuckDBPyConnection:
    """Open the database for this process's lifetime: the server calls this as it starts.

    From then on `shared_connection` returns this connection, and commands handed over by
    `liftboard` run on the same open database.
    """
    target = absolute_db_path(path)
    with _shared_lock:
        if target not in _shared:
            _shared[target] = _open_waiting(target)
        return _shared[target]


def shared_connection(path: str | os.PathLike[str] | None = None) -> duckdb.DuckDBPyConnection:
    """The held connection to the database when this process serves it, else a new one.

    Raises:
        DatabaseUnavailableError: the file stayed held by another program, or cannot be opened.
    """
    target = absolute_db_path(path)
    with _shared_lock:
        held = _shared.get(target)
    return held if held is not None else _open_waiting(target)


def _open_waiting(target: str) -> duckdb.DuckDBPyConnection:
    """Open the database; while a command-line run holds it, wait up to `OPEN_WAIT_S`."""
    deadline = time.monotonic() + OPEN_WAIT_S
    while True:
        try:
            return connect(target)
        except DatabaseUnavailableError as exc:
            if "in use" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def close_shared() -> None:
    """Close the shared connections (the server is stopping)."""
    with _shared_lock:
        for con in _shared.values():
            with contextlib.suppress(duckdb.Error):
                con.close()
        _shared.clear()


# --- where the socket lives -----------------------------------------------------------------


def runtime_dir() -> Path:
    """The user's private folder for sockets, created with mode 0700 when missing."""
    base = os.environ.get("XDG_RUNTIME_DIR")
    folder = Path(base) / "liftboard" if base else Path(f"/tmp/liftboard-{os.getuid()}")  # noqa: S108 - checked below
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = folder.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise LiftboardError(
            f"The folder {folder} is not private to this user; remove it so Liftboard can "
            "make its own."
        )
    return folder


def socket_address(db: str) -> str:
    """The address a server on database `db` listens on (one per user and database file).

    On Linux a name in the abstract namespace: no file that a cleaner can remove or a crash can
    leave behind, the same for cron and a desktop session. Elsewhere a file in `runtime_dir`.
    """
    key = hashlib.sha256(os.path.realpath(db).encode()).hexdigest()[:24]
    if sys.platform.startswith("linux"):
        return f"\0liftboard-{os.getuid()}-{key}"
    return str(runtime_dir() / f"{key}.sock")


def _dial(db: str, timeout: float = 1.0) -> socket.socket | None:
    """A connection to the server of `db`, or None when none is running."""
    if db == ":memory:":
        return None
    try:
        address = socket_address(db)
    except (OSError, LiftboardError):
        return None
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(address)
    except OSError:
        sock.close()
        return None
    sock.settimeout(None)
    return sock


def is_serving(db: str | os.PathLike[str] | None = None) -> bool:
    """True when a running `liftboard serve` has database `db` open."""
    sock = _dial(absolute_db_path(db))
    if sock is None:
        return False
    with sock:
        _send_json(sock, {"ping": True})
    return True


# --- the command-line side ------------------------------------------------------------------


def _command_and_db(argv: Sequence[str]) -> tuple[str | None, str | None]:
    """The subcommand and the `--db` value, read without building the full parser."""
    command = db = None
    items = list(argv)
    for index, item in enumerate(items):
        if item in ("-h", "--help"):
            return None, None
        if item == "--db" and index + 1 < len(items):
            db = items[index + 1]
        elif item.startswith("--db="):
            db = item.split("=", 1)[1]
        elif command is None and not item.startswith("-"):
            command = item
    return command, db


def relay(argv: Sequence[str]) -> int | None:
    """Run `argv` in the server that has its database open; None when there is none.

    The output arrives as the server writes it; the return value is the exit status.
    """
    command, db = _command_and_db(argv)
    if command is None or command in LOCAL_ONLY:
        return None
    target = absolute_db_path(db)
    sock = _dial(target)
    if sock is None:
        return None
    with sock:
        _send_json(sock, {"argv": list(argv), "cwd": str(Path.cwd()), "db": target})
        return _receive(sock)


def _receive(sock: socket.socket) -> int:
    reader = sock.makefile("rb")
    outputs = {b"o": sys.stdout, b"e": sys.stderr}
    while True:
        head = reader.read(_FRAME.size)
        if len(head) < _FRAME.size:
            print("liftboard: the dashboard stopped before the command finished.", file=sys.stderr)
            return 1
        kind, size = _FRAME.unpack(head)
        payload = reader.read(size)
        if kind == b"x":
            return int(payload.decode())
        stream = outputs.get(kind, sys.stderr)
        stream.flush()
        stream.buffer.write(payload)
        stream.buffer.flush()


def _send_json(sock: socket.socket, message: dict[str, Any]) -> None:
    sock.sendall(json.dumps(message).encode() + b"\n")


# --- the server side ------------------------------------------------------------------------


class _Output:
    """A text stream that sends what is written as frames of one kind over a socket."""

    def __init__(self, sock: socket.socket, kind: bytes) -> None:
        self._sock = sock
        self._kind = kind
        self.buffer = self  # `sys.stdout.buffer.write(bytes)` lands here too
        self.encoding = "utf-8"

    def write(self, data: str | bytes) -> int:
        payload = data.encode() if isinstance(data, str) else bytes(data)
        if payload:
            with contextlib.suppress(OSError):  # the command line went away; finish anyway
                self._sock.sendall(_FRAME.pack(self._kind, len(payload)) + payload)
        return len(data)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


class _ThreadStreams:
    """Stands in for sys.stdout/sys.stderr: a relayed command's thread writes to its socket."""

    def __init__(self, original: IO[str], local: threading.local, name: str) -> None:
        self._original = original
        self._local = local
        self._name = name

    def _target(self) -> Any:
        return getattr(self._local, self._name, None) or self._original

    def write(self, data: str) -> int:
        return int(self._target().write(data))

    def flush(self) -> None:
        self._target().flush()

    @property
    def buffer(self) -> Any:
        return self._target().buffer

    def __getattr__(self, name: str) -> Any:
        return getattr(self._original, name)


_streams = threading.local()


@contextlib.contextmanager
def _routed_output(sock: socket.socket) -> Iterator[None]:
    if not isinstance(sys.stdout, _ThreadStreams):
        sys.stdout = _ThreadStreams(sys.stdout, _streams, "stdout")
    if not isinstance(sys.stderr, _ThreadStreams):
        sys.stderr = _ThreadStreams(sys.stderr, _streams, "stderr")
    _streams.stdout, _streams.stderr = _Output(sock, b"o"), _Output(sock, b"e")
    try:
        yield
    finally:
        _streams.stdout = _streams.stderr = None


Runner = Callable[[list[str], str, str], int]


class CommandListener:
    """Listens on the database's socket and runs each command it receives with `run`.

    `run(argv, cwd, db)` returns the exit status; it runs in a thread per command.
    """

    def __init__(self, db: str, run: Runner) -> None:
        self.db = absolute_db_path(db)
        self.address = socket_address(self.db)
        self._run = run
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._inode = -1
        self._thread = threading.Thread(target=self._accept, name="liftboard-cli", daemon=True)

    def start(self) -> None:
        """Bind the socket (a file one: mode 0600) and start answering."""
        on_disk = not self.address.startswith("\0")
        if on_disk:
            with contextlib.suppress(FileNotFoundError):
                Path(self.address).unlink()  # left by a server that did not stop cleanly
        old = os.umask(0o177)
        try:
            self._sock.bind(self.address)
        finally:
            os.umask(old)
        if on_disk:
            self._inode = Path(self.address).stat().st_ino
        self._sock.listen(16)
        self._thread.start()

    def stop(self) -> None:
        """Stop answering (and remove a socket file)."""
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)  # wakes the waiting accept, which lets go
        with contextlib.suppress(OSError):
            self._sock.close()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        if self.address.startswith("\0"):
            return  # an abstract name goes away with the socket
        with contextlib.suppress(OSError):
            if Path(self.address).stat().st_ino == self._inode:  # not a newer server's file
                Path(self.address).unlink()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            if not _same_user(conn):
                return
            line = conn.makefile("rb").readline(1_000_000)
            try:
                request = json.loads(line)
            except ValueError:
                return
            if request.get("ping") or not isinstance(request.get("argv"), list):
                return
            with _routed_output(conn):
                try:
                    status = self._run(
                        [str(a) for a in request["argv"]], str(request["cwd"]), self.db
                    )
                except Exception as exc:  # a sentence, never a traceback
                    print(f"liftboard: stopped on an unexpected problem ({exc}).", file=sys.stderr)
                    status = 1
            with contextlib.suppress(OSError):
                conn.sendall(_FRAME.pack(b"x", len(str(status))) + str(status).encode())


def _same_user(conn: socket.socket) -> bool:
    if not hasattr(socket, "SO_PEERCRED"):
        return True  # not Linux: the folder's 0700 and the socket's 0600 are the guard
    creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _, uid, _ = struct.unpack("3i", creds)
    return bool(uid == os.getuid())
