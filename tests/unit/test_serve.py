"""`liftboard serve`: stops with its process, says why it will not start, and lets the command
line work on the same database while it runs.

Servers here are real (`liftboard serve` on a free port) and reached through 127.0.0.1 only.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from pipelines import live
from pipelines.cli import main
from pipelines.db import connect
from tests.conftest import ROOT, snapshot
from tests.e2e.conftest import Server, free_port, start_server, stop_server

IMPORTS = ROOT / "tests" / "fixtures" / "imports"


def liftboard(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `liftboard` as a user would, in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "pipelines.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=cwd,
        env={k: v for k, v in os.environ.items() if not k.startswith("LIFTBOARD_")},
    )


def port_closed(port: int) -> bool:
    """True when nothing accepts connections on 127.0.0.1:`port`."""
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


@pytest.fixture
def serving(tmp_path: Path) -> Iterator[Server]:
    """A running dashboard on a fresh database in `tmp_path`."""
    running = start_server(tmp_path / "live.duckdb", tmp_path / "server.log")
    yield running
    stop_server(running)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_to_the_serve_process_closes_the_port_and_leaves_no_child(tmp_path, stop):
    server = start_server(tmp_path / "live.duckdb", tmp_path / "server.log")
    port = int(server.url.rsplit(":", 1)[1])
    try:
        children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children")
        assert children.read_text().split() == []  # the server is this very process
        os.kill(server.process.pid, stop)  # the process id the user started, not its group
        server.process.wait(timeout=5)
        assert port_closed(port)
        assert not live.is_serving(server.db)
    finally:
        stop_server(server)


def test_a_port_in_use_is_a_sentence_not_a_traceback(tmp_path, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        status = main(["serve", "--db", str(tmp_path / "x.duckdb"), "--port", str(port)])
    err = capsys.readouterr().err
    assert status == 2
    assert f"Port {port} on 127.0.0.1 is already in use" in err
    assert "Traceback" not in err


def test_another_address_without_a_password_is_refused_with_how_to_set_one(
    tmp_path, capsys, monkeypatch
):
    monkeypatch.delenv("LIFTBOARD_PASSWORD", raising=False)
    monkeypatch.delenv("LIFTBOARD_PASSWORD_FILE", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    status = main(["serve", "--db", str(tmp_path / "x.duckdb"), "--host", "0.0.0.0"])
    err = capsys.readouterr().err
    assert status == 2
    assert "Refusing to listen on 0.0.0.0 without a password" in err
    assert "LIFTBOARD_PASSWORD_FILE" in err
    assert not (tmp_path / "x.duckdb").exists()  # refused before anything was created


def test_a_password_file_that_cannot_be_read_is_a_sentence(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("LIFTBOARD_PASSWORD", raising=False)
    monkeypatch.setenv("LIFTBOARD_PASSWORD_FILE", str(tmp_path / "missing"))
    status = main(["serve", "--db", str(tmp_path / "x.duckdb"), "--host", "0.0.0.0"])
    assert status == 2
    assert "cannot be read" in capsys.readouterr().err


def test_log_bodyweight_import_export_and_backup_work_while_the_dashboard_runs(serving, tmp_path):
    db = str(serving.db)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(IMPORTS / "hevy_kg.csv", elsewhere / "hevy.csv")
    logged = liftboard(
        "log",
        "--db",
        db,
        "--date",
        "2026-11-20",
        "--exercise",
        "Suitcase Deadlift",
        "--weight-kg",
        "20",
        "--reps",
        "10",
    )
    assert logged.returncode == 0, logged.stderr
    assert "Logged set 1" in logged.stdout
    weighed = liftboard("bodyweight", "--db", db, "--kg", "81.5", "--date", "2026-11-20")
    assert weighed.returncode == 0, weighed.stderr
    # File arguments are read where the command was typed, not where the server runs.
    imported = liftboard("import", "hevy.csv", "--db", db, cwd=elsewhere)
    assert imported.returncode == 0, imported.stderr
    exported = liftboard("export", "--what", "sets", "--out", "sets.csv", "--db", db, cwd=elsewhere)
    assert exported.returncode == 0, exported.stderr
    backed_up = liftboard("backup", "--out", "nightly.duckdb", "--db", db, cwd=elsewhere)
    assert backed_up.returncode == 0, backed_up.stderr
    rejected = liftboard(
        "log", "--db", db, "--date", "2026-11-20", "--exercise", "Nope", "--reps", "1"
    )
    assert rejected.returncode == 2
    assert "'Nope'" in rejected.stderr
    assert "Traceback" not in rejected.stderr
    again = liftboard("serve", "--db", db, "--port", str(free_port()))
    assert again.returncode == 2
    assert "already running on" in again.stderr
    restore = liftboard("restore", str(elsewhere / "nightly.duckdb"), "--db", db, "--force")
    assert restore.returncode == 2
    assert "stop the dashboard first" in restore.stderr

    assert serving.process.poll() is None  # the dashboard kept running throughout
    stop_server(serving)
    live_db = connect(db)
    sets = live_db.execute("select count(*) from sets").fetchone()
    assert sets is not None
    assert sets[0] > 1  # the logged set and the imported ones
    weights = live_db.execute("select bodyweight_kg from bodyweights").fetchall()
    assert weights == [(81.5,)]
    assert (elsewhere / "sets.csv").read_text().count("\n") == sets[0] + 1
    backup_db = connect(elsewhere / "nightly.duckdb")
    assert snapshot(backup_db) == snapshot(live_db)  # the backup opens and equals the live data
    live_db.close()
    backup_db.close()


@pytest.mark.skipif(os.getuid() != 0, reason="needs root to run a command as another user")
def test_another_user_cannot_hand_a_command_to_the_dashboard(serving):
    before = liftboard("export", "--what", "sets", "--out", "-", "--db", str(serving.db))
    assert before.returncode == 0, before.stderr
    address = live.socket_address(str(serving.db))  # the user's socket, found as root
    request = {
        "argv": ["log", "--date", "2026-11-20", "--exercise", "Superman", "--seconds", "30"],
        "cwd": "/",
        "db": str(serving.db),
    }
    child = os.fork()
    if child == 0:  # the other user: a copy of this process that gave up root
        answer = b"not run"
        try:
            os.setgid(65534)
            os.setuid(65534)
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                sock.connect(address)
                try:  # a hang-up before or after the request is the same refusal
                    sock.sendall(json.dumps(request).encode() + b"\n")
                    answer = sock.recv(1024)
                except (BrokenPipeError, ConnectionResetError):
                    answer = b""
        finally:
            os._exit(0 if answer == b"" else 1)
    _, waited = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(waited) == 0  # the dashboard hung up without a word
    after = liftboard("export", "--what", "sets", "--out", "-", "--db", str(serving.db))
    assert after.stdout == before.stdout  # nothing was logged


def test_the_dashboard_holds_the_file_while_it_runs(serving):
    # What the command line works around: no second process may open the file meanwhile.
    with pytest.raises(duckdb.IOException, match="lock"):
        duckdb.connect(str(serving.db))
