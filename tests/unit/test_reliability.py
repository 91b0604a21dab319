"""Nothing is lost: concurrent writers, a full disk, a read-only file, the default bind address."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipelines.athletes import ensure_athlete
from pipelines.cli import build_parser
from pipelines.cli.serve import server_command
from pipelines.db import connect
from pipelines.errors import DatabaseUnavailableError, LiftboardError
from pipelines.logbook import log_sets, start_session
from tests.conftest import by_profile, snapshot

# Sets each thread logs: enough to interleave every step of a write under `make test`, and the
# README's 250 under `make test-deep`.
PER_THREAD = by_profile(ci=60, deep=250)


def test_eight_threads_logging_through_one_connection_lose_nothing(db_file):
    con = connect(db_file)  # the dashboard shares one connection; every call takes a cursor
    athlete = ensure_athlete(con, "Sam")
    sessions = [start_session(con, athlete, f"2026-11-{d:02d} 07:00") for d in range(1, 9)]
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def worker(session_id: int) -> None:
        start.wait()
        try:
            for n in range(PER_THREAD):
                log_sets(
                    con,
                    session_id,
                    [{"exercise": "Pullups", "reps": 1 + n % 20, "notes": f"{session_id}-{n}"}],
                )[0]
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(s,)) for s in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert con.execute("select count(*), count(distinct notes) from sets").fetchone() == (
        8 * PER_THREAD,
        8 * PER_THREAD,
    )
    per_session = con.execute("select count(*) from sets group by session_id").fetchall()
    assert sorted(r[0] for r in per_session) == [PER_THREAD] * 8
    con.close()


@contextlib.contextmanager
def tiny_filesystem(where: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` mounted at `where` (needs root, as CI has)."""
    where.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tiny filesystem needs root; run the suite as root (as CI does)")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"this machine does not allow mounting a tmpfs: {done.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_a_full_disk_gives_a_sentence_and_keeps_what_was_there(tmp_path):
    with tiny_filesystem(tmp_path / "disk", "16m") as disk:
        path = disk / "full.duckdb"
        con = connect(path)
        athlete = ensure_athlete(con, "Sam")
        session = start_session(con, athlete, "2026-11-02 07:00")
        log_sets(con, session, [{"exercise": "Pullups", "reps": 5}])[0]
        con.close()
        filler = disk / "filler"
        free = shutil.disk_usage(disk).free
        filler.write_bytes(b"\0" * max(free - 4096, 0))
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pipelines.cli",
                "log",
                "--db",
                str(path),
                "--date",
                "2026-11-02",
                "--exercise",
                "Pullups",
                "--reps",
                "6",
                "--notes",
                "x" * 19000,
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        assert "full" in done.stderr or "could not" in done.stderr.lower()
        filler.unlink()
        again = connect(path)
        assert again.execute("select reps from sets").fetchall() == [(5,)]
        again.close()


def test_a_read_only_database_gives_a_sentence_and_stays_unchanged(tmp_path):
    with tiny_filesystem(tmp_path / "ro", "64m") as disk:
        path = disk / "ro.duckdb"
        con = connect(path)
        ensure_athlete(con, "Sam")
        before = snapshot(con)
        con.close()
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        with pytest.raises((DatabaseUnavailableError, LiftboardError)) as caught:
            connect(path)
        assert "Traceback" not in str(caught.value)
        assert str(caught.value).endswith(".")
        subprocess.run(["mount", "-o", "remount,rw", str(disk)], check=True)
        after = connect(path)
        assert snapshot(after) == before
        after.close()


def test_serve_binds_this_computer_only_by_default():
    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1"
    command = server_command("liftboard.duckdb", args.host, args.port)
    assert command[command.index("--host") + 1] == "127.0.0.1"
