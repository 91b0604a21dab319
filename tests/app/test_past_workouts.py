"""Past workouts on the Log page, driven through its widgets."""

from __future__ import annotations

from pipelines.athletes import ensure_athlete
from tests.app.conftest import open_page
from tests.conftest import log_day, snapshot

LOG = "app_pages/log_sets.py"
SQUAT = {"exercise": "Barbell Squat", "weight": 100, "reps": 5}


def test_a_deleted_set_of_a_past_workout_can_be_undone(app_db, db):
    me = ensure_athlete(db, "Me")
    older = log_day(db, me, 0, [SQUAT, {**SQUAT, "reps": 3}], minutes=50)
    log_day(db, me, 3, [SQUAT])
    at = open_page(LOG)
    (table,) = [d.value for d in at.dataframe if "Duration" in d.value.columns]
    assert table[["Date", "Sets", "Duration"]].to_numpy().tolist() == [
        ["Thu 04 Sep 2025", 1, "\u2013"],
        ["Mon 01 Sep 2025", 2, "50 min"],
    ]
    at.selectbox(key="past_open").select(older).run()
    before = snapshot(db)
    at.selectbox(key="past_set").select(_set_ids(db, older)[1]).run()
    at.button(key="past_edit_delete").click().run()
    assert not at.exception
    assert "Set deleted." in [s.value for s in at.success]
    assert len(_set_ids(db, older)) == 1
    at.button(key="past_undo").click().run()
    assert "Set put back." in [s.value for s in at.success]
    assert snapshot(db)["sets"] == before["sets"]


def test_a_workout_is_deleted_only_after_saying_yes(app_db, db):
    me = ensure_athlete(db, "Me")
    session = log_day(db, me, 0, [SQUAT, SQUAT])
    at = open_page(LOG)
    at.selectbox(key="past_open").select(session).run()
    at.button(key="past_delete_session").click().run()
    assert "cannot be undone" in at.warning[0].value
    at.button(key="past_delete_no").click().run()
    assert db.execute("select count(*) from sessions").fetchone() == (1,)
    at.button(key="past_delete_session").click().run()
    at.button(key="past_delete_yes").click().run()
    assert not at.exception
    assert db.execute("select count(*) from sessions").fetchone() == (0,)
    assert db.execute("select count(*) from sets").fetchone() == (0,)
    assert "Workout deleted." in [s.value for s in at.success]


def _set_ids(db, session_id: int) -> list[int]:
    rows = db.execute(
        "select set_id from sets where session_id = ? order by set_index", [session_id]
    ).fetchall()
    return [int(r[0]) for r in rows]
