"""Weekly set landmarks: the shipped defaults, an athlete's own values, and each week's status."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import pandas as pd
import pytest

from pipelines.athletes import ensure_athlete
from pipelines.errors import ValidationError
from pipelines.logbook import log_sets, start_session
from pipelines.volume_targets import (
    reset_volume_landmarks,
    set_volume_landmarks,
    volume_landmarks,
    volume_overview,
    weekly_volume_status,
)
from tests.conftest import snapshot

MONDAY = dt.date(2025, 9, 1)
BACK = (8.0, 10.0, 14.0, 22.0, 25.0)
LANDMARKS = ["mv_sets", "mev_sets", "mav_low_sets", "mav_high_sets", "mrv_sets"]


@pytest.fixture
def athlete(con):
    return ensure_athlete(con, "Sam")


def landmarks_of(frame: pd.DataFrame, group: str) -> tuple[tuple[float, ...], str]:
    row = frame[frame["muscle_group"] == group].iloc[0]
    return tuple(float(row[c]) for c in LANDMARKS), str(row["source"])


def status_after(
    con: duckdb.DuckDBPyConnection, athlete: int, sets: list[dict[str, Any]], group: str
) -> tuple[float, str]:
    session = start_session(con, athlete, dt.datetime.combine(MONDAY, dt.time(7)))
    if sets:
        log_sets(con, session, sets)
    frame = weekly_volume_status(con, athlete_id=athlete, start=MONDAY, end=MONDAY)
    row = frame[frame["muscle_group"] == group].iloc[0]
    return float(row["hard_sets"]), str(row["target_status"])


def test_the_back_landmarks_apply_to_lats_and_middle_back(con, athlete):
    frame = volume_landmarks(con, athlete_id=athlete)
    assert landmarks_of(frame, "lats") == (BACK, "default")
    assert landmarks_of(frame, "middle back") == (BACK, "default")
    assert landmarks_of(frame, "traps") == ((0.0, 0.0, 12.0, 20.0, 26.0), "default")
    assert landmarks_of(frame, "abdominals") == ((0.0, 0.0, 16.0, 20.0, 25.0), "default")
    assert landmarks_of(frame, "quadriceps") == ((6.0, 8.0, 12.0, 18.0, 20.0), "default")


def test_groups_without_a_published_landmark_have_none(con, athlete):
    frame = volume_landmarks(con, athlete_id=athlete)
    for group in ("lower back", "neck", "forearms", "adductors", "abductors"):
        values, source = landmarks_of(frame, group)
        assert source == "none"
        assert all(v != v for v in values)  # NaN


# Middle back gets half a set per pull-up (a secondary muscle); its landmarks are 8/10/14-22/25.
@pytest.mark.parametrize(
    ("pullups", "hard_sets", "status"),
    [
        (0, 0.0, "below maintenance"),
        (15, 7.5, "below maintenance"),
        (16, 8.0, "below minimum effective"),
        (19, 9.5, "below minimum effective"),
        (20, 10.0, "productive"),
        (50, 25.0, "productive"),
        (51, 25.5, "above maximum recoverable"),
    ],
)
def test_the_middle_back_status_follows_its_landmarks_at_each_boundary(
    con, athlete, pullups, hard_sets, status
):
    sets = [{"exercise": "Pullups", "reps": 5}] * pullups
    assert status_after(con, athlete, sets, "middle back") == (hard_sets, status)


# Glutes: 0/0/4-12/16; a squat gives them half a set. No work at all is not productive.
@pytest.mark.parametrize(
    ("squats", "hard_sets", "status"),
    [
        (0, 0.0, "below minimum effective"),
        (1, 0.5, "productive"),
        (32, 16.0, "productive"),
        (33, 16.5, "above maximum recoverable"),
    ],
)
def test_a_zero_minimum_still_needs_some_work_to_be_productive(
    con, athlete, squats, hard_sets, status
):
    sets = [{"exercise": "Barbell_Full_Squat", "weight": 60, "reps": 5}] * squats
    assert status_after(con, athlete, sets, "glutes") == (hard_sets, status)


def test_a_group_without_landmarks_has_no_target(con, athlete):
    sets = [{"exercise": "Superman", "reps": 12}] * 3
    assert status_after(con, athlete, sets, "lower back") == (3.0, "no target")


def test_an_athletes_own_landmarks_replace_the_defaults_for_them_only(con, athlete):
    other = ensure_athlete(con, "Alex")
    written = set_volume_landmarks(
        con,
        athlete,
        [
            {
                "muscle_group": "lats",
                "mv_sets": 2,
                "mev_sets": 4,
                "mav_low_sets": 6,
                "mav_high_sets": 8,
                "mrv_sets": 10,
            }
        ],
    )
    assert written == 1
    assert landmarks_of(volume_landmarks(con, athlete_id=athlete), "lats") == (
        (2.0, 4.0, 6.0, 8.0, 10.0),
        "athlete",
    )
    assert landmarks_of(volume_landmarks(con, athlete_id=other), "lats") == (BACK, "default")
    sets = [{"exercise": "Pullups", "reps": 5}] * 5
    assert status_after(con, athlete, sets, "lats") == (5.0, "productive")


def test_an_athlete_can_set_landmarks_for_a_group_without_defaults(con, athlete):
    set_volume_landmarks(
        con,
        athlete,
        [
            {
                "muscle_group": "lower back",
                "mv_sets": 0,
                "mev_sets": 2,
                "mav_low_sets": 4,
                "mav_high_sets": 8,
                "mrv_sets": 12,
            }
        ],
    )
    sets = [{"exercise": "Superman", "reps": 12}] * 13
    assert status_after(con, athlete, sets, "lower back") == (13.0, "above maximum recoverable")


def test_resetting_brings_the_defaults_back(con, athlete):
    set_volume_landmarks(
        con,
        athlete,
        [
            {
                "muscle_group": g,
                "mv_sets": 1,
                "mev_sets": 2,
                "mav_low_sets": 3,
                "mav_high_sets": 4,
                "mrv_sets": 5,
            }
            for g in ("lats", "chest")
        ],
    )
    assert reset_volume_landmarks(con, athlete, ["lats"]) == 1
    frame = volume_landmarks(con, athlete_id=athlete)
    assert landmarks_of(frame, "lats") == (BACK, "default")
    assert landmarks_of(frame, "chest")[1] == "athlete"
    assert reset_volume_landmarks(con, athlete) == 1


@pytest.mark.parametrize(
    ("entry", "column", "value"),
    [
        ({"mev_sets": 3}, "mev_sets", 3),  # below MV = 4
        ({"mrv_sets": -1}, "mrv_sets", -1),
        ({"mav_high_sets": "lots"}, "mav_high_sets", "lots"),
        ({"mrv_sets": 500}, "mrv_sets", 500),
        ({"muscle_group": "wings"}, "muscle_group", "wings"),
    ],
)
def test_bad_landmarks_are_named_and_nothing_is_written(con, athlete, entry, column, value):
    good = {
        "muscle_group": "chest",
        "mv_sets": 4,
        "mev_sets": 6,
        "mav_low_sets": 10,
        "mav_high_sets": 16,
        "mrv_sets": 20,
    }
    before = snapshot(con)
    overrides = con.execute("select count(*) from athlete_volume_landmarks").fetchone()
    with pytest.raises(ValidationError) as caught:
        set_volume_landmarks(con, athlete, [good, {**good, "muscle_group": "biceps", **entry}])
    problems = caught.value.problems
    assert [(p.row, p.column, p.value) for p in problems][:1] == [(2, column, value)]
    assert snapshot(con) == before
    assert con.execute("select count(*) from athlete_volume_landmarks").fetchone() == overrides


def test_landmarks_for_an_unknown_athlete_are_refused(con):
    with pytest.raises(ValidationError) as caught:
        set_volume_landmarks(
            con,
            99,
            [
                {
                    "muscle_group": "chest",
                    "mv_sets": 4,
                    "mev_sets": 6,
                    "mav_low_sets": 10,
                    "mav_high_sets": 16,
                    "mrv_sets": 20,
                }
            ],
        )
    assert caught.value.problems[0].column == "athlete_id"


def test_the_status_table_carries_the_landmarks_for_target_bands(con, athlete):
    start_session(con, athlete, dt.datetime.combine(MONDAY, dt.time(7)))
    frame = weekly_volume_status(con, athlete_id=athlete, start=MONDAY, end=MONDAY)
    chest = frame[frame["muscle_group"] == "chest"].iloc[0]
    assert tuple(chest[LANDMARKS]) == (6.0, 8.0, 12.0, 20.0, 22.0)
    assert len(frame) == 17


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (MONDAY, MONDAY + dt.timedelta(days=20)),  # whole weeks, the last one cut after a session
        (MONDAY + dt.timedelta(days=2), MONDAY + dt.timedelta(days=9)),  # both ends cut
        (None, None),  # everything, every athlete
    ],
)
def test_the_status_read_from_the_kept_cells_matches_the_count_from_the_sets(
    con, athlete, start, end
):
    other = ensure_athlete(con, "Alex")
    squat = {"exercise": "Barbell Squat", "weight": 100, "reps": 5}
    for days, who, sets in [(0, athlete, 3), (3, athlete, 4), (8, other, 2), (16, athlete, 12)]:
        day = dt.datetime.combine(MONDAY + dt.timedelta(days=days), dt.time(7))
        log_sets(con, start_session(con, who, day), [squat] * sets)
    who = None if start is None else athlete
    kept = weekly_volume_status(con, athlete_id=who, start=start, end=end)
    counted = weekly_volume_status(con, athlete_id=who, start=start, end=end, live=True)
    pd.testing.assert_frame_equal(kept, counted)
    assert kept["hard_sets"].sum() > 0


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (MONDAY, MONDAY + dt.timedelta(days=20)),  # whole weeks: read from the kept cells
        (MONDAY + dt.timedelta(days=2), MONDAY + dt.timedelta(days=9)),  # cut weeks: counted
    ],
)
def test_the_trends_overview_from_the_kept_cells_matches_the_count_from_the_sets(
    con, athlete, start, end
):
    other = ensure_athlete(con, "Alex")
    squat = {"exercise": "Barbell Squat", "weight": 100, "reps": 5}
    row = {"exercise": "Barbell Bent Over Row", "weight": 60, "reps": 8}
    for days, who, sets in [
        (0, athlete, [squat] * 3 + [row] * 2),
        (3, athlete, [squat] * 4),
        (8, other, [row] * 2),
        (9, athlete, [row] * 5),
        (16, athlete, [squat] * 12),
    ]:
        day = dt.datetime.combine(MONDAY + dt.timedelta(days=days), dt.time(7))
        log_sets(con, start_session(con, who, day), sets)
    kept = volume_overview(con, athlete_id=athlete, start=start, end=end)
    counted = volume_overview(con, athlete_id=athlete, start=start, end=end, live=True)
    pd.testing.assert_frame_equal(kept.volume, counted.volume)
    pd.testing.assert_frame_equal(kept.balance, counted.balance)
    first = kept.volume[kept.volume["period"] == pd.Timestamp(MONDAY)]
    quads = first[first["muscle_group"] == "quadriceps"].iloc[0]
    squats_in_range = 7 if start == MONDAY else 4  # the Wednesday-on range keeps Thursday's
    assert float(quads["hard_sets"]) == squats_in_range
    assert float(kept.balance["legs_total"].iloc[0]) > 0
    assert float(kept.balance["back_total"].iloc[0]) > 0
