"""Every change to a database goes through one write unit (`pipelines.writes.write`).

The unit opens the transaction, journals the change, marks the weekly volume cells it made
stale and turns storage failures into sentences. These tests read the source of `pipelines/`
and fail on a write that bypasses it, and check its promises through real writes.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from pipelines.athletes import ensure_athlete, log_bodyweight, set_unit
from pipelines.db import read_sql
from pipelines.errors import LiftboardError
from pipelines.logbook import DaySession, delete_set, log_sets, start_session, update_set
from pipelines.weekly_volume import weekly_muscle_volume
from pipelines.writes import data_version, write
from tests.conftest import ROOT

PIPELINES = ROOT / "pipelines"
WRITE_UNIT = PIPELINES / "writes.py"
# Statements that change rows; a read (select, describe) or a temporary staging table is fine.
_DML = re.compile(r"^\s*(insert\s+into|update\s+\w+\s+set|delete\s+from)\b", re.I | re.M)


def _modules() -> list[Path]:
    return sorted(p for p in PIPELINES.rglob("*.py") if p != WRITE_UNIT)


def _sql_text(node: ast.expr) -> str:
    """The SQL a call argument carries: a literal string, or the file `read_sql` names."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
    if isinstance(node, ast.BinOp):
        return _sql_text(node.left) + _sql_text(node.right)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "read_sql"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ):
        return read_sql(str(node.args[0].value))
    return ""


def _inside_write(function: ast.AST) -> bool:
    """Whether a function opens a write unit, or is handed one (a parameter typed `Write`)."""
    for node in ast.walk(function):
        if isinstance(node, ast.With):
            for item in node.items:
                call = item.context_expr
                if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "write":
                    return True
    if isinstance(function, ast.FunctionDef):
        return any(
            isinstance(a.annotation, ast.Name) and a.annotation.id == "Write"
            for a in function.args.args
        )
    return False


def _bypasses(paths: list[Path] | None = None) -> list[str]:
    found = []
    for path in _modules() if paths is None else paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            for node in ast.walk(function):
                if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                    continue
                name = node.func.attr
                if name in {"begin", "commit", "rollback"}:
                    found.append(f"{where}:{node.lineno} opens its own transaction ({name})")
                elif (
                    name == "execute"
                    and node.args
                    and _DML.search(_sql_text(node.args[0]))
                    and not _inside_write(function)
                ):
                    found.append(f"{where}:{node.lineno} changes rows outside a write unit")
    return found


def test_no_module_changes_rows_outside_the_write_unit():
    assert _bypasses() == []


def test_the_source_check_finds_a_write_that_bypasses_the_unit(tmp_path):
    rogue = tmp_path / "zz_rogue_writer_for_test.py"
    rogue.write_text(
        "def sneak(con):\n"
        "    cur = con.cursor()\n"
        "    cur.begin()\n"
        "    cur.execute('delete from sets where set_id = ?', [1])\n"
        "    cur.commit()\n",
        encoding="utf-8",
    )
    found = _bypasses([*_modules(), rogue])
    assert any("zz_rogue_writer_for_test.py:3 opens its own transaction" in f for f in found)
    assert any(
        "zz_rogue_writer_for_test.py:4 changes rows outside a write unit" in f for f in found
    )


def _cells_match_live(con: duckdb.DuckDBPyConnection, athlete: int) -> None:
    kept = weekly_muscle_volume(con, athlete_id=athlete)
    live = weekly_muscle_volume(con, athlete_id=athlete, live=True)
    assert kept.reset_index(drop=True).equals(live.reset_index(drop=True))


def test_every_kind_of_set_write_journals_once_and_leaves_no_stale_week(con):
    athlete = ensure_athlete(con, "Kim")
    weekly_muscle_volume(con, athlete_id=athlete)  # cells counted before the writes
    day = dt.date(2026, 3, 4)
    steps: list[Callable[[], object]] = [
        lambda: log_sets(con, DaySession(day, "Kim"), [{"exercise": "Pullups", "reps": 8}]),
        lambda: update_set(con, _last_set(con), reps=3),
        lambda: log_bodyweight(con, athlete, day, 80),
        lambda: set_unit(con, athlete, "lb"),
        lambda: delete_set(con, _last_set(con)),
    ]
    for step in steps:
        before = data_version(con)
        step()
        assert data_version(con) == before + 1
        _cells_match_live(con, athlete)


def _last_set(con: duckdb.DuckDBPyConnection) -> int:
    (row,) = con.execute("select max(set_id) from sets").fetchall()
    return int(row[0])


def test_a_failed_block_keeps_nothing_and_journals_nothing(con):
    athlete = ensure_athlete(con, "Kim")
    session = start_session(con, athlete, "2026-03-04 07:00")
    before = data_version(con)

    def half_a_write() -> None:
        with write(con, "sets") as w:
            w.cur.execute(
                "insert into sets (session_id, exercise_id, set_index, set_type, reps, notes) "
                "values (?, 'Pullups', 1, 'working', 5, '')",
                [session],
            )
            w.touch_session(session)
            raise RuntimeError("stop half way")

    with pytest.raises(RuntimeError):
        half_a_write()
    assert data_version(con) == before
    assert con.execute("select count(*) from sets").fetchall() == [(0,)]
    dirty = con.execute("select count(*) from volume_dirty where athlete_id = ?", [athlete])
    assert dirty.fetchall() == [(0,)]


def test_a_refused_constraint_is_a_sentence_naming_the_change(con):
    sentence = r"^The database refused the sets \(.*\)\. Nothing was saved\.$"
    with pytest.raises(LiftboardError, match=sentence), write(con, "sets") as w:
        w.cur.execute(
            "insert into sets (session_id, exercise_id, set_index, set_type, reps, notes) "
            "values (424242, 'Pullups', 1, 'working', 5, '')"
        )
