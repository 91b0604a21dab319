"""The kept weekly volume cells: every kind of write leaves them giving exactly what a count
from the sets gives, whatever the range, athlete or secondary weight asked for."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipelines import volume_cache
from pipelines.athletes import ensure_athlete, log_bodyweight
from pipelines.db import connect, load_seeds
from pipelines.errors import ValidationError
from pipelines.exercise_matching import map_exercise, unmapped_exercises
from pipelines.importers import import_file
from pipelines.logbook import delete_session, delete_set, log_sets, start_session, update_set
from pipelines.weekly_volume import weekly_muscle_volume
from tests.conftest import MONDAY

CLASSIC = Path(__file__).resolve().parents[1] / "fixtures" / "imports" / "strong_classic.csv"
MOVES = [
    {"exercise": "Barbell Full Squat", "weight": 100, "reps": 5},
    {"exercise": "Pullups", "reps": 8},
    {"exercise": "Pullups", "weight": 10, "reps": 6, "set_type": "failure"},
    {"exercise": "Plank", "seconds": 60},
    {"exercise": "Barbell Deadlift", "weight": 140, "reps": 3, "set_type": "warmup"},
    {"exercise": "Bent Over Barbell Row", "weight": 135, "unit": "lb", "reps": 10},
    {"exercise": "Band Assisted Pull-Up", "weight": 20, "reps": 8},
]


def dirty_rows(con: duckdb.DuckDBPyConnection) -> list[tuple[int | None, int | None]]:
    return [
        (r[0], r[1])
        for r in con.execute(
            "select athlete_id, week_no from volume_dirty order by dirty_id"
        ).fetchall()
    ]


def assert_kept_equals_live(con: duckdb.DuckDBPyConnection, **query: object) -> None:
    kept = weekly_muscle_volume(con, **query)  # type: ignore[arg-type]
    assert dirty_rows(con) == [], "a read leaves no week marked"
    live = weekly_muscle_volume(con, live=True, **query)  # type: ignore[arg-type]
    pd.testing.assert_frame_equal(kept, live, check_exact=False, rtol=1e-9, atol=1e-9)


def random_queries(rng: random.Random, athletes: list[int]) -> list[dict[str, object]]:
    """Whole history, one athlete, and ranges cut mid-week at either or both ends."""
    start = MONDAY + dt.timedelta(days=rng.randrange(0, 40))
    end = start + dt.timedelta(days=rng.randrange(0, 50))
    return [
        {},
        {"athlete_id": rng.choice(athletes)},
        {"start": start, "end": end, "secondary_weight": rng.choice([0, 0.5, 1])},
        {"athlete_id": rng.choice(athletes), "start": start, "end": end},
        {"start": start},
        {"end": end, "secondary_weight": 1},
    ]


def test_kept_cells_match_a_count_from_the_sets_after_every_kind_of_write(tmp_path):
    con = connect(tmp_path / "kept.duckdb")
    rng = random.Random(20261124)
    athletes = [ensure_athlete(con, "Sam"), ensure_athlete(con, "Alex", "lb")]
    sessions: list[int] = []
    sets: list[int] = []

    def log_session() -> None:
        day = MONDAY + dt.timedelta(days=rng.randrange(0, 70), hours=rng.choice([6, 12, 23]))
        weight = rng.choice([None, 72.5, 81.0])
        session = start_session(con, rng.choice(athletes), day, bodyweight_kg=weight)
        sessions.append(session)
        sets.extend(log_sets(con, session, rng.sample(MOVES, rng.randrange(1, len(MOVES)))))

    def edit_set() -> None:
        if sets:
            update_set(con, rng.choice(sets), reps=rng.randrange(1, 15), set_type="working")

    def remove_set() -> None:
        if sets:
            delete_set(con, sets.pop(rng.randrange(len(sets))))

    def remove_session() -> None:
        if sessions:
            gone = sessions.pop(rng.randrange(len(sessions)))
            kept = {r[0] for r in con.execute("select set_id from sets").fetchall()}
            delete_session(con, gone)
            sets[:] = [s for s in sets if s in kept and s in _set_ids(con)]

    def weigh_in() -> None:
        day = MONDAY + dt.timedelta(days=rng.randrange(-7, 70))
        log_bodyweight(con, rng.choice(athletes), day, rng.choice([70, 80, 95]))

    def rejected_write() -> None:
        if sessions:
            with pytest.raises(ValidationError):
                log_sets(con, rng.choice(sessions), [{"exercise": "Pullups", "reps": -3}])

    writes = [log_session, log_session, edit_set, remove_set, remove_session, weigh_in]
    writes.append(rejected_write)
    for step in range(40):
        rng.choice(writes)()
        if step % 4 == 0:
            for query in random_queries(rng, athletes):
                assert_kept_equals_live(con, **query)
    # an import, a custom exercise mapped afterwards, and a catalog reload
    import_file(con, CLASSIC, unit="kg", athlete="Sam")
    assert_kept_equals_live(con)
    custom = unmapped_exercises(con)
    if not custom.empty:
        map_exercise(con, str(custom["exercise_id"].iloc[0]), "Barbell_Full_Squat")
    assert_kept_equals_live(con)
    assert load_seeds(con, force=True)
    assert dirty_rows(con) == [(None, None)]
    for query in random_queries(rng, athletes):
        assert_kept_equals_live(con, **query)
    con.close()


def _set_ids(con: duckdb.DuckDBPyConnection) -> set[int]:
    return {int(r[0]) for r in con.execute("select set_id from sets").fetchall()}


def test_logging_a_set_marks_only_the_week_of_its_session(con, athlete):
    weekly_muscle_volume(con)  # count everything: no week is marked
    session = start_session(
        con, athlete, dt.datetime.combine(MONDAY, dt.time(7)) + dt.timedelta(days=9)
    )
    log_sets(con, session, [MOVES[0]])
    assert dirty_rows(con) == [(athlete, volume_cache.monday_week_no(MONDAY) + 1)]
    weekly_muscle_volume(con)
    assert dirty_rows(con) == []
    kept = con.execute("select muscle_group, direct_sets from volume_cells").fetchall()
    assert ("quadriceps", 1) in kept


def test_a_rejected_write_marks_no_week(con, athlete):
    session = start_session(con, athlete, dt.datetime.combine(MONDAY, dt.time(7)))
    weekly_muscle_volume(con)
    with pytest.raises(ValidationError):
        log_sets(con, session, [MOVES[0], {"exercise": "Pullups", "reps": "many"}])
    assert dirty_rows(con) == []


def test_a_bodyweight_reading_marks_the_later_weeks_it_can_change(con, athlete):
    for days in (0, 7, 21):
        session = start_session(
            con, athlete, dt.datetime.combine(MONDAY + dt.timedelta(days=days), dt.time(7))
        )
        log_sets(con, session, [MOVES[1]])
    weekly_muscle_volume(con)
    log_bodyweight(con, athlete, MONDAY + dt.timedelta(days=9), 80)
    week = volume_cache.monday_week_no(MONDAY)
    assert sorted(dirty_rows(con)) == [(athlete, week + 1), (athlete, week + 3)]
    bodyweight_tonnage = weekly_muscle_volume(con, athlete_id=athlete)
    lats = bodyweight_tonnage[bodyweight_tonnage["muscle_group"] == "lats"]
    assert lats["tonnage_kg"].tolist() == [0.0, 0.0, 0.0, 8 * 80.0]


def test_a_range_cut_mid_week_counts_only_its_days(con, athlete):
    # Monday and Friday sessions; the range runs Wednesday to the next Tuesday
    for days in (0, 4, 7, 9):
        session = start_session(
            con, athlete, dt.datetime.combine(MONDAY + dt.timedelta(days=days), dt.time(7))
        )
        log_sets(con, session, [MOVES[0]])
    start, end = MONDAY + dt.timedelta(days=2), MONDAY + dt.timedelta(days=8)
    frame = weekly_muscle_volume(con, athlete_id=athlete, start=start, end=end)
    quads = frame[frame["muscle_group"] == "quadriceps"]
    assert quads["direct_sets"].tolist() == [1, 1]
    assert_kept_equals_live(con, athlete_id=athlete, start=start, end=end)


def test_a_read_only_connection_counts_live_when_weeks_are_marked(tmp_path):
    path = tmp_path / "marked.duckdb"
    con = connect(path)
    athlete = ensure_athlete(con, "Sam")
    session = start_session(con, athlete, dt.datetime.combine(MONDAY, dt.time(7)))
    log_sets(con, session, [MOVES[0], MOVES[0]])
    assert dirty_rows(con) != []
    con.close()
    reader = duckdb.connect(str(path), read_only=True)
    frame = weekly_muscle_volume(reader)
    assert dirty_rows(reader) != [], "the read-only reader could not recount, and said so"
    quads = frame[frame["muscle_group"] == "quadriceps"]
    assert quads["direct_sets"].tolist() == [2]
    reader.close()
