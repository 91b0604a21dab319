"""`liftboard suggest` and `liftboard review`, run as a user runs them."""

from __future__ import annotations

from pathlib import Path

from pipelines.db import connect
from pipelines.logbook import DaySession, log_sets
from tests.conftest import liftboard_in_process

liftboard = liftboard_in_process  # each command runs inside this process


def _log(db: Path, day: str, exercise: str, reps: str, times: int = 1) -> None:
    """Sam's sets, written as `liftboard log` writes them (only the command under test runs)."""
    con = connect(db)
    try:
        log_sets(con, DaySession(day, "Sam"), [{"exercise": exercise, "reps": int(reps)}] * times)
    finally:
        con.close()


def test_suggest_prints_the_fewest_sets_for_the_week_so_far(db_file: Path) -> None:
    # a Monday: lats 7 of 10, biceps 3.5 of 8. Nine more pull-ups bring both (biceps 8 needs
    # 9 x 0.5); middle back would need more than ten.
    _log(db_file, "2025-09-01", "Pullups", "8", times=7)
    done = liftboard("suggest", "--db", str(db_file), "--date", "2025-09-01")
    assert done.returncode == 0, done.stderr
    assert "Sam, week of 2025-09-01 up to 2025-09-01:" in done.stdout
    assert "- 9 sets of Pullups → biceps and lats reach their minimum; middle back +4.5." in (
        done.stdout
    )
    assert "How: " in done.stdout


def test_review_prints_the_week_and_writes_csv(db_file: Path, tmp_path: Path) -> None:
    _log(db_file, "2025-09-03", "Pullups", "8", times=2)
    done = liftboard("review", "--db", str(db_file), "--week", "2025-09-07")
    assert done.returncode == 0, done.stderr
    assert "Sam: the week of 2025-09-01" in done.stdout
    assert "Rep ranges: 1-5: 0 (0%), 6-12: 2 (100%)" in done.stdout
    out = tmp_path / "review.csv"
    done = liftboard("review", "--db", str(db_file), "--week", "2025-09-07", "--csv", str(out))
    assert done.returncode == 0, done.stderr
    assert "2025-09-01,totals,sets,this_week,2.0" in out.read_text()


def test_a_bad_week_is_a_sentence_and_exit_2(db_file: Path) -> None:
    done = liftboard("review", "--db", str(db_file), "--week", "2025-13-01")
    assert done.returncode == 2
    assert "must be a real date" in done.stderr
    assert "Traceback" not in done.stderr
