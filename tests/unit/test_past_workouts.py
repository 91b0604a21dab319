"""The past-workouts list and taking back a deleted set."""

from __future__ import annotations

import pytest

from pipelines.athletes import ensure_athlete
from pipelines.errors import ValidationError
from pipelines.logbook import delete_session, session_sets
from pipelines.past_workouts import delete_set_kept, past_sessions, restore_set
from tests.conftest import log_day

SQUAT = {"exercise": "Barbell Squat", "weight": 100, "reps": 5}


def test_sessions_are_listed_newest_first_a_page_at_a_time(con, athlete):
    ids = [log_day(con, athlete, day, [SQUAT, SQUAT]) for day in range(5)]
    log_day(con, ensure_athlete(con, "Kim"), 9, [SQUAT])  # someone else's
    first = past_sessions(con, athlete, page=0, page_size=2)
    assert first["session_id"].tolist() == [ids[4], ids[3]]
    assert first["sets"].tolist() == [2, 2]
    assert set(first["total_sessions"]) == {5}
    assert past_sessions(con, athlete, page=2, page_size=2)["session_id"].tolist() == [ids[0]]
    assert past_sessions(con, athlete, page=3, page_size=2).empty


def test_a_finished_session_has_a_duration_an_open_one_none(con, athlete):
    log_day(con, athlete, 0, [SQUAT], minutes=45)
    log_day(con, athlete, 1, [SQUAT])
    rows = past_sessions(con, athlete)
    assert rows["duration_min"].isna().tolist() == [True, False]
    assert rows["duration_min"].iloc[1] == 45


def test_a_deleted_set_comes_back_as_it_was(con, athlete):
    session = log_day(con, athlete, 0, [SQUAT, {**SQUAT, "rpe": 8, "notes": "grindy"}, SQUAT])
    before = session_sets(con, session)
    kept = delete_set_kept(con, int(before["set_id"].iloc[1]))
    assert len(session_sets(con, session)) == 2
    restore_set(con, kept)
    assert session_sets(con, session).equals(before)


def test_a_set_cannot_come_back_once_its_session_is_gone(con, athlete):
    session = log_day(con, athlete, 0, [SQUAT, SQUAT])
    kept = delete_set_kept(con, int(session_sets(con, session)["set_id"].iloc[0]))
    delete_session(con, session)
    with pytest.raises(ValidationError, match="session_id"):
        restore_set(con, kept)
    assert con.execute("select count(*) from sets").fetchone() == (0,)
